"""A region screen: the clinic's page about one part of the leg, as a few large tabs (what
dry needling does here, what the session feels like, what soreness to expect) that each fit
the screen, with the walkthrough one tap away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.pages.book import Page
from kiosk.ui.input.pageturner import first_page
from kiosk.ui.screens.context import ScreenContext
from kiosk.ui.screens.paged import PagedScreen
from kiosk.ui.speech.controls import ReadAloudButton
from kiosk.ui.widgets.buttons import OneLineIfRoomButton, TextSizeButton, calm_toggle
from kiosk.ui.widgets.direction import Arrow, with_arrow
from kiosk.ui.widgets.pagetabs import PageTabRow
from kiosk.ui.widgets.pageview import PageView, reading_column
from kiosk.ui.widgets.readingheader import way_back_button
from kiosk.ui.widgets.therapisttoggle import therapist_toggle
from kiosk.ui.widgets.words import Words, named

REGION_PAGE_WIDTH = 1216  # two columns side by side: the pages are laid out to fit without scrolling


class RegionScreen(PagedScreen):
    backRequested = Signal()
    walkthroughRequested = Signal()
    precautionsRequested = Signal()
    textSizeRequested = Signal()
    calmToggled = Signal(bool)
    questionsRequested = Signal()
    pageChanged = Signal(int)  # 0-based
    therapistChosen = Signal(bool)

    """One region's pages, one per tab (``titles``), on page ``start``."""

    def __init__(self, context: ScreenContext, region_name: str, pages: list[Page], titles: tuple[str, ...],
                 start: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        ui = context.ui
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._pages = pages
        start = first_page(start, len(pages))

        # "Home", as on the walkthrough: one word for the way back everywhere, and room at large text.
        self.back_button = way_back_button(ui.home_button)
        self.back_button.clicked.connect(self.backRequested)
        self.title = named(Words(region_name), "regionTitle")
        # A clinic may name a region at length: the name wraps rather than widen the window
        # past the screen (a kept screen's width is every screen's minimum).
        self.title.setWordWrap(True)
        self.title.setMinimumWidth(120)
        self.calm_toggle = calm_toggle(ui, context.calm)
        self.calm_toggle.toggled.connect(self.calmToggled)
        self.text_size_button = TextSizeButton(ui, context.text_scale)
        self.text_size_button.clicked.connect(self.textSizeRequested)
        header = QHBoxLayout()
        header.setSpacing(18)
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)  # the room left over: a name of a few words wraps only if it must
        self.read_aloud_button = ReadAloudButton(ui, context.speech)  # shown where a voice exists
        self.offer_read_aloud(self.read_aloud_button)
        header.addWidget(self.read_aloud_button)
        header.addWidget(self.calm_toggle)
        header.addWidget(self.text_size_button)

        # Big tabs, one per page: a finger taps between the three things a runner came for.
        self.tab_row = PageTabRow(titles[:len(pages)] or ("",))
        self.tab_row.chosen.connect(self.go_to)
        self.tabs = self.tab_row.tabs

        self.view = PageView(pages[start], ui.unavailable)
        self.view.setAccessibleName(region_name)

        # These wrap only where the row has no room: at extra-large Spanish text the footer's
        # buttons on one line were 1394 px, wider than the tablet ("Antes, cuéntale a tu
        # fisioterapeuta si..." alone is 549), and a longer language's walkthrough button was 640.
        self.walkthrough_button = with_arrow(OneLineIfRoomButton("", "secondary"), ui.walkthrough_button, Arrow.FORWARD)
        self.walkthrough_button.clicked.connect(self.walkthroughRequested)
        self.precautions_button = OneLineIfRoomButton(ui.precautions_button, "secondary")
        self.precautions_button.clicked.connect(self.precautionsRequested)
        self.questions_button = OneLineIfRoomButton(f"+ {ui.questions_button}", "secondary")
        self.questions_button.clicked.connect(self.questionsRequested)
        for button in (self.precautions_button, self.questions_button, self.walkthrough_button):
            button.setProperty("footer", True)  # 64 px targets, the footer's too (theme.py)
        footer = QHBoxLayout()
        footer.setSpacing(18)
        footer.addWidget(self.precautions_button)
        footer.addWidget(self.questions_button)
        footer.addStretch(1)
        self.therapist_toggle = therapist_toggle(ui, context.therapist, self.therapistChosen)
        if self.therapist_toggle is not None:
            footer.addWidget(self.therapist_toggle)
        footer.addWidget(self.walkthrough_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 6, 28, 6)  # tight: every px goes to the page, which must not scroll
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.tab_row)
        layout.addLayout(reading_column(self.view, REGION_PAGE_WIDTH), 1)
        layout.addLayout(footer)
        self.turn_pages(len(pages), start, self.pageChanged)
        self.questions_button.setVisible(context.questions)  # only where the clinic has questions

    def go_to(self, index: int) -> None:
        if not self._turner.go_to(index):
            self.tabs[self.index].setChecked(True)  # a tap on the page already shown keeps it chosen

    def text(self) -> str:
        """What the patient can read now, as plain text: the region, its tabs and the page shown."""
        return "\n".join((self.title.text(), *(tab.text() for tab in self.tabs), self.view.toPlainText()))

    def _show(self) -> None:
        self.view.show_page(self._pages[self.index])
        on_a_tab = any(tab.hasFocus() for tab in self.tabs)
        for number, tab in enumerate(self.tabs):
            tab.set_current(number == self.index)
        if on_a_tab:  # an arrow key on the tabs: the focus follows the tab shown ("2 of 4")
            self.tabs[self.index].setFocus(Qt.FocusReason.TabFocusReason)
        self.setAccessibleName(f"{self.title.text()}: {self.tabs[self.index].text()}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # Esc goes back, never out of the kiosk
            self.backRequested.emit()
        else:
            super().keyPressEvent(event)
