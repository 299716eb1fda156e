"""The top row of a reading screen: the way back on the left; on the right Read aloud and the
text-size control (and any buttons the screen adds before them).

One widget for the precautions, sources, questions and card screens, so the way back looks and
reads the same on each (``kiosk.ui.screens.reading`` is what those screens share around it).
``way_back_button`` is the button alone, for the region and walkthrough screens, whose headers
hold more.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.model.words import UiText
from kiosk.ui.speech.controls import ReadAloudButton
from kiosk.ui.speech.offer import SpeechOffer
from kiosk.ui.widgets.buttons import TextSizeButton
from kiosk.ui.widgets.direction import Arrow, with_arrow
from kiosk.ui.widgets.words import named

WAY_BACK_CHARS = 16  # a longer place name (a clinic's region) is shortened on the button


def way_back_button(where: str) -> QPushButton:
    """"← Home", or "← Calves": the way back names where it goes. A clinic may name a region at
    length; the button keeps to its corner (the header must fit the tablet at every text size)
    and screen readers still hear the whole name."""
    shown = where if len(where) <= WAY_BACK_CHARS else where[:WAY_BACK_CHARS - 1].rstrip() + "\u2026"
    button = with_arrow(named(QPushButton(), "backButton"), shown, Arrow.BACK)
    button.setAccessibleName(where)
    return button


class ReadingHeader(QWidget):
    """``back_to`` names where the way back goes ("Home", or the region's name)."""

    backRequested = Signal()
    textSizeRequested = Signal()

    def __init__(self, ui: UiText, back_to: str, text_scale: float = 1.0, *, speech: SpeechOffer | None = None,
                 read_aloud: bool = True, extra_buttons: tuple[QWidget, ...] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.back_button = way_back_button(back_to)
        self.back_button.clicked.connect(self.backRequested)
        self.text_size_button = TextSizeButton(ui, text_scale)
        self.text_size_button.clicked.connect(self.textSizeRequested)
        # Shown where a voice exists (the questions and card screens have none).
        self.read_aloud_button = ReadAloudButton(ui, speech) if read_aloud else None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)
        row.addWidget(self.back_button)
        row.addStretch(1)
        for button in extra_buttons:
            row.addWidget(button)
        if self.read_aloud_button is not None:
            row.addWidget(self.read_aloud_button)
        row.addWidget(self.text_size_button)
