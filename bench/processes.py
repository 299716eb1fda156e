"""A child process timed from spawn to exit, with its memory; and several taking turns.

Every kiosk measurement runs in a fresh child process, so one part's memory does not count in
another's. Children find the ``kiosk`` and ``bench`` packages through ``PYTHONPATH``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bench.memory import TreeMemory
from bench.stats import mb

ROOT = Path(__file__).resolve().parent.parent  # the repository


@dataclass(frozen=True)
class ProcessRun:
    """One run of a program: wall and processor time, how it ended, and its memory."""

    seconds: float
    cpu_s: float | None  # user and system time, where the system reports it
    returncode: int
    stderr: str  # the last of it
    peak_single_mb: float  # the largest single process's peak (the kernel's accounting)
    peak_total_mb: float | None  # the whole tree's peak at one moment (sampled; Linux)
    processes: int | None  # the most processes alive at once (sampled; Linux)


Runner = Callable[[], ProcessRun]


def with_repository(env: Mapping[str, str]) -> dict[str, str]:
    """``env`` with the repository first on ``PYTHONPATH``: ``-m bench.x`` and ``-m kiosk`` work from anywhere."""
    out = dict(env)
    out["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return out


def kiosk_env() -> dict[str, str]:
    """What every measured child runs with: offscreen, the repository importable."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # An installed kiosk has its bytecode cached after its first start (the unmeasured run
    # here): don't let a developer's or CI's setting make every start compile from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return with_repository(env)


def module_command(module: str, *args: str) -> list[str]:
    """This Python running one of the bench's modules."""
    return [sys.executable, "-m", module, *args]


def timed_run(cmd: list[str], env: Mapping[str, str] | None = None, timeout: float = 60.0) -> ProcessRun:
    """Wall time from spawn to exit, the largest single process's peak RSS (from the kernel's
    accounting, descendants included) and the whole tree's peak RSS (sampled)."""
    with tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        sampler = TreeMemory(proc.pid) if sys.platform.startswith("linux") else None
        if sampler:
            sampler.start()
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        cpu: float | None
        try:
            if hasattr(os, "wait4"):
                _, status, usage = os.wait4(proc.pid, 0)
                seconds = time.perf_counter() - began
                proc.returncode = os.waitstatus_to_exitcode(status)
                peak_single = usage.ru_maxrss * 1024
                cpu = usage.ru_utime + usage.ru_stime
            else:
                proc.wait()
                seconds = time.perf_counter() - began
                peak_single, cpu = 0, None
        finally:
            timer.cancel()
            if sampler:
                sampler.stop()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return ProcessRun(seconds=seconds, cpu_s=cpu, returncode=proc.returncode, stderr=stderr[-2000:],
                      peak_single_mb=mb(max(peak_single, sampler.peak_single if sampler else 0)),
                      peak_total_mb=mb(sampler.peak_total) if sampler else None,
                      processes=sampler.most_processes if sampler else None)


def process_runner(cmd: list[str], env: Mapping[str, str], done: Callable[[ProcessRun], bool] = lambda run: True,
                   timeout: float = 60.0) -> Runner:
    """A runner of ``cmd``: one that failed, or isn't ``done()``, raises with its messages."""
    def run_once() -> ProcessRun:
        result = timed_run(cmd, env, timeout)
        if result.returncode != 0 or not done(result):
            raise RuntimeError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr}")
        return result
    return run_once


def interleaved(runners: Mapping[str, Runner], runs: int) -> dict[str, list[ProcessRun]]:
    """Each runner ``runs`` times after one unmeasured run, taking turns: a busy moment on a
    shared machine then falls on the kiosk and on Chromium alike, and their ratio holds."""
    results: dict[str, list[ProcessRun]] = {name: [] for name in runners}
    for i in range(runs + 1):
        for name, run_once in runners.items():
            result = run_once()
            if i:
                results[name].append(result)
    return results
