"""Where the kiosk's timers come from: the idle time, the countdown, the staff corner's hold.

The parts that wait for time are given a way to make their timers, so the tests can give them
timers driven by a fake clock (``tests/support/fakes.py``) instead of waiting for real seconds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

# A new timer owned by ``parent``: (parent, interval in ms, single shot, precise)
Timers = Callable[[QObject, int, bool, bool], QTimer]


def qt_timer(parent: QObject, interval_ms: int, single_shot: bool, precise: bool = False) -> QTimer:
    """Qt's own timer: the kiosk's, outside the tests."""
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    timer.setSingleShot(single_shot)
    if precise:  # a coarse timer may drift by 5% of 90 s
        timer.setTimerType(Qt.TimerType.PreciseTimer)
    return timer
