"""What a crash leaves behind on a tablet with no console: Python's own traceback of a native
crash (``faulthandler``) in a small file in the log folder, and a way for the kiosk's own tests
to crash it on purpose. No Qt here.

The traceback file is opened for the whole run (a crashing process can't open files). At each
start a file that holds something (the last run crashed or hung) is kept as ``crash.log.1``, the
older ones moved up to ``crash.log.3``, so the last few crashes stay and the folder stays small.
Windows Error Reporting's minidumps (the installer sets them up) go to ``dumps`` beside it.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from pathlib import Path
from typing import TextIO

from kiosk.system.runmarker import RunningMarker

log = logging.getLogger(__name__)

FILE_NAME = "crash.log"
DUMPS = "dumps"  # the installer points Windows Error Reporting's LocalDumps here
KEPT = 3  # earlier crash files kept beside the current one
HANG_SECONDS = 300  # the event loop silent this long: where it is stuck goes into the file
# The test-only crash needs both this variable set to this value and the hidden flag, so
# neither a patient (no keyboard, no command line) nor a typo can reach it.
TEST_CRASH_VARIABLE = "KIOSK_TEST_CRASH"
TEST_CRASH_VALUE = "crash-the-kiosk-on-purpose"
TEST_CRASH_FLAG = "--crash-for-test"

_open: list[TextIO] = []  # the open file, kept for the life of the process


def crash_file(folder: Path) -> Path:
    return folder / FILE_NAME


def start(folder: Path) -> Path | None:
    """Send native crash tracebacks to ``folder/crash.log`` from now on; None if it can't be written."""
    path = crash_file(folder)
    try:
        (folder / DUMPS).mkdir(parents=True, exist_ok=True)  # where Windows Error Reporting writes
        _keep_earlier(path)
        stream = path.open("w", encoding="utf-8")
    except OSError as exc:
        log.warning("can't keep crash tracebacks in %s (%s)", path, exc)
        return None
    _open[:] = [stream]
    faulthandler.enable(file=stream, all_threads=True)
    return path


def _keep_earlier(path: Path) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        return
    for number in range(KEPT - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


def watch_for_hangs(seconds: float = HANG_SECONDS) -> None:
    """(Re)start the hang watch: unless this is called again within ``seconds``, every thread's
    traceback goes into the crash file, once. The kiosk calls it from its event loop."""
    if _open:
        faulthandler.dump_traceback_later(seconds, repeat=False, file=_open[0])


def stop() -> None:
    if _open:
        faulthandler.cancel_dump_traceback_later()
        faulthandler.disable()
        _open.pop().close()


def test_crash_wanted(argv: list[str]) -> bool:
    return TEST_CRASH_FLAG in argv and os.environ.get(TEST_CRASH_VARIABLE) == TEST_CRASH_VALUE


def crash_now() -> None:
    """A real native crash, as a bug in Qt or a driver would cause: Windows Error Reporting and
    faulthandler both see it. Only ever called when ``test_crash_wanted``."""
    import ctypes

    log.critical("crashing on purpose for a test (%s)", TEST_CRASH_FLAG)
    for handler in logging.getLogger().handlers:
        handler.flush()
    if sys.stdout is not None:
        sys.stdout.flush()
    if sys.platform != "win32":
        ctypes.string_at(0)  # SIGSEGV
        return
    # On Windows ctypes guards its own calls and turns a fault into OSError; a thread Windows
    # starts at an address where nothing is mapped faults with no guard: the process crashes.
    kernel32 = ctypes.WinDLL("kernel32")
    kernel32.CreateThread.restype = ctypes.c_void_p
    kernel32.CreateThread.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p, ctypes.c_void_p,
                                      ctypes.c_uint32, ctypes.c_void_p]
    kernel32.WaitForSingleObject.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
    thread = kernel32.CreateThread(None, 0, ctypes.c_void_p(0x10), None, 0, None)
    if thread:
        kernel32.WaitForSingleObject(thread, 0xFFFFFFFF)
    raise SystemError("the test crash did not crash the process")


def begin_run(folder: Path) -> RunningMarker:
    """For the kiosk's run on a screen: crash tracebacks and the hang watch on, the run marked."""
    start(folder)
    marker = RunningMarker(folder)
    marker.begin()
    watch_for_hangs()
    return marker
