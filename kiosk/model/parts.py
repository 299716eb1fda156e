"""The parts every page is made of: passages, pictures, and who reviewed a file. No Qt."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

# What a ``check()`` method returns: (the key to point at, the message) for each problem.
Checks = list[tuple[str, str]]


@dataclass(frozen=True)
class Passage:
    """A paragraph. ``graphic`` ones (vivid needle talk) are hidden in calm mode, or replaced by ``calm``."""

    shorthand = "text"  # a passage may be written as plain text

    text: str
    graphic: bool = False
    calm: str | None = None
    line: int = field(default=0, compare=False, metadata={"yaml": False, "line": True})  # for --check-content

    def shown(self, calm_mode: bool) -> str | None:
        if calm_mode and self.graphic:
            return self.calm
        return self.text


@dataclass(frozen=True)
class Picture:
    """An illustration under ``assets/``; a ``graphic`` one shows ``calm_file`` (or nothing) in calm mode."""

    file: str = field(metadata={"kind": "asset"})
    alt: str
    graphic: bool = False
    calm_file: str | None = field(default=None, metadata={"kind": "asset"})
    calm_alt: str | None = None  # what calm_file shows, for screen readers (else ``alt``)
    line: int = field(default=0, compare=False, metadata={"yaml": False, "line": True})

    def files(self) -> tuple[str, ...]:
        return (self.file, self.calm_file) if self.calm_file else (self.file,)

    def shown(self, calm_mode: bool) -> str | None:
        if calm_mode and self.graphic:
            return self.calm_file
        return self.file

    def shown_alt(self, calm_mode: bool) -> str:
        return self.calm_alt if calm_mode and self.graphic and self.calm_alt else self.alt

    def check(self) -> Checks:
        if self.calm_file and not self.graphic:
            return [("calm_file", "'calm_file' is only used when 'graphic' is true; set graphic: true or remove it")]
        if self.calm_alt and not self.calm_file:
            return [("calm_alt", "'calm_alt' describes the calm_file picture; add calm_file or remove it")]
        return []


@dataclass(frozen=True)
class Review:
    """Who checked a content file against the facts sheet, on which date, and what they saw.

    ``fingerprint`` is a hash of the file's words when it was checked (``kiosk.checks.folder`` prints the
    current one). A hash, not the file's modification time: copying, unzipping, an installer or a
    git checkout changes the time without changing a word, and an edit can keep it.
    """

    by: str
    date: str = field(metadata={"kind": "date"})  # not "on": YAML reads a key "on" as yes/true
    fingerprint: str | None = None


def parts(value: object) -> Iterator[object]:
    """Every content object inside ``value`` (itself included), however deeply nested."""
    if isinstance(value, (tuple, list)):
        for item in value:
            yield from parts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from parts(item)
    elif hasattr(value, "__dataclass_fields__"):
        yield value
        for name in value.__dataclass_fields__:
            yield from parts(getattr(value, name))
