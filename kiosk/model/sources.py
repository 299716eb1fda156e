"""'Where this comes from': the studies behind the pages (sources.yaml). No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.model.parts import Checks, Passage, Review


@dataclass(frozen=True)
class Source:
    reference: str
    supports: Passage
    id: str | None = None  # the same in every language; pages name their sources by it
    note: str | None = None  # for the clinician checking the content (the review pack), never for patients


@dataclass(frozen=True)
class Sources:
    title: str
    intro: tuple[Passage, ...]
    sources: tuple[Source, ...]
    reviewed: Review | None = None  # shown as "Checked by ... on ..."

    def check(self) -> Checks:
        ids = [s.id for s in self.sources if s.id]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            return [("sources", f"each source needs its own id; used more than once: {', '.join(twice)}")]
        return []

    def by_id(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)
