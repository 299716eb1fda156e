"""A plain reading screen with a way back: "Tell your therapist first if..." and "Where this comes from"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content import UiText
from kiosk.pages import Page
from kiosk.ui.pageview import PageView
from kiosk.ui.widgets import text_size_button
from kiosk.ui.region import reading_column


class ArticleScreen(QWidget):
    backRequested = Signal()
    textSizeRequested = Signal()

    def __init__(self, page: Page, ui: UiText, back_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.back_button = QPushButton(f"\u2190  {back_label}", objectName="backButton")
        self.back_button.clicked.connect(self.backRequested)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addStretch(1)
        self.text_size_button = text_size_button(ui.text_size)
        self.text_size_button.clicked.connect(self.textSizeRequested)
        header.addWidget(self.text_size_button)
        self.view = PageView(page, ui.unavailable)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 24, 0)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(reading_column(self.view), 1)

    def text(self) -> str:
        return self.view.toPlainText()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:  # Esc goes back, never out of the kiosk
            self.backRequested.emit()
        else:
            super().keyPressEvent(event)
