"""The bottom edge of a scrolling pane: never half a line, and a clear sign when there is more.

A line cut through at the bottom of a pane reads, at arm's length, as a smudge or as the end
of the page. So while there is more below, a pane draws only the lines that fit whole above a
band at its bottom, and in that band a large arrow that says "more below, drag up". At the end
of the page the band goes and the last line sits whole at the bottom, as it always did.

A reading page (``PageView``) is cut by its text lines; a column of widgets (``ScrollingColumn``)
by the buttons and tick boxes in it, and a label's words by their lines. Pictures are never
hidden: a picture cut at the edge plainly goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QRegion
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QTextEdit, QWidget

BAND_EM = 1.5  # the band at the bottom while there is more: room for the arrow, in lines of text
PICTURE_LINES = 3  # a line this many times a text line's height holds a picture: it may be cut


def band_height(area: QAbstractScrollArea) -> int:
    """The band's height: it grows with the text size, as the lines it stands for do."""
    return max(36, round(BAND_EM * area.fontMetrics().height()))


def more_below(area: QAbstractScrollArea) -> bool:
    bar = area.verticalScrollBar()
    return bar.value() < bar.maximum()


Line = tuple[int, int, str]  # top and bottom in the viewport's coordinates, and its words


def text_lines(view: QTextEdit) -> Iterator[Line]:
    """Every text line of the page."""
    document = view.document()
    layout = document.documentLayout()
    offset = view.verticalScrollBar().value()
    tallest = PICTURE_LINES * view.fontMetrics().height()
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top() - offset
        lines = block.layout()
        for n in range(lines.lineCount()):
            line = lines.lineAt(n)
            if line.height() <= tallest:
                words = block.text()[line.textStart():line.textStart() + line.textLength()]
                yield round(top + line.y()), round(top + line.y() + line.height()), words
        block = block.next()


def widget_lines(area: QAbstractScrollArea) -> Iterator[Line]:
    """Every button, tick box and line of words in a column: a box is one unit, hidden whole
    rather than shown without its words."""
    viewport = area.viewport()
    tallest = viewport.height() // 2
    for widget in viewport.findChildren(QWidget):
        if not widget.isVisibleTo(viewport) or not isinstance(widget, (QAbstractButton, QLabel)):
            continue
        top = widget.mapTo(viewport, QPoint(0, 0)).y()
        if isinstance(widget, QLabel) and widget.text() and (widget.pixmap() is None or widget.pixmap().isNull()):
            words = widget.contentsRect()
            step = max(1, widget.fontMetrics().lineSpacing())
            lines = max(1, words.height() // step)
            start = top + words.top() + (words.height() - lines * step) // 2  # words are centred
            yield from ((start + n * step, start + (n + 1) * step, widget.text()) for n in range(lines))
        elif widget.height() <= tallest:
            yield top, top + widget.height(), widget.text()


def cut_at(lines: Iterator[Line], limit: int) -> int:
    """Where drawing stops so that no line crosses it: above ``limit``, at the top of the highest
    line that crosses it, and higher again where a line beside that one (in a page's other
    column) crosses that."""
    spans = [(top, bottom) for top, bottom, _ in lines if top < limit]
    while (crossing := [top for top, bottom in spans if top < limit < bottom]):
        limit = min(crossing)
    return limit


class PaneEdge(QObject):
    """Keeps ``area``'s bottom edge on whole lines, with the arrow while there is more below.

    ``lines`` gives the pane's lines; a column (``mask=True``) is cut by masking its widget, a
    reading page by the height it draws its text to (``PageView`` asks ``drawn_height``).
    """

    def __init__(self, area: QAbstractScrollArea, lines: Callable[[], Iterator[Line]],
                 mask: QWidget | None = None):
        super().__init__(area)
        self._area = area
        self._lines = lines
        self._mask = mask
        self.cue = MoreCue(area)
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(self.update)
        bar.rangeChanged.connect(self.update)
        area.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self.update()
        return False

    def drawn_height(self) -> int:
        """How far down the viewport lines are drawn now: all of it, or to the last whole line."""
        viewport = self._area.viewport()
        if not more_below(self._area):
            return viewport.height()
        return cut_at(self._lines(), viewport.height() - band_height(self._area))

    def lines(self) -> Iterator[Line]:
        return self._lines()

    def update(self) -> None:
        viewport = self._area.viewport()
        shown = more_below(self._area)
        band = band_height(self._area)
        self.cue.setGeometry(QRect(viewport.mapTo(self._area, QPoint(0, viewport.height() - band)),
                                   QSize(viewport.width(), band)))
        self.cue.setVisible(shown)
        self.cue.raise_()
        if self._mask is not None:
            if shown:
                drawn = self.drawn_height()
                at = self._mask.mapFrom(viewport, QPoint(0, 0))
                self._mask.setMask(QRegion(QRect(at, viewport.size()).adjusted(0, 0, 0, drawn - viewport.height())))
            else:
                self._mask.clearMask()
        viewport.update()


class MoreCue(QWidget):
    """A large arrow pointing down in the band at the pane's bottom: there is more, drag up.
    Drawn only; a finger goes through it to the pane, which scrolls."""

    def __init__(self, area: QAbstractScrollArea):
        super().__init__(area)
        self.setObjectName("moreBelow")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        colour = QColor(self.palette().color(QPalette.ColorRole.WindowText))  # the style sheet's text colour
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        high = self.height() * 0.6
        wide = high * 2.4
        middle = QPointF(self.width() / 2, self.height() / 2)
        arrow = QPainterPath(QPointF(middle.x() - wide / 2, middle.y() - high / 4))
        arrow.lineTo(QPointF(middle.x(), middle.y() + high / 4))
        arrow.lineTo(QPointF(middle.x() + wide / 2, middle.y() - high / 4))
        pen = QPen(colour, max(4.0, high / 4), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPath(arrow)
        painter.end()
