"""The kiosk's exit codes, what each means, and which ones the tablet's shell restarts it after.
No Qt here: the supervisor, the support bundle and the tests read this table, and the Shell
Launcher configuration in packaging/windows is checked against it.
"""

from __future__ import annotations

from typing import NamedTuple


class ExitCode(NamedTuple):
    code: int
    meaning: str
    restart: bool  # whether a kiosk shell (Shell Launcher, the supervisor) starts the kiosk again


STAFF_EXIT = 10
ALREADY_RUNNING = 4

EXIT_CODES = (
    ExitCode(0, "its window closed (never in kiosk mode, where closing is refused)", True),
    ExitCode(1, "its content could not be loaded at all, or an error it could not get past", True),
    ExitCode(2, "a file or folder on its command line can't be used (a network share not there yet)", True),
    ExitCode(3, "an unexpected error before the kiosk could start", True),
    # Another kiosk already shows on this tablet: starting this one again can only fail again.
    ExitCode(ALREADY_RUNNING, "another kiosk already runs with the same data folder", False),
    ExitCode(5, "no screen to show it on, or Qt could not go on (a display driver being replaced)", True),
    ExitCode(STAFF_EXIT, "a staff member chose Exit the kiosk with the PIN", False),
    # Someone at a keyboard, or Windows itself, asked it to stop: it stays stopped.
    ExitCode(129, "its terminal was closed", False),
    ExitCode(130, "Ctrl+C was pressed in its console", False),
    ExitCode(143, "the system asked it to stop (signing out, shutting down, its console closed)", False),
    ExitCode(149, "Ctrl+Break was pressed in its console", False),
)
_BY_CODE = {entry.code: entry for entry in EXIT_CODES}
NO_RESTART = frozenset(entry.code for entry in EXIT_CODES if not entry.restart)


def should_restart(code: int) -> bool:
    """Any code not in the table (a crash: 0xC0000005 on Windows, -11 on Linux; a kill) restarts."""
    return code not in NO_RESTART


def meaning(code: int) -> str:
    known = _BY_CODE.get(code)
    if known is not None:
        return known.meaning
    if code < 0:
        return f"it was ended by signal {-code} (a crash or a kill)"
    if code >= 0xC0000000:
        return f"it crashed (Windows exception 0x{code:08X})"
    return "it stopped unexpectedly (a crash, or ended in Task Manager)"
