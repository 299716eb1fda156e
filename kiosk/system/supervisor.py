"""``kiosk --supervise``: start the kiosk, and start it again whenever it ends for any reason but
the staff exit (or another that restarting can't help). No Qt here.

Windows Pro's Assigned Access starts the kiosk at sign-in but never again after it ends, and
Task Scheduler's "restart on failure" only retries a task that failed to *start*, never one whose
program crashed, and waits at least a minute. So on Pro the kiosk watches itself: this small
process (no Qt, no window) is what Assigned Access starts, and the kiosk is its child. A kiosk
that keeps failing at once (a network share still missing at boot) is started again after a
growing pause, up to a minute, so a broken tablet never spins.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.system.exitcodes import meaning, should_restart

log = logging.getLogger(__name__)

FLAG = "--supervise"
LOG_NAME = "supervisor.log"
STEADY_SECONDS = 60  # a kiosk that ran this long before ending starts again at once
LONGEST_PAUSE = 60.0
# The installer puts this file beside kiosk.exe while it replaces the program's files: the
# supervisor then lets the kiosk stay ended instead of starting the old files again.
UPGRADING = "upgrading"
UPGRADE_TAKES_AT_MOST = 30 * 60  # seconds


def child_command(argv: Sequence[str], frozen: bool | None = None) -> list[str]:
    """The kiosk's own command line without ``--supervise``: the same program, the same options."""
    from kiosk.system.resources import is_frozen

    rest = [argument for argument in argv if argument != FLAG]
    if is_frozen() if frozen is None else frozen:
        return [sys.executable, *rest]
    return [sys.executable, "-m", "kiosk", *rest]


def pause_after(failures_in_a_row: int) -> float:
    """0 s after a kiosk that ran steadily, then 1, 2, 4 ... seconds, at most a minute."""
    if failures_in_a_row <= 0:
        return 0.0
    return min(LONGEST_PAUSE, 2.0 ** (failures_in_a_row - 1))


def _run(command: Sequence[str]) -> int:
    return subprocess.call(list(command), stdin=subprocess.DEVNULL)


def supervise(command: Sequence[str], *, run: Callable[[Sequence[str]], int] = _run,
              sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
              upgrading: Path | None = None, most_starts: int | None = None) -> int:
    """Run ``command`` until it ends with a code that must not restart; returns that code.
    ``most_starts`` bounds the loop (tests)."""
    failures = 0
    starts = 0
    while True:
        started = clock()
        starts += 1
        try:
            code = run(command)
        except OSError as exc:  # the program itself is gone (an uninstall, a broken copy)
            log.error("can't start the kiosk (%s); trying again", exc)
            code = -1
        ran = clock() - started
        if not should_restart(code):
            log.info("kiosk ended: %s (exit code %d); not starting it again", meaning(code), code)
            return code
        if upgrading is not None and _being_upgraded(upgrading, clock=time.time):
            log.info("kiosk ended (exit code %d) while it is being upgraded; the new one starts at the next "
                     "sign-in", code)
            return code
        failures = 0 if ran >= STEADY_SECONDS else failures + 1
        pause = pause_after(failures)
        log.warning("kiosk ended: %s (exit code %d, after %.0f s); starting it again in %.0f s",
                    meaning(code), code, ran, pause)
        if most_starts is not None and starts >= most_starts:
            return code
        sleep(pause)


def _being_upgraded(flag: Path, clock: Callable[[], float]) -> bool:
    """The installer's flag, unless it is old: an installer that died left it behind."""
    try:
        return clock() - flag.stat().st_mtime < UPGRADE_TAKES_AT_MOST
    except OSError:
        return False


def log_to_file(folder: Path) -> None:
    """The supervisor's own small log beside the kiosk's (two processes never share one file)."""
    from logging.handlers import RotatingFileHandler

    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(folder / LOG_NAME, maxBytes=200_000, backupCount=2, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
