"""Where the soak has the kiosk now, and what it has counted so far."""

from __future__ import annotations

from collections import Counter

from bench.soak.counts import Action, Happening
from bench.soak.report import SoakReport
from kiosk.visit.screens import HOME, ScreenId, ScreenKind


class SoakState:
    """The shown screen (as the window's ``screenChanged`` last said), the action under way (for
    messages), and the counts: actions by kind and by screen, their time, and the happenings."""

    def __init__(self) -> None:
        self.screen: ScreenId = HOME
        self.screen_name = "home"  # as screenChanged last said it, for messages
        self.doing = "start-up"  # the action under way, for the report
        self.events: Counter[Happening] = Counter()
        self.by_type: Counter[Action] = Counter()
        self.by_screen: Counter[ScreenKind] = Counter()
        self.seconds_by_type: dict[Action, float] = {}

    def screen_changed(self, screen: ScreenId, name: str) -> None:
        previous, self.screen, self.screen_name = self.screen, screen, name
        kind = screen.kind
        if kind is ScreenKind.REGION and screen != previous:
            self.events[Happening.REGION_OPENED] += 1
        elif kind is ScreenKind.WALKTHROUGH and previous.kind is not ScreenKind.WALKTHROUGH:
            self.events[Happening.WALKTHROUGH_OPENED] += 1
        elif kind is ScreenKind.ATTRACT:
            self.events[Happening.ATTRACT_SCREEN] += 1

    def starting(self, action: Action) -> None:
        """``action`` is about to be done on the screen shown."""
        self.by_screen[self.screen.kind] += 1
        self.by_type[action] += 1
        self.doing = f"action {self.by_type.total()}, {action.value} on {self.screen_name}"

    def took(self, action: Action, seconds: float) -> None:
        self.seconds_by_type[action] = self.seconds_by_type.get(action, 0.0) + seconds

    def fill(self, report: SoakReport) -> None:
        """Copy the counts so far into ``report``."""
        report.actions_by_type, report.actions_by_screen = dict(self.by_type), dict(self.by_screen)
        report.ms_by_type = {k: round(1000 * t / self.by_type[k], 1) for k, t in self.seconds_by_type.items()}
        report.events = dict(self.events)
