"""Soak test: drive the real kiosk window offscreen through thousands of random actions.

Taps on the body map and on buttons (real mouse events at real coordinates), swipes and
scrolls on the reading screens, idle countdowns and resets, language and calm-mode
changes, the staff PIN pad, and live edits to a private copy of the content folder, good
and broken, picked up both by direct reloads and by the real folder watcher. It counts
crashes, unhandled exceptions and Qt critical messages, and watches the resident memory.

    python bench/soak.py --actions 10000 [--seed N] [--max-growth-mb 10] [--json FILE]

Exit code 0 only if there were no crashes, no unhandled exceptions, and memory grew by no
more than ``--max-growth-mb`` after the warm-up. The kiosk is driven in a child process, so
that a hard crash (an abort, a segfault) still ends in a report, with the crash in it;
``--in-process`` drives it in this process instead. ``run_soak()`` is the soak itself, for
use in-process (the CI test in ``tests/test_soak.py`` calls it).
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

KEEP_TRACEBACKS = 5
# Every COVER_EVERY actions, while some action that fits the screen has been done fewer than
# COVER_MIN times, that action is chosen: short runs see every kind, long ones keep their mix.
COVER_EVERY = 20
COVER_MIN = 4


# --- the report -----------------------------------------------------------------------------


@dataclass
class SoakReport:
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
    actions_by_type: dict[str, int] = field(default_factory=dict)
    actions_by_screen: dict[str, int] = field(default_factory=dict)
    ms_by_type: dict[str, float] = field(default_factory=dict)  # mean time an action took, events included
    events: dict[str, int] = field(default_factory=dict)
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

    @classmethod
    def from_dict(cls, data: dict) -> SoakReport:
        names = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in names})

    @property
    def refs_to_true_drift(self) -> int:
        return self.refs_to_true_end - self.refs_to_true_baseline if self.refs_to_true_baseline else 0

    @property
    def passed(self) -> bool:
        return self.crashes == 0 and self.unhandled == 0 and self.growth_mb <= self.max_growth_mb

    def to_dict(self) -> dict:
        data = asdict(self)
        data["passed"] = self.passed
        data["refs_to_true_drift"] = self.refs_to_true_drift
        return data

    def format(self) -> str:
        def counts(d: dict[str, int]) -> str:
            return ", ".join(f"{k} {v}" for k, v in sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))) or "-"

        rate = self.actions / self.seconds if self.seconds else 0.0
        lines = [
            f"soak: {self.actions} of {self.requested} actions in {self.seconds:.1f} s "
            f"({rate:.0f} actions/s), seed {self.seed}",
            f"  screens:    {counts(self.actions_by_screen)}",
            f"  actions:    {counts(self.actions_by_type)}",
            "  mean ms:    " + (", ".join(f"{k} {v:.0f}" for k, v in sorted(self.ms_by_type.items(),
                                                                   key=lambda kv: -kv[1])) or "-"),
            f"  happenings: {counts(self.events)}",
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


# --- memory ---------------------------------------------------------------------------------


def rss_bytes() -> int:
    """Resident set size now (the working set on Windows), on every system the kiosk runs on."""
    import psutil  # /proc and `resource` exist on Linux only; the soak must run on Windows too

    return int(psutil.Process().memory_info().rss)


def _mb(n: int | float) -> float:
    return round(n / (1024 * 1024), 2)


def _summarise_memory(report: SoakReport, now_mb: float | None = None) -> None:
    """Growth = median of the last 5 samples after the warm-up minus median of the first 5."""
    samples = report.rss_samples_mb
    if samples:
        report.rss_baseline_mb = round(statistics.median(samples[:5]), 2)
        report.rss_end_mb = round(statistics.median(samples[-5:]), 2)
        report.growth_mb = round(report.rss_end_mb - report.rss_baseline_mb, 2)
    elif now_mb is not None:
        report.rss_end_mb = now_mb


# --- live content edits ---------------------------------------------------------------------


class ContentEditor:
    """Edits (and restores) files in the private content copy; knows what reload should say."""

    def __init__(self, folder: Path, rng: random.Random):
        self.folder = folder
        self.rng = rng
        self.pristine = {p.relative_to(folder).as_posix(): p.read_bytes()
                         for p in sorted(folder.rglob("*")) if p.is_file()}
        regions = sorted(k for k in self.pristine if re.fullmatch(r"(lang/[^/]+/)?regions/[^/]+\.yaml", k))
        walkthroughs = sorted(k for k in self.pristine if re.fullmatch(r"(lang/[^/]+/)?walkthrough\.yaml", k))
        self.regions, self.walkthroughs = regions, walkthroughs
        self.outstanding: dict[str, str] = {}  # path -> "good" | "bad"
        self._n = 0

    def text(self, rel: str) -> str:
        return self.pristine[rel].decode("utf-8")

    @property
    def should_load(self) -> bool:
        return "bad" not in self.outstanding.values()

    def edit(self, good: bool) -> str | None:
        """Apply one random good or bad edit to the pristine text of a file; the edit's name."""
        self._n += 1
        choices = ([("region-name", self.regions), ("walkthrough-words", self.walkthroughs)] if good else
                   [("yaml-syntax", self.regions + self.walkthroughs), ("level-word", self.regions)])
        for _ in range(10):
            kind, files = self.rng.choice(choices)
            if not files:
                continue
            rel = self.rng.choice(files)
            new = getattr(self, "_" + kind.replace("-", "_"))(self.text(rel))
            if new is not None and new != self.text(rel):
                self._write(rel, new.encode("utf-8"))
                self.outstanding[rel] = "good" if good else "bad"
                return kind
        return None

    def restore(self, rel: str | None = None) -> str | None:
        if not self.outstanding:
            return None
        rel = rel or self.rng.choice(sorted(self.outstanding))
        self._write(rel, self.pristine[rel])
        del self.outstanding[rel]
        return rel

    def restore_all(self) -> None:
        for rel in sorted(self.outstanding):
            self.restore(rel)

    def is_restored(self) -> bool:
        now = {p.relative_to(self.folder).as_posix(): p.read_bytes()
               for p in sorted(self.folder.rglob("*")) if p.is_file()}
        return now == self.pristine

    def _write(self, rel: str, data: bytes) -> None:
        path = self.folder / rel
        if self.rng.random() < 0.5:
            path.write_bytes(data)  # in place, like a simple editor
        else:  # write a new file and rename it over the old one, like most editors do
            tmp = path.with_name(f".{path.name}.soak-tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)

    # the edits: each takes the pristine text and returns the edited text (None if not possible)

    def _region_name(self, text: str) -> str | None:
        return re.sub(r"^name: (.+)$", lambda m: f"name: {m.group(1)} soak {self._n}", text, count=1,
                      flags=re.MULTILINE)

    def _walkthrough_words(self, text: str) -> str | None:
        lines = text.split("\n")
        # Lines inside a folded passage: deeply indented words ending a sentence.
        candidates = [i for i, line in enumerate(lines)
                      if re.match(r"^ {8,}[^\s\-#]", line) and ": " not in line and line.rstrip().endswith(".")]
        if not candidates:
            return None
        i = self.rng.choice(candidates)
        extra = self.rng.choice(["Take your time.", "Ask if anything is unclear.", "Breathe slowly."])
        lines[i] = f"{lines[i].rstrip()} {extra}"
        return "\n".join(lines)

    def _yaml_syntax(self, text: str) -> str | None:
        lines = text.split("\n")
        keys = [i for i, line in enumerate(lines) if re.match(r"^[a-z_]+: \S", line)]
        if keys and self.rng.random() < 0.6:
            i = self.rng.choice(keys)
            key, value = lines[i].split(": ", 1)
            lines[i] = f"{key}: [{value}"  # an unclosed flow sequence
        else:
            i = self.rng.randrange(len(lines) // 3, max(len(lines) // 3 + 1, len(lines) - 1))
            lines.insert(i, "  stray: : {broken")  # bad indentation and an unclosed mapping
        return "\n".join(lines)

    def _level_word(self, text: str) -> str | None:
        spots = list(re.finditer(r"level: \d+(\.\d+)?", text))
        if not spots:
            return None
        spot = self.rng.choice(spots)
        word = self.rng.choice(["soon", "high", "lots", "none"])
        return text[:spot.start()] + f"level: {word}" + text[spot.end():]


# --- the driver -----------------------------------------------------------------------------


class _LogCounter(logging.Handler):
    def __init__(self, report: SoakReport):
        super().__init__(logging.ERROR)
        self.report = report

    def emit(self, record: logging.LogRecord) -> None:
        self.report.logged_errors += 1
        if record.exc_info and record.exc_info[0] is not None:
            self.report.logged_exceptions += 1
            if len(self.report.logged_exception_tracebacks) < KEEP_TRACEBACKS:
                self.report.logged_exception_tracebacks.append(
                    f"{record.getMessage()}\n" + "".join(traceback.format_exception(*record.exc_info)))


def _screen_kind(name: str) -> str:
    return name.split("-", 1)[0]


def run_soak(actions: int, seed: int = 1, idle_seconds: float = 2.0, countdown_seconds: float = 2,
             *, warmup: int = 300, sample_every: int = 50, max_growth_mb: float = 10.0,
             work_dir: Path | None = None, progress=None, checkpoint=None) -> SoakReport:
    """Drive the real kiosk window through ``actions`` random actions; return what happened.

    ``work_dir`` gets the private content copy (a temporary folder by default).
    ``progress(line)`` is told how it goes every 1000 actions; ``checkpoint(report)`` gets the
    report so far at every memory sample (the supervisor keeps it in case the process dies). Reuses a
    running QApplication (pytest-qt's) if there is one, and puts back everything it
    changes in the process: the excepthook, the Qt message handler, logging and the font.
    """
    from kiosk.ui.typeface import load_typeface, prepare_qt_environment

    prepare_qt_environment(offscreen=True)
    from PySide6.QtWidgets import QApplication

    from kiosk.resources import default_content_dir
    from kiosk.ui.theme import app_font

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "soak"])
    load_typeface()
    old_font = app.font()
    app.setFont(app_font())
    cleanup = None
    if work_dir is None:
        cleanup = tempfile.TemporaryDirectory(prefix="kiosk-soak-")
        work_dir = Path(cleanup.name)
    content = Path(shutil.copytree(default_content_dir(), Path(work_dir) / "content"))
    try:
        return _Soak(app, content, actions, seed, idle_seconds, countdown_seconds, warmup, sample_every,
                     max_growth_mb, progress, checkpoint).run()
    finally:
        app.setFont(old_font)
        if cleanup is not None:
            cleanup.cleanup()


class _Soak:
    def __init__(self, app, content: Path, actions: int, seed: int, idle_seconds, countdown_seconds,
                 warmup, sample_every, max_growth_mb, progress, checkpoint=None):
        self.app = app
        self.content = content
        self.requested = actions
        self.rng = random.Random(seed)
        self.settings_args = dict(idle_seconds=idle_seconds, countdown_seconds=countdown_seconds)
        self.warmup = max(0, min(warmup, actions // 2))
        self.sample_every = max(1, sample_every)
        self.progress = progress
        self.checkpoint = checkpoint
        self.report = SoakReport(requested=actions, seed=seed, max_growth_mb=max_growth_mb, warmup=self.warmup)
        self.events: Counter[str] = Counter()
        self.by_type: Counter[str] = Counter()
        self.by_screen: Counter[str] = Counter()
        self.time_by_type: Counter[str] = Counter()
        self.editor = ContentEditor(content, self.rng)
        self.window = None
        self.watcher = None
        self.all_samples: list[int] = []
        self._touch_device = None
        self._doing = "start-up"  # the action under way, for the report

    # --- set-up and tear-down ---------------------------------------------------------------

    def run(self) -> SoakReport:
        from PySide6.QtCore import qInstallMessageHandler

        from kiosk.settings import Settings
        from kiosk.ui.app import build_window
        from kiosk.ui.watcher import ContentWatcher

        report = self.report
        old_hook = sys.excepthook
        log_counter = _LogCounter(report)
        root = logging.getLogger()
        root.addHandler(log_counter)
        self._previous_handler = qInstallMessageHandler(self._qt_message)
        start = time.perf_counter()
        try:
            window = build_window(self.content, Settings(**self.settings_args))
            self.window = window
            self.watcher = ContentWatcher(self.content, window)  # wired as kiosk.ui.app.run() does
            self.watcher.changed.connect(window.reload_content)
            self.watcher.changed.connect(lambda: self.events.update(["watcher reloads"]))
            window.screenChanged.connect(self._screen_changed)
            window.contentSwapped.connect(lambda: self.events.update(["content swapped in"]))
            window.contentRejected.connect(lambda _: self.events.update(["content refused"]))
            sys.excepthook = self._excepthook
            from kiosk.ui.app import TABLET_SIZE

            window.resize(*TABLET_SIZE)
            window.show()
            self._settle()
            report.rss_start_mb = _mb(rss_bytes())
            self.all_samples.append(rss_bytes())
            self._loop()
            self._finish()
        finally:
            report.seconds = round(time.perf_counter() - start, 2)
            sys.excepthook = old_hook
            self.editor.restore_all()  # whatever happened, the content folder goes back as it was
            self._teardown()
            qInstallMessageHandler(self._previous_handler)
            root.removeHandler(log_counter)
        self._fill_counts()
        return report

    def _fill_counts(self) -> None:
        self.report.actions_by_type = dict(self.by_type)
        self.report.actions_by_screen = dict(self.by_screen)
        self.report.ms_by_type = {k: round(1000 * t / self.by_type[k], 1) for k, t in self.time_by_type.items()
                                  if self.by_type[k]}
        self.report.events = dict(self.events)

    def _teardown(self) -> None:
        import shiboken6
        from PySide6.QtCore import QEvent

        window = self.window
        if window is not None and shiboken6.isValid(window):
            window.locked = False
            window.close()
            window.deleteLater()
        self.app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.app.processEvents()
        self.window = self.watcher = None

    def _loop(self) -> None:
        report = self.report
        for i in range(1, self.requested + 1):
            name = self._current_name()
            if name is None:
                break  # the window is gone: already counted as a crash
            self.by_screen[_screen_kind(name)] += 1
            action = "choosing an action"
            began = time.perf_counter()
            try:
                action = self._choose(cover=i % COVER_EVERY == 0)
                self._doing = f"action {i}, {action} on {name}"
                self.by_type[action] += 1
                getattr(self, "_do_" + action)()
                self.app.processEvents()
                self.time_by_type[action] += time.perf_counter() - began
            except Exception as exc:  # noqa: BLE001 - an action raised out of the driver: a crash
                self._crash(f"action {i} ({action}) on {name} raised {type(exc).__name__}: {exc}",
                            traceback.format_exc())
                if not self._alive():
                    break
                self._recover()
            report.actions = i
            problem = self._check()
            if problem:
                self._crash(f"after action {i} ({action}) on {name}: {problem}")
                if not self._alive():
                    break
                self._recover()
            if i % self.sample_every == 0:
                self._settle()
                self._sample(after_warmup=i > self.warmup)
                if self.checkpoint:
                    self._fill_counts()
                    self.checkpoint(report)
            if self.progress and i % 1000 == 0:
                self.progress(f"soak: {i}/{self.requested} actions, rss {_mb(rss_bytes()):.1f} MB, "
                              f"crashes {report.crashes}, unhandled {report.unhandled}")

    def _finish(self) -> None:
        """Put every file back, let the kiosk take the original content, and check the folder."""
        report = self.report
        self._doing = "the final restore and reload"
        self.editor.restore_all()
        self._wait_for_watcher(timeout=3.0)
        if self._alive():
            try:
                self._close_overlays_by_touch()
                accepted = self.window.reload_content()
                if not accepted:
                    report.reload_mismatches.append("the restored original content was refused")
                self.window.show_home()
                self._settle()
            except Exception as exc:  # noqa: BLE001
                self._crash(f"final reload raised {type(exc).__name__}: {exc}", traceback.format_exc())
        report.content_restored = self.editor.is_restored()
        report.rss_peak_mb = _mb(max(self.all_samples + [rss_bytes()]))
        _summarise_memory(report, now_mb=_mb(rss_bytes()))
        report.finished = True
        if report.refs_to_true_baseline:
            gc.collect()
            report.refs_to_true_end = sys.getrefcount(True)

    # --- watching for trouble -----------------------------------------------------------------

    def _excepthook(self, kind, value, tb) -> None:
        report = self.report
        report.unhandled += 1
        if len(report.unhandled_tracebacks) < KEEP_TRACEBACKS:
            report.unhandled_tracebacks.append(f"during {self._doing}:\n"
                                               + "".join(traceback.format_exception(kind, value, tb)))
        try:  # what the real app's hook does: back to a known-good home screen
            if self.window is not None:
                self.window.recover()
        except Exception as exc:  # noqa: BLE001
            self._crash(f"window.recover() raised {type(exc).__name__}: {exc}", traceback.format_exc())

    def _qt_message(self, mode, context, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        from kiosk.ui.app import HARMLESS_QT_MESSAGES

        if not message.startswith(HARMLESS_QT_MESSAGES):
            report = self.report
            where = f"{message}  [during {self._doing}]"
            if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
                report.qt_critical += 1
                if len(report.qt_critical_messages) < KEEP_TRACEBACKS:
                    report.qt_critical_messages.append(where)
            elif mode == QtMsgType.QtWarningMsg:
                report.qt_warnings += 1
                if len(report.qt_warning_messages) < KEEP_TRACEBACKS:
                    report.qt_warning_messages.append(where)
        if self._previous_handler is not None:  # pytest-qt's, under the tests
            self._previous_handler(mode, context, message)

    def _crash(self, what: str, tb: str = "") -> None:
        self.report.crashes += 1
        if len(self.report.crash_details) < KEEP_TRACEBACKS:
            self.report.crash_details.append(what + ("\n" + tb if tb else ""))

    def _alive(self) -> bool:
        import shiboken6

        window = self.window
        return window is not None and shiboken6.isValid(window) and window.isVisible()

    def _current_name(self) -> str | None:
        if not self._alive():
            self._crash("the window is gone (deleted or closed)")
            return None
        try:
            name = self.window.current_screen().name
        except Exception as exc:  # noqa: BLE001
            self._crash(f"current_screen() raised {type(exc).__name__}: {exc}", traceback.format_exc())
            return None
        if not isinstance(name, str) or not name:
            self._crash(f"current_screen() answered {name!r}")
            return None
        return name

    def _check(self) -> str | None:
        """Why the window no longer answers, or None."""
        import shiboken6

        if not self._alive():
            return "the window is gone (deleted or closed)"
        try:
            name = self.window.current_screen().name
        except Exception as exc:  # noqa: BLE001
            return f"current_screen() raised {type(exc).__name__}: {exc}"
        if not isinstance(name, str) or not name:
            return f"current_screen() answered {name!r}"
        screen = self.window.shown_screen
        if screen is None or not shiboken6.isValid(screen):
            return f"the screen object for {name!r} has been deleted"
        return None

    def _recover(self) -> None:
        try:
            self.window.recover()
            self.app.processEvents()
        except Exception as exc:  # noqa: BLE001
            self._crash(f"window.recover() raised {type(exc).__name__}: {exc}", traceback.format_exc())

    def _screen_changed(self, name: str) -> None:
        previous = getattr(self, "_last_screen", "home")
        self._last_screen = name
        kind = _screen_kind(name)
        if kind == "region" and name != previous:
            self.events["regions opened"] += 1
        elif kind == "walkthrough" and _screen_kind(previous) != "walkthrough":
            self.events["walkthroughs opened"] += 1
        elif kind == "attract":
            self.events["attract screens"] += 1

    def _settle(self) -> None:
        from PySide6.QtCore import QEvent

        self.app.processEvents()
        self.app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.app.processEvents()

    def _sample(self, after_warmup: bool) -> None:
        gc.collect()
        rss = rss_bytes()
        self.all_samples.append(rss)
        self.report.rss_peak_mb = max(self.report.rss_peak_mb, _mb(rss))
        if after_warmup:
            self.report.rss_samples_mb.append(_mb(rss))
            self.report.refs_to_true_end = sys.getrefcount(True)
            if not self.report.refs_to_true_baseline:
                self.report.refs_to_true_baseline = self.report.refs_to_true_end

    # --- choosing an action ------------------------------------------------------------------

    def _overlay_open(self) -> bool:
        return self.window.countdown is not None or self.window.staff_overlay is not None

    def _choose(self, cover: bool = False) -> str:
        w = self.window
        name = w.current_screen().name
        home = name == "home" and not self._overlay_open()
        view = getattr(w.shown_screen, "view", None) is not None
        walkthrough = _screen_kind(name) == "walkthrough"
        table = [
            ("body_map_tap", 14, home),
            ("button_tap", 22, True),
            ("tap_anywhere", 6, True),
            ("touch_tap", 7, True),
            ("swipe", 10, walkthrough and not self._overlay_open()),
            ("touch_swipe", 6, view and not self._overlay_open()),
            ("scroll", 10, self._scroll_target() is not None and not self._overlay_open()),
            ("idle_reset", 3, True),
            ("language", 3, True),
            ("calm", 2, True),
            ("go_home", 3, True),
            # a reload renders every page of every language (~0.1 s): keep these rarer
            ("edit_content", 1.0, True),
            ("restore_content", 0.8, bool(self.editor.outstanding)),
            ("reload_content", 0.3, True),
            ("staff_pin_pad", 1, True),
        ]
        names = [n for n, _, ok in table if ok]
        weights = [wt for _, wt, ok in table if ok]
        fewest = min(self.by_type[n] for n in names)
        if cover and fewest < COVER_MIN:
            return self.rng.choice([n for n in names if self.by_type[n] == fewest])
        return self.rng.choices(names, weights)[0]

    # --- real input ----------------------------------------------------------------------------

    # Every press, move and release goes in through the window, at window coordinates, as the
    # platform would send it: Qt itself decides which widget is under the finger (an overlay on
    # top, a region button's mask), and the kiosk's application-wide filters see it.

    def _at(self, widget, pos):
        from PySide6.QtCore import QPoint

        return QPoint(widget.mapTo(self.window, QPoint(pos)))

    def _on_screen(self, point):
        """A drag's point kept on the screen: a finger can't go past its edge."""
        from PySide6.QtCore import QPoint

        return QPoint(min(max(point.x(), 0), self.window.width() - 1),
                      min(max(point.y(), 0), self.window.height() - 1))

    def _click(self, widget, pos=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        pos = pos if pos is not None else widget.rect().center()
        at = self._at(widget, pos)
        if not self.window.rect().contains(at):  # off the screen: no finger can get there
            self.events["taps off the screen, not made"] += 1
            return
        QTest.mouseClick(self.window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)

    def _drag(self, widget, start, end, steps: int = 3) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        handle = self.window.windowHandle()
        start, end = self._on_screen(self._at(widget, start)), self._on_screen(self._at(widget, end))
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mousePress(handle, left, none, start)
        for k in range(1, steps + 1):
            QTest.mouseMove(handle, QPoint(start.x() + (end.x() - start.x()) * k // steps,
                                           start.y() + (end.y() - start.y()) * k // steps))
        QTest.mouseRelease(handle, left, none, end)

    def _touch(self, widget, points) -> None:
        """One finger down at the first point, through the others, up at the last: a real touch
        sequence into the window (Qt makes mouse events from it where a widget wants no touch)."""
        from PySide6.QtTest import QTest

        if self._touch_device is None:
            self._touch_device = QTest.createTouchDevice()
        handle = self.window.windowHandle()
        points = [self._on_screen(self._at(widget, p)) for p in points]
        for k, point in enumerate(points):
            sequence = QTest.touchEvent(handle, self._touch_device, False)
            if k == 0:
                sequence.press(0, point, handle)
            elif k == len(points) - 1:
                sequence.release(0, point, handle)
            else:
                sequence.move(0, point, handle)
            sequence.commit()

    def _tap_widget(self, widget) -> bool:
        """Tap a widget as a patient would, scrolling it into view first if it sits in a
        scroll area; False if it can't be reached (hidden, or something on top of it)."""
        from PySide6.QtWidgets import QScrollArea

        if not (widget.isVisible() and widget.isEnabled()):
            return False
        if not self._hittable(widget):
            parent = widget.parentWidget()
            while parent is not None and not isinstance(parent, QScrollArea):
                parent = parent.parentWidget()
            if parent is None:
                return False
            parent.ensureWidgetVisible(widget)
            self.app.processEvents()
            self.events["scrolled a control into view"] += 1
            if not self._hittable(widget):
                return False
        self._click(widget, self._tap_point(widget))
        return True

    def _scroll_target(self):
        """What a finger would scroll on this screen: the page, or a scroll area with more in it."""
        from PySide6.QtWidgets import QAbstractScrollArea

        screen = self.window.shown_screen
        view = getattr(screen, "view", None)
        if view is not None:
            return view
        for area in screen.findChildren(QAbstractScrollArea) if screen is not None else ():
            if area.isVisible() and area.verticalScrollBar().maximum() > 0:
                return area
        return None

    def _hittable(self, widget) -> bool:
        """A touch at the widget's centre would reach it (no overlay or other widget on top)."""
        window = self.window
        centre = widget.mapTo(window, self._tap_point(widget))
        hit = window.childAt(centre)
        return hit is not None and (hit is widget or widget.isAncestorOf(hit))

    def _tap_point(self, widget):
        """Where a finger presses a button: its centre, or for a check box its box and words."""
        from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

        if isinstance(widget, QCheckBox):
            option = QStyleOptionButton()
            widget.initStyleOption(option)
            return widget.style().subElementRect(QStyle.SubElement.SE_CheckBoxClickRect, option, widget).center()
        return widget.rect().center()

    def _buttons(self) -> list:
        from PySide6.QtWidgets import QAbstractButton

        excluded = set()
        overlay = self.window.staff_overlay
        if overlay is not None and hasattr(overlay, "exit_button"):
            excluded.add(overlay.exit_button)  # staff exit ends the kiosk on purpose
        return [b for b in self.window.findChildren(QAbstractButton)
                if b.isVisible() and b.isEnabled() and b not in excluded and self._hittable(b)]

    # --- the actions ----------------------------------------------------------------------------

    def _do_body_map_tap(self) -> None:
        from PySide6.QtCore import QPoint

        body_map = self.window.home.body_map
        rng = self.rng
        point = self._body_map_point()
        before = self.window.current_screen()
        if rng.random() < 0.15:  # press, then slide the finger somewhere else before letting go
            end = QPoint(rng.randrange(max(1, body_map.width())), rng.randrange(max(1, body_map.height())))
            self._drag(body_map, point, end)
            self.events["body map slides"] += 1
        else:
            self._click(body_map, point)
        if self.window.current_screen() != before:
            self.events["body map taps that opened a region"] += 1

    def _body_map_point(self):
        """Half the time a point inside a region's drawn outline, otherwise anywhere on the map."""
        from PySide6.QtCore import QPoint, QPointF

        body_map = self.window.home.body_map
        rng = self.rng
        point = None
        if rng.random() < 0.5:
            region_id = rng.choice(sorted(body_map.names()))
            shape = rng.choice(body_map.region_shapes(region_id))
            box = shape.boundingRect()
            for _ in range(40):
                candidate = QPointF(rng.uniform(box.left(), box.right()), rng.uniform(box.top(), box.bottom()))
                if shape.contains(candidate):
                    point = candidate.toPoint()
                    break
        if point is None:
            point = QPoint(rng.randrange(max(1, body_map.width())), rng.randrange(max(1, body_map.height())))
        return point

    def _do_button_tap(self) -> None:
        buttons = self._buttons()
        if not buttons:
            self.events["button taps with nothing to tap"] += 1
            return
        button = self.rng.choice(buttons)
        self._click(button, self._tap_point(button))

    def _do_tap_anywhere(self) -> None:
        from PySide6.QtCore import QPoint

        window = self.window
        self._click(window, QPoint(self.rng.randrange(window.width()), self.rng.randrange(window.height())))

    def _do_touch_tap(self) -> None:
        from PySide6.QtCore import QPoint

        window = self.window
        buttons = self._buttons() if self.rng.random() < 0.6 else []
        if buttons:
            button = self.rng.choice(buttons)
            widget, point = button, self._tap_point(button)
        elif window.current_screen().name == "home" and not self._overlay_open() and self.rng.random() < 0.5:
            widget, point = window.home.body_map, self._body_map_point()
        else:
            widget, point = window, QPoint(self.rng.randrange(window.width()), self.rng.randrange(window.height()))
        before = window.current_screen()
        self._touch(widget, [point, point])
        self.events["touch taps"] += 1
        if window.current_screen() != before:
            self.events["touch taps that changed the screen"] += 1

    def _do_touch_swipe(self) -> None:
        from PySide6.QtCore import QPoint

        screen = self.window.shown_screen
        viewport = screen.view.viewport()
        rect = viewport.rect()
        rng = self.rng
        centre = rect.center()
        wobble = rng.randrange(-15, 16)  # no finger moves in a perfectly straight line
        if hasattr(screen, "index") and rng.random() < 0.7:  # sideways, to turn a step
            dx = rng.choice((-1, 1)) * rng.choice((150, 250, 350))
            start = QPoint(centre.x() - dx // 2, centre.y())
            end = QPoint(centre.x() + dx // 2, centre.y() + wobble)
        else:  # up or down, to scroll
            dy = rng.choice((-1, 1)) * rect.height() // 2
            start = QPoint(centre.x(), centre.y() - dy // 2)
            end = QPoint(centre.x() + wobble, centre.y() + dy // 2)
        path = [QPoint(start.x() + (end.x() - start.x()) * k // 4, start.y() + (end.y() - start.y()) * k // 4)
                for k in range(5)]
        before = getattr(screen, "index", None)
        self._touch(viewport, path)
        self.events["touch swipes"] += 1
        if before is not None and getattr(screen, "index", None) != before:
            self.events["touch swipes that turned a page"] += 1

    def _do_swipe(self) -> None:
        from PySide6.QtCore import QPoint

        screen = self.window.shown_screen
        viewport = screen.view.viewport()
        rect = viewport.rect()
        rng = self.rng
        # Mostly towards a page that exists (a finger swipes left for the next step).
        towards_next = screen.index < screen.total - 1 and (screen.index == 0 or rng.random() < 0.6)
        direction = -1 if towards_next else 1
        if rng.random() < 0.2:
            direction = -direction
        length = rng.choice((60, 150, 200, 300)) if rect.width() > 320 else rect.width() // 2
        y = rng.randrange(rect.height() // 4, max(rect.height() // 4 + 1, rect.height() * 3 // 4))
        x0 = rect.center().x() - direction * length // 2
        start = QPoint(x0, y)
        end = QPoint(x0 + direction * length, y + rng.randrange(-20, 21))
        before = screen.index
        self._drag(viewport, start, end)
        if screen.index != before:
            self.events["swipes that turned a page"] += 1

    def _do_scroll(self) -> None:
        from PySide6.QtCore import QPoint, QPointF, Qt
        from PySide6.QtGui import QWheelEvent

        viewport = self._scroll_target().viewport()
        rect = viewport.rect()
        rng = self.rng
        if rng.random() < 0.5:  # a mostly vertical drag on the page
            x = rng.randrange(rect.width() // 4, max(rect.width() // 4 + 1, rect.width() * 3 // 4))
            top, bottom = rect.height() // 5, rect.height() * 4 // 5
            start, end = QPoint(x, bottom), QPoint(x + rng.randrange(-30, 31), top)
            if rng.random() < 0.5:
                start, end = end, start
            self._drag(viewport, start, end)
        else:  # the mouse wheel / two-finger scroll
            centre = QPointF(rect.center())
            angle = QPoint(0, rng.choice((-360, -120, 120, 360)))
            event = QWheelEvent(centre, QPointF(viewport.mapToGlobal(rect.center())), QPoint(), angle,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                Qt.ScrollPhase.NoScrollPhase, False)
            self.app.sendEvent(viewport, event)
        self.events["scrolls"] += 1

    def _do_idle_reset(self) -> None:
        window = self.window
        rng = self.rng
        window.start_countdown()
        self.app.processEvents()
        countdown = window.countdown
        if countdown is None:  # e.g. on the attract screen: nothing to count down
            if rng.random() < 0.3:
                window.reset_for_next_patient()
                self.events["resets for the next patient"] += 1
            return
        self.events["idle countdowns"] += 1
        roll = rng.random()
        if roll < 0.45:
            self._click(countdown.keep_button)
            self.events["idle: keep reading"] += 1
        elif roll < 0.85:
            countdown.expired.emit()
            self.events["idle: expired"] += 1
        else:
            window.reset_for_next_patient()
            self.events["resets for the next patient"] += 1

    def _do_language(self) -> None:
        window = self.window
        codes = sorted(window.book.content.languages)
        others = [c for c in codes if c != window.visit.language]
        code = self.rng.choice(others if others and self.rng.random() < 0.8 else codes)
        before = window.visit.language
        at_home = window.current_screen().name == "home" and not self._overlay_open()
        button = window.home.language_buttons.get(code) if at_home else None
        if button is None or not self._tap_widget(button):
            window.set_language(code)
        if window.visit.language != before:
            self.events["language switches"] += 1

    def _do_calm(self) -> None:
        window = self.window
        before = window.visit.calm
        at_home = window.current_screen().name == "home" and not self._overlay_open()
        if not (at_home and self._tap_widget(window.home.calm_toggle)):
            window.set_calm(not before)
        if window.visit.calm != before:
            self.events["calm mode toggles"] += 1

    def _do_go_home(self) -> None:
        self.window.show_home()

    def _do_edit_content(self) -> None:
        good = self.rng.random() < 0.5
        if not self.events["good content edits"] or not self.events["bad content edits"]:
            good = not self.events["good content edits"]  # one of each early on
        kind = self.editor.edit(good)
        if kind is None:
            return
        self.events[f"{'good' if good else 'bad'} content edits"] += 1
        self._after_content_change()

    def _do_restore_content(self) -> None:
        if self.editor.restore() is not None:
            self.events["content files restored"] += 1
            self._after_content_change()

    def _do_reload_content(self) -> None:
        self._reload_now()

    def _after_content_change(self) -> None:
        roll = self.rng.random()
        if roll < 0.35:
            self._reload_now()
        elif roll < 0.43 or not self.events["watcher reloads"]:
            # the real path: the folder watcher settles (0.8 s of quiet), then reloads
            self._wait_for_watcher(timeout=2.5)
        # else: the watcher fires later on its own, in the middle of other actions
        if self.rng.random() < 0.5:
            self.window.show_home()  # good content is swapped in at the next return home

    def _reload_now(self) -> None:
        accepted = self.window.reload_content()
        self.events["direct reloads"] += 1
        expected = self.editor.should_load
        if accepted != expected and len(self.report.reload_mismatches) < 20:
            self.report.reload_mismatches.append(
                f"reload_content() returned {accepted} with edits outstanding: {self.editor.outstanding}")

    def _wait_for_watcher(self, timeout: float) -> bool:
        """Keep the event loop turning until the folder watcher has reloaded (or ``timeout``)."""
        fired = self.events["watcher reloads"]
        deadline = time.monotonic() + timeout
        while self.events["watcher reloads"] == fired and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.02)
        return self.events["watcher reloads"] > fired

    def _do_staff_pin_pad(self) -> None:
        window = self.window
        window.open_pin_pad()
        self.app.processEvents()
        self.events["staff pin pads"] += 1
        overlay = window.staff_overlay
        if overlay is not None and hasattr(overlay, "cancel_button") and self.rng.random() < 0.8:
            overlay.cancel_button.click()  # else it stays up until a tap on Cancel or the idle reset

    def _close_overlays_by_touch(self) -> None:
        window = self.window
        if window.countdown is not None:
            self._click(window.countdown.keep_button)
        if window.staff_overlay is not None and hasattr(window.staff_overlay, "cancel_button"):
            window.staff_overlay.cancel_button.click()
        self.app.processEvents()


# --- command line ---------------------------------------------------------------------------


def _options(argv):
    parser = argparse.ArgumentParser(
        description="Drive the real kiosk offscreen through random actions; exit 0 only if nothing crashed, "
                    "nothing went unhandled and memory stayed level.")
    parser.add_argument("--actions", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-growth-mb", type=float, default=10.0)
    parser.add_argument("--idle-seconds", type=float, default=2.0, help="idle reset timer (default %(default)s)")
    parser.add_argument("--countdown-seconds", type=float, default=2, help="'still reading?' countdown")
    parser.add_argument("--warmup", type=int, default=300, help="actions before the memory baseline")
    parser.add_argument("--json", type=Path, help="also write the report here as JSON")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    parser.add_argument("--in-process", action="store_true",
                        help="drive the kiosk in this process; by default a child process does, so that a "
                             "hard crash (an abort or a segfault) is reported rather than taking the report with it")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--work-dir", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _run_here(args) -> SoakReport:
    progress = None if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    checkpoint = None
    if args.child and args.json:
        partial = args.json.with_name(args.json.name + ".partial")

        def checkpoint(report: SoakReport) -> None:
            partial.write_text(json.dumps(report.to_dict()), encoding="utf-8")

    return run_soak(args.actions, args.seed, args.idle_seconds, args.countdown_seconds,
                    warmup=args.warmup, max_growth_mb=args.max_growth_mb, work_dir=args.work_dir,
                    progress=progress, checkpoint=checkpoint)


def _describe_exit(code: int) -> str:
    if code < 0:
        import signal

        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _supervise(args) -> SoakReport:
    """Run the soak in a child process; a child that dies still gives a report, with the crash in it."""
    import collections
    import subprocess

    with tempfile.TemporaryDirectory(prefix="kiosk-soak-report-") as tmp:
        out = Path(tmp) / "report.json"
        partial = out.with_name(out.name + ".partial")
        child_args = ["--actions", str(args.actions), "--seed", str(args.seed),
                      "--max-growth-mb", str(args.max_growth_mb), "--idle-seconds", str(args.idle_seconds),
                      "--countdown-seconds", str(args.countdown_seconds), "--warmup", str(args.warmup),
                      *(["--quiet"] if args.quiet else [])]
        work = Path(tmp) / "work"  # the content copy: removed here even if the child dies
        work.mkdir()
        command = [sys.executable, "-X", "faulthandler", str(Path(__file__).resolve()), *child_args,
                   "--child", "--json", str(out), "--work-dir", str(work)]
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        started = time.perf_counter()
        tail: collections.deque[str] = collections.deque(maxlen=400)
        with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              errors="replace", env=env) as child:
            for line in child.stderr:
                if line.startswith("soak: ") and not args.quiet:
                    print(line.rstrip(), file=sys.stderr, flush=True)
                elif not line.startswith("soak: "):
                    tail.append(line.rstrip("\n"))
            code = child.wait()
        finished = out.exists()
        source = out if finished else partial if partial.exists() else None
        report = (SoakReport.from_dict(json.loads(source.read_text(encoding="utf-8"))) if source else
                  SoakReport(requested=args.actions, seed=args.seed, max_growth_mb=args.max_growth_mb))
        if not finished:
            report.seconds = round(time.perf_counter() - started, 2)
            _summarise_memory(report)
        report.process = f"soak process: {_describe_exit(code)}"
        # 0 and 1 are the child's own verdicts, given after it wrote its report; a child that
        # wrote none, or ended any other way, crashed.
        if code not in (0, 1) or not finished:
            lines = list(tail)
            first = next((i for i, line in enumerate(lines) if line.startswith(("Fatal Python error", "Traceback"))),
                         max(0, len(lines) - 40))
            what = (f"the soak process died ({_describe_exit(code)}) "
                    + ("while Python shut down, after the soak had finished" if finished else
                       f"during the soak, after {report.actions} actions were checkpointed "
                       f"(checkpoints are taken every 50 actions)"))
            report.crashes += 1
            report.crash_details.insert(0, what + "\n" + "\n".join(lines[first:first + 60]))
        return report


def main(argv: list[str] | None = None) -> int:
    args = _options(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child:
        report = _run_here(args)
        args.json.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
        return 0 if report.passed else 1
    report = _run_here(args) if args.in_process else _supervise(args)
    print(report.format())
    if args.json:
        args.json.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
