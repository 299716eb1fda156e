"""Read aloud's controls on the screens: the button in a header (a long press turns audio mode on
or off) and home's audio mode tick box. Each follows what Read aloud offers now (``SpeechOffer``)
and says what the patient asked for through its own signals; the screen passes those on."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.model.words import UiText
from kiosk.ui.speech.offer import SpeechOffer
from kiosk.ui.widgets.ticks import TickBox
from kiosk.ui.widgets.words import Words

LONG_PRESS_MS = 1500  # a long press on Read aloud turns audio mode on or off


class ReadAloudButton(QPushButton):
    """"Read aloud" / "Stop reading", shown while Read aloud is offered. ``readRequested`` is a
    click that was not the end of a long press; ``longPressed`` asks for audio mode on or off."""

    readRequested = Signal()
    longPressed = Signal()

    def __init__(self, ui: UiText, speech: SpeechOffer | None = None, parent: QWidget | None = None):
        super().__init__(ui.read_aloud, parent)
        self.setObjectName("languageButton")
        self._words = (ui.read_aloud, ui.stop_reading)
        self.setAccessibleName(ui.read_aloud)
        self._held = QTimer(self, singleShot=True, interval=LONG_PRESS_MS)
        self._held.timeout.connect(self._long_press)
        self._was_long = False
        self.pressed.connect(self._start_hold)
        self.released.connect(self._held.stop)
        self.clicked.connect(self._clicked)
        self._speech = speech
        if speech is not None:
            speech.changed.connect(self._follow)
        self._follow()

    @property
    def speech(self) -> SpeechOffer | None:
        return self._speech

    def _follow(self) -> None:
        speech = self._speech
        _show_if(self, speech is not None and speech.offered)
        self.set_reading(speech is not None and speech.reading)

    def set_reading(self, reading: bool) -> None:
        self.setText(self._words[1] if reading else self._words[0])
        self.setAccessibleName(self.text())

    def _start_hold(self) -> None:
        self._was_long = False
        self._held.start()

    def _long_press(self) -> None:
        self._was_long = True
        self.longPressed.emit()

    def _clicked(self) -> None:
        was_long, self._was_long = self._was_long, False
        if not was_long:  # the click that ends a long press is not a click on Read aloud
            self.readRequested.emit()


class AudioModeToggle(QWidget):
    """Audio mode on home: every touch speaks what it touched; a second touch chooses it.

    The check box and, under it while it is on, how audio mode works: what is spoken when it is
    turned on is these words, on the screen for anyone helping the patient too. Off, the words
    stay in its spoken name and leave their room on home to the buttons. ``toggled`` is the patient's
    own tick, never Read aloud's.
    """

    toggled = Signal(bool)

    def __init__(self, ui: UiText, speech: SpeechOffer | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        # Home's kind of tick box: the whole row takes a tap, and its words wrap in the narrow
        # corner beside the map at extra-large text rather than being cut.
        self.checkbox = TickBox(ui.audio_mode)
        self.checkbox.setAccessibleName(f"{ui.audio_mode}. {ui.audio_mode_hint}")
        self.hint = Words(ui.audio_mode_hint)
        self.hint.setObjectName("audioModeHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.checkbox)
        layout.addWidget(self.hint)
        self.hint.setVisible(False)
        self.checkbox.toggled.connect(self._ticked)
        self._following = False
        self._speech = speech
        if speech is not None:
            speech.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        speech = self._speech
        _show_if(self, speech is not None and speech.offered)
        self._following = True
        self.checkbox.setChecked(speech is not None and speech.audio_mode)
        self._following = False

    def _ticked(self, on: bool) -> None:
        self.hint.setVisible(on)
        if not self._following:
            self.toggled.emit(on)


def _show_if(control: QWidget, offered: bool) -> None:
    """Hidden unless offered. Not shown by hand before it is in its screen: a widget without a
    parent that is shown becomes a window of its own; in its screen it shows with the screen."""
    if control.parentWidget() is not None or not offered:
        control.setVisible(offered)
