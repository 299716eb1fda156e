"""Where the kiosk's files are: installed from a wheel, from the source tree, or packaged.

This is the only module that knows whether the kiosk is frozen by PyInstaller, and where its
content and assets are. They ship inside the ``kiosk`` package (``kiosk/content``,
``kiosk/assets``) as package data, so ``pip install .`` installs a kiosk that works from any
folder; the PyInstaller build keeps them at the top of ``_internal`` instead.
"""

from __future__ import annotations

import functools
import importlib.resources
import sys
from pathlib import Path, PurePosixPath

# The kiosk's own typeface, shipped in kiosk/assets/fonts (loaded by kiosk/ui/look/typeface.py).
TYPEFACE = "Atkinson Hyperlegible"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


@functools.cache  # where the package is does not change while the kiosk runs
def _package_dir() -> Path:
    """The installed ``kiosk`` package as a folder (a wheel's install, editable, or the checkout).

    Asked of the import system (``importlib.resources``), the standard way to reach a package's
    data, instead of assumed from this file's location. Qt, Jinja and the staff's text editor
    need real files, so a package imported from an archive (a zip) is refused with a reason.
    """
    folder = importlib.resources.files("kiosk")
    if not isinstance(folder, Path):
        raise RuntimeError(f"the kiosk's files must be installed as a folder, not read from an archive: {folder}")
    return folder.resolve()


def own_command(*args: str) -> list[str]:
    """The command that runs this kiosk again with ``args``: the executable itself when packaged
    (PyInstaller's, on Windows too), else this Python with ``-m kiosk``."""
    if is_frozen():
        return [sys.executable, *args]
    return [sys.executable, "-m", "kiosk", *args]


def bundle_dir() -> Path:
    """The read-only files shipped with the kiosk: ``_internal`` in the packaged build, else the package."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]  # set by PyInstaller's bootloader
    return _package_dir()


def app_dir() -> Path:
    """The folder a clinic sees: beside the executable; unpackaged, the package itself.

    Never the folder *around* the package (``site-packages`` for a wheel): a ``content`` folder
    there would belong to someone else.
    """
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return bundle_dir()


def bundled_content_dir() -> Path:
    return bundle_dir() / "content"


def default_content_dir() -> Path:
    """A ``content`` folder beside the executable wins, so clinics edit it without a rebuild."""
    beside = app_dir() / "content"
    if beside.is_dir():
        return beside
    return bundled_content_dir()


def picture_path(name: str, content_folder: Path) -> Path:
    """A clinic's picture (``illustrations/couch-side.svg``, the logo): from its content folder,
    else the shipped one of that name, so a clinic replaces a picture by saving its own under
    the same name and never edits the program's files. Refuses what asset_path
    refuses. When neither exists, the content folder's path (for the message)."""
    parts = _inside(name, "content")
    own = content_folder / parts
    if own.is_file():
        return own
    shipped = bundled_content_dir() / parts
    return shipped if shipped.is_file() else own


def _inside(name: str, folder: str) -> PurePosixPath:
    parts = PurePosixPath(name.replace("\\", "/"))
    if parts.is_absolute() or ".." in parts.parts or ":" in name:
        raise ValueError(f"file names must stay inside the {folder} folder: {name!r}")
    return parts


def asset_path(name: str) -> Path:
    """A file under ``assets/``; refuses absolute paths and ``..`` so content can't reach outside."""
    parts = PurePosixPath(name.replace("\\", "/"))
    if parts.is_absolute() or ".." in parts.parts or ":" in name:
        raise ValueError(f"asset names must stay inside the assets folder: {name!r}")
    return bundle_dir() / "assets" / parts
