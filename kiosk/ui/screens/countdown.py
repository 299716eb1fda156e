"""'Still reading?': a gentle countdown over the screen before it resets for the next patient."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.model.wording import fill, placeholder_trouble
from kiosk.model.words import UiText
from kiosk.ui.input.timers import Timers, qt_timer
from kiosk.ui.widgets.announce import announce
from kiosk.ui.widgets.cover import Cover
from kiosk.ui.widgets.words import Words, named

log = logging.getLogger(__name__)

REMINDER_AT = 10  # seconds left: a listening patient is told once more before the reset


class CountdownOverlay(Cover):
    """Covers its parent; any touch or key keeps reading, reaching zero asks for a reset. The
    keyboard's focus is on "Keep reading" while it is shown (``Cover``)."""

    keepReading = Signal()
    expired = Signal()

    def __init__(self, ui: UiText, seconds: int, parent: QWidget, timers: Timers = qt_timer):
        super().__init__(parent)
        self.setObjectName("countdown")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._ui = ui
        self.remaining = self._shown_from = seconds
        card = named(QWidget(), "countdownCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        question = named(Words(ui.idle_question), "countdownQuestion")
        self.message = named(Words(), "countdownMessage")
        self.keep_button = named(QPushButton(ui.keep_reading), "keepReading")
        self.keep_button.clicked.connect(self._keep)
        # Said with the button's name as the focus lands on it: a screen reader that doesn't
        # speak announcements (Orca before 45) still hears what the question means.
        self.keep_button.setAccessibleDescription(f"{self._time_left()} {ui.idle_spoken_keep}")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 36, 48, 36)
        inner.setSpacing(20)
        for widget in (question, self.message):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setWordWrap(True)
            inner.addWidget(widget)
        inner.addWidget(self.keep_button, 0, Qt.AlignmentFlag.AlignCenter)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        self._timer = timers(self, 1000, False, False)
        self._timer.timeout.connect(self._tick)
        self._show_remaining()
        self.setGeometry(parent.rect())
        self.raise_()  # before it shows: the focus ring, on its button, goes above it
        self.show()
        self._timer.start()
        # A screen reader hears it at once, over whatever it was reading: the focus on "Keep
        # reading" alone says only the button's name.
        announce(self, " ".join(self.spoken()), urgent=True)

    def spoken(self) -> list[str]:
        """What is said as it appears (by a screen reader, and audio mode's voice): the question,
        when the screen starts again, and how to keep reading."""
        return [self._ui.idle_question, self._time_left(), self._ui.idle_spoken_keep]

    def _time_left(self) -> str:
        words = self._ui.idle_spoken_time
        if placeholder_trouble(words, ("seconds",)) is not None:  # logged by the check: the number still tells
            return str(self.remaining)
        return fill(words, seconds=self.remaining)

    def stop(self) -> None:
        """Stop counting: a closed countdown must never reset a later patient's screen."""
        self._timer.stop()

    def _show_remaining(self) -> None:
        words = self._ui.idle_countdown
        trouble = placeholder_trouble(words, ("seconds",))
        if trouble is None:
            said = fill(words, seconds=self.remaining)
        else:
            # Words that slipped past the check ("{seconds}}"): the number alone still tells the patient.
            if self.remaining == self._shown_from:
                log.error("the countdown's words (idle_countdown) can't be filled in: %s; showing the number", trouble)
            said = str(self.remaining)
        self.message.setText(said)

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self._timer.stop()
            self.expired.emit()
        else:
            self._show_remaining()
            if self.remaining == REMINDER_AT < self._shown_from:
                announce(self, self._time_left(), urgent=True)

    def _keep(self) -> None:
        self._timer.stop()
        self.keepReading.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._keep()  # a touch anywhere means someone is still here

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Any key a button passes up (Esc, a letter) means someone is still here too; Space and
        # Enter press "Keep reading" itself, and Tab only moves round the overlay.
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            super().keyPressEvent(event)
        else:
            self._keep()
