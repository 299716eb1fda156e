"""Which staff PINs are too easy to guess, and why, in staff words. No Qt here.

The most used PINs and the keypads' layouts are data (``kiosk/assets/guessable-pins.yaml``,
with where they come from), read once; the kinds of PIN refused by rule are below.
"""

from __future__ import annotations

import calendar
import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.reading import schema
from kiosk.system.resources import asset_path

FILE_NAME = "guessable-pins.yaml"
Key = tuple[int, int]  # row, column on a keypad


@dataclass(frozen=True)
class PinRules:
    """The data file: the most used PINs, and each keypad's rows of keys ("-" for no key)."""

    most_used: tuple[str, ...]
    layouts: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Keypad:
    """Where each digit's key is (the keypad's wide 0 is in two places)."""

    keys: dict[str, tuple[Key, ...]]

    @staticmethod
    def from_rows(rows: tuple[str, ...]) -> Keypad:
        keys: dict[str, list[Key]] = {}
        for r, row in enumerate(rows):
            for c, digit in enumerate(row):
                if digit.isdigit():
                    keys.setdefault(digit, []).append((r, c))
        return Keypad({digit: tuple(places) for digit, places in keys.items()})

    def paths(self, pin: str) -> Iterator[list[Key]]:
        """Every way to press ``pin`` (more than one where a key is two keys wide)."""
        for path in itertools.product(*(self.keys[digit] for digit in pin)):
            yield list(path)

    def shapes(self) -> list[frozenset[str]]:
        """Four keys a finger finds without looking: the corners, the middle of each side, and
        each square of four neighbouring keys."""
        where = {place: digit for digit, places in self.keys.items() for place in places}
        shapes = [frozenset(where.get(p, "") for p in ((0, 0), (0, 2), (2, 0), (2, 2))),
                  frozenset(where.get(p, "") for p in ((0, 1), (1, 0), (1, 2), (2, 1)))]
        for r, c in where:
            square = frozenset(where.get((r + dr, c + dc), "") for dr in (0, 1) for dc in (0, 1))
            shapes.append(square)
        return [shape for shape in shapes if len(shape) == 4 and "" not in shape]


@functools.cache  # the file is the kiosk's own: read once, when a PIN is first chosen
def _rules() -> tuple[frozenset[str], tuple[Keypad, ...]]:
    path = asset_path(FILE_NAME)
    rules = schema.parse(PinRules, path.read_text(encoding="utf-8"), str(path))
    return frozenset(rules.most_used), tuple(Keypad.from_rows(rows) for rows in rules.layouts.values())


def guessable(pin: str) -> str | None:
    """Why a PIN is easy to guess (staff words), or None when it is not."""
    most_used, keypads = _rules()
    if len(set(pin)) == 1:
        return "it is one digit repeated"
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:])}
    if steps in ({1}, {9}):  # 1234, 4321, 7890, 0123, 3210: a straight run either way
        return "its digits are a straight run"
    if len(steps) == 1:  # 1357, 8642, 1470 (0 after 7 on the way round)
        return "its digits go up or down by the same step"
    if pin in most_used:
        return "it is one of the most used PINs"
    if _repeats_a_group(pin):
        return "it repeats a short group of digits"
    if _doubled(pin):
        return "each of its digits is repeated (like 112233)"
    if len(pin) == 4 and pin[:2] in ("19", "20"):
        return "it looks like a year"
    if _looks_like_a_date(pin):
        return "it looks like a date"
    if any(_traced(pin, keypad) for keypad in keypads):
        return "it is a line or shape on the keypad"
    return None


def _repeats_a_group(pin: str) -> bool:
    """121212, 123123, 12341234, 2525."""
    return any(len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size) for size in range(1, len(pin) // 2 + 1))


def _doubled(pin: str) -> bool:
    """112233, 111222, 11223344: runs of one digit, all as long, two or more keys each."""
    runs = [len(list(group)) for _, group in itertools.groupby(pin)]
    return len(runs) > 1 and len(set(runs)) == 1 and runs[0] >= 2


def _day(day: str, month: str) -> bool:
    d, m = int(day), int(month)
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(2024, m)[1]  # a leap year: 29 February too


def _year(year: str) -> bool:
    return len(year) == 2 or year[:2] in ("19", "20")


def _looks_like_a_date(pin: str) -> bool:
    """DDMM and MMDD; with the year after (two or four digits) or first (YYMMDD, YYYYMMDD); a
    month and year (MMYYYY, YYYYMM); and, as before, any eight digits with 19 or 20 where a
    year goes."""
    n = len(pin)
    if n == 8 and (pin[:2] in ("19", "20") or pin[4:6] in ("19", "20")):
        return True
    if n == 4:
        return _day(pin[:2], pin[2:]) or _day(pin[2:], pin[:2])
    if n in (6, 8):
        year = n - 4
        day_first, month_first = _day(pin[:2], pin[2:4]), _day(pin[2:4], pin[:2])
        if (day_first or month_first) and _year(pin[4:]):
            return True
        if _year(pin[:year]) and _day(pin[year + 2:], pin[year:year + 2]):
            return True
    if n == 6:
        return (_year(pin[2:]) and 1 <= int(pin[:2]) <= 12) or (_year(pin[:4]) and 1 <= int(pin[4:]) <= 12)
    return False


def _traced(pin: str, keypad: Keypad) -> bool:
    """A line, a line with one bend (1470, 1236), or one of the keypad's shapes (1379, 2468,
    1254); or a longer PIN made of such patterns (147258: two columns; 13792468)."""
    if _pattern(pin, keypad, bends=1):
        return True
    n = len(pin)
    parts = [[pin[i:i + size] for i in range(0, n, size)] for size in (3, 4) if n > size and n % size == 0]
    if n == 7:
        parts += [[pin[:3], pin[3:]], [pin[:4], pin[4:]]]
    return any(all(_pattern(part, keypad, bends=0 if len(part) == 3 else 1) for part in split) for split in parts)


def _pattern(keys: str, keypad: Keypad, bends: int) -> bool:
    if len(keys) == 4 and len(set(keys)) == 4 and frozenset(keys) in keypad.shapes():
        return True
    if len(set(keys)) != len(keys):
        return False
    for path in keypad.paths(keys):
        steps = [(r2 - r1, c2 - c1) for (r1, c1), (r2, c2) in zip(path, path[1:])]
        if all(max(abs(dr), abs(dc)) == 1 for dr, dc in steps):  # each key beside the one before
            if sum(a != b for a, b in zip(steps, steps[1:])) <= bends:
                return True
    return False
