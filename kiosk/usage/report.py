"""The usage counts read back: per day for the staff's charts, and as CSV for a spreadsheet. No Qt here."""

from __future__ import annotations

import csv
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.usage import repair


@dataclass(frozen=True)
class DayCount:
    day: str
    measure: str
    value: str
    count: int


class UsageUnreadable(Exception):
    """The counts file is there but SQLite can't read it now (damaged, locked too long, no permission)."""


def per_day(counts: Counter[repair.Key]) -> list[DayCount]:
    """Counts kept per hour, added up per day."""
    days: Counter[tuple[str, str, str]] = Counter()
    for (day, _, measure, value), count in counts.items():
        days[(day, measure, value)] += count
    return [DayCount(day, measure, value, count) for (day, measure, value), count in sorted(days.items())]


def read_days(path: Path, since: date) -> list[DayCount]:
    """Every count from ``since`` on, added up per day (the hours are not shown to anyone).
    None yet is an empty list; a file SQLite can't read raises UsageUnreadable."""
    if not path.exists():
        return []
    try:
        db = repair.open_to_read(path)
        try:
            rows = db.execute("SELECT day, measure, value, SUM(count) FROM counts WHERE day >= ? "
                              "GROUP BY day, measure, value ORDER BY day, measure, value",
                              (since.isoformat(),)).fetchall()
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise UsageUnreadable(f"the usage counts in {path} can't be read ({exc})") from exc
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
