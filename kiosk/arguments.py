"""The command line's files and folders, checked before anything uses them: each mistake is one
line saying what is wrong with which path and what to give instead, never "unexpected error".
No Qt here."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from kiosk.system.programname import program_name


def folder_to_read(flag: str, path: Path) -> str | None:
    """A folder the kiosk reads (the content)."""
    return _usable(flag, path, _folder_to_read)


def folder_to_write(flag: str, path: Path) -> str | None:
    """A folder the kiosk writes into, made if missing (screenshots, the review pack)."""
    return _usable(flag, path, _folder_to_write)


def file_to_write(flag: str, path: Path, example: str) -> str | None:
    """A file the kiosk writes (a CSV, the settings): ``example`` names one inside a folder given by mistake."""
    return _usable(flag, path, lambda flag, path: _file_to_write(flag, path, example))


def _usable(flag: str, path: Path, check: Callable[[str, Path], str | None]) -> str | None:
    if "\0" in str(path):  # pathlib says such a path doesn't exist; opening it would raise
        return f"{program_name()}: {flag} {str(path)!r} is not a name a file or folder can have"
    try:
        return check(flag, path)
    except ValueError as exc:
        return f"{program_name()}: {flag} {str(path)!r} can't be used ({exc})"


def _folder_to_read(flag: str, path: Path) -> str | None:
    if not path.exists():
        return f"{program_name()}: the content folder {path} does not exist"
    if not path.is_dir():
        return f"{program_name()}: {flag} needs a folder, but {path} is a file"
    if not os.access(path, os.R_OK | os.X_OK):
        return f"{program_name()}: the folder {path} can't be read (no permission); check who may open it"
    return None


def _folder_to_write(flag: str, path: Path) -> str | None:
    if path.exists() and not path.is_dir():
        return (f"{program_name()}: {flag} needs a folder to save into, but {path} is a file; "
                "give a folder's name instead")
    blocked = _file_in_the_way(path)
    if blocked:
        return f"{program_name()}: {path} can't be made, because {blocked} is a file, not a folder"
    nearest = _nearest_existing(path)
    if not os.access(nearest, os.W_OK | os.X_OK):
        return f"{program_name()}: nothing can be saved in {nearest} (no permission); choose another folder"
    return None


def _file_to_write(flag: str, path: Path, example: str) -> str | None:
    if path.is_dir():
        return (f"{program_name()}: {flag} needs a file, but {path} is a folder; "
                f"give a file's name, like {path / example}")
    blocked = _file_in_the_way(path.parent)
    if blocked:
        return f"{program_name()}: {path} can't be written, because {blocked} is a file, not a folder"
    return None


def _nearest_existing(path: Path) -> Path:
    for folder in (path, *path.absolute().parents):
        if folder.exists():
            return folder
    return path


def _file_in_the_way(path: Path) -> Path | None:
    """A file where ``path`` or one of its folders should be a folder."""
    nearest = _nearest_existing(path)
    return nearest if nearest.exists() and not nearest.is_dir() else None
