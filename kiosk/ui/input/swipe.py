"""Turning pages: a sideways swipe on the reading pane, and the Left and Right arrow keys
wherever the focus is on the screen (walkthrough steps, region tabs). On a screen read right to
left the arrow keys are mirrored, as its pages are."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

SWIPE_PX = 120  # a horizontal drag this long, mostly sideways, turns the page


ARROWS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
# A walkthrough's keys as in a slide show: Page Up and Down a step, Home and End to the first and
# last (a step further than any walkthrough has, kept to its ends by the page turner).
STEP_KEYS = {**ARROWS, Qt.Key.Key_PageUp: -1, Qt.Key.Key_PageDown: 1, Qt.Key.Key_Home: -1000, Qt.Key.Key_End: 1000}


class TurnKeys(QObject):
    """Left and Right call ``turn(-1)`` and ``turn(+1)`` (or each of ``keys`` its own step),
    whichever control of the screen has the focus: the reading pane and the buttons would
    otherwise keep the keys for themselves."""

    def __init__(self, screen: QWidget, turn: Callable[[int], None], keys: dict[Qt.Key, int] | None = None):
        super().__init__(screen)
        self._screen = screen
        self._turn = turn
        self._keys = keys or ARROWS
        for widget in (screen, *screen.findChildren(QWidget)):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        step = self._keys.get(Qt.Key(event.key()))
        if step is None:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # ours, not a shortcut's
            return True
        if event.type() == QEvent.Type.KeyPress:
            mirrored = self._screen.isRightToLeft() and Qt.Key(event.key()) in ARROWS
            self._turn(-step if mirrored else step)  # read right to left, Left is the way on
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
