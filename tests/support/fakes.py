"""Time the tests control: a fake clock whose timers fire when the test moves it on, so the idle
reset, the countdown and the staff corner's hold are tested without waiting real seconds (the
machines running the tests are shared and slow, and real 0.3-3 s timers raced on them)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication


class FakeTimer(QTimer):
    """A QTimer that never runs by itself: its clock fires it when the clock passes its time."""

    def __init__(self, clock: FakeClock, parent: QObject):
        super().__init__(parent)
        self._clock = clock
        self._due: float | None = None  # the clock's time it fires at, while active

    def start(self, msec: int | None = None) -> None:  # type: ignore[override]
        if msec is not None:
            self.setInterval(msec)
        self._due = self._clock.now + self.interval() / 1000

    def stop(self) -> None:
        self._due = None

    def isActive(self) -> bool:
        return self._due is not None

    def remainingTime(self) -> int:
        if self._due is None:
            return -1
        return max(0, round((self._due - self._clock.now) * 1000))

    def fire(self) -> None:
        self._due = None if self.isSingleShot() else self._clock.now + max(self.interval(), 1) / 1000
        self.timeout.emit()


class FakeClock:
    """``monotonic()`` for what reads the time, and as a timer factory (``kiosk.ui.input.timers``)
    for what waits for it. ``advance(seconds)`` fires every timer due by then, in order."""

    def __init__(self, now: float = 1000.0):
        self.now = now
        self._timers: list[FakeTimer] = []

    def monotonic(self) -> float:
        return self.now

    def __call__(self, parent: QObject, interval_ms: int, single_shot: bool, precise: bool = False) -> QTimer:
        timer = FakeTimer(self, parent)
        timer.setInterval(interval_ms)
        timer.setSingleShot(single_shot)
        timer.destroyed.connect(lambda: self._forget(timer))
        self._timers.append(timer)
        return timer

    def advance(self, seconds: float) -> None:
        """Move time on by ``seconds``, firing each timer due meanwhile at its own time, with the
        events each firing causes handled before the next, as the event loop would."""
        until = self.now + seconds
        while True:
            due = [t for t in self._timers if t._due is not None and t._due <= until]
            if not due:
                break
            first = min(due, key=lambda t: t._due or 0.0)
            self.now = max(self.now, first._due or self.now)
            first.fire()
            QApplication.processEvents()
        self.now = until
        QApplication.processEvents()

    def _forget(self, timer: FakeTimer) -> None:
        if timer in self._timers:
            self._timers.remove(timer)
