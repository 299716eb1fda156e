"""Any step in two taps: "Step 3 of 8" opens every step by its title, and a tap goes there; the
keys of a slide show page through the walkthrough."""

import pytest
from PySide6.QtCore import Qt

from kiosk.visit.screens import ScreenId
from tests.support.finger import tap


@pytest.fixture
def walkthrough(make_kiosk):
    kiosk = make_kiosk(locked=True)
    tap(kiosk.home.region_buttons["calves"])
    tap(kiosk.router.screen.walkthrough_button)
    return kiosk, kiosk.router.screen


def test_step_one_to_step_seven_in_two_real_taps(walkthrough, qtbot):
    kiosk, walk = walkthrough
    assert walk.progress.text() == "Step 1 of 8" and not walk.overview_open
    assert not walk.progress.isCheckable(), "heard as a button, not a check box"
    tap(walk.progress)  # one
    assert walk.overview_open and walk.overview.isVisible() and not walk.view.isVisible()
    assert walk.progress.property("open") is True  # drawn dark while the overview is open
    titles = [button.text() for button in walk.overview.buttons]
    assert titles[0] == "1.  Before we start" and titles[2] == "3.  The needle" and len(titles) == 8
    assert walk.overview.buttons[0].isChecked() and not walk.overview.buttons[6].isChecked()
    with qtbot.waitSignal(walk.stepChanged) as changed:
        tap(walk.overview.buttons[6])  # two
    assert changed.args == [6]
    assert kiosk.router.current == ScreenId.walkthrough("calves", 6)
    assert walk.progress.text() == "Step 7 of 8" and not walk.overview_open and walk.view.isVisible()
    assert walk.text().startswith(titles[6].split(".  ", 1)[1])
    # Back goes to step 6, as after six Nexts: the overview is no detour in the history.
    tap(walk.previous_button)
    assert kiosk.router.current == ScreenId.walkthrough("calves", 5)


def test_the_overview_closes_without_moving_and_shows_calm_titles(make_kiosk, qtbot):
    kiosk = make_kiosk(locked=True)
    tap(kiosk.home.calm_toggle)
    tap(kiosk.home.walkthrough_button)
    walk = kiosk.router.screen
    tap(walk.next_button)
    tap(walk.progress)
    assert walk.overview.buttons[2].text() == "3.  Starting the treatment"  # calm mode's own title
    assert walk.overview.buttons[1].isChecked()
    with qtbot.assertNotEmitted(walk.stepChanged):
        tap(walk.progress)  # tapped again: back to the step, unmoved
    assert not walk.overview_open and walk.progress.text() == "Step 2 of 8"
    tap(walk.progress)
    qtbot.keyClick(walk, Qt.Key.Key_Escape)  # Esc closes the overview first, then leaves
    assert not walk.overview_open and walk.isVisible()
    qtbot.keyClick(walk, Qt.Key.Key_Escape)
    assert kiosk.router.current.name == "home"


def test_the_next_patient_never_finds_the_overview_open(walkthrough, fake_clock):
    kiosk, walk = walkthrough
    tap(walk.progress)
    kiosk.reset_for_next_patient()
    tap(kiosk.router.screen)
    tap(kiosk.home.region_buttons["calves"])
    tap(kiosk.router.screen.walkthrough_button)
    again = kiosk.router.screen
    assert again is walk  # the same kept screen, shown afresh
    assert not again.overview_open and again.view.isVisible() and again.progress.text() == "Step 1 of 8"


def test_home_end_and_page_keys_page_through_the_steps(walkthrough, qtbot):
    kiosk, walk = walkthrough
    walk.view.setFocus()
    qtbot.waitUntil(walk.view.hasFocus)
    for key, shown in ((Qt.Key.Key_End, 8), (Qt.Key.Key_PageDown, 8), (Qt.Key.Key_PageUp, 7),
                       (Qt.Key.Key_Home, 1), (Qt.Key.Key_PageUp, 1), (Qt.Key.Key_PageDown, 2)):
        qtbot.keyClick(walk.view, key)
        assert walk.progress.text() == f"Step {shown} of 8", key
    assert kiosk.router.current == ScreenId.walkthrough("calves", 1)
    walk.next_button.setFocus()  # on a button too, not only the reading pane
    qtbot.keyClick(walk.next_button, Qt.Key.Key_End)
    assert walk.progress.text() == "Step 8 of 8" and walk.done_button.isVisible()


def test_region_screens_keep_page_keys_for_scrolling(make_kiosk, qtbot):
    kiosk = make_kiosk()
    tap(kiosk.home.region_buttons["calves"])
    region = kiosk.router.screen
    with qtbot.assertNotEmitted(region.pageChanged):
        qtbot.keyClick(region.view, Qt.Key.Key_End)


def test_by_keyboard_the_overview_takes_the_focus_and_gives_it_back(walkthrough, qtbot):
    kiosk, walk = walkthrough
    walk.progress.setFocus()
    qtbot.waitUntil(walk.progress.hasFocus)
    qtbot.keyClick(walk.progress, Qt.Key.Key_Space)
    assert walk.overview_open
    qtbot.waitUntil(walk.overview.buttons[0].hasFocus)  # on the step shown
    qtbot.keyClick(walk.overview.buttons[0], Qt.Key.Key_Tab)
    focused = walk.overview.buttons[1]
    qtbot.waitUntil(focused.hasFocus)
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert walk.progress.text() == "Step 2 of 8" and not walk.overview_open
    qtbot.waitUntil(walk.progress.hasFocus)  # not lost on a hidden button


def test_the_step_starts_right_under_the_stop_line_as_before(walkthrough):
    from PySide6.QtCore import QPoint

    kiosk, walk = walkthrough
    gap = walk.view.mapTo(walk, QPoint(0, 0)).y() - (walk.stop_banner.mapTo(walk, QPoint(0, 0)).y()
                                                      + walk.stop_banner.height())
    assert gap <= 12, "no room lost above the fold to the overview's place"
