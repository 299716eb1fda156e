"""'Tell your therapist first if...' (precautions.yaml). No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.model.parts import Passage, Review


@dataclass(frozen=True)
class Precaution:
    heading: str
    text: Passage  # plain text, or graphic with calm wording like any passage
    card: str | None = None  # the patient's own words for the therapist card ("I take...")


@dataclass(frozen=True)
class Precautions:
    title: str
    intro: tuple[Passage, ...]
    items: tuple[Precaution, ...]
    closing: tuple[Passage, ...]
    sources: tuple[str, ...] = ()  # the sources.yaml ids behind this page, for the review pack
    reviewed: Review | None = None
