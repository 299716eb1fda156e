"""A patient who can't see or touch the screen finishes a visit by keyboard alone: keys that
leave the attract screen, Enter on every button, overlays that hold the focus, settings that keep
it, tabs it follows. Real key events on the focused widget, through the real kiosk."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.ui.widgets.focusorder import tab_stops
from kiosk.visit.screens import ATTRACT, HOME

PIN = "2580"


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key pressed where the keyboard is, as the keyboard sends it."""
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def tab_to(qtbot, kiosk, control, most=80):
    """Tab from where the focus is until ``control`` has it, as a keyboard user would."""
    for _ in range(most):
        if control.hasFocus():
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {control.objectName()}")


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                 Qt.Key.Key_Escape], ids=lambda key: key.name)
def test_a_key_leaves_the_attract_screen_for_homes_first_control(make_kiosk, qtbot, key):
    kiosk = make_kiosk()
    kiosk.reset_for_next_patient()
    assert kiosk.router.current == ATTRACT
    qtbot.waitUntil(lambda: kiosk.router.screen.hasFocus())
    with qtbot.waitSignal(kiosk.window.screenChanged) as changed:
        press(qtbot, key)
    assert changed.args == ["home"]
    home = kiosk.router.screen
    assert kiosk.router.current == HOME and home is kiosk.home
    qtbot.waitUntil(lambda: focused() is tab_stops(home)[0])
    assert kiosk.focus_ring.target is focused() and kiosk.focus_ring.isVisible()
