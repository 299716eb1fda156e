"""Real input into the kiosk's window, as the platform sends it: a mouse, or one finger.

Every press, move and release goes in through the window, at window coordinates: Qt itself
decides which widget is under the finger (an overlay on top, a region button's mask), and the
kiosk's application-wide filters (the idle timer, the staff corner) see it. A touch that no
widget takes becomes mouse events, as on a tablet.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPointingDevice, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton, QWidget


@functools.cache
def touch_screen() -> QPointingDevice:
    """One touch screen for the whole process: Qt keeps every device registered until it exits."""
    return QTest.createTouchDevice()


def tap_point(widget: QWidget) -> QPoint:
    """Where a finger presses a control: its centre, or for a check box its box and words."""
    if isinstance(widget, QCheckBox) and not widget.hitButton(widget.rect().center()):
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        return widget.style().subElementRect(QStyle.SubElement.SE_CheckBoxClickRect, option, widget).center()
    return widget.rect().center()


def swipe_points(rect: QRect, dx: int, dy: int, rng: random.Random) -> list[QPoint]:
    """Five points of a finger's stroke across the middle of ``rect``; no finger moves in a straight line."""
    centre = rect.center()
    wobble = rng.randrange(-15, 16)
    start = QPoint(centre.x() - dx // 2, centre.y() - dy // 2)
    return [QPoint(start.x() + dx * k // 4 + (wobble * k // 4 if dy else 0),
                   start.y() + dy * k // 4 + (wobble * k // 4 if dx else 0)) for k in range(5)]


class Finger:
    """Presses, moves and releases of the mouse or of one finger, into ``window``."""

    def __init__(self, window: QWidget):
        self.window = window

    @property
    def handle(self) -> QWindow:
        handle = self.window.windowHandle()
        if handle is None:
            raise RuntimeError("the kiosk window is not shown: no input can reach it")
        return handle

    def window_point(self, widget: QWidget, pos: QPoint) -> QPoint:
        """``pos`` on ``widget`` in window coordinates, kept on the screen: no finger goes past its edge."""
        at = widget.mapTo(self.window, QPoint(pos))
        return QPoint(min(max(at.x(), 0), self.window.width() - 1), min(max(at.y(), 0), self.window.height() - 1))

    def press(self, point: QPoint, touch: bool) -> None:
        if touch:
            self._touch(lambda finger: finger.press(0, point, self.handle))
        else:
            QTest.mousePress(self.handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    def move(self, point: QPoint, touch: bool) -> None:
        if touch:
            self._touch(lambda finger: finger.move(0, point, self.handle))
        else:
            QTest.mouseMove(self.handle, point)

    def release(self, point: QPoint, touch: bool) -> None:
        if touch:
            self._touch(lambda finger: finger.release(0, point, self.handle))
        else:
            QTest.mouseRelease(self.handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    def _touch(self, step: Callable[[QTest.QTouchEventSequence], object]) -> None:
        """One step of one finger on the touch screen, sent as one touch event."""
        sequence = QTest.touchEvent(self.handle, touch_screen(), False)
        step(sequence)
        sequence.commit()

    def stroke(self, widget: QWidget, points: Sequence[QPoint], touch: bool = False) -> None:
        """Press at the first point (on ``widget``), move through the others, let go at the last.
        One point is a tap."""
        at = [self.window_point(widget, p) for p in points]
        self.press(at[0], touch)
        for point in at[1:]:
            self.move(point, touch)
        self.release(at[-1], touch)

    def tap(self, widget: QWidget, pos: QPoint | None = None, touch: bool = False) -> None:
        """A tap on ``widget`` at ``pos``, or where a finger presses it."""
        self.stroke(widget, [tap_point(widget) if pos is None else pos], touch)

    def key(self, key: Qt.Key) -> None:
        """A key of a keyboard plugged into the tablet, to the focus widget of the window."""
        QTest.keyClick(self.handle, key)
