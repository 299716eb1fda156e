"""The one place the kiosk is put together: every part made, and every signal of every part and
every screen connected, read top to bottom.

``build_kiosk`` makes the parts, in the order they need each other, and connects the long-lived
ones; each screen is connected as it is made (``connect_screen``, ``connect_staff_screen``,
``connect_countdown``), by the router, the homes, the staff desk and the idle reset handing it here.
Nothing else connects one part to another.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.checks.reload import ContentReloader
from kiosk.model.content import Language
from kiosk.model.problems import Problem
from kiosk.pages.book import PageBook
from kiosk.reading.bodyart import BodyArt
from kiosk.settings.pin import PinGuard
from kiosk.settings.values import Settings
from kiosk.ui.firstpaint import after_first_paint
from kiosk.ui.input.enterkey import EnterPresses
from kiosk.ui.input.idle import IdleReset
from kiosk.ui.input.staffcorner import StaffCorner
from kiosk.ui.input.therapisthold import TherapistHold
from kiosk.ui.input.timers import Timers, qt_timer
from kiosk.ui.kiosk import Kiosk
from kiosk.ui.look.looks import Looks
from kiosk.ui.navigation.ahead import MakeAhead
from kiosk.ui.navigation.focusback import FocusBack
from kiosk.ui.navigation.homes import Homes
from kiosk.ui.navigation.router import Router
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.maker import ScreenMaker
from kiosk.ui.screens.screen import Screen
from kiosk.ui.speech.readaloud import ReadAloud
from kiosk.ui.staff.desk import StaffDesk
from kiosk.ui.staff.usagecount import UsageCounter
from kiosk.ui.updates.arrival import ContentArrival
from kiosk.ui.updates.contentcheck import ContentCheck
from kiosk.ui.updates.layoutcheck import LayoutCheck
from kiosk.ui.widgets.focusring import FocusRing
from kiosk.ui.window import KioskWindow
from kiosk.usage.counts import UsageLog
from kiosk.visit.patient import fresh_visit
from kiosk.visit.screens import ATTRACT, BREATHING, CARD, HOME, PRECAUTIONS, QUESTIONS, SOURCES, ScreenId, ScreenKind
from kiosk.visit.stage import Stage

if TYPE_CHECKING:  # the countdown and the staff screens load when first wanted, not at start-up
    from kiosk.ui.screens.countdown import CountdownOverlay
    from kiosk.ui.staff.overlay import StaffOverlay

log = logging.getLogger(__name__)

def build_kiosk(book: PageBook, art: BodyArt, settings: Settings | None = None, *, locked: bool = False,
                save_settings: Callable[[Settings], None] = lambda s: None, reload_folder: Path | None = None,
                clock: Callable[[], float] = time.monotonic, pin_lock_file: Path | None = None,
                usage: UsageLog | None = None, settings_problems: Sequence[Problem] = (),
                timers: Timers = qt_timer) -> Kiosk:
    """The kiosk for ``book``: made, connected, and showing home. ``clock`` and ``timers`` are the
    time it counts (the PIN's lock, screen times; the idle reset, the countdown, the staff corner)."""
    settings = settings or Settings()
    window = KioskWindow(locked)
    # New content is checked in a child process (ContentCheck), never on the screen thread.
    reloader = ContentReloader(reload_folder, list(book.content.problems))
    content_check = ContentCheck(window)
    stage = Stage(book, art, fresh_visit(settings, book.content.languages))
    looks = Looks(window)
    looks.apply(book, stage.visit)
    language = book.content.language(stage.visit.language)
    read_aloud = ReadAloud(window, language, settings.read_aloud, settings.speech_rate, settings.speech_volume)
    therapist = TherapistHold(settings.therapist_minutes, window, timers)
    maker = ScreenMaker(read_aloud.offer, therapist, timers)
    router = Router(window.stack, maker, stage)
    homes = Homes(router, maker, stage)
    focus_ring = FocusRing(window, looks.text_colour)  # seen on every control the keyboard reaches
    idle_reset = IdleReset(window, settings.idle_seconds, settings.countdown_seconds, timers,
                           settings.listening_idle_seconds)
    staff_corner = StaffCorner(window, settings.staff_corner, timers=timers)
    counter = UsageCounter(usage, clock, language, window)
    guard = PinGuard.kept_in(settings.staff_pin, clock, pin_lock_file)  # tries survive a restart
    arrival = ContentArrival(reloader, content_check, LayoutCheck(window), window)
    staff = StaffDesk(window, guard, settings, save_settings, reloader, counter, read_aloud,
                      settings_problems=settings_problems)
    kiosk = Kiosk(window=window, stage=stage, looks=looks, router=router, homes=homes, staff=staff,
                  staff_corner=staff_corner, idle_reset=idle_reset, read_aloud=read_aloud, usage=counter,
                  arrival=arrival, focus_ring=focus_ring, therapist=therapist)
    ahead = MakeAhead(window.stack, router, homes, lambda: not kiosk.overlay_open())
    _connect(kiosk, ahead, FocusBack(router, focus_ring, window))
    _start(kiosk)
    return kiosk


def _connect(k: Kiosk, ahead: MakeAhead, focus_back: FocusBack) -> None:
    router, read_aloud, usage, window = k.router, k.read_aloud, k.usage, k.window
    # Each screen as it is made; home and the attract screen take new content first.
    router.made.connect(lambda screen_id, screen: connect_screen(k, screen_id, screen))
    k.homes.made.connect(lambda home: connect_screen(k, HOME, home))
    k.homes.made.connect(ahead.watch)
    router.homeComing.connect(k.home_coming)
    # The screen shown: named to screen readers, counted, and Read aloud stops on it.
    router.shown.connect(lambda screen_id: window.announce(screen_id, router.screen))
    router.shown.connect(usage.screen_shown)
    router.shown.connect(lambda screen_id: read_aloud.screen_shown(router.screen, fresh_visit=screen_id == ATTRACT))
    router.shown.connect(focus_back.shown)  # Back and Esc: the keyboard where it was
    k.visitStarted.connect(focus_back.forget)
    # The patient's visit, for the parts that watch it.
    k.choiceMade.connect(usage.visit_changed)
    k.visitStarted.connect(usage.new_visit)
    k.languageInUse.connect(_tell_language(k))
    # Unattended: the idle reset and the staff's hidden corner.
    k.idle.idle.connect(k.start_countdown)
    k.idle_reset.resetDue.connect(k.reset_for_next_patient)
    k.idle_reset.countdownShown.connect(lambda countdown: connect_countdown(k, countdown))
    k.staff_corner.held.connect(k.open_pin_pad)
    k.therapist.released.connect(k.idle.restart)  # by a tap or its limit: the normal idle time from now
    k.therapist.limitReached.connect(k.start_countdown)  # "Still reading?" now, as after any quiet spell
    read_aloud.speaking.connect(k.idle.restart)  # a patient listening is not idle
    # Someone listening (audio mode, a screen reader) gets the longer wait and warning.
    read_aloud.offer.changed.connect(_follow_listening(k))
    router.shown.connect(_follow_listening(k))  # a screen reader started meanwhile
    # Staff: their screens as they open, what they change, exit.
    k.staff.opened.connect(lambda overlay: connect_staff_screen(k, overlay))
    k.staff.settingsChanged.connect(k.settings_changed)
    k.staff.exitRequested.connect(k.staff_exit)
    k.staff.reloadRequested.connect(lambda: k.reload_content(now=True))
    usage.troubleChanged.connect(k.mark_problems)
    # New content, checked in a child process.
    k.arrival.content_check.finished.connect(k.arrival.take_checked)
    window.closed.connect(k.arrival.close)  # no check's child outlives the kiosk
    window.closed.connect(k.read_aloud.close)
    k.arrival.layoutChecked.connect(k.mark_problems)
    k.arrival.layoutChecked.connect(k.staff.layout_checked)
    k.arrival.checked.connect(k.content_checked)


def _tell_language(k: Kiosk) -> Callable[[Language], None]:
    def tell(language: Language) -> None:
        k.window.use_language(language.ui)
        k.read_aloud.use(language)
        k.usage.use(language)

    return tell


def _follow_listening(k: Kiosk) -> Callable[..., None]:
    from kiosk.ui.widgets import announce

    def follow(*_: object) -> None:
        k.idle_reset.set_listening(k.read_aloud.audio_on or announce.screen_reader_running())

    return follow


def _start(k: Kiosk) -> None:
    k.mark_problems()
    k.restyle()
    k.homes.build()
    k.read_aloud.load_after_paint(k.home)
    after_first_paint(k.home, EnterPresses(k.window).watch)  # Enter presses buttons, as Space does
    after_first_paint(k.home, k.watch_people)  # touches count from home's first frame on
    k.show_home()


def connect_screen(k: Kiosk, screen_id: ScreenId, screen: Screen) -> None:
    """What each screen asks for, to what does it. ``screen_id`` is the screen at its start."""
    router = k.router
    screen.readAloudPressed.connect(k.read_aloud.read_or_stop)
    screen.audioModeToggled.connect(k.read_aloud.set_audio_mode)
    if isinstance(screen, HomeScreen):
        screen.regionChosen.connect(lambda region_id: router.show(ScreenId.for_region(region_id)))
        screen.walkthroughRequested.connect(lambda: router.show(ScreenId.walkthrough()))
        screen.precautionsRequested.connect(lambda: router.show(PRECAUTIONS))
        screen.sourcesRequested.connect(lambda: router.show(SOURCES))
        screen.cardRequested.connect(lambda: router.show(CARD))
        screen.languageChosen.connect(k.set_language)
        screen.calmToggled.connect(k.set_calm)
        screen.contrastToggled.connect(k.set_high_contrast)
        screen.textSizeRequested.connect(k.cycle_text_size)
        return
    from kiosk.ui.screens.article import UnavailableScreen
    from kiosk.ui.screens.attract import AttractScreen
    from kiosk.ui.screens.breathing import BreathingScreen
    from kiosk.ui.screens.card import CardScreen
    from kiosk.ui.screens.pause import PauseScreen
    from kiosk.ui.screens.precautions import PrecautionsScreen
    from kiosk.ui.screens.questions import QuestionsScreen
    from kiosk.ui.screens.reading import ReadingScreen
    from kiosk.ui.screens.region import RegionScreen
    from kiosk.ui.screens.walkthrough import WalkthroughScreen

    if isinstance(screen, ReadingScreen):  # its header: the way back and the text size
        screen.textSizeRequested.connect(k.cycle_text_size)
        if isinstance(screen, UnavailableScreen):  # instead of a screen that could not be made
            screen.backRequested.connect(k.show_home)
        else:  # where the history says: the same step, after a pause
            screen.backRequested.connect(router.back)
    if isinstance(screen, AttractScreen):
        screen.tapped.connect(k.show_home)
        screen.keyed.connect(k.start_by_keyboard)
    elif isinstance(screen, RegionScreen):
        region = screen_id.region
        screen.backRequested.connect(router.back)
        screen.pageChanged.connect(router.turned)
        screen.walkthroughRequested.connect(lambda: router.show(ScreenId.walkthrough(region)))
        screen.precautionsRequested.connect(lambda: router.show(ScreenId(ScreenKind.PRECAUTIONS, region)))
        screen.questionsRequested.connect(lambda: router.show(QUESTIONS))
        screen.calmToggled.connect(k.set_calm)
        screen.textSizeRequested.connect(k.cycle_text_size)
        screen.therapistChosen.connect(k.therapist.set_on)
    elif isinstance(screen, WalkthroughScreen):
        screen.homeRequested.connect(router.back)  # the top-left button, Esc and Done
        screen.stepChanged.connect(router.turned)
        screen.questionsRequested.connect(lambda: router.show(QUESTIONS))
        screen.calmToggled.connect(k.set_calm)
        screen.textSizeRequested.connect(k.cycle_text_size)
        screen.therapistChosen.connect(k.therapist.set_on)
        screen.pauseRequested.connect(lambda: router.show(ScreenId.pause(router.current.step)))
        screen.languageChosen.connect(lambda code: k.set_language(code, keep_place=True))
    elif isinstance(screen, (PrecautionsScreen, QuestionsScreen)):
        screen.tickToggled.connect(k.tick)
        screen.cardRequested.connect(lambda: router.show(CARD))
    elif isinstance(screen, CardScreen):
        screen.clearRequested.connect(k.clear_card)
    elif isinstance(screen, PauseScreen):
        screen.breathingRequested.connect(lambda: router.show(BREATHING))
    elif isinstance(screen, BreathingScreen):
        screen.phaseChanged.connect(k.idle.restart)  # a patient following their breath is not idle
        screen.phaseChanged.connect(lambda _phase: k.read_aloud.announce([screen.said()]))


def connect_countdown(k: Kiosk, countdown: CountdownOverlay) -> None:
    """'Still reading?': a touch keeps reading, zero resets; audio mode says it as it appears."""
    countdown.keepReading.connect(k.idle_reset.keep_reading)
    countdown.expired.connect(k.idle_reset.expire)  # its own zero, as the deadline's
    try:
        k.read_aloud.announce(countdown.spoken())
    except Exception:  # a voice that fails must not stop the next patient's fresh start
        log.exception("idle: 'Still reading?' can't be read aloud; the reset still comes")


def connect_staff_screen(k: Kiosk, overlay: StaffOverlay) -> None:
    """What staff ask of each of their screens, to the staff desk."""
    from kiosk.ui.staff.exitconfirm import ExitConfirm
    from kiosk.ui.staff.insights import InsightsOverlay
    from kiosk.ui.staff.menu import StaffMenu
    from kiosk.ui.staff.pinpad import ChangePinPad, PinPad

    desk = k.staff
    if isinstance(overlay, ChangePinPad):
        overlay.cancelled.connect(lambda: desk.open_menu())
        overlay.changed.connect(desk.pin_changed)
    elif isinstance(overlay, PinPad):
        overlay.accepted.connect(lambda: desk.open_menu())
        overlay.cancelled.connect(desk.close)
    elif isinstance(overlay, StaffMenu):
        menu = overlay
        menu.closed.connect(desk.close)
        menu.exitRequested.connect(desk.confirm_exit)
        menu.reloadRequested.connect(lambda: desk.reload(menu))
        menu.changePinRequested.connect(desk.change_pin)
        menu.insightsRequested.connect(lambda: desk.open_insights(k.region_names()))
        menu.defaultLanguageChosen.connect(lambda code: desk.change(default_language=code))
        menu.calmDefaultChanged.connect(lambda calm: desk.change(calm_by_default=calm))
        menu.contrastDefaultChanged.connect(lambda on: desk.change(high_contrast_by_default=on))
        menu.textSizeDefaultChosen.connect(lambda size: desk.change(text_size_by_default=size))
        menu.idleSecondsChosen.connect(lambda seconds: desk.change(idle_seconds=seconds))
        menu.listeningSecondsChosen.connect(lambda seconds: desk.change(listening_idle_seconds=seconds))
        menu.therapistMinutesChosen.connect(lambda minutes: desk.change(therapist_minutes=minutes))
        menu.readAloudChanged.connect(lambda on: desk.change(read_aloud=on))
        menu.speechRateChosen.connect(lambda rate: desk.change(speech_rate=rate))
        menu.speechVolumeChosen.connect(lambda volume: desk.change(speech_volume=volume))
    elif isinstance(overlay, ExitConfirm):
        overlay.exitConfirmed.connect(desk.exitRequested)
        overlay.stayed.connect(lambda: desk.open_menu())
    elif isinstance(overlay, InsightsOverlay):
        overlay.closed.connect(desk.close)


def watch_content(k: Kiosk, folder: Path) -> None:
    """Staff edits to the content folder reach the kiosk without a restart."""
    from kiosk.ui.updates.watcher import ContentWatcher

    ContentWatcher(folder, k.window).changed.connect(k.reload_content)  # the window keeps it
    k.arrival.check_layout()  # what was edited while the kiosk was off, in the staff menu too
