"""Problems found in the clinic's content, worded for the staff who edit it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, shown as ``path:line: message``."""

    path: str
    line: int | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = "warning: " if self.warning else ""
        return f"{where}: {label}{self.message}"


class ContentError(Exception):
    """Raised when a file can't be used; carries every problem found in it."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)

    def __reduce__(self) -> tuple[type[ContentError], tuple[list[Problem]]]:
        return ContentError, (list(self.problems),)  # pickled whole, as checked content is (kiosk.checks.child)


def display_path(path: Path) -> str:
    """The path as staff would type it: relative to where they are when possible."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel
