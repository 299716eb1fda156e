"""A reading screen with a way back: "Tell your therapist first if..." and "Where this comes from"."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.model.words import UiText
from kiosk.pages.book import Page
from kiosk.ui.screens.reading import ReadingScreen
from kiosk.ui.widgets.pageview import PageView, reading_column


class ArticleScreen(ReadingScreen):
    def __init__(self, page: Page, ui: UiText, back_label: str, extra_buttons: tuple[QWidget, ...] = (),
                 text_scale: float = 1.0, parent: QWidget | None = None):
        super().__init__(ui, back_label, text_scale, extra_buttons=extra_buttons, parent=parent)
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
