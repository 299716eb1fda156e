"""Instructions executed, counted by valgrind's callgrind: a figure that does not depend on how
busy the machine is, for a cold start and for a tap.

    python bench/instructions.py            # prints the counts as JSON (slow: about 2 minutes)

Cold start: the whole process to the home screen's first paint (``--exit-after-first-paint``),
beside Python doing nothing and an empty PySide6 window to its first paint (the same floors the
bench times). A tap: this file run as a driver (``--driver N``) that starts the kiosk, opens
every region once and comes back (so the region screens are made and kept, as they are when a
patient walks up), then taps N regions on the body map and Back N times; the same with N = 0 is
subtracted, and the rest divided by 2N. Each tap waits for its screen's paint while blocked in
the event loop, so the count does not depend on how long the machine took.

``perf stat -e instructions`` would be quicker, but virtual machines often have no counters
(this project's machines say "not supported"); callgrind counts the same on any machine.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
TAPS = 10


def callgrind(cmd: list[str], env: dict, timeout: float = 900) -> int:
    """Instructions the command executed (all its threads), counted by callgrind."""
    with tempfile.TemporaryDirectory(prefix="kiosk-callgrind-") as tmp:
        out = Path(tmp) / "callgrind.out"
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd],
                              env=env, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed under callgrind:\n{done.stderr[-2000:]}")
        found = re.search(r"^summary:\s+(\d+)", out.read_text(encoding="ascii", errors="replace"), re.MULTILINE)
        if not found:
            raise RuntimeError("callgrind wrote no summary line")
        return int(found.group(1))


def counts(env: dict, settings_file: Path, empty_window: str, taps: int = TAPS) -> dict:
    """The instruction counts, or why there are none."""
    if shutil.which("valgrind") is None:
        return {"skipped": "valgrind not found (Debian: apt-get install valgrind)"}
    py = sys.executable
    start = callgrind([py, "-m", "kiosk", "--windowed", "--exit-after-first-paint", "--config",
                       str(settings_file)], env)
    python = callgrind([py, "-c", "pass"], env)
    empty = callgrind([py, "-c", empty_window], env)
    driver = [py, str(Path(__file__).resolve()), "--driver"]
    without, with_taps = callgrind([*driver, "0"], env), callgrind([*driver, str(taps)], env)
    return {"start": start, "python": python, "empty_qt_window": empty,
            "tap": round((with_taps - without) / (2 * taps)), "taps_counted": 2 * taps}


def _drive(taps: int) -> int:
    """The tap driver: real clicks at the real coordinates, each waited for until painted."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(BENCH))
    from interactions import Interactions
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest

    from kiosk.resources import default_content_dir
    from kiosk.settings import Settings
    from kiosk.ui.app import application

    app = application(offscreen=True)
    bench = Interactions(app, default_content_dir(), Settings(idle_seconds=3600))
    window = bench.window
    regions = window.book.content.region_ids
    waker = QTimer(interval=50)  # never blocked for long if a paint never comes
    waker.start()

    def tap(find, done) -> None:
        bench.frames.start()
        bench.tap(*find())
        while not (done() and bench.frames.saw(window.shown_screen)):
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    def region_and_back(region_id: str) -> None:
        tap(lambda: bench.region_point(region_id), lambda: window.current_screen().region == region_id)
        tap(lambda: (bench.button(name="backButton"),), lambda: window.current_screen().region is None)

    for region_id in regions:  # made and kept, as when a patient walks up
        region_and_back(region_id)
    QTest.qWait(200)
    for i in range(taps):
        region_and_back(regions[i % len(regions)])
    bench.stop()
    return 0


def main() -> int:
    if sys.argv[1:2] == ["--driver"]:
        return _drive(int(sys.argv[2]))
    sys.path.insert(0, str(BENCH))
    import run

    env = run.kiosk_env()
    with tempfile.TemporaryDirectory() as tmp:
        settings_file = Path(tmp) / "settings.yaml"
        settings_file.write_text("idle_seconds: 90\n", encoding="utf-8")
        print(json.dumps(counts(env, settings_file, run.EMPTY_WINDOW), indent=2))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
