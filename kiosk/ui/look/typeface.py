"""The kiosk's own typeface, Atkinson Hyperlegible, carried with it.

Every machine then lays out exactly what the tests and screenshots show: a clinic's Windows
tablet (Segoe UI), a Linux desktop (DejaVu) and Wine (no fonts at all) would otherwise each
wrap and clip text differently. Designed by the Braille Institute for low-vision readers,
with the Latin accents Spanish needs; SIL Open Font License (``assets/fonts/OFL.txt``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from kiosk.system.resources import TYPEFACE, asset_path

log = logging.getLogger(__name__)

FAMILY = TYPEFACE
# Where a character is missing from it (never in the shipped languages), the platform's own.
FAMILIES = [FAMILY, "Segoe UI", "DejaVu Sans", "Noto Sans", "Arial"]


def font_folder() -> Path:
    return asset_path("fonts")


def prepare_qt_environment(*, offscreen: bool) -> None:
    """Set before the QApplication is made.

    Qt platforms without a system font service (the offscreen one on Windows, which the
    self-test and screenshots use) read fonts only from ``QT_QPA_FONTDIR``, and otherwise look
    in ``PySide6/lib/fonts``, which does not exist, and warn on stderr. They read ours.
    """
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QPA_FONTDIR", str(font_folder()))


def load_typeface() -> bool:
    """Register the typeface with Qt (needs the QApplication); False, and a log line, if it can't."""
    from PySide6.QtGui import QFontDatabase

    files = sorted(font_folder().glob("*.ttf"))
    loaded = [path for path in files if QFontDatabase.addApplicationFont(str(path)) >= 0]
    if not files or len(loaded) < len(files):
        log.error("the kiosk's typeface could not be loaded from %s; text uses the system's fonts",
                  font_folder())
        return False
    return True
