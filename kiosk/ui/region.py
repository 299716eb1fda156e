"""A region screen: the clinic's page about one part of the leg, or a calm notice if it can't be shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from kiosk.content import UiText
from kiosk.pages import Page


class RegionScreen(QWidget):
    backRequested = Signal()

    def __init__(self, region_name: str, page: Page, ui: UiText, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # paint the clinic's background
        self.page = page

        self.back_button = QPushButton(f"\u2190  {ui.back_button}", objectName="backButton")
        self.back_button.clicked.connect(self.backRequested)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 24, 0)
        layout.setSpacing(12)
        layout.addLayout(header)

        if page.html is not None:
            self.browser = QTextBrowser()
            self.browser.setOpenLinks(False)  # nothing may leave the kiosk
            self.browser.setHtml(page.html)
            self.browser.document().setDocumentMargin(12)
            # About 75 characters a line: long lines are hard to follow at arm's length.
            self.browser.setMaximumWidth(1000)
            column = QHBoxLayout()
            column.addStretch(1)
            column.addWidget(self.browser, 100)
            column.addStretch(1)
            layout.addLayout(column, 1)
            self.unavailable = None
        else:
            self.browser = None
            self.unavailable = QLabel(ui.unavailable, objectName="unavailable")
            self.unavailable.setWordWrap(True)
            self.unavailable.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self.unavailable, 1)
        self.setAccessibleName(region_name)

    def text(self) -> str:
        """What the patient can read on this screen, as plain text."""
        return self.browser.toPlainText() if self.browser else self.unavailable.text()

    def reset(self) -> None:
        if self.browser:
            self.browser.verticalScrollBar().setValue(0)
