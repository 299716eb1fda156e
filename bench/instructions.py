"""Instructions executed, counted by valgrind's callgrind: a figure that does not depend on how
busy the machine is, for a cold start and for a tap.

    python -m bench.instructions            # prints the counts as JSON (slow: about 2 minutes)

Cold start: the whole process to the home screen's first paint (``--exit-after-first-paint``),
beside Python doing nothing and an empty PySide6 window to its first paint (the same floors the
bench times). A tap: ``bench.taps`` run as a driver that starts the kiosk, opens every region
once and comes back (so the region screens are made and kept, as they are when a patient walks
up), then taps N regions on the body map and Back N times; the same with N = 0 is subtracted,
and the rest divided by 2N. Each tap waits for its screen's paint while blocked in the event
loop, so the count does not depend on how long the machine took.

``perf stat -e instructions`` would be quicker, but virtual machines often have no counters
(this project's machines say "not supported"); callgrind counts the same on any machine.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from bench.processes import kiosk_env, module_command
from bench.results import InstructionCounts, Instructions, InstructionsSkipped, StartSummary, TabletEstimate, plain
from bench.starts import EMPTY_WINDOW, kiosk_command, settings_file

TAPS = 10
# A clinic tablet's low-power Celeron or Pentium core is assumed to retire this share of the
# instructions per second this machine's core does (an assumption, not a measurement).
TABLET_SHARE = 0.5


def callgrind(cmd: list[str], env: Mapping[str, str], timeout: float = 900) -> int:
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


def counts(env: Mapping[str, str], settings: Path, empty_window: str, taps: int = TAPS) -> Instructions:
    """The instruction counts, or why there are none."""
    if shutil.which("valgrind") is None:
        return InstructionsSkipped("valgrind not found (Debian: apt-get install valgrind)")
    py = sys.executable
    start = callgrind(kiosk_command(settings), env)
    python = callgrind([py, "-c", "pass"], env)
    empty = callgrind([py, "-c", empty_window], env)
    without, with_taps = (callgrind(module_command("bench.taps", str(n)), env) for n in (0, taps))
    return InstructionCounts(start=start, python=python, empty_qt_window=empty,
                             tap=round((with_taps - without) / (2 * taps)), taps_counted=2 * taps)


def tablet_estimate(counted: InstructionCounts, start: StartSummary) -> TabletEstimate:
    """Instructions turned into a tablet's time. This machine's rate is measured here, as the
    kiosk start's instructions over its CPU time; the tablet's is a share of it."""
    here = counted.start / start.cpu_median_s if start.cpu_median_s else None
    rate = (here or 2e9) * TABLET_SHARE
    return TabletEstimate(instructions_per_s=rate, this_machine_instructions_per_s=here,
                          start_s=counted.start / rate, tap_ms=counted.tap / rate * 1000,
                          assumption="a tablet core (low-power Celeron/Pentium) retires half the instructions per "
                                     "second of this machine's core, measured here as the cold start's "
                                     "instructions / its CPU seconds (an assumed figure, not a measurement)")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(plain(counts(kiosk_env(), settings_file(Path(tmp)), EMPTY_WINDOW)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
