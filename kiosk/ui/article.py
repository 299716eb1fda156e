"""A reading screen with a way back: "Tell your therapist first if..." and "Where this comes from"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content import UiText
from kiosk.pages import Page
from kiosk.ui.pageview import PageView, reading_column
from kiosk.ui.readaloud import ReadAloudButton
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import TextSizeButton, named


class ArticleScreen(Screen):
    backRequested = Signal()
    textSizeRequested = Signal()

    def __init__(self, page: Page, ui: UiText, back_label: str, extra_buttons: tuple[QWidget, ...] = (),
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
        self.read_aloud_button = ReadAloudButton(ui)  # issue 16: shown where a voice exists
        for button in (*extra_buttons, self.read_aloud_button, self.text_size_button):
            header.addWidget(button)
        self.view = PageView(page, ui.unavailable)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 24, 0)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(reading_column(self.view), 1)

    def start_over(self) -> None:
        """As if new: at the top of its page (a kept screen is shown again to the next patient too)."""
        self.view.verticalScrollBar().setValue(0)

    def page_view(self) -> PageView:
        return self.view

    def text(self) -> str:
        """What the patient can read on this screen, as plain text."""
        return self.view.toPlainText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # Esc goes back, never out of the kiosk
            self.backRequested.emit()
        else:
            super().keyPressEvent(event)
