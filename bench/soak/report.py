"""The soak's report: what happened, what went wrong (with the first few words about each), and
memory; written as JSON, and as lines for a person."""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from bench.results import plain
from bench.soak.counts import Action, Happening
from kiosk.visit.screens import ScreenKind

KEEP_TRACEBACKS = 5  # of each kind of trouble, the first few are kept in words


@dataclass
class SoakReport:
    """Filled in as the soak goes: it is checkpointed, and a dead soak's last checkpoint is its report."""

    actions: int = 0  # actions actually done
    requested: int = 0
    seed: int = 1
    seconds: float = 0.0
    crashes: int = 0
    crash_details: list[str] = field(default_factory=list)
    unhandled: int = 0
    unhandled_tracebacks: list[str] = field(default_factory=list)
    qt_critical: int = 0
    qt_critical_messages: list[str] = field(default_factory=list)
    qt_warnings: int = 0
    qt_warning_messages: list[str] = field(default_factory=list)
    logged_exceptions: int = 0  # errors the kiosk caught and logged with a traceback
    logged_exception_tracebacks: list[str] = field(default_factory=list)
    logged_errors: int = 0  # every ERROR/CRITICAL log record (bad content is logged like this)
    actions_by_type: dict[Action, int] = field(default_factory=dict)
    actions_by_screen: dict[ScreenKind, int] = field(default_factory=dict)
    ms_by_type: dict[Action, float] = field(default_factory=dict)  # mean time an action took, events included
    events: dict[Happening, int] = field(default_factory=dict)
    reload_mismatches: list[str] = field(default_factory=list)  # good content refused / bad accepted
    content_restored: bool = False
    rss_samples_mb: list[float] = field(default_factory=list)  # after the warm-up, every sample_every
    rss_start_mb: float = 0.0  # before the first action
    rss_baseline_mb: float = 0.0  # median of the first samples after the warm-up
    rss_end_mb: float = 0.0  # median of the last samples
    rss_peak_mb: float = 0.0
    growth_mb: float = 0.0
    max_growth_mb: float = 10.0
    warmup: int = 0
    # Python's own count of references to True, after the warm-up and at the end. It should
    # stay level; a steady fall means a C extension drops references, and the interpreter
    # aborts ("Fatal Python error: bool_dealloc") when they run out.
    refs_to_true_baseline: int = 0
    refs_to_true_end: int = 0
    process: str = "in-process"  # or how the supervised soak process ended
    finished: bool = False  # False when the process died part-way (the report is its last checkpoint)

    # --- what went wrong: each counted, the first few kept in words ------------------------------

    def crash(self, text: str) -> None:
        self.crashes += 1
        _keep(self.crash_details, text)

    def unhandled_exception(self, text: str) -> None:
        self.unhandled += 1
        _keep(self.unhandled_tracebacks, text)

    def qt_critical_message(self, text: str) -> None:
        self.qt_critical += 1
        _keep(self.qt_critical_messages, text)

    def qt_warning(self, text: str) -> None:
        self.qt_warnings += 1
        _keep(self.qt_warning_messages, text)

    def logged_exception(self, text: str) -> None:
        self.logged_exceptions += 1
        _keep(self.logged_exception_tracebacks, text)

    # --- verdicts ------------------------------------------------------------------------------

    @property
    def refs_to_true_drift(self) -> int:
        return self.refs_to_true_end - self.refs_to_true_baseline if self.refs_to_true_baseline else 0

    @property
    def passed(self) -> bool:
        return self.crashes == 0 and self.unhandled == 0 and self.growth_mb <= self.max_growth_mb

    def summarise_memory(self) -> None:
        """Growth = median of the last 5 samples after the warm-up minus median of the first 5."""
        samples = self.rss_samples_mb
        if samples:
            self.rss_baseline_mb = round(statistics.median(samples[:5]), 2)
            self.rss_end_mb = round(statistics.median(samples[-5:]), 2)
            self.growth_mb = round(self.rss_end_mb - self.rss_baseline_mb, 2)

    # --- JSON ----------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        data = plain(self)
        assert isinstance(data, dict)
        return {**data, "passed": self.passed, "refs_to_true_drift": self.refs_to_true_drift}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SoakReport:
        """The report ``to_dict()`` wrote (its verdicts, worked out again, are not read)."""
        keys = {
            "actions_by_type": Action, "ms_by_type": Action, "actions_by_screen": ScreenKind, "events": Happening,
        }
        read = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        for name, kind in keys.items():
            if name in read:
                read[name] = {kind(k): v for k, v in read[name].items()}
        return cls(**read)

    # --- for a person ----------------------------------------------------------------------------

    def format(self) -> str:
        rate = self.actions / self.seconds if self.seconds else 0.0
        lines = [
            f"soak: {self.actions} of {self.requested} actions in {self.seconds:.1f} s "
            f"({rate:.0f} actions/s), seed {self.seed}",
            f"  screens:    {_counts(self.actions_by_screen)}",
            f"  actions:    {_counts(self.actions_by_type)}",
            f"  mean ms:    {_counts({k: round(v) for k, v in self.ms_by_type.items()})}",
            f"  happenings: {_counts(self.events)}",
            f"  crashes: {self.crashes}",
        ]
        for detail in self.crash_details[:3]:
            lines += ["    " + line for line in detail.rstrip().splitlines()[:40]]
        lines.append(f"  unhandled exceptions: {self.unhandled}")
        if self.unhandled_tracebacks:
            lines.append("    first traceback:")
            lines += ["      " + line for line in self.unhandled_tracebacks[0].rstrip().splitlines()]
        lines.append(f"  Qt critical messages: {self.qt_critical} (warnings: {self.qt_warnings})")
        lines += [f"    {m}" for m in self.qt_critical_messages[:3]]
        lines += [f"    warning: {m}" for m in self.qt_warning_messages[:3]]
        lines.append(f"  errors the kiosk caught and logged: {self.logged_errors} "
                     f"({self.logged_exceptions} with a traceback)")
        if self.logged_exception_tracebacks:
            lines += ["      " + line for line in self.logged_exception_tracebacks[0].rstrip().splitlines()]
        if self.reload_mismatches:
            lines.append(f"  content reloads judged wrongly: {len(self.reload_mismatches)}")
            lines += [f"    {m}" for m in self.reload_mismatches[:3]]
        lines.append("  content folder restored: " + ("yes" if self.content_restored else "NO" if self.finished
                                                     else "not checked (the soak did not finish)"))
        lines.append(
            f"  memory (RSS): start {self.rss_start_mb:.1f} MB, baseline {self.rss_baseline_mb:.1f} MB "
            f"(after {self.warmup} warm-up actions), end {self.rss_end_mb:.1f} MB, peak {self.rss_peak_mb:.1f} MB, "
            f"growth {self.growth_mb:+.1f} MB (limit {self.max_growth_mb:g} MB, {len(self.rss_samples_mb)} samples)")
        lines.append(f"  Python references to True: baseline {self.refs_to_true_baseline}, end {self.refs_to_true_end} "
                     f"(drift {self.refs_to_true_drift:+d})")
        if self.refs_to_true_drift < -200:
            lines.append("    falling: something drops references to True; Python aborts when they run out")
        lines.append(f"  process: {self.process}")
        lines.append(f"RESULT: {'PASS' if self.passed else 'FAIL'}")
        return "\n".join(lines)


def _keep(details: list[str], text: str) -> None:
    if len(details) < KEEP_TRACEBACKS:
        details.append(text)


def _counts(counted: Mapping[Action, float] | Mapping[ScreenKind, float] | Mapping[Happening, float]) -> str:
    """Most first, then by name: ``home 120, region 80``."""
    words = {key.value: value for key, value in counted.items()}
    return ", ".join(f"{k} {v:g}" for k, v in sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))) or "-"
