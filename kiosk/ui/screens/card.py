"""'Show my therapist': what the patient ticked, in large type, in their language and beneath in
the clinic's, so they can hand the tablet over: the precautions first under "Safety first", each
marked, then the questions. A therapist clears it with one tap."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.screens.context import ScreenContext
from kiosk.ui.screens.reading import ReadingScreen
from kiosk.ui.widgets.column import ScrollingColumn
from kiosk.ui.widgets.words import Words, named
from kiosk.visit.card import CardLine


class CardScreen(ReadingScreen):
    clearRequested = Signal()

    """``lines``: what was ticked, in the patient's words and the clinic's, precautions first;
    ``beneath_prefix`` says which language the clinic's line is in ("In English:");
    ``clinic_headings``: the groups' headings in the clinic's language (None: the patient's)."""

    def __init__(self, context: ScreenContext, lines: Sequence[CardLine], beneath_prefix: str, back_label: str,
                 clinic_headings: tuple[str, str] | None = None, parent: QWidget | None = None):
        ui = context.ui
        clear = named(QPushButton(ui.card_clear), "secondary")  # in the header, before the text size
        super().__init__(context, back_label, read_aloud=False, extra_buttons=(clear,), parent=parent)
        self.clear_button = clear
        self.clear_button.clicked.connect(self.clearRequested)
        self.clear_button.setVisible(bool(lines))

        self.title = named(Words(ui.card_title), "title")
        self.title.setWordWrap(True)
        self.note = named(Words(ui.card_private), "cardNote")
        self.note.setWordWrap(True)
        self.scroller = scroller = ScrollingColumn("cardScroll", "cardColumn")
        scroller.setAccessibleName(ui.card_title)  # a Tab stop (the arrows scroll a long card): named
        rows = scroller.rows
        rows.setSpacing(6)
        self.lines: list[tuple[QLabel, QLabel | None]] = []
        self.headings: list[QLabel] = []
        group: bool | None = None
        for line in lines:
            if line.safety != group:  # a group's heading, and beneath it the clinic's words for it
                group = line.safety
                words = ui.card_safety if line.safety else ui.card_questions
                heading = named(Words(words), "cardSafety" if line.safety else "choose")
                heading.setWordWrap(True)
                rows.addWidget(heading)
                self.headings.append(heading)
                clinic_words = clinic_headings[0 if line.safety else 1] if clinic_headings else words
                if clinic_words != words:
                    rows.addWidget(named(Words(f"{beneath_prefix} {clinic_words}"), "cardLineClinic"))
            patient = named(Words(f"\u2022  {line.patient}"), "cardLine")
            patient.setWordWrap(True)
            rows.addWidget(patient)
            clinic = None
            if line.clinic is not None:
                clinic = named(Words(f"{beneath_prefix} {line.clinic}"), "cardLineClinic")
                clinic.setWordWrap(True)
                rows.addWidget(clinic)
            rows.addSpacing(14)
            self.lines.append((patient, clinic))
        if not lines:
            empty = named(Words(ui.card_empty), "prompt")
            empty.setWordWrap(True)
            rows.addWidget(empty)
        rows.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 20, 24, 12)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addWidget(self.title)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.note)
        self.setAccessibleName(ui.card_title)

    def text(self) -> str:
        """Everything the card shows, as plain text."""
        words = [self.title.text(), *(heading.text() for heading in self.headings)]
        for patient, clinic in self.lines:
            words.append(patient.text())
            if clinic is not None:
                words.append(clinic.text())
        return "\n".join(words)
