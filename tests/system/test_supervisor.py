"""--supervise starts the kiosk again after a crash or a kill, never after the staff exit, and
never spins on a kiosk that keeps failing at once."""

import subprocess
import sys

import pytest

from kiosk.system import exitcodes
from kiosk.system.supervisor import FLAG, child_command, pause_after, supervise


class FakeKiosk:
    """Exit codes and running times, one per start."""

    def __init__(self, *runs):
        self.runs = list(runs)
        self.now = 0.0
        self.commands = []
        self.pauses = []

    def run(self, command):
        self.commands.append(list(command))
        code, seconds = self.runs.pop(0)
        self.now += seconds
        return code

    def sleep(self, seconds):
        self.pauses.append(seconds)
        self.now += seconds


def supervised(fake, **kwargs):
    return supervise(["kiosk.exe"], run=fake.run, sleep=fake.sleep, clock=lambda: fake.now, **kwargs)


def test_a_crash_or_a_kill_starts_it_again_and_the_staff_exit_ends_it():
    access_violation, killed_in_task_manager = 0xC0000005, 1
    fake = FakeKiosk((access_violation, 3600), (killed_in_task_manager, 120), (exitcodes.STAFF_EXIT, 50))
    assert supervised(fake) == exitcodes.STAFF_EXIT
    assert len(fake.commands) == 3 and fake.pauses == [0.0, 0.0], "a kiosk that ran a while comes back at once"


@pytest.mark.parametrize("code", sorted(exitcodes.NO_RESTART))
def test_codes_that_restarting_cannot_help_end_it(code):
    fake = FakeKiosk((code, 10))
    assert supervised(fake) == code and len(fake.commands) == 1


def test_a_kiosk_failing_at_once_is_started_again_after_growing_pauses_up_to_a_minute():
    share_not_there_yet = 2
    fake = FakeKiosk(*[(share_not_there_yet, 0.5)] * 9, (exitcodes.STAFF_EXIT, 1))
    assert supervised(fake) == exitcodes.STAFF_EXIT
    assert fake.pauses == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert pause_after(0) == 0 and pause_after(100) == 60


def test_while_the_installer_upgrades_it_the_kiosk_stays_ended(tmp_path):
    upgrading = tmp_path / "upgrading"
    upgrading.write_text("")
    fake = FakeKiosk((1, 5), (1, 5))
    assert supervised(fake, upgrading=upgrading) == 1 and len(fake.commands) == 1


def test_a_program_that_cannot_be_started_is_tried_again():
    calls = []

    def run(command):
        calls.append(command)
        if len(calls) == 1:
            raise FileNotFoundError("kiosk.exe")
        return exitcodes.STAFF_EXIT

    assert supervise(["kiosk.exe"], run=run, sleep=lambda s: None) == exitcodes.STAFF_EXIT and len(calls) == 2


def test_the_child_is_the_same_program_with_the_same_options_but_not_supervised():
    assert child_command([FLAG, "--content", "X"], frozen=True) == [sys.executable, "--content", "X"]
    assert child_command(["--windowed", FLAG], frozen=False) == [sys.executable, "-m", "kiosk", "--windowed"]


def test_the_exit_code_table_agrees_with_the_codes_the_kiosk_uses():
    from kiosk.ui.app import NO_DISPLAY_EXIT_CODE
    from kiosk.ui.kiosk import STAFF_EXIT_CODE
    from kiosk.ui.process.lifetime import ALREADY_RUNNING_EXIT_CODE, CONSOLE_EVENTS

    assert exitcodes.STAFF_EXIT == STAFF_EXIT_CODE and exitcodes.ALREADY_RUNNING == ALREADY_RUNNING_EXIT_CODE
    codes = {entry.code for entry in exitcodes.EXIT_CODES}
    assert NO_DISPLAY_EXIT_CODE in codes and {code for _, code in CONSOLE_EVENTS.values()} <= codes
    assert exitcodes.should_restart(NO_DISPLAY_EXIT_CODE), "a display driver being replaced comes back"
    assert not exitcodes.should_restart(STAFF_EXIT_CODE)
    assert "crashed" in exitcodes.meaning(0xC0000005) and "signal 11" in exitcodes.meaning(-11)


@pytest.mark.slow
def test_the_supervised_kiosk_ends_with_the_kiosks_own_code(tmp_path):
    """The real command: the child here fails at once (its content folder is missing) and then
    the staff exit is simulated by a code that ends supervision (another kiosk holds the data)."""
    from tests.conftest import REPO

    missing = tmp_path / "no such share"
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from kiosk.system.supervisor import supervise; "
         "sys.exit(supervise([sys.executable, '-m', 'kiosk', '--content', sys.argv[1]], "
         "sleep=lambda s: None, most_starts=2))", str(missing)],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("does not exist") == 2, "started twice, each time saying why"


def test_a_flag_an_installer_left_behind_long_ago_is_not_obeyed(tmp_path):
    import os
    import time

    upgrading = tmp_path / "upgrading"
    upgrading.write_text("")
    old = time.time() - 2 * 3600
    os.utime(upgrading, (old, old))
    fake = FakeKiosk((1, 5), (exitcodes.STAFF_EXIT, 5))
    assert supervised(fake, upgrading=upgrading) == exitcodes.STAFF_EXIT and len(fake.commands) == 2
