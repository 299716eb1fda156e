"""Is the speech engine answering? Asked in a child process, with a deadline, before the kiosk uses it.

On Linux Qt's engine talks to speech-dispatcher, a separate daemon, and builds itself on the
thread that asks: starting the daemon takes 1-2 s there, and a daemon that hangs would hold the
screen for good (Qt's constructor waits for its answer, holding Python's lock, so even another
thread would not help). The child is this program again with a private first argument
(``--probe-speech-in-child ENGINE``, as kiosk.childcheck does); it pays for the daemon's start and
is stopped if it has not answered in ``ANSWER_WITHIN_MS``. Only then does the kiosk build its own.

Windows' engines (SAPI, OneCore) and Qt's mock engine run inside the kiosk's own process, with no
daemon to wait for: they are not probed.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from kiosk.system.resources import own_command

log = logging.getLogger(__name__)

PROBE_FLAG = "--probe-speech-in-child"
ANSWER_WITHIN_MS = 10_000  # the daemon's own start on a slow tablet takes 1-2 s
ENGINE_FAILED = 3  # the child's exit code when Qt's engine started but reports an error


def needs_probe(engine: str, platform: str = sys.platform) -> bool:
    """Engines that talk to a daemon: speech-dispatcher, Linux's default."""
    return platform.startswith("linux") and engine in ("", "speechd")


def probe_main(argv: list[str]) -> int:
    """The child: start Qt's engine as the kiosk would, and say by its exit code whether it works."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtTextToSpeech import QTextToSpeech

    engine = argv[0] if argv else ""
    app = QCoreApplication([sys.argv[0]])
    tts = QTextToSpeech(engine, app) if engine else QTextToSpeech(app)
    working = tts.state() != QTextToSpeech.State.Error and bool(tts.availableLocales())
    return 0 if working else ENGINE_FAILED


class SpeechProbe(QObject):
    """Runs the child; ``answered(problem)`` once: empty when the engine works."""

    answered = Signal(str)

    def __init__(self, engine: str, parent: QObject | None = None, within_ms: int | None = None):
        super().__init__(parent)
        self._within_ms = within_ms or ANSWER_WITHIN_MS
        self._process: QProcess | None = QProcess(self)
        program, *args = own_command(PROBE_FLAG, engine)
        self._process.setProgram(program)
        self._process.setArguments(args)
        self._process.finished.connect(self._finished)
        self._process.errorOccurred.connect(self._failed_to_start)
        self._deadline = QTimer(self, singleShot=True, interval=self._within_ms)
        self._deadline.timeout.connect(self._time_is_up)

    def start(self) -> None:
        assert self._process is not None
        self._process.start()
        self._process.closeWriteChannel()
        self._deadline.start()

    def _finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        if status != QProcess.ExitStatus.NormalExit:
            self._answer("the text-to-speech engine stopped while starting")
        elif exit_code == ENGINE_FAILED:
            self._answer("the text-to-speech engine reports an error, or has no voices")
        elif exit_code != 0:
            self._answer(f"the text-to-speech engine could not be tried (exit code {exit_code})")
        else:
            self._answer("")

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._answer("the text-to-speech engine could not be tried (the kiosk could not start itself)")

    def _time_is_up(self) -> None:
        self._answer(f"the text-to-speech engine did not answer within {self._within_ms // 1000} s")

    def cancel(self) -> None:
        """The kiosk is closing: the child goes, and no answer comes (Qt would destroy it running)."""
        process, self._process = self._process, None
        self._deadline.stop()
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(3000)

    def _answer(self, problem: str) -> None:
        process, self._process = self._process, None
        if process is None:
            return  # answered already
        self._deadline.stop()
        if process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(1000)
        if problem:
            log.warning("read aloud: %s", problem)
        self.answered.emit(problem)
