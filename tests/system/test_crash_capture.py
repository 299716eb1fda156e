"""A crash on a tablet with no console leaves its traceback in the log folder, and staff see that
the kiosk restarted after a problem."""

import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from kiosk.settings.values import log_dir
from kiosk.system import crashlog
from kiosk.system.runmarker import RECORD, RunningMarker, restart_notice, restarted_after_problem, when
from tests.conftest import REPO

WORDS = "The kiosk restarted after a problem at {time}."


def test_an_orderly_end_leaves_no_marker_and_the_next_start_no_notice(tmp_path):
    first = RunningMarker(tmp_path)
    assert first.begin() is None
    assert first.path.exists()
    first.end()
    assert RunningMarker(tmp_path).begin() is None
    assert restarted_after_problem(tmp_path) is None and restart_notice(WORDS, tmp_path) is None


def test_a_run_that_never_ended_is_found_at_the_next_start_with_its_last_sign_of_life(tmp_path):
    crashed = RunningMarker(tmp_path)
    crashed.begin()
    last_seen = datetime.now().replace(microsecond=0) - timedelta(minutes=3)
    os.utime(crashed.path, (last_seen.timestamp(), last_seen.timestamp()))
    # the process is gone: no end()
    found = RunningMarker(tmp_path).begin()
    assert found == last_seen
    assert restarted_after_problem(tmp_path) == last_seen
    assert restart_notice(WORDS, tmp_path) == WORDS.format(time=when(last_seen))
    # The run after that one ends in order: its next start clears the notice.
    RunningMarker(tmp_path).end()
    RunningMarker(tmp_path).begin()
    assert restart_notice(WORDS, tmp_path) is None


def test_the_time_reads_as_staff_say_it():
    now = datetime(2026, 12, 7, 15, 0)
    assert when(datetime(2026, 12, 7, 10, 42), now) == "10:42"
    assert when(datetime(2026, 12, 3, 9, 5), now) == "09:05 on 3 December"
    assert when(datetime(2025, 12, 31, 23, 59), now) == "23:59 on 31 December 2025"


def test_a_damaged_record_shows_no_notice(tmp_path):
    (tmp_path / RECORD).write_text("not a time\n", encoding="utf-8")
    assert restart_notice(WORDS, tmp_path) is None


def test_earlier_crash_files_are_kept_a_few_deep_and_an_empty_one_is_not_kept(tmp_path):
    path = crashlog.crash_file(tmp_path)
    try:
        for number in range(5):
            assert crashlog.start(tmp_path) == path
            crashlog.stop()
            path.write_text(f"crash {number}\n", encoding="utf-8")
        crashlog.start(tmp_path)
    finally:
        crashlog.stop()
    kept = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert (tmp_path / "dumps").is_dir(), "made for Windows Error Reporting's minidumps"
    assert kept == ["crash.log", "crash.log.1", "crash.log.2", "crash.log.3"]
    assert [(tmp_path / f"crash.log.{n}").read_text() for n in (1, 2, 3)] == ["crash 4\n", "crash 3\n", "crash 2\n"]
    assert path.read_text() == ""  # this run's, empty: the next start doesn't keep it
    crashlog.start(tmp_path)
    crashlog.stop()
    assert (tmp_path / "crash.log.1").read_text() == "crash 4\n"


def test_an_unwritable_log_folder_costs_only_the_crash_file(tmp_path, caplog):
    blocked = tmp_path / "a file"
    blocked.write_text("")
    assert crashlog.start(blocked / "logs") is None
    assert "can't keep crash tracebacks" in caplog.text


def test_the_test_crash_needs_both_the_flag_and_the_variable(monkeypatch, capsys):
    from kiosk.cli import main

    monkeypatch.delenv(crashlog.TEST_CRASH_VARIABLE, raising=False)
    assert not crashlog.test_crash_wanted([crashlog.TEST_CRASH_FLAG])
    assert main(["--windowed", crashlog.TEST_CRASH_FLAG]) == 2
    assert "only for the kiosk's own tests" in capsys.readouterr().err
    monkeypatch.setenv(crashlog.TEST_CRASH_VARIABLE, "yes")  # a near miss is not enough
    assert not crashlog.test_crash_wanted([crashlog.TEST_CRASH_FLAG])
    monkeypatch.setenv(crashlog.TEST_CRASH_VARIABLE, crashlog.TEST_CRASH_VALUE)
    assert not crashlog.test_crash_wanted(["--windowed"])
    assert crashlog.test_crash_wanted(["--windowed", crashlog.TEST_CRASH_FLAG])


@pytest.mark.slow
def test_a_native_crash_of_the_running_kiosk_leaves_its_traceback_and_the_next_start_says_so(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", crashlog.TEST_CRASH_VARIABLE: crashlog.TEST_CRASH_VALUE}
    for variable in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[variable] = str(tmp_path / variable.lower())
    for folder in ("APPDATA", "LOCAL_APPDATA", "COMMON_APPDATA"):
        env[f"WIN_PD_OVERRIDE_{folder}"] = str(tmp_path / folder.lower())
    crashed = subprocess.run([sys.executable, "-m", "kiosk", "--windowed", crashlog.TEST_CRASH_FLAG], cwd=REPO,
                             env=env, capture_output=True, text=True, timeout=180)
    assert crashed.returncode != 0, crashed.stderr
    folder = _log_dir_of(env)
    traceback = crashlog.crash_file(folder).read_text(encoding="utf-8")
    native = "Windows fatal exception: access violation" if sys.platform == "win32" else "Segmentation fault"
    assert native in traceback and "crash_now" in traceback, traceback
    assert "crashing on purpose for a test" in (folder / "kiosk.log").read_text(encoding="utf-8")
    assert (folder / "kiosk.running").exists(), "a crash leaves the marker behind"
    marker = crashlog.begin_run(folder)  # as the next start does
    crashlog.stop()
    marker.end()
    assert restarted_after_problem(folder) is not None
    assert (folder / "crash.log.1").read_text(encoding="utf-8") == traceback, "the next start keeps it"


def _log_dir_of(env):
    """The log folder a kiosk with ``env`` uses (platformdirs reads the environment)."""
    code = "from kiosk.settings.values import log_dir; print(log_dir())"
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True, check=True)
    from pathlib import Path

    return Path(out.stdout.strip())


def test_the_staff_menu_says_the_kiosk_restarted_after_a_problem(make_kiosk, qtbot):
    from kiosk.settings.pin import hash_pin
    from kiosk.ui.staff.menu import StaffMenu

    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / RECORD).write_text("2026-12-07T10:42:13\n", encoding="utf-8")
    try:
        kiosk = make_kiosk()
        kiosk.staff.guard.stored = hash_pin("2468")
        kiosk.open_pin_pad()
        kiosk.staff.overlay.enter("2468")
        menu = kiosk.staff.overlay
        assert isinstance(menu, StaffMenu)
        assert menu.notice.isVisible()
        assert menu.notice.text().startswith("The kiosk restarted after a problem at 10:42")
        assert "tell IT" in menu.notice.text()
    finally:
        (folder / RECORD).unlink()


def test_the_running_kiosk_marks_its_run_and_renews_it_from_the_event_loop(qapp, monkeypatch, tmp_path):
    import faulthandler

    from PySide6.QtCore import QTimer

    from kiosk.ui.process import runwatch

    monkeypatch.setattr(runwatch, "log_dir", lambda: tmp_path)
    was_enabled = faulthandler.is_enabled()
    marker = runwatch.mark_the_run(qapp)
    try:
        assert marker.path.exists() and crashlog.crash_file(tmp_path).exists()
        assert faulthandler.is_enabled()
        beats = [timer for timer in qapp.findChildren(QTimer) if timer.interval() == 60_000 and timer.isActive()]
        assert beats, "the marker and the hang watch are renewed every minute"
        before = marker.path.stat().st_mtime
        os.utime(marker.path, (before - 120, before - 120))
        beats[-1].timeout.emit()
        assert marker.path.stat().st_mtime > before - 120
    finally:
        for timer in qapp.findChildren(QTimer):
            if timer.interval() == 60_000:
                timer.stop()
                timer.deleteLater()
        qapp.aboutToQuit.disconnect(marker.end)
        marker.end()
        crashlog.stop()
        if was_enabled:
            faulthandler.enable()
    assert not marker.path.exists()
