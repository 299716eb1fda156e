"""The clinic's content: typed, immutable objects made from its YAML files.

Parsing is a pure function from text to objects (``parse_region`` and friends);
``load_content`` is the only part that reads files. No Qt here.

Each dataclass below *is* the schema of its YAML file: its fields are the keys
the file must have, their types say what each value must be, and field metadata
adds ranges. Adding a key to the content means adding a field here.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path

from kiosk import yamltext
from kiosk.problems import ContentError, Problem, display_path
from kiosk.yamltext import YamlList, YamlMapping

HOURS = {"min": 0, "max": 72, "unit": "hours"}


@dataclass(frozen=True)
class Evidence:
    can: tuple[str, ...]
    cannot: tuple[str, ...]


@dataclass(frozen=True)
class SessionFeel:
    position: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class SorenessCurve:
    """How soreness after needling usually fades, in hours after the session."""

    summary: tuple[str, ...]
    peak_hours: float = field(metadata=HOURS)
    mostly_gone_hours: float = field(metadata=HOURS)
    gone_hours: float = field(metadata=HOURS)
    tips: tuple[str, ...]

    def check(self) -> list[tuple[str, str]]:
        if not self.peak_hours <= self.mostly_gone_hours <= self.gone_hours:
            return [
                (
                    "peak_hours",
                    "the hours must be in order: peak_hours, then mostly_gone_hours, then gone_hours "
                    f"(got {_number(self.peak_hours)}, {_number(self.mostly_gone_hours)}, "
                    f"{_number(self.gone_hours)})",
                )
            ]
        return []


@dataclass(frozen=True)
class Region:
    """One part of the leg a runner can tap, and what the kiosk says about it."""

    id: str = field(metadata={"yaml": False})
    name: str
    muscles: str
    helps_with: tuple[str, ...]
    does_here: tuple[str, ...]
    evidence: Evidence
    feels_like: SessionFeel
    soreness: SorenessCurve


@dataclass(frozen=True)
class Colours:
    primary: str = field(metadata={"kind": "colour"})
    background: str = field(metadata={"kind": "colour"})
    text: str = field(metadata={"kind": "colour"})
    highlight: str = field(metadata={"kind": "colour"})


@dataclass(frozen=True)
class Clinic:
    name: str
    phone: str
    colours: Colours


@dataclass(frozen=True)
class UiText:
    """Every word the screens show that isn't about one region."""

    title: str
    home_prompt: str
    front_label: str
    back_label: str
    choose_heading: str
    back_button: str
    section_does: str
    section_feels: str
    section_soreness: str
    helps_with_heading: str
    can_heading: str
    cannot_heading: str
    position_heading: str
    soreness_timeline: str
    soreness_peak: str
    soreness_mostly_gone: str
    soreness_gone: str
    right_after: str
    hours_after: str
    days_after: str
    soreness_caption: str
    tips_heading: str
    unavailable: str


@dataclass(frozen=True)
class Content:
    """Everything the kiosk shows, loaded from one content folder."""

    folder: Path
    clinic: Clinic
    ui: UiText
    regions: dict[str, Region]  # only the regions whose file is usable
    region_ids: tuple[str, ...]  # every region on the body map, in button order
    problems: tuple[Problem, ...]

    def region_problems(self, region_id: str) -> tuple[Problem, ...]:
        path = display_path(region_path(self.folder, region_id))
        return tuple(p for p in self.problems if p.path == path)


# --- parsing: text to objects -------------------------------------------------------

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def parse_region(text: str, source: str, region_id: str) -> Region:
    return _parse(Region, text, source, id=region_id)


def parse_clinic(text: str, source: str) -> Clinic:
    return _parse(Clinic, text, source)


def parse_ui(text: str, source: str) -> UiText:
    return _parse(UiText, text, source)


def _parse(cls, text: str, source: str, **extra):
    value = yamltext.parse(text, source)
    problems: list[Problem] = []
    result = _build(cls, value, 1, "", source, problems, extra)
    if problems:
        raise ContentError(problems)
    return result


def _build(cls, value, line, name, source, problems, extra=None):
    """Check ``value`` against dataclass ``cls``; collect every problem, not just the first."""
    yaml_fields = [f for f in fields(cls) if f.metadata.get("yaml", True)]
    expected = [f.name for f in yaml_fields]
    if not isinstance(value, YamlMapping):
        problems.append(
            Problem(source, line, f"{_label(name) or 'the file'} must be a set of 'name: value' lines "
                    f"({', '.join(expected)}), got {_describe(value)}")
        )
        return None
    hints = typing.get_type_hints(cls)
    for key in value:
        if key not in expected:
            problems.append(
                Problem(source, value.key_lines[key],
                        f"'{_join(name, key)}' is not a name this file uses; check the spelling "
                        f"(expected one of: {', '.join(expected)})")
            )
    built = dict(extra or {})
    complete = True
    for f in yaml_fields:
        dotted = _join(name, f.name)
        if f.name not in value:
            problems.append(Problem(source, value.line, f"'{dotted}' is missing"))
            complete = False
            continue
        item = _build_value(hints[f.name], f.metadata, value[f.name], value.key_lines[f.name],
                            dotted, source, problems)
        if item is None:
            complete = False
        built[f.name] = item
    if not complete:
        return None
    result = cls(**built)
    for key, message in getattr(result, "check", lambda: [])():
        problems.append(Problem(source, value.key_lines.get(key, value.line), message))
    return result


def _build_value(hint, meta, value, line, name, source, problems):
    if is_dataclass(hint):
        return _build(hint, value, line, name, source, problems)
    if hint is str:
        return _text(value, line, name, source, problems, meta)
    if hint is float:
        return _hours(value, line, name, source, problems, meta)
    if typing.get_origin(hint) is tuple:
        if not isinstance(value, YamlList) or not value:
            problems.append(Problem(source, line, f"'{name}' must be a list with at least one '- ' line, "
                                    f"got {_describe(value)}"))
            return None
        items = [_text(v, ln, f"{name}[{i + 1}]", source, problems, meta)
                 for i, (v, ln) in enumerate(zip(value, value.item_lines))]
        return None if None in items else tuple(items)
    raise TypeError(f"no rule for {hint!r}")  # a programming error, caught by the tests


def _text(value, line, name, source, problems, meta):
    if not isinstance(value, str):
        hint = " (put it in quotes)" if isinstance(value, (bool, int, float)) else ""
        problems.append(Problem(source, line, f"'{name}' must be text, got {_describe(value)}{hint}"))
        return None
    text = " ".join(value.split())
    if not text:
        problems.append(Problem(source, line, f"'{name}' is empty; write some text or remove the line"))
        return None
    if meta.get("kind") == "colour" and not _COLOUR.match(text):
        problems.append(Problem(source, line, f"'{name}' must be a colour written like #1f5f8b, "
                                f"got {_describe(value)}"))
        return None
    return text


def _hours(value, line, name, source, problems, meta):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.append(Problem(source, line, f"'{name}' must be a number, got {_describe(value)}"))
        return None
    low, high = meta["min"], meta["max"]
    if not low <= value <= high:
        problems.append(Problem(source, line, f"'{name}' must be between {low} and {high} "
                                f"{meta['unit']}, got {_number(value)}"))
        return None
    return float(value)


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, list):
        return "a list"
    return "a set of 'name: value' lines"


def _number(value: float) -> str:
    return f"{value:g}"


def _join(parent: str, key) -> str:
    return f"{parent}.{key}" if parent else str(key)


def _label(name: str) -> str:
    return f"'{name}'" if name else ""


# --- loading: files to objects ------------------------------------------------------


def region_path(folder: Path, region_id: str) -> Path:
    return folder / "regions" / f"{region_id}.yaml"


def read_file(path: Path, parse, **kwargs):
    """Read one file and parse it; every failure becomes a ContentError naming the file."""
    source = display_path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContentError([Problem(source, None, "this file is missing")]) from None
    except OSError as exc:
        raise ContentError([Problem(source, None, f"this file can't be opened ({exc.strerror})")]) from None
    return parse(yamltext.decode(data, source), source, **kwargs)


def load_content(folder: Path, region_ids: tuple[str, ...], fallback: Path | None = None) -> Content:
    """Load a content folder. A broken region is left out and reported; the rest still load.

    ``fallback`` is the bundled default folder: if the clinic's ui.yaml or clinic.yaml is
    broken the kiosk uses the shipped ones, so it always starts.
    """
    problems: list[Problem] = []

    def shared_file(name, parse):
        try:
            return read_file(folder / name, parse)
        except ContentError as exc:
            problems.extend(exc.problems)
            if fallback is None or fallback.resolve() == folder.resolve():
                raise ContentError(problems) from None
            return read_file(fallback / name, parse)

    clinic = shared_file("clinic.yaml", parse_clinic)
    ui = shared_file("ui.yaml", parse_ui)

    regions = {}
    for region_id in region_ids:
        try:
            regions[region_id] = read_file(region_path(folder, region_id), parse_region, region_id=region_id)
        except ContentError as exc:
            problems.extend(exc.problems)

    regions_dir = folder / "regions"
    if regions_dir.is_dir():
        for path in sorted(regions_dir.glob("*.yaml")):
            if path.stem not in region_ids:
                problems.append(
                    Problem(display_path(path), None,
                            f"there is no '{path.stem}' on the body map, so this file is not shown "
                            f"(the regions are: {', '.join(region_ids)})", warning=True)
                )
    return Content(folder, clinic, ui, regions, tuple(region_ids), tuple(problems))
