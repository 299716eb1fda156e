"""Every interaction a patient or staff member has with the kiosk, timed from real input on the
real window until the frame it brings has been painted.

Used by ``bench.interactive`` (in the bench's child process) and checked by
``tests/system/test_bench.py``. Input goes in as the soak sends it (``bench.finger``): mouse presses
and releases into the window, at window coordinates, so Qt decides what is under the finger.
Widgets are found as a finger finds them (``bench.finder``: object names and words on screen),
so the measurement keeps working when a screen is rebuilt; what can't be found is reported as
not present, never guessed at.

Getting *to* the state before each measurement (opening a walkthrough, showing the attract
screen) uses the window's own methods and is not timed. Between measurements the kiosk is left
to rest, as a patient's next tap comes seconds later: screens it makes ahead while home waits
are made then.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QApplication, QWidget

from bench.finder import NotPresent, Overlay
from bench.finger import Finger
from bench.frames import Frames
from bench.results import InteractionSummary, summarise
from bench.session import KioskSession, finder_for
from bench.targets import Interaction
from kiosk.model.words import UiText
from kiosk.settings.values import Settings
from kiosk.visit.screens import ATTRACT, HOME, ScreenId

# Rest after a measurement before the next: a choice that rebuilds home (language, calm mode,
# contrast, text size) makes the region screens ahead once home is painted, ~50 ms later, one
# per turn of the event loop. A patient's next tap comes seconds later; 0.4 s covers it here.
REST_S = 0.05
REST_AFTER_REBUILD_S = 0.4
TIMEOUT_S = 5.0

Runner = Callable[[int], None]  # measures its interactions so many times each


class Interactions:
    """One kiosk window and the timed interactions on it."""

    def __init__(self, app: QApplication, content: Path, settings: Settings):
        self.app = app
        self.session = KioskSession(app, content, settings)
        self.kiosk = self.session.start()
        self.window = self.kiosk.window
        self.finder = finder_for(self.kiosk)
        self.finger = Finger(self.window)
        self.frames = Frames(self.kiosk)
        self._times: dict[Interaction, list[float]] = {}

    def stop(self) -> None:
        self.session.close()

    # --- timing ---------------------------------------------------------------------------

    def rest(self, seconds: float) -> None:
        """Let the kiosk do what it does between taps (timers, screens made ahead, deletions)."""
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            self.app.processEvents()
            time.sleep(0.002)
        self.session.settle()

    def timed(self, act: Callable[[], None], done: Callable[[], bool],
              target: Callable[[], QObject | None] = lambda: None) -> float:
        """Milliseconds from ``act()`` until ``done()`` and ``target()`` (by default the shown
        screen) has been painted."""
        self.frames.start()
        began = time.perf_counter()
        act()
        while True:
            widget = target() or self.kiosk.router.screen
            if done() and self.frames.saw(widget):
                return (time.perf_counter() - began) * 1000
            if time.perf_counter() - began > TIMEOUT_S:
                raise RuntimeError(f"nothing was painted within {TIMEOUT_S} s of the input")
            self.app.processEvents()

    def tap(self, widget: QWidget, pos: QPoint | None = None) -> None:
        self.finger.tap(widget, pos)

    def timed_tap(self, widget: QWidget, done: Callable[[], bool], pos: QPoint | None = None) -> float:
        """Milliseconds from a tap on ``widget`` (at ``pos``, else where a finger would) until
        ``done()`` and the shown screen has been painted."""
        return self.timed(lambda: self.tap(widget, pos), done)

    # --- the words on screen, and home --------------------------------------------------------

    @property
    def ui(self) -> UiText:
        """The screens' words in the language shown now."""
        return self.kiosk.language.ui

    def home(self) -> None:
        """Back to home, untimed, with a fresh visit."""
        self.kiosk.reset_visit()
        self.rest(REST_AFTER_REBUILD_S)

    # --- the interactions -------------------------------------------------------------------

    def measure_all(self, reps: int, say: Callable[[str], None] = lambda s: None) -> dict[Interaction,
                                                                                        InteractionSummary]:
        """Each interaction ``reps`` times; a summary of each (or why it is not present)."""
        results: dict[Interaction, InteractionSummary] = {}
        for names, run in self.interactions():
            say(f"  {' / '.join(name.value for name in names)} x{reps}")
            self._times = {name: [] for name in names}
            missing = None
            try:
                run(reps)
            except NotPresent as exc:
                missing = str(exc)
            results.update((name, summarise(times, missing)) for name, times in self._times.items())
            self.home()
        return results

    def interactions(self) -> list[tuple[tuple[Interaction, ...], Runner]]:
        """(interactions, runner): the runner measures each of its interactions."""
        return [
            ((Interaction.TAP_REGION,), self._region),
            ((Interaction.BACK,), self._back),
            ((Interaction.REGION_TAB,), self._tabs),
            ((Interaction.WALKTHROUGH_NEXT,), self._step_next),
            ((Interaction.WALKTHROUGH_PREVIOUS,), self._step_previous),
            ((Interaction.WALKTHROUGH_HOME,), self._walkthrough_home),
            ((Interaction.LANGUAGE,), self._language),
            ((Interaction.CALM,), self._calm),
            ((Interaction.CONTRAST,), self._contrast),
            ((Interaction.TEXT_LARGE, Interaction.TEXT_EXTRA_LARGE, Interaction.TEXT_NORMAL), self._text_sizes),
            ((Interaction.IDLE_QUESTION,), self._idle_question),
            ((Interaction.IDLE_RESET,), self._idle_reset),
            ((Interaction.ATTRACT_TO_HOME,), self._attract_to_home),
            ((Interaction.PIN_PAD,), self._pin_pad),
            ((Interaction.PIN_CANCEL,), self._pin_cancel),
        ]

    def _took(self, interaction: Interaction, ms: float) -> None:
        self._times[interaction].append(ms)

    def _at(self, screen_id: ScreenId) -> Callable[[], bool]:
        return lambda: self.kiosk.router.current == screen_id

    @staticmethod
    def _differs(state: Callable[[], object]) -> Callable[[], bool]:
        before = state()
        return lambda: state() != before

    def _changed(self) -> Callable[[], bool]:
        return self._differs(lambda: self.kiosk.router.current)

    def _region(self, reps: int) -> None:
        regions = self.kiosk.book.content.region_ids
        for i in range(reps):
            body_map, point = self.finder.region_point(regions[i % len(regions)])
            self._took(Interaction.TAP_REGION, self.timed_tap(body_map, self._changed(), point))
            self.rest(REST_S)
            self.kiosk.show_home()
            self.rest(REST_S)

    def _back(self, reps: int) -> None:
        regions = self.kiosk.book.content.region_ids
        for i in range(reps):
            self.kiosk.router.show(ScreenId.for_region(regions[i % len(regions)]))
            self.rest(REST_S)
            back = self.finder.button(name="backButton")
            self._took(Interaction.BACK, self.timed_tap(back, self._at(HOME)))
            self.rest(REST_S)

    def _tabs(self, reps: int) -> None:
        regions = self.kiosk.book.content.region_ids
        self.kiosk.router.show(ScreenId.for_region(regions[0]))
        self.rest(REST_S)
        if not self.finder.region_tabs():
            raise NotPresent("no tabs or pages on the region screen (a QTabBar, or buttons named *tab*)")
        for i in range(reps):
            tabs = self.finder.region_tabs()
            widget, point = tabs[(i + 1) % len(tabs)]
            self._took(Interaction.REGION_TAB, self.timed_tap(widget, lambda: True, point))
            self.rest(REST_S)

    def _walkthrough(self, step: int) -> None:
        self.kiosk.router.show(ScreenId.walkthrough(None, step))
        self.rest(REST_S)

    def _step(self, reps: int, interaction: Interaction, start: int, words: Callable[[], str]) -> None:
        for _ in range(reps):
            self._walkthrough(start)
            button = self.finder.button(words=words())
            self._took(interaction, self.timed_tap(button, self._changed()))
            self.rest(REST_S)

    def _step_next(self, reps: int) -> None:
        self._step(reps, Interaction.WALKTHROUGH_NEXT, 0, lambda: self.ui.next_button)

    def _step_previous(self, reps: int) -> None:
        self._step(reps, Interaction.WALKTHROUGH_PREVIOUS, 1, lambda: self.ui.previous_button)

    def _walkthrough_home(self, reps: int) -> None:
        for _ in range(reps):
            self._walkthrough(1)
            back = self.finder.button(name="backButton")
            self._took(Interaction.WALKTHROUGH_HOME, self.timed_tap(back, self._at(HOME)))
            self.rest(REST_S)

    def _choice(self, reps: int, interaction: Interaction, control: Callable[[], QWidget],
                state: Callable[[], object]) -> None:
        """A choice on home that changes the patient's visit (and so rebuilds screens)."""
        for _ in range(reps):
            widget = control()
            self._took(interaction, self.timed_tap(widget, self._differs(state)))
            self.rest(REST_AFTER_REBUILD_S)

    def _language(self, reps: int) -> None:
        def other_language() -> QWidget:
            buttons = [b for b in self.finder.language_buttons() if not b.isChecked()]
            if not buttons:
                raise NotPresent("no second language button on home")
            return buttons[0]
        self._choice(reps, Interaction.LANGUAGE, other_language, lambda: self.kiosk.visit.language)

    def _calm(self, reps: int) -> None:
        def toggle() -> QWidget:
            found = self.finder.calm_toggle()
            if found is None:
                raise NotPresent("no calm-mode toggle a finger can reach on home")
            return found
        self._choice(reps, Interaction.CALM, toggle, lambda: self.kiosk.visit.calm)

    def _contrast(self, reps: int) -> None:
        self._choice(reps, Interaction.CONTRAST,
                     lambda: self.finder.button(self.kiosk.home, words=self.ui.contrast_toggle),
                     lambda: self.kiosk.visit.high_contrast)

    def _text_sizes(self, reps: int) -> None:
        """"A A" on home round and round: normal to large, to extra large, back to normal."""
        for _ in range(reps):
            for interaction in (Interaction.TEXT_LARGE, Interaction.TEXT_EXTRA_LARGE, Interaction.TEXT_NORMAL):
                self._choice(1, interaction, lambda: self.finder.button(self.kiosk.home, name="textSize"),
                             lambda: self.kiosk.visit.text_scale)

    def _idle_question(self, reps: int) -> None:
        # The kiosk's idle timer stands in: its signal, as the timer sends it after the quiet spell.
        for _ in range(reps):
            self._took(Interaction.IDLE_QUESTION, self.timed(self.kiosk.idle.idle.emit,
                                                             lambda: self.kiosk.idle_reset.countdown is not None,
                                                             lambda: self.kiosk.idle_reset.countdown))
            self.rest(REST_S)
            self.tap(self.finder.button(self.kiosk.idle_reset.countdown, name="keepReading"))
            self.rest(REST_S)

    def _idle_reset(self, reps: int) -> None:
        # The countdown's timer stands in at zero: its ``expired`` signal, as the timer sends it.
        regions = self.kiosk.book.content.region_ids
        for i in range(reps):
            self.kiosk.router.show(ScreenId.for_region(regions[i % len(regions)]))
            self.kiosk.idle.idle.emit()
            self.rest(REST_S)
            countdown = self.kiosk.idle_reset.countdown
            if countdown is None:
                raise NotPresent("no countdown came when the kiosk went idle")
            self._took(Interaction.IDLE_RESET, self.timed(countdown.expired.emit, self._at(ATTRACT)))
            self.rest(REST_AFTER_REBUILD_S)

    def _attract_to_home(self, reps: int) -> None:
        for _ in range(reps):
            self.kiosk.show_attract()
            self.rest(REST_S)
            attract = self.finder.shown()
            self._took(Interaction.ATTRACT_TO_HOME, self.timed_tap(attract, self._at(HOME)))
            self.rest(REST_S)

    def _open_pin_pad(self) -> float:
        """Milliseconds from the end of a staff hold to the PIN pad painted. The corner's
        3-second timer stands in: its ``held`` signal, as it sends it at the end of a hold."""
        def pad() -> QWidget | None:
            return self.finder.overlay(Overlay.STAFF)
        return self.timed(self.kiosk.staff_corner.held.emit, lambda: pad() is not None, pad)

    def _pin_pad(self, reps: int) -> None:
        for _ in range(reps):
            self._took(Interaction.PIN_PAD, self._open_pin_pad())
            self.rest(REST_S)
            self.kiosk.staff.close()
            self.rest(REST_S)

    def _pin_cancel(self, reps: int) -> None:
        for _ in range(reps):
            self._open_pin_pad()
            self.rest(REST_S)
            pad = self.finder.overlay(Overlay.STAFF)
            cancel = self.finder.button(pad, words=self.finder.cancel_words)
            self._took(Interaction.PIN_CANCEL,
                       self.timed_tap(cancel, lambda: self.finder.overlay(Overlay.STAFF) is None))
            self.rest(REST_S)
