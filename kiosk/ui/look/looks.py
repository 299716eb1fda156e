"""How the visit looks: the window's style sheet and the pages themed for contrast and text size."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from kiosk.model.clinic import Colours
from kiosk.pages.book import PageBook
from kiosk.pages.palette import HIGH_CONTRAST, theme_colours
from kiosk.ui.look.theme import stylesheet
from kiosk.visit.patient import Visit


class Looks:
    def __init__(self, window: QWidget):
        self._window = window
        self._style = ""
        self._themed: dict[tuple[int, bool, float], PageBook] = {}

    def apply(self, book: PageBook, visit: Visit) -> Colours:
        """Style the window for the visit; its colours."""
        colours = theme_colours(book.content.clinic.colours, visit.high_contrast)
        style = stylesheet(colours, visit.text_scale)
        if style != self._style:  # re-styling every widget costs ~50 ms: only when it changed
            self._style = style
            self._window.setStyleSheet(style)
        return colours

    def pages(self, book: PageBook, visit: Visit) -> PageBook:
        """The pages in the visit's contrast and text size (each page kept once rendered)."""
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
