"""Therapist mode's hold on the idle reset: while a therapist talks a patient through the screen
without touching it, "Still reading?" waits, but only up to the clinic's limit; then the mode
ends by itself and the normal countdown comes, so the next patient always gets a fresh start."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QObject, Signal

from kiosk.ui.input.timers import Timers, qt_timer

log = logging.getLogger(__name__)

MINUTE_MS = 60_000


class TherapistHold(QObject):
    """``changed`` says the mode went on or off; ``minutesLeft`` the whole minutes left while on,
    each minute; ``released`` that it went off, by a tap or its limit (the normal idle time runs from
    then); ``limitReached`` that the limit, not a tap, ended it (the countdown is due)."""

    changed = Signal(bool)
    released = Signal()
    minutesLeft = Signal(int)
    limitReached = Signal()

    def __init__(self, limit_minutes: int, parent: QObject | None = None, timers: Timers = qt_timer):
        super().__init__(parent)
        self.limit_minutes = limit_minutes
        self._limit = timers(self, limit_minutes * MINUTE_MS, True, True)
        self._limit.timeout.connect(self._reached)
        self._minute = timers(self, MINUTE_MS, False, False)
        self._minute.timeout.connect(self._tell_minutes)

    @property
    def on(self) -> bool:
        return self._limit.isActive()

    def minutes_left(self) -> int:
        """Whole minutes left, rounded up (0 while off)."""
        if not self.on:
            return 0
        return math.ceil(max(0, self._limit.remainingTime()) / MINUTE_MS)

    def set_on(self, on: bool) -> None:
        if on == self.on:
            return
        if on:
            log.info("therapist mode on, for up to %d minutes", self.limit_minutes)
            self._limit.start(self.limit_minutes * MINUTE_MS)
            self._minute.start()
        else:
            log.info("therapist mode off")
            self._stop()
        self.changed.emit(on)
        if on:
            self.minutesLeft.emit(self.minutes_left())
        else:
            self.released.emit()

    def _stop(self) -> None:
        self._limit.stop()
        self._minute.stop()

    def _tell_minutes(self) -> None:
        if self.on:
            self.minutesLeft.emit(self.minutes_left())

    def _reached(self) -> None:
        log.info("therapist mode: its limit is reached; the normal idle reset returns")
        self._stop()
        self.changed.emit(False)
        self.released.emit()
        self.limitReached.emit()
