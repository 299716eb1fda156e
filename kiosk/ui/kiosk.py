"""The kiosk's parts, and what happens when: the patient's choices, the next patient, new content,
the staff's way in. ``kiosk.ui.wiring`` makes the parts and connects their signals here; nothing
here makes a screen or connects one."""

from __future__ import annotations

import logging
from dataclasses import replace

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QScrollArea

from kiosk.model.content import BASE_LANGUAGE, Language
from kiosk.pages.book import PageBook
from kiosk.settings.values import Settings
from kiosk.system.exitcodes import STAFF_EXIT
from kiosk.ui.firstpaint import after_first_paint
from kiosk.ui.input.idle import IdleReset, IdleWatcher
from kiosk.ui.input.staffcorner import StaffCorner
from kiosk.ui.input.therapisthold import TherapistHold
from kiosk.ui.look.looks import Looks
from kiosk.ui.navigation.homes import Homes
from kiosk.ui.navigation.router import Router
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.speech.readaloud import ReadAloud
from kiosk.ui.staff.desk import StaffDesk
from kiosk.ui.staff.usagecount import UsageCounter
from kiosk.ui.updates.arrival import ContentArrival
from kiosk.ui.widgets.focusorder import focus_first, focus_place, place_of
from kiosk.ui.widgets.focusring import FocusRing
from kiosk.ui.window import KioskWindow
from kiosk.usage.counts import IDLE_RESET
from kiosk.visit.card import TherapistCard, Tick
from kiosk.visit.patient import Visit, fresh_visit
from kiosk.visit.screens import ATTRACT, HOME, ScreenId, ScreenKind
from kiosk.visit.stage import Stage

log = logging.getLogger(__name__)

STAFF_EXIT_CODE = STAFF_EXIT  # the only exit a kiosk shell should not restart after


class Kiosk(QObject):
    """``choiceMade`` (the visit before and after), ``visitStarted`` and ``languageInUse`` (the
    visit's language, whenever it or the content changes) are for the parts that watch the visit;
    ``contentSwapped`` says new content is in use (``arrival`` says how its check went)."""

    choiceMade = Signal(object, object)  # Visit, Visit
    visitStarted = Signal()
    languageInUse = Signal(object)  # Language
    contentSwapped = Signal()

    def __init__(self, *, window: KioskWindow, stage: Stage, looks: Looks, router: Router, homes: Homes,
                 staff: StaffDesk, staff_corner: StaffCorner, idle_reset: IdleReset, read_aloud: ReadAloud,
                 usage: UsageCounter, arrival: ContentArrival, focus_ring: FocusRing, therapist: TherapistHold):
        super().__init__(window)
        self.window = window
        self.stage = stage
        self.looks = looks
        self.router = router
        self.homes = homes
        self.staff = staff
        self.staff_corner = staff_corner
        self.idle_reset = idle_reset
        self.read_aloud = read_aloud
        self.usage = usage
        self.arrival = arrival
        self.focus_ring = focus_ring
        self.therapist = therapist
        self.system_high_contrast = False  # set by the app from the operating system's wish
        self.watching_people = False  # touches count (idle time, staff corner) from home's first frame on

    # --- what is shown now ------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self.staff.settings  # the staff desk keeps them: staff change them there

    @property
    def book(self) -> PageBook:
        return self.stage.book

    @property
    def visit(self) -> Visit:
        return self.stage.visit

    @property
    def card(self) -> TherapistCard:
        return self.stage.card

    @property
    def language(self) -> Language:
        return self.book.content.language(self.visit.language)

    @property
    def home(self) -> HomeScreen:
        return self.homes.home

    @property
    def idle(self) -> IdleWatcher:
        return self.idle_reset.watcher

    def region_names(self) -> dict[str, str]:
        return self.stage.scene().region_names()

    def show_home(self) -> None:
        self.router.show(HOME)

    def start_by_keyboard(self) -> None:
        """The attract screen left by a key: home, with the keyboard on its first control."""
        self.show_home()
        if self.router.screen is not None:
            focus_first(self.router.screen)

    def show_attract(self) -> None:
        self.router.show(ATTRACT)

    def home_coming(self, screen_id: ScreenId) -> None:
        """Home or the attract screen is about to be shown: good new content is taken now."""
        self._take_new_content()
        if screen_id.kind is ScreenKind.HOME:
            self.homes.make_due()

    # --- the patient's choices --------------------------------------------------------------

    def set_language(self, code: str, keep_place: bool = False) -> None:
        """Home in that language; with ``keep_place``, the screen shown, at its step (the walkthrough's switch)."""
        if code in self.book.content.languages and code != self.visit.language:
            self._choose(replace(self.visit, language=code), again=keep_place)

    def set_calm(self, calm: bool) -> None:
        """Shown again at once in calm mode, on the same screen, page and step."""
        if calm != self.visit.calm:
            self._choose(replace(self.visit, calm=calm), again=True)

    def set_high_contrast(self, on: bool) -> None:
        if on != self.visit.high_contrast:
            self._choose(replace(self.visit, high_contrast=on))

    def cycle_text_size(self) -> None:
        """Normal, large, extra large, and round again; the screen is shown again in the new size."""
        self._choose(self.visit.with_next_text_size(), again=True)

    def tick(self, tick: Tick, on: bool) -> None:
        self.stage.card = self.card.with_tick(tick, on)  # never logged or counted: only what was ticked

    def clear_card(self) -> None:
        """The therapist's one tap: the card is empty, and shown empty."""
        self.stage.card = TherapistCard()
        self.router.refresh()

    def _choose(self, visit: Visit, again: bool = False) -> None:
        """The visit's new choices; home, or with ``again`` the screen shown, made for them. A
        keyboard user stays on the control they pressed, on the screen made anew."""
        place = place_of(self.focus_ring.target, self.router.screen)  # the ring: only the keyboard's
        self.choiceMade.emit(self.visit, visit)
        if (visit.high_contrast, visit.text_scale) != (self.visit.high_contrast, self.visit.text_scale):
            # A new look restyles every widget in the window: let go of the screens made for the
            # old one first (they would be made again anyway), so only what is shown is restyled.
            self.router.forget_kept()
            self.homes.let_go(now=True)
            self.router.retire_home()
        self.stage.visit = visit
        self.restyle()
        self.homes.build(fresh=False)
        if again:
            self.router.refresh()
        else:
            self.show_home()
        focus_place(place, self.router.screen)

    # --- the next patient ---------------------------------------------------------------------

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
        # for it then, and the attract screen comes a home's making sooner.
        if self.router.screen is not None:
            after_first_paint(self.router.screen, self.homes.make_due)

    def recover(self) -> None:
        """After an unexpected error: home again; a countdown runs on and the idle timer restarts (the reset comes)."""
        self.staff.close()
        self.idle.restart()
        try:
            self.homes.build()
            self.show_home()
        except Exception:  # the last resort must not raise
            log.exception("could not rebuild the home screen")

    def _forget_visit(self, home_now: bool = True) -> None:
        self.read_aloud.stop()  # first: nothing said for the last patient goes on over the next one's screen
        # The card and choices go first (a drawing that fails can't keep them), then a new home;
        # kept screens start at their top (or first step) whenever shown: no region, step, scroll
        # position or language of the last patient is left.
        self.stage.card = TherapistCard()
        self.stage.visit = fresh_visit(self.settings, self.book.content.languages, self.system_high_contrast)
        self.therapist.set_on(False)  # the next patient's screen is never held
        self.visitStarted.emit()
        self.idle_reset.close_countdown()
        self.staff.close()
        self.restyle()
        if home_now:
            self.homes.build()
        else:
            self.homes.due = True  # made before home is next shown or asked for

    def restyle(self) -> None:
        """Style the window for the visit, and tell the parts that watch it the visit's language."""
        self.looks.apply(self.book, self.visit)
        self.languageInUse.emit(self.language)

    # --- unattended: idle reset, staff, content updates ---------------------------------------

    def watch_people(self) -> None:
        """Touches (idle time) and the staff corner are watched from home's first frame on."""
        self.idle.watch()
        self.staff_corner.watch()
        self.watching_people = True
        # PySide makes the Python classes and enums of every widget type (40-70 ms) when an
        # app-wide filter first sees an object of a class it doesn't know, such as the scroll-bar
        # box inside a scroll area: have that happen now, while nobody waits, not at the first tap.
        shiboken6.delete(QScrollArea())

    def overlay_open(self) -> bool:
        return self.idle_reset.countdown is not None or self.staff.overlay is not None

    def start_countdown(self) -> None:
        if self.router.current == ATTRACT and self.staff.overlay is None:
            return  # nobody to ask: the kiosk already waits for the next patient
        if self.therapist.on:
            return  # held for the therapist; its limit brings the countdown (wired in kiosk.ui.wiring)
        self.staff.close()
        self.idle_reset.start_countdown(self.language.ui)

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
        self.window.locked = False
        self.window.close()
        QApplication.exit(STAFF_EXIT_CODE)

    def settings_changed(self, settings: Settings) -> None:
        self.mark_problems()
        self.idle_reset.set_times(settings.idle_seconds, settings.listening_idle_seconds)
        self.therapist.limit_minutes = settings.therapist_minutes  # from the next time it is turned on
        self.read_aloud.apply_settings(settings.read_aloud, settings.speech_rate, settings.speech_volume)

    def mark_problems(self) -> None:
        """The staff corner's marker shows while staff have an error to look at (a broken
        clinic.yaml, a refused edit, a settings mistake), so they know to open the menu."""
        self.staff_corner.show_marker(self.staff.needs_a_look())

    def reload_content(self, now: bool = False) -> None:
        """Check the content folder again (``kiosk.ui.updates.arrival``). Good content is used at
        once when home or the attract screen shows (or when ``now``), else at the next return home."""
        self.arrival.reload(now)

    def content_checked(self, good: bool, now: bool) -> None:
        self.mark_problems()
        self.staff.content_checked(good)
        if not good:
            return
        # Nobody is reading home or the attract screen: show the fix at once, or staff think it failed.
        if now or (self.router.current == HOME and not self.overlay_open()):
            self.show_home()
        elif self.router.current == ATTRACT and not self.overlay_open():
            self.show_attract()

    def _take_new_content(self) -> None:
        book = self.arrival.take()
        if book is None:
            return
        self.stage.book = book
        if self.visit.language not in self.book.content.languages:
            self.stage.visit = replace(self.visit, language=BASE_LANGUAGE)
        self.restyle()
        self.homes.build()
        self.mark_problems()
        self.contentSwapped.emit()
