"""Checking new content while the kiosk runs: in a child process (kiosk.checks.child), never on the
screen thread. The screen only starts the child and reads its result; a child still running when
its time is up (CHECK_SECONDS) is stopped, and a newer request replaces an older one."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from kiosk.checks.child import RELOAD, RESULT_FILE, command, read_result, stopped, timed_out
from kiosk.reading.limits import CHECK_SECONDS

log = logging.getLogger(__name__)

KILL_WAIT_MS = 100
_LEAVING: set[QProcess] = set()  # killed children not yet gone: held here, not by a window


def end_child(process: QProcess, wait_ms: int = KILL_WAIT_MS) -> None:
    """Kill a check's child and delete it once it has ended. A killed process ends at once (1 ms
    here); the screen waits no longer than ``wait_ms``, and one slower to go (Windows under load)
    is let go: a QProcess deleted while its child runs blocks until the child is gone."""
    if process.state() != QProcess.ProcessState.NotRunning:
        process.kill()
        if not process.waitForFinished(wait_ms):
            let_go(process)
            return
    process.deleteLater()


def let_go(process: QProcess) -> None:
    """A killed child that has not ended yet: no longer the window's (Qt would destroy it still
    running when the window goes), deleted once it has ended."""
    process.setParent(None)
    _LEAVING.add(process)

    def gone() -> None:
        _LEAVING.discard(process)
        process.deleteLater()

    process.finished.connect(gone)


class ContentCheck(QObject):
    """Checks a content folder for a reload; ``finished`` carries what was found (a Checked)."""

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None, seconds: float = CHECK_SECONDS):
        super().__init__(parent)
        self._process: QProcess | None = None
        self._private: Path | None = None
        self._folder = Path()
        self._seconds = seconds
        self._deadline = QTimer(self, singleShot=True, interval=max(1, int(seconds * 1000)))
        self._deadline.timeout.connect(self._time_is_up)

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(self, folder: Path) -> None:
        """Check ``folder``; a check already running is stopped (its content is older)."""
        self._end()
        self._folder = folder
        self._private = Path(tempfile.mkdtemp(prefix="kiosk-check-"))
        program, *args = command(RELOAD, folder, self._private / RESULT_FILE)
        process = self._process = QProcess(self)
        process.setProgram(program)
        process.setArguments(args)
        process.finished.connect(self._done)
        process.errorOccurred.connect(self._failed)
        process.start()
        process.closeWriteChannel()
        self._deadline.start()

    def _done(self, exit_code: int, _status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None or self.sender() is not process or self._private is None:
            return  # one stopped for a newer check
        if exit_code != 0:
            log.error("content check failed: %s", bytes(process.readAllStandardError().data())
                      .decode("utf-8", "replace")[-2000:])
        checked = read_result(self._private / RESULT_FILE, self._folder, exit_code)
        self._end()
        self.finished.emit(checked)

    def _failed(self, error: QProcess.ProcessError) -> None:
        process = self._process
        if process is not None and self.sender() is process and error == QProcess.ProcessError.FailedToStart:
            log.error("content check could not start: %s", process.errorString())
            self._end()
            self.finished.emit(stopped(self._folder, f"the check could not start ({process.errorString()})"))

    def _time_is_up(self) -> None:
        if self._process is not None:
            log.error("content check took longer than %s s; stopped", self._seconds)
            self._end()
            self.finished.emit(timed_out(self._folder, self._seconds))

    def _end(self, wait_ms: int = KILL_WAIT_MS) -> None:
        """Stop the running child, if any, and throw away its folder."""
        self._deadline.stop()
        process, self._process = self._process, None
        if process is not None:
            end_child(process, wait_ms)
        if self._private is not None:
            shutil.rmtree(self._private, ignore_errors=True)
            self._private = None

    def stop(self, wait_ms: int = KILL_WAIT_MS) -> None:
        """Stop the check; the kiosk closing waits longer for its child (Qt would destroy it running)."""
        self._end(wait_ms)

