"""The kiosk's own settings (one YAML file in the per-user config folder, staff-edited: read and
written by ``kiosk.settings.file``), and the per-user folders the kiosk keeps its files in. No Qt here.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

APP_NAME = "dry-needling-kiosk"
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


@dataclass(frozen=True)
class StaffPin:
    """The staff PIN, stored only as a salted PBKDF2 hash (see kiosk.settings.pin)."""

    salt: str
    hash: str
    iterations: int = field(metadata={"min": 100_000, "max": 10_000_000})

    def check(self) -> list[tuple[str, str]]:
        """A damaged salt or hash would lock staff out as surely as no PIN: refused, so the
        settings file's reader keeps the last good PIN instead."""
        from kiosk.system.programname import staff_command

        wrote = f"it must be what {staff_command('--set-pin')} wrote"
        damaged = []
        if not _hex(self.salt, 16, 128):
            damaged.append(("salt", f"'staff_pin.salt' is damaged ({wrote})"))
        if not _hex(self.hash, 64, 64) or self.hash != self.hash.lower():  # as hashlib writes it
            damaged.append(("hash", f"'staff_pin.hash' is damaged ({wrote})"))
        return damaged


def _hex(text: str, shortest: int, longest: int) -> bool:
    return shortest <= len(text) <= longest and len(text) % 2 == 0 and all(c in "0123456789abcdefABCDEF" for c in text)


@dataclass(frozen=True)
class PinLock:
    """Wrong PIN tries in a row, and when (wall clock, seconds since 1970) the pad was locked.
    Kept in its own file beside the settings (``pin_lock_path``) so a restart doesn't reset them."""

    wrong: int = field(default=0, metadata={"min": 0, "max": 100})
    locked_at: float | None = field(default=None, metadata={"min": 0, "max": 1e11})


@dataclass(frozen=True)
class Settings:
    idle_seconds: float = field(default=90, metadata={"min": 15, "max": 3600, "unit": "seconds"})
    countdown_seconds: int = field(default=10, metadata={"min": 3, "max": 60, "unit": "seconds"})
    # While audio mode or a screen reader is on: a patient listening presses no key for minutes
    # (a screen reader takes over a minute to read one page), so the wait is several times longer.
    listening_idle_seconds: float = field(default=360, metadata={"min": 60, "max": 3600, "unit": "seconds"})
    # How long therapist mode may hold off the idle reset before the normal countdown returns.
    therapist_minutes: int = field(default=20, metadata={"min": 1, "max": 60, "unit": "minutes"})
    default_language: str = "en"
    calm_by_default: bool = False
    high_contrast_by_default: bool = False
    text_size_by_default: str = field(default="normal", metadata={"choices": ("normal", "large", "extra-large")})
    hide_cursor: bool = False  # for touch-only tablets
    staff_corner: str = field(default="top-left", metadata={"choices": CORNERS})
    staff_pin: StaffPin | None = None
    # Anonymous usage counts (kiosk.usage.counts): whether to keep them, for how long, and the
    # name each exported row carries, so a clinic with several tablets can tell them apart.
    usage_counts: bool = True
    usage_retention_days: int = field(default=365, metadata={"min": 1, "max": 3650, "unit": "days"})
    kiosk_name: str = "kiosk"
    # Read aloud: offered to patients at all, how fast (-1 slowest, 0 the voice's own,
    # 1 fastest) and how loud (0 to 1) the computer's voice reads.
    read_aloud: bool = True
    speech_rate: float = field(default=0.0, metadata={"min": -1, "max": 1})
    speech_volume: float = field(default=1.0, metadata={"min": 0, "max": 1})

    def with_changes(self, **changes: object) -> Settings:
        # Not checked here, as dataclasses.replace doesn't check either: the staff menu passes its choices.
        unchecked: dict[str, Any] = changes
        return replace(self, **unchecked)


def default_path() -> Path:
    import platformdirs  # the per-user folder differs on Windows, macOS and Linux; don't guess

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.yaml"


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """The kiosk's log (written by ``kiosk.system.logfile.start_log_file``)."""
    return log_dir() / "kiosk.log"


def data_dir() -> Path:
    """The per-user data folder: the anonymous usage counts live here."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def pin_lock_path(settings_path: Path) -> Path:
    return settings_path.with_name("pin-lock.yaml")


# A line of the kiosk's log: "2026-12-08 14:03:21,512 ERROR kiosk.checks.reload: what happened".
_LOG_LINE = re.compile(r"^(\d{4}-\d\d-\d\d) (\d\d:\d\d):\d\d,\d+ (?:WARNING|ERROR|CRITICAL) ([\w.]+): (.+)$")


def recent_log_problems(path: Path, limit: int = 12) -> list[str]:
    """The kiosk's own last warnings and errors in its log file (newest last), for the staff menu,
    as "2026-12-08 14:03: what happened": no level or module name, which are for developers.
    Qt's own (logged as QT_LOGGER) and any library's stay in the file only: nothing staff can act on."""
    try:
        with path.open("rb") as log_file:
            log_file.seek(0, os.SEEK_END)
            log_file.seek(max(0, log_file.tell() - 200_000))  # the end is enough: the file rotates at 1 MB
            lines = log_file.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return []
    problems = []
    for line in lines:
        found = _LOG_LINE.match(line)
        if found is not None and (found[3] == "kiosk" or found[3].startswith("kiosk.")):
            problems.append(f"{found[1]} {found[2]}: {found[4]}")
    return problems[-limit:]
