"""A finger's tap inside a finger-scrolled area: it presses what it lifts on, where a drag only
scrolls."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication


class FingerTaps(QObject):
    """A finger that lifts where it landed clicks what is under it; one that moves only scrolls.

    ``TouchScroll`` takes every touch on the area for scrolling, so Qt makes no mouse click from
    a touch on a button inside it: without this a finger scrolled home's column but pressed
    nothing in it. The click is a mouse press and release at the finger's point, so the control's
    own hit area decides, and audio mode hears the press as it hears a mouse's.
    """

    TAP_SLOP_PX = 12

    def __init__(self, area: QAbstractScrollArea):
        super().__init__(area)
        self._viewport = area.viewport()
        self._start: QPointF | None = None
        self._viewport.installEventFilter(self)  # after TouchScroll's: it still sees every touch

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QTouchEvent) or not event.points():
            return False
        where = event.points()[0].position()
        kind = event.type()
        if kind == QEvent.Type.TouchBegin:
            self._start = where
        elif kind == QEvent.Type.TouchUpdate and self._start is not None:
            if (where - self._start).manhattanLength() > self.TAP_SLOP_PX:
                self._start = None  # a drag: it scrolls, it presses nothing
        elif kind == QEvent.Type.TouchEnd and self._start is not None:
            self._start = None
            self._click(where)
        elif kind == QEvent.Type.TouchCancel:
            self._start = None
        return False

    def _click(self, where: QPointF) -> None:
        target = self._viewport.childAt(where.toPoint())
        if target is None:
            return
        at = QPointF(target.mapFrom(self._viewport, where.toPoint()))
        on_screen = QPointF(self._viewport.mapToGlobal(where.toPoint()))
        left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
        for kind, buttons in ((QEvent.Type.MouseButtonPress, left), (QEvent.Type.MouseButtonRelease, none)):
            QApplication.sendEvent(target, QMouseEvent(kind, at, on_screen, left, buttons,
                                                       Qt.KeyboardModifier.NoModifier))
