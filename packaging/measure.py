"""Measure the packaged kiosk's size on disk and its start-up time against the source.

    python packaging/measure.py [--runs 7]

Start-up is process start to the home screen's first paint and exit
(`--windowed --exit-after-first-paint`, Qt offscreen), median of several runs.
Needs a built dist/kiosk (pyinstaller build.spec).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from smoke_test import DIST, EXE, bundle_bytes

FLAGS = ["--windowed", "--exit-after-first-paint"]


def median_start(command: list[str], runs: int) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(command + FLAGS, env=env, check=True, capture_output=True)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command + FLAGS, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description="Bundle size and start-up time.")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not EXE.is_file():
        print(f"{EXE} not found: build it first with `pyinstaller build.spec`", file=sys.stderr)
        return 1
    size = bundle_bytes(DIST)
    source = median_start([sys.executable, "-m", "kiosk"], args.runs)
    bundle = median_start([str(EXE)], args.runs)
    print(f"Machine: {platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print("| Measure | Value |\n|---|---|")
    print(f"| Bundle size on disk (`dist/kiosk`) | {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB) |")
    print(f"| Start to first paint, packaged (median of {args.runs}) | {bundle * 1000:.0f} ms |")
    print(f"| Start to first paint, from source (median of {args.runs}) | {source * 1000:.0f} ms |")
    print(f"| Packaged / source | {bundle / source:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
