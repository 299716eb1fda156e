"""'Questions for my therapist': the clinic's questions as large tick boxes, for the therapist card."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.model.questions import Questions
from kiosk.ui.screens.context import ScreenContext
from kiosk.ui.screens.reading import ReadingScreen
from kiosk.ui.widgets.ticks import TickPanel
from kiosk.ui.widgets.words import Words, named
from kiosk.visit.card import TherapistCard, Tick


class QuestionsScreen(ReadingScreen):
    tickToggled = Signal(object, bool)  # Tick, ticked
    cardRequested = Signal()

    """The clinic's questions, ticked as ``card`` has them."""

    def __init__(self, context: ScreenContext, questions: Questions, back_label: str, card: TherapistCard,
                 parent: QWidget | None = None):
        super().__init__(context, back_label, read_aloud=False, parent=parent)
        ui = context.ui
        self.title = named(Words(questions.title), "title")
        self.title.setWordWrap(True)
        self.ticks = TickPanel(questions.intro, [(Tick.question(q.id), q.text) for q in questions.items],
                               card, ui.card_button)
        self.ticks.heading.setObjectName("prompt")  # the intro reads as a sentence, not a heading
        self.ticks.toggled.connect(self.tickToggled)
        self.ticks.cardRequested.connect(self.cardRequested)
        self.ticks.setMaximumWidth(900)
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(self.title)
        column.addWidget(self.ticks, 1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addLayout(column, 100)
        centred.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 24, 0)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addLayout(centred, 1)
        self.setAccessibleName(questions.title)

    def start_over(self, step: int = 0) -> None:
        self.ticks.start_over()
