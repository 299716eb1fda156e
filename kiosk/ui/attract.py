"""The attract screen: what the kiosk shows between patients. Any tap starts a fresh visit.

The body map with its regions named, "Tap to start" in every language the kiosk has, and
the clinic's name: a runner passing by sees at once that this is about their legs. Calm and
still: nothing flashes or moves to catch the eye of someone anxious about needles.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.bodyart import BodyArt
from kiosk.content import Clinic, UiText
from kiosk.ui.bodymap import BodyMap
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import named


class AttractScreen(Screen):
    tapped = Signal()

    def __init__(self, ui: UiText, clinic: Clinic, art: BodyArt, region_names: dict[str, str],
                 tap_to_start: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # Only the picture: a tap anywhere, the map included, starts the visit.
        self.body_map = BodyMap(art, region_names,
                                {"front": ui.front_label, "back": ui.back_label, "soles": ui.soles_label},
                                clinic.colours.highlight, clinic.colours.text, interactive=False)
        title = named(QLabel(ui.title), "attractTitle")
        invite = named(QLabel(ui.attract), "attract")
        # One line per language, each in its own words, so every patient finds theirs.
        self.start_labels = [named(QLabel(words), "tapToStart") for words in tap_to_start]
        clinic_name = named(QLabel(clinic.name), "attractClinic")
        words = QVBoxLayout()
        words.setSpacing(10)
        words.addStretch(2)
        words.addWidget(title)
        words.addSpacing(16)
        words.addWidget(invite)
        words.addSpacing(36)
        for label in self.start_labels:
            words.addWidget(label)
        words.addStretch(3)
        words.addWidget(clinic_name)
        for label in (title, invite, clinic_name, *self.start_labels):
            label.setWordWrap(True)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.body_map.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(40, 30, 56, 40)
        layout.setSpacing(40)
        layout.addWidget(self.body_map, 1)
        layout.addLayout(words, 1)  # room for each language's words on one line at every text size
        self.invite = invite

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.tapped.emit()
