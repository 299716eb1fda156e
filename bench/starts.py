"""Cold starts: the kiosk, the floors under it, and the packaged build, to their first paint."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from bench.processes import ROOT, ProcessRun, Runner, kiosk_env, process_runner
from bench.results import BundleResult, StartSummary
from bench.stats import mb, median

# What any PySide6 app pays before its own first line: the floor under the kiosk's start.
EMPTY_WINDOW = """
import os
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Dry needling for runners")
label.resize(1280, 800)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))  # as the kiosk's timed start ends
        return False
first_paint = FirstPaint()
label.installEventFilter(first_paint)
label.show()
sys.exit(app.exec())
"""

# The floors' names, as the runs and the results call them.
PYTHON = "python_s"
EMPTY_QT_WINDOW = "empty_qt_window_s"


def settings_file(work: Path) -> Path:
    """The defaults, and never this machine's own settings."""
    config = work / "settings.yaml"
    config.write_text("idle_seconds: 90\n", encoding="utf-8")
    return config


def kiosk_command(config: Path, exe: Sequence[str] | None = None) -> list[str]:
    """The kiosk (from source, or ``exe``) started, painted once, and ended."""
    program = list(exe or [sys.executable, "-m", "kiosk"])
    return [*program, "--windowed", "--exit-after-first-paint", "--config", str(config)]


def kiosk_runner(work: Path, exe: Sequence[str] | None = None) -> Runner:
    """Process start to first paint of home."""
    return process_runner(kiosk_command(settings_file(work), exe), kiosk_env())


def floor_runners() -> dict[str, Runner]:
    """Python doing nothing, and an empty PySide6 window to its first paint."""
    return {name: process_runner([sys.executable, "-c", code], kiosk_env())
            for name, code in ((PYTHON, "pass"), (EMPTY_QT_WINDOW, EMPTY_WINDOW))}


def start_summary(results: Sequence[ProcessRun]) -> StartSummary:
    return StartSummary(runs=len(results), median_s=median([r.seconds for r in results]),
                        cpu_median_s=median([r.cpu_s for r in results if r.cpu_s is not None]),
                        all_s=tuple(round(r.seconds, 3) for r in results),
                        peak_mb=median([r.peak_single_mb for r in results]))


def bundle_exe() -> Path | None:
    """The packaged build's executable, if one has been built (``pyinstaller build.spec``)."""
    exe = ROOT / "dist" / "kiosk" / ("kiosk-console.exe" if sys.platform == "win32" else "kiosk")
    return exe if exe.exists() else None


def bundle(exe: Path, starts: Sequence[ProcessRun]) -> BundleResult:
    folder = exe.parent
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]  # a link costs no space
    return BundleResult(path=str(folder.relative_to(ROOT)), size_mb=mb(sum(p.stat().st_size for p in files)),
                        files=len(files), start=start_summary(starts))
