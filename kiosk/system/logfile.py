"""The kiosk's log file: a rotating file in the per-user log folder, opened once home is first
painted, with what was logged before held in memory until then. No Qt here."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

# Qt's own messages are logged under this name: the log file keeps them for whoever debugs the
# tablet, the staff menu leaves them out (developer words, nothing staff can act on).
QT_LOGGER = "qt"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# A record also printed to the console in staff words: the log file gets it, the console not twice.
ON_THE_CONSOLE = {"on_the_console": True}


def console_only_hears_the_rest(record: logging.LogRecord) -> bool:
    """A filter for the console's handler."""
    return not getattr(record, "on_the_console", False)


class HeldRecords(logging.Handler):
    """The log's records from before the log file is open."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def hold_log_records() -> HeldRecords:
    held = HeldRecords()
    root = logging.getLogger()
    for existing in root.handlers:
        existing.setLevel(logging.WARNING)  # the console only hears about problems
    root.addHandler(held)
    root.setLevel(logging.INFO)
    return held


def open_log_file(held: HeldRecords) -> None:
    """Open the log file and write into it what was held until now."""
    root = logging.getLogger()
    root.removeHandler(held)
    before = set(root.handlers)
    log_file = start_log_file()
    for handler in set(root.handlers) - before:
        for record in held.records:
            if record.levelno >= handler.level:
                handler.handle(record)
    held.records.clear()
    logging.getLogger("kiosk").info("log in %s", log_file)


def start_log_file() -> Path | None:
    """Log to a rotating file in the per-user log folder (a few MB at most, kept for days)."""
    from logging.handlers import RotatingFileHandler

    from kiosk.settings.values import log_dir, log_file

    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(log_file(), maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError as exc:
        print(f"kiosk: can't write the log file ({exc}); logging to the console only", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for existing in root.handlers:
        if existing is not handler:
            existing.setLevel(logging.WARNING)  # the console only hears about problems
    return log_file()
