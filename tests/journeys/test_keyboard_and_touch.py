"""Everyone can use it: keyboard only, and a finger on the reading screens."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.visit.screens import HOME


def test_esc_goes_back_never_out(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.home.region_buttons["quads"].click()
    qtbot.keyClick(kiosk.router.screen.view, Qt.Key.Key_Escape)
    assert kiosk.router.current == HOME
    qtbot.keyClick(kiosk.home, Qt.Key.Key_Escape)
    assert kiosk.router.current == HOME and kiosk.window.isVisible()
    kiosk.home.sources_button.click()
    qtbot.keyClick(kiosk.router.screen.view, Qt.Key.Key_Escape)
    assert kiosk.router.current == HOME


def test_walkthrough_by_arrow_keys(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.home.walkthrough_button.click()
    walk = kiosk.router.screen
    walk.view.setFocus()
    qtbot.waitUntil(walk.view.hasFocus)
    qtbot.keyClick(walk.view, Qt.Key.Key_Right)
    qtbot.keyClick(walk.view, Qt.Key.Key_Right)
    assert walk.progress.text() == "Step 3 of 8"
    qtbot.keyClick(walk.view, Qt.Key.Key_Left)
    assert walk.progress.text() == "Step 2 of 8"
    qtbot.keyClick(walk.view, Qt.Key.Key_Escape)
    assert kiosk.router.current == HOME


def test_tab_reaches_every_control_on_home_and_space_presses(make_kiosk, qtbot):
    kiosk = make_kiosk()
    home = kiosk.home
    home.body_map.buttons["quads"].setFocus()
    qtbot.waitUntil(home.body_map.buttons["quads"].hasFocus)
    seen = []
    for _ in range(40):
        widget = QTest.focusWidget() if hasattr(QTest, "focusWidget") else kiosk.window.focusWidget()
        seen.append(widget)
        qtbot.keyClick(kiosk.window.focusWidget(), Qt.Key.Key_Tab)
    wanted = [*home.body_map.buttons.values(), *home.region_buttons.values(), home.walkthrough_button,
              home.precautions_button, home.sources_button, home.calm_toggle, *home.language_buttons.values()]
    missing = [w.text() for w in wanted if w not in seen]
    assert missing == []
    home.calm_toggle.setFocus()
    qtbot.waitUntil(home.calm_toggle.hasFocus)
    qtbot.keyClick(home.calm_toggle, Qt.Key.Key_Space)
    assert kiosk.visit.calm


def test_a_finger_drag_scrolls_a_reading_screen(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.cycle_text_size()  # region pages fit the screen at normal text; large text scrolls
    kiosk.home.region_buttons["calves"].click()
    view = kiosk.router.screen.view
    bar = view.verticalScrollBar()
    assert bar.value() == 0
    handle = kiosk.window.windowHandle()
    start = view.viewport().mapTo(kiosk.window, QPoint(400, 500))
    device = QTest.createTouchDevice()
    QTest.touchEvent(handle, device).press(0, start).commit()
    for step in range(1, 11):
        QTest.touchEvent(handle, device).move(0, start - QPoint(0, 30 * step)).commit()
    QTest.touchEvent(handle, device).release(0, start - QPoint(0, 300)).commit()
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=3000)


def test_a_finger_swipe_turns_the_walkthrough_page(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.home.walkthrough_button.click()
    walk = kiosk.router.screen
    handle = kiosk.window.windowHandle()
    start = walk.view.viewport().mapTo(kiosk.window, QPoint(700, 300))
    device = QTest.createTouchDevice()
    with qtbot.waitSignal(walk.stepChanged) as changed:
        QTest.touchEvent(handle, device).press(0, start).commit()
        for step in range(1, 9):
            QTest.touchEvent(handle, device).move(0, start - QPoint(40 * step, 0)).commit()
        QTest.touchEvent(handle, device).release(0, start - QPoint(320, 0)).commit()
    assert changed.args == [1]


def test_screen_changes_are_announced_by_name(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.home.region_buttons["hamstrings"].click()
    assert kiosk.window.windowTitle() == "Hamstrings: What dry needling does here - Dry needling for runners"
    kiosk.router.screen.walkthrough_button.click()
    kiosk.router.screen.next_button.click()
    assert kiosk.window.windowTitle().startswith("Step 2 of 8: ")
    kiosk.router.screen.home_button.click()  # back to the region the walkthrough was opened from
    assert kiosk.window.windowTitle() == "Hamstrings: What dry needling does here - Dry needling for runners"
    kiosk.router.screen.back_button.click()
    assert kiosk.window.windowTitle() == "Dry needling for runners"
