"""Everyone can use it: keyboard only, and a finger on the reading screens."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.visit.screens import HOME


def test_esc_goes_back_never_out(make_window, qtbot):
    window = make_window()
    window.home.region_buttons["quads"].click()
    qtbot.keyClick(window.shown_screen.view, Qt.Key.Key_Escape)
    assert window.current_screen() == HOME
    qtbot.keyClick(window.home, Qt.Key.Key_Escape)
    assert window.current_screen() == HOME and window.isVisible()
    window.home.sources_button.click()
    qtbot.keyClick(window.shown_screen.view, Qt.Key.Key_Escape)
    assert window.current_screen() == HOME


def test_walkthrough_by_arrow_keys(make_window, qtbot):
    window = make_window()
    window.home.walkthrough_button.click()
    walk = window.shown_screen
    walk.view.setFocus()
    qtbot.waitUntil(walk.view.hasFocus)
    qtbot.keyClick(walk.view, Qt.Key.Key_Right)
    qtbot.keyClick(walk.view, Qt.Key.Key_Right)
    assert walk.progress.text() == "Step 3 of 8"
    qtbot.keyClick(walk.view, Qt.Key.Key_Left)
    assert walk.progress.text() == "Step 2 of 8"
    qtbot.keyClick(walk.view, Qt.Key.Key_Escape)
    assert window.current_screen() == HOME


def test_tab_reaches_every_control_on_home_and_space_presses(make_window, qtbot):
    window = make_window()
    home = window.home
    home.body_map.buttons["quads"].setFocus()
    qtbot.waitUntil(home.body_map.buttons["quads"].hasFocus)
    seen = []
    for _ in range(40):
        widget = QTest.focusWidget() if hasattr(QTest, "focusWidget") else window.focusWidget()
        seen.append(widget)
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    wanted = [*home.body_map.buttons.values(), *home.region_buttons.values(), home.walkthrough_button,
              home.precautions_button, home.sources_button, home.calm_toggle, *home.language_buttons.values()]
    missing = [w.text() for w in wanted if w not in seen]
    assert missing == []
    home.calm_toggle.setFocus()
    qtbot.waitUntil(home.calm_toggle.hasFocus)
    qtbot.keyClick(home.calm_toggle, Qt.Key.Key_Space)
    assert window.visit.calm


def test_a_finger_drag_scrolls_a_reading_screen(make_window, qtbot):
    window = make_window()
    window.cycle_text_size()  # region pages fit the screen at normal text; large text scrolls
    window.home.region_buttons["calves"].click()
    view = window.shown_screen.view
    bar = view.verticalScrollBar()
    assert bar.value() == 0
    handle = window.windowHandle()
    start = view.viewport().mapTo(window, QPoint(400, 500))
    device = QTest.createTouchDevice()
    QTest.touchEvent(handle, device).press(0, start).commit()
    for step in range(1, 11):
        QTest.touchEvent(handle, device).move(0, start - QPoint(0, 30 * step)).commit()
    QTest.touchEvent(handle, device).release(0, start - QPoint(0, 300)).commit()
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=3000)


def test_a_finger_swipe_turns_the_walkthrough_page(make_window, qtbot):
    window = make_window()
    window.home.walkthrough_button.click()
    walk = window.shown_screen
    handle = window.windowHandle()
    start = walk.view.viewport().mapTo(window, QPoint(700, 300))
    device = QTest.createTouchDevice()
    with qtbot.waitSignal(walk.stepChanged) as changed:
        QTest.touchEvent(handle, device).press(0, start).commit()
        for step in range(1, 9):
            QTest.touchEvent(handle, device).move(0, start - QPoint(40 * step, 0)).commit()
        QTest.touchEvent(handle, device).release(0, start - QPoint(320, 0)).commit()
    assert changed.args == [1]


def test_screen_changes_are_announced_by_name(make_window, qtbot):
    window = make_window()
    window.home.region_buttons["hamstrings"].click()
    assert window.windowTitle() == "Hamstrings: What dry needling does here - Dry needling for runners"
    window.shown_screen.walkthrough_button.click()
    window.shown_screen.next_button.click()
    assert window.windowTitle().startswith("Step 2 of 8: ")
    window.shown_screen.home_button.click()  # back to the region the walkthrough was opened from
    assert window.windowTitle() == "Hamstrings: What dry needling does here - Dry needling for runners"
    window.shown_screen.back_button.click()
    assert window.windowTitle() == "Dry needling for runners"
