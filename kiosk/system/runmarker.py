"""Whether the last run ended in an orderly way, for the staff menu's "the kiosk restarted after a
problem at 10:42". No Qt here.

While the kiosk runs, ``kiosk.running`` in the log folder holds when it started, and its time
stamp is renewed every minute. An orderly end (any exit the kiosk itself chose) removes it. A
crash, a hang ended by Windows, a kill in Task Manager or a power cut leave it behind, so the next
start finds it: it writes ``restarted-after-problem.txt`` with the last sign of life, which the
staff menu shows until a start that follows an orderly end removes it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

MARKER = "kiosk.running"
RECORD = "restarted-after-problem.txt"
BEAT_SECONDS = 60
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


class RunningMarker:
    """The marker for one run of the kiosk in ``folder`` (the log folder)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.path = folder / MARKER
        self.record = folder / RECORD

    def begin(self) -> datetime | None:
        """Note this run; returns when the last run was last seen alive if it ended badly."""
        stopped = self._left_behind()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if stopped is None:
                self.record.unlink(missing_ok=True)
            else:
                self.record.write_text(stopped.isoformat(timespec="seconds") + "\n", encoding="utf-8")
                log.warning("the kiosk restarted after a problem: the last run stopped without closing "
                            "at about %s (see crash.log and the dumps folder beside the log)",
                            stopped.isoformat(sep=" ", timespec="minutes"))
            self.path.write_text(f"started {datetime.now().isoformat(timespec='seconds')} "
                                 f"process {os.getpid()}\n", encoding="utf-8")
        except OSError as exc:
            log.warning("can't keep the run marker in %s (%s)", self.folder, exc)
        return stopped

    def beat(self) -> None:
        with contextlib.suppress(OSError):
            os.utime(self.path)

    def end(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)

    def _left_behind(self) -> datetime | None:
        try:
            return datetime.fromtimestamp(self.path.stat().st_mtime)
        except (OSError, ValueError, OverflowError):
            return None


def restarted_after_problem(folder: Path) -> datetime | None:
    """When the run before this one stopped without closing, if it did (read by the staff menu)."""
    try:
        return datetime.fromisoformat((folder / RECORD).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None


def when(moment: datetime, now: datetime | None = None) -> str:
    """10:42 today, "10:42 on 3 December" another day: in English whatever the machine's locale."""
    today = (now or datetime.now()).date()
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if moment.date() == today:
        return clock
    return f"{clock} on {moment.day} {MONTHS[moment.month - 1]}" + (
        f" {moment.year}" if moment.year != today.year else "")


def restart_notice(words: str, folder: Path | None = None) -> str | None:
    """The staff menu's line (``words`` with its {time}) when this run followed a problem."""
    from kiosk.model.wording import fill
    from kiosk.settings.values import log_dir

    stopped = restarted_after_problem(folder or log_dir())
    return fill(words, time=when(stopped)) if stopped else None
