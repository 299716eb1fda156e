"""Which screen is shown: a typed value, never a name to be parsed.

``ScreenId.name`` spells it for people (the log, screenshot files, screen-reader titles).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ScreenKind(Enum):
    HOME = "home"
    ATTRACT = "attract"
    REGION = "region"
    WALKTHROUGH = "walkthrough"
    PRECAUTIONS = "precautions"
    SOURCES = "sources"
    QUESTIONS = "questions"  # issue #17: the therapist card's questions, and the card itself
    CARD = "card"


@dataclass(frozen=True)
class ScreenId:
    kind: ScreenKind
    region: str | None = None  # the region a region screen or walkthrough is about (None: general)
    step: int = 0  # the walkthrough's step, or the region screen's page (tab), counted from 0

    @staticmethod
    def for_region(region_id: str, page: int = 0) -> ScreenId:
        return ScreenId(ScreenKind.REGION, region_id, page)

    @staticmethod
    def walkthrough(region_id: str | None = None, step: int = 0) -> ScreenId:
        return ScreenId(ScreenKind.WALKTHROUGH, region_id, step)

    @property
    def name(self) -> str:
        if self.kind is ScreenKind.REGION:
            return f"region-{self.region}" + (f"-{self.step + 1}" if self.step else "")  # page 1 is the screen
        if self.kind is ScreenKind.WALKTHROUGH:
            return f"walkthrough-{self.region or 'general'}-{self.step + 1}"
        return str(self.kind.value)  # a str already; mypy sees Any once `kind` is narrowed to some members


HOME = ScreenId(ScreenKind.HOME)
ATTRACT = ScreenId(ScreenKind.ATTRACT)
PRECAUTIONS = ScreenId(ScreenKind.PRECAUTIONS)
SOURCES = ScreenId(ScreenKind.SOURCES)
QUESTIONS = ScreenId(ScreenKind.QUESTIONS)
CARD = ScreenId(ScreenKind.CARD)
