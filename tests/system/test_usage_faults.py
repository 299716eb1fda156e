"""Usage counts are never thrown away: a locked, read-only or full file keeps its counts and
the new ones wait in memory; only a file SQLite proves damaged is set aside, and what can be
read of it is kept. Staff see the problem in their menu; --export-usage says so."""

import logging
import os
import sqlite3
from datetime import date, datetime

import pytest

from kiosk.cli import main
from kiosk.usage import counts as usage
from kiosk.usage import repair as usagerepair
from kiosk.usage.counts import UsageLog
from kiosk.usage.report import read_days

NOW = datetime(2026, 11, 30, 14, 5)


@pytest.fixture(autouse=True)
def short_waits(monkeypatch):
    """Another program's lock is waited for a fifth of a second, not two, in these tests."""
    monkeypatch.setattr(usagerepair, "BUSY_SECONDS", 0.2)


def totals(path):
    return {(row.day, row.measure, row.value): row.count for row in read_days(path, date.min)}


@pytest.fixture
def a_month(tmp_path):
    """A file with a month of counts, as the kiosk wrote it (and the kiosk since closed)."""
    path = tmp_path / usage.FILE_NAME
    for day in range(1, 31):
        log = UsageLog(path, now=lambda day=day: datetime(2026, 11, day, 10))
        log.record(usage.VISIT, times=day)
        log.record(usage.REGION, "calves")
        log.close()
    return path


def month_is_there(path):
    counts = totals(path)
    return all(counts[(f"2026-11-{day:02d}", usage.VISIT, "")] == day for day in range(1, 31))


def nothing_set_aside(folder):
    return not [p for p in folder.iterdir() if ".broken-" in p.name]


def test_a_file_another_program_holds_locked_keeps_its_counts_and_the_new_ones_wait(a_month, caplog):
    holder = sqlite3.connect(a_month, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # a backup or a spreadsheet with the file open for writing
    log = UsageLog(a_month, now=lambda: NOW)
    log.record(usage.SCREEN, "home", times=3)
    with caplog.at_level(logging.WARNING, logger="kiosk.usage.counts"):
        log.flush()
    assert log.trouble is not None and "can't be written" in log.trouble.message
    assert "3 counts wait in memory" in log.trouble.message
    assert nothing_set_aside(a_month.parent) and log.has_pending
    log.record(usage.SCREEN, "home")
    log.flush()  # still locked: kept, and said once in the log
    assert len([r for r in caplog.records if "can't write" in r.getMessage()]) == 1
    holder.rollback()
    holder.close()
    log.flush()  # the next write gets through
    assert log.trouble is None and not log.has_pending
    log.close()
    assert month_is_there(a_month)
    assert totals(a_month)[("2026-11-30", usage.SCREEN, "home")] == 4


class ReadOnly(UsageLog):
    """The file as a read-only file or folder gives it to SQLite (root ignores file permissions,
    so the tests open it read-only themselves; the test below uses real permissions)."""

    def _connection(self):
        if self._db is None:
            self._db = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, timeout=0.2)
        return self._db


class Full(UsageLog):
    """The file on a full disk: SQLite may not make it any bigger than it is."""

    def _connection(self):
        db = super()._connection()
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db


@pytest.mark.parametrize("kind, said", [(ReadOnly, "readonly"), (Full, "full")])
def test_a_read_only_or_full_file_keeps_its_counts_and_the_new_ones_wait(a_month, kind, said):
    log = kind(a_month, now=lambda: NOW)
    for hour_value in range(400):  # more than fits in the file's free space
        log.record(usage.SCREEN, f"screen-{hour_value}")
    log.flush()
    assert log.trouble is not None and said in log.trouble.message
    assert nothing_set_aside(a_month.parent) and month_is_there(a_month)
    log.close()
    # The kiosk ended with the counts unwritten: they wait beside the file for the next start.
    assert log.unwritten_path.exists()
    again = UsageLog(a_month, now=lambda: NOW)
    again.record(usage.REGION, "foot")
    again.close()
    assert not log.unwritten_path.exists()
    counts = totals(a_month)
    assert all(counts[("2026-11-30", usage.SCREEN, f"screen-{n}")] == 1 for n in range(400))
    assert month_is_there(a_month)


def opens_for_writing(path):
    try:
        with open(path, "r+b"):
            return True
    except PermissionError:
        return False


def test_a_file_made_read_only_keeps_its_counts(a_month):
    os.chmod(a_month, 0o444)  # on Windows: the read-only attribute
    try:
        if opens_for_writing(a_month):  # asked of the file itself: Wine maps the attribute to Unix's bits
            pytest.skip("this user writes to read-only files (root, on Linux and under Wine); "
                        "the injected read-only file above stands in")
        log = UsageLog(a_month, now=lambda: NOW)
        log.record(usage.VISIT)
        log.flush()
        assert log.trouble is not None and nothing_set_aside(a_month.parent)
        log.close()
    finally:
        os.chmod(a_month, 0o644)
    assert month_is_there(a_month)


def damage_a_page(path, needle):
    """Zero the page of the file that holds ``needle``: a disk fault in the middle of the file."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    where = data.index(needle)
    start = where - where % page_size
    data[start:start + page_size] = bytes(page_size)
    path.write_bytes(bytes(data))


def test_only_a_damaged_file_is_set_aside_and_every_row_sqlite_can_read_is_kept(tmp_path, caplog):
    path = tmp_path / usage.FILE_NAME
    log = UsageLog(path, now=lambda: NOW)
    for n in range(3000):
        log.record(usage.SCREEN, f"screen-{n:04d}", at=datetime(2026, 11, 1 + n % 29, n % 24))
    log.close()
    damage_a_page(path, b"screen-1500")
    assert usagerepair.proven_damaged(path)

    log = UsageLog(path, now=lambda: NOW)
    log._today.update({("2026-11-30", 14, usage.SCREEN, "home"): 2})  # held in memory since this morning
    log.record(usage.REGION, "quads")
    with caplog.at_level(logging.WARNING, logger="kiosk.usage.counts"):
        log.flush()
    log.close()
    [aside] = [p for p in tmp_path.iterdir() if ".broken-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert not usagerepair.proven_damaged(path)
    kept = {value for (_, measure, value) in totals(path) if value.startswith("screen-")}
    assert {f"screen-{n:04d}" for n in list(range(0, 1000)) + list(range(2500, 3000))} <= kept
    assert 2800 < len(kept) < 3000, "only the damaged page's rows are gone"
    assert totals(path)[("2026-11-30", usage.SCREEN, "home")] == 2
    assert totals(path)[("2026-11-30", usage.REGION, "quads")] == 1
    assert log.notice is not None and log.notice.warning and aside.name in log.notice.message
    assert [r.getMessage() for r in caplog.records if "is damaged" in r.getMessage()]


def test_todays_counts_written_before_the_damage_are_not_counted_twice(tmp_path):
    path = tmp_path / usage.FILE_NAME
    log = UsageLog(path, now=lambda: NOW)
    log.record(usage.VISIT, times=5)
    log.flush()  # in the file, and held in memory as today's
    log._worker.submit(log._close_db).result()  # on the writer's thread: SQLite closes it from no other
    path.write_bytes(b"not a database" * 300)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"{usage.FILE_NAME}{suffix}").unlink(missing_ok=True)
    log.record(usage.VISIT, times=2)
    log.close()
    assert totals(path) == {("2026-11-30", usage.VISIT, ""): 7}


def test_export_usage_of_a_file_that_cant_be_read_fails_and_says_so(tmp_path, capsys):
    from kiosk.settings.values import data_dir

    db = data_dir() / usage.FILE_NAME
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    out = tmp_path / "usage.csv"
    try:
        assert main(["--export-usage", str(out)]) == 1
    finally:
        db.unlink()
    said = capsys.readouterr().err
    assert f"the usage counts in {db} can't be read" in said and "Nothing was written" in said
    assert "unexpected error" not in said and not out.exists()


def test_staff_see_in_their_menu_that_counts_wait_in_memory(make_kiosk, qtbot, a_month):
    log = UsageLog(a_month)
    kiosk = make_kiosk(usage=log)
    holder = sqlite3.connect(a_month, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        kiosk.home.region_buttons["calves"].click()
        kiosk.usage.write()
        qtbot.waitUntil(lambda: kiosk.staff_corner.marker is not None and kiosk.staff_corner.marker.isVisible(),
                        timeout=5000)
        kiosk.open_staff_menu()
        listed = kiosk.staff.overlay.problems_view.toPlainText()
        assert f"{a_month}: the usage counts can't be written" in listed
        assert sum(row.count for row in kiosk.usage.days() if row.day == date.today().isoformat()) >= 2, \
            "the charts count what waits in memory too"
    finally:
        holder.rollback()
        holder.close()
    kiosk.usage.write()
    qtbot.waitUntil(lambda: not kiosk.staff_corner.marker.isVisible(), timeout=5000)
    log.close()
    assert month_is_there(a_month) and nothing_set_aside(a_month.parent)
