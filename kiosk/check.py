"""``kiosk --check-content``: every problem in a content folder, for the staff who edit it.

Beyond what loading finds, it holds the promises issue 14 makes to patients:

- calm mode: a passage that describes a needle going in, a twitch, a cramp or an electric
  feeling must be marked ``graphic`` (an error: "Hide needle pictures" would show it), its calm
  wording must not describe one, and a passage must be graphic in every language or in none;
- readability: every page as rendered (``kiosk.readability``); warnings, since staff must be able
  to save a clumsy sentence, but the shipped content has none (``tests/test_shipped_content.py``);
- review: a content file without ``reviewed``, or changed since it was reviewed, gets a warning
  with the fingerprint of its words now.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

from kiosk.bodyart import ArtError, load_art
from kiosk.content import (
    BASE_LANGUAGE,
    EXAMPLE_PHONE,
    EXAMPLE_WEB_ADDRESS,
    Content,
    Language,
    Passage,
    Review,
    key_line,
    region_path,
)
from kiosk.pages import PageBook, load_pages
from kiosk.problems import ContentError, Problem, display_path
from kiosk.readability import measure

# Words that describe the needle going in, a twitch, a cramp or an electric feeling: the one
# list, per language, of what calm mode must hide. A language without a list isn't checked.
GRAPHIC_WORDS: dict[str, str] = {
    "en": (r"\btwitch|\bjump(s|ed)?\b|\bcramp|electric(al)? (shock|flicker|feeling|jolt)|\bprick\b"
           r"|needle (is |goes |went |passes )?(tapped |pushed )?(in|into|through)\b(?! place)"
           r"|tap(s|ped)? (a|the) needle|through (your|the) skin"),
    "es": (r"\bsalt(o|a|os)\b|calambre|descarga|chispazo|pinchazo|atraviesa la piel|introduce la aguja"
           r"|la aguja (entra|atraviesa)|entrada de la aguja"),
}


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
    for found in (*calm_mode_problems(book.content), *readability_problems(book), *review_problems(book.content),
                  *precaution_list_problems(book.content)):
        if found not in problems:
            problems.append(found)
    problems.extend(example_clinic_warnings(book.content))
    return problems


# --- which file each page comes from ------------------------------------------------


def content_files(content: Content, language: Language) -> Iterator[tuple[Path, object]]:
    """(file, what was read from it) for the page files of one language, leaving out borrowed pages."""
    folder = content.folder if language.code == BASE_LANGUAGE else content.folder / "lang" / language.code
    base = content.base
    pages: list[tuple[str, object, object]] = [
        ("walkthrough.yaml", language.walkthrough, base.walkthrough),
        ("precautions.yaml", language.precautions, base.precautions),
        ("sources.yaml", language.sources, base.sources)]
    pages += [(f"regions/{r}.yaml", language.regions.get(r), base.regions.get(r)) for r in content.region_ids]
    for name, page, in_base in pages:
        if page is not None and (language is base or page is not in_base):  # a fallback is the base's file
            yield folder / name, page


def _walk(value: object, path: str = "") -> Iterator[tuple[str, object]]:
    """(field path, object) for every content object, the path as staff see it in messages."""
    if isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i + 1}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}" if path else str(key))
    elif hasattr(value, "__dataclass_fields__"):
        yield path, value
        for name in value.__dataclass_fields__:
            yield from _walk(getattr(value, name), f"{path}.{name}" if path else name)


def _passages(page: object) -> dict[str, Passage]:
    return {path: item for path, item in _walk(page) if isinstance(item, Passage)}


# --- calm mode ---------------------------------------------------------------------


def calm_mode_problems(content: Content) -> list[Problem]:
    problems: list[Problem] = []
    base_files = {path.relative_to(content.folder): page for path, page in content_files(content, content.base)}
    for language in content.languages.values():
        words = GRAPHIC_WORDS.get(language.code)
        folder = content.folder if language.code == BASE_LANGUAGE else content.folder / "lang" / language.code
        for path, page in content_files(content, language):
            source = display_path(path)
            passages = _passages(page)
            for where, passage in passages.items():
                named = re.search(words, passage.text, re.I) if words else None
                if named and not passage.graphic:
                    problems.append(Problem(source, passage.line or None, (
                        f"'{where}' describes the needle going in, a twitch, a cramp or an electric feeling "
                        f"(\"{named.group(0)}\"); mark it graphic: true with a gentler calm: wording, "
                        "so 'Hide needle pictures' hides it")))
                named = re.search(words, passage.calm, re.I) if words and passage.graphic and passage.calm else None
                if named:
                    problems.append(Problem(source, passage.line or None, (
                        f"'{where}.calm' still describes it (\"{named.group(0)}\"); "
                        "calm wording is what patients who hid needle pictures read")))
            if language.code == BASE_LANGUAGE:
                continue
            base_passages = _passages(base_files.get(path.relative_to(folder)))
            for where, passage in passages.items():
                other = base_passages.get(where)
                if other is not None and other.graphic != passage.graphic:
                    marked = "graphic" if other.graphic else "not graphic"
                    problems.append(Problem(source, passage.line or None, (
                        f"'{where}' is {marked} in {content.base.name} but "
                        f"{'graphic' if passage.graphic else 'not graphic'} here; calm mode must hide the same "
                        "passages in every language")))
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
        if screen.startswith("region-"):  # "region-calves", or "region-calves-2" for its 2nd tab (issue 13)
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
                message = ("not yet checked by a clinician; once checked, add: reviewed: "
                           f"{{by: \"NAME\", date: YYYY-MM-DD, fingerprint: {now}}}")
            elif review.fingerprint is None:
                message = (f"checked by {review.by} on {review.date}, but a change since then can't be noticed: "
                           f"add fingerprint: {now} to 'reviewed'")
            elif review.fingerprint != now:
                message = (f"changed since {review.by} checked it on {review.date}; have it checked again, then set "
                           f"'reviewed.date' to that date and 'reviewed.fingerprint' to {now}")
            else:
                continue
            problems.append(Problem(display_path(path), line, message, warning=True))
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


# --- a clinic's bad day (issue #15) ----------------------------------------------------


def example_clinic_warnings(content: Content) -> list[Problem]:
    """Warnings while clinic.yaml still has the shipped example's phone or web address: a
    patient calling the example's number reaches nobody. Warnings, so the shipped example
    itself still checks clean (exit 0) while saying what to change."""
    clinic, file = content.clinic, content.folder / "clinic.yaml"
    path = display_path(file)
    warnings = []
    if clinic.phone == EXAMPLE_PHONE:
        warnings.append(Problem(path, key_line(file, "phone"), "'phone' is still the example's number "
                                f"({EXAMPLE_PHONE}); put your clinic's own phone number here", warning=True))
    if any(EXAMPLE_WEB_ADDRESS in url for url in (clinic.aftercare_url or "", *clinic.aftercare_urls.values())):
        warnings.append(Problem(path, key_line(file, "aftercare_url"), "'aftercare_url' is still the "
                                "example's address; put your clinic's own after-care page here, or remove "
                                "the line for no QR code", warning=True))
    return warnings


def content_errors(folder: Path) -> list[Problem]:
    """Every error (not warning) in the content, in every language: what --self-test fails on."""
    return [p for p in check_content(folder) if not p.warning]
