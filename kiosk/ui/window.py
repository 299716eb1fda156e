"""The kiosk's window: one screen at a time, and the only place screens are wired together.

The home screen stays. Every other screen is made from the pages for the patient's
language, calm mode, contrast and text size the first time it is wanted, and kept for the
next tap while those stay the same: a tap then only shows a screen that is already laid
out (issue 7's latency budget is one frame). While home waits for a tap, the region screens
are made ahead. The window also keeps the kiosk safe to leave alone: it refuses to close
unless staff unlocked it, resets for the next patient after a quiet spell, and takes new
content only at home.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import astuple, dataclass, replace
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from kiosk.bodyart import BodyArt
from kiosk.content import BASE_LANGUAGE
from kiosk.memory import give_back_free_memory
from kiosk.pages import Page, PageBook
from kiosk.palette import HIGH_CONTRAST, theme_colours
from kiosk.problems import Problem
from kiosk.settings import Settings
from kiosk.staffpin import PinGuard
from kiosk.ui.home import HomeScreen
from kiosk.ui.idle import IdleWatcher, StaffCorner
from kiosk.ui.theme import TEXT_SCALES, stylesheet

if TYPE_CHECKING:  # the other screens are imported when first wanted: home is painted sooner
    from kiosk.ui.article import ArticleScreen
    from kiosk.ui.countdown import CountdownOverlay
    from kiosk.ui.region import RegionScreen

log = logging.getLogger(__name__)

HOME = "home"
ATTRACT = "attract"
STAFF_EXIT_CODE = 10  # the only exit a kiosk shell should not restart after
# Screens kept ready besides home: every region, and the last few others a patient opened.
# Each holds its laid-out page and pictures (about 2 MB), so not every screen of every kind.
KEEP_SCREENS = 7
MAKE_AHEAD_AFTER_MS = 50  # after home is painted: its frame reaches the screen first


@dataclass
class Visit:
    """One patient's choices: cleared for the next patient."""

    language: str = BASE_LANGUAGE
    calm: bool = False
    high_contrast: bool = False
    text_scale: float = 1.0


def usable_problems(book: PageBook) -> list[Problem]:
    """Every error (not warning) in a book, rendering every page to find them."""
    problems = [p for p in book.content.problems if not p.warning]
    for _, page in book.every_page():
        problems.extend(p for p in page.problems if p not in problems)
    return problems


class KioskWindow(QMainWindow):
    screenChanged = Signal(str)
    contentSwapped = Signal()
    contentRejected = Signal(list)

    def __init__(self, book: PageBook, art: BodyArt, settings: Settings | None = None, *,
                 locked: bool = False, save_settings: Callable[[Settings], None] = lambda s: None,
                 load_book: Callable[[], PageBook] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.book = book
        self.art = art
        self.settings = settings or Settings()
        self.locked = locked
        self._save_settings = save_settings
        self._load_book = load_book
        self._pending: PageBook | None = None  # good new content, waiting for the next return home
        self.content_problems: list[Problem] = [p for p in book.content.problems]
        self.pin_guard = PinGuard(self.settings.staff_pin)
        self.system_high_contrast = False  # set by the app from the operating system's wish
        self._contrast_books: dict[tuple, PageBook] = {}
        self._again: Callable[[], None] = lambda: self.show_home()  # shows the current screen again
        self._screens: OrderedDict[str, QWidget] = OrderedDict()  # kept screens, least recently shown first
        self._screens_for: tuple = ()  # the book and visit choices the kept screens were made for
        self._style = ""
        self._let_go_since_trim = True  # memory to give back once home is ready (start-up, too)
        self.visit = self._fresh_visit()
        self._apply_theme()
        self._stack = QStackedWidget()
        self.setCentralWidget(self._stack)
        self.home: HomeScreen | None = None
        self.screen: QWidget | None = None  # the screen shown now
        self.screen_name = HOME
        self.countdown: CountdownOverlay | None = None
        self.staff_overlay: QWidget | None = None

        self.idle = IdleWatcher(self.settings.idle_seconds, self)
        self.idle.idle.connect(self.start_countdown)
        self.staff_corner = StaffCorner(self, self.settings.staff_corner)
        self.staff_corner.held.connect(self.open_pin_pad)
        # Region screens are made ahead one at a time once home has been painted, each in its
        # own turn of the event loop, so a tap that comes meanwhile waits for one screen at most
        # and the first paint at start-up waits for none.
        self._make_ahead = QTimer(self, singleShot=True, interval=MAKE_AHEAD_AFTER_MS)
        self._make_ahead.timeout.connect(self._make_next_region)
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
        self._again = self.show_home
        if self._pending is not None:
            self._swap_content()
        self._show(HOME, self.home)

    def show_attract(self) -> None:
        if self._pending is not None:
            self._swap_content()
        from kiosk.ui.attract import AttractScreen

        screen = AttractScreen(self.language.ui, self.book.content.clinic)
        screen.setAccessibleName(self.language.ui.attract)
        screen.tapped.connect(self.show_home)
        self._show(ATTRACT, screen)

    def show_region(self, region_id: str) -> None:
        self._again = lambda: self.show_region(region_id)

        def screen():
            region = self._region_screen(region_id)
            region.start_over()
            return region

        self._show_safely(f"region-{region_id}", screen)

    def _region_screen(self, region_id: str) -> RegionScreen:
        from kiosk.ui.region import RegionScreen

        def build():
            page = self.pages.region(self.visit.language, self.visit.calm, region_id)
            screen = RegionScreen(self.region_names()[region_id], page, self.language.ui)
            screen.backRequested.connect(self.show_home)
            screen.walkthroughRequested.connect(lambda: self.show_walkthrough(region_id))
            screen.precautionsRequested.connect(lambda: self.show_precautions(back=("region", region_id)))
            screen.textSizeRequested.connect(self.cycle_text_size)
            return screen

        return self._kept(f"region-{region_id}", build)

    def show_walkthrough(self, region_id: str | None = None, step: int = 0) -> None:
        name = f"walkthrough-{region_id or 'general'}"
        self._again = lambda: self.show_walkthrough(region_id, getattr(self.screen, "index", step))

        from kiosk.ui.walkthrough import WalkthroughScreen

        def build():
            lang, calm = self.visit.language, self.visit.calm
            steps = [self.pages.step(lang, calm, region_id, i) for i in range(max(self.pages.step_count(lang), 1))]
            screen = WalkthroughScreen(steps, self.language.ui, start=step)
            screen.homeRequested.connect(self.show_home)
            screen.stepChanged.connect(lambda i: self._renamed(f"{name}-{i + 1}"))
            screen.textSizeRequested.connect(self.cycle_text_size)
            return screen

        def screen():
            walkthrough = self._kept(name, build)
            walkthrough.start_over(step)
            return walkthrough

        self._show_safely(f"{name}-{step + 1}", screen)

    def show_precautions(self, back=("home",)) -> None:
        self._again = lambda: self.show_precautions(back)
        self._show_safely("precautions", lambda: self._kept_article(
            f"precautions-{'-'.join(back)}",
            lambda: self.pages.precautions(self.visit.language, self.visit.calm), back))

    def show_sources(self, back=("home",)) -> None:
        self._again = lambda: self.show_sources(back)
        self._show_safely("sources", lambda: self._kept_article(
            f"sources-{'-'.join(back)}", lambda: self.pages.sources(self.visit.language, self.visit.calm), back))

    def set_language(self, code: str) -> None:
        if code in self.book.content.languages and code != self.visit.language:
            self.visit.language = code
            self._build_home()
            self.show_home()

    def set_high_contrast(self, on: bool) -> None:
        if on != self.visit.high_contrast:
            self.visit.high_contrast = on
            self._apply_theme()
            self._build_home()
            self.show_home()

    def cycle_text_size(self) -> None:
        """Normal, large, extra large, and round again; the screen is rebuilt in the new size."""
        steps = list(TEXT_SCALES)
        current = steps.index(self.visit.text_scale) if self.visit.text_scale in steps else 0
        self.visit.text_scale = steps[(current + 1) % len(steps)]
        self._apply_theme()
        self._build_home()
        self._again()

    @property
    def pages(self) -> PageBook:
        """The pages in the current theme and text size (each kind kept once rendered)."""
        if not self.visit.high_contrast and self.visit.text_scale == 1.0:
            return self.book
        key = (id(self.book), self.visit.high_contrast, self.visit.text_scale)
        if key not in self._contrast_books:
            content = self.book.content
            if self.visit.high_contrast:
                content = replace(content, clinic=replace(content.clinic, colours=HIGH_CONTRAST))
            # Keep only the variant in use: each holds every page it has rendered, and a kiosk
            # that kept all six (contrast x text size) would fill memory a little every day.
            self._contrast_books = {key: PageBook(content, self.book.renderer, self.visit.text_scale)}
        return self._contrast_books[key]

    def set_calm(self, calm: bool) -> None:
        if calm != self.visit.calm:
            self.visit.calm = calm
            self._build_home()
            self.show_home()

    def reset_visit(self) -> None:
        """Forget the last patient's choices and go home."""
        self._forget_visit()
        self.show_home()

    def reset_for_next_patient(self) -> None:
        """Forget everything the last patient chose and show the attract screen."""
        self._forget_visit()
        self.show_attract()
        self.idle.restart()

    def _forget_visit(self) -> None:
        # A new home, new choices, and kept screens that start at their top (or first step)
        # whenever shown leave nothing of the last patient: no region, step, scroll position
        # or language.
        self._close_overlays()
        self.visit = self._fresh_visit()
        self._apply_theme()
        self._build_home()

    def recover(self) -> None:
        """After an unexpected error: back to a known-good home screen."""
        self._close_overlays()
        try:
            self._build_home()
            self.show_home()
        except Exception:  # the last resort must not raise
            log.exception("could not rebuild the home screen")

    # --- unattended: idle reset, staff, content updates ---------------------------

    def start_countdown(self) -> None:
        if self.countdown is not None or (self.screen_name == ATTRACT and self.staff_overlay is None):
            return
        self._close_staff()
        from kiosk.ui.countdown import CountdownOverlay

        self.countdown = CountdownOverlay(self.language.ui, int(self.settings.countdown_seconds), self)
        self.countdown.keepReading.connect(self._keep_reading)
        self.countdown.expired.connect(self._countdown_expired)

    def _keep_reading(self) -> None:
        self._close_countdown()
        self.idle.restart()

    def _countdown_expired(self) -> None:
        self._close_countdown()
        log.info("idle: reset for the next patient")
        self.reset_for_next_patient()

    def open_pin_pad(self) -> None:
        if self.staff_overlay is not None:
            return
        self._close_countdown()
        from kiosk.ui.staff import PinPad

        pad = PinPad(self.book.content.staff, self.pin_guard, self)
        pad.accepted.connect(self.open_staff_menu)
        pad.cancelled.connect(self._close_staff)
        self._open_staff(pad)

    def open_staff_menu(self) -> None:
        staff = self.book.content.staff
        languages = {code: lang.name for code, lang in self.book.content.languages.items()}
        from kiosk.ui.staff import StaffMenu

        menu = StaffMenu(staff, languages, self.settings.default_language, self.settings.calm_by_default,
                         int(self.settings.idle_seconds), tuple(self.content_problems), self)
        menu.closed.connect(self._close_staff)
        menu.exitRequested.connect(self.staff_exit)
        menu.reloadRequested.connect(lambda: menu.say(staff.reload_done if self.reload_content(now=True)
                                                      else staff.reload_failed))
        menu.reloadRequested.connect(lambda: menu.show_problems(self.content_problems))
        menu.defaultLanguageChosen.connect(lambda code: self._change_settings(default_language=code))
        menu.calmDefaultChanged.connect(lambda calm: self._change_settings(calm_by_default=calm))
        menu.idleSecondsChosen.connect(self._change_idle)
        self._open_staff(menu)

    def staff_exit(self) -> None:
        log.info("staff exit")
        self.locked = False
        self.close()
        QApplication.exit(STAFF_EXIT_CODE)

    def reload_content(self, now: bool = False) -> bool:
        """Load the content folder again. Good content is used at the next return home
        (straight away when ``now``); bad content is refused and the last good kept."""
        if self._load_book is None:
            return False
        try:
            book = self._load_book()
            problems = usable_problems(book)
        except Exception as exc:  # content must never take the kiosk down
            log.exception("content reload failed")
            problems = [Problem(str(self.book.content.folder), None, f"could not be read: {exc}")]
        if problems:
            for problem in problems:
                log.error("content problem (keeping the last good content): %s", problem)
            self.content_problems = problems
            self.contentRejected.emit(problems)
            return False
        self.content_problems = list(book.content.problems)
        self._pending = book
        log.info("new content is ready; it will be shown from the next return to home")
        if now:
            self.show_home()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked:
            event.ignore()  # Alt+F4 and the close button do nothing until staff unlock
            return
        super().closeEvent(event)

    # --- wiring -------------------------------------------------------------------------

    def _fresh_visit(self) -> Visit:
        language = self.settings.default_language
        if language not in self.book.content.languages:
            language = BASE_LANGUAGE
        scale = TEXT_SCALES[("normal", "large", "extra-large").index(self.settings.text_size_by_default)]
        return Visit(language, self.settings.calm_by_default,
                     self.system_high_contrast or self.settings.high_contrast_by_default, scale)

    def _swap_content(self) -> None:
        self.book, self._pending = self._pending, None
        if self.visit.language not in self.book.content.languages:
            self.visit.language = BASE_LANGUAGE
        self._apply_theme()
        self._build_home()
        self.contentSwapped.emit()

    def _apply_theme(self) -> None:
        self.colours = theme_colours(self.book.content.clinic.colours, self.visit.high_contrast)
        style = stylesheet(self.colours, self.visit.text_scale)
        if style != self._style:  # re-styling every widget costs ~50 ms: only when it changed
            self._style = style
            self.setStyleSheet(style)

    def _change_settings(self, **changes) -> None:
        self.settings = self.settings.with_changes(**changes)
        try:
            self._save_settings(self.settings)
        except OSError:
            log.exception("could not save the settings")

    def _change_idle(self, seconds: int) -> None:
        self._change_settings(idle_seconds=seconds)
        self.idle.set_seconds(seconds)

    def _open_staff(self, overlay) -> None:
        self._close_staff()
        self.staff_overlay = overlay
        overlay.open()

    def _close_staff(self) -> None:
        if self.staff_overlay is not None:
            self.staff_overlay.hide()
            self.staff_overlay.deleteLater()
            self.staff_overlay = None

    def _close_countdown(self) -> None:
        if self.countdown is not None:
            self.countdown.stop()
            self.countdown.hide()
            self.countdown.deleteLater()
            self.countdown = None

    def _close_overlays(self) -> None:
        self._close_countdown()
        self._close_staff()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        for overlay in (self.countdown, self.staff_overlay):
            if overlay is not None:
                overlay.setGeometry(self.rect())

    def _build_home(self) -> None:
        content = self.book.content
        languages = {code: lang.name for code, lang in content.languages.items()}
        home = HomeScreen(self.language.ui, replace(content.clinic, colours=self.colours), self.art,
                          self.region_names(), languages, self.visit.language, self.visit.calm,
                          self.visit.high_contrast)
        home.regionChosen.connect(self.show_region)
        home.walkthroughRequested.connect(self.show_walkthrough)
        home.precautionsRequested.connect(self.show_precautions)
        home.sourcesRequested.connect(self.show_sources)
        home.languageChosen.connect(self.set_language)
        home.calmToggled.connect(self.set_calm)
        home.contrastToggled.connect(self.set_high_contrast)
        home.textSizeRequested.connect(self.cycle_text_size)
        home.installEventFilter(self)  # its paint starts making screens ahead
        old = self.home
        self.home = home
        home.setAccessibleName(self.language.ui.title)
        self._stack.insertWidget(0, home)
        if old is not None:
            self._stack.removeWidget(old)
            old.deleteLater()
            self._let_go_since_trim = True
            if self.screen is old:
                self.screen = home
        self.setWindowTitle(self.language.ui.title)

    def _kept_article(self, key: str, page: Callable[[], Page], back) -> ArticleScreen:
        screen = self._kept(key, lambda: self._article(page(), back))
        screen.start_over()
        return screen

    def _article(self, page: Page, back) -> ArticleScreen:
        from kiosk.ui.article import ArticleScreen

        ui = self.language.ui
        label = ui.back_button if back == ("home",) else self.region_names()[back[1]]
        screen = ArticleScreen(page, ui, label)
        if page.html is not None:
            screen.setAccessibleName(screen.text().split("\n", 1)[0])  # the page's own heading
        screen.textSizeRequested.connect(self.cycle_text_size)
        if back == ("home",):
            screen.backRequested.connect(self.show_home)
        else:
            screen.backRequested.connect(lambda: self.show_region(back[1]))
        return screen

    def _show_safely(self, name: str, build: Callable[[], QWidget]) -> None:
        """A screen that fails to build shows the calm 'being updated' page, never an error."""
        try:
            screen = build()
        except Exception:  # a broken page must not break the kiosk
            log.exception("screen %s could not be shown", name)
            from kiosk.ui.article import ArticleScreen

            screen = ArticleScreen(Page(None), self.language.ui, self.language.ui.back_button)
            screen.backRequested.connect(self.show_home)
        self._show(name, screen)

    def _show(self, name: str, screen: QWidget) -> None:
        old = self.screen
        if self._stack.indexOf(screen) < 0:
            self._stack.addWidget(screen)
        self._stack.setCurrentWidget(screen)
        self.screen = screen
        if old is not None and old is not screen:
            self._let_go(old)
        self._renamed(name)

    # --- kept screens -----------------------------------------------------------------

    def _kept(self, key: str, build: Callable[[], QWidget]) -> QWidget:
        """The screen ``key`` for the current content and choices: kept from before, or made now."""
        if not self._screens_current():
            self._forget_screens()
            self._screens_for = (self.book, *astuple(self.visit))
        screen = self._screens.get(key)
        if screen is None:
            screen = build()
            self._screens[key] = screen
            self._stack.addWidget(screen)
            while len(self._screens) > KEEP_SCREENS:
                self._let_go(self._screens.popitem(last=False)[1])
        self._screens.move_to_end(key)
        return screen

    def _screens_current(self) -> bool:
        """Were the kept screens made for this content and these choices?"""
        made_for = self._screens_for
        return bool(made_for) and made_for[0] is self.book and made_for[1:] == astuple(self.visit)

    def _forget_screens(self) -> None:
        kept, self._screens = self._screens, OrderedDict()
        for screen in kept.values():
            if screen is self.screen:
                continue  # it may be the one asking: deleted once the next screen is shown
            # Hidden and not in the middle of anything: delete now, not at the next turn of the
            # event loop, so the old choices' screens are gone before the new ones are made.
            self._stack.removeWidget(screen)
            shiboken6.delete(screen)
        give_back_free_memory()

    def _let_go(self, screen: QWidget) -> None:
        """Delete a screen that is neither shown, nor home, nor kept for later."""
        if screen is self.screen or screen is self.home or screen in self._screens.values():
            return
        self._stack.removeWidget(screen)
        screen.deleteLater()
        self._let_go_since_trim = True

    def eventFilter(self, watched, event) -> bool:
        if watched is self.home and event.type() == QEvent.Type.Paint and not self._make_ahead.isActive():
            self._make_ahead.start(MAKE_AHEAD_AFTER_MS)
        return False

    def _make_next_region(self) -> None:
        if self.screen is not self.home or self._overlay_open():
            return  # only while home waits for a tap; the next return home goes on
        for region_id in self.book.content.region_ids:
            key = f"region-{region_id}"
            if key in self._screens and self._screens_current():
                continue
            try:
                screen = self._region_screen(region_id)
                # Lay it out and draw it once, unseen: its page, pictures and fonts are ready.
                screen.resize(self._stack.size())
                screen.grab()
            except Exception:  # made ahead only to be quick; the tap will make it again
                log.exception("could not make %s ahead", key)
                return
            self._make_ahead.start(0)
            return
        if self._let_go_since_trim:
            # Home is ready and waiting, and screens let go of have been deleted by now.
            self._let_go_since_trim = False
            give_back_free_memory()

    def _overlay_open(self) -> bool:
        return self.countdown is not None or self.staff_overlay is not None

    def _renamed(self, name: str) -> None:
        self.screen_name = name
        log.debug("screen: %s", name)  # screen names only: nothing a patient chose
        self._announce()
        self.screenChanged.emit(name)

    def _announce(self) -> None:
        """Tell screen readers the screen changed: its name goes into the window title (which
        readers follow) and the screen raises an accessibility alert."""
        title = self.language.ui.title
        what = self.screen.accessibleName() if self.screen is not None else ""
        self.setWindowTitle(f"{what} - {title}" if what and what != title else title)
        if self.screen is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(self.screen, QAccessible.Event.Alert))
