"""Exiting the kiosk, asked once more: it leaves the tablet blank until someone starts it again."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.model.words import StaffText
from kiosk.ui.staff.overlay import CARD_WIDTH, StaffOverlay
from kiosk.ui.widgets.words import Words, named


class ExitConfirm(StaffOverlay):
    """Exiting leaves the tablet blank until someone starts the kiosk again: asked once more."""

    exitConfirmed = Signal()
    stayed = Signal()

    def __init__(self, words: StaffText, parent: QWidget):
        super().__init__(parent)
        self.question = named(Words(words.exit_question), "staffTitle")
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.exit_button = named(QPushButton(words.exit_confirm), "secondary")
        self.exit_button.clicked.connect(self.exitConfirmed)
        self.stay_button = named(QPushButton(words.exit_stay), "secondary")
        self.stay_button.clicked.connect(self.stayed)
        self.stay_button.setDefault(True)  # Enter stays
        buttons = QHBoxLayout()
        buttons.addWidget(self.stay_button)
        buttons.addStretch(1)  # apart, so a slip of the finger stays
        buttons.addWidget(self.exit_button)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.setSpacing(30)
        layout.addWidget(self.question)
        layout.addLayout(buttons)
        self.card.setFixedWidth(CARD_WIDTH + 160)
        self.question.ensurePolished()
        self.question.setMinimumHeight(self.question.heightForWidth(CARD_WIDTH + 80))

    def escape(self) -> None:
        self.stayed.emit()  # Esc stays, as Enter does
