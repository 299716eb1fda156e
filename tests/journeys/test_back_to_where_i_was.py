"""A keyboard user who goes back (Esc, Back, Home) is on the control that took them on, not at
the top of the screen: back on home from the calves, on "Calves" again. A patient who tapped
gets no focus ring on the way back, and a screen opened forwards starts at its top."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.visit.screens import CARD, HOME, PRECAUTIONS, ScreenKind


def focused():
    return QApplication.focusWidget()


def tab_to(qtbot, control, most=80):
    for _ in range(most):
        if control.hasFocus():
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {control.objectName()}")


def press(qtbot, kiosk, key=Qt.Key.Key_Space):
    with qtbot.waitSignal(kiosk.window.screenChanged):
        qtbot.keyClick(focused(), key)


def test_esc_and_back_return_the_keyboard_to_the_control_it_left(make_kiosk, qtbot):
    kiosk = make_kiosk()
    home = kiosk.home
    qtbot.keyClick(kiosk.router.screen, Qt.Key.Key_Tab)
    foot = home.region_buttons["foot"]
    tab_to(qtbot, foot)
    press(qtbot, kiosk)  # the foot's page
    region = kiosk.router.screen
    assert kiosk.router.current.kind is ScreenKind.REGION
    tab_to(qtbot, region.precautions_button)
    press(qtbot, kiosk, Qt.Key.Key_Return)
    assert kiosk.router.current.kind is ScreenKind.PRECAUTIONS
    press(qtbot, kiosk, Qt.Key.Key_Escape)
    assert kiosk.router.current.kind is ScreenKind.REGION
    qtbot.waitUntil(lambda: focused() is kiosk.router.screen.precautions_button)
    tab_to(qtbot, kiosk.router.screen.back_button)
    press(qtbot, kiosk)  # Home, by its button
    assert kiosk.router.current == HOME
    qtbot.waitUntil(lambda: focused() is kiosk.home.region_buttons["foot"])
    assert kiosk.focus_ring.target is focused() and kiosk.focus_ring.isVisible()


def test_a_screen_opened_forwards_starts_at_its_top(make_kiosk, qtbot):
    kiosk = make_kiosk()
    qtbot.keyClick(kiosk.router.screen, Qt.Key.Key_Tab)
    tab_to(qtbot, kiosk.home.region_buttons["calves"])
    press(qtbot, kiosk)
    region = kiosk.router.screen
    tab_to(qtbot, region.precautions_button)
    press(qtbot, kiosk, Qt.Key.Key_Escape)  # home, on "Calves"
    qtbot.waitUntil(lambda: focused() is kiosk.home.region_buttons["calves"])
    press(qtbot, kiosk)  # the calves again, forwards: not on "Before you start" from last time
    assert focused() is kiosk.router.screen


def test_a_patient_who_tapped_finds_no_ring_on_the_way_back(make_kiosk, qtbot):
    kiosk = make_kiosk()
    with qtbot.waitSignal(kiosk.window.screenChanged):
        qtbot.mouseClick(kiosk.home.region_buttons["calves"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.window.screenChanged):
        qtbot.keyClick(kiosk.router.screen, Qt.Key.Key_Escape)
    assert kiosk.router.current == HOME
    assert focused() is kiosk.home and not kiosk.focus_ring.isVisible()


def test_esc_closes_the_card_onto_the_button_that_opened_it(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.router.show(PRECAUTIONS)
    kiosk.window.activateWindow()  # offscreen, the window loses the focus as this screen is made
    qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk.window)
    qtbot.keyClick(kiosk.router.screen, Qt.Key.Key_Tab)
    card_button = kiosk.router.screen.ticks.card_button
    tab_to(qtbot, card_button)
    press(qtbot, kiosk, Qt.Key.Key_Return)
    assert kiosk.router.current == CARD
    press(qtbot, kiosk, Qt.Key.Key_Escape)
    assert kiosk.router.current == PRECAUTIONS
    # The precautions are made afresh (their ticks show the card as it is): the same button on them.
    qtbot.waitUntil(lambda: focused() is kiosk.router.screen.ticks.card_button)
