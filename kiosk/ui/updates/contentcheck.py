"""Checking new content while the kiosk runs: in a child process (kiosk.checks.child), never on the
screen thread. The screen only starts the child and reads its result; a child still running when
its time is up (CHECK_SECONDS) is stopped, and a newer request replaces an older one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kiosk.checks.child import RELOAD, RESULT_FILE, command, read_result, stopped, timed_out
from kiosk.reading.limits import CHECK_SECONDS
from kiosk.ui.updates.childrun import KILL_WAIT_MS, ChildRun


class ContentCheck(QObject):
    """Checks a content folder for a reload; ``finished`` carries what was found (a Checked)."""

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None, seconds: float = CHECK_SECONDS):
        super().__init__(parent)
        self._folder = Path()
        self._seconds = seconds
        self._run = ChildRun("content check", seconds, self)
        self._run.ended.connect(self._done)
        self._run.failedToStart.connect(
            lambda why: self.finished.emit(stopped(self._folder, f"the check could not start ({why})")))
        self._run.timedOut.connect(lambda: self.finished.emit(timed_out(self._folder, self._seconds)))

    @property
    def running(self) -> bool:
        return self._run.running

    def start(self, folder: Path) -> None:
        """Check ``folder``; a check already running is stopped (its content is older)."""
        self._folder = folder
        self._run.start("kiosk-check-", lambda private: command(RELOAD, folder, private / RESULT_FILE))

    def _done(self, exit_code: int, private: Path) -> None:
        self.finished.emit(read_result(private / RESULT_FILE, self._folder, exit_code))

    def stop(self, wait_ms: int = KILL_WAIT_MS) -> None:
        """Stop the check; the kiosk closing waits longer for its child (Qt would destroy it running)."""
        self._run.stop(wait_ms)
