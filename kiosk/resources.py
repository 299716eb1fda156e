"""Where the kiosk's files are, from the source tree and from the packaged build alike.

This is the only module that knows whether the kiosk is frozen by PyInstaller.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

# The kiosk's own typeface, shipped in assets/fonts (loaded by kiosk/ui/typeface.py).
TYPEFACE = "Atkinson Hyperlegible"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_dir() -> Path:
    """The read-only files shipped with the kiosk (``_internal`` in the packaged build)."""
    if is_frozen():
        return Path(sys._MEIPASS)
    return Path(__file__).resolve().parent.parent


def app_dir() -> Path:
    """The folder a clinic sees: beside the executable, or the source checkout."""
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


def asset_path(name: str) -> Path:
    """A file under ``assets/``; refuses absolute paths and ``..`` so content can't reach outside."""
    parts = PurePosixPath(name.replace("\\", "/"))
    if parts.is_absolute() or ".." in parts.parts or ":" in name:
        raise ValueError(f"asset names must stay inside the assets folder: {name!r}")
    return bundle_dir() / "assets" / parts
