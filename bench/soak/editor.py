"""Staff editing the content folder: good and bad edits to a private copy, and putting it back.
It knows what the kiosk's reload should say: take the content, or refuse it."""

from __future__ import annotations

import os
import random
import re
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Literal

Kind = Literal["good", "bad"]


class Edit(Enum):
    REGION_NAME = "region-name"  # good: a region's name changed
    WALKTHROUGH_WORDS = "walkthrough-words"  # good: a sentence added to a walkthrough step
    YAML_SYNTAX = "yaml-syntax"  # bad: the file no longer reads as YAML
    LEVEL_WORD = "level-word"  # bad: a soreness level in words where a number belongs


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class ContentEditor:
    """Edits (and restores) files in the private content copy; knows what a reload should say."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.pristine = files(folder)
        self.regions = sorted(k for k in self.pristine if re.fullmatch(r"(lang/[^/]+/)?regions/[^/]+\.yaml", k))
        self.walkthroughs = sorted(k for k in self.pristine if re.fullmatch(r"(lang/[^/]+/)?walkthrough\.yaml", k))
        self.outstanding: dict[str, Kind] = {}  # path -> the kind of edit it has now
        self.writes = 0  # files written so far: a check that began before the last one judges older files
        self._n = 0
        self._edits: dict[Edit, Callable[[str, random.Random], str | None]] = {
            Edit.REGION_NAME: self._region_name, Edit.WALKTHROUGH_WORDS: self._walkthrough_words,
            Edit.YAML_SYNTAX: self._yaml_syntax, Edit.LEVEL_WORD: self._level_word,
        }

    @property
    def should_load(self) -> bool:
        return "bad" not in self.outstanding.values()

    def edit(self, good: bool, rng: random.Random) -> Edit | None:
        """Apply one random good or bad edit to the pristine text of a file; the edit made, if any."""
        self._n += 1
        choices = ([(Edit.REGION_NAME, self.regions), (Edit.WALKTHROUGH_WORDS, self.walkthroughs)] if good else
                   [(Edit.YAML_SYNTAX, self.regions + self.walkthroughs), (Edit.LEVEL_WORD, self.regions)])
        for _ in range(10):
            edit, paths = rng.choice(choices)
            if not paths:
                continue
            rel = rng.choice(paths)
            old = self.pristine[rel].decode("utf-8")
            new = self._edits[edit](old, rng)
            if new is not None and new != old:
                self._write(rel, new.encode("utf-8"), rng)
                self.outstanding[rel] = "good" if good else "bad"
                return edit
        return None

    def restore(self, rel: str, rng: random.Random | None = None) -> None:
        self._write(rel, self.pristine[rel], rng)
        del self.outstanding[rel]

    def restore_all(self) -> None:
        for rel in sorted(self.outstanding):
            self.restore(rel)

    def is_restored(self) -> bool:
        return files(self.folder) == self.pristine

    def _write(self, rel: str, data: bytes, rng: random.Random | None) -> None:
        self.writes += 1
        path = self.folder / rel
        if rng is None or rng.random() < 0.5:
            path.write_bytes(data)  # in place, like a simple editor
        else:  # write a new file and rename it over the old one, like most editors do
            tmp = path.with_name(f".{path.name}.soak-tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)

    # the edits: each takes the pristine text and returns the edited text (None if not possible)

    def _region_name(self, text: str, rng: random.Random) -> str | None:
        return re.sub(r"^name: (.+)$", lambda m: f"name: {m.group(1)} soak {self._n}", text, count=1,
                      flags=re.MULTILINE)

    def _walkthrough_words(self, text: str, rng: random.Random) -> str | None:
        lines = text.split("\n")
        # Lines inside a folded passage: deeply indented words ending a sentence.
        candidates = [i for i, line in enumerate(lines)
                      if re.match(r"^ {8,}[^\s\-#]", line) and ": " not in line and line.rstrip().endswith(".")]
        if not candidates:
            return None
        i = rng.choice(candidates)
        lines[i] += " " + rng.choice(["Take your time.", "Ask if anything is unclear.", "Breathe slowly."])
        return "\n".join(lines)

    def _yaml_syntax(self, text: str, rng: random.Random) -> str | None:
        lines = text.split("\n")
        keys = [i for i, line in enumerate(lines) if re.match(r"^[a-z_]+: \S", line)]
        if keys and rng.random() < 0.6:
            i = rng.choice(keys)
            key, value = lines[i].split(": ", 1)
            lines[i] = f"{key}: [{value}"  # an unclosed flow sequence
        else:
            i = rng.randrange(len(lines) // 3, max(len(lines) // 3 + 1, len(lines) - 1))
            lines.insert(i, "  stray: : {broken")  # bad indentation and an unclosed mapping
        return "\n".join(lines)

    def _level_word(self, text: str, rng: random.Random) -> str | None:
        spots = list(re.finditer(r"level: \d+(\.\d+)?", text))
        if not spots:
            return None
        spot = rng.choice(spots)
        return text[:spot.start()] + f"level: {rng.choice(['soon', 'high', 'lots', 'none'])}" + text[spot.end():]
