"""Work that waits until a widget's first frame: what a patient doesn't see first comes after it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after the paint, and its flush to the screen
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """``then()`` once, in the turn of the event loop after ``widget`` is first painted."""
    _FirstPaint(widget, then)
