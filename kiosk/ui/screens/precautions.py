"""'Tell your therapist first if...': one list to read and tick. Each item is its own large tick
box, its heading and what it means together, so a patient takes what applies to them to the couch
on the therapist card; the clinic's introduction and closing words scroll with the boxes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.model.parts import Passage
from kiosk.model.precautions import Precautions
from kiosk.pages.book import Page
from kiosk.ui.screens.context import ScreenContext
from kiosk.ui.screens.reading import ReadingScreen
from kiosk.ui.widgets.pageview import PageView
from kiosk.ui.widgets.ticks import TickBox, TickPanel
from kiosk.ui.widgets.words import Words, named
from kiosk.visit.card import TherapistCard, Tick

LIST_WIDTH = 1000  # lines a patient can follow at arm's length; the rest of the width is margin
# The page's body size, and the tick boxes' words: grown by the whole text size, as pages are.
PASSAGE_PX, HEADING_PX = 22, 23


class PrecautionsScreen(ReadingScreen):
    tickToggled = Signal(object, bool)  # Tick, ticked
    cardRequested = Signal()

    """``precautions`` as one list, each item ticked as ``card`` has them. ``page`` is the page
    rendered from the same content: where it can't be shown, its calm notice is shown instead.
    ``note`` is the line saying the page is shown in the clinic's language (not translated)."""

    def __init__(self, context: ScreenContext, page: Page, precautions: Precautions | None, back_label: str,
                 card: TherapistCard, parent: QWidget | None = None, *, note: str | None = None):
        super().__init__(context, back_label, parent=parent)
        ui, calm, scale = context.ui, context.calm, context.text_scale
        shown = precautions if precautions is not None and page.html is not None else None
        # The notice, only where the page can't be shown (self-test and staff see why).
        self.view: PageView | None = None if shown is not None else PageView(page, ui.unavailable)
        items = shown.items if shown is not None else ()
        lead: list[QWidget] = []
        tail: list[QWidget] = []
        if shown is not None:
            if note:
                lead.append(_reading(note, "untranslated", PASSAGE_PX * scale, bold=True))
            self.title: QLabel | None = named(Words(shown.title), "title")
            self.title.setWordWrap(True)
            lead.append(self.title)
            lead += [_reading(words, "passage", PASSAGE_PX * scale) for words in _shown(shown.intro, calm)]
            tail += [_reading(words, "passage", PASSAGE_PX * scale) for words in _shown(shown.closing, calm)]
        else:
            self.title = None
        self.ticks = TickPanel(ui.tick_heading, [(Tick.precaution(i), item.heading) for i, item in enumerate(items)],
                               card, ui.card_button, lead=lead, tail=tail,
                               details=[item.text.shown(calm) for item in items])
        for box in self.ticks.boxes.values():
            box.label.setFont(_font(HEADING_PX * scale, bold=True))
            if box.detail is not None:
                box.detail.setFont(_font(PASSAGE_PX * scale))
        self.ticks.setMaximumWidth(LIST_WIDTH)
        self.ticks.setVisible(shown is not None)
        self.ticks.toggled.connect(self.tickToggled)
        self.ticks.cardRequested.connect(self.cardRequested)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.ticks, 100)
        if self.view is not None:
            centred.addWidget(self.view, 100)
        centred.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 24, 0)
        layout.setSpacing(12)
        layout.addWidget(self.header)
        layout.addLayout(centred, 1)
        self.setAccessibleName(shown.title if shown is not None else ui.unavailable)

    def start_over(self, step: int = 0) -> None:
        self.ticks.start_over()

    def page_view(self) -> PageView | None:
        return self.view

    def words_shown(self) -> list[str]:
        """What Read aloud says: the list as it reads, each item's heading with what it means."""
        if self.view is not None:
            return super().words_shown()
        said: list[str] = []
        column = self.ticks.scroller.rows
        for index in range(column.count()):
            item = column.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                said.append(widget.text())
            elif isinstance(widget, TickBox):
                detail = widget.accessibleDescription()
                said.append(f"{widget.accessibleName()}. {detail}" if detail else widget.accessibleName())
        return [*said, self.ticks.card_button.accessibleName() or self.ticks.card_button.text()]

    def text(self) -> str:
        """What the patient can read on this screen, as plain text."""
        if self.view is not None:
            return self.view.toPlainText()
        return "\n".join(self.words_shown())


def _shown(passages: tuple[Passage, ...], calm: bool) -> list[str]:
    return [words for passage in passages if (words := passage.shown(calm))]


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont()  # the application's typeface, at the page's size for this text size
    font.setPixelSize(round(px))
    font.setBold(bold)
    return font


def _reading(words: str, name: str, px: float, bold: bool = False) -> QLabel:
    label = named(Words(words), name)
    label.setWordWrap(True)
    label.setFont(_font(px, bold))
    return label
