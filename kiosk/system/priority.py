"""A child process that gives way: the layout check laid out while the kiosk runs must never slow
a patient's tap, so it asks the operating system for less than the screen's share of the CPU."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any

BELOW_NORMAL_PRIORITY_CLASS = 0x4000  # Windows' SetPriorityClass
NICER = 10  # elsewhere: the usual step for background work


def _kernel32() -> Any:  # Windows only
    """kernel32 with the process calls' types: ctypes would pass the current-process handle (-1)
    as a 32-bit int, which a 64-bit Windows reads as another, invalid handle."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    kernel32.GetCurrentProcess.argtypes = []
    kernel32.SetPriorityClass.argtypes = [wintypes.HANDLE, wintypes.DWORD]
    kernel32.SetPriorityClass.restype = wintypes.BOOL
    kernel32.GetPriorityClass.argtypes = [wintypes.HANDLE]
    kernel32.GetPriorityClass.restype = wintypes.DWORD
    return kernel32


def give_way() -> None:
    """Lower this process's priority; the kiosk works on if the system says no."""
    if sys.platform == "win32":
        kernel32 = _kernel32()
        kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)
        return
    with contextlib.suppress(OSError):  # not allowed: the check still runs, only less politely
        os.nice(NICER)


def gives_way() -> bool:
    """Whether this process runs below normal priority (for the tests on each system)."""
    if sys.platform == "win32":
        kernel32 = _kernel32()
        return bool(kernel32.GetPriorityClass(kernel32.GetCurrentProcess()) == BELOW_NORMAL_PRIORITY_CLASS)
    return os.getpriority(os.PRIO_PROCESS, 0) >= NICER
