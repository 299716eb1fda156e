"""``kiosk --check-content``: every problem in a content folder, for the staff who edit it."""

from __future__ import annotations

from pathlib import Path

from kiosk.bodyart import ArtError, load_art
from kiosk.content import EXAMPLE_PHONE, EXAMPLE_WEB_ADDRESS, Content
from kiosk.pages import load_pages
from kiosk.problems import ContentError, Problem, display_path


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
    problems.extend(example_clinic_warnings(book.content))
    return problems


# --- a clinic's bad day (issue #15) ----------------------------------------------------


def example_clinic_warnings(content: Content) -> list[Problem]:
    """Warnings while clinic.yaml still has the shipped example's phone or web address: a
    patient calling the example's number reaches nobody. Warnings, so the shipped example
    itself still checks clean (exit 0) while saying what to change."""
    clinic, path = content.clinic, display_path(content.folder / "clinic.yaml")
    warnings = []
    if clinic.phone == EXAMPLE_PHONE:
        warnings.append(Problem(path, _line_of(content, "phone:"), "'phone' is still the example's number "
                                f"({EXAMPLE_PHONE}); put your clinic's own phone number here", warning=True))
    if any(EXAMPLE_WEB_ADDRESS in url for url in (clinic.aftercare_url or "", *clinic.aftercare_urls.values())):
        warnings.append(Problem(path, _line_of(content, "aftercare_url:"), "'aftercare_url' is still the "
                                "example's address; put your clinic's own after-care page here, or remove "
                                "the line for no QR code", warning=True))
    return warnings


def _line_of(content: Content, key: str) -> int | None:
    try:
        lines = (content.folder / "clinic.yaml").read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, line in enumerate(lines, 1) if line.startswith(key)), None)


def content_errors(folder: Path) -> list[Problem]:
    """Every error (not warning) in the content, in every language: what --self-test fails on."""
    return [p for p in check_content(folder) if not p.warning]
