"""New content while the kiosk runs: checked in full, kept back until it is good, used at home.

Plain Python; the window asks it and decides when to swap (only at the next return home).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from kiosk.pages import PageBook
from kiosk.problems import Problem

log = logging.getLogger(__name__)


def usable_problems(book: PageBook) -> list[Problem]:
    """Every error (not warning) in a book, rendering every page to find them."""
    problems = [p for p in book.content.problems if not p.warning]
    for _, page in book.every_page():
        problems.extend(p for p in page.problems if p not in problems)
    return problems


class ContentReloader:
    """Loads the content folder again on request; good content waits in ``pending``."""

    def __init__(self, load_book: Callable[[], PageBook] | None, problems: list[Problem]):
        self._load_book = load_book
        self.pending: PageBook | None = None
        self.problems = problems  # what staff see: the current content's, or the refused content's

    @property
    def can_reload(self) -> bool:
        return self._load_book is not None

    def reload(self, folder: Path) -> list[Problem]:
        """Load and check everything. No errors: the new book waits in ``pending``. Errors: they
        are returned and logged, and the last good content stays (``folder`` names it in a
        problem if the folder can't be read at all)."""
        if self._load_book is None:
            return []
        try:
            book = self._load_book()
            problems = usable_problems(book)
        except Exception as exc:  # content must never take the kiosk down
            log.exception("content reload failed")
            problems = [Problem(str(folder), None, f"could not be read: {exc}")]
        if problems:
            for problem in problems:
                log.error("content problem (keeping the last good content): %s", problem)
            self.problems = problems
            return problems
        self.problems = list(book.content.problems)
        self.pending = book
        log.info("new content is ready; it will be shown from the next return to home")
        return []

    def take(self) -> PageBook | None:
        """The good new content, once; None when there is none waiting."""
        book, self.pending = self.pending, None
        return book
