"""How the visit looks: the window's style sheet from the clinic's colours (or high contrast's) and
the patient's text size. (The pages themed for them are kept by ``kiosk.visit.stage``.)"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.model.clinic import Colours
from kiosk.pages.book import PageBook
from kiosk.pages.palette import theme_colours
from kiosk.ui.look.theme import stylesheet
from kiosk.visit.patient import Visit


class Looks:
    def __init__(self, window: QWidget):
        self._window = window
        self._style = ""
        self.colours: Colours | None = None  # the colours in use, once applied

    def apply(self, book: PageBook, visit: Visit) -> Colours:
        """Style the window for the visit; its colours."""
        colours = theme_colours(book.content.clinic.colours, visit.high_contrast)
        style = stylesheet(colours, visit.text_scale)
        if style != self._style:  # re-styling every widget costs ~50 ms: only when it changed
            self._style = style
            self._window.setStyleSheet(style)
        self.colours = colours
        return colours

    def text_colour(self) -> str:
        """The body text's colour in use (the focus ring is drawn in it)."""
        return self.colours.text if self.colours is not None else "#000000"
