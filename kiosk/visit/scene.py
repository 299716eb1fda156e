"""What the screens are made from now: the content, the body map's art, the patient's choices and
the pages themed for them. A plain value, made afresh whenever any of them changes. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass, replace

from kiosk.model.content import Language
from kiosk.pages.book import PageBook
from kiosk.reading.bodyart import BodyArt
from kiosk.visit.card import TherapistCard
from kiosk.visit.patient import Visit


@dataclass(frozen=True)
class Scene:
    book: PageBook
    art: BodyArt
    visit: Visit
    pages: PageBook  # themed for the visit's contrast and text size
    card: TherapistCard = TherapistCard()  # beside the visit, so a tick remakes no kept screen

    @property
    def language(self) -> Language:
        """The visit's language (the base language if the content no longer has it)."""
        return self.book.content.language(self.visit.language)

    def region_names(self) -> dict[str, str]:
        regions = self.language.regions
        return {rid: regions[rid].name if rid in regions else rid.replace("_", " ").title()
                for rid in self.book.content.region_ids}

    def in_language(self, code: str) -> Scene:
        """The same scene in another language (home for it is made ahead)."""
        return replace(self, visit=replace(self.visit, language=code))

    def made_for(self) -> tuple[object, ...]:
        """What a kept screen depends on: the content and the patient's choices, not the card."""
        return (self.book, self.visit)
