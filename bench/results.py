"""Every result the bench gives, as frozen dataclasses, and their JSON (``bench/results.json``).

The JSON keeps the shape the bench has always written: each dataclass is an object with its
fields' names, an interaction's name (``Interaction``'s words) keys its summary, and a summary
is either ``{count, median, p99, max, first}`` in milliseconds or ``{"not_present": why}``.
``BenchReport.from_json(report.to_json())`` gives the same report back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from bench.stats import median, percentile
from bench.targets import Interaction, Targets

T = TypeVar("T")


# --- one interaction ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Timed:
    """One interaction's times, in milliseconds."""

    count: int
    median: float
    p99: float  # nearest rank: 99% of the times are at or below it
    max: float
    first: float


@dataclass(frozen=True)
class Absent:
    """Why an interaction could not be measured: what it needs is not on screen."""

    not_present: str


InteractionSummary = Timed | Absent


def summarise(times: Sequence[float], missing: str | None = None) -> InteractionSummary:
    """The summary of one interaction's times (in the order they were taken)."""
    if missing is not None or not times:
        return Absent(missing or "never measured")
    return Timed(count=len(times), median=median(times), p99=percentile(times, 99), max=max(times),
                 first=times[0])


# --- the kiosk ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StartSummary:
    """Cold starts of one program: process start to first paint."""

    runs: int
    median_s: float
    cpu_median_s: float
    all_s: tuple[float, ...]
    peak_mb: float  # the largest process's peak, median over the runs


@dataclass(frozen=True)
class Floors:
    """What any Python, and any PySide6 app, pays before its own first line (median seconds)."""

    python_s: float
    empty_qt_window_s: float


@dataclass(frozen=True)
class EveryScreen:
    """Every screen shown once, in every language and mode."""

    screens: int
    seconds: float
    rss_mb: float  # after them, collected
    peak_mb: float  # the process's peak so far


@dataclass(frozen=True)
class Navigations:
    """Memory over many navigations by tap, after a warm-up."""

    count: int
    warmup: int
    rss_before_mb: float
    rss_after_mb: float
    growth_mb: float
    peak_mb: float


@dataclass(frozen=True)
class InteractiveResult:
    """What the child process measured on one real window."""

    window_built_s: float
    interactions: Mapping[Interaction, InteractionSummary]
    reps: int
    idle_cpu_percent: float  # while home waits with nobody there
    every_screen: EveryScreen
    navigations: Navigations

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> InteractiveResult:
        return cls(window_built_s=data["window_built_s"],
                   interactions={Interaction(name): _summary(value) for name, value in data["interactions"].items()},
                   reps=data["reps"], idle_cpu_percent=data["idle_cpu_percent"],
                   every_screen=_flat(EveryScreen, data["every_screen"]),
                   navigations=_flat(Navigations, data["navigations"]))


@dataclass(frozen=True)
class ContentTimes:
    """Plain Python, no Qt: loading and checking the content, and rendering every page."""

    load_median_ms: float
    render_median_ms: float
    pages: int
    languages: int


@dataclass(frozen=True)
class KioskResult:
    start: StartSummary
    floors: Floors
    interactive: InteractiveResult
    content: ContentTimes


# --- beside it ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChromiumResult:
    """The peer: headless Chromium opening the same page, to a written screenshot."""

    version: str
    runs: int
    median_s: float
    all_s: tuple[float, ...]
    largest_process_mb: float
    all_processes_mb: float
    processes: int


@dataclass(frozen=True)
class BundleResult:
    """The packaged build (dist/kiosk): its size and its cold start."""

    path: str
    size_mb: float
    files: int
    start: StartSummary


@dataclass(frozen=True)
class TabletEstimate:
    """Instructions turned into a tablet's time, at an assumed rate."""

    instructions_per_s: float
    this_machine_instructions_per_s: float | None
    start_s: float
    tap_ms: float
    assumption: str


@dataclass(frozen=True)
class InstructionCounts:
    """Instructions executed (callgrind): a cold start, the floors, and one tap."""

    start: int
    python: int
    empty_qt_window: int
    tap: int
    taps_counted: int
    tablet: TabletEstimate | None = field(default=None, metadata={"omit_if_none": True})


@dataclass(frozen=True)
class InstructionsSkipped:
    skipped: str  # why nothing was counted, in words


Instructions = InstructionCounts | InstructionsSkipped


@dataclass(frozen=True)
class Machine:
    cpu: str
    cores: int | None
    memory_gb: float | None
    os: str
    python: str
    pyside6: str
    date: str  # YYYY-MM-DD


@dataclass(frozen=True)
class BenchReport:
    """One run of the bench: ``bench/results.json``."""

    machine: Machine
    targets: Targets
    kiosk: KioskResult
    chromium: ChromiumResult | None
    bundle: BundleResult | None
    instructions: Instructions
    table: str = ""  # the printed table, kept with the figures it was made from

    def to_json(self) -> dict[str, Any]:
        data = plain(self)
        assert isinstance(data, dict)  # a dataclass is always an object
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BenchReport:
        kiosk = data["kiosk"]
        counted = data["instructions"]
        tablet = counted.get("tablet")
        instructions: Instructions = (
            InstructionsSkipped(counted["skipped"]) if "skipped" in counted else
            InstructionCounts(**{**counted, "tablet": _flat(TabletEstimate, tablet) if tablet else None}))
        return cls(
            machine=_flat(Machine, data["machine"]), targets=_flat(Targets, data["targets"]),
            kiosk=KioskResult(start=_flat(StartSummary, kiosk["start"]), floors=_flat(Floors, kiosk["floors"]),
                              interactive=InteractiveResult.from_json(kiosk["interactive"]),
                              content=_flat(ContentTimes, kiosk["content"])),
            chromium=_flat(ChromiumResult, data["chromium"]) if data.get("chromium") else None,
            bundle=_bundle(data["bundle"]) if data.get("bundle") else None,
            instructions=instructions, table=data.get("table", ""))

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> BenchReport:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


# --- JSON ---------------------------------------------------------------------------------------


def plain(value: object) -> object:
    """``value`` as JSON's types: dataclasses as objects, enums as their words, tuples as lists."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)
                if not (f.metadata.get("omit_if_none") and getattr(value, f.name) is None)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _flat(cls: Callable[..., T], data: Mapping[str, Any]) -> T:
    """A dataclass of plain fields from its JSON object (lists become tuples)."""
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def _summary(data: Mapping[str, Any]) -> InteractionSummary:
    return Absent(data["not_present"]) if "not_present" in data else _flat(Timed, data)


def _bundle(data: Mapping[str, Any]) -> BundleResult:
    return BundleResult(path=data["path"], size_mb=data["size_mb"], files=data["files"],
                        start=_flat(StartSummary, data["start"]))
