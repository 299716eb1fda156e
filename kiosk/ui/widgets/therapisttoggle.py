"""Therapist mode's button, on the screens a therapist reads beside a patient: one tap on, one tap
off, and while on it says quietly how long the screen is held ("Therapist mode: 18 min")."""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.model.wording import fill
from kiosk.model.words import UiText
from kiosk.ui.input.therapisthold import TherapistHold
from kiosk.ui.widgets.words import named


class TherapistToggle(QPushButton):
    """Follows ``hold`` (it may change on another screen, or end by itself); a tap says ``chosen``."""

    chosen = Signal(bool)

    def __init__(self, ui: UiText, hold: TherapistHold, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "secondary")
        self.setProperty("footer", True)  # 64 px targets (theme.py)
        self.setCheckable(True)
        self._ui = ui
        self._hold = hold
        self.setAccessibleName(ui.therapist_mode)
        hold.changed.connect(self._follow)
        hold.minutesLeft.connect(self._follow)
        self.clicked.connect(self.chosen)
        self._follow()

    def _follow(self, *_: object) -> None:
        on = self._hold.on
        self.setChecked(on)
        if on:
            self.setText(fill(self._ui.therapist_minutes_left, minutes=self._hold.minutes_left()))
        else:
            self.setText(self._ui.therapist_mode)


def therapist_toggle(ui: UiText, hold: TherapistHold | None, chosen: SignalInstance) -> TherapistToggle | None:
    """The button for a screen that offers therapist mode (none where ``hold`` is None), its taps to ``chosen``."""
    if hold is None:
        return None
    toggle = TherapistToggle(ui, hold)
    toggle.chosen.connect(chosen)
    return toggle
