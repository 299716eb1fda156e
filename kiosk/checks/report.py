"""What ``kiosk --check-content`` prints: short, and the most important first.

Errors first, each on its own line (the kiosk can't show those pages as they are). Then the
warnings: the example clinic's phone and address first (a patient would call or scan them),
then the other warnings as the checks found them, each check's together, then the sign-offs.
The sign-off warnings are one per page file in every language, so each kind is summed up in one
line naming the pages ("14 pages not yet checked by a clinician: ..."); the review pack gives
each file's fingerprint. A kind with a single page keeps its own line. No Qt here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum

from kiosk.model.content import Content, Language
from kiosk.model.precautions import Precautions
from kiosk.model.problems import Problem
from kiosk.model.regions import Region
from kiosk.model.sources import Sources
from kiosk.model.walkthrough import Walkthrough
from kiosk.system.programname import staff_command


class ReviewKind(Enum):
    """Why a page file's sign-off needs doing, in the order they matter."""

    CHANGED = "changed since a clinician checked them; have them checked again"
    NO_FINGERPRINT = "signed without a fingerprint, so a change since then can't be noticed"
    NOT_CHECKED = "not yet checked by a clinician"


@dataclass(frozen=True)
class ReviewWarning(Problem):
    """A page file's sign-off warning, with what it is about in staff words."""

    kind: ReviewKind = ReviewKind.NOT_CHECKED
    page: str = ""  # the page's name in the clinic's language: "Calves and shins"
    language: str = ""  # the file's language, as its speakers write it: "Español"


@dataclass(frozen=True)
class ExampleWarning(Problem):
    """The shipped example clinic's phone or address, still in clinic.yaml: shown first."""


def page_name(content: Content, language: Language, page: object) -> str:
    """The name staff know a page file by, in the clinic's language, whichever language the file is in."""
    base = content.base
    if isinstance(page, Region):
        region_id = next((r for r, region in language.regions.items() if region is page), None)
        named = base.regions.get(region_id) if region_id else None
        return (named or page).name
    if isinstance(page, Walkthrough):
        return (base.walkthrough or page).title
    if isinstance(page, Precautions):
        return (base.precautions or page).title
    if isinstance(page, Sources):
        return (base.sources or page).title
    return ""


def report_lines(problems: list[Problem] | tuple[Problem, ...]) -> list[str]:
    """The lines to print, errors then warnings, each kind of sign-off warning summed up in one line."""
    errors = [str(p) for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    example = [str(p) for p in warnings if isinstance(p, ExampleWarning)]
    other = [str(p) for p in warnings if not isinstance(p, (ExampleWarning, ReviewWarning))]
    reviews = [p for p in warnings if isinstance(p, ReviewWarning)]
    by_kind = [_review_line([p for p in reviews if p.kind is kind]) for kind in ReviewKind]
    changed, *unsigned = by_kind
    return errors + example + changed + other + [line for lines in unsigned for line in lines]


def _review_line(warnings: list[ReviewWarning]) -> list[str]:
    if len(warnings) <= 1:
        return [str(p) for p in warnings]  # one page: its own line, with its file, line and fingerprint
    pages: dict[str, list[str]] = {}
    for warning in warnings:
        pages.setdefault(warning.page, []).append(warning.language)
    languages = {tuple(names) for names in pages.values()}
    if len(languages) == 1:
        (names,) = languages
        named = f"{'; '.join(pages)}, in {_and(names)}"
    else:
        named = "; ".join(f"{page} ({_and(names)})" for page, names in pages.items())
    try:
        folder = os.path.commonpath([os.path.dirname(w.path) for w in warnings]) or "."
    except ValueError:  # on two Windows drives, or some paths relative: the pages still say which
        folder = "."
    review_pack = staff_command("--export-pages", "FOLDER")
    return [f"{folder}: warning: {len(warnings)} pages {warnings[0].kind.value}: {named}. "
            f"Run {review_pack} for the review pack: it lists each file with its fingerprint"]


def _and(names: tuple[str, ...] | list[str]) -> str:
    return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]
