"""Checking YAML values against the content dataclasses, with messages staff understand.

A dataclass is the schema: each field is a key, its type says what the value must be,
and field metadata adds limits:

- ``{"min": 0, "max": 72, "unit": "hours"}`` on numbers (an ``int`` field takes whole numbers
  only and gives an int; a ``float`` field gives a float);
- ``{"kind": "colour"}``, ``{"kind": "asset"}`` (a file name under assets/), ``{"kind": "url"}`` or
  ``{"kind": "date"}`` (2026-11-30) on text;
- ``{"placeholders": ("number", "total")}`` on text that must keep those ``{names}``;
- ``{"choices": ("a", "b")}`` on text that must be one of a few words;
- ``{"yaml": False}`` for fields the loader fills in itself;
- ``{"yaml": False, "line": True}`` for a field that receives the line the mapping starts on.

Fields with a default are optional. A ``check()`` method on a dataclass adds rules that
span fields; it returns ``(key, message)`` pairs. Every problem in a file is collected,
not just the first. No Qt, no file reading.
"""

from __future__ import annotations

import datetime
import functools
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import MISSING, fields, is_dataclass
from typing import TYPE_CHECKING, TypedDict, TypeVar, cast

from kiosk.model.problems import ContentError, Problem
from kiosk.model.wording import placeholder_trouble
from kiosk.pages.htmlcost import word_trouble
from kiosk.reading import yamltext
from kiosk.reading.yamltext import YamlKey, YamlList, YamlMapping

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)

T = TypeVar("T", bound="DataclassInstance")


class Rules(TypedDict, total=False):
    """The field metadata this module reads (see the module's docstring)."""

    min: float
    max: float
    unit: str
    kind: str  # "colour", "asset", "url" or "date"
    placeholders: tuple[str, ...]
    choices: tuple[str, ...]
    yaml: bool
    line: bool


@functools.cache
def _type_hints(cls: type) -> dict[str, object]:
    # Resolving a dataclass's annotations is slow, and content has ~400 objects of ~20 classes:
    # once per class took a tenth of the kiosk's start-up time off.
    return typing.get_type_hints(cls)


def parse(cls: type[T], text: str, source: str, **extra: object) -> T:
    """YAML text to a ``cls`` instance, or ContentError with every problem found."""
    return build(cls, yamltext.parse(text, source), source, **extra)


def build(cls: type[T], value: object, source: str, **extra: object) -> T:
    """Already-parsed YAML (``yamltext.parse``) to a ``cls`` instance, or ContentError."""
    reader = _Reader(source)
    result = reader.build(cls, value, 1, "", extra)
    if reader.problems:
        raise ContentError(reader.problems)
    assert result is not None  # build() gives None only after recording a problem
    return result


class _Reader:
    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []

    def fail(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.source, line, message))

    def build(self, cls: type[T], value: object, line: int, name: str,
              extra: Mapping[str, object] | None = None) -> T | None:
        yaml_fields = [f for f in fields(cls) if f.metadata.get("yaml", True)]
        expected = [f.name for f in yaml_fields]
        shorthand: str | None = getattr(cls, "shorthand", None)
        if shorthand:
            if isinstance(value, str):  # e.g. a passage written as plain text
                value = _as_mapping({shorthand: value}, line)
        if not isinstance(value, YamlMapping):
            what = f"'{name}'" if name else "the file"
            self.fail(line, f"{what} must be a set of 'name: value' lines ({', '.join(expected)}), "
                            f"got {describe(value)}")
            return None
        for key in value:
            if key not in expected:
                self.fail(value.key_lines[key], f"'{_join(name, key)}' is not a name this file uses; check the "
                                                f"spelling (expected one of: {', '.join(expected)})")
        hints = _type_hints(cls)
        built: dict[str, object] = dict(extra or {})
        built.update({f.name: value.line for f in fields(cls) if f.metadata.get("line")})
        complete = True
        for f in yaml_fields:
            if f.name not in value:
                if f.default is MISSING and f.default_factory is MISSING:
                    self.fail(value.line, f"'{_join(name, f.name)}' is missing")
                    complete = False
                continue
            before = len(self.problems)
            rules = cast(Rules, f.metadata)  # what the dataclass wrote, read as this module's Rules
            built[f.name] = self.value(hints[f.name], rules, value[f.name], value.key_lines[f.name],
                                       _join(name, f.name))
            complete = complete and len(self.problems) == before
        if not complete:
            return None
        result = cls(**built)
        for key, message in getattr(result, "check", lambda: [])():
            self.fail(value.key_lines.get(key, value.line), message)
        return result

    def value(self, hint: object, meta: Rules, value: object, line: int, name: str) -> object:
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            if value is None:
                return None
            hint = next(a for a in args if a is not type(None))
            origin, args = typing.get_origin(hint), typing.get_args(hint)
        if isinstance(hint, type) and is_dataclass(hint):
            return self.build(hint, value, line, name)
        if hint is str:
            return self.text(value, line, name, meta)
        if hint is bool:
            if not isinstance(value, bool):
                self.fail(line, f"'{name}' must be yes or no (true or false), got {describe(value)}")
                return None
            return value
        if hint in (float, int):
            return self.number(value, line, name, meta, whole=hint is int)
        if origin is tuple:
            if not isinstance(value, YamlList) or not value:
                self.fail(line, f"'{name}' must be a list with at least one '- ' line, got {describe(value)}")
                return None
            items = [self.value(args[0], meta, v, ln, f"{name}[{i + 1}]")
                     for i, (v, ln) in enumerate(zip(value, value.item_lines))]
            return None if None in items else tuple(items)
        if origin is dict:
            if not isinstance(value, YamlMapping) or not value:
                self.fail(line, f"'{name}' must be a set of 'name: value' lines, got {describe(value)}")
                return None
            entries = {str(k): self.value(args[1], meta, v, value.key_lines[k], f"{name}.{k}")
                       for k, v in value.items()}
            return None if None in entries.values() else entries
        raise TypeError(f"no rule for {hint!r}")  # a programming error, caught by the tests

    def text(self, value: object, line: int, name: str, meta: Rules) -> str | None:
        if meta.get("kind") == "date" and isinstance(value, datetime.date):
            value = value.isoformat()  # YAML reads 2026-11-30 as a date
        if not isinstance(value, str):
            hint = " (put it in quotes)" if isinstance(value, (bool, int, float)) else ""
            self.fail(line, f"'{name}' must be text, got {describe(value)}{hint}")
            return None
        text = " ".join(value.split())
        if not text:
            self.fail(line, f"'{name}' is empty; write some text or remove the line")
            return None
        kind = meta.get("kind")
        if kind == "colour" and not _COLOUR.match(text):
            self.fail(line, f"'{name}' must be a colour written like #1f5f8b, got {describe(value)}")
            return None
        if kind == "date" and not _date(text):
            self.fail(line, f"'{name}' must be a date written like 2026-11-30, got {describe(value)}")
            return None
        if kind == "url" and not _URL.match(text):
            self.fail(line, f"'{name}' must be a web address starting with https://, got {describe(value)}")
            return None
        if kind == "asset":
            if ".." in text.replace("\\", "/").split("/") or text.startswith(("/", "\\")) or ":" in text:
                self.fail(line, f"'{name}' must be a file inside the assets folder, got {describe(value)}")
                return None
        if "choices" in meta and text not in meta["choices"]:
            self.fail(line, f"'{name}' must be one of: {', '.join(meta['choices'])}; got {describe(value)}")
            return None
        trouble = placeholder_trouble(text, meta["placeholders"]) if "placeholders" in meta else word_trouble(text)
        if trouble:
            self.fail(line, f"'{name}' {trouble}, got {describe(value)}")
            return None
        return text

    def number(self, value: object, line: int, name: str, meta: Rules, whole: bool) -> float | None:
        """A number within the field's limits: an int for a ``whole`` (int) field, else a float."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(line, f"'{name}' must be a number, got {describe(value)}")
            return None
        if whole and isinstance(value, float) and not value.is_integer():
            # In full: number() rounds to six digits, and 150000.5 would read as 150000.
            self.fail(line, f"'{name}' must be a whole number, got {value}")
            return None
        low, high = meta["min"], meta["max"]
        if not low <= value <= high:
            unit = f" {meta['unit']}" if meta.get("unit") else ""
            self.fail(line, f"'{name}' must be between {low} and {high}{unit}, got {number(value)}")
            return None
        return int(value) if whole else float(value)


def _as_mapping(values: dict[YamlKey, object], line: int) -> YamlMapping:
    mapping = YamlMapping(values)
    mapping.line = line
    mapping.key_lines = {key: line for key in values}
    return mapping


def _date(text: str) -> bool:
    if not _DATE.match(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, list):
        return "a list"
    return "a set of 'name: value' lines"


def number(value: float) -> str:
    return f"{value:g}"


def _join(parent: str, key: object) -> str:
    return f"{parent}.{key}" if parent else str(key)
