"""A region screen: the clinic's page about one part of the leg, with ways on to the walkthrough."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content import UiText
from kiosk.pages import Page
from kiosk.ui.pageview import PageView
from kiosk.ui.widgets import WrappingButton, text_size_button


def reading_column(view: PageView) -> QHBoxLayout:
    """About 75 characters a line: long lines are hard to follow at arm's length."""
    view.setMaximumWidth(1000)
    column = QHBoxLayout()
    column.addStretch(1)
    column.addWidget(view, 100)
    column.addStretch(1)
    return column


class RegionScreen(QWidget):
    backRequested = Signal()
    textSizeRequested = Signal()
    walkthroughRequested = Signal()
    precautionsRequested = Signal()

    def __init__(self, region_name: str, page: Page, ui: UiText, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAccessibleName(region_name)

        self.back_button = QPushButton(f"\u2190  {ui.back_button}", objectName="backButton")
        self.back_button.clicked.connect(self.backRequested)
        self.walkthrough_button = WrappingButton(ui.walkthrough_button, "secondary")
        self.walkthrough_button.setMaximumWidth(330)
        self.walkthrough_button.clicked.connect(self.walkthroughRequested)
        self.precautions_button = WrappingButton(ui.precautions_button, "secondary")
        self.precautions_button.setMaximumWidth(330)
        self.precautions_button.clicked.connect(self.precautionsRequested)
        header = QHBoxLayout()
        header.setSpacing(14)
        header.addWidget(self.back_button)
        header.addStretch(1)
        header.addWidget(self.walkthrough_button)
        header.addWidget(self.precautions_button)
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
        """What the patient can read on this screen, as plain text."""
        return self.view.toPlainText()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:  # Esc goes back, never out of the kiosk
            self.backRequested.emit()
        else:
            super().keyPressEvent(event)
