"""YAML text to plain Python values that remember their line numbers.

Staff edit these files by hand, so the loader is stricter than PyYAML's default:
a key written twice is an error (PyYAML silently keeps the last one), and every
mapping and list remembers where its keys and items were written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

from kiosk.problems import ContentError, Problem

# What a key can be: the constructor below refuses lists and mappings as keys.
YamlKey = str | int | float | bool | None


class YamlMapping(dict[YamlKey, object]):
    """A mapping from the file, with the line of each key (1-based)."""

    line: int = 1
    key_lines: dict[YamlKey, int]


class YamlList(list[object]):
    """A list from the file, with the line of each item (1-based)."""

    line: int = 1
    item_lines: list[int]


class _DuplicateKey(yaml.MarkedYAMLError):
    """A key written twice in one mapping; ``line`` (1-based) is the second one."""

    def __init__(self, message: str, mark: yaml.Mark):
        super().__init__(None, None, message, mark)
        self.message = message
        self.line = mark.line + 1


# libyaml's C scanner where PyYAML has it: about ten times faster at start-up; the
# constructors below (line numbers, duplicate keys) run the same on either. The type checker
# sees the pure-Python SafeLoader: both have the SafeConstructor methods used here.
if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> YamlMapping:
    loader.flatten_mapping(node)
    result = YamlMapping()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word", key_node.start_mark
            )
        if key in result:
            first = result.key_lines[key]
            raise _DuplicateKey(
                f"'{key}' is written twice in the same place (first on line {first}); keep only one",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> YamlList:
    result = YamlList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def decode(data: bytes, source: str) -> str:
    """Bytes from disk to text; only UTF-8 (with or without a byte-order mark) is accepted."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(
            [
                Problem(
                    source,
                    line,
                    f"this file is not saved as UTF-8 text (unexpected byte 0x{data[exc.start]:02x}). "
                    "Open it in a text editor and save it with the UTF-8 encoding",
                )
            ]
        ) from None


def parse(text: str, source: str) -> object:
    """Parse YAML text; raises ContentError naming the line for any mistake."""
    try:
        value: object = yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader
    except _DuplicateKey as exc:
        raise ContentError([Problem(source, exc.line, exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or exc.context or "unreadable text"
        raise ContentError(
            [
                Problem(
                    source,
                    line,
                    f"this line can't be read as YAML ({reason}). Check the indentation, "
                    "the colon after each name, and that every quote is closed",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(source, None, f"this file can't be read as YAML ({exc})")]) from None
    if value is None:
        raise ContentError([Problem(source, 1, "the file is empty; it needs its fields filled in")])
    return value
