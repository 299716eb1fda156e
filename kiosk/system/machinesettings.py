"""The machine-wide settings IT sets once for every account on a tablet: for now, the content
folder (a network share all the clinic's tablets read). No Qt here.

One INI file, written by the installer (``/CONTENT=\\\\server\\share\\kiosk``) or by hand:
``C:\\ProgramData\\dry-needling-kiosk\\machine.ini`` on Windows, ``/etc/xdg/dry-needling-kiosk/
machine.ini`` on Linux::

    [kiosk]
    content = \\\\server\\share\\kiosk

``--content`` on the command line still wins over it. Only administrators can write the file
(the installer makes it); a value the kiosk can't use is named in the log and ignored.
"""

from __future__ import annotations

import configparser
import logging
import sys
from pathlib import Path

from kiosk.settings.values import APP_NAME

log = logging.getLogger(__name__)

FILE_NAME = "machine.ini"
SECTION = "kiosk"
MAX_BYTES = 64_000  # a few lines; a huge file is not read


def machine_settings_path() -> Path:
    import platformdirs  # ProgramData on Windows, /etc/xdg on Linux

    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


def _decoded(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 with one (Notepad), else the ANSI code page
    the installer's INI writer uses on Windows."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("mbcs" if sys.platform == "win32" else "latin-1", "replace")


def content_folder(path: Path | None = None) -> Path | None:
    """The content folder IT set for this machine, or None (then the installed content is used)."""
    path = path or machine_settings_path()
    try:
        if path.stat().st_size > MAX_BYTES:
            log.warning("machine settings: %s is too large to be settings; it is ignored", path)
            return None
        text = _decoded(path.read_bytes())
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("machine settings: can't read %s (%s); it is ignored", path, exc)
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        log.warning("machine settings: %s can't be read as settings (%s); it is ignored", path,
                    str(exc).splitlines()[0])
        return None
    value = parser.get(SECTION, "content", fallback="").strip().strip('"')
    if not value:
        return None
    if "\0" in value:
        log.warning("machine settings: the content folder in %s is not a folder's name; it is ignored", path)
        return None
    return Path(value)
