"""What Read aloud offers the screens now, for their controls to follow: whether it is offered at
all (a voice for the visit's language, and staff left it on), whether it is reading, and whether
audio mode is on. Read aloud changes it; the screens' controls only watch it, so no one reaches
into a screen to show, hide or tick them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SpeechOffer(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.offered = False
        self.reading = False
        self.audio_mode = False

    def set(self, *, offered: bool, reading: bool, audio_mode: bool) -> None:
        if (offered, reading, audio_mode) != (self.offered, self.reading, self.audio_mode):
            self.offered, self.reading, self.audio_mode = offered, reading, audio_mode
            self.changed.emit()
