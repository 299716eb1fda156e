"""New content is checked in a child process with a deadline: the screen never waits for the check,
a check past its time is stopped and the content refused with a worded message, and the kiosk
shows exactly the content that was checked."""

import shutil
import sys

from kiosk.checks import child as childcheck
from kiosk.checks.child import CHECK, RELOAD, check_in_child, read_result
from kiosk.system import resources
from kiosk.ui.staff.menu import StaffMenu
from kiosk.ui.updates.contentcheck import ContentCheck
from tests.helpers import edit
from tests.test_clinic_bad_day import PIN, fast_pin, kiosk  # noqa: F401 - the window fixture that reloads


def test_the_screen_answers_taps_while_new_content_is_checked(kiosk, qtbot, content_copy):  # noqa: F811
    window = kiosk(content_copy)
    edit(content_copy / "regions" / "calves.yaml", "name: Calves and shins", "name: Calf muscles")
    with qtbot.waitSignal(window.contentReady, timeout=20000):
        window.reload_content()
        assert window.content_check.running, "the check runs apart from the screen"
        window.home.region_buttons["foot"].click()  # a patient's tap, answered before the check ends
        assert window.shown_screen.text().startswith("Foot")
    window.shown_screen.back_button.click()
    assert window.home.region_buttons["calves"].text() == "Calf muscles"


def test_the_checked_content_is_what_is_shown_even_if_the_folder_changes_afterwards(kiosk, qtbot,  # noqa: F811
                                                                                    content_copy):
    window = kiosk(content_copy)
    calves = content_copy / "regions" / "calves.yaml"
    edit(calves, "name: Calves and shins", "name: Calf muscles")
    with qtbot.waitSignal(window.contentSwapped, timeout=20000):
        window.reload_content()
    calves.write_text("name: [", encoding="utf-8")  # broken after the check: nothing reads it now
    window.home.region_buttons["calves"].click()
    assert window.shown_screen.text().startswith("Calf muscles")
    window.shown_screen.tabs[1].click()
    assert window.shown_screen.view.available


def test_a_check_past_its_time_is_stopped_and_the_content_refused_with_a_message(qtbot, content_copy):
    check = ContentCheck(seconds=0.001)
    with qtbot.waitSignal(check.finished, timeout=20000) as finished:
        check.start(content_copy)
    assert not check.running
    [problem] = finished.args[0].problems
    assert problem.path == str(content_copy) and not problem.warning
    assert "took longer than" in problem.message and "look at the files changed last" in problem.message


def test_a_newer_check_replaces_an_older_one(qtbot, content_copy):
    check = ContentCheck()
    with qtbot.waitSignal(check.finished, timeout=20000) as finished:
        check.start(content_copy)
        check.start(content_copy)  # the folder changed again: only the newer check reports
    assert finished.args[0].errors == [] and finished.args[0].book is not None
    with qtbot.assertNotEmitted(check.finished, wait=500):
        pass


def test_staff_reload_from_the_menu_says_when_the_check_has_ended(kiosk, qtbot, fast_pin, content_copy):  # noqa: F811
    window = kiosk(content_copy, staff_pin=fast_pin)
    window.open_pin_pad()
    window.staff_overlay.enter(PIN)
    menu = window.staff_overlay
    assert isinstance(menu, StaffMenu)
    edit(content_copy / "regions" / "foot.yaml", "name: Foot", "name: [Foot")
    with qtbot.waitSignal(window.contentRejected, timeout=20000):
        menu.reload_button.click()
    assert menu.status.text() == window.book.content.staff.reload_failed
    assert "foot.yaml" in menu.problems_view.toPlainText()


def test_check_content_always_ends_with_a_worded_message(content_copy):
    checked = check_in_child(content_copy, CHECK, seconds=0.001)
    [problem] = checked.problems
    assert "took longer than" in problem.message


def test_a_child_that_ends_without_a_result_is_a_worded_problem(tmp_path, content_copy):
    checked = read_result(tmp_path / "nothing.pickle", content_copy, 1)
    [problem] = checked.problems
    assert problem.path == str(content_copy) and "stopped before it finished" in problem.message


def test_the_child_hands_back_the_content_whole_for_a_reload(content_copy):
    checked = check_in_child(content_copy, RELOAD)
    assert checked.errors == []
    content = checked.book.content
    assert content.folder == content_copy and set(content.languages) == {"en", "es"}
    assert content.logo and "illustrations/aftercare-card.svg" in content.pictures
    assert "region-page.html.j2" in checked.book.renderer.kept
    shutil.rmtree(content_copy)  # what was checked needs nothing more from the folder
    assert checked.book.region("en", False, "calves", 1).html


def test_packaged_the_child_is_the_executable_itself(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "kiosk.exe"))
    assert childcheck.command(RELOAD, tmp_path / "content", tmp_path / "out")[:2] == [
        str(tmp_path / "kiosk.exe"), childcheck.CHILD_FLAG]
    assert resources.own_command("x") == [str(tmp_path / "kiosk.exe"), "x"]
