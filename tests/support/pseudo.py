"""Pseudo-languages made from the English content, as translators' tools make them. One has every
word accented and the whole about 40% longer, in brackets ("[Ŵĥåţ ðŕý ñééðļîñĝ ðöéš ĥéŕé one two]"):
a page that fits in it leaves room for a real translation; a word cut in it is plain to see. The
other is read right to left: the English words, each forced right to left by Unicode's own
marks, as Android's "ar-XB" does ("Home" shows as "emoH"), in a ui.yaml that says ``direction: rtl``;
whatever is not mirrored in it (a screen, a page, an arrow) is plain to see.
Generated into a content folder's copy, never shipped. No Qt here."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

import yaml

PSEUDO = "xa"  # a code no real language has
RTL_PSEUDO = "xb"  # nor this one
RLM, RLO, PDF = "\u200f", "\u202e", "\u202c"  # a right-to-left mark; right to left forced, and its end
ACCENTS = str.maketrans("abcdeghijklnoprstuwyzABCDEGHIJKLNOPRSTUWYZ",
                        "åƀçðéĝĥîĵķļñöþŕšţûŵýžÅƁÇÐÉĜĤÎĴĶĻÑÖÞŔŠŢÛŴÝŽ")
FILLER = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
LONGER = 1.4
# Values that name something rather than say it: ids, file names, sources, dates, addresses.
_NAMES = re.compile(r"^[a-z0-9_.:/-]+$|^https?://")
_KEPT = re.compile(r"(\{[a-z_]+\})")  # "{phone}": filled in by the kiosk
_WORD = re.compile(r"\S+")
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


def mirrored_text(text: str) -> str:
    """``text`` shown right to left, word by word, as a right-to-left language's words are: each
    forced right to left between right-to-left marks, the spaces between them left to Unicode's
    rules (forced too, a line's last space took room at its left end). "{phone}" and its like are
    kept as they are."""
    parts = _KEPT.split(text)
    return "".join(part if _KEPT.fullmatch(part) else _WORD.sub(_mirrored_word, part) for part in parts)


def _mirrored_word(word: re.Match[str]) -> str:
    return f"{RLM}{RLO}{word.group(0)}{PDF}{RLM}"


def _pseudo(value: object, key: str = "", text: Callable[[str], str] = pseudo_text) -> object:
    if key in _NOT_WORDS:
        return value
    if isinstance(value, dict):
        return {k: _pseudo(v, str(k), text) for k, v in value.items()}
    if isinstance(value, list):
        return [_pseudo(v, key, text) for v in value]
    if isinstance(value, str) and value.strip() and not _NAMES.match(value):
        return text(value)
    return value


def add_pseudo_language(content: Path) -> Path:
    """Write the accented, longer pseudo-language into ``content`` (a copy) as lang/xa, from its English files."""
    return _write_language(content, PSEUDO, pseudo_text, {"language_name": "Ƥšéûðö"})


def add_rtl_pseudo_language(content: Path) -> Path:
    """Write the right-to-left pseudo-language into ``content`` (a copy) as lang/xb."""
    return _write_language(content, RTL_PSEUDO, mirrored_text,
                           {"language_name": mirrored_text("Mirrored"), "direction": "rtl"})


def _write_language(content: Path, code: str, text: Callable[[str], str], words: dict[str, str]) -> Path:
    target = content / "lang" / code
    english = [content / name for name in ("ui.yaml", "walkthrough.yaml", "precautions.yaml", "sources.yaml",
                                           "questions.yaml")] + sorted((content / "regions").glob("*.yaml"))
    for path in english:
        if not path.exists():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = _pseudo(data, text=text)
        if path.name == "ui.yaml" and isinstance(data, dict):
            data.update(words)
        out = target / path.relative_to(content)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return target
