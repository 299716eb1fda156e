"""The staff's PIN pad, by keyboard and by ear: it says what it is as it opens, how many digits
are entered (never which), and a wrong PIN's message; digits can be typed; Esc closes it, and
each staff screen, and the focus goes back where it was."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.settings.pin import hash_pin
from kiosk.settings.values import Settings
from kiosk.ui.staff.pinpad import PinPad
from tests.support.listener import ScreenReaderEar
from tests.support.steps import pin_pad_from

PIN = "2580"


@pytest.fixture(scope="module")
def pin():
    return hash_pin(PIN)  # deliberately slow: made once


def focused():
    return QApplication.focusWidget()


def type_keys(qtbot, keys):
    for key in keys:
        qtbot.keyClick(focused(), key)


def press_ok(qtbot, pad):
    pad.ok_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(pad.ok_button.hasFocus)
    qtbot.keyClick(pad.ok_button, Qt.Key.Key_Return)


def pad_said(ear, pad):
    return [heard.words for heard in ear.heard if heard.source is pad]


def test_the_pad_says_what_it_is_and_counts_digits_never_saying_them(make_kiosk, qtbot, pin, monkeypatch):
    ear = ScreenReaderEar(monkeypatch)
    kiosk = make_kiosk(settings=Settings(staff_pin=pin))
    kiosk.open_pin_pad()
    pad = kiosk.staff.overlay
    assert isinstance(pad, PinPad)
    qtbot.waitUntil(lambda: focused() is not None and pad.isAncestorOf(focused()))
    assert pad_said(ear, pad) == ["Staff only. Enter the PIN."]
    type_keys(qtbot, "1111")  # typed on a keyboard, where the focus is
    press_ok(qtbot, pad)
    assert pad_said(ear, pad)[1:] == ["Digits entered: 1", "Digits entered: 2", "Digits entered: 3",
                                      "Digits entered: 4", "That PIN is not right. 4 tries left."]
    assert [heard.urgent for heard in ear.heard if heard.source is pad][-1]
    assert pad.message.text() == "That PIN is not right. 4 tries left."
    assert pad.dots.accessibleName() == "Digits entered: 0"
    type_keys(qtbot, "25")
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    assert pad_said(ear, pad)[-1] == "Digits entered: 1" and pad.dots.accessibleName() == "Digits entered: 1"
    type_keys(qtbot, "580")
    with qtbot.waitSignal(pad.accepted):
        press_ok(qtbot, pad)
    assert not any(digit in words for words in ear.words() for digit in "1234567890"
                   if not words.startswith("Digits entered") and "tries left" not in words)


def test_esc_closes_the_pad_and_gives_the_focus_back(make_kiosk, qtbot, pin):
    kiosk = make_kiosk(settings=Settings(staff_pin=pin))
    walkthrough = kiosk.home.walkthrough_button
    pin_pad_from(kiosk, qtbot, walkthrough)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: kiosk.staff.overlay is None)
    qtbot.waitUntil(walkthrough.hasFocus)


def test_esc_leaves_each_staff_screen_the_way_its_own_button_does(make_kiosk, qtbot, pin):
    kiosk = make_kiosk(settings=Settings(staff_pin=pin))
    kiosk.open_pin_pad()
    kiosk.staff.overlay.enter(PIN)
    menu = kiosk.staff.overlay
    menu.exit_button.click()  # "Exit the kiosk?": Esc stays
    confirm = kiosk.staff.overlay
    qtbot.waitUntil(lambda: focused() is not None and confirm.isAncestorOf(focused()))
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: kiosk.staff.overlay is not None and kiosk.staff.overlay is not confirm)
    assert kiosk.window.isVisible(), "Esc never exits the kiosk"
    menu = kiosk.staff.overlay
    menu.insights_button.click()
    insights = kiosk.staff.overlay
    qtbot.waitUntil(lambda: focused() is not None and insights.isAncestorOf(focused()))
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: kiosk.staff.overlay is None)
    kiosk.open_staff_menu()
    menu = kiosk.staff.overlay
    qtbot.waitUntil(lambda: focused() is not None and menu.isAncestorOf(focused()))
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: kiosk.staff.overlay is None)
