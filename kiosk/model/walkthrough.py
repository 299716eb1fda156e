"""'Your session, step by step' (walkthrough.yaml). No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.model.parts import Checks, Passage, Picture, Review


@dataclass(frozen=True)
class TherapistNotes:
    """A step's words for the therapist, shown only in therapist mode: what to say, what to look
    for, and one question the patient answers in their own words (teach-back)."""

    say: tuple[str, ...] = ()
    look_for: tuple[str, ...] = ()
    ask: str | None = None


@dataclass(frozen=True)
class WalkthroughStep:
    id: str
    title: str
    passages: tuple[Passage, ...]
    picture: Picture | None = None
    chart: bool = False  # show the region's soreness chart here
    calm_title: str | None = None  # the title in calm mode, when the title itself names the needle
    sources: tuple[str, ...] = ()  # the sources.yaml ids behind this step, for the review pack
    therapist: TherapistNotes | None = None  # for the therapist, in therapist mode only

    def shown_title(self, calm_mode: bool) -> str:
        return self.calm_title if calm_mode and self.calm_title else self.title


@dataclass(frozen=True)
class Walkthrough:
    title: str
    steps: tuple[WalkthroughStep, ...]
    reviewed: Review | None = None

    def check(self) -> Checks:
        ids = [s.id for s in self.steps]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            return [("steps", f"each step needs its own id; used more than once: {', '.join(twice)}")]
        return []

    def step_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps)
