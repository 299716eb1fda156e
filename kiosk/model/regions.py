"""A region of the leg and what the kiosk says about it: what needling does there, what the
session feels like, and the soreness to expect (regions/*.yaml). No Qt."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.model.parts import Checks, Passage, Picture, Review
from kiosk.reading import schema

HOURS: schema.Rules = {"min": 0, "max": 72, "unit": "hours"}
LEVEL: schema.Rules = {"min": 0, "max": 10, "unit": ""}


@dataclass(frozen=True)
class Evidence:
    can: tuple[str, ...]
    cannot: tuple[str, ...]


@dataclass(frozen=True)
class SessionFeel:
    position: str
    paragraphs: tuple[Passage, ...]


@dataclass(frozen=True)
class SorenessPoint:
    hours: float = field(metadata=HOURS)
    level: float = field(metadata=LEVEL)


@dataclass(frozen=True)
class SorenessCurve:
    """Typical soreness after needling: level 0 (none) to 10 over the hours after the session."""

    summary: tuple[Passage, ...]
    curve: tuple[SorenessPoint, ...]
    tips: tuple[str, ...]

    def check(self) -> Checks:
        hours = [p.hours for p in self.curve]
        if len(hours) < 3:
            return [("curve", "'soreness.curve' needs at least 3 points to draw the chart")]
        if any(b <= a for a, b in zip(hours, hours[1:])):
            return [("curve", "the hours in 'soreness.curve' must go up, each later than the one before "
                              f"(got {', '.join(schema.number(h) for h in hours)})")]
        if hours[0] != 0:
            return [("curve", "'soreness.curve' must start at hours: 0 (right after the session)")]
        return []

    @property
    def peak_hours(self) -> float:
        return max(self.curve, key=lambda p: p.level).hours

    @property
    def peaks_early(self) -> bool:
        """Strongest within the first hours: said as "in the first few hours" (``UiText.first_hours``),
        because the studies give no exact hour, and a chart's peak at 6 hours is only its drawing."""
        return self.peak_hours < 12

    @property
    def mostly_gone_hours(self) -> float:
        """The first time after the peak that soreness is down to a quarter of it."""
        peak = max(p.level for p in self.curve)
        after = [p for p in self.curve if p.hours > self.peak_hours]
        return next((p.hours for p in after if p.level <= peak / 4), self.curve[-1].hours)

    @property
    def gone_hours(self) -> float:
        return next((p.hours for p in self.curve if p.hours > self.peak_hours and p.level == 0),
                    self.curve[-1].hours)


@dataclass(frozen=True)
class StepExtra:
    """What one walkthrough step adds for a particular region."""

    passages: tuple[Passage, ...]
    picture: Picture | None = None


@dataclass(frozen=True)
class Region:
    """One part of the leg a runner can tap, and what the kiosk says about it."""

    id: str = field(metadata={"yaml": False})
    name: str
    muscles: str
    helps_with: tuple[str, ...]
    does_here: tuple[Passage, ...]
    evidence: Evidence
    feels_like: SessionFeel
    soreness: SorenessCurve
    session_steps: dict[str, StepExtra] = field(default_factory=dict)
    # The sources.yaml ids behind each part of the page, by this file's own keys ("evidence": [...]),
    # for the review pack; kiosk.checks.sources checks them.
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reviewed: Review | None = None
