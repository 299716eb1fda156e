"""New content while the kiosk runs: checked in full, kept back until it is good, used at home.

Plain Python; the check itself runs in a child process (kiosk.checks.child), and the window asks
this module and decides when to swap (only at the next return home).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.model.problems import Problem
from kiosk.pages.book import PageBook

if TYPE_CHECKING:
    from kiosk.checks.child import Checked

log = logging.getLogger(__name__)


def usable_problems(book: PageBook) -> list[Problem]:
    """Every error (not warning) in a book, rendering every page to find them."""
    problems = [p for p in book.content.problems if not p.warning]
    for _, page in book.every_page():
        problems.extend(p for p in page.problems if p not in problems)
    return problems


class ContentReloader:
    """Takes content checked in a child process; good content waits in ``pending``."""

    def __init__(self, folder: Path | None, problems: list[Problem]):
        self.folder = folder  # the content folder to load again; None: this kiosk never reloads
        self.pending: PageBook | None = None
        self.problems = problems  # what staff see: the current content's, or the refused content's

    @property
    def can_reload(self) -> bool:
        return self.folder is not None

    def take_checked(self, checked: Checked) -> list[Problem]:
        """The child's verdict. No errors: the new book waits in ``pending``. Errors: they are
        returned and logged, and the last good content stays."""
        problems = checked.errors
        if problems or checked.book is None:
            for problem in problems:
                log.error("content problem (keeping the last good content): %s", problem)
            self.problems = problems
            return problems
        self.problems = list(checked.book.content.problems)
        self.pending = checked.book
        log.info("new content is ready; it will be shown from the next return to home")
        return []

    def take_layout(self, problems: list[Problem]) -> None:
        """What the layout check found in the content just taken: shown to staff beside its own."""
        for problem in problems:
            log.warning("content does not fit: %s", problem)
        self.problems = [*self.problems, *problems]

    def take(self) -> PageBook | None:
        """The good new content, once; None when there is none waiting."""
        book, self.pending = self.pending, None
        return book
