"""Anonymous usage counts, driven through the real widgets."""

import logging
import sqlite3
from datetime import date, datetime

import pytest

from kiosk.cli import main
from kiosk.usage import counts as usage
from kiosk.usage.counts import UsageLog
from kiosk.usage.report import DayCount, read_days
from kiosk.visit.card import Tick
from kiosk.visit.screens import CARD, HOME


@pytest.fixture
def counted_kiosk(make_kiosk, tmp_path):
    """The real kiosk with its usage counts in a private file."""
    log = UsageLog(tmp_path / usage.FILE_NAME)
    kiosk = make_kiosk(usage=log)
    yield kiosk, log
    log.close()  # its writer thread ends with the test


def totals(log):
    counts = {}
    for row in read_days(log.path, date.min):
        counts[(row.measure, row.value)] = counts.get((row.measure, row.value), 0) + row.count
    return counts


def test_a_visit_through_the_widgets_is_counted(counted_kiosk, qtbot):
    kiosk, log = counted_kiosk
    kiosk.home.language_buttons["es"].click()
    kiosk.home.region_buttons["calves"].click()
    kiosk.router.screen.tabs[1].click()  # another tab of the same region: not another region opened
    kiosk.router.screen.walkthrough_button.click()
    walkthrough = kiosk.router.screen
    for _ in range(walkthrough.total - 1):
        walkthrough.next_button.click()
    walkthrough.previous_button.click()
    walkthrough.next_button.click()  # the last step seen twice: finished once
    walkthrough.home_button.click()  # back to the region's tab it began from...
    assert kiosk.router.current.name == "region-calves-2"
    kiosk.router.screen.back_button.click()  # ...and home
    assert kiosk.router.current == HOME
    kiosk.home.calm_toggle.click()
    kiosk.home.text_size_button.click()
    kiosk.reset_for_next_patient()
    assert not log.path.exists() or not totals(log), "nothing is written while the patient taps"
    qtbot.waitUntil(lambda: not log.has_pending, timeout=10_000)  # the kiosk's timer handed them over
    log.flush()
    counts = totals(log)
    assert counts[("visit", "")] == 1
    assert counts[("language", "es")] == 1
    assert counts[("region", "calves")] == 1
    assert counts[("screen", "region-calves")] == 1
    assert counts[("screen", "region-calves-2")] == 2  # before and after the walkthrough
    assert counts[("walkthrough", "started")] == 1 and counts[("walkthrough", "finished")] == 1
    assert counts[("calm", "")] == 1 and counts[("text_size", "large")] == 1
    assert counts[("idle_reset", "")] == 1
    assert counts[("screen_time", "region-calves <10 s")] == 1
    # Nothing finer than the hour is kept.
    db = sqlite3.connect(log.path)
    assert [c[1] for c in db.execute("PRAGMA table_info(counts)")] == ["day", "hour", "measure", "value", "count"]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_no_card_tick_reaches_the_database_or_the_log(counted_kiosk, qtbot, tmp_path):
    kiosk, log = counted_kiosk
    log_file = tmp_path / "kiosk.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    root = logging.getLogger()
    root.addHandler(handler)
    old_level, root.level = root.level, logging.DEBUG
    try:
        kiosk.home.language_buttons["es"].click()
        kiosk.home.precautions_button.click()
        for box in kiosk.router.screen.ticks.boxes.values():
            box.click()
        kiosk.router.screen.ticks.card_button.click()
        kiosk.router.screen.back_button.click()
        kiosk.router.screen.back_button.click()
        kiosk.home.region_buttons["foot"].click()
        kiosk.router.screen.questions_button.click()
        for box in kiosk.router.screen.ticks.boxes.values():
            box.click()
        kiosk.router.show(CARD)
        assert len(kiosk.card) == len(kiosk.book.content.language("es").precautions.items) + 6
        kiosk.router.screen.clear_button.click()
        kiosk.usage.write()
        log.close()
    finally:
        root.removeHandler(handler)
        handler.close()
        root.level = old_level
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith(usage.FILE_NAME))
    logged = log_file.read_bytes()
    assert b"screen" in stored and b"precautions" in stored  # the screens were counted
    secrets = []
    for code in ("en", "es"):
        language = kiosk.book.content.languages[code]
        secrets += [words for item in language.precautions.items for words in (item.heading, item.card)]
        secrets += [q.text for q in language.questions.items] + [q.id for q in language.questions.items]
    for secret in secrets:
        assert secret.encode() not in stored, secret
        assert secret.encode() not in logged, secret
    assert repr(Tick.question("sessions")) == "Tick(...)"


def test_a_corrupt_database_is_moved_aside_and_today_kept(tmp_path, caplog):
    path = tmp_path / usage.FILE_NAME
    log = UsageLog(path, now=lambda: datetime(2026, 11, 30, 14, 5))
    log.record(usage.SCREEN, "home")
    log.flush()
    log.record(usage.SCREEN, "home")
    log.close()
    path.write_bytes(b"this is not a database" * 100)  # a disk fault, a half-copied file
    (tmp_path / f"{usage.FILE_NAME}-wal").unlink(missing_ok=True)

    log = UsageLog(path, now=lambda: datetime(2026, 11, 30, 15, 0))
    log._today.update({("2026-11-30", 14, usage.SCREEN, "home"): 2})  # held in memory since this morning
    log.record(usage.REGION, "quads")
    with caplog.at_level(logging.WARNING, logger="kiosk.usage.counts"):
        log.flush()
    assert len([r for r in caplog.records if r.name == "kiosk.usage.counts"]) == 1
    aside = [p for p in tmp_path.iterdir() if ".broken-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    counts = {(r.measure, r.value): r.count for r in read_days(path, date.min)}
    assert counts == {(usage.SCREEN, "home"): 2, (usage.REGION, "quads"): 1}


def test_old_counts_are_dropped_after_the_retention_time(tmp_path):
    path = tmp_path / usage.FILE_NAME
    old = UsageLog(path, now=lambda: datetime(2025, 1, 1, 9))
    old.record(usage.VISIT)
    old.close()
    new = UsageLog(path, retention_days=30, now=lambda: datetime(2026, 11, 30, 9))
    new.record(usage.VISIT)
    new.close()
    assert [r.day for r in read_days(path, date.min)] == ["2026-11-30"]


def test_export_usage_writes_one_row_per_day_and_measure_named_by_the_kiosk(tmp_path, capsys):
    from kiosk.settings.file import save_settings
    from kiosk.settings.values import Settings, data_dir

    db = data_dir() / usage.FILE_NAME
    db.unlink(missing_ok=True)
    for day in (28, 29):
        log = UsageLog(db, now=lambda day=day: datetime(2026, 11, day, 10))
        log.record(usage.VISIT)
        log.record(usage.VISIT)
        log.record(usage.REGION, "calves")
        log.close()
    config = tmp_path / "settings.yaml"
    save_settings(config, Settings(kiosk_name="waiting-room-2"))
    out = tmp_path / "usage.csv"
    assert main(["--config", str(config), "--export-usage", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == ["kiosk_name,day,measure,value,count",
                     "waiting-room-2,2026-11-28,region,calves,1", "waiting-room-2,2026-11-28,visit,,2",
                     "waiting-room-2,2026-11-29,region,calves,1", "waiting-room-2,2026-11-29,visit,,2"]
    db.unlink()


def test_home_alone_is_not_a_visit(counted_kiosk, qtbot):
    kiosk, log = counted_kiosk
    assert kiosk.router.current == HOME
    kiosk.reset_visit()
    log.flush()
    assert ("visit", "") not in totals(log)


def test_staff_see_a_month_of_counts_as_charts(counted_kiosk, qtbot):
    from kiosk.ui.staff.insights import InsightsOverlay

    kiosk, log = counted_kiosk
    usage.example_month(log, date.today(), kiosk.book.content.region_ids)
    kiosk.open_staff_menu()
    kiosk.staff.overlay.insights_button.click()
    overlay = kiosk.staff.overlay
    assert isinstance(overlay, InsightsOverlay)
    words = kiosk.book.content.staff
    assert list(overlay.charts) == [words.insights_visits, words.insights_regions, words.insights_walkthrough,
                                    words.insights_languages]
    regions_chart = overlay.charts[words.insights_regions]
    for name in ("Calves and shins", "Hamstrings", "Quads", "Foot"):
        assert f">{name}<" in regions_chart
    assert ">Español<" in overlay.charts[words.insights_languages]
    overlay.close_button.click()
    assert kiosk.staff.overlay is None


def test_with_nothing_counted_the_insights_say_so(counted_kiosk, qtbot):
    kiosk, _ = counted_kiosk
    kiosk.open_staff_menu()
    kiosk.staff.overlay.insights_button.click()
    assert kiosk.staff.overlay.charts == {}


def test_the_sources_page_says_what_the_kiosk_keeps(make_kiosk, qtbot):
    kiosk = make_kiosk()
    for code in ("en", "es"):
        kiosk.set_language(code)
        kiosk.home.sources_button.click()
        assert " ".join(kiosk.language.ui.usage_note.split()) in " ".join(kiosk.router.screen.text().split())
        kiosk.router.screen.back_button.click()


def test_the_charts_sum_the_last_30_days_only():
    from kiosk.usage.charts import summarise

    rows = [DayCount("2026-10-31", usage.VISIT, "", 50),  # 31 days ago: left out
            DayCount("2026-11-01", usage.VISIT, "", 4), DayCount("2026-11-30", usage.VISIT, "", 6),
            DayCount("2026-11-30", usage.REGION, "foot", 2),
            DayCount("2026-11-29", usage.REGION, "foot", 1),
            DayCount("2026-11-30", usage.WALKTHROUGH, "started", 3),
            DayCount("2026-11-30", usage.WALKTHROUGH, "finished", 1)]
    summary = summarise(rows, date(2026, 11, 30))
    assert len(summary.visits) == 30 and summary.visits[0] == 4 and summary.visits[-1] == 6
    assert sum(summary.visits) == 10
    assert summary.regions == (("foot", 3),)
    assert (summary.walkthrough_started, summary.walkthrough_finished) == (3, 1)


def test_staff_can_turn_the_counts_off():
    from kiosk.settings.values import Settings
    from kiosk.ui.app import usage_log

    assert usage_log(Settings(usage_counts=False)) is None
    assert usage_log(Settings(usage_retention_days=30)).retention_days == 30
