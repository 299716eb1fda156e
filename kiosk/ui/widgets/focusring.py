"""The focus ring: where the keyboard is, easy to see on every control in every look."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget

FOCUS_RING_PX = 3  # WCAG 2.4.13 asks for at least 2 CSS px


FOCUS_GAP_PX = 2  # between the control and its ring: the ring's neighbours are both the page
# A part of the window drawn in other colours than the patient's look (the staff screens) names
# the ring's colour there in this property.
RING_COLOUR = "focusRingColour"


class FocusRing(QWidget):
    """A ring drawn around whichever control has the keyboard focus, a little outside it.

    Outside the control, the ring lies on the page's background on both sides, so one colour (the
    body text's) contrasts with both neighbours on every control, filled or outlined, in every look.
    Drawn by one overlay instead of per-control borders, which can't contrast with both a dark
    button and a light page.
    """

    def __init__(self, window: QWidget, colour: Callable[[], str]):
        super().__init__(window)
        self._colour = colour
        self._target: QWidget | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    @property
    def target(self) -> QWidget | None:
        return self._target

    def colour(self) -> str:
        widget = self._target if self._target is not None and shiboken6.isValid(self._target) else None
        while widget is not None:
            own = widget.property(RING_COLOUR)
            if isinstance(own, str) and own:
                return own
            widget = widget.parentWidget()
        return self._colour()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self._target is not None and shiboken6.isValid(self._target):  # it may have been deleted
            self._target.removeEventFilter(self)
        window = self.parentWidget()
        # Only for a control reached by keyboard: not one a finger just tapped, nor a whole screen
        # (each screen takes the focus itself when shown, so no control is ringed unasked).
        by_pointer = QApplication.mouseButtons() != Qt.MouseButton.NoButton
        control = new is not None and bool(new.focusPolicy() & Qt.FocusPolicy.TabFocus) \
            and new.objectName() != "screen"
        self._target = new if control and not by_pointer and window is not None \
            and new is not None and window.isAncestorOf(new) else None
        if self._target is not None:
            self._target.installEventFilter(self)
        self.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self.follow()
        return False

    def follow(self) -> None:
        """Sit around the focused control (hidden when nothing in the window has the focus)."""
        if self._target is not None and not shiboken6.isValid(self._target):
            self._target = None  # deleted with its screen
        target, window = self._target, self.parentWidget()
        if target is None or window is None or not target.isVisible():
            self.hide()
            return
        margin = FOCUS_GAP_PX + FOCUS_RING_PX
        box = QRect(target.mapTo(window, target.rect().topLeft()), target.size())
        self.setGeometry(box.adjusted(-margin, -margin, margin, margin).intersected(window.rect()))
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp, measurable edges
        pen = QPen(QColor(self.colour()), FOCUS_RING_PX)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = FOCUS_RING_PX // 2
        painter.drawRect(self.rect().adjusted(half, half, -half - FOCUS_RING_PX % 2, -half - FOCUS_RING_PX % 2))
        painter.end()
