"""When the usage counts file can't be written: is it damaged, or only busy? And what of a
damaged one can still be read. No Qt here.

A file another program holds locked (a backup, a virus scanner, someone's spreadsheet), a
read-only file, a full disk or a network folder that went away are not damage: the counts wait
in memory and are written later. Only a file SQLite itself finds damaged (``PRAGMA
integrity_check``, or "not a database") is set aside, and every row SQLite can still read from
it goes into the new file.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

Key = tuple[str, int, str, str]  # day (ISO), hour, measure, value

BUSY_SECONDS = 2.0  # how long a read waits for another program's lock before giving up for now
_CORRUPT, _NOT_A_DATABASE = 11, 26  # SQLite's result codes (SQLITE_CORRUPT, SQLITE_NOTADB)
_CHUNK = 500
_SKIPS = 40  # tries to step past a damaged part: rowids 2, 4, 8 ... 2**39 further on


def open_to_read(path: Path) -> sqlite3.Connection:
    """A read-only connection: reading never changes or creates the file."""
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite's error says the file itself is damaged (not busy, read-only, full...)."""
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+; before, the error's class says
    if code is not None:
        return code & 0xFF in (_CORRUPT, _NOT_A_DATABASE)
    return not isinstance(error, sqlite3.OperationalError)


def proven_damaged(path: Path) -> bool:
    """True only when SQLite finds ``path`` damaged: a lock, no permission, a full disk or a
    missing file prove nothing, and the file is then left as it is."""
    if not path.is_file():
        return False
    try:
        db = open_to_read(path)
        try:
            found = db.execute("PRAGMA integrity_check").fetchall()
        finally:
            db.close()
    except sqlite3.Error as exc:
        return is_damage(exc)
    return found != [("ok",)]


def set_aside(path: Path, aside: Path) -> None:
    """Move the file and its write-ahead log and index beside it, under the name ``aside``."""
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.replace(Path(f"{aside}{suffix}"))


def after_damage(saved: Counter[Key], today: Counter[Key], batch: Counter[Key]) -> Counter[Key]:
    """What the new file starts with: the counts ``saved`` from the damaged one, and ``batch``
    (not written yet). Of ``today`` (this run's counts of the day, ``batch`` among them), those
    written before are in ``saved`` if SQLite could read them, and are taken from memory if not:
    never counted twice."""
    merged = Counter({key: max(saved[key], today[key] - batch[key]) + batch[key]
                      for key in set(saved) | set(today) | set(batch)})
    return +merged


def salvage(path: Path) -> Counter[Key]:
    """Every count SQLite can still read from a damaged file, stepping past what it can't."""
    counts: Counter[Key] = Counter()
    try:
        db = open_to_read(path)
    except sqlite3.Error:
        return counts
    try:
        for row in _readable_rows(db):
            key, count = _checked(row)
            if key is not None:
                counts[key] += count
    finally:
        db.close()
    return counts


def _readable_rows(db: sqlite3.Connection) -> Iterator[tuple[object, ...]]:
    """The rows in rowid order, up to a damaged part a few at a time, then on from the first
    row SQLite can reach again."""
    after, size = -(2**63), _CHUNK
    while True:
        rows = _rows_after(db, after, size)
        if rows is None and size > 1:
            size = max(1, size // 8)  # the damage is within these rows: closer to it, fewer at a time
            continue
        if rows is None:  # the very next row can't be reached: find the first one past the damage
            beyond = next((after + 2**k for k in range(1, _SKIPS) if _rows_after(db, after + 2**k, 1) is not None),
                          None)
            if beyond is None:
                return
            bad, good = after, beyond
            while good - bad > 1:
                middle = (bad + good) // 2
                bad, good = (bad, middle) if _rows_after(db, middle, 1) is not None else (middle, good)
            after, size = good, _CHUNK
            continue
        if not rows:
            return
        yield from (row[1:] for row in rows)
        rowid = rows[-1][0]
        after, size = (rowid if isinstance(rowid, int) else after + len(rows)), min(_CHUNK, size * 8)


def _rows_after(db: sqlite3.Connection, after: int, limit: int) -> list[tuple[object, ...]] | None:
    try:
        return db.execute("SELECT rowid, day, hour, measure, value, count FROM counts WHERE rowid > ? "
                          "ORDER BY rowid LIMIT ?", (after, limit)).fetchall()
    except sqlite3.Error:
        return None


def _checked(row: tuple[object, ...]) -> tuple[Key | None, int]:
    """A row as the kiosk wrote it, or None: damage can leave any value in any column."""
    day, hour, measure, value, count = row
    if not (isinstance(day, str) and len(day) == 10 and isinstance(hour, int) and 0 <= hour <= 23
            and isinstance(measure, str) and isinstance(value, str) and isinstance(count, int) and count > 0):
        return None, 0
    return (day, hour, measure, value), count
