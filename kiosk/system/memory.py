"""Handing memory the kiosk has freed back to the operating system. No Qt here.

A kiosk that runs all day drops whole screens, pictures and all, at every language
switch and every new patient, and makes new ones. glibc's allocator keeps the freed
pages inside the process for later, so resident memory crept up towards the day's
busiest moment though nothing leaked: in a 4,000-action soak the live heap stayed flat
at about 22 MB while the heap grew to 48 MB. ``malloc_trim`` gives the free pages back.
Other C libraries (Windows, macOS, musl) have no such call; there it is skipped.

Python's line cache is emptied too. Qt for Python hooks every import and reads the module's
source to look for its own name, so the source of every module the kiosk imports
sits in ``linecache``: 6 MB once every screen has been visited. Only a traceback reads it, and that reads the
file again.
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here: only Linux needs it, and not before home is painted

    try:
        # The process's own symbols include the C library's (no find_library: it runs ldconfig).
        trim = ctypes.CDLL(None).malloc_trim  # glibc only
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back_free_memory() -> bool:
    """Drop the line cache and return the allocator's free pages to the system; True if it could."""
    linecache.clearcache()
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
