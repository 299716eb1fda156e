"""What the kiosk shows now: the content, the body map's art, the patient's visit and their card.

The kiosk replaces each of them, never edits one; ``scene()`` is them together as one value, with
the pages themed for the visit's contrast and text size, which screens are made from. No Qt here.
"""

from __future__ import annotations

from dataclasses import replace

from kiosk.pages.book import PageBook
from kiosk.pages.palette import HIGH_CONTRAST
from kiosk.reading.bodyart import BodyArt
from kiosk.visit.card import TherapistCard
from kiosk.visit.patient import Visit
from kiosk.visit.scene import Scene


class Stage:
    def __init__(self, book: PageBook, art: BodyArt, visit: Visit):
        self.book = book
        self.art = art
        self.visit = visit
        self.card = TherapistCard()  # only in memory; cleared with the visit
        self._themed: dict[tuple[int, bool, float], PageBook] = {}

    def scene(self) -> Scene:
        return Scene(self.book, self.art, self.visit, self.pages(), self.card)

    def pages(self) -> PageBook:
        """The pages in the visit's contrast and text size (each page kept once rendered)."""
        book, visit = self.book, self.visit
        if not visit.high_contrast and visit.text_scale == 1.0:
            return book
        key = (id(book), visit.high_contrast, visit.text_scale)
        if key not in self._themed:
            content = book.content
            if visit.high_contrast:
                content = replace(content, clinic=replace(content.clinic, colours=HIGH_CONTRAST))
            # Keep only the variant in use: each holds every page it has rendered, and a kiosk
            # that kept all six (contrast x text size) would fill memory a little every day.
            self._themed = {key: book.restyled(content, visit.text_scale)}
        return self._themed[key]
