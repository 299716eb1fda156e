"""A reading screen with a way back: "Tell your therapist first if..." and "Where this comes from"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content import UiText
from kiosk.pages import Page
from kiosk.ui.pageview import PageView, reading_column
from kiosk.ui.readingheader import ReadingHeader
from kiosk.ui.screen import Screen


class ArticleScreen(Screen):
    backRequested = Signal()
    textSizeRequested = Signal()

    def __init__(self, page: Page, ui: UiText, back_label: str, extra_buttons: tuple[QWidget, ...] = (),
                 text_scale: float = 1.0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.header = ReadingHeader(ui, back_label, text_scale, extra_buttons=extra_buttons)
        self.header.backRequested.connect(self.backRequested)
        self.header.textSizeRequested.connect(self.textSizeRequested)
        self.back_button = self.header.back_button
        self.text_size_button = self.header.text_size_button
        self.read_aloud_button = self.header.read_aloud_button
        self.view = PageView(page, ui.unavailable)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 24, 0)
        layout.setSpacing(12)
        layout.addWidget(self.header)
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
