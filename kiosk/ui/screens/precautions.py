"""'Tell your therapist first if...': the clinic's page, and beside it a large tick box for each
item, so the patient can take what applies to them to the couch on the therapist card."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.model.precautions import Precautions
from kiosk.pages.book import Page
from kiosk.ui.screens.context import ScreenContext
from kiosk.ui.screens.reading import ReadingScreen
from kiosk.ui.widgets.pageview import PageView
from kiosk.ui.widgets.ticks import TickPanel
from kiosk.visit.card import TherapistCard, Tick

PANEL_WIDTH = 440


class PrecautionsScreen(ReadingScreen):
    tickToggled = Signal(object, bool)  # Tick, ticked
    cardRequested = Signal()

    """The page, and a tick box for each of ``precautions``' items, ticked as ``card`` has them."""

    def __init__(self, context: ScreenContext, page: Page, precautions: Precautions | None, back_label: str,
                 card: TherapistCard, parent: QWidget | None = None):
        super().__init__(context, back_label, parent=parent)
        ui = context.ui
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
        # The text is heard by its heading (or the notice shown instead), not as a nameless "label".
        self.view.setAccessibleName(self.accessibleName() or ui.unavailable)

    def start_over(self, step: int = 0) -> None:
        self.view.verticalScrollBar().setValue(0)
        self.ticks.start_over()

    def page_view(self) -> PageView:
        return self.view

    def text(self) -> str:
        return self.view.toPlainText()
