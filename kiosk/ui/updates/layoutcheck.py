"""Whether every screen of new content fits the tablet, checked while the kiosk runs: the fit
check (kiosk.ui.offscreen.fitcheck) in a child process, once the content itself was found good.
What it finds is for staff, in the staff menu's problems; the content is shown either way."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from kiosk.system.resources import own_command
from kiosk.ui.offscreen.fitcheck import BACKGROUND, FIT_FLAG, FIT_SECONDS, not_checked, read_problems
from kiosk.ui.updates.contentcheck import KILL_WAIT_MS, end_child

log = logging.getLogger(__name__)


# Staff save a file several times while they edit: the layout, about half a minute's work for
# one core, is checked once they pause, not after every save.
PAUSE_MS = 5000
CLOSING_WAIT_MS = 3000


class LayoutCheck(QObject):
    """Lays out every screen of a content folder in a child; ``found`` carries the problems (a list)."""

    found = Signal(list)

    def __init__(self, parent: QObject | None = None, seconds: float = FIT_SECONDS, pause_ms: int = PAUSE_MS):
        super().__init__(parent)
        self._process: QProcess | None = None
        self._private: Path | None = None
        self._folder = Path()
        self._pause = QTimer(self, singleShot=True, interval=pause_ms)
        self._pause.timeout.connect(self._begin)
        self._deadline = QTimer(self, singleShot=True, interval=max(1, int(seconds * 1000)))
        self._deadline.timeout.connect(self._time_is_up)
        self._seconds = seconds

    @property
    def running(self) -> bool:
        return self._process is not None or self._pause.isActive()

    def start(self, folder: Path) -> None:
        """Check ``folder`` after a pause; a check already waiting or running is stopped (its
        content is older)."""
        self.stop()
        self._folder = folder
        self._pause.start()

    def _begin(self) -> None:
        folder = self._folder
        self._private = Path(tempfile.mkdtemp(prefix="kiosk-fit-"))
        program, *args = own_command(FIT_FLAG, str(folder), str(self._private / "fit.pickle"), BACKGROUND)
        process = self._process = QProcess(self)
        process.setProgram(program)
        process.setArguments(args)
        process.finished.connect(self._done)
        process.errorOccurred.connect(self._failed)
        process.start()
        process.closeWriteChannel()
        self._deadline.start()

    def stop(self, wait_ms: int = KILL_WAIT_MS) -> None:
        """Stop the running child, if any, and throw away its folder. A child not gone within
        ``wait_ms`` is let go when it ends (the kiosk closing waits longer: Qt would destroy it
        still running)."""
        self._pause.stop()
        self._deadline.stop()
        process, self._process = self._process, None
        if process is not None:
            process.finished.disconnect(self._done)
            process.errorOccurred.disconnect(self._failed)
            end_child(process, wait_ms)
        private, self._private = self._private, None
        if private is not None:
            shutil.rmtree(private, ignore_errors=True)

    def _done(self, exit_code: int, _status: QProcess.ExitStatus) -> None:
        if self._process is None or self._private is None:
            return
        if exit_code != 0:
            log.error("layout check failed: %s", bytes(self._process.readAllStandardError().data())
                      .decode("utf-8", "replace")[-2000:])
        problems = read_problems(self._private / "fit.pickle", self._folder)
        self.stop()
        self.found.emit(problems)

    def _failed(self, error: QProcess.ProcessError) -> None:
        process = self._process
        if process is not None and error == QProcess.ProcessError.FailedToStart:
            log.error("layout check could not start: %s", process.errorString())
            why = f"the check could not start ({process.errorString()})"
            self.stop()
            self.found.emit([not_checked(self._folder, why)])

    def _time_is_up(self) -> None:
        if self._process is not None:
            log.error("layout check took longer than %s s; stopped", self._seconds)
            self.stop()
            self.found.emit([not_checked(self._folder, f"laying them out took longer than {self._seconds:g} s")])
