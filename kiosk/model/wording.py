"""Words with placeholders: checked when they are loaded, filled in without ever failing.

Some words have a gap the screen fills: "The screen will reset in {seconds}...". Each such field
names its placeholders in its metadata (``{"placeholders": ("seconds",)}``, kiosk.model.content). A word
that can't be filled exactly as written — a stray brace, an unknown name, a positional ``{}``,
``{0.__class__}`` or ``{seconds:>99}`` — is a content problem when the file is loaded; from a
clinic's file it gives way to the shipped word, with a warning naming the file and line. The
screens fill words with ``fill``, never ``str.format``. No Qt here.
"""

from __future__ import annotations

import string
from dataclasses import fields
from typing import TYPE_CHECKING

from kiosk.model.problems import Problem

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from kiosk.reading.yamltext import YamlMapping


def placeholder_trouble(text: str, placeholders: tuple[str, ...]) -> str | None:
    """What is wrong with ``text`` as a word that must keep exactly ``placeholders``, or None."""
    names = ", ".join("{" + name + "}" for name in placeholders)
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return (f"has a {{ or }} without its partner; keep {names} exactly as written, "
                "and no other curly brackets")
    found = set()
    for _, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in placeholders:
            return f"has {{{field}}}, which it can't fill in; it can use only {names}"
        if spec or conversion:
            return f"must write {{{field}}} exactly like that, with nothing more inside the brackets"
        found.add(field)
    missing = [name for name in placeholders if name not in found]
    if missing:
        return f"must keep {{{missing[0]}}} where the number or name goes"
    return None


def fill(word: str, **values: object) -> str:
    """``word`` with each ``{name}`` given in ``values`` filled in. Never fails: loading checked
    the words, and anything else in brackets is shown as written."""
    try:
        parts = list(string.Formatter().parse(word))
    except ValueError:
        parts = [(word, None, None, None)]
    shown = []
    for literal, field, spec, conversion in parts:
        shown.append(literal)
        if field is not None:
            known = field in values and not spec and not conversion
            shown.append(str(values[field]) if known else "{" + field + ("!" + conversion if conversion else "")
                         + (":" + spec if spec else "") + "}")
    return "".join(shown)


def mend_placeholders(kind: type[DataclassInstance], value: YamlMapping, shipped: YamlMapping,
                      source: str) -> list[Problem]:
    """Put the shipped word in place of each word in ``value`` (a words file as read) that can't
    be filled in; a warning for each, naming its line."""
    warnings = []
    for field in fields(kind):
        placeholders = field.metadata.get("placeholders")
        written, good = value.get(field.name), shipped.get(field.name)
        if not placeholders or not isinstance(written, str) or not isinstance(good, str):
            continue
        trouble = placeholder_trouble(" ".join(written.split()), placeholders)
        if trouble and placeholder_trouble(" ".join(good.split()), placeholders) is None:
            value[field.name] = good
            shipped_words = " ".join(good.split())
            warnings.append(Problem(source, value.key_lines.get(field.name), (
                f"'{field.name}' {trouble}; the shipped words are used until it is fixed (\"{shipped_words}\")"),
                warning=True))
    return warnings
