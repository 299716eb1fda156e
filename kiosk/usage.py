"""Anonymous usage counts: how often each screen and choice was used, per day and hour. No Qt here.

What is kept is a count per (day, hour, measure, value): "screen region-calves was opened 3
times between 14:00 and 15:00 on 2026-11-30". Nothing finer than the hour, nothing about who,
no free text and nothing from the therapist card. Counts go first into memory (``record`` is
a dictionary update, about 5 microseconds) and ``write_pending`` hands them in a batch to a
worker thread, the only one that touches the SQLite (WAL) file: opening and checking the file
takes 40-50 ms, which a tap must never wait for.

A corrupt or locked database never stops the kiosk: it is renamed with a timestamp, a new one
is started with one log line, and the current day's counts, held in memory, are written into it.
"""

from __future__ import annotations

import contextlib
import csv
import logging
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "usage.sqlite3"

# Measures (the "measure" column); the values are screen names, region ids, language codes...
VISIT = "visit"  # a patient left home for another screen (counted once per visit)
SCREEN = "screen"  # a screen was opened; value: its name
SCREEN_TIME = "screen_time"  # how long it stayed open; value: "<name> <band>"
REGION = "region"  # a region screen was opened; value: the region id
LANGUAGE = "language"  # a visit's language; value: the code
CALM = "calm"  # needle pictures hidden
HIGH_CONTRAST = "high_contrast"
TEXT_SIZE = "text_size"  # value: "large" or "extra-large"
READ_ALOUD = "read_aloud"  # a page was read aloud (see ``UsageLog.read_aloud``)
WALKTHROUGH = "walkthrough"  # value: "started" or "finished"
IDLE_RESET = "idle_reset"

# How long a screen stayed open, in bands: a count per band, never the seconds themselves.
DURATION_BANDS = ((10.0, "<10 s"), (30.0, "10-30 s"), (120.0, "30-120 s"), (float("inf"), ">2 min"))

_SCHEMA = """
CREATE TABLE IF NOT EXISTS counts (
    day TEXT NOT NULL, hour INTEGER NOT NULL, measure TEXT NOT NULL, value TEXT NOT NULL,
    count INTEGER NOT NULL, PRIMARY KEY (day, hour, measure, value))
"""
_ADD = ("INSERT INTO counts VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (day, hour, measure, value) DO UPDATE SET count = count + excluded.count")

Key = tuple[str, int, str, str]  # day (ISO), hour, measure, value


def duration_band(seconds: float) -> str:
    return next(band for limit, band in DURATION_BANDS if seconds < limit)


@dataclass(frozen=True)
class DayCount:
    day: str
    measure: str
    value: str
    count: int


class UsageLog:
    """The counts of one kiosk, kept in ``path`` for ``retention_days``."""

    def __init__(self, path: Path, retention_days: int = 365, now: Callable[[], datetime] = datetime.now):
        self.path = path
        self.retention_days = retention_days
        self._now = now
        self._lock = threading.Lock()  # for the two counters: counted on the GUI thread, written on the worker
        self._pending: Counter[Key] = Counter()
        self._today: Counter[Key] = Counter()  # the current day's counts, kept to survive a broken file
        self._db: sqlite3.Connection | None = None  # the worker thread's alone
        self._pruned_on: str | None = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="usage-counts")
        self._closed = False

    # --- counting (cheap: memory only) ---------------------------------------------------

    def record(self, measure: str, value: str = "", times: int = 1, at: datetime | None = None) -> None:
        when = at or self._now()
        key = (when.date().isoformat(), when.hour, measure, value)
        with self._lock:
            self._pending[key] += times
            if self._today and next(iter(self._today))[0] != key[0]:
                self._today.clear()  # a new day: yesterday's counts are safely in the file
            self._today[key] += times

    def read_aloud(self) -> None:
        """For read-aloud: call once each time a page is read aloud."""
        self.record(READ_ALOUD)

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    # --- writing (off the tap path) --------------------------------------------------------

    def write_pending(self) -> None:
        """Hand the counts made since the last write to the worker; returns at once."""
        with self._lock:
            if not self._pending or self._closed:
                return
            batch, self._pending = self._pending, Counter()
            today = Counter(self._today)
        self._worker.submit(self._write_or_start_afresh, batch, today)

    def flush(self) -> None:
        """Write what is pending and wait until it is in the file (staff screens, tests, closing)."""
        self.write_pending()
        if not self._closed:
            self._worker.submit(lambda: None).result()

    def close(self) -> None:
        """Write what is pending, close the file and end the worker. Counts after this are not kept."""
        if self._closed:
            return
        self.write_pending()
        self._worker.submit(self._close_file).result()
        self._closed = True
        self._worker.shutdown()

    # --- on the worker thread -------------------------------------------------------------

    def _write_or_start_afresh(self, batch: Counter[Key], today: Counter[Key]) -> None:
        """Never raises: a broken file is moved aside."""
        try:
            self._write(batch)
        except (sqlite3.Error, OSError) as exc:
            self._start_afresh(exc, today)
        except Exception:  # counting must never take the kiosk down
            log.exception("usage counts: could not write")

    def _close_file(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=2)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")  # WAL: safe after a power cut, no wait per write
                db.execute(_SCHEMA)
                db.execute("PRAGMA quick_check").fetchone()
            except BaseException:
                db.close()
                raise
            self._db = db
        return self._db

    def _write(self, batch: Counter[Key]) -> None:
        db = self._connection()
        with db:
            db.executemany(_ADD, [(*key, count) for key, count in batch.items()])
            today = self._now().date()
            if self._pruned_on != today.isoformat():
                cutoff = (today - timedelta(days=self.retention_days)).isoformat()
                db.execute("DELETE FROM counts WHERE day < ?", (cutoff,))
                self._pruned_on = today.isoformat()

    def _start_afresh(self, error: Exception, today: Counter[Key]) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        aside = self.path.with_name(f"{self.path.name}.broken-{self._now():%Y%m%d-%H%M%S}")
        try:
            for suffix in ("", "-wal", "-shm"):
                part = Path(f"{self.path}{suffix}")
                if part.exists():
                    part.replace(Path(f"{aside}{suffix}"))
            self._write(today)  # the current day is not lost
            log.warning("usage counts: %s could not be used (%s); moved to %s and started afresh with "
                        "today's counts", self.path, error, aside.name)
        except (sqlite3.Error, OSError) as again:
            # Still no file (a read-only disk?): keep counting in memory, try again at the next write.
            self._db = None
            with self._lock:
                self._pending.update(today)
            log.warning("usage counts: can't write %s (%s); counting in memory for now", self.path, again)


def read_days(path: Path, since: date) -> list[DayCount]:
    """Every count from ``since`` on, added up per day (the hours are not shown to anyone)."""
    if not path.exists():
        return []
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            rows = db.execute("SELECT day, measure, value, SUM(count) FROM counts WHERE day >= ? "
                              "GROUP BY day, measure, value ORDER BY day, measure, value",
                              (since.isoformat(),)).fetchall()
        finally:
            db.close()
    except sqlite3.Error as exc:
        log.warning("usage counts: can't read %s (%s)", path, exc)
        return []
    return [DayCount(str(d), str(m), str(v), int(c)) for d, m, v, c in rows]


def export_csv(rows: Iterable[DayCount], kiosk_name: str, out: Path) -> int:
    """One row per day and measure, named by the kiosk, for a spreadsheet; the number of rows."""
    written = 0
    with out.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["kiosk_name", "day", "measure", "value", "count"])
        for row in rows:
            writer.writerow([kiosk_name, row.day, row.measure, row.value, row.count])
            written += 1
    return written


def example_month(log: UsageLog, today: date, regions: Iterable[str], seed: int = 17) -> None:
    """Made-up counts for the 30 days to ``today``, for the screenshots and tests of the staff
    insight screen. Never used by the running kiosk."""
    import random

    chooser = random.Random(seed)
    regions = list(regions)
    for back in range(30):
        day = today - timedelta(days=back)
        if day.weekday() == 6:
            continue  # the clinic is closed on Sundays
        at = datetime(day.year, day.month, day.day, 10)
        visits = chooser.randint(3, 14)
        log.record(VISIT, times=visits, at=at)
        log.record(LANGUAGE, "en", times=visits - visits // 4, at=at)
        log.record(LANGUAGE, "es", times=visits // 4, at=at)
        for _ in range(visits):
            log.record(REGION, chooser.choice(regions), at=at)
        started = chooser.randint(0, visits // 2 + 1)
        log.record(WALKTHROUGH, "started", times=started, at=at)
        log.record(WALKTHROUGH, "finished", times=chooser.randint(0, started), at=at)
    log.flush()
