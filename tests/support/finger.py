"""The real finger: mouse clicks and touches at a widget's own coordinates, sent into its window
where the system would put them, so Qt itself decides what is under the finger (a shaped body-map
region, a gap between buttons that gets nothing)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def on_screen(widget: QWidget, point: QPoint | None = None) -> tuple[QWindow, QPoint]:
    """The window ``widget`` is in, and ``point`` (its centre by default) in the window's coordinates."""
    window = widget.window()
    handle = window.windowHandle()
    assert handle is not None, "the widget's window is not shown"
    at = point if point is not None else widget.rect().center()
    return handle, widget.mapTo(window, at)


def click(widget: QWidget, point: QPoint | None = None) -> None:
    """A mouse click at ``point`` on ``widget`` (its centre by default)."""
    handle, at = on_screen(widget, point)
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, pos=at)


def tap(widget: QWidget, point: QPoint | None = None, touch: bool = True) -> None:
    """A fingertip's tap at ``point`` on ``widget``: touch events (or, with ``touch=False``, a mouse click)."""
    if not touch:
        click(widget, point)
        return
    handle, at = on_screen(widget, point)
    device = QTest.createTouchDevice()
    QTest.touchEvent(handle, device).press(0, at).commit()
    QTest.touchEvent(handle, device).release(0, at).commit()


def press(widget: QWidget, point: QPoint | None = None) -> tuple[QWindow, QPoint]:
    """A finger put down (a mouse press) and held; ``release`` lifts it."""
    handle, at = on_screen(widget, point)
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=at)
    return handle, at


def release(held: tuple[QWindow, QPoint]) -> None:
    handle, at = held
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=at)


def drag(widget: QWidget, start: QPoint, by: QPoint, steps: int = 10) -> None:
    """A finger put down at ``start`` on ``widget``, moved by ``by`` in ``steps``, and lifted."""
    handle, at = on_screen(widget, start)
    device = QTest.createTouchDevice()
    QTest.touchEvent(handle, device).press(0, at).commit()
    for step in range(1, steps + 1):
        QTest.touchEvent(handle, device).move(0, at + by * step / steps).commit()
    QTest.touchEvent(handle, device).release(0, at + by).commit()
