"""How the kiosk's process ends and starts: asked to stop it writes its counts and says why, one
kiosk per data folder, no display is a worded error, and every bad argument gets a message."""

import logging
import os
import signal
import subprocess
import sys
import threading
from datetime import date

import pytest

from kiosk.cli import main
from kiosk.usage import counts as usage
from kiosk.usage.report import read_days
from tests.support.content import REPO

POSIX_SIGNALS = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals; Windows' console events "
                                   "are tested below by calling the kiosk's handler for them")


@pytest.fixture
def own_folders(tmp_path, monkeypatch):
    """Per-user folders of this test's own, for the kiosks it starts; their data and log paths."""
    for variable in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / variable.lower()))
    for folder in ("APPDATA", "LOCAL_APPDATA", "COMMON_APPDATA"):
        monkeypatch.setenv(f"WIN_PD_OVERRIDE_{folder}", str(tmp_path / folder.lower()))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    from kiosk.settings.values import data_dir, log_file

    return data_dir(), log_file()


def start_kiosk(*args):
    return subprocess.Popen([sys.executable, "-m", "kiosk", "--windowed", *args], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_until_running(qtbot, process, log_file):
    """Home is painted and the log file open: the kiosk listens for signals from then on."""
    qtbot.waitUntil(lambda: process.poll() is not None or (log_file.exists() and " log in " in log_file.read_text()),
                    timeout=60_000)
    assert process.poll() is None, process.communicate()


def logged(log_file):
    return log_file.read_text(encoding="utf-8")


@pytest.mark.slow
@POSIX_SIGNALS
def test_sigterm_writes_the_counts_and_logs_why_the_kiosk_ended(qtbot, own_folders):
    data, log_file = own_folders
    kiosk = start_kiosk()
    wait_until_running(qtbot, kiosk, log_file)
    kiosk.send_signal(signal.SIGTERM)  # within the 3 s the home screen's count waits to be written
    _, errors = kiosk.communicate(timeout=60)
    assert kiosk.returncode == 128 + signal.SIGTERM, errors
    assert "kiosk ending: the system or an administrator asked it to stop (SIGTERM)" in logged(log_file)
    assert f"(exit code {128 + signal.SIGTERM})" in logged(log_file)
    counts = {(row.measure, row.value): row.count for row in read_days(data / usage.FILE_NAME, date.min)}
    assert counts[(usage.SCREEN, "home")] >= 1
    assert "Traceback" not in errors


@pytest.mark.slow
@POSIX_SIGNALS
def test_ctrl_c_ends_the_kiosk_cleanly_at_once(qtbot, own_folders):
    _, log_file = own_folders
    kiosk = start_kiosk()
    wait_until_running(qtbot, kiosk, log_file)
    kiosk.send_signal(signal.SIGINT)
    _, errors = kiosk.communicate(timeout=60)  # not at the next touch: nobody touches it
    assert kiosk.returncode == 130
    assert "KeyboardInterrupt" not in errors and "Traceback" not in errors
    assert "kiosk ending: Ctrl+C was pressed in its terminal" in logged(log_file)


@pytest.mark.slow
def test_a_second_kiosk_on_the_same_data_folder_says_so_and_exits(qtbot, own_folders):
    data, log_file = own_folders
    first = start_kiosk()
    try:
        wait_until_running(qtbot, first, log_file)
        second = subprocess.run([sys.executable, "-m", "kiosk", "--windowed"], cwd=REPO, capture_output=True,
                                text=True, timeout=120)
        assert second.returncode == 4
        assert f"another kiosk is already running with the data folder {data} (process {first.pid})" \
            in second.stderr
        assert second.stderr.count("another kiosk") == 1, "said once, not twice"
        assert "another kiosk is already running" in logged(log_file)
        assert first.poll() is None, "the first kiosk runs on"
    finally:
        first.kill()  # as a crash: its lock file stays behind
        first.communicate(timeout=60)
    assert (data / "kiosk.lock").exists()
    after_a_crash = subprocess.run([sys.executable, "-m", "kiosk", "--windowed", "--exit-after-first-paint"],
                                   cwd=REPO, capture_output=True, text=True, timeout=120)
    assert after_a_crash.returncode == 0, after_a_crash.stderr


def test_a_lock_left_by_a_kiosk_that_crashed_is_taken_over(tmp_path):
    from kiosk.ui.process.lifetime import hold_data_folder

    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys; from PySide6.QtCore import QLockFile; lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0); "
        "print(lock.tryLock(0), flush=True); sys.stdin.read()"), str(tmp_path / "kiosk.lock")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "True"
    assert isinstance(hold_data_folder(tmp_path), str), "while it runs, the folder is its"
    holder.kill()
    holder.communicate(timeout=60)
    held = hold_data_folder(tmp_path)
    assert not isinstance(held, str) and held.isLocked()
    held.unlock()


def test_a_kiosk_on_another_computer_sharing_the_folder_is_named(tmp_path):
    """A data folder on a share: the lock names the computer holding it (QLockFile's own format:
    process, program, computer), and a kiosk elsewhere can't tell whether that one still runs."""
    from kiosk.ui.process.lifetime import hold_data_folder

    (tmp_path / "kiosk.lock").write_bytes(b"4242\nkiosk\nRECEPTION-2\n")
    said = hold_data_folder(tmp_path)
    assert isinstance(said, str) and "(process 4242 on RECEPTION-2)" in said


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Windows' kiosk always has its session's desktop")
@pytest.mark.parametrize("display", [None, ":4242"])
def test_no_display_is_a_logged_worded_error_not_an_abort(own_folders, monkeypatch, display):
    _, log_file = own_folders
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    if display:  # a display that isn't there: Qt itself finds out, and would abort
        monkeypatch.setenv("DISPLAY", display)
        monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    result = subprocess.run([sys.executable, "-m", "kiosk", "--windowed"], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 5, result.stderr
    assert "kiosk: there is no screen to show the kiosk on" in result.stderr
    assert "Start it in the tablet's own desktop session" in result.stderr
    assert "there is no screen to show the kiosk on" in logged(log_file)


# --- Windows' console and session: the handlers, called as Windows calls them -----------------


@pytest.fixture
def ending(qapp, monkeypatch):
    from kiosk.ui.process.lifetime import Ending

    written, codes = [], []
    monkeypatch.setattr(qapp, "exit", codes.append)
    made = Ending(qapp, lambda: written.append(threading.current_thread().name))
    yield made, written, codes
    made.deleteLater()


@pytest.mark.parametrize("kind, said, code", [
    (2, "its console window was closed", 143), (5, "Windows is signing the user out", 143),
    (6, "Windows is shutting down", 143),
])
def test_closing_the_console_writes_the_counts_before_windows_ends_the_process(ending, qtbot, caplog, kind, said,
                                                                                code):
    made, written, codes = ending
    answers = []
    windows_thread = threading.Thread(target=lambda: answers.append(made.console_event(kind)), name="windows")
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.process.lifetime"):
        windows_thread.start()
        windows_thread.join(timeout=30)
    assert answers == [True]
    assert written == ["windows"], "written on Windows' thread, before the handler returned"
    assert f"kiosk ending: {said}" in caplog.text
    qtbot.waitUntil(lambda: codes == [code])  # and Qt's loop ends on the kiosk's own thread


def test_ctrl_c_in_the_console_ends_the_orderly_way(ending, qtbot):
    made, written, codes = ending
    assert made.console_event(0) is True
    assert codes == [130] and made.reason == "Ctrl+C was pressed in its console"
    assert made.console_event(0) is True and codes == [130], "a second Ctrl+C changes nothing"
    assert made.console_event(99) is False, "an event the kiosk doesn't know is Windows' to handle"


def test_signing_out_of_windows_writes_the_counts_and_says_why(ending, caplog):
    made, written, _ = ending
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.process.lifetime"):
        made.session_ending()  # WM_QUERYENDSESSION, through Qt's commitDataRequest
    assert written and "Windows is ending the session" in caplog.text
    made.about_to_quit()  # WM_ENDSESSION, through Qt's aboutToQuit
    assert len(written) == 2


@pytest.mark.skipif(sys.platform != "win32", reason="SetConsoleCtrlHandler is Windows'")
def test_windows_takes_the_console_handler(caplog):
    from kiosk.ui.process.lifetime import _watch_the_console

    with caplog.at_level(logging.WARNING, logger="kiosk.ui.process.lifetime"):
        callback = _watch_the_console(lambda kind: True)
    assert callback is not None and "can't watch" not in caplog.text


def test_a_keyboard_interrupt_that_reaches_the_error_handler_ends_the_kiosk(qapp, monkeypatch):
    from kiosk.ui.app import _catch_everything

    codes, recovered = [], []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(qapp, "exit", codes.append)

    class Window:
        def recover(self):
            recovered.append(True)

    _catch_everything(Window())
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert codes == [130] and recovered == []


# --- the command line ---------------------------------------------------------------------------


@pytest.fixture
def a_file(tmp_path):
    path = tmp_path / "a file.txt"
    path.write_text("not a folder", encoding="utf-8")
    return path


@pytest.mark.parametrize("args, said", [
    (["--screenshot", "{file}"], "--screenshot needs a folder to save into, but {file} is a file"),
    (["--screenshot", "{file}/shots"], "{file}{sep}shots can't be made, because {file} is a file, not a folder"),
    (["--config", "{folder}", "--windowed"], "--config needs a file, but {folder} is a folder; give a file's name, "
                                             "like {folder}{sep}settings.yaml"),
    (["--config", "{file}/settings.yaml", "--set-pin"], "{file}{sep}settings.yaml can't be written, because {file} is "
                                                        "a file"),
    (["--export-usage", "{folder}"], "--export-usage needs a file, but {folder} is a folder"),
    (["--export-usage", "{file}/usage.csv"], "because {file} is a file, not a folder"),
    (["--content", "{file}", "--self-test"], "--content needs a folder, but {file} is a file"),
    (["--content", "{folder}/nowhere"], "the content folder {folder}{sep}nowhere does not exist"),
    (["--check-content", "{file}"], "--check-content needs a folder, but {file} is a file"),
    (["--screenshot", "shots\0here"], "--screenshot 'shots\\x00here' is not a name a file or folder can have"),
])
def test_every_bad_path_on_the_command_line_gets_a_message(args, said, a_file, tmp_path, capsys):
    """Typed with '/', as anyone may on either system; the message names the path the way the
    system's own tools do (on Windows with '\\', as Explorer shows it)."""
    places = {"file": str(a_file), "folder": str(tmp_path)}
    assert main([arg.format(**places) for arg in args]) == 2
    told = capsys.readouterr().err
    assert said.format(**places, sep=os.sep) in told
    assert "unexpected error" not in told and "Traceback" not in told


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root (and Windows' owner) may read it")
def test_a_content_folder_nobody_may_read_gets_a_message(tmp_path, capsys):
    locked = tmp_path / "content"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert main(["--content", str(locked), "--self-test"]) == 2
    finally:
        locked.chmod(0o755)
    assert f"the folder {locked} can't be read (no permission)" in capsys.readouterr().err
