"""Anonymous usage counts: how often each screen and choice was used, per day and hour. No Qt here.

What is kept is a count per (day, hour, measure, value): "screen region-calves was opened 3
times between 14:00 and 15:00 on 2026-11-30". Nothing finer than the hour, nothing about who,
no free text and nothing from the therapist card. Counts go first into memory (``record`` is
a dictionary update, about 5 microseconds) and ``write_pending`` hands them in a batch to a
worker thread, the only one that touches the SQLite (WAL) file: opening and checking the file
takes 40-50 ms, which a tap must never wait for.

No count is thrown away: a file that is locked, read-only or on a full disk is left as it is
and the counts wait in memory for the next write (and, if the kiosk ends first, in a small file
beside it for the next start). Only a file SQLite proves damaged is set aside (renamed with a
timestamp); what can still be read from it, and the current day's counts held in memory, go
into a new one (``kiosk.usage.repair``).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk.model.problems import Problem
from kiosk.system.atomicfile import write_atomically
from kiosk.usage import repair
from kiosk.usage.report import DayCount, per_day

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

Key = repair.Key  # day (ISO), hour, measure, value


def duration_band(seconds: float) -> str:
    return next(band for limit, band in DURATION_BANDS if seconds < limit)


class UsageLog:
    """The counts of one kiosk, kept in ``path`` for ``retention_days``.

    ``problems`` says what staff should know (the file can't be written now; a damaged file was
    set aside); ``on_change`` is called, on the writer's thread, whenever that changes."""

    def __init__(self, path: Path, retention_days: int = 365, now: Callable[[], datetime] = datetime.now):
        self.path = path
        self.retention_days = retention_days
        self._now = now
        self._lock = threading.Lock()  # for the two counters: counted on the GUI thread, written on the worker
        self._pending: Counter[Key] = Counter()
        self._today: Counter[Key] = Counter()  # the current day's counts, kept to survive a broken file
        self._db: sqlite3.Connection | None = None  # the worker thread's alone
        self._pruned_on: str | None = None
        self._carried: Counter[Key] | None = None  # counts an earlier run couldn't write (``unwritten_path``)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="usage-counts")
        self._closed = False
        self.trouble: Problem | None = None  # while the file can't be written
        self._trouble_reason: str | None = None
        self.notice: Problem | None = None  # a damaged file was set aside
        self.on_change: Callable[[], None] = lambda: None

    @property
    def unwritten_path(self) -> Path:
        """Where counts wait that couldn't be written before the kiosk ended (written at the next start)."""
        return self.path.with_name(f"{self.path.name}.unwritten")

    @property
    def problems(self) -> list[Problem]:
        return [problem for problem in (self.trouble, self.notice) if problem is not None]

    # --- counting (cheap: memory only) ---------------------------------------------------

    def record(self, measure: str, value: str = "", times: int = 1, at: datetime | None = None) -> None:
        when = at or self._now()
        key = (when.date().isoformat(), when.hour, measure, value)
        with self._lock:
            self._pending[key] += times
            if self._today and next(iter(self._today))[0] != key[0]:
                self._today.clear()  # a new day (yesterday's counts not yet written stay pending)
            self._today[key] += times

    def read_aloud(self) -> None:
        """For read-aloud: call once each time a page is read aloud."""
        self.record(READ_ALOUD)

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def unwritten(self) -> list[DayCount]:
        """The counts in memory not yet in the file, per day (shown with the file's to staff)."""
        with self._lock:
            pending = Counter(self._pending)
        return per_day(pending + (self._carried or Counter()))

    # --- writing (off the tap path) --------------------------------------------------------

    def write_pending(self) -> None:
        """Hand the counts made since the last write to the worker; returns at once."""
        with self._lock:
            if not self._pending or self._closed:
                return
            batch, self._pending = self._pending, Counter()
            today = Counter(self._today)
        self._worker.submit(self._write_or_keep, batch, today)

    def flush(self) -> None:
        """Write what is pending and wait until it is in the file (staff screens, tests, closing)."""
        self.write_pending()
        if not self._closed:
            self._worker.submit(lambda: None).result()

    def close(self) -> None:
        """Write what is pending, close the file and end the worker. Counts that still can't be
        written wait in ``unwritten_path`` for the next start. Counts after this are not kept."""
        if self._closed:
            return
        self.write_pending()
        self._worker.submit(self._close_file).result()
        self._closed = True
        self._worker.shutdown()

    # --- on the worker thread -------------------------------------------------------------

    def _write_or_keep(self, batch: Counter[Key], today: Counter[Key]) -> None:
        """Never raises, never drops a count: a busy, read-only or full file keeps the batch in
        memory for the next write; only a file SQLite proves damaged is set aside."""
        try:
            self._write(batch)
        except (sqlite3.Error, OSError) as exc:
            self._close_db()
            if repair.proven_damaged(self.path):
                self._set_aside(exc, batch, today)
            else:
                self._keep_for_later(exc, batch)
            return
        except Exception:  # counting must never take the kiosk down; the batch waits for the next write
            log.exception("usage counts: could not write")
            self._requeue(batch)
            return
        if self.trouble is not None:
            log.warning("usage counts: %s can be written again; the counts kept meanwhile are in it", self.path)
            self.trouble, self._trouble_reason = None, None
            self.on_change()

    def _keep_for_later(self, error: Exception, batch: Counter[Key]) -> None:
        self._requeue(batch)
        with self._lock:
            waiting = self._pending.total()
        reason = f"{error}"
        if reason != self._trouble_reason:  # once in the log for each reason, not at every try
            log.warning("usage counts: can't write %s (%s); keeping the counts in memory and trying again",
                        self.path, reason)
        self._trouble_reason = reason
        self.trouble = Problem(str(self.path), None, (
            f"the usage counts can't be written ({reason}): another program may have the file open, "
            f"it may be read-only, or the disk full. {waiting} counts wait in memory and are written "
            "as soon as the file can be used again; nothing is lost unless the kiosk is switched off meanwhile"))
        self.on_change()

    def _set_aside(self, error: Exception, batch: Counter[Key], today: Counter[Key]) -> None:
        aside = self.path.with_name(f"{self.path.name}.broken-{self._now():%Y%m%d-%H%M%S}")
        try:
            repair.set_aside(self.path, aside)
        except OSError as again:
            self._keep_for_later(again, batch)
            return
        saved = repair.salvage(aside)
        merged = repair.after_damage(saved, today, batch)
        log.warning("usage counts: %s is damaged (%s); moved to %s, and %d count(s) in %d row(s) saved from it "
                    "into a new file", self.path, error, aside.name, saved.total(), len(saved))
        self.notice = Problem(str(self.path), None, (
            f"the usage counts file was damaged; it is kept as {aside.name}, and every count that could "
            f"still be read from it ({saved.total()}) is in a new file"), warning=True)
        self.on_change()
        try:
            self._write(merged)
        except (sqlite3.Error, OSError) as exc:
            self._close_db()
            self._keep_for_later(exc, merged)

    def _requeue(self, batch: Counter[Key]) -> None:
        with self._lock:
            self._pending.update(batch)

    def _close_db(self) -> None:
        """On the worker thread: SQLite closes a connection only on the thread that opened it, and
        one left open holds its files, which Windows can then neither move nor delete."""
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.ProgrammingError:
                raise  # called from another thread: the file would stay open, so never hidden
            except sqlite3.Error:
                pass
            self._db = None

    def _close_file(self) -> None:
        self._close_db()
        with self._lock:
            left, self._pending = self._pending, Counter()
        left += self._carried or Counter()
        if not left:
            return
        try:
            write_atomically(self.unwritten_path, "".join(f"{d},{h},{m},{v},{c}\n" for (d, h, m, v), c in left.items()))
            log.warning("usage counts: %d count(s) couldn't be written to %s before the kiosk ended; they wait "
                        "in %s for the next start", left.total(), self.path, self.unwritten_path.name)
        except OSError as exc:
            log.error("usage counts: %d count(s) couldn't be written anywhere (%s) and are lost", left.total(), exc)

    def _carried_over(self) -> Counter[Key]:
        """What an earlier run couldn't write, read once (then written with the first batch)."""
        if self._carried is None:
            self._carried = Counter()
            with contextlib.suppress(OSError, ValueError):
                for line in self.unwritten_path.read_text(encoding="utf-8").splitlines():
                    day, hour, measure, value, count = line.split(",")
                    self._carried[(day, int(hour), measure, value)] += int(count)
        return self._carried

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=repair.BUSY_SECONDS)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")  # WAL: safe after a power cut, no wait per write
                db.execute(_SCHEMA)
                found = db.execute("PRAGMA quick_check").fetchall()
                if found != [("ok",)]:  # damage SQLite has seen: the full check decides what happens
                    raise sqlite3.DatabaseError(f"quick_check: {found[0][0]}")
            except BaseException:
                db.close()
                raise
            self._db = db
        return self._db

    def _write(self, batch: Counter[Key]) -> None:
        db = self._connection()
        carried = self._carried_over()
        with db:
            db.executemany(_ADD, [(*key, count) for key, count in (batch + carried).items()])
            today = self._now().date()
            if self._pruned_on != today.isoformat():
                cutoff = (today - timedelta(days=self.retention_days)).isoformat()
                db.execute("DELETE FROM counts WHERE day < ?", (cutoff,))
                self._pruned_on = today.isoformat()
        if carried:
            carried.clear()
            with contextlib.suppress(OSError):
                self.unwritten_path.unlink()


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
