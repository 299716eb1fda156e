"""Turning pages: a sideways swipe on the reading pane, and the Left and Right arrow keys
wherever the focus is on the screen (walkthrough steps, region tabs)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

SWIPE_PX = 120  # a horizontal drag this long, mostly sideways, turns the page


class TurnKeys(QObject):
    """Left and Right call ``turn(-1)`` and ``turn(+1)``, whichever control of the screen has the
    focus: the reading pane and the buttons would otherwise keep the arrows for themselves."""

    def __init__(self, screen: QWidget, turn: Callable[[int], None]):
        super().__init__(screen)
        self._turn = turn
        for widget in (screen, *screen.findChildren(QWidget)):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.accept()  # ours, not a shortcut's
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._turn(1 if event.key() == Qt.Key.Key_Right else -1)
            return True
        return False


class SwipeWatcher(QObject):
    """Turns a sideways drag on the page into a swipe (-1 left, +1 right); scrolling is left alone."""

    swiped = Signal(int)

    def __init__(self, target: QWidget):
        super().__init__(target)
        self._start: QPointF | None = None
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # A finger (touch events) or a mouse: tablets may deliver either.
        if isinstance(event, QTouchEvent):
            where = event.points()[0].position() if event.points() else None
        elif isinstance(event, QMouseEvent):
            where = event.position() if event.button() == Qt.MouseButton.LeftButton else None
        else:
            return False
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress) and where is not None:
            self._start = where
        elif kind in (QEvent.Type.TouchEnd, QEvent.Type.MouseButtonRelease) and self._start is not None \
                and where is not None:
            end = where
            delta = end - self._start
            self._start = None
            if abs(delta.x()) >= SWIPE_PX and abs(delta.x()) > 2 * abs(delta.y()):
                self.swiped.emit(-1 if delta.x() < 0 else 1)
        return False
