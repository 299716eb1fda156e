"""Soak test: drive the real kiosk window offscreen through thousands of random actions.

Every action is real input at real coordinates, into the window as the platform would send
it: mouse clicks and drags, one-finger touch taps, swipes and holds, the wheel and the keys.
Patients tap the body map and buttons, scroll, swipe through the walkthrough, switch the
language and calm mode, go back home, or walk away and let the real idle timer reset the
kiosk; staff hold the corner for the PIN pad and edit a private copy of the content folder,
good and broken, which the real folder watcher picks up. The soak counts crashes, unhandled
exceptions, Qt critical messages and content judged wrongly, and watches resident memory.

    python bench/soak.py --actions 10000 [--seed N] [--max-growth-mb 10] [--json FILE]

Exit code 0 only if there were no crashes, no unhandled exceptions, and memory grew by no
more than ``--max-growth-mb`` after the warm-up. The kiosk is driven in a child process, so
that a hard crash (an abort, a segfault) still ends in a report, with the crash in it;
``--in-process`` drives it in this process instead. ``Driver`` is one kiosk window and the
actions on it; ``run_soak()`` is the long seeded run. ``tests/test_soak.py`` runs the same
actions as a Hypothesis state machine, so that a failing sequence shrinks to a short one.
"""

from __future__ import annotations

import argparse
import functools
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
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QStyle,
    QStyleOptionButton,
    QTextBrowser,
    QWidget,
)

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.screenid import ATTRACT, HOME, ScreenId, ScreenKind

KEEP_TRACEBACKS = 5
# Every COVER_EVERY actions, while some action that fits the screen has been done fewer than
# COVER_MIN times, that action is chosen: short runs see every kind, long ones keep their mix.
COVER_EVERY = 20
COVER_MIN = 4
STAFF_HOLD_S = 3.0  # the kiosk's staff corner opens the PIN pad after a press held this long
CORNER_PX = 60  # well inside the staff corner's 96 px square


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
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    @property
    def refs_to_true_drift(self) -> int:
        return self.refs_to_true_end - self.refs_to_true_baseline if self.refs_to_true_baseline else 0

    @property
    def passed(self) -> bool:
        return self.crashes == 0 and self.unhandled == 0 and self.growth_mb <= self.max_growth_mb

    def to_dict(self) -> dict:
        return {**asdict(self), "passed": self.passed, "refs_to_true_drift": self.refs_to_true_drift}

    def format(self) -> str:
        def counts(d: dict[str, float], unit: str = "") -> str:
            return ", ".join(f"{k} {v:g}{unit}" for k, v in sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))) or "-"

        rate = self.actions / self.seconds if self.seconds else 0.0
        lines = [
            f"soak: {self.actions} of {self.requested} actions in {self.seconds:.1f} s "
            f"({rate:.0f} actions/s), seed {self.seed}",
            f"  screens:    {counts(self.actions_by_screen)}",
            f"  actions:    {counts(self.actions_by_type)}",
            f"  mean ms:    {counts({k: round(v) for k, v in self.ms_by_type.items()})}",
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

    def keep(self, kind: str, text: str) -> None:
        """Count one crash / unhandled / qt_critical / ...; keep the first few words about it."""
        setattr(self, kind, getattr(self, kind) + 1)
        details = {"crashes": self.crash_details, "unhandled": self.unhandled_tracebacks,
                   "qt_critical": self.qt_critical_messages, "qt_warnings": self.qt_warning_messages,
                   "logged_exceptions": self.logged_exception_tracebacks}[kind]
        if len(details) < KEEP_TRACEBACKS:
            details.append(text)


# --- memory ---------------------------------------------------------------------------------


def rss_bytes() -> int:
    """Resident set size now (the working set on Windows), on every system the kiosk runs on."""
    import psutil  # /proc and `resource` exist on Linux only; the soak must run on Windows too

    return int(psutil.Process().memory_info().rss)


def _mb(n: int | float) -> float:
    return round(n / (1024 * 1024), 2)


def _summarise_memory(report: SoakReport) -> None:
    """Growth = median of the last 5 samples after the warm-up minus median of the first 5."""
    samples = report.rss_samples_mb
    if samples:
        report.rss_baseline_mb = round(statistics.median(samples[:5]), 2)
        report.rss_end_mb = round(statistics.median(samples[-5:]), 2)
        report.growth_mb = round(report.rss_end_mb - report.rss_baseline_mb, 2)


# --- live content edits ---------------------------------------------------------------------


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class ContentEditor:
    """Edits (and restores) files in the private content copy; knows what a reload should say."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.pristine = _files(folder)
        self.regions = sorted(k for k in self.pristine if re.fullmatch(r"(lang/[^/]+/)?regions/[^/]+\.yaml", k))
        self.walkthroughs = sorted(k for k in self.pristine if re.fullmatch(r"(lang/[^/]+/)?walkthrough\.yaml", k))
        self.outstanding: dict[str, str] = {}  # path -> "good" | "bad"
        self.writes = 0  # files written so far: a check that began before the last one judges older files
        self._n = 0

    @property
    def should_load(self) -> bool:
        return "bad" not in self.outstanding.values()

    def edit(self, good: bool, rng: random.Random) -> str | None:
        """Apply one random good or bad edit to the pristine text of a file; the edit's name."""
        self._n += 1
        choices = ([("region-name", self.regions), ("walkthrough-words", self.walkthroughs)] if good else
                   [("yaml-syntax", self.regions + self.walkthroughs), ("level-word", self.regions)])
        for _ in range(10):
            kind, files = rng.choice(choices)
            if not files:
                continue
            rel = rng.choice(files)
            old = self.pristine[rel].decode("utf-8")
            new = getattr(self, "_" + kind.replace("-", "_"))(old, rng)
            if new is not None and new != old:
                self._write(rel, new.encode("utf-8"), rng)
                self.outstanding[rel] = "good" if good else "bad"
                return kind
        return None

    def restore(self, rel: str, rng: random.Random | None = None) -> None:
        self._write(rel, self.pristine[rel], rng)
        del self.outstanding[rel]

    def restore_all(self) -> None:
        for rel in sorted(self.outstanding):
            self.restore(rel)

    def is_restored(self) -> bool:
        return _files(self.folder) == self.pristine

    def _write(self, rel: str, data: bytes, rng: random.Random | None) -> None:
        self.writes += 1
        path = self.folder / rel
        if rng is None or rng.random() < 0.5:
            path.write_bytes(data)  # in place, like a simple editor
        else:  # write a new file and rename it over the old one, like most editors do
            tmp = path.with_name(f".{path.name}.soak-tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)

    # the edits: each takes the pristine text and returns the edited text (None if not possible)

    def _region_name(self, text: str, rng: random.Random) -> str | None:
        return re.sub(r"^name: (.+)$", lambda m: f"name: {m.group(1)} soak {self._n}", text, count=1,
                      flags=re.MULTILINE)

    def _walkthrough_words(self, text: str, rng: random.Random) -> str | None:
        lines = text.split("\n")
        # Lines inside a folded passage: deeply indented words ending a sentence.
        candidates = [i for i, line in enumerate(lines)
                      if re.match(r"^ {8,}[^\s\-#]", line) and ": " not in line and line.rstrip().endswith(".")]
        if not candidates:
            return None
        i = rng.choice(candidates)
        lines[i] += " " + rng.choice(["Take your time.", "Ask if anything is unclear.", "Breathe slowly."])
        return "\n".join(lines)

    def _yaml_syntax(self, text: str, rng: random.Random) -> str | None:
        lines = text.split("\n")
        keys = [i for i, line in enumerate(lines) if re.match(r"^[a-z_]+: \S", line)]
        if keys and rng.random() < 0.6:
            i = rng.choice(keys)
            key, value = lines[i].split(": ", 1)
            lines[i] = f"{key}: [{value}"  # an unclosed flow sequence
        else:
            i = rng.randrange(len(lines) // 3, max(len(lines) // 3 + 1, len(lines) - 1))
            lines.insert(i, "  stray: : {broken")  # bad indentation and an unclosed mapping
        return "\n".join(lines)

    def _level_word(self, text: str, rng: random.Random) -> str | None:
        spots = list(re.finditer(r"level: \d+(\.\d+)?", text))
        if not spots:
            return None
        spot = rng.choice(spots)
        return text[:spot.start()] + f"level: {rng.choice(['soon', 'high', 'lots', 'none'])}" + text[spot.end():]


# --- the driver -----------------------------------------------------------------------------


class _LogCounter(logging.Handler):
    def __init__(self, report: SoakReport):
        super().__init__(logging.ERROR)
        self.report = report

    def emit(self, record: logging.LogRecord) -> None:
        self.report.logged_errors += 1
        if record.exc_info and record.exc_info[0] is not None:
            self.report.keep("logged_exceptions", f"{record.getMessage()}\n"
                             + "".join(traceback.format_exception(*record.exc_info)))


@contextmanager
def kiosk_application():
    """The QApplication (pytest-qt's, if one is running) with the kiosk's typeface and font."""
    from kiosk.ui.theme import app_font
    from kiosk.ui.typeface import load_typeface, prepare_qt_environment

    prepare_qt_environment(offscreen=True)  # before the QApplication is made
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "soak"])
    load_typeface()
    old_font = app.font()
    app.setFont(app_font())
    try:
        yield app
    finally:
        app.setFont(old_font)


@functools.cache
def _touch_screen():
    """One touch screen for the whole process: Qt keeps every device registered until it exits."""
    return QTest.createTouchDevice()


class Driver:
    """One real kiosk window, driven only through real input, and a count of what happened.

    Of the window it uses build_window(), the signals screenChanged, contentSwapped and
    contentRejected, ``window.shown_screen``, ``window.home`` and ``window.recover()``; everything
    else it finds as a finger does: visible widgets under a point, by their object names and words.
    """

    # Each action, and how often it is chosen among those that fit the window. Rarer: content
    # edits (a reload renders every page of every language, ~0.1 s) and the actions that wait
    # for the kiosk's own timers (the idle reset and the staff corner's hold take seconds).
    WEIGHTS = {"body_map_tap": 18, "button_tap": 26, "tap_anywhere": 10, "swipe": 14, "scroll": 12, "key": 4,
               "language": 3, "calm": 2, "go_home": 3, "edit_content": 1.0, "restore_content": 0.8,
               "idle_reset": 0.4, "staff_pin_pad": 0.1}
    SLOW = ("idle_reset", "staff_pin_pad")  # these wait for the kiosk's own timers: seconds each

    def __init__(self, app, content: Path, settings, report: SoakReport | None = None):
        from kiosk.bodyart import load_art
        from kiosk.content import load_content

        self.app, self.content, self.settings = app, content, settings
        self.report = report or SoakReport()
        self.editor = ContentEditor(content)
        words = load_content(content, load_art().region_ids)
        self.language_names = {lang.name for lang in words.languages.values()}  # the language buttons' words
        self.cancel_words = words.staff.cancel
        self.events: Counter[str] = Counter()
        self.by_type: Counter[str] = Counter()
        self.by_screen: Counter[str] = Counter()
        self.seconds_by_type: Counter[str] = Counter()
        self.window = None
        self.screen_name = "home"  # as screenChanged last said, for messages
        self.screen: ScreenId = HOME  # the same, typed
        self.doing = "start-up"  # the action under way, for the report

    def start(self) -> Driver:
        """Hook in (excepthook, Qt messages, logging), then build and show the window."""
        from kiosk.ui.app import HARMLESS_QT_MESSAGES, TABLET_SIZE, build_window
        from kiosk.ui.watcher import ContentWatcher

        self._harmless = HARMLESS_QT_MESSAGES
        self._old_hook, sys.excepthook = sys.excepthook, self._excepthook
        self._old_handler = qInstallMessageHandler(self._qt_message)
        self._log_counter = _LogCounter(self.report)
        logging.getLogger().addHandler(self._log_counter)
        self.window = window = build_window(self.content, self.settings)
        window.screenChanged.connect(self._screen_changed)
        window.contentSwapped.connect(lambda: self.events.update(["content swapped in"]))
        window.contentRejected.connect(lambda *_: self.events.update(["content refused"]))
        self._checking: tuple[int, bool, dict[str, str]] | None = None
        window.contentReady.connect(lambda: self._content_checked(True))
        window.contentRejected.connect(lambda *_: self._content_checked(False))
        ContentWatcher(self.content, window).changed.connect(self._content_changed)  # as kiosk.ui.app.run() does
        window.resize(*TABLET_SIZE)
        window.show()
        window.activateWindow()  # keys go to the focus widget of the active window
        self.settle()
        # Touches count from the turn after home's first frame, as for a patient.
        if not self.wait(10, lambda: getattr(window, "watching_people", True)):
            raise RuntimeError("the kiosk did not start watching for touches within 10 s")
        return self

    def stop(self) -> None:
        """Put the content folder back, close the window, and unhook everything."""
        self.editor.restore_all()  # whatever happened, the content folder goes back as it was
        if self.alive():
            self.window.close()
            self.window.deleteLater()
        self.settle()
        self.window = None
        sys.excepthook = self._old_hook
        qInstallMessageHandler(self._old_handler)
        logging.getLogger().removeHandler(self._log_counter)

    def settle(self) -> None:
        self.app.processEvents()
        self.app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.app.processEvents()

    def wait(self, seconds: float, until=lambda: False, every=None):
        """Let the event loop turn (timers fire) until ``until()`` is true or ``seconds`` pass,
        calling ``every()`` every 0.2 s meanwhile; what ``until()`` said last."""
        deadline, nudge = time.monotonic() + seconds, time.monotonic() + 0.2
        while not (done := until()) and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.01)
            if every is not None and time.monotonic() >= nudge:
                every()
                nudge += 0.2
        return done

    # --- choosing and doing an action -----------------------------------------------------------

    def possible(self) -> dict[str, float]:
        """The actions that fit the window now, with their weights."""
        home, overlay = self.at_home(), self.overlay()
        fits = {"body_map_tap": home, "language": home, "calm": home and self.calm_toggle() is not None,
                "go_home": not home,
                "swipe": self.screen.kind is ScreenKind.WALKTHROUGH and overlay is None,
                "scroll": overlay is None and self.scroll_target() is not None,
                # the kiosk counts down anywhere but on its attract screen
                "idle_reset": self.screen != ATTRACT or self.overlay("staffOverlay") is not None,
                "staff_pin_pad": self.overlay("staffOverlay") is None,
                "restore_content": bool(self.editor.outstanding)}
        return {name: weight for name, weight in self.WEIGHTS.items() if fits.get(name, True)}

    def choose(self, rng: random.Random, leave_out=()) -> str:
        """A weighted random action that fits; but every COVER_EVERY actions, one done fewer than
        COVER_MIN times (short runs see every kind, long ones keep their mix)."""
        possible = {name: w for name, w in self.possible().items() if name not in leave_out}
        fewest = min(self.by_type[name] for name in possible)
        if (self.by_type.total() + 1) % COVER_EVERY == 0 and fewest < COVER_MIN:
            return rng.choice(sorted(name for name in possible if self.by_type[name] == fewest))
        return rng.choices(list(possible), list(possible.values()))[0]

    def do(self, action: str, rng: random.Random) -> None:
        self.by_screen[self.screen.kind.value] += 1
        self.by_type[action] += 1
        self.doing = f"action {self.by_type.total()}, {action} on {self.screen_name}"
        began = time.perf_counter()
        getattr(self, action)(rng)
        self.app.processEvents()
        self.seconds_by_type[action] += time.perf_counter() - began

    def fill(self, report: SoakReport) -> None:
        """Copy the counts so far into ``report``."""
        report.actions_by_type, report.actions_by_screen = dict(self.by_type), dict(self.by_screen)
        report.ms_by_type = {k: round(1000 * t / self.by_type[k], 1) for k, t in self.seconds_by_type.items()}
        report.events = dict(self.events)

    def at_home(self) -> bool:
        return self.screen == HOME and self.overlay() is None

    # --- looking at the window, as a finger would -----------------------------------------------

    def overlay(self, name: str | None = None):
        """The idle countdown ("countdown") or staff overlay ("staffOverlay") showing, if any."""
        for candidate in ((name,) if name else ("countdown", "staffOverlay")):
            for widget in self.window.findChildren(QWidget, candidate):
                if widget.isVisible():
                    return widget
        return None

    def buttons(self, within=None, name: str | None = None) -> list:
        """Visible, enabled buttons (``name``: with that object name) that a tap would reach."""
        found = (within or self.window).findChildren(QAbstractButton, *([name] if name else []))
        return [b for b in found if b.isVisible() and b.isEnabled() and self.reachable(b)]

    def reachable(self, widget) -> bool:
        """A tap at the widget's tap point would reach it (no overlay or other widget on top)."""
        hit = self.window.childAt(widget.mapTo(self.window, self.tap_point(widget)))
        return hit is not None and (hit is widget or widget.isAncestorOf(hit))

    def tap_point(self, widget):
        """Where a finger presses a button: its centre, or for a check box its box and words."""
        if isinstance(widget, QCheckBox) and not widget.hitButton(widget.rect().center()):
            option = QStyleOptionButton()
            widget.initStyleOption(option)
            return widget.style().subElementRect(QStyle.SubElement.SE_CheckBoxClickRect, option, widget).center()
        return widget.rect().center()

    def page_view(self):
        """The page being read on this screen (a text browser), if there is one."""
        return next((v for v in self.window.shown_screen.findChildren(QTextBrowser) if v.isVisible()), None)

    def scroll_target(self):
        """What a finger scrolls on this screen: the page, or another scroll area, with more in it."""
        areas = [self.page_view(), *self.window.shown_screen.findChildren(QAbstractScrollArea)]
        return next((a for a in areas if a is not None and a.isVisible() and a.verticalScrollBar().maximum() > 0),
                    None)

    def body_map(self):
        from kiosk.ui.bodymap import BodyMap

        return self.window.home.findChild(BodyMap)

    def language_buttons(self) -> list:
        return [b for b in self.buttons(self.window.home) if b.text() in self.language_names]

    def chosen_language(self) -> str | None:
        return next((b.text() for b in self.language_buttons() if b.isChecked()), None)

    def calm_toggle(self):
        """The "Hide needle pictures" box, if a finger can reach it (large text may push it out of
        view; a finger scrolls the home column first)."""
        # By attribute, not by object name: home's toggle is a wrapping TickBox, and the audio-mode
        # check box (issue 16) shares the "calmToggle" look.
        toggle = self.window.home.calm_toggle
        self.window.home.column_scroller.ensureWidgetVisible(toggle)  # as a finger would scroll first
        return toggle if toggle is not None and toggle.isVisible() and self.reachable(toggle) else None

    # --- real input ---------------------------------------------------------------------------

    # Every press, move and release goes in through the window, at window coordinates, as the
    # platform would send it: Qt itself decides which widget is under the finger (an overlay on
    # top, a region button's mask), and the kiosk's application-wide filters (the idle timer,
    # the staff corner) see it. A touch that no widget takes becomes mouse events, as on a tablet.

    def _window_point(self, widget, pos):
        """``pos`` on ``widget`` in window coordinates, kept on the screen: no finger goes past its edge."""
        at = widget.mapTo(self.window, QPoint(pos))
        return QPoint(min(max(at.x(), 0), self.window.width() - 1), min(max(at.y(), 0), self.window.height() - 1))

    def _input(self, kind: str, point, touch: bool) -> None:
        """One press, move or release at a window point, of the mouse or of one finger."""
        handle = self.window.windowHandle()
        if touch:
            sequence = QTest.touchEvent(handle, _touch_screen(), False)
            getattr(sequence, kind)(0, point, handle)
            sequence.commit()
        elif kind == "move":
            QTest.mouseMove(handle, point)
        else:
            press = QTest.mousePress if kind == "press" else QTest.mouseRelease
            press(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    def stroke(self, widget, points, touch: bool = False) -> None:
        """Press at the first point (on ``widget``), move through the others, let go at the last.
        One point is a tap."""
        points = [self._window_point(widget, p) for p in points]
        self._input("press", points[0], touch)
        for point in points[1:]:
            self._input("move", point, touch)
        self._input("release", points[-1], touch)

    def tap(self, widget, pos=None, touch: bool = False) -> None:
        self.stroke(widget, [self.tap_point(widget) if pos is None else pos], touch)

    def swipe_points(self, rect, dx: int, dy: int, rng: random.Random):
        """Five points of a finger's stroke across the middle of ``rect``; no finger moves in a straight line."""
        centre = rect.center()
        wobble = rng.randrange(-15, 16)
        start = QPoint(centre.x() - dx // 2, centre.y() - dy // 2)
        return [QPoint(start.x() + dx * k // 4 + (wobble * k // 4 if dy else 0),
                       start.y() + dy * k // 4 + (wobble * k // 4 if dx else 0)) for k in range(5)]

    # --- the actions: each takes a random.Random for its choices ------------------------------------

    def body_map_tap(self, rng: random.Random) -> None:
        body_map = self.body_map()
        anywhere = QPoint(rng.randrange(max(1, body_map.width())), rng.randrange(max(1, body_map.height())))
        point = anywhere
        if rng.random() < 0.5:  # inside a region's drawn outline
            shape = rng.choice(body_map.region_shapes(rng.choice(sorted(body_map.names()))))
            box = shape.boundingRect()
            for _ in range(40):
                candidate = QPointF(rng.uniform(box.left(), box.right()), rng.uniform(box.top(), box.bottom()))
                if shape.contains(candidate):
                    point = candidate.toPoint()
                    break
        touch = rng.random() < 0.3
        if rng.random() < 0.15:  # press, then slide the finger somewhere else before letting go
            middle = QPoint((point.x() + anywhere.x()) // 2, (point.y() + anywhere.y()) // 2)
            self.stroke(body_map, [point, middle, anywhere], touch)
            self.events["body map slides"] += 1
        else:
            self.tap(body_map, point, touch)
        if self.screen.kind is ScreenKind.REGION:
            self.events["body map taps that opened a region"] += 1

    def button_tap(self, rng: random.Random) -> None:
        buttons = self.buttons()
        if not buttons:
            self.events["button taps with nothing to tap"] += 1
            return
        # A column of tick boxes (the therapist card's) is one choice among the buttons, as a
        # patient sees it, so a screen full of them doesn't hold the walk away from the rest.
        ticks = [b for b in buttons if b.objectName() == "tickBox"]
        choices = [b for b in buttons if b.objectName() != "tickBox"] + ([rng.choice(ticks)] if ticks else [])
        touch = rng.random() < 0.3
        self.tap(rng.choice(choices), touch=touch)
        self.events["touch taps" if touch else "mouse clicks"] += 1

    def tap_anywhere(self, rng: random.Random) -> None:
        touch = rng.random() < 0.5
        self.tap(self.window, QPoint(rng.randrange(self.window.width()), rng.randrange(self.window.height())), touch)
        self.events["touch taps" if touch else "mouse clicks"] += 1

    def swipe(self, rng: random.Random) -> None:
        """Sideways across a walkthrough step, mostly towards a step that exists (left for the next)."""
        viewport = self.page_view().viewport()
        forward = self.screen.step == 0 or rng.random() < 0.6
        length = rng.choice((60, 150, 200, 300))  # under 120 px is too short to turn a page
        before = self.screen
        self.stroke(viewport, self.swipe_points(viewport.rect(), -length if forward else length, 0, rng),
                    touch=rng.random() < 0.5)
        if self.screen != before:
            self.events["swipes that turned a page"] += 1

    def scroll(self, rng: random.Random) -> None:
        viewport = self.scroll_target().viewport()
        if rng.random() < 0.5:  # a finger drags the page up or down
            dy = rng.choice((-1, 1)) * viewport.height() // 2
            self.stroke(viewport, self.swipe_points(viewport.rect(), 0, dy, rng), touch=True)
        else:  # the mouse wheel over the page. QTest has no wheel: sent to the window, it goes where
            # a real one would, to the widget under the pointer (but the idle timer doesn't count it)
            at = QPointF(self._window_point(viewport, viewport.rect().center()))
            event = QWheelEvent(at, QPointF(self.window.mapToGlobal(at.toPoint())), QPoint(),
                                QPoint(0, rng.choice((-360, -120, 120, 360))), Qt.MouseButton.NoButton,
                                Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
            self.app.sendEvent(self.window.windowHandle(), event)
        self.events["scrolls"] += 1

    def key(self, rng: random.Random) -> None:
        """A key of a keyboard plugged into the tablet: focus moves, Enter and Space press, Esc goes back."""
        name = rng.choice(("Tab", "Tab", "Backtab", "Return", "Space", "Left", "Right", "Up", "Down", "Escape"))
        QTest.keyClick(self.window.windowHandle(), getattr(Qt.Key, f"Key_{name}"))
        self.events["keys"] += 1

    def idle_reset(self, rng: random.Random) -> None:
        """Nobody touches anything: the kiosk's own idle timer asks "Still reading?", and then someone
        keeps reading, or nobody does and the countdown resets the kiosk for the next patient."""
        countdown = self.wait(self.settings.idle_seconds + 1.0, lambda: self.overlay("countdown"))
        if countdown is None:
            self.events["idle: no countdown came"] += 1
            return
        self.events["idle countdowns"] += 1
        if rng.random() < 0.5:  # "Keep reading", or a touch anywhere on it
            keep = self.buttons(countdown, "keepReading")
            if keep and rng.random() < 0.7:
                self.tap(keep[0], touch=rng.random() < 0.5)
            else:
                self.tap(countdown, QPoint(rng.randrange(countdown.width()), rng.randrange(countdown.height())),
                         touch=rng.random() < 0.5)
            if self.overlay("countdown") is None:
                self.events["idle: keep reading"] += 1
        elif self.wait(self.settings.countdown_seconds + 1.5, lambda: self.screen == ATTRACT):
            self.events["idle: expired"] += 1

    def language(self, rng: random.Random) -> None:
        buttons = self.language_buttons()
        if not buttons:
            return
        before = self.chosen_language()
        others = [b for b in buttons if not b.isChecked()]
        self.tap(rng.choice(others if others and rng.random() < 0.8 else buttons), touch=rng.random() < 0.3)
        if self.chosen_language() != before:
            self.events["language switches"] += 1

    def calm(self, rng: random.Random) -> None:
        toggle = self.calm_toggle()
        before = toggle.isChecked()
        self.tap(toggle, touch=rng.random() < 0.3)
        after = self.calm_toggle()  # home is made anew in the new mode
        if after is not None and after.isChecked() != before:
            self.events["calm mode toggles"] += 1

    def go_home(self, rng: random.Random) -> None:
        """Back to the body map as a patient gets there: whatever covers the screen closed (Keep
        reading, Cancel), then Back or Home, or a tap on the attract screen."""
        touch = rng.random() < 0.3
        for _ in range(4):
            if self.at_home():
                return
            overlay = self.overlay()
            if overlay is not None:
                ways = [b for b in self.buttons(overlay) if b.objectName() == "keepReading"
                        or b.text() == self.cancel_words]
            elif self.screen == ATTRACT:
                ways = [self.window.shown_screen]
            else:
                ways = self.buttons(self.window.shown_screen, "backButton")
            if not ways:
                self.events["no way home found"] += 1
                return
            self.tap(ways[0], touch=touch)
            self.app.processEvents()

    def edit_content(self, rng: random.Random) -> None:
        good = rng.random() < 0.5
        if not self.events["good content edits"] or not self.events["bad content edits"]:
            good = not self.events["good content edits"]  # one of each early on
        if self.editor.edit(good, rng) is not None:
            self.events[f"{'good' if good else 'bad'} content edits"] += 1
            self._saved(rng, watch=self.events[f"{'good' if good else 'bad'} content edits"] == 1)

    def restore_content(self, rng: random.Random) -> None:
        self.editor.restore(rng.choice(sorted(self.editor.outstanding)), rng)
        self.events["content files restored"] += 1
        self._saved(rng)

    def _saved(self, rng: random.Random, watch: bool = False) -> None:
        """Sometimes (and after the first good and bad edit) staff watch the screen after saving until
        the folder watcher has reloaded (0.8 s of quiet in the folder, then the check); else it reloads
        later, amid other actions."""
        if watch or rng.random() < 0.25:
            reloads = self.events["watcher reloads"]
            self.wait(4.0, lambda: self.events["watcher reloads"] > reloads)

    def staff_pin_pad(self, rng: random.Random) -> None:
        """Staff hold a finger (or the mouse) in the staff corner until the PIN pad opens; no PIN is
        set, so it says how to set one. Mostly Cancel then; else it stays up until Cancel or the idle reset."""
        corner = self.settings.staff_corner
        x, y = rng.randrange(4, CORNER_PX), rng.randrange(4, CORNER_PX)
        point = QPoint(self.window.width() - 1 - x if "right" in corner else x,
                       self.window.height() - 1 - y if "bottom" in corner else y)
        touch = rng.random() < 0.5
        self._input("press", point, touch)
        # A held finger is never quite still: its small moves also keep the idle timer away.
        pad = self.wait(STAFF_HOLD_S + 1.0, lambda: self.overlay("staffOverlay"),
                        every=lambda: self._input("move", point + QPoint(rng.choice((-1, 1)), 0), touch))
        self._input("release", point, touch)
        if pad is None:
            self.events["staff corner holds that opened nothing"] += 1
            return
        self.events["staff pin pads"] += 1
        cancel = [b for b in self.buttons(pad) if b.text() == self.cancel_words]
        if cancel and rng.random() < 0.8:
            self.tap(cancel[0], touch=touch)

    # --- watching for trouble -------------------------------------------------------------------

    def _content_changed(self) -> None:
        """The folder watcher's signal: reload as the kiosk app does; the answer is judged when the
        check (in a child process) ends, against the files as they were when it began."""
        self._checking = (self.editor.writes, self.editor.should_load, dict(self.editor.outstanding))
        self.window.reload_content()

    def _content_checked(self, accepted: bool) -> None:
        checking, self._checking = self._checking, None
        self.events["watcher reloads"] += 1
        if checking is None or checking[0] != self.editor.writes:
            return  # the folder changed while it was checked: the watcher's next reload is judged
        _, expected, edits = checking
        if accepted != expected and len(self.report.reload_mismatches) < 20:
            self.report.reload_mismatches.append(
                f"the kiosk {'took' if accepted else 'refused'} the content with edits {edits}")

    def _screen_changed(self, name: str) -> None:
        previous, self.screen = self.screen, self.window.current_screen()
        self.screen_name = name
        kind = self.screen.kind
        if kind is ScreenKind.REGION and self.screen != previous:
            self.events["regions opened"] += 1
        elif kind is ScreenKind.WALKTHROUGH and previous.kind is not ScreenKind.WALKTHROUGH:
            self.events["walkthroughs opened"] += 1
        elif kind is ScreenKind.ATTRACT:
            self.events["attract screens"] += 1

    def _excepthook(self, kind, value, tb) -> None:
        self.report.keep("unhandled", f"during {self.doing}:\n" + "".join(traceback.format_exception(kind, value, tb)))
        self.recover()  # what the real app's hook does: back to a known-good home screen

    def _qt_message(self, mode, context, message: str) -> None:
        if not message.startswith(self._harmless):
            where = f"{message}  [during {self.doing}]"
            if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
                self.report.keep("qt_critical", where)
            elif mode == QtMsgType.QtWarningMsg:
                self.report.keep("qt_warnings", where)
        if self._old_handler is not None:  # pytest-qt's, under the tests
            self._old_handler(mode, context, message)

    def crash(self, what: str, tb: str = "") -> None:
        self.report.keep("crashes", what + ("\n" + tb if tb else ""))

    def alive(self) -> bool:
        return self.window is not None and shiboken6.isValid(self.window) and self.window.isVisible()

    def check(self) -> str | None:
        """Why the window no longer shows a real screen, or None."""
        if not self.alive():
            return "the window is gone (deleted or closed)"
        screen = self.window.shown_screen
        if screen is None or not shiboken6.isValid(screen):
            return f"the screen object for {self.screen_name!r} has been deleted"
        if not screen.isVisible():
            return f"the screen object for {self.screen_name!r} is not on show"
        return None

    def recover(self) -> None:
        try:
            if self.window is not None:
                self.window.recover()
                self.app.processEvents()
        except Exception as exc:  # noqa: BLE001 - the last resort raised: a crash
            self.crash(f"window.recover() raised {type(exc).__name__}: {exc}", traceback.format_exc())


# --- the long run -----------------------------------------------------------------------------


def run_soak(actions: int, seed: int = 1, idle_seconds: float = 2.0, countdown_seconds: int = 2,
             *, warmup: int = 300, sample_every: int = 50, max_growth_mb: float = 10.0,
             work_dir: Path | None = None, progress=None, checkpoint=None) -> SoakReport:
    """Drive the real kiosk window through ``actions`` seeded random actions; return what happened.

    ``work_dir`` gets the private content copy (a temporary folder by default).
    ``progress(line)`` is told how it goes every 1000 actions; ``checkpoint(report)`` gets the
    report so far at every memory sample (the supervisor keeps it in case the process dies).
    Reuses a running QApplication if there is one, and puts back everything it changes in the
    process: the excepthook, the Qt message handler, logging and the font.
    """
    from kiosk.resources import default_content_dir
    from kiosk.settings import Settings

    report = SoakReport(requested=actions, seed=seed, max_growth_mb=max_growth_mb,
                        warmup=max(0, min(warmup, actions // 2)))
    rng = random.Random(seed)
    with kiosk_application() as app, tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp:
        content = Path(shutil.copytree(default_content_dir(), Path(work_dir or tmp) / "content"))
        driver = Driver(app, content, Settings(idle_seconds=idle_seconds, countdown_seconds=countdown_seconds),
                        report)
        start = time.perf_counter()
        try:
            driver.start()
            samples = [rss_bytes()]
            report.rss_start_mb = _mb(samples[0])
            for i in range(1, actions + 1):
                _one_action(driver, i, rng)
                report.actions = i
                if not driver.alive():
                    break  # already counted as a crash
                if i % sample_every == 0:
                    driver.settle()
                    gc.collect()
                    samples.append(rss_bytes())
                    report.rss_peak_mb = _mb(max(samples))
                    if i > report.warmup:
                        report.rss_samples_mb.append(_mb(samples[-1]))
                        report.refs_to_true_end = sys.getrefcount(True)
                        report.refs_to_true_baseline = report.refs_to_true_baseline or report.refs_to_true_end
                    if checkpoint:
                        driver.fill(report)
                        checkpoint(report)
                if progress and i % 1000 == 0:
                    progress(f"soak: {i}/{actions} actions, rss {_mb(rss_bytes()):.1f} MB, "
                             f"crashes {report.crashes}, unhandled {report.unhandled}")
            _finish(driver, report)
            report.rss_peak_mb = _mb(max(samples + [rss_bytes()]))
        finally:
            report.seconds = round(time.perf_counter() - start, 2)
            driver.stop()
            driver.fill(report)
    return report


def _one_action(driver: Driver, i: int, rng: random.Random) -> None:
    """Choose and do one action; what it raises, or leaves broken, is a crash, and the window recovers."""
    where, action = driver.screen_name, "choosing an action"
    try:
        action = driver.choose(rng)
        driver.do(action, rng)
    except Exception as exc:  # noqa: BLE001 - an action raised out of the driver: a crash
        driver.crash(f"action {i} ({action}) on {where} raised {type(exc).__name__}: {exc}", traceback.format_exc())
    else:
        problem = driver.check()
        if problem is None:
            return
        driver.crash(f"after action {i} ({action}) on {where}: {problem}")
    if driver.alive():
        driver.recover()


def _finish(driver: Driver, report: SoakReport) -> None:
    """Put every file back, let the kiosk take the original content through its watcher, go home."""
    driver.doing = "the final restore and reload"
    reloads, outstanding = driver.events["watcher reloads"], bool(driver.editor.outstanding)
    driver.editor.restore_all()
    if driver.check() is None:
        try:
            if outstanding and not driver.wait(5.0, lambda: driver.events["watcher reloads"] > reloads):
                report.reload_mismatches.append("the folder watcher did not reload the restored content in 5 s")
            driver.go_home(random.Random(0))
            driver.settle()
        except Exception as exc:  # noqa: BLE001
            driver.crash(f"the final reload raised {type(exc).__name__}: {exc}", traceback.format_exc())
    report.content_restored = driver.editor.is_restored()
    _summarise_memory(report)
    report.finished = True
    if report.refs_to_true_baseline:
        gc.collect()
        report.refs_to_true_end = sys.getrefcount(True)


# --- command line ---------------------------------------------------------------------------


def _options(argv):
    parser = argparse.ArgumentParser(
        description="Drive the real kiosk offscreen through random actions; exit 0 only if nothing crashed, "
                    "nothing went unhandled and memory stayed level.")
    parser.add_argument("--actions", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-growth-mb", type=float, default=10.0)
    parser.add_argument("--idle-seconds", type=float, default=2.0, help="idle reset timer (default %(default)s)")
    parser.add_argument("--countdown-seconds", type=int, default=2, help="'still reading?' countdown")
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
        work = Path(tmp) / "work"  # the content copy: removed here even if the child dies
        work.mkdir()
        command = [sys.executable, "-X", "faulthandler", str(Path(__file__).resolve()),
                   "--actions", str(args.actions), "--seed", str(args.seed),
                   "--max-growth-mb", str(args.max_growth_mb), "--idle-seconds", str(args.idle_seconds),
                   "--countdown-seconds", str(args.countdown_seconds), "--warmup", str(args.warmup),
                   *(["--quiet"] if args.quiet else []), "--child", "--json", str(out), "--work-dir", str(work)]
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        started = time.perf_counter()
        tail: collections.deque[str] = collections.deque(maxlen=400)
        with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              errors="replace", env=env) as child:
            for line in child.stderr:
                if not line.startswith("soak: "):
                    tail.append(line.rstrip("\n"))
                elif not args.quiet:
                    print(line.rstrip(), file=sys.stderr, flush=True)
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
