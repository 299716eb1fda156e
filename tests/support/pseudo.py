"""A pseudo-language made from the English content, as translators' tools make one: every word
accented and the whole about 40% longer, in brackets ("[Ŵĥåţ ðŕý ñééðļîñĝ ðöéš ĥéŕé one two]").
A page that fits in it leaves room for a real translation; a word cut in it is plain to see.
Generated into a content folder's copy, never shipped. No Qt here."""

from __future__ import annotations

import math
import re
from pathlib import Path

import yaml

PSEUDO = "xa"  # a code no real language has
ACCENTS = str.maketrans("abcdeghijklnoprstuwyzABCDEGHIJKLNOPRSTUWYZ",
                        "åƀçðéĝĥîĵķļñöþŕšţûŵýžÅƁÇÐÉĜĤÎĴĶĻÑÖÞŔŠŢÛŴÝŽ")
FILLER = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
LONGER = 1.4
# Values that name something rather than say it: ids, file names, sources, dates, addresses.
_NAMES = re.compile(r"^[a-z0-9_.:/-]+$|^https?://")
_KEPT = re.compile(r"(\{[a-z_]+\})")  # "{phone}": filled in by the kiosk
_NOT_WORDS = {"reviewed", "sources", "picture", "id", "ids", "region", "step"}


def pseudo_text(text: str) -> str:
    """``text`` accented, about 40% longer, in brackets; "{phone}" and its like kept as they are."""
    parts = _KEPT.split(text)
    accented = "".join(part if _KEPT.fullmatch(part) else part.translate(ACCENTS) for part in parts)
    extra = max(1, math.ceil(len(text) * (LONGER - 1)))  # characters to add, with the brackets' two
    padding: list[str] = []
    count = 2
    while count < extra:
        word = FILLER[len(padding) % len(FILLER)]
        padding.append(word)
        count += len(word) + 1
    return f"[{accented} {' '.join(padding)}]"


def _pseudo(value: object, key: str = "") -> object:
    if key in _NOT_WORDS:
        return value
    if isinstance(value, dict):
        return {k: _pseudo(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_pseudo(v, key) for v in value]
    if isinstance(value, str) and value.strip() and not _NAMES.match(value):
        return pseudo_text(value)
    return value


def add_pseudo_language(content: Path) -> Path:
    """Write the pseudo-language into ``content`` (a copy) as lang/xa, from its English files."""
    target = content / "lang" / PSEUDO
    english = [content / name for name in ("ui.yaml", "walkthrough.yaml", "precautions.yaml", "sources.yaml",
                                           "questions.yaml")] + sorted((content / "regions").glob("*.yaml"))
    for path in english:
        if not path.exists():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = _pseudo(data)
        if path.name == "ui.yaml" and isinstance(data, dict):
            data["language_name"] = "Ƥšéûðö"
        out = target / path.relative_to(content)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return target
