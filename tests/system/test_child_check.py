"""New content is checked in a child process with a deadline: the screen never waits for the check,
a check past its time is stopped and the content refused with a worded message, and the kiosk
shows exactly the content that was checked."""

import shutil
import sys

from kiosk.checks import child as childcheck
from kiosk.checks.child import CHECK, RELOAD, check_in_child, read_result
from kiosk.settings.values import Settings
from kiosk.system import resources
from kiosk.ui.staff.menu import StaffMenu
from kiosk.ui.updates.contentcheck import ContentCheck
from tests.support.content import edit
from tests.support.pins import PIN


def test_the_screen_answers_taps_while_new_content_is_checked(make_kiosk, qtbot, content_copy):
    kiosk = make_kiosk(content_copy)
    edit(content_copy / "regions" / "calves.yaml", "name: Calves and shins", "name: Calf muscles")
    with qtbot.waitSignal(kiosk.arrival.contentReady, timeout=20000):
        kiosk.reload_content()
        assert kiosk.arrival.content_check.running, "the check runs apart from the screen"
        kiosk.home.region_buttons["foot"].click()  # a patient's tap, answered before the check ends
        assert kiosk.router.screen.text().startswith("Foot")
    kiosk.router.screen.back_button.click()
    assert kiosk.home.region_buttons["calves"].text() == "Calf muscles"


def test_the_checked_content_is_what_is_shown_even_if_the_folder_changes_afterwards(make_kiosk, qtbot,
                                                                                    content_copy):
    kiosk = make_kiosk(content_copy)
    calves = content_copy / "regions" / "calves.yaml"
    edit(calves, "name: Calves and shins", "name: Calf muscles")
    with qtbot.waitSignal(kiosk.contentSwapped, timeout=20000):
        kiosk.reload_content()
    calves.write_text("name: [", encoding="utf-8")  # broken after the check: nothing reads it now
    kiosk.home.region_buttons["calves"].click()
    assert kiosk.router.screen.text().startswith("Calf muscles")
    kiosk.router.screen.tabs[1].click()
    assert kiosk.router.screen.view.available


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


def test_a_check_running_when_the_kiosk_closes_is_stopped_with_it(make_kiosk, qtbot, content_copy):
    kiosk = make_kiosk(content_copy)
    kiosk.reload_content(now=True)  # a check's child starts: it takes a second or more
    check = kiosk.arrival.content_check
    assert check.running
    with qtbot.assertNotEmitted(check.finished, wait=0):
        kiosk.window.close()
    assert not check.running, "the check's child outlives the kiosk"


def test_staff_reload_from_the_menu_says_when_the_check_has_ended(make_kiosk, qtbot, fast_pin, content_copy):
    kiosk = make_kiosk(content_copy, Settings(staff_pin=fast_pin))
    kiosk.open_pin_pad()
    kiosk.staff.overlay.enter(PIN)
    menu = kiosk.staff.overlay
    assert isinstance(menu, StaffMenu)
    edit(content_copy / "regions" / "foot.yaml", "name: Foot", "name: [Foot")
    with qtbot.waitSignal(kiosk.arrival.contentRejected, timeout=20000):
        menu.reload_button.click()
    assert menu.status.text() == kiosk.book.content.staff.reload_failed
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


def test_a_layout_check_past_its_time_is_stopped_and_says_so(qtbot, content_copy):
    from kiosk.ui.updates.layoutcheck import LayoutCheck

    check = LayoutCheck(seconds=0.001, pause_ms=0)
    with qtbot.waitSignal(check.found, timeout=20000) as found:
        check.start(content_copy)
    assert not check.running
    [problem] = found.args[0]
    assert "took longer than" in problem.message and problem.path == str(content_copy)
