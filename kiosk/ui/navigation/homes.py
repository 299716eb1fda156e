"""Home screens kept for the look in use (content, contrast, text size), one per language: a
patient who switches language, back and forth, waits for none to be made."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial

from PySide6.QtCore import QObject, Signal

from kiosk.ui.navigation.router import Router
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.maker import ScreenMaker
from kiosk.ui.screens.screen import Screen
from kiosk.visit.stage import Stage


class Homes(QObject):
    """``made`` hands each new home to the wiring before it is shown or kept."""

    made = Signal(object)  # HomeScreen

    def __init__(self, router: Router, maker: ScreenMaker, stage: Stage):
        super().__init__(router)
        self._router = router
        self._maker = maker
        self._stage = stage
        self._homes: dict[str, HomeScreen] = {}
        self._homes_for: tuple[object, ...] = ()
        self.due = False  # the next patient's home is made before home is next shown or asked for

    @property
    def home(self) -> HomeScreen:
        """Home for the current visit (made now if the next patient's is still due)."""
        self.make_due()
        home = self._router.home
        assert isinstance(home, HomeScreen)
        return home

    def make_due(self) -> None:
        """Before home is shown: the next patient's home if it is due, and the card's button on
        home as the card is now (ticked on another screen, or cleared by the therapist)."""
        if self.due:
            self.build()
        home = self._router.home
        if isinstance(home, HomeScreen):
            home.show_card(len(self._stage.card) > 0)

    def build(self, fresh: bool = True) -> None:
        """Home for the visit: made now, or with ``fresh=False`` one kept for this look and
        language, showing the visit's calm-mode choice. A new patient (``fresh``), new content,
        contrast or text size get new homes: nothing of the last patient, the old look or content."""
        self.due = False
        stage, visit = self._stage, self._stage.visit
        look = (stage.book, visit.high_contrast, visit.text_scale)
        if fresh or look != self._homes_for:
            self.let_go()
            self._homes_for = look
        home = self._homes.get(visit.language)
        if home is None:
            home = self._homes[visit.language] = self._make(visit.language)
        home.show_choices(visit.language, visit.calm)
        # The home in use so far stays hidden if it is kept (another language's), else is deleted.
        old = self._router.home
        self._router.set_home(home, keep_old=any(old is kept for kept in self._homes.values()))

    def let_go(self, now: bool = False) -> None:
        homes, self._homes = self._homes, {}
        for home in homes.values():
            self._router.let_go_of_home(home, now)  # not the one in use: set_home lets go of that

    def to_make_ahead(self) -> list[tuple[Hashable, Callable[[], Screen]]]:
        """Other languages' homes, made while home waits (after its region screens)."""
        def make(code: str) -> Screen:
            home = self._homes[code] = self._make(code)
            self._router.shelve(home)
            return home

        return [(("home", code), partial(make, code)) for code in self._stage.book.content.languages
                if code not in self._homes]

    def _make(self, code: str) -> HomeScreen:
        home = self._maker.home(self._stage.scene().in_language(code))
        self.made.emit(home)
        return home
