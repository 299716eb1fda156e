"""The soak run in a child process: a child that dies (an abort, a segfault) still gives a
report, its last checkpoint, with the crash in it."""

from __future__ import annotations

import collections
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.processes import with_repository
from bench.soak.report import SoakReport


def describe_exit(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def supervise(soak_args: Sequence[str], requested: int, seed: int, max_growth_mb: float,
              quiet: bool) -> SoakReport:
    """Run ``python -m bench.soak <soak_args> --child`` and read its report, or what is left of it."""
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-report-") as tmp:
        out = Path(tmp) / "report.json"
        partial = out.with_name(out.name + ".partial")
        work = Path(tmp) / "work"  # the content copy: removed here even if the child dies
        work.mkdir()
        command = [sys.executable, "-X", "faulthandler", "-m", "bench.soak", *soak_args,
                   "--child", "--json", str(out), "--work-dir", str(work)]
        env = with_repository(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        started = time.perf_counter()
        tail: collections.deque[str] = collections.deque(maxlen=400)
        with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              errors="replace", env=env) as child:
            assert child.stderr is not None
            for line in child.stderr:
                if not line.startswith("soak: "):
                    tail.append(line.rstrip("\n"))
                elif not quiet:
                    print(line.rstrip(), file=sys.stderr, flush=True)
            code = child.wait()
        finished = out.exists()
        source = out if finished else partial if partial.exists() else None
        report = (SoakReport.from_dict(json.loads(source.read_text(encoding="utf-8"))) if source else
                  SoakReport(requested=requested, seed=seed, max_growth_mb=max_growth_mb))
        if not finished:
            report.seconds = round(time.perf_counter() - started, 2)
            report.summarise_memory()
        report.process = f"soak process: {describe_exit(code)}"
        # 0 and 1 are the child's own verdicts, given after it wrote its report; a child that
        # wrote none, or ended any other way, crashed.
        if code not in (0, 1) or not finished:
            lines = list(tail)
            first = next((i for i, line in enumerate(lines) if line.startswith(("Fatal Python error", "Traceback"))),
                         max(0, len(lines) - 40))
            what = (f"the soak process died ({describe_exit(code)}) "
                    + ("while Python shut down, after the soak had finished" if finished else
                       f"during the soak, after {report.actions} actions were checkpointed "
                       f"(checkpoints are taken every 50 actions)"))
            report.crashes += 1
            report.crash_details.insert(0, what + "\n" + "\n".join(lines[first:first + 60]))
        return report
