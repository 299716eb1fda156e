"""The attract screen: what the kiosk shows between patients. Any tap starts a fresh visit.

The body map with its regions named, "Tap to start" in every language the kiosk has, and
the clinic's name: a runner passing by sees at once that this is about their legs. One region
at a time slowly lights up and fades; nothing flashes or jumps to startle someone anxious
about needles.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.reading.bodyart import BodyArt
from kiosk.ui.screens.context import ScreenContext
from kiosk.ui.screens.screen import Screen
from kiosk.ui.widgets.announce import announce
from kiosk.ui.widgets.bodymap import BodyMap
from kiosk.ui.widgets.words import Words, named, no_lonely_word

GLOW_MS = 3000  # one region's swell and fade
GLOW_FRAME_MS = 80
# The keys a keyboard or screen-reader user tries first on a screen with nothing to choose.
START_KEYS = frozenset({Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Space, Qt.Key.Key_Return,
                        Qt.Key.Key_Enter, Qt.Key.Key_Escape})


class AttractScreen(Screen):
    """``tap_to_start`` is "Tap to start" in every language the kiosk has. ``tapped``: a touch
    anywhere; ``keyed``: Tab, Space, Enter or Esc (home then opens with its first control focused)."""

    tapped = Signal()
    keyed = Signal()

    def __init__(self, context: ScreenContext, clinic_name: str, art: BodyArt, region_names: dict[str, str],
                 tap_to_start: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        ui, colours = context.ui, context.colours
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # Only the picture: a tap anywhere, the map included, starts the visit.
        self.body_map = BodyMap(art, region_names,
                                {"front": ui.front_label, "back": ui.back_label, "soles": ui.soles_label},
                                colours.highlight, colours.text, interactive=False,
                                label_words={"shins": ui.shins_label, "calves": ui.calves_label})
        # Their last two words held together: at this size a wrapped line was one word alone
        # ("runners", "like"), which reads as a mistake from across the room.
        title = named(Words(no_lonely_word(ui.title)), "attractTitle")
        invite = named(Words(no_lonely_word(ui.attract)), "attract")
        # One line per language, each in its own words, so every patient finds theirs.
        self.start_labels = [named(Words(words), "tapToStart") for words in tap_to_start]
        clinic_label = named(Words(clinic_name), "attractClinic")
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
        words.addWidget(clinic_label)
        for label in (title, invite, clinic_label, *self.start_labels):
            label.setWordWrap(True)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.body_map.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(40, 30, 56, 40)
        layout.setSpacing(40)
        layout.addWidget(self.body_map, 1)
        layout.addLayout(words, 1)  # room for each language's words on one line at every text size
        self.title, self.invite = title, invite
        # Each region in turn slowly lights up and fades, head to toe: a calm invitation to
        # touch, far slower than anything that could read as flashing (one swell per 3 s).
        # Stepped by a plain timer at 12 frames a second, not an animation at the screen's rate:
        # a slow swell looks the same, and the kiosk spends its time on the patient's taps.
        self._regions = list(art.region_ids)
        self._clock = QElapsedTimer()
        self.glow = QTimer(self)
        self.glow.setInterval(GLOW_FRAME_MS)
        self.glow.timeout.connect(self._light)
        self.setAccessibleName(ui.attract)

    def _light(self) -> None:
        swells, progress = divmod(self._clock.elapsed() / GLOW_MS, 1.0)
        region_id = self._regions[int(swells) % len(self._regions)]
        self.body_map.set_glow(region_id, math.sin(math.pi * progress))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._clock.start()
        self.glow.start()
        # Said over anything a screen reader was still reading of the last patient's page.
        announce(self, self.accessibleName(), urgent=True)

    def hideEvent(self, event: QHideEvent) -> None:
        self.glow.stop()  # nothing runs while nobody can see it
        super().hideEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.tapped.emit()

    def event(self, event: QEvent) -> bool:
        # Caught before Qt's own Tab handling, which would look for a control here and find none.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in START_KEYS:
            if not event.isAutoRepeat():
                self.keyed.emit()
            return True
        return super().event(event)
