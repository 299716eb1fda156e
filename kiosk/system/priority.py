"""A child process that gives way: the layout check laid out while the kiosk runs must never slow
a patient's tap, so it asks the operating system for less than the screen's share of the CPU."""

from __future__ import annotations

import contextlib
import os
import sys

BELOW_NORMAL_PRIORITY_CLASS = 0x4000  # Windows' SetPriorityClass
NICER = 10  # elsewhere: the usual step for background work


def give_way() -> None:
    """Lower this process's priority; the kiosk works on if the system says no."""
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)
        return
    with contextlib.suppress(OSError):  # not allowed: the check still runs, only less politely
        os.nice(NICER)


def gives_way() -> bool:
    """Whether this process runs below normal priority (for the tests on each system)."""
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        return bool(kernel32.GetPriorityClass(kernel32.GetCurrentProcess()) == BELOW_NORMAL_PRIORITY_CLASS)
    return os.getpriority(os.PRIO_PROCESS, 0) >= NICER
