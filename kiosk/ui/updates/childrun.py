"""One run of the kiosk's own program as a child process, for a check that must never hold up
the screen: its private folder for the result, its deadline, and its end, whichever way it comes
(done, could not start, out of time, stopped for a newer run or because the kiosk closes)."""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

KILL_WAIT_MS = 100
_LEAVING: set[QProcess] = set()  # killed children not yet gone: held here, not by a window


def end_child(process: QProcess, wait_ms: int = KILL_WAIT_MS) -> None:
    """Kill a child and delete it once it has ended. A killed process ends at once (1 ms here);
    the screen waits no longer than ``wait_ms``, and one slower to go (Windows under load) is let
    go: a QProcess deleted while its child runs blocks until the child is gone."""
    if process.state() != QProcess.ProcessState.NotRunning:
        process.kill()
        if not process.waitForFinished(wait_ms):
            _let_go(process)
            return
    process.deleteLater()


def _let_go(process: QProcess) -> None:
    """A killed child that has not ended yet: no longer the window's (Qt would destroy it still
    running when the window goes), deleted once it has ended."""
    process.setParent(None)
    _LEAVING.add(process)

    def gone() -> None:
        _LEAVING.discard(process)
        process.deleteLater()

    process.finished.connect(gone)


class ChildRun(QObject):
    """``ended(exit_code, folder)``: the child finished, its result in ``folder`` (thrown away once
    the signal returns); ``failedToStart(why)``; ``timedOut()``: it ran past ``seconds`` and was
    stopped. A run stopped by ``stop()`` or replaced by ``start()`` says nothing more."""

    ended = Signal(int, Path)
    failedToStart = Signal(str)
    timedOut = Signal()

    def __init__(self, what: str, seconds: float, parent: QObject | None = None):
        super().__init__(parent)
        self._what = what  # for the log: "content check", "layout check"
        self._seconds = seconds
        self._process: QProcess | None = None
        self._folder: Path | None = None
        self._deadline = QTimer(self, singleShot=True, interval=max(1, int(seconds * 1000)))
        self._deadline.timeout.connect(self._time_is_up)

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(self, prefix: str, command: Callable[[Path], list[str]]) -> None:
        """Run ``command(folder)`` in a new private folder; a run already going is stopped."""
        self.stop()
        folder = self._folder = Path(tempfile.mkdtemp(prefix=prefix))
        program, *args = command(folder)
        process = self._process = QProcess(self)
        process.setProgram(program)
        process.setArguments(args)
        process.finished.connect(self._done)
        process.errorOccurred.connect(self._failed)
        process.start()
        process.closeWriteChannel()
        self._deadline.start()

    def stop(self, wait_ms: int = KILL_WAIT_MS) -> None:
        """Stop the child, if any, and throw away its folder. The kiosk closing waits longer for
        it (``wait_ms``): Qt would destroy it still running."""
        process, folder = self._take()
        if process is not None:
            end_child(process, wait_ms)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    def _take(self) -> tuple[QProcess | None, Path | None]:
        """The run's child and folder, no longer this run's: whatever happens next is a new run."""
        self._deadline.stop()
        process, folder = self._process, self._folder
        self._process = self._folder = None
        if process is not None:
            process.finished.disconnect(self._done)
            process.errorOccurred.disconnect(self._failed)
        return process, folder

    def _done(self, exit_code: int, _status: QProcess.ExitStatus) -> None:
        if self._process is None or self.sender() is not self._process:
            return  # one stopped for a newer run
        if exit_code != 0:
            log.error("%s failed: %s", self._what, bytes(self._process.readAllStandardError().data())
                      .decode("utf-8", "replace")[-2000:])
        process, folder = self._take()
        assert process is not None and folder is not None
        try:
            self.ended.emit(exit_code, folder)  # a handler may start the next run: it is a new one
        finally:
            end_child(process)
            shutil.rmtree(folder, ignore_errors=True)

    def _failed(self, error: QProcess.ProcessError) -> None:
        process = self._process
        if process is None or self.sender() is not process or error != QProcess.ProcessError.FailedToStart:
            return
        why = process.errorString()
        log.error("%s could not start: %s", self._what, why)
        self.stop()
        self.failedToStart.emit(why)

    def _time_is_up(self) -> None:
        if self._process is not None:
            log.error("%s took longer than %s s; stopped", self._what, self._seconds)
            self.stop()
            self.timedOut.emit()
