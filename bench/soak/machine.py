"""The soak's actions as a Hypothesis state machine: a run that goes wrong shrinks to a short
sequence of steps, printed as the falsifying example with each step's action.

``tests/system/test_soak.py`` runs it, derandomized and without a database, so that it runs the same
way every time; the long run (``longrun``) explores.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import note
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from PySide6.QtWidgets import QApplication

from bench.soak.counts import Action, Happening
from bench.soak.driver import Driver
from kiosk.settings.values import Settings
from kiosk.visit.screens import ScreenKind


@dataclass
class Totals:
    """What every example's window did, added up."""

    events: Counter[Happening] = field(default_factory=Counter)
    actions: Counter[Action] = field(default_factory=Counter)
    screens: Counter[ScreenKind] = field(default_factory=Counter)


class KioskMachine(RuleBasedStateMachine):
    """Each example is a new kiosk window; each step one of the soak's actions on it.

    One rule, not one per action: Hypothesis chooses among rules evenly and switches a random
    half of them off in each example (swarm testing), and a short run then missed whole
    kinds of action. Each step's seed picks the action as the long run does (weighted, with
    every kind brought in early) and drives that action's own random choices; a failing
    example notes each step's action just before the step.
    """

    def __init__(self, app: QApplication, content: Path, settings: Settings, totals: Totals):
        super().__init__()
        self.totals = totals
        self.waited: set[Action] = set()
        self.driver = Driver(app, content, settings).start()

    @rule(seed=st.integers(0, 2**32 - 1))
    def step(self, seed: int) -> None:
        # With the step's number: Hypothesis' first example, every seed 0, is a random walk too.
        number = self.driver.by_type.total() + 1
        rng = random.Random(f"step {number}, seed {seed}")
        action = self.driver.choose(rng, leave_out=self.waited)
        note(f"step {number}: {action.value} on {self.driver.screen_name}")
        if action in Driver.SLOW:  # the kiosk's own timers cost real seconds: once a window
            self.waited.add(action)
        self.driver.do(action, rng)

    @invariant()
    def nothing_went_wrong(self) -> None:
        driver, report = self.driver, self.driver.report
        assert driver.check() is None, driver.check()
        assert report.crashes == 0, "\n\n".join(report.crash_details)
        assert report.unhandled == 0, "\n\n".join(report.unhandled_tracebacks)
        assert report.qt_critical == 0, report.qt_critical_messages
        assert report.logged_exceptions == 0, "\n\n".join(report.logged_exception_tracebacks)
        assert report.reload_mismatches == [], report.reload_mismatches

    def teardown(self) -> None:
        self.driver.stop()
        self.totals.events.update(self.driver.events)
        self.totals.actions.update(self.driver.by_type)
        self.totals.screens.update(self.driver.by_screen)
