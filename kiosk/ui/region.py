"""A region screen: the clinic's page about one part of the leg, with ways on to the walkthrough."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.content import UiText
from kiosk.pages import Page
from kiosk.ui.article import ArticleScreen
from kiosk.ui.widgets import WrappingButton


class RegionScreen(ArticleScreen):
    walkthroughRequested = Signal()
    precautionsRequested = Signal()

    def __init__(self, region_name: str, page: Page, ui: UiText, parent: QWidget | None = None):
        self.walkthrough_button = WrappingButton(ui.walkthrough_button, "secondary")
        self.precautions_button = WrappingButton(ui.precautions_button, "secondary")
        for button in (self.walkthrough_button, self.precautions_button):
            button.setMaximumWidth(330)
        super().__init__(page, ui, ui.back_button, (self.walkthrough_button, self.precautions_button), parent)
        self.walkthrough_button.clicked.connect(self.walkthroughRequested)
        self.precautions_button.clicked.connect(self.precautionsRequested)
        self.setAccessibleName(region_name)
