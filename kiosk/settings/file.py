"""The settings file on disk: read a field at a time, a last good copy beside it, written whole.

A missing file means the defaults. A mistake costs only its own field, with a problem naming
file, line and field and what the kiosk uses meanwhile; a file that can't be read at all, or
that lost lines the last good copy has, keeps the last good settings. Settings never stop the
kiosk, and a mistake never loses the staff PIN. A file with mistakes is kept beside the new one
before the kiosk writes over it. No Qt here.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import yaml

from kiosk.model.problems import ContentError, Problem, display_path
from kiosk.reading import schema
from kiosk.reading.yamltext import YamlMapping
from kiosk.settings.fieldwise import build_each_field
from kiosk.settings.values import Settings, StaffPin
from kiosk.system.atomicfile import write_atomically, write_bytes_atomically
from kiosk.system.programname import program_name

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedSettings:
    """What ``read_settings`` found: the settings to use and the problems for staff. ``unreadable``:
    the file as a whole couldn't be read, so ``settings`` are the last good ones (``from_last_good``)
    or, without a last good copy, the defaults."""

    settings: Settings
    problems: tuple[Problem, ...] = ()
    unreadable: bool = False
    from_last_good: bool = False


def last_good_path(path: Path) -> Path:
    """A copy of the settings as they last loaded or saved without a problem."""
    return path.with_name(f"{path.name}.last-good")


def load_settings(path: Path) -> tuple[Settings, tuple[Problem, ...]]:
    """The settings in ``path`` and the problems found (see ``read_settings``)."""
    loaded = read_settings(path)
    return loaded.settings, loaded.problems


def read_settings(path: Path) -> LoadedSettings:
    """The settings in ``path``: a missing file is the defaults. A bad field keeps every good one
    (the staff PIN above all) and takes the last good value, or the default; a file that can't
    be read at all gives the last good settings. Each problem is logged and named for staff."""
    source = display_path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except OSError as exc:
        return _unreadable(path, Problem(source, None, f"can't be opened ({exc.strerror or exc})"))
    try:
        mapping = _mapping(data, source)
    except ContentError as exc:
        if _blank(data) and not last_good_path(path).exists():
            return LoadedSettings(Settings())  # an empty file, never saved: the defaults, as it says
        return _unreadable(path, *exc.problems)

    settings, problems = build_each_field(mapping, Settings(), source)
    last_good, written = _last_good(path) or (None, set())
    # A line the last good copy had, gone from the file (cut short, deleted by mistake): kept.
    problems += [(name, Problem(source, None, f"'{name}' is missing"))
                 for name in sorted(written - set(map(str, mapping)))
                 if last_good is not None and getattr(last_good, name) != getattr(Settings(), name)]
    if ("staff_pin" in mapping and settings.staff_pin is None and last_good is not None and last_good.staff_pin
            and "staff_pin" not in (name for name, _ in problems)):
        # Emptied (or its lines damaged below it): a PIN is changed in the staff menu or with
        # kiosk --set-pin, never lost to an edit.
        problems.append(("staff_pin", Problem(source, mapping.key_lines["staff_pin"], "'staff_pin' is empty")))
    if not problems:
        _keep_as_last_good(path, data)
        return LoadedSettings(settings)
    kept = {name: getattr(last_good or Settings(), name) for name, _ in problems if name is not None}
    settings = replace(settings, **kept)
    said = tuple(_what_happens(problem, name, kept, last_good is not None) for name, problem in problems)
    for problem in said:
        log.warning("settings: %s", problem)
    return LoadedSettings(settings, said)


def _mapping(data: bytes, source: str) -> YamlMapping:
    from kiosk.reading import yamltext

    value = yamltext.parse(yamltext.decode(data, source), source)
    if not isinstance(value, YamlMapping):
        raise ContentError([Problem(source, 1, f"the file must be a set of 'name: value' lines, "
                                               f"got {schema.describe(value)}")])
    return value


def _blank(data: bytes) -> bool:
    return all(not line.strip() or line.lstrip().startswith(b"#") for line in data.splitlines())


def _clean(data: bytes, source: str) -> bool:
    try:
        return not build_each_field(_mapping(data, source), Settings(), source)[1]
    except ContentError:
        return False


def _last_good(path: Path) -> tuple[Settings, set[str]] | None:
    """The last good copy, field by field, and the names written in it (None if there is none,
    or it can't be read at all)."""
    copy = last_good_path(path)
    try:
        mapping = _mapping(copy.read_bytes(), display_path(copy))
    except (OSError, ContentError):
        return None
    return build_each_field(mapping, Settings(), display_path(copy))[0], set(map(str, mapping))


def _unreadable(path: Path, *problems: Problem) -> LoadedSettings:
    last_good = (_last_good(path) or (None, set()))[0]
    if last_good is not None:
        then = f"until it is fixed the kiosk uses the last good settings, kept in {last_good_path(path).name}"
    else:
        then = ("there is no earlier good copy, so the kiosk uses the default settings "
                "(no staff PIN) until it is fixed")
    said = tuple(replace(problem, message=f"{problem.message}; {then}") for problem in problems)
    for problem in said:
        log.warning("settings: %s", problem)
    return LoadedSettings(last_good or Settings(), said, unreadable=True, from_last_good=last_good is not None)


def _what_happens(problem: Problem, name: str | None, kept: dict[str, object], from_last_good: bool) -> Problem:
    """The problem, with what the kiosk does meanwhile, in staff words."""
    if name is None:  # a name the file doesn't use: left out
        return replace(problem, message=f"{problem.message}; the kiosk leaves this line out")
    value = kept[name]
    if isinstance(value, StaffPin):
        shown = "the staff PIN from the last good settings"
    elif value is None:
        shown = "no staff PIN" if name == "staff_pin" else "nothing"
    else:
        shown = (("yes" if value else "no") if isinstance(value, bool)
                 else schema.number(value) if isinstance(value, (int, float)) else str(value))
        shown += " (the last good setting)" if from_last_good else " (the default)"
    return replace(problem, message=f"{problem.message}; until this is fixed the kiosk uses {shown} "
                                    "and every other setting in the file")


def _keep_as_last_good(path: Path, data: bytes) -> None:
    copy = last_good_path(path)
    try:
        if copy.read_bytes() == data:
            return
    except OSError:
        pass
    try:
        write_bytes_atomically(copy, data)  # the same bytes: a text copy would double Windows' line ends
    except OSError as exc:
        log.warning("settings: can't keep a good copy of %s (%s)", path, exc)


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically (a power cut mid-write never leaves a half file), and keep the same text
    as the last good copy. A file with mistakes that is written over is kept beside it first."""
    data = asdict(settings)
    idle = data["idle_seconds"]  # a float, written as a whole number when it is one
    data["idle_seconds"] = int(idle) if float(idle).is_integer() else idle
    text = ("# Settings for the dry needling kiosk. Staff change these from the staff menu;\n"
            f"# The content check ({program_name()} --check-content) does not read this file. Delete it to go "
            "back to the defaults.\n"
            + yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    _keep_a_broken_file(path)
    write_atomically(path, text)
    try:
        write_atomically(last_good_path(path), text)
    except OSError as exc:
        log.warning("settings: can't keep a good copy of %s (%s)", path, exc)


def _keep_a_broken_file(path: Path) -> None:
    """A file with mistakes, about to be written over, is copied to ``<name>.broken-<time>``: what
    staff typed is never lost, even when the kiosk couldn't use it."""
    import time

    try:
        data = path.read_bytes()
    except OSError:
        return
    if _clean(data, display_path(path)) or (_blank(data) and not last_good_path(path).exists()):
        return
    aside = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    write_bytes_atomically(aside, data)  # as typed, even bytes that aren't UTF-8
    log.warning("settings: %s had mistakes; it is kept as %s and replaced by the settings in use", path, aside.name)
