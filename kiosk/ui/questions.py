"""'Questions for my therapist': the clinic's questions as large tick boxes, for the therapist card."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.card import TherapistCard, Tick
from kiosk.content import Questions, UiText
from kiosk.ui.screen import Screen
from kiosk.ui.ticks import TickPanel
from kiosk.ui.widgets import TextSizeButton, named


class QuestionsScreen(Screen):
    backRequested = Signal()
    textSizeRequested = Signal()
    tickToggled = Signal(object, bool)  # Tick, ticked
    cardRequested = Signal()

    def __init__(self, questions: Questions, ui: UiText, back_label: str, card: TherapistCard,
                 text_scale: float = 1.0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.back_button = named(QPushButton(f"\u2190  {back_label}"), "backButton")
        self.back_button.clicked.connect(self.backRequested)
        self.text_size_button = TextSizeButton(ui, text_scale)
        self.text_size_button.clicked.connect(self.textSizeRequested)
        header = QHBoxLayout()
        header.setSpacing(14)
        header.addWidget(self.back_button)
        header.addStretch(1)
        header.addWidget(self.text_size_button)
        self.title = named(QLabel(questions.title), "title")
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
        layout.addLayout(header)
        layout.addLayout(centred, 1)
        self.setAccessibleName(questions.title)

    def start_over(self) -> None:
        self.ticks.start_over()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # Esc goes back, never out of the kiosk
            self.backRequested.emit()
        else:
            super().keyPressEvent(event)
