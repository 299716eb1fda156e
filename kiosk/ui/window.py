"""The kiosk's window: where the screens, the patient's visit and the unattended care are wired.

Each job has its own module: the visit's choices (``kiosk.visit.patient``), showing and keeping screens
(``navigator``), the look (``looks``), the staff's PIN pad and menu (``staffdesk``), new content
(``kiosk.checks.reload``), idle time and the staff corner (``idle``). This module makes the screens
from the pages, connects their signals, and decides what happens when.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QScrollArea, QStackedWidget, QWidget

from kiosk.checks.reload import ContentReloader
from kiosk.model.clinic import Colours
from kiosk.model.content import BASE_LANGUAGE, Language
from kiosk.model.problems import Problem
from kiosk.pages.book import PageBook
from kiosk.reading.bodyart import BodyArt
from kiosk.settings.pin import PinGuard
from kiosk.settings.values import Settings
from kiosk.ui.firstpaint import after_first_paint
from kiosk.ui.input.idle import IdleReset, IdleWatcher
from kiosk.ui.input.staffcorner import StaffCorner
from kiosk.ui.look.looks import Looks
from kiosk.ui.navigation.navigator import Navigator
from kiosk.ui.navigation.router import Router, Scene
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.screen import Screen
from kiosk.ui.speech.readaloud import ReadAloud
from kiosk.ui.staff.desk import StaffDesk
from kiosk.ui.staff.usagecount import UsageCounter
from kiosk.ui.updates.contentcheck import ContentCheck
from kiosk.ui.widgets.focusring import FocusRing
from kiosk.usage.counts import IDLE_RESET, UsageLog
from kiosk.visit.card import TherapistCard, Tick
from kiosk.visit.patient import Visit, fresh_visit
from kiosk.visit.screens import ATTRACT, HOME, ScreenId

if TYPE_CHECKING:  # the other screens are imported when first wanted: home is painted sooner
    from kiosk.checks.child import Checked
    from kiosk.ui.screens.countdown import CountdownOverlay
    from kiosk.ui.staff.overlay import StaffOverlay

log = logging.getLogger(__name__)

STAFF_EXIT_CODE = 10  # the only exit a kiosk shell should not restart after


class KioskWindow(QMainWindow):
    screenChanged = Signal(str)  # the shown screen's name, for the log and screen readers
    contentReady = Signal()  # good new content waits for the next return home
    contentSwapped = Signal()
    contentRejected = Signal(list)  # the problems found; the last good content stays

    def __init__(self, book: PageBook, art: BodyArt, settings: Settings | None = None, *,
                 locked: bool = False, save_settings: Callable[[Settings], None] = lambda s: None,
                 reload_folder: Path | None = None, clock: Callable[[], float] = time.monotonic,
                 pin_lock_file: Path | None = None, usage: UsageLog | None = None,
                 settings_problems: Sequence[Problem] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.book = book
        self.art = art
        self.locked = locked
        self.system_high_contrast = False  # set by the app from the operating system's wish
        # New content is checked in a child process (ContentCheck), never on the screen thread.
        self.reloader = ContentReloader(reload_folder, list(book.content.problems))
        self.content_check = ContentCheck(self)
        self.content_check.finished.connect(self._content_checked)
        self._show_checked_now = False
        settings = settings or Settings()
        # The staff desk keeps the settings (staff change them there); the window reads them.
        guard = PinGuard.kept_in(settings.staff_pin, clock, pin_lock_file)  # tries survive a restart
        self.staff = StaffDesk(self, guard, settings, save_settings, self.reloader,
                               lambda: self.reload_content(now=True), settings_problems=settings_problems)
        self.staff.settingsChanged.connect(self._settings_changed)
        self.staff.exitRequested.connect(self.staff_exit)
        self.looks = Looks(self)
        self.visit = self._fresh_visit()
        self.card = TherapistCard()  # issue #17: only in memory; cleared with the visit
        self.colours: Colours = self.looks.apply(self.book, self.visit)
        stack = QStackedWidget()
        self.setCentralWidget(stack)
        # Homes for this look (content, contrast, text size), one per language: a patient who
        # switches language, back and forth, waits for none to be made (issue 18).
        self._homes: dict[str, HomeScreen] = {}
        self._homes_for: tuple[object, ...] = ()
        self._home_due = False
        self.navigator = Navigator(stack, lambda: self.router.regions_to_make_ahead() + self._homes_to_make_ahead(),
                                   lambda: not self._overlay_open())
        self.navigator.shown.connect(self._announce)
        self.router = Router(self.navigator, self.scene)
        self.router.homeWanted.connect(self.show_home)
        self.router.textSizeRequested.connect(self.cycle_text_size)
        self.router.calmToggled.connect(self.set_calm)
        self.focus_ring = FocusRing(self, lambda: self.colours.text)  # issue 13: seen on every control
        self.router.tickToggled.connect(self._tick)
        self.router.cardCleared.connect(self.clear_card)
        self.idle_reset = IdleReset(self, self.settings.idle_seconds, self.settings.countdown_seconds)
        self.idle_reset.watcher.idle.connect(self.start_countdown)
        self.idle_reset.resetDue.connect(self.reset_for_next_patient)
        self.staff_corner = StaffCorner(self, self.settings.staff_corner)
        self.staff_corner.held.connect(self.open_pin_pad)
        self._mark_problems()

        self.usage = UsageCounter(self, usage, clock)  # issue #17
        self.navigator.shown.connect(self.usage.screen_shown)
        self.staff.usage_counts, self.staff.usage_problems = self.usage.days, self.usage.problems
        self.usage.troubleChanged.connect(self._mark_problems)
        self.staff.insight_names = lambda: (self.region_names(), {c: lang.name for c, lang in
                                                                  self.book.content.languages.items()},
                                            self.book.content.clinic.colours)

        # Read aloud (issue 16): stops on every new screen, and a patient listening is not idle.
        self.read_aloud = ReadAloud(self, lambda: self.visit.language, lambda: self.language.ui,
                                    self.settings.read_aloud, self.settings.speech_rate, self.settings.speech_volume)
        self.navigator.shown.connect(lambda screen_id: self.read_aloud.screen_shown(
            self.navigator.screen, fresh_visit=screen_id == ATTRACT))
        self.read_aloud.speaking.connect(lambda: self.idle.restart())
        self.staff.missing_voices = lambda: self.read_aloud.missing_voices(
            {code: lang.name for code, lang in self.book.content.languages.items()})
        self._build_home()
        self.read_aloud.load_after_paint(self.home)
        self.watching_people = False  # touches count (idle time, staff corner) from home's first frame on
        after_first_paint(self.home, self._watch_people)
        self.show_home()

    # --- what the patient sees ------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self.staff.settings

    @property
    def language(self) -> Language:
        return self.book.content.language(self.visit.language)

    @property
    def home(self) -> HomeScreen:
        """Home for the current visit (made now if the next patient's is still due)."""
        self._make_due_home()
        assert isinstance(self.navigator.home, HomeScreen)
        return self.navigator.home

    @property
    def shown_screen(self) -> Screen | None:
        """The screen shown now (not ``QWidget.screen()``, the display the window is on)."""
        return self.navigator.screen

    @property
    def staff_overlay(self) -> StaffOverlay | None:
        return self.staff.overlay

    @property
    def pages(self) -> PageBook:
        """The pages in the visit's contrast and text size."""
        return self.looks.pages(self.book, self.visit)

    def scene(self) -> Scene:
        """What screens are made from now."""
        return Scene(self.book, self.visit, self.pages, self.language, self.card)

    def region_names(self) -> dict[str, str]:
        return self.scene().region_names()

    def _region_names(self, code: str) -> dict[str, str]:
        """The region names in language ``code`` (home for another language is made ahead)."""
        scene = self.scene()
        return replace(scene, language=self.book.content.language(code)).region_names()

    def current_screen(self) -> ScreenId:
        return self.navigator.screen_id

    # --- navigation (the router makes and wires the screens) ------------------------

    def show_home(self) -> None:
        self.router.again = self.show_home
        self._swap_in_new_content()
        self._make_due_home()
        self.navigator.show(HOME, self.home)

    def show_attract(self) -> None:
        self._swap_in_new_content()
        self.router.show_attract(self.art)

    def show_region(self, region_id: str, page: int = 0) -> None:
        self.router.show_region(region_id, page)

    def show_walkthrough(self, region_id: str | None = None, step: int = 0) -> None:
        self.router.show_walkthrough(region_id, step)

    def show_precautions(self, back: ScreenId = HOME) -> None:
        self.router.show_precautions(back)

    def show_sources(self, back: ScreenId = HOME) -> None:
        self.router.show_sources(back)

    def show_card(self) -> None:
        self.router.show_card()

    def show_questions(self) -> None:
        self.router.show_questions()

    def clear_card(self) -> None:
        """The therapist's one tap: the card is empty, and shown empty."""
        self.card = TherapistCard()
        self.router.again()

    # --- the patient's choices --------------------------------------------------------

    def set_language(self, code: str) -> None:
        if code in self.book.content.languages and code != self.visit.language:
            self._choose(replace(self.visit, language=code))

    def set_calm(self, calm: bool) -> None:
        """Shown again at once in calm mode, on the same screen, page and step."""
        if calm != self.visit.calm:
            self._choose(replace(self.visit, calm=calm), then=self.router.again)

    def set_high_contrast(self, on: bool) -> None:
        if on != self.visit.high_contrast:
            self._choose(replace(self.visit, high_contrast=on))

    def cycle_text_size(self) -> None:
        """Normal, large, extra large, and round again; the screen is shown again in the new size."""
        self._choose(self.visit.with_next_text_size(), then=self.router.again)

    def reset_visit(self) -> None:
        """Forget the last patient's choices and go home."""
        self._forget_visit()
        self.show_home()

    def reset_for_next_patient(self) -> None:
        """Forget everything the last patient chose (first: nothing drawn can keep it), then show the attract screen."""
        self._forget_visit(home_now=False)
        self.usage.count(IDLE_RESET)
        self.idle.restart()
        self.show_attract()
        # The next patient's home is made once the attract screen is on screen: nobody waits
        # for it then, and the attract screen comes a home's making sooner (issue 18).
        if self.navigator.screen is not None:
            after_first_paint(self.navigator.screen, self._make_due_home)

    def recover(self) -> None:
        """After an unexpected error: home again; a countdown runs on and the idle timer restarts (the reset comes)."""
        self.staff.close()
        self.idle.restart()
        try:
            self._build_home()
            self.show_home()
        except Exception:  # the last resort must not raise
            log.exception("could not rebuild the home screen")

    # --- unattended: idle reset, staff, content updates ---------------------------

    @property
    def idle(self) -> IdleWatcher:
        return self.idle_reset.watcher

    @property
    def countdown(self) -> CountdownOverlay | None:
        return self.idle_reset.countdown

    def start_countdown(self) -> None:
        if self.current_screen() == ATTRACT and self.staff.overlay is None:
            return  # nobody to ask: the kiosk already waits for the next patient
        self.staff.close()
        ui = self.language.ui
        self.idle_reset.start_countdown(ui, lambda: self.read_aloud.announce([ui.idle_question, ui.keep_reading]))

    def open_pin_pad(self) -> None:
        if self.staff.overlay is not None:
            return
        self.idle_reset.close_countdown()
        self.staff.open_pin_pad(self.book.content)

    def open_staff_menu(self) -> None:
        self.staff.open_menu(self.book.content)

    def staff_exit(self) -> None:
        log.info("staff exit")
        self.usage.write()
        self.locked = False
        self.close()
        QApplication.exit(STAFF_EXIT_CODE)

    @property
    def content_problems(self) -> list[Problem]:
        return self.reloader.problems

    def reload_content(self, now: bool = False) -> None:
        """Check the content folder again, in a child process. Good content is used at once when
        home or the attract screen shows (or when ``now``), else at the next return home; bad
        content is refused and the last good kept (``contentReady`` or ``contentRejected`` says)."""
        if self.reloader.folder is None:
            return
        self._show_checked_now = self._show_checked_now or now
        self.content_check.start(self.reloader.folder)

    def _content_checked(self, checked: Checked) -> None:
        now, self._show_checked_now = self._show_checked_now, False
        problems = self.reloader.take_checked(checked)
        self._mark_problems()
        self.staff.content_checked(not problems)
        if problems:
            self.contentRejected.emit(problems)
            return
        self.contentReady.emit()
        # Nobody is reading home or the attract screen: show the fix at once, or staff think it failed.
        if now or (self.current_screen() == HOME and not self._overlay_open()):
            self.show_home()
        elif self.current_screen() == ATTRACT and not self._overlay_open():
            self.show_attract()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked:
            event.ignore()  # Alt+F4 and the close button do nothing until staff unlock
            return
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for overlay in (self.countdown, self.staff.overlay):
            if overlay is not None:
                overlay.setGeometry(self.rect())

    # --- wiring -------------------------------------------------------------------------

    def _fresh_visit(self) -> Visit:
        return fresh_visit(self.settings, self.book.content.languages, self.system_high_contrast)

    def _choose(self, visit: Visit, then: Callable[[], None] | None = None) -> None:
        self.usage.visit_changed(self.visit, visit)
        if (visit.high_contrast, visit.text_scale) != (self.visit.high_contrast, self.visit.text_scale):
            # A new look restyles every widget in the window: let go of the screens made for the
            # old one first (they would be made again anyway), so only what is shown is restyled.
            self.navigator.forget_kept()
            self._let_go_of_homes(now=True)
            self.navigator.retire_home()
        self.visit = visit
        self.colours = self.looks.apply(self.book, self.visit)
        self._build_home(fresh=False)
        (then or self.show_home)()

    def _forget_visit(self, home_now: bool = True) -> None:
        # The card and choices go first (a drawing that fails can't keep them), then a new home;
        # kept screens start at their top (or first step) whenever shown: no region, step, scroll
        # position or language of the last patient is left.
        self.card = TherapistCard()
        self.visit = self._fresh_visit()
        self.usage.new_visit()
        self.idle_reset.close_countdown()
        self.staff.close()
        self.colours = self.looks.apply(self.book, self.visit)
        if home_now:
            self._build_home()
        else:
            self._home_due = True  # made before home is next shown or asked for

    def _make_due_home(self) -> None:
        if self._home_due:
            self._build_home()

    def _swap_in_new_content(self) -> None:
        book = self.reloader.take()
        if book is None:
            return
        self.book = book
        if self.visit.language not in self.book.content.languages:
            self.visit = replace(self.visit, language=BASE_LANGUAGE)
        self.colours = self.looks.apply(self.book, self.visit)
        self._build_home()
        self._mark_problems()
        self.contentSwapped.emit()

    def _watch_people(self) -> None:
        """Touches (idle time) and the staff corner are watched from home's first frame on."""
        self.idle.watch()
        self.staff_corner.watch()
        self.watching_people = True
        # PySide makes the Python classes and enums of every widget type (40-70 ms) when an
        # app-wide filter first sees an object of a class it doesn't know, such as the scroll-bar
        # box inside a scroll area: have that happen now, while nobody waits, not at the first tap.
        shiboken6.delete(QScrollArea())

    def _mark_problems(self) -> None:
        """The staff corner's marker shows while staff have an error to look at (a broken
        clinic.yaml, a refused edit, a settings mistake), so they know to open the menu (issue #15)."""
        self.staff_corner.show_marker(self.staff.needs_a_look())
    def _tick(self, tick: Tick, on: bool) -> None:
        self.card = self.card.with_tick(tick, on)  # never logged or counted: only what was ticked

    def _settings_changed(self, settings: Settings) -> None:
        self._mark_problems()
        if settings.idle_seconds != self.idle.seconds:
            self.idle.set_seconds(settings.idle_seconds)
        self.read_aloud.apply_settings(settings.read_aloud, settings.speech_rate, settings.speech_volume)

    def _overlay_open(self) -> bool:
        return self.countdown is not None or self.staff.overlay is not None

    def _build_home(self, fresh: bool = True) -> None:
        """Home for the visit: made now, or with ``fresh=False`` one kept for this look and
        language, showing the visit's calm-mode choice. A new patient (``fresh``), new content,
        contrast or text size get new homes: nothing of the last patient, the old look or content."""
        self._home_due = False
        look = (self.book, self.visit.high_contrast, self.visit.text_scale)
        if fresh or look != self._homes_for:
            self._let_go_of_homes()
            self._homes_for = look
        home = self._homes.get(self.visit.language)
        if home is None:
            home = self._homes[self.visit.language] = self._make_home(self.visit.language)
        home.show_choices(self.visit.language, self.visit.calm)
        # The home in use so far stays hidden if it is kept (another language's), else is deleted.
        self.navigator.set_home(home, keep_old=any(self.navigator.home is kept for kept in self._homes.values()))
        self.setWindowTitle(self.language.ui.title)

    def _let_go_of_homes(self, now: bool = False) -> None:
        homes, self._homes = self._homes, {}
        for home in homes.values():
            self.navigator.let_go_of_home(home, now)  # not the one in use: set_home lets go of that

    def _homes_to_make_ahead(self) -> list[tuple[Hashable, Callable[[], Screen]]]:
        """Other languages' homes, made while home waits (after its region screens)."""
        def make(code: str) -> Screen:
            home = self._homes[code] = self._make_home(code)
            self.navigator.shelve(home)
            return home

        return [(("home", code), partial(make, code)) for code in self.book.content.languages
                if code not in self._homes]

    def _make_home(self, code: str) -> HomeScreen:
        content = self.book.content
        ui = content.language(code).ui
        languages = {c: lang.name for c, lang in content.languages.items()}
        home = HomeScreen(ui, replace(content.clinic, colours=self.colours), self.art,
                          self._region_names(code), languages, code, self.visit.calm,
                          self.visit.high_contrast, logo=content.logo)
        home.regionChosen.connect(self.show_region)
        home.walkthroughRequested.connect(self.show_walkthrough)
        home.precautionsRequested.connect(self.show_precautions)
        home.sourcesRequested.connect(self.show_sources)
        home.languageChosen.connect(self.set_language)
        home.calmToggled.connect(self.set_calm)
        home.contrastToggled.connect(self.set_high_contrast)
        home.textSizeRequested.connect(self.cycle_text_size)
        home.text_size_button.show_scale(self.visit.text_scale)
        home.setAccessibleName(ui.title)
        return home

    def _announce(self, screen_id: ScreenId) -> None:
        """Tell screen readers the screen changed: its name goes into the window title (which
        readers follow) and the screen raises an accessibility alert."""
        title = self.language.ui.title
        screen = self.navigator.screen
        what = screen.accessibleName() if screen is not None else ""
        self.setWindowTitle(f"{what} - {title}" if what and what != title else title)
        if screen is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(screen, QAccessible.Event.Alert))
        self.screenChanged.emit(screen_id.name)

