"""Finger scrolling with momentum for a scroll area.

Not QScroller: each QScroller.grabGesture() registers a gesture type that Qt never frees,
and the kiosk makes a fresh reading pane for every screen it shows, so a day of patients
leaked memory steadily (found by bench/soak.py).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QTouchEvent
from PySide6.QtWidgets import QAbstractScrollArea

FRAME_MS = 16
FRICTION = 0.92  # share of the speed kept each frame while gliding


class TouchScroll(QObject):
    def __init__(self, area: QAbstractScrollArea):
        super().__init__(area)
        self._bar = area.verticalScrollBar()
        self._last_y: float | None = None
        self._last_time = 0.0
        self._speed = 0.0  # px per ms, positive = content moves up
        self._glide_timer = QTimer(self, interval=FRAME_MS)
        self._glide_timer.timeout.connect(self._glide)
        viewport = area.viewport()
        viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QTouchEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.TouchBegin and event.points():
            self._glide_timer.stop()
            self._last_y = event.points()[0].position().y()
            self._last_time = time.monotonic()
            self._speed = 0.0
            event.accept()
            return True
        if kind == QEvent.Type.TouchUpdate and self._last_y is not None and event.points():
            y = event.points()[0].position().y()
            now = time.monotonic()
            moved = self._last_y - y
            self._bar.setValue(round(self._bar.value() + moved))
            elapsed_ms = max((now - self._last_time) * 1000, 1.0)
            self._speed = 0.6 * self._speed + 0.4 * (moved / elapsed_ms)
            self._last_y, self._last_time = y, now
            event.accept()
            return True
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel) and self._last_y is not None:
            self._last_y = None
            if abs(self._speed) > 0.1:
                self._glide_timer.start()
            event.accept()
            return True
        return False

    def _glide(self) -> None:
        self._bar.setValue(round(self._bar.value() + self._speed * FRAME_MS))
        self._speed *= FRICTION
        if abs(self._speed) < 0.05 or self._bar.value() in (self._bar.minimum(), self._bar.maximum()):
            self._glide_timer.stop()
