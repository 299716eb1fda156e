"""The program's name as staff type it, per platform: the one place that decides it. No Qt here.

On Windows the packaged kiosk is two programs: ``kiosk.exe`` (no console, what the tablet runs)
and ``kiosk-console.exe`` (the same program with a console, for staff commands). Neither is on the
path, so a message that tells staff what to run names the console twin by its full path, quoted
(a Command Prompt runs it as given). Everywhere else the command is ``kiosk``.
"""

from __future__ import annotations

import sys
from pathlib import Path

CONSOLE_PROGRAM = "kiosk-console.exe"
COMMAND = "kiosk"


def packaged_for_windows(platform: str | None = None, frozen: bool | None = None) -> bool:
    from kiosk.system.resources import is_frozen

    return (platform or sys.platform) == "win32" and (is_frozen() if frozen is None else frozen)


def program_name(platform: str | None = None, frozen: bool | None = None) -> str:
    """What staff type to run the kiosk's commands: ``kiosk-console.exe`` or ``kiosk``."""
    return CONSOLE_PROGRAM if packaged_for_windows(platform, frozen) else COMMAND


def staff_command(*arguments: str, platform: str | None = None, frozen: bool | None = None,
                  folder: Path | None = None) -> str:
    """A whole command line for staff to run, e.g. ``kiosk --set-pin`` or, on a Windows tablet,
    ``"C:\\Program Files\\Dry Needling Kiosk\\kiosk-console.exe" --set-pin``."""
    if packaged_for_windows(platform, frozen):
        from kiosk.system.resources import app_dir

        program = f'"{(folder or app_dir()) / CONSOLE_PROGRAM}"'
    else:
        program = COMMAND
    return " ".join((program, *arguments))
