"""Reading a staff-edited file a field at a time, so that one mistake costs one field. No Qt here.

``schema.build`` refuses a whole object for one bad value: right for content, where a half
region page would mislead a patient, wrong for the kiosk's settings, where one mis-typed
number must not cost the staff PIN. Here each field is checked alone by the same rules; a bad
or missing one takes its value from a fallback (the last good settings, or the defaults).
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any, TypeVar

from kiosk.model.problems import ContentError, Problem
from kiosk.reading import schema
from kiosk.reading.yamltext import YamlMapping

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


def build_each_field(mapping: YamlMapping, fallback: T, source: str) -> tuple[T, list[tuple[str | None, Problem]]]:
    """``fallback`` (of a class whose every field has a default) with every good field of
    ``mapping`` put in, and each problem with the field that kept the fallback's value because
    of it (None for a name the class doesn't have)."""
    cls = type(fallback)
    names = {f.name for f in fields(cls)}
    good: dict[str, Any] = {}
    problems: list[tuple[str | None, Problem]] = []
    for key, value in mapping.items():
        alone = YamlMapping({key: value})
        alone.line = mapping.line
        alone.key_lines = {key: mapping.key_lines[key]}
        try:
            built = schema.build(cls, alone, source)
        except ContentError as exc:
            field = str(key) if key in names else None
            problems.extend((field, problem) for problem in exc.problems)
            continue
        good[str(key)] = getattr(built, str(key))
    return replace(fallback, **good), problems
