"""YAML text to plain Python values that remember their line numbers.

Staff edit these files by hand, so the loader is stricter than PyYAML's default:
a key written twice is an error (PyYAML silently keeps the last one), and every
mapping and list remembers where its keys and items were written.
"""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING

import yaml

from kiosk.model.problems import ContentError, Problem
from kiosk.reading.limits import MAX_NUMBER_CHARS, check_yaml_cost

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


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # English whatever the machine's locale: --check-content's words
_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class _ImpossibleDate(yaml.MarkedYAMLError):
    """A date YAML recognises by its shape but the calendar doesn't have, like 2026-13-01 or
    2026-02-30 (PyYAML raises a bare ValueError there, with no file or line). ``field`` is the
    dotted name it was written under, filled in on the way out through the mappings and lists."""

    def __init__(self, written: str, mark: yaml.Mark):
        super().__init__(None, None, _not_on_the_calendar(written), mark)
        self.written = written
        self.field = ""
        self.line = mark.line + 1

    def inside(self, key: object) -> _ImpossibleDate:
        """The same mistake, named from one level further out (``key`` a mapping's key or a list index)."""
        step = f"[{key}]" if isinstance(key, int) and not isinstance(key, bool) else str(key)
        self.field = step + ("" if not self.field else self.field if self.field.startswith("[") else f".{self.field}")
        return self

    @property
    def message(self) -> str:
        named = f"'{self.field}': " if self.field else ""
        return named + _not_on_the_calendar(self.written)


def _not_on_the_calendar(written: str) -> str:
    """Why ``written`` is not a real date, and how to write it, in staff words."""
    found = _DAY.match(written)
    if found is None:
        return f"{written} is not a real date; write it as year-month-day, like 2026-11-30"
    year, month, day = (int(part) for part in found.groups())
    if not 1 <= month <= 12:
        if 1 <= day <= 12 and 1 <= month <= calendar.monthrange(year, day)[1]:  # day and month swapped
            return (f"{written} is not a real date (there is no month {month}). Dates are written "
                    f"year-month-day: {month} {MONTHS[day - 1]} {year} is {year}-{day:02d}-{month:02d}")
        return (f"{written} is not a real date (there is no month {month}); "
                f"write it as year-month-day, like {year}-11-30")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return (f"{written} is not a real date ({MONTHS[month - 1]} {year} has {days} days); "
                f"write it as year-month-day, like {year}-{month:02d}-{days:02d}")
    return f"{written} is not a real time of day; write the date alone, like {found.group(0)}"


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
        try:
            result[key] = loader.construct_object(value_node, deep=True)
        except _ImpossibleDate as exc:
            raise exc.inside(key) from None
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> YamlList:
    result = YamlList()
    for index, child in enumerate(node.value):
        try:
            result.append(loader.construct_object(child, deep=True))
        except _ImpossibleDate as exc:
            raise exc.inside(index) from None
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


class _TooLong(yaml.MarkedYAMLError):
    """A number written with far more digits than any content needs."""

    def __init__(self, mark: yaml.Mark):
        self.message = (f"this number has more than {MAX_NUMBER_CHARS} digits; a number that long is "
                        "a slip (put text in quotes)")
        super().__init__(None, None, self.message, mark)
        self.line = mark.line + 1


def _construct_number(loader: _Loader, node: yaml.ScalarNode) -> object:
    if len(str(node.value)) > MAX_NUMBER_CHARS:
        raise _TooLong(node.start_mark)
    if node.tag.endswith(":int"):
        return loader.construct_yaml_int(node)
    return loader.construct_yaml_float(node)


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:  # the shape of a date, not a day on the calendar: 2026-13-01, 2026-02-30
        raise _ImpossibleDate(str(node.value), node.start_mark) from None


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_number)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_number)



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
    loader = _Loader(text)  # a SafeLoader
    try:
        node = loader.get_single_node()
        if node is not None:
            check_yaml_cost(node, source)
        value: object = loader.construct_document(node) if node is not None else None
    except (_DuplicateKey, _ImpossibleDate, _TooLong) as exc:
        raise ContentError([Problem(source, exc.line, exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or exc.context or "unreadable text"
        said = _in_staff_words(text, exc, line)
        if said is not None:
            line, message = said
        else:
            message = (f"this line can't be read as YAML ({reason}). Check the indentation, "
                       "the colon after each name, and that every quote is closed")
        raise ContentError([Problem(source, line, message)]) from None
    except yaml.reader.ReaderError as exc:  # a character no YAML file may have, such as a control character
        line = text[: exc.position].count("\n") + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise ContentError([Problem(source, line, (
            f"this line has a hidden character a text file should not have (U+{code:04X}); delete it, "
            "or copy the words into a new file and save that"))]) from None
    except yaml.YAMLError as exc:
        one_line = " ".join(str(exc).split())  # as every problem is
        raise ContentError([Problem(source, None, f"this file can't be read as YAML ({one_line})")]) from None
    except (RecursionError, ValueError, OverflowError) as exc:  # what PyYAML lets through, said as a problem
        raise ContentError([Problem(source, None, f"this file can't be read as YAML ({exc})")]) from None
    finally:
        loader.dispose()
    if value is None:
        raise ContentError([Problem(source, 1, "the file is empty; it needs its fields filled in")])
    return value


# --- the commonest hand-editing mistakes, said in staff words -------------------


def _in_staff_words(text: str, exc: yaml.MarkedYAMLError, line: int | None) -> tuple[int, str] | None:
    """(line, message) for a mistake staff make often, or None to give YAML's own words.

    YAML reports where it gave up, which is often lines after the mistake: an unclosed quote
    runs on to the next quote in the file. So each rule looks for the mistake itself.
    """
    lines = text.splitlines()
    upto = line or len(lines)
    problem = exc.problem or ""
    opened = _unclosed_quote(lines[:upto])
    if opened is not None:
        number, quote = opened
        return number, (f"the quote ({quote}) opened on this line is never closed; "
                        f"add the closing {quote} at the end of the text")
    tab = next((n for n, text_line in enumerate(lines[:upto], 1)
                if "\t" in text_line[: len(text_line) - len(text_line.lstrip(" \t"))]), None)
    if tab is not None and ("tab" in problem or "cannot start any token" in problem or "indent" in problem):
        return tab, "a tab character: use spaces to indent"
    mark = exc.problem_mark
    if (mark is not None and "mapping values are not allowed" in problem and mark.line < len(lines)
            and ":" in lines[mark.line][: mark.column]):  # a second colon on the line: it is in the text
        return mark.line + 1, ("this text has a colon (:) in it, so it reads as a new name; "
                      'put this text in quotes, like "Note: ..."')
    if line is not None and "could not find expected ':'" in problem and exc.context_mark is not None:
        key_line = exc.context_mark.line + 1
        before = [t.strip() for t in lines[: key_line - 1] if t.strip() and not t.strip().startswith("#")]
        if before and before[-1].startswith("- "):
            return key_line, "this line is in a list but has no dash; start it with '- ' like the items above"
        return key_line, "this line has no colon after its name; write it as 'name: value'"
    return None


def _unclosed_quote(lines: list[str]) -> tuple[int, str] | None:
    """The first line whose value opens a quote it doesn't close, with that quote."""
    for number, text_line in enumerate(lines, 1):
        value = text_line.strip()
        if value.startswith("#"):
            continue
        if value.startswith("- "):
            value = value[2:].lstrip()
        if ":" in value and not value.startswith(("'", '"')):
            value = value.split(":", 1)[1].lstrip()
        if not value or value[0] not in "'\"":
            continue
        quote, rest = value[0], value[1:]
        if quote == "'":
            closed = "'" in rest.replace("''", "")
        else:
            closed = '"' in rest.replace("\\\\", "").replace('\\"', "")
        if not closed:
            return number, quote
    return None
