"""'Tell your therapist first if...': the clinic's page, and beside it a large tick box for each
item, so the patient can take what applies to them to the couch on the therapist card."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.card import TherapistCard, Tick
from kiosk.content import Precautions, UiText
from kiosk.pages import Page
from kiosk.ui.pageview import PageView
from kiosk.ui.readingheader import ReadingHeader
from kiosk.ui.screen import Screen
from kiosk.ui.ticks import TickPanel

PANEL_WIDTH = 440


class PrecautionsScreen(Screen):
    backRequested = Signal()
    textSizeRequested = Signal()
    tickToggled = Signal(object, bool)  # Tick, ticked
    cardRequested = Signal()

    def __init__(self, page: Page, precautions: Precautions | None, ui: UiText, back_label: str,
                 card: TherapistCard, text_scale: float = 1.0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.header = ReadingHeader(ui, back_label, text_scale)
        self.header.backRequested.connect(self.backRequested)
        self.header.textSizeRequested.connect(self.textSizeRequested)
        self.back_button = self.header.back_button
        self.text_size_button = self.header.text_size_button
        self.read_aloud_button = self.header.read_aloud_button
        self.view = PageView(page, ui.unavailable)
        items = precautions.items if precautions is not None and page.html is not None else ()
        self.ticks = TickPanel(ui.tick_heading, [(Tick.precaution(i), item.heading) for i, item in enumerate(items)],
                               card, ui.card_button)
        self.ticks.setFixedWidth(PANEL_WIDTH)
        self.ticks.setVisible(bool(items))
        self.ticks.toggled.connect(self.tickToggled)
        self.ticks.cardRequested.connect(self.cardRequested)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self.view, 1)
        body.addWidget(self.ticks)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 24, 0)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        if page.html is not None:
            self.setAccessibleName(self.text().split("\n", 1)[0])  # the page's own heading

    def start_over(self) -> None:
        self.view.verticalScrollBar().setValue(0)
        self.ticks.start_over()

    def page_view(self) -> PageView:
        return self.view

    def text(self) -> str:
        return self.view.toPlainText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # Esc goes back, never out of the kiosk
            self.backRequested.emit()
        else:
            super().keyPressEvent(event)
