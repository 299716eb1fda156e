"""``kiosk --check-content``: every problem in a content folder, for the staff who edit it.

Beyond what loading finds, it holds the promises the kiosk makes to patients:

- calm mode (``kiosk.checks.calm``): nothing shown in calm mode describes a needle going in, a
  twitch, electricity or blood, in any language; and no "not confirmed" note is shown to patients;
- sources (``kiosk.checks.sources``): the sources each page names are in sources.yaml;
- readability: every page as rendered (``kiosk.checks.readability``); warnings, since staff must be able
  to save a clumsy sentence, but the shipped content has none (``tests/unit/test_shipped_content.py``);
- review: a content file without ``reviewed``, or changed since it was reviewed, gets a warning
  with the fingerprint of its words now.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from kiosk.checks.calm import calm_mode_problems, not_confirmed_problems
from kiosk.checks.readability import measure
from kiosk.checks.report import ExampleWarning, ReviewKind, ReviewWarning, page_name
from kiosk.checks.sources import source_problems
from kiosk.model.clinic import EXAMPLE_PHONE, EXAMPLE_WEB_ADDRESS
from kiosk.model.content import BASE_LANGUAGE, Content, region_path
from kiosk.model.parts import Review
from kiosk.model.problems import ContentError, Problem, display_path
from kiosk.pages.book import PageBook, load_pages
from kiosk.reading.bodyart import ArtError, load_art
from kiosk.reading.contentfiles import content_files
from kiosk.reading.folder import key_line


def check_content(folder: Path) -> list[Problem]:
    if not folder.is_dir():
        return [Problem(display_path(folder), None, "this content folder does not exist")]
    try:
        book = load_pages(folder, load_art().region_ids)
    except ContentError as exc:
        return list(exc.problems)
    except ArtError as exc:
        return [Problem("assets/bodymap.svg", None, str(exc))]
    problems = list(book.content.problems)
    for _, page in book.every_page():
        problems.extend(p for p in page.problems if p not in problems)
    for found in (*calm_mode_problems(book.content), *not_confirmed_problems(book.content), *source_problems(book),
                  *readability_problems(book), *review_problems(book.content), *precaution_list_problems(book.content)):
        if found not in problems:
            problems.append(found)
    problems.extend(example_clinic_warnings(book.content))
    return problems


# --- readability -------------------------------------------------------------------


def readability_problems(book: PageBook) -> list[Problem]:
    """Each hard-to-read page once, as a warning on the file it comes from."""
    problems: list[Problem] = []
    content = book.content
    for name, page in book.every_page():
        if not page.html:
            continue
        code, _, screen = name.split("/", 2)
        folder = content.folder if code == BASE_LANGUAGE else content.folder / "lang" / code
        if screen.startswith("region-"):  # "region-calves", or "region-calves-2" for its 2nd tab
            path = region_path(folder, re.sub(r"-\d+$", "", screen.removeprefix("region-")))
        elif screen.startswith("walkthrough-"):
            path = folder / "walkthrough.yaml"
        else:
            path = folder / f"{screen}.yaml"
        for message in measure(page.html, code).problems:
            problem = Problem(display_path(path), None, f"{message} (page {name})", warning=True)
            if not any(p.path == problem.path and p.message.startswith(message) for p in problems):
                problems.append(problem)
    return problems


# --- review ------------------------------------------------------------------------


def fingerprint(page: object) -> str:
    """A hash of a file's words, not its layout: comments, line breaks and the review itself don't count."""

    def plain(value: object) -> object:
        if isinstance(value, (tuple, list)):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if hasattr(value, "__dataclass_fields__"):
            return {name: plain(getattr(value, name)) for name, f in value.__dataclass_fields__.items()
                    if name != "reviewed" and not f.metadata.get("line")}
        return value

    text = json.dumps(plain(page), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def review_problems(content: Content) -> list[Problem]:
    problems: list[Problem] = []
    for language in content.languages.values():
        for path, page in content_files(content, language):
            review: Review | None = getattr(page, "reviewed", None)
            now = fingerprint(page)
            line = key_line(path, "reviewed")
            if review is None:
                kind = ReviewKind.NOT_CHECKED
                message = ("not yet checked by a clinician; once checked, add: reviewed: "
                           f"{{by: \"NAME\", date: YYYY-MM-DD, fingerprint: \"{now}\"}}")
            elif review.fingerprint is None:
                kind = ReviewKind.NO_FINGERPRINT
                message = (f"checked by {review.by} on {review.date}, but a change since then can't be noticed: "
                           f"add fingerprint: \"{now}\" to 'reviewed'")
            elif review.fingerprint != now:
                kind = ReviewKind.CHANGED
                message = (f"changed since {review.by} checked it on {review.date}; have it checked again, then set "
                           f"'reviewed.date' to that date and 'reviewed.fingerprint' to \"{now}\"")
            else:
                continue
            problems.append(ReviewWarning(display_path(path), line, message, warning=True, kind=kind,
                                          page=page_name(content, language, page),
                                          language=language.ui.language_name))
    return problems


# --- the therapist card's precautions ------------------------------------------------


def precaution_list_problems(content: Content) -> list[Problem]:
    """A translation whose precautions list is longer or shorter than the clinic's language's.

    The therapist card matches a ticked precaution to the clinic's language by its place in the
    list (precautions have no ids), so the lists must match item for item; a different count means
    the lines beneath on the card would be the wrong precautions. A reordered list of the same
    length can't be told apart here: the shipped files' comment asks staff to keep the order.
    """
    base = content.base.precautions
    problems: list[Problem] = []
    for language in content.languages.values():
        own = language.precautions
        if base is None or own is None or own is base or len(own.items) == len(base.items):
            continue  # nothing to compare, or the clinic's own page borrowed untranslated
        path = content.folder / "lang" / language.code / "precautions.yaml"
        problems.append(Problem(display_path(path), key_line(path, "items"), (
            f"'items' has {len(own.items)} precautions but the {content.base.ui.language_name} file has "
            f"{len(base.items)}; give both the same items in the same order, because the therapist card "
            "shows each ticked one beneath in the clinic's language by its place in the list")))
    return problems


# --- a clinic's bad day ----------------------------------------------------


def example_clinic_warnings(content: Content) -> list[Problem]:
    """Warnings while clinic.yaml still has the shipped example's phone or web address: a
    patient calling the example's number reaches nobody. Warnings, so the shipped example
    itself still checks clean (exit 0) while saying what to change."""
    clinic, file = content.clinic, content.folder / "clinic.yaml"
    path = display_path(file)
    warnings: list[Problem] = []
    if clinic.phone == EXAMPLE_PHONE:
        warnings.append(ExampleWarning(path, key_line(file, "phone"), "'phone' is still the example's number "
                                f"({EXAMPLE_PHONE}); put your clinic's own phone number here", warning=True))
    if any(EXAMPLE_WEB_ADDRESS in url for url in (clinic.aftercare_url or "", *clinic.aftercare_urls.values())):
        warnings.append(ExampleWarning(path, key_line(file, "aftercare_url"), "'aftercare_url' is still the "
                                "example's address; put your clinic's own after-care page here, or remove "
                                "the line for no QR code", warning=True))
    return warnings


def content_errors(folder: Path) -> list[Problem]:
    """Every error (not warning) in the content, in every language: what --self-test fails on."""
    return [p for p in check_content(folder) if not p.warning]
