"""What a page's HTML will cost Qt to lay out, judged before a screen is given it.

Qt's rich text lays out some small HTML very slowly: 20 tables inside each other (400 bytes) took
10 s, each table inside another doubling the time; one word of 500,000 letters took 11 s, 50,000
cells 5 s. A template (or, for a word, a content file) past one of these limits is refused like
any other content problem, before a patient's tap waits for it (kiosk.pages.render). No Qt here.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from kiosk.reading.limits import MAX_PAGE_CELLS, MAX_PAGE_NESTING, MAX_TABLE_NESTING, MAX_WORD_CHARS

_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")
_EMPTY = frozenset({"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"})


class _Measure(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.deepest = self.tables = self.deepest_tables = self.cells = 0
        self.long_word = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _EMPTY:
            return
        self.open.append(tag)
        self.deepest = max(self.deepest, len(self.open))
        if tag == "table":
            self.tables += 1
            self.deepest_tables = max(self.deepest_tables, self.tables)
        elif tag in ("td", "th"):
            self.cells += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:  # closes whatever was left open inside it, as a browser does
            while self.open:
                closed = self.open.pop()
                if closed == "table":
                    self.tables -= 1
                if closed == tag:
                    break

    def handle_data(self, data: str) -> None:
        found = _LONG_WORD.search(data)
        if found:
            self.long_word = max(self.long_word, len(found.group(0)))


def layout_trouble(html: str) -> str | None:
    """Why ``html`` would take Qt too long to lay out, in staff words, or None."""
    measure = _Measure()
    measure.feed(html)
    measure.close()
    if measure.deepest_tables > MAX_TABLE_NESTING:
        return (f"this page has {measure.deepest_tables} tables inside each other; a page may have at most "
                f"{MAX_TABLE_NESTING}, or it takes seconds to show")
    if measure.cells > MAX_PAGE_CELLS:
        return f"this page has {measure.cells:,} table cells; a page may have at most {MAX_PAGE_CELLS:,}"
    if measure.deepest > MAX_PAGE_NESTING:
        return (f"this page has {measure.deepest} parts inside each other; a page may have at most "
                f"{MAX_PAGE_NESTING}")
    if measure.long_word:
        return f"a word on this page {long_word(measure.long_word)}, or the page takes seconds to show"
    return None


def long_word(length: int) -> str:
    return f"is {length:,} characters long; a word may be at most {MAX_WORD_CHARS:,} (put spaces in it)"


def word_trouble(text: str) -> str | None:
    """A word in a content file's text too long to lay out, in staff words, or None."""
    found = _LONG_WORD.search(text)
    return f"has a word that {long_word(len(found.group(0)))}" if found else None
