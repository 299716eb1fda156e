"""What a widget shows, measured as a patient would see it: the part inside the screen and every
pane around it, words cut or alone on a line, a page that needs scrolling. For the fit check."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QPushButton, QTextEdit, QWidget

from kiosk.ui.widgets.paneedge import Line, PaneEdge, text_lines, widget_lines
from kiosk.ui.widgets.ticks import TickPanel


def shown_under(root: QWidget) -> Iterator[QWidget]:
    """Every widget shown under ``root``: the screens kept for later are passed over whole."""
    for child in root.children():
        if isinstance(child, QWidget) and child.isVisible():
            yield child
            yield from shown_under(child)


def is_control(widget: QWidget) -> bool:
    """A button or toggle a patient needs (a tick box in a list to scroll through is not one), or its words."""
    button = widget if isinstance(widget, QAbstractButton) else widget.parentWidget()
    if not isinstance(button, QAbstractButton):
        return False
    parent = button.parentWidget()
    while parent is not None and not isinstance(parent, TickPanel):
        parent = parent.parentWidget()
    return parent is None


TITLES = ("title", "heading", "prompt", "choose")


def title_or_button(label: QLabel) -> bool:
    """A title, or the words on a button: where one word alone on the last line looks broken."""
    name = label.objectName().lower()
    short = len(label.text().split()) <= 8  # a sentence, to read or to tick, may end as it falls
    return short and (any(t in name for t in TITLES) or isinstance(label.parentWidget(), QPushButton))


def words_of(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)) and not widget.findChildren(QLabel):
        return widget.text().strip()
    return ""


def short(text: str, most: int = 40) -> str:
    text = " ".join(text.replace("\u00a0", " ").split())
    return text if len(text) <= most else text[:most - 3].rstrip() + "..."


def visible_part(widget: QWidget) -> tuple[QRect, bool]:
    """The part of ``widget`` inside every widget around it, in the window's coordinates, and
    whether a pane that scrolls hides the rest (so a patient can scroll to it)."""
    window = widget.window()
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    by_scrolling = False
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        around = QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        if not around.contains(shown):
            area = parent.parentWidget()
            by_scrolling = by_scrolling or (isinstance(area, QAbstractScrollArea) and parent is area.viewport())
        shown = shown.intersected(around)
        parent = parent.parentWidget()
    return shown.intersected(window.rect()), by_scrolling


def overflows(widget: QWidget, text: str) -> bool:
    if isinstance(widget, QLabel):
        if widget.pixmap() is not None and not widget.pixmap().isNull():
            return False
        if widget.wordWrap():
            return widget.heightForWidth(widget.width()) > widget.height()
        return widget.sizeHint().width() > widget.width() or widget.sizeHint().height() > widget.height()
    return isinstance(widget, QAbstractButton) and widget.sizeHint().width() > widget.width()


def lonely_last_word(label: QLabel) -> bool:
    if not label.wordWrap():
        return False
    lines = _lines(label.text(), label)
    return len(lines) > 1 and len(lines[-1].split()) == 1 and len(lines[-2].split()) > 1


def _lines(text: str, label: QLabel) -> list[str]:
    layout = QTextLayout(text, label.font())
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.contentsRect().width())
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def judge_page(view: QTextEdit, phone: str, normal: bool, one_screen: bool) -> Iterator[tuple[str, bool]]:
    """A page at rest: does it need scrolling, is the phone on screen, is a title's last word alone?"""
    bar = view.verticalScrollBar()
    document = view.document()
    first = document.begin().next().layout()  # a paragraph's line, not the title's
    line = max(1, round(first.lineAt(0).height()) if first and first.lineCount() else view.fontMetrics().height())
    if normal and one_screen and bar.maximum() > 0:
        yield f"needs scrolling: about {-(-bar.maximum() // line)} lines too long", True
    found = document.find(phone) if phone else None
    if found is not None and not found.isNull() and normal:
        block = found.block()
        box = document.documentLayout().blockBoundingRect(block)
        last = block.layout().lineForTextPosition(found.selectionEnd() - 1 - block.position())
        if box.top() + last.y() + last.height() - bar.value() > view.viewport().height():
            yield "puts the clinic's phone number below the bottom of the screen", True
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        if block.blockFormat().headingLevel() and layout.lineCount() > 1:
            last = layout.lineAt(layout.lineCount() - 1)
            words = block.text()[last.textStart():last.textStart() + last.textLength()].split()
            if len(words) == 1 and normal:
                yield f"leaves the last word of the title '{short(block.text())}' alone on its line", True
        block = block.next()


def cut_at_edge(area: QAbstractScrollArea) -> str | None:
    """The words of a line the bottom edge of a scrolling pane cuts through, as it rests now
    (a pane that keeps to whole lines draws its lines only as far as it says), or None."""
    bar = area.verticalScrollBar()
    if bar.maximum() <= 0 or not area.isVisible():
        return None
    edge = area.findChild(PaneEdge, options=Qt.FindChildOption.FindDirectChildrenOnly)
    bottom = edge.drawn_height() if edge is not None else area.viewport().height()
    lines: Iterator[Line] = edge.lines() if edge is not None else (
        text_lines(area) if isinstance(area, QTextEdit) else widget_lines(area))
    return next((words.strip() or "a line" for top, end, words in lines if top < bottom < end), None)
