"""Which screen is shown, and the way back from it: typed values, never names to be parsed.

``ScreenId.name`` spells a screen for people (the log, screenshot files, screen-reader titles,
the usage counts). ``History`` is the way the patient came, so Back, Home and Done are data:
where they lead is read from it, never from a function kept for the purpose. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum


class ScreenKind(Enum):
    HOME = "home"
    ATTRACT = "attract"
    REGION = "region"
    WALKTHROUGH = "walkthrough"
    PRECAUTIONS = "precautions"
    SOURCES = "sources"
    QUESTIONS = "questions"  # the therapist card's questions, and the card itself
    CARD = "card"
    PAUSE = "pause"  # the stop line's pause; its step is the walkthrough's step it goes back to
    BREATHING = "breathing"  # slow breathing, paced on screen, opened from the pause


# Screens that go back to whatever screen opened them: a patient asks questions, and looks at
# the card, from wherever they are.
OPENED_FROM_ANYWHERE = frozenset({ScreenKind.QUESTIONS, ScreenKind.CARD, ScreenKind.PAUSE, ScreenKind.BREATHING})


@dataclass(frozen=True)
class ScreenId:
    """``region``: the region a region screen or walkthrough is about (None: the general
    walkthrough); for the precautions and sources, the region they were opened from, which their
    way back names. ``step``: the walkthrough's step, or the region screen's page (tab), from 0."""

    kind: ScreenKind
    region: str | None = None
    step: int = 0

    @staticmethod
    def for_region(region_id: str, page: int = 0) -> ScreenId:
        return ScreenId(ScreenKind.REGION, region_id, page)

    @staticmethod
    def walkthrough(region_id: str | None = None, step: int = 0) -> ScreenId:
        return ScreenId(ScreenKind.WALKTHROUGH, region_id, step)

    @staticmethod
    def pause(step: int = 0) -> ScreenId:
        """The pause opened on the walkthrough's step ``step`` (from 0)."""
        return ScreenId(ScreenKind.PAUSE, None, step)

    @property
    def name(self) -> str:
        if self.kind is ScreenKind.REGION:
            return f"region-{self.region}" + (f"-{self.step + 1}" if self.step else "")  # page 1 is the screen
        if self.kind is ScreenKind.WALKTHROUGH:
            return f"walkthrough-{self.region or 'general'}-{self.step + 1}"
        return str(self.kind.value)  # a str already; mypy sees Any once `kind` is narrowed to some members

    def at_start(self) -> ScreenId:
        """The screen itself, whichever page or step it shows."""
        return replace(self, step=0) if self.step else self

    def way_back(self) -> ScreenId | None:
        """Where Back, Esc and Done lead from this screen: the region it is about or was opened
        from, else home. None for home and the attract screen (nowhere further back), and for the
        questions and the card, which go back to whatever screen opened them (``History``)."""
        if self.kind in (ScreenKind.HOME, ScreenKind.ATTRACT) or self.kind in OPENED_FROM_ANYWHERE:
            return None
        if self.kind is not ScreenKind.REGION and self.region:
            return ScreenId.for_region(self.region)
        return HOME


HOME = ScreenId(ScreenKind.HOME)
ATTRACT = ScreenId(ScreenKind.ATTRACT)
PRECAUTIONS = ScreenId(ScreenKind.PRECAUTIONS)
SOURCES = ScreenId(ScreenKind.SOURCES)
BREATHING = ScreenId(ScreenKind.BREATHING)
QUESTIONS = ScreenId(ScreenKind.QUESTIONS)
CARD = ScreenId(ScreenKind.CARD)


class History:
    """The screens between home (or the attract screen) and the one shown, each as the patient
    left it: a region at the page they were reading, a walkthrough at its step."""

    def __init__(self, start: ScreenId = HOME):
        self._screens = [start]

    @property
    def current(self) -> ScreenId:
        return self._screens[-1]

    @property
    def screens(self) -> tuple[ScreenId, ...]:
        return tuple(self._screens)

    def below(self) -> ScreenId | None:
        """The screen Back leads to, if any."""
        return self._screens[-2] if len(self._screens) > 1 else None

    def go(self, screen: ScreenId) -> None:
        """``screen`` is shown. Home and the attract screen start afresh. A screen already on the
        way is gone back to (at the page or step asked for); the questions and the card are opened
        on top of the screen shown; any other screen follows its way back, which the history keeps
        as the patient left it (or, if the patient didn't come that way, starts at home)."""
        if screen.kind in (ScreenKind.HOME, ScreenKind.ATTRACT):
            self._screens = [screen]
            return
        for at in range(len(self._screens) - 1, -1, -1):
            if self._screens[at].at_start() == screen.at_start():
                self._screens[at:] = [screen]
                return
        back = screen.way_back()
        if back is None:
            self._screens.append(screen)
            return
        self._keep_to(back)
        self._screens.append(screen)

    def back(self) -> ScreenId:
        """One screen back (home if there is nowhere further); the screen to show."""
        if len(self._screens) > 1:
            self._screens.pop()
        elif self.current.kind is not ScreenKind.ATTRACT:
            self._screens = [HOME]
        return self.current

    def turned(self, step: int) -> ScreenId:
        """The shown screen turned to another page or step; its new name."""
        self._screens[-1] = replace(self.current, step=step)
        return self.current

    def _keep_to(self, screen: ScreenId) -> None:
        """Keep the way up to ``screen`` as the patient left it, or make that way from home."""
        for at in range(len(self._screens) - 1, -1, -1):
            if self._screens[at].at_start() == screen.at_start():
                del self._screens[at + 1:]
                return
        self.go(screen)
