"""When nobody has touched the kiosk for a while: "Still reading?", then a fresh start for the next patient."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.model.words import UiText
from kiosk.ui.input.timers import Timers, qt_timer

if TYPE_CHECKING:  # the countdown loads when first wanted, not at start-up
    from kiosk.ui.screens.countdown import CountdownOverlay

log = logging.getLogger(__name__)

# While someone listens (audio mode, a screen reader), the warning is long enough to hear the
# question through and answer it: WCAG's 20 seconds at least.
LISTENING_WARNING_SECONDS = 20

# Touch counts, not only the mouse events Qt makes from it: some tablets send only touch.
ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
    QEvent.Type.KeyPress, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
}


def watched_application() -> QCoreApplication:
    app = QApplication.instance()
    if app is None:  # a programming error: the kiosk makes its application first
        raise RuntimeError("the idle watcher and staff corner need the QApplication")
    return app


class IdleWatcher(QObject):
    """Emits ``idle`` after ``seconds`` without a touch, click, key or wheel anywhere in the app."""

    idle = Signal()
    activity = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None, timers: Timers = qt_timer):
        super().__init__(parent)
        self._timer = timers(self, int(seconds * 1000), True, True)
        self._timer.timeout.connect(self.idle)
        self.set_seconds(seconds)

    def watch(self) -> None:
        """Notice touches from now on. Called once the window is first painted: PySide makes the
        Python classes and enums of every widget type at an app-wide filter's first event
        (about 70 ms), which the first frame shouldn't wait for."""
        watched_application().installEventFilter(self)

    def set_seconds(self, seconds: float) -> None:
        self._timer.setInterval(int(seconds * 1000))
        self._timer.start()

    def restart(self) -> None:
        self._timer.start()

    @property
    def seconds(self) -> float:
        """How long a quiet spell lasts before ``idle``."""
        return self._timer.interval() / 1000

    def remaining_seconds(self) -> float:
        """How long until ``idle`` if nobody touches anything (0 once it has fired)."""
        return max(0, self._timer.remainingTime()) / 1000

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and event.spontaneous():
            self._timer.start()
            self.activity.emit()
        return False


class IdleReset(QObject):
    """After a quiet spell, asks "Still reading?" over ``window`` with a countdown; a touch keeps
    the patient's screen, zero emits ``resetDue`` (the kiosk then resets for the next patient).
    ``countdownShown`` hands the overlay to the wiring as it appears.

    The countdown's time is kept here, not by the overlay: if the overlay can't be made or shown
    (a word that can't be filled in, a missing picture, anything), the reset still comes when the
    time is up, and a touch meanwhile still keeps reading.
    """

    resetDue = Signal()
    countdownShown = Signal(object)  # CountdownOverlay

    def __init__(self, window: QWidget, seconds: float, countdown_seconds: int, timers: Timers = qt_timer,
                 listening_seconds: float | None = None):
        super().__init__(window)
        self._window = window
        self._timers = timers
        self.countdown_seconds = countdown_seconds
        self._seconds = seconds
        self._listening_seconds = listening_seconds if listening_seconds is not None else seconds
        self.listening = False  # someone listens rather than looks: a longer quiet spell and warning
        self.watcher = IdleWatcher(seconds, self, timers)
        self.watcher.activity.connect(self._touched)
        self.countdown: CountdownOverlay | None = None
        self._deadline = timers(self, countdown_seconds * 1000, True, True)
        self._deadline.timeout.connect(self.expire)

    def set_times(self, seconds: float, listening_seconds: float) -> None:
        """The staff's quiet spells: the usual one, and the one while someone listens."""
        if (seconds, listening_seconds) != (self._seconds, self._listening_seconds):
            self._seconds, self._listening_seconds = seconds, listening_seconds
            self.watcher.set_seconds(self.quiet_seconds)

    def set_listening(self, on: bool) -> None:
        """Audio mode or a screen reader on (or off): the quiet spell counts again, at its length."""
        if on != self.listening:
            self.listening = on
            log.info("idle: %s", "someone listens: the longer wait" if on else "the usual wait")
            self.watcher.set_seconds(self.quiet_seconds)

    @property
    def quiet_seconds(self) -> float:
        """How long without a touch or key before "Still reading?" now."""
        return max(self._seconds, self._listening_seconds) if self.listening else self._seconds

    @property
    def warning_seconds(self) -> int:
        """How long "Still reading?" counts down now."""
        if self.listening:
            return max(self.countdown_seconds, LISTENING_WARNING_SECONDS)
        return self.countdown_seconds

    @property
    def counting(self) -> bool:
        """Whether the countdown runs (with its overlay or, if that failed, without)."""
        return self._deadline.isActive()

    def start_countdown(self, ui: UiText) -> None:
        """Start counting down, then show the overlay (``countdownShown``)."""
        if self.counting:
            return
        seconds = self.warning_seconds
        self._deadline.start(seconds * 1000)
        try:
            from kiosk.ui.screens.countdown import CountdownOverlay

            self.countdown = CountdownOverlay(ui, seconds, self._window, self._timers)
            self.countdownShown.emit(self.countdown)
        except Exception:  # the next patient's fresh start must not depend on drawing the question
            log.exception("idle: 'Still reading?' can't be shown; the reset still comes when its time is up")

    def close_countdown(self) -> None:
        self._deadline.stop()  # a closed countdown must never reset a later patient's screen
        if self.countdown is not None:
            self.countdown.stop()
            self.countdown.hide()
            self.countdown.deleteLater()
            self.countdown = None

    def _touched(self) -> None:
        if self.counting and self.countdown is None:  # no overlay to touch: any touch keeps reading
            self.keep_reading()

    def keep_reading(self) -> None:
        log.info("idle: keep reading")
        self.close_countdown()
        self.watcher.restart()

    def expire(self) -> None:
        """The time is up (the deadline's, or the overlay's own zero): reset for the next patient."""
        self.close_countdown()
        log.info("idle: reset for the next patient")
        self.resetDue.emit()
