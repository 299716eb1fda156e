"""Read aloud's controls on the screens: the button in a header (a long press turns audio mode on
or off) and home's audio mode tick box."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.model.words import UiText
from kiosk.ui.widgets.buttons import RowCheckBox
from kiosk.ui.widgets.words import Words

if TYPE_CHECKING:  # loaded when Read aloud is first wanted, after home is painted (start-up time)
    pass


LONG_PRESS_MS = 1500  # a long press on Read aloud turns audio mode on or off


class ReadAloudButton(QPushButton):
    """"Read aloud" / "Stop reading". Hidden until ``ReadAloud`` knows a voice for the language."""

    longPressed = Signal()

    def __init__(self, ui: UiText, parent: QWidget | None = None):
        super().__init__(ui.read_aloud, parent)
        self.setObjectName("languageButton")
        self._words = (ui.read_aloud, ui.stop_reading)
        self.setAccessibleName(ui.read_aloud)
        self.setVisible(False)
        self._held = QTimer(self, singleShot=True, interval=LONG_PRESS_MS)
        self._held.timeout.connect(self._long_press)
        self._was_long = False
        self.pressed.connect(self._start_hold)
        self.released.connect(self._held.stop)

    def set_reading(self, reading: bool) -> None:
        self.setText(self._words[1] if reading else self._words[0])
        self.setAccessibleName(self.text())

    def _start_hold(self) -> None:
        self._was_long = False
        self._held.start()

    def _long_press(self) -> None:
        self._was_long = True
        self.longPressed.emit()

    def was_long_press(self) -> bool:
        """The click that ends a long press is not a click on Read aloud."""
        was, self._was_long = self._was_long, False
        return was


class AudioModeToggle(QWidget):
    """Audio mode on home: every touch speaks what it touched; a second touch chooses it.

    The check box and, under it, how audio mode works: what is spoken when it is turned on is
    these words, on the screen for anyone helping the patient too.
    """

    def __init__(self, ui: UiText, parent: QWidget | None = None):
        super().__init__(parent)
        self.checkbox = RowCheckBox(ui.audio_mode)  # fingertip: the whole row takes a tap
        self.checkbox.setObjectName("calmToggle")
        self.checkbox.setAccessibleName(f"{ui.audio_mode}. {ui.audio_mode_hint}")
        self.hint = Words(ui.audio_mode_hint)
        self.hint.setObjectName("audioModeHint")
        self.hint.setWordWrap(True)
        self.hint.setIndent(54)  # under the words, past the box
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.checkbox)
        layout.addWidget(self.hint)
        self.setVisible(False)
