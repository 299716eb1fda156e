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
    questionsRequested = Signal()  # issue #17

    def __init__(self, region_name: str, page: Page, ui: UiText, parent: QWidget | None = None):
        self.walkthrough_button = WrappingButton(ui.walkthrough_button, "secondary")
        self.precautions_button = WrappingButton(ui.precautions_button, "secondary")
        self.questions_button = WrappingButton(f"+ {ui.questions_button}", "secondary")  # issue #17
        for button in (self.walkthrough_button, self.precautions_button):
            button.setMaximumWidth(330)
        self.questions_button.setMaximumWidth(240)
        super().__init__(page, ui, ui.back_button,
                         (self.walkthrough_button, self.precautions_button, self.questions_button), parent)
        self.questions_button.clicked.connect(self.questionsRequested)
        self.walkthrough_button.clicked.connect(self.walkthroughRequested)
        self.precautions_button.clicked.connect(self.precautionsRequested)
        self.setAccessibleName(region_name)
