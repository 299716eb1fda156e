"""The clinic's content: everything the kiosk shows from one content folder, in every language.

Each dataclass in ``kiosk.model`` is the schema of its part of a YAML file (see
``kiosk.reading.schema``), one module per kind of file; ``kiosk.reading.folder`` reads them.
No Qt here.

Layout of a content folder::

    clinic.yaml                 the clinic: name, phone, colours, logo, after-care page
    staff.yaml                  words on the staff PIN pad and menu
    ui.yaml, walkthrough.yaml,  the base language (English), and
    precautions.yaml,
    sources.yaml, regions/*.yaml
    lang/<code>/...             the same files in another language: adding a folder adds a language
    templates/*.html.j2         page layouts shared by every language
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosk.model.clinic import Clinic
from kiosk.model.precautions import Precautions
from kiosk.model.problems import Problem, display_path
from kiosk.model.questions import Questions
from kiosk.model.regions import Region
from kiosk.model.sources import Sources
from kiosk.model.walkthrough import Walkthrough
from kiosk.model.words import StaffText, UiText

BASE_LANGUAGE = "en"


@dataclass(frozen=True)
class Language:
    """Everything the kiosk says in one language. A missing page is None (shown as 'being updated')."""

    code: str
    ui: UiText
    regions: dict[str, Region]
    walkthrough: Walkthrough | None
    precautions: Precautions | None
    sources: Sources | None
    # Pages shown from the base language because this one's are missing or broken: "walkthrough",
    # "precautions", "sources" or a region id. They are shown whole in the base language.
    untranslated: frozenset[str] = frozenset()
    questions: Questions | None = None  # none offered when the clinic has no questions.yaml

    @property
    def name(self) -> str:
        return self.ui.language_name


@dataclass(frozen=True)
class Content:
    """Everything the kiosk shows, loaded from one content folder."""

    folder: Path
    clinic: Clinic
    staff: StaffText
    languages: dict[str, Language]  # base language first
    region_ids: tuple[str, ...]  # every region on the body map, in button order
    problems: tuple[Problem, ...]
    # clinic.yaml could not be read: ``clinic`` is NO_CLINIC, never another clinic's details.
    clinic_broken: bool = False
    # Read with the content and shown from memory: a folder that vanishes keeps them (kiosk.reading.pictures).
    pictures: dict[str, str] = field(default_factory=dict)  # SVG text by the name content files use
    logo: str | None = None  # the clinic's own logo (SVG text), from its own folder only

    @property
    def base(self) -> Language:
        return self.languages[BASE_LANGUAGE]

    def language(self, code: str) -> Language:
        return self.languages.get(code, self.base)

    def region_problems(self, region_id: str) -> tuple[Problem, ...]:
        path = display_path(region_path(self.folder, region_id))
        return tuple(p for p in self.problems if p.path == path)


def region_path(folder: Path, region_id: str) -> Path:
    return folder / "regions" / f"{region_id}.yaml"
