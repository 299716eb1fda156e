"""Whether every screen of new content fits the tablet, checked while the kiosk runs: the fit
check (kiosk.ui.offscreen.fitcheck) in a child process, once the content itself was found good.
What it finds is for staff, in the staff menu's problems; the content is shown either way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.system.resources import own_command
from kiosk.ui.offscreen.fitcheck import BACKGROUND, FIT_FLAG, FIT_SECONDS, not_checked, read_problems
from kiosk.ui.updates.childrun import KILL_WAIT_MS, ChildRun

# Staff save a file several times while they edit: the layout, about half a minute's work for
# one core, is checked once they pause, not after every save.
PAUSE_MS = 5000
CLOSING_WAIT_MS = 3000
RESULT = "fit.pickle"


class LayoutCheck(QObject):
    """Lays out every screen of a content folder in a child; ``found`` carries the problems (a list)."""

    found = Signal(list)

    def __init__(self, parent: QObject | None = None, seconds: float = FIT_SECONDS, pause_ms: int = PAUSE_MS):
        super().__init__(parent)
        self._folder = Path()
        self._seconds = seconds
        self._pause = QTimer(self, singleShot=True, interval=pause_ms)
        self._pause.timeout.connect(self._begin)
        self._run = ChildRun("layout check", seconds, self)
        self._run.ended.connect(lambda _code, private: self.found.emit(read_problems(private / RESULT, self._folder)))
        self._run.failedToStart.connect(
            lambda why: self.found.emit([not_checked(self._folder, f"the check could not start ({why})")]))
        self._run.timedOut.connect(lambda: self.found.emit(
            [not_checked(self._folder, f"laying them out took longer than {self._seconds:g} s")]))

    @property
    def running(self) -> bool:
        return self._run.running or self._pause.isActive()

    def start(self, folder: Path) -> None:
        """Check ``folder`` after a pause; a check already waiting or running is stopped (its
        content is older)."""
        self.stop()
        self._folder = folder
        self._pause.start()

    def _begin(self) -> None:
        folder = self._folder
        self._run.start("kiosk-fit-", lambda private: own_command(FIT_FLAG, str(folder), str(private / RESULT),
                                                                  BACKGROUND))

    def stop(self, wait_ms: int = KILL_WAIT_MS) -> None:
        """Stop the waiting or running check (the kiosk closing waits longer for its child: Qt
        would destroy it still running)."""
        self._pause.stop()
        self._run.stop(wait_ms)
