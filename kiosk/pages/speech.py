"""What "Read aloud" says: a rendered page turned into the sentences a voice reads, in order.

The page is the one the screen shows (calm mode already applied), so nothing is spoken that
the patient couldn't read there, and no markup is ever spoken. The soreness chart, a picture,
is spoken as one sentence made from the same YAML numbers the chart is drawn from. No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from kiosk.model.regions import SorenessCurve
from kiosk.model.wording import fill
from kiosk.model.words import UiText

CHART_PREFIX = "chart:"  # image names of charts in the rendered pages (kiosk.pages.book.CHART)
_BLOCKS = {"p", "li", "tr", "h1", "h2", "h3", "div", "br", "table", "ul", "ol", "body"}
_SKIP = {"head", "style", "script", "title"}
# A sentence ends at . ! ? or … followed by space and a capital, a digit or an opening mark.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])\s+(?=[\"'\u201c\u00bf\u00a1(0-9A-Z\u00c0-\u00de])")


@dataclass(frozen=True)
class Sentence:
    """One sentence to speak. ``shown`` is the text to find on the page and highlight while it is
    spoken (None when it isn't text on the page, like the chart's sentence)."""

    text: str
    shown: str | None


def when(hours: float, ui: UiText) -> str:
    """A time after the session in the page's own words, as the region page's timeline says it."""
    if hours < 1:
        return ui.right_after[:1].lower() + ui.right_after[1:]  # inside a sentence
    if hours < 24:
        return f"{round(hours)} {ui.hours_after}"
    return f"{round(hours / 24)} {ui.days_after}"


def chart_sentence(curve: SorenessCurve, ui: UiText) -> str:
    """The soreness chart as one sentence, from its numbers: when it peaks and when it has gone."""
    peak = ui.first_hours[:1].lower() + ui.first_hours[1:] if curve.peaks_early else when(curve.peak_hours, ui)
    return fill(ui.spoken_chart, peak=peak, mostly_gone=when(curve.mostly_gone_hours, ui),
                gone=when(curve.gone_hours, ui))


def sentences(html: str, chart: str | None = None) -> list[Sentence]:
    """The sentences of a rendered page, in reading order. ``chart`` is said where the chart is."""
    reader = _PageText(chart)
    reader.feed(html)
    reader.close()
    reader.end_block()
    return reader.found


def split(text: str) -> list[str]:
    """A block of text as sentences (a heading or a list item without a full stop is one)."""
    text = " ".join(text.split())
    return [part for part in _SENTENCE_END.split(text) if part]


class _PageText(HTMLParser):
    """Walks the page's HTML: each paragraph, list item and table row is a block of sentences."""

    def __init__(self, chart: str | None):
        super().__init__(convert_charrefs=True)
        self._chart = chart
        self._skipping = 0
        self._text: list[str] = []
        self._cells: list[str] = []
        self.found: list[Sentence] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag in _BLOCKS:
            self.end_block()
        elif tag == "img":
            self._picture(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag in _BLOCKS:
            self.end_block()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._text.append(data)

    def _picture(self, attrs: dict[str, str | None]) -> None:
        source = attrs.get("src") or ""
        if source.startswith(CHART_PREFIX):
            self.end_block()
            if self._chart:
                self.found.append(Sentence(self._chart, None))
        # Other pictures (illustrations, the QR code) say nothing: their captions are on the page.

    def _end_cell(self) -> None:
        cell = " ".join("".join(self._text).split())
        self._text = []
        if cell:
            self._cells.append(cell)

    def end_block(self) -> None:
        if self._cells:
            self._end_cell()
            # A table row ("Usually strongest | 6 hours after your session") reads as one sentence.
            row = ": ".join(self._cells)
            self._cells = []
            self.found.append(Sentence(row, self._cells_first(row)))
            return
        for part in split("".join(self._text)):
            self.found.append(Sentence(part, part))
        self._text = []

    @staticmethod
    def _cells_first(row: str) -> str:
        return row.split(": ", 1)[0]  # the row's first cell: what can be found on the page
