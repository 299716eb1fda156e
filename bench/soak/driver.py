"""One real kiosk window, driven only through real input, and a count of what happened.

The driver puts the soak's parts together: the window (``bench.session``), what a finger sees
and does (``bench.finder``, ``bench.finger``), the actions (``actions``), the hooks that see
trouble (``checks``) and the counts (``state``). It chooses each action (weighted, with every
kind brought in early) and does it; the long run (``longrun``) and the Hypothesis state
machine (``machine``) take turns through ``choose()`` and ``do()`` alike.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QApplication

from bench.finger import Finger
from bench.session import KioskSession, finder_for
from bench.soak.actions import SLOW, WEIGHTS, Actions
from bench.soak.checks import Watch
from bench.soak.counts import Action, Happening
from bench.soak.editor import ContentEditor
from bench.soak.report import SoakReport
from bench.soak.state import SoakState
from kiosk.settings.values import Settings
from kiosk.visit.screens import ScreenKind

if TYPE_CHECKING:
    from kiosk.ui.kiosk import Kiosk

# Every COVER_EVERY actions, while some action that fits the screen has been done fewer than
# COVER_MIN times, that action is chosen: short runs see every kind, long ones keep their mix.
COVER_EVERY = 20
COVER_MIN = 4
ON_HOME = (Action.BODY_MAP_TAP, Action.LANGUAGE, Action.CALM)  # these fit only on home

T = TypeVar("T")


class Driver:
    """One kiosk for the soak: its actions chosen and done, trouble watched for, all counted.

    Of the kiosk it uses build_kiosk(), the signals screenChanged, contentSwapped and arrival's
    contentRejected, ``router.screen``, ``home`` and ``recover()``; everything else it finds as a
    finger does: visible widgets under a point, by their object names and words.
    """

    SLOW = SLOW  # the actions that wait for the kiosk's own timers: seconds each

    def __init__(self, app: QApplication, content: Path, settings: Settings, report: SoakReport | None = None):
        self.app, self.content, self.settings = app, content, settings
        self.report = report or SoakReport()
        self.editor = ContentEditor(content)
        self.state = SoakState()
        self.session = KioskSession(app, content, settings, reload=lambda: self.watch.content_changed())
        self.watch = Watch(self.session, self.state, self.report, self.editor)
        self._actions: Actions | None = None
        self._cover_due = False  # an under-done action's turn, waiting until it fits

    # --- the counts, for the report and the tests ------------------------------------------------

    @property
    def events(self) -> Counter[Happening]:
        return self.state.events

    @property
    def by_type(self) -> Counter[Action]:
        return self.state.by_type

    @property
    def by_screen(self) -> Counter[ScreenKind]:
        return self.state.by_screen

    @property
    def screen_name(self) -> str:
        return self.state.screen_name

    @property
    def actions(self) -> Actions:
        if self._actions is None:
            raise RuntimeError("the soak's driver has not been started")
        return self._actions

    # --- the window ---------------------------------------------------------------------------

    def start(self) -> Driver:
        """Hook in (excepthook, Qt messages, logging), then build and show the window."""
        self.watch.install()
        kiosk = self.session.start(self._listen)
        self._actions = Actions(self.session, finder_for(kiosk), Finger(kiosk.window), self.editor, self.state)
        return self

    def _listen(self, kiosk: Kiosk) -> None:
        kiosk.window.screenChanged.connect(lambda name: self.state.screen_changed(kiosk.router.current, name))
        kiosk.contentSwapped.connect(lambda: self.events.update([Happening.CONTENT_SWAPPED_IN]))
        kiosk.arrival.contentRejected.connect(lambda *_: self.events.update([Happening.CONTENT_REFUSED]))
        kiosk.arrival.contentReady.connect(lambda: self.watch.content_checked(True))
        kiosk.arrival.contentRejected.connect(lambda *_: self.watch.content_checked(False))

    def stop(self) -> None:
        """Put the content folder back, close the window, and unhook everything."""
        self.editor.restore_all()  # whatever happened, the content folder goes back as it was
        self.session.close()
        self.watch.uninstall()

    def settle(self) -> None:
        self.session.settle()

    def wait(self, seconds: float, until: Callable[[], T]) -> T:
        return self.session.wait(seconds, until)

    def alive(self) -> bool:
        return self.session.alive()

    # --- choosing and doing an action -----------------------------------------------------------

    def choose(self, rng: random.Random, leave_out: Collection[Action] = ()) -> Action:
        """A weighted random action that fits; but every COVER_EVERY actions, one done fewer than
        COVER_MIN times (short runs see every kind, long ones keep their mix). An action that only
        fits on home (calm mode, the languages) waits for it: the patient goes home first."""
        possible = {action: w for action, w in self.actions.possible().items() if action not in leave_out}
        if (self.by_type.total() + 1) % COVER_EVERY == 0:
            self._cover_due = True
        if self._cover_due:
            wanted = [a for a in WEIGHTS if a not in leave_out and self.by_type[a] < COVER_MIN]
            fewest = min((self.by_type[a] for a in wanted), default=COVER_MIN)
            short = [a for a in wanted if self.by_type[a] == fewest]
            if any(a in possible for a in short):
                self._cover_due = False
                return rng.choice(sorted((a for a in short if a in possible), key=lambda a: a.value))
            if any(a in ON_HOME for a in short) and Action.GO_HOME in possible:
                return Action.GO_HOME  # and the turn stays due
            self._cover_due = False
            fits = sorted((a for a in wanted if a in possible), key=lambda a: (self.by_type[a], a.value))
            if fits:
                return fits[0]
        return rng.choices(list(possible), list(possible.values()))[0]

    def do(self, action: Action, rng: random.Random) -> None:
        self.state.starting(action)
        began = time.perf_counter()
        self.actions.doers[action](rng)
        self.app.processEvents()
        self.state.took(action, time.perf_counter() - began)

    def fill(self, report: SoakReport) -> None:
        """Copy the counts so far into ``report``."""
        self.state.fill(report)

    # --- trouble --------------------------------------------------------------------------------

    def check(self) -> str | None:
        """Why the window no longer shows a real screen, or None."""
        return self.watch.problem()

    def crash(self, what: str, tb: str = "") -> None:
        self.watch.crash(what, tb)

    def recover(self) -> None:
        self.watch.recover()
