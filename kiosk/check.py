"""``kiosk --check-content``: every problem in a content folder, for the staff who edit it."""

from __future__ import annotations

from pathlib import Path

from kiosk.bodyart import ArtError, load_art
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
    return problems
