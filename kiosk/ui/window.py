"""The kiosk's window: one screen at a time, and the only place screens are wired together.

The home screen stays; every other screen is made for the moment it is shown, from the
pages for the patient's language and calm mode, and replaced by the next one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from kiosk.bodyart import BodyArt
from kiosk.content import BASE_LANGUAGE
from kiosk.pages import PageBook
from kiosk.ui.article import ArticleScreen
from kiosk.ui.home import HomeScreen
from kiosk.ui.region import RegionScreen
from kiosk.ui.theme import stylesheet
from kiosk.ui.walkthrough import WalkthroughScreen

HOME = "home"


@dataclass
class Visit:
    """One patient's choices: cleared for the next patient."""

    language: str = BASE_LANGUAGE
    calm: bool = False


class KioskWindow(QMainWindow):
    screenChanged = Signal(str)

    def __init__(self, book: PageBook, art: BodyArt, parent: QWidget | None = None):
        super().__init__(parent)
        self.book = book
        self.art = art
        self.visit = Visit()
        self.setStyleSheet(stylesheet(book.content.clinic.colours))
        self._stack = QStackedWidget()
        self.setCentralWidget(self._stack)
        self.home: HomeScreen | None = None
        self.screen: QWidget | None = None  # the screen shown now
        self.screen_name = HOME
        self._return_to: list = []  # how to get back from an article screen
        self._build_home()
        self.show_home()

    # --- what the patient sees ------------------------------------------------------

    @property
    def language(self):
        return self.book.content.language(self.visit.language)

    def region_names(self) -> dict[str, str]:
        regions = self.language.regions
        return {rid: regions[rid].name if rid in regions else rid.replace("_", " ").title()
                for rid in self.book.content.region_ids}

    def current_screen(self) -> str:
        return self.screen_name

    # --- navigation -----------------------------------------------------------------

    def show_home(self) -> None:
        self._return_to.clear()
        self._show(HOME, self.home)

    def show_region(self, region_id: str) -> None:
        page = self.book.region(self.visit.language, self.visit.calm, region_id)
        screen = RegionScreen(self.region_names()[region_id], page, self.language.ui)
        screen.backRequested.connect(self.show_home)
        screen.walkthroughRequested.connect(lambda: self.show_walkthrough(region_id))
        screen.precautionsRequested.connect(lambda: self.show_precautions(back=("region", region_id)))
        self._show(f"region-{region_id}", screen)

    def show_walkthrough(self, region_id: str | None = None, step: int = 0) -> None:
        lang, calm = self.visit.language, self.visit.calm
        steps = [self.book.step(lang, calm, region_id, i) for i in range(max(self.book.step_count(lang), 1))]
        screen = WalkthroughScreen(steps, self.language.ui, start=step)
        name = f"walkthrough-{region_id or 'general'}"
        screen.homeRequested.connect(self.show_home)
        screen.stepChanged.connect(lambda i: self._renamed(f"{name}-{i + 1}"))
        self._show(f"{name}-{screen.index + 1}", screen)

    def show_precautions(self, back=("home",)) -> None:
        self._show_article("precautions", self.book.precautions(self.visit.language, self.visit.calm), back)

    def show_sources(self, back=("home",)) -> None:
        self._show_article("sources", self.book.sources(self.visit.language, self.visit.calm), back)

    def set_language(self, code: str) -> None:
        if code in self.book.content.languages and code != self.visit.language:
            self.visit.language = code
            self._build_home()
            self.show_home()

    def set_calm(self, calm: bool) -> None:
        if calm != self.visit.calm:
            self.visit.calm = calm
            self._build_home()
            self.show_home()

    def reset_visit(self) -> None:
        """Forget the last patient's choices and go home."""
        self.visit = Visit()
        self._build_home()
        self.show_home()

    # --- wiring -------------------------------------------------------------------------

    def _build_home(self) -> None:
        content = self.book.content
        languages = {code: lang.name for code, lang in content.languages.items()}
        home = HomeScreen(self.language.ui, content.clinic, self.art, self.region_names(), languages,
                          self.visit.language, self.visit.calm)
        home.regionChosen.connect(self.show_region)
        home.walkthroughRequested.connect(self.show_walkthrough)
        home.precautionsRequested.connect(self.show_precautions)
        home.sourcesRequested.connect(self.show_sources)
        home.languageChosen.connect(self.set_language)
        home.calmToggled.connect(self.set_calm)
        if self.home is not None:
            self._stack.removeWidget(self.home)
            self.home.deleteLater()
        self.home = home
        self._stack.insertWidget(0, home)
        self.setWindowTitle(self.language.ui.title)

    def _show_article(self, name: str, page, back) -> None:
        ui = self.language.ui
        label = ui.back_button if back == ("home",) else self.region_names()[back[1]]
        screen = ArticleScreen(page, ui, label)
        if back == ("home",):
            screen.backRequested.connect(self.show_home)
        else:
            screen.backRequested.connect(lambda: self.show_region(back[1]))
        self._show(name, screen)

    def _show(self, name: str, screen: QWidget) -> None:
        old = self.screen
        if screen is not self.home:
            self._stack.addWidget(screen)
        self._stack.setCurrentWidget(screen)
        self.screen = screen
        if old is not None and old is not self.home and old is not screen:
            self._stack.removeWidget(old)
            old.deleteLater()
        self._renamed(name)

    def _renamed(self, name: str) -> None:
        self.screen_name = name
        self.screenChanged.emit(name)
