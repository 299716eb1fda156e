"""How the kiosk's process ends when it is asked to, and that only one kiosk uses a data folder.

However it is asked to stop, the kiosk writes its usage counts and logs why it ended:

- SIGTERM (an administrator, a service manager), SIGHUP (its terminal closed) and Ctrl+C
  (SIGINT) end Qt's event loop the orderly way, with 128 + the signal's number. Python runs a
  signal's handler only when Python runs, and Qt's loop waits in C++: a socket that the signal
  writes to (``signal.set_wakeup_fd``) wakes the loop, so the handler runs at once and never
  later, as a ``KeyboardInterrupt`` in the middle of a patient's tap.
- Windows' console build (kiosk-console.exe): Ctrl+C, Ctrl+Break and closing the console window
  (``SetConsoleCtrlHandler``). Windows ends the process a few seconds after a close, so the
  counts and the reason are written on Windows' own thread before the handler returns.
- Signing out, restarting or shutting Windows down: Qt turns WM_QUERYENDSESSION into
  ``commitDataRequest`` and WM_ENDSESSION into ``aboutToQuit``, both before Windows ends the
  process; the counts are written in each. (Windows sends a console program that has windows
  these messages instead of the console's sign-out and shut-down events.)
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLockFile, QObject, QSocketNotifier, QSysInfo, Signal
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    import socket

log = logging.getLogger(__name__)

ALREADY_RUNNING_EXIT_CODE = 4
LOCK_FILE_NAME = "kiosk.lock"

SIGNALS = {  # what each signal means, for the log
    "SIGTERM": "the system or an administrator asked it to stop (SIGTERM)",
    "SIGINT": "Ctrl+C was pressed in its terminal",
    "SIGHUP": "its terminal was closed (SIGHUP)",
    "SIGBREAK": "Ctrl+Break was pressed in its console",
}
# Windows' console events (wincon.h): what each means, and the exit code the kiosk ends with.
CTRL_C_EVENT, CTRL_BREAK_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT = 0, 1, 2, 5, 6
CONSOLE_EVENTS = {
    CTRL_C_EVENT: ("Ctrl+C was pressed in its console", 130),
    CTRL_BREAK_EVENT: ("Ctrl+Break was pressed in its console", 149),
    CTRL_CLOSE_EVENT: ("its console window was closed", 143),
    CTRL_LOGOFF_EVENT: ("Windows is signing the user out", 143),
    CTRL_SHUTDOWN_EVENT: ("Windows is shutting down", 143),
}
SESSION_ENDING = "Windows is ending the session (signing out, restarting or shutting down)"


class Ending(QObject):
    """Ends the kiosk the orderly way when the system or someone asks; ``write_counts`` writes
    the usage counts now and may be called from any thread. ``reason`` is why it is ending."""

    endRequested = Signal(str, int)  # why, exit code; from any thread (delivered on the app's)

    def __init__(self, app: QApplication, write_counts: Callable[[], None]):
        super().__init__(app)
        self._app = app
        self._write_counts = write_counts
        self.reason: str | None = None
        self._kept: list[Any] = []  # the wake-up sockets and Windows' handler, alive while the kiosk runs
        self.endRequested.connect(self.end)
        app.commitDataRequest.connect(self.session_ending)
        app.aboutToQuit.connect(self.about_to_quit)

    def listen(self) -> None:
        """Take over the signals, and on Windows the console's events, for this process."""
        for name in SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                signal.signal(number, self._signalled)
        import socket  # here: the kiosk's first frame doesn't wait for it

        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(lambda: _drain(reader))  # Python runs: the signal's handler with it
        self._kept += [reader, writer, notifier]
        self._kept.append(_watch_the_console(self.console_event))

    def _signalled(self, number: int, frame: object) -> None:
        self.end(SIGNALS[signal.Signals(number).name], 128 + number)

    def end(self, why: str, code: int) -> None:
        if self.reason is not None:
            return  # already ending: a second Ctrl+C changes nothing
        self.reason = why
        log.warning("kiosk ending: %s", why)
        self._app.exit(code)

    def console_event(self, kind: int) -> bool:
        """Windows' console handler (on a thread of Windows'): True when the kiosk handles it."""
        if kind not in CONSOLE_EVENTS:
            return False
        why, code = CONSOLE_EVENTS[kind]
        if kind not in (CTRL_C_EVENT, CTRL_BREAK_EVENT):
            # Windows ends the process soon after this returns: the counts and the reason go now.
            self._write_now(why)
        self.endRequested.emit(why, code)
        return True

    def session_ending(self, manager: object = None) -> None:
        """WM_QUERYENDSESSION: the kiosk doesn't object, and writes its counts in case it is ended."""
        if self.reason is None:
            self.reason = SESSION_ENDING
            self._write_now(SESSION_ENDING)

    def about_to_quit(self) -> None:
        """The event loop is ending (also on WM_ENDSESSION, just before Windows ends the process)."""
        self._write_now(None)

    def _write_now(self, why: str | None) -> None:
        if why is not None:
            log.warning("kiosk ending: %s", why)
        try:
            self._write_counts()
        except Exception:  # the reason still reaches the log
            log.exception("the usage counts could not be written while the kiosk was ending")
        for handler in logging.getLogger().handlers:
            handler.flush()


def _drain(reader: socket.socket) -> None:
    with contextlib.suppress(OSError):  # nothing there: the notifier was only a wake-up
        reader.recv(512)


def _watch_the_console(handle: Callable[[int], bool]) -> object:
    """Windows: ``handle`` hears the console's events; the returned callback must be kept alive."""
    if sys.platform != "win32":  # ctypes' Windows calls exist only there
        return None
    import ctypes
    from ctypes import wintypes

    routine = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.DWORD)
    callback = routine(lambda kind: bool(handle(int(kind))))
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    if not kernel32.SetConsoleCtrlHandler(callback, True):
        log.warning("can't watch the console's events (Windows error %d)", ctypes.get_last_error())
    return callback


def _this_machine() -> str:
    """This computer's name as QLockFile writes it into the lock: on Windows the COMPUTERNAME
    variable (the short, upper-case NetBIOS name, not the DNS host name QSysInfo gives), which
    Windows compares without regard to case."""
    if sys.platform == "win32":
        return os.environ.get("COMPUTERNAME", "")
    return QSysInfo.machineHostName()


def hold_data_folder(folder: Path) -> QLockFile | str:
    """This kiosk's hold on ``folder`` (the usage counts live there), or why another kiosk has it.

    A kiosk runs for weeks, so the lock never goes stale with age; a lock left by a kiosk that
    crashed (its process gone) is taken over. A folder where no lock can be made at all doesn't
    stop the kiosk: it runs, and says so in the log.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("can't make the data folder %s (%s); running without the one-kiosk check", folder, exc)
        return QLockFile(str(folder / LOCK_FILE_NAME))
    lock = QLockFile(str(folder / LOCK_FILE_NAME))
    lock.setStaleLockTime(0)
    if lock.tryLock(100):
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError:
        log.warning("can't make the lock file in %s; running without the one-kiosk check", folder)
        return lock
    pid, host, _ = lock.getLockInfo()
    where = f" on {host}" if host and host.casefold() != _this_machine().casefold() else ""
    return (f"another kiosk is already running with the data folder {folder} (process {pid}{where}), "
            "so this one is closing. End that one first (in Task Manager, kiosk.exe) to start the kiosk again")
