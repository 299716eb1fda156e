"""The kiosk's own settings: one YAML file in the per-user config folder, staff-edited.

A missing file means the defaults. A broken file also means the defaults, with a
logged warning naming file, line and field: settings never stop the kiosk. No Qt here.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from kiosk import schema
from kiosk.problems import ContentError, Problem, display_path

log = logging.getLogger(__name__)

APP_NAME = "dry-needling-kiosk"
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


@dataclass(frozen=True)
class StaffPin:
    """The staff PIN, stored only as a salted PBKDF2 hash (see kiosk.staffpin)."""

    salt: str
    hash: str
    iterations: int = field(metadata={"min": 100_000, "max": 10_000_000})


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
    default_language: str = "en"
    calm_by_default: bool = False
    high_contrast_by_default: bool = False
    text_size_by_default: str = field(default="normal", metadata={"choices": ("normal", "large", "extra-large")})
    hide_cursor: bool = False  # for touch-only tablets
    staff_corner: str = field(default="top-left", metadata={"choices": CORNERS})
    staff_pin: StaffPin | None = None
    # issue #17: anonymous usage counts (kiosk.usage): whether to keep them, for how long, and the
    # name each exported row carries, so a clinic with several tablets can tell them apart.
    usage_counts: bool = True
    usage_retention_days: int = field(default=365, metadata={"min": 1, "max": 3650, "unit": "days"})
    kiosk_name: str = "kiosk"
    # Read aloud (issue 16): offered to patients at all, how fast (-1 slowest, 0 the voice's own,
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
    """The kiosk's log (written by ``kiosk.cli.start_log_file``)."""
    return log_dir() / "kiosk.log"


def data_dir() -> Path:
    """The per-user data folder: the anonymous usage counts live here (issue #17)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def parse_settings(text: str, source: str) -> Settings:
    if not text.strip():
        return Settings()
    return schema.parse(Settings, text, source)


def load_settings(path: Path) -> tuple[Settings, tuple[Problem, ...]]:
    """The settings in ``path``; defaults (and the problems) if it is missing or broken."""
    source = display_path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Settings(), ()
    except OSError as exc:
        problem = Problem(source, None, f"can't be opened ({exc.strerror}); using the default settings")
        log.warning("settings: %s", problem)
        return Settings(), (problem,)
    try:
        from kiosk import yamltext

        return parse_settings(yamltext.decode(data, source), source), ()
    except ContentError as exc:
        for problem in exc.problems:
            log.warning("settings problem, using the default settings: %s", problem)
        return Settings(), exc.problems


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically, so a power cut mid-write never leaves a half file."""
    data = asdict(settings)
    idle = data["idle_seconds"]  # a float, written as a whole number when it is one
    data["idle_seconds"] = int(idle) if float(idle).is_integer() else idle
    text = ("# Settings for the dry needling kiosk. Staff change these from the staff menu;\n"
            "# `kiosk --check-content` does not read this file. Delete it to go back to the defaults.\n"
            + yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    _write_atomically(path, text)


def pin_lock_path(settings_path: Path) -> Path:
    return settings_path.with_name("pin-lock.yaml")


def load_pin_lock(path: Path) -> PinLock:
    """The saved wrong tries and lock. A missing file is none; a broken or unreadable one is
    treated as a lock starting now, so deleting or damaging it never gives fresh tries."""
    import time

    try:
        from kiosk import yamltext

        data = path.read_bytes()
        text = yamltext.decode(data, display_path(path))
        return schema.parse(PinLock, text, display_path(path)) if text.strip() else PinLock(0, time.time())
    except FileNotFoundError:
        return PinLock()
    except (OSError, ContentError) as exc:
        log.warning("the PIN lock file %s can't be read (%s); the pad is locked for now", path, exc)
        return PinLock(0, time.time())


def save_pin_lock(path: Path, lock: PinLock) -> None:
    _write_atomically(path, "# Wrong staff PIN tries, kept across restarts. Written by the kiosk.\n"
                            + yaml.safe_dump(asdict(lock), sort_keys=False))


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def recent_log_problems(path: Path, limit: int = 12) -> list[str]:
    """The last warnings and errors in the kiosk's log file (newest last), for the staff menu."""
    try:
        with path.open("rb") as log_file:
            log_file.seek(0, os.SEEK_END)
            log_file.seek(max(0, log_file.tell() - 200_000))  # the end is enough: the file rotates at 1 MB
            lines = log_file.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return []
    problems = [line for line in lines if any(f" {level} " in line for level in ("WARNING", "ERROR", "CRITICAL"))]
    return problems[-limit:]
