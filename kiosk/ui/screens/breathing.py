"""Slow breathing, paced on screen: opened from the pause, a circle grows as the patient breathes
in and shrinks, more slowly, as they breathe out, with the words for each, for the clinic's number
of breaths (clinic.yaml). No picture of a needle, nothing to read at length; Read aloud's audio
mode says each breath, and each breath keeps the visit alive. Back returns to the pause."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.model.clinic import Breathing
from kiosk.model.wording import fill
from kiosk.ui.input.timers import Timers, qt_timer
from kiosk.ui.screens.context import ScreenContext
from kiosk.ui.screens.reading import ReadingScreen
from kiosk.ui.widgets.announce import announce
from kiosk.ui.widgets.breathcircle import BreathingCircle
from kiosk.ui.widgets.words import Words, named

READY_MS = 3000  # a moment to settle before the first breath


class BreathPhase(Enum):
    READY = "ready"
    IN = "in"
    OUT = "out"
    DONE = "done"


class BreathingScreen(ReadingScreen):
    """``phaseChanged(BreathPhase)`` at each breath in and out and at the end (``said()``: its
    words); ``backRequested`` (the way back, or Esc) returns to the screen that opened it."""

    phaseChanged = Signal(object)

    def __init__(self, context: ScreenContext, breathing: Breathing, timers: Timers = qt_timer,
                 parent: QWidget | None = None):
        ui = context.ui
        super().__init__(context, ui.go_back or ui.previous_button, parent=parent)
        self._ui, self._breathing = ui, breathing
        self.title = named(Words(ui.breathing_title), "attractTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.circle = BreathingCircle(context.colours.primary)
        self.words = named(Words(""), "cardLine")  # what to do now, large
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.words.setWordWrap(True)
        self.count = named(Words(""), "prompt")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = named(Words(ui.breathing_note), "prompt")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.again_button = named(QPushButton(ui.breathing_again), "stepButton")
        self.again_button.clicked.connect(lambda: self.start_over())
        again = QHBoxLayout()
        again.addStretch(1)
        again.addWidget(self.again_button)
        again.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addWidget(self.title)
        layout.addWidget(self.circle, 1)
        layout.addWidget(self.words)
        layout.addWidget(self.count)
        layout.addLayout(again)
        layout.addWidget(self.note)
        self.setAccessibleName(ui.breathing_title)
        self._timer = timers(self, READY_MS, True, True)
        self._timer.timeout.connect(self._next)
        self.phase, self.breath = BreathPhase.READY, 0
        self.start_over()

    def start_over(self, step: int = 0) -> None:
        """From the start: a moment to settle, then the first breath in."""
        self.phase, self.breath = BreathPhase.READY, 0
        self.circle.rest()
        self.again_button.hide()
        self._show()
        self._timer.start(READY_MS)

    def said(self) -> str:
        """The words for now, as shown (and as audio mode says them)."""
        return " ".join(part for part in (self.words.text(), self.count.text()) if part)

    def _next(self) -> None:
        if self.phase is BreathPhase.IN:
            self.phase = BreathPhase.OUT
            self.circle.shrink(self._breathing.out_ms)
            self._timer.start(self._breathing.out_ms)
        elif self.breath >= self._breathing.breaths:
            self.phase = BreathPhase.DONE
            self.circle.rest()
            self.again_button.show()
        else:
            self.phase, self.breath = BreathPhase.IN, self.breath + 1
            self.circle.grow(self._breathing.in_ms)
            self._timer.start(self._breathing.in_ms)
        self._show()
        announce(self, self.said())  # a screen reader hears each breath as it is shown
        self.phaseChanged.emit(self.phase)

    def _show(self) -> None:
        ui = self._ui
        words = {BreathPhase.READY: ui.breathing_ready, BreathPhase.IN: ui.breathe_in,
                 BreathPhase.OUT: ui.breathe_out, BreathPhase.DONE: ui.breathing_done}[self.phase]
        self.words.setText(words)
        counting = self.phase in (BreathPhase.IN, BreathPhase.OUT)
        self.count.setText(fill(ui.breathing_count, number=self.breath, total=self._breathing.breaths)
                           if counting else "")

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()  # nobody follows a pace they can't see; shown again, it starts over
        super().hideEvent(event)
