"""A reading screen with a way back: "Tell your therapist first if..." and "Where this comes from"."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.pages.book import Page
from kiosk.ui.screens.context import ScreenContext
from kiosk.ui.screens.reading import ReadingScreen
from kiosk.ui.widgets.pageview import PageView, reading_column


class ArticleScreen(ReadingScreen):
    """A page to read; ``back_label`` names where its way back goes."""

    def __init__(self, context: ScreenContext, page: Page, back_label: str, parent: QWidget | None = None):
        super().__init__(context, back_label, parent=parent)
        self.view = PageView(page, context.ui.unavailable)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 24, 0)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addLayout(reading_column(self.view), 1)
        if page.html is not None:
            self.setAccessibleName(self.text().split("\n", 1)[0])  # the page's own heading
        # The text is heard by its heading (or the notice shown instead), not as a nameless "label".
        self.view.setAccessibleName(self.accessibleName() or context.ui.unavailable)

    def start_over(self, step: int = 0) -> None:
        """As if new: at the top of its page (a kept screen is shown again to the next patient too)."""
        self.view.verticalScrollBar().setValue(0)

    def page_view(self) -> PageView:
        return self.view

    def text(self) -> str:
        """What the patient can read on this screen, as plain text."""
        return self.view.toPlainText()


class UnavailableScreen(ArticleScreen):
    """What a screen that can't be made shows instead: the calm "this page is being updated" notice,
    never an error. Its way back goes home."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None):
        super().__init__(context, Page(None), context.ui.home_button, parent)
