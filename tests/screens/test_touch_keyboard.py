"""No text field the kiosk shows summons Windows' touch keyboard: the kiosk has its own PIN pad.

Windows opens its touch keyboard for a control that takes text input when a finger focuses it:
Qt says so through the input method (``WA_InputMethodEnabled``) and to UI Automation through the
control's accessible state (editable, not read-only). Every widget on every screen, and on the
staff's PIN pad and menu, is checked for both.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLineEdit, QWidget

from kiosk.settings.pin import hash_pin
from kiosk.ui.offscreen.tour import every_screen
from kiosk.ui.staff.menu import StaffMenu


def text_inputs(window):
    """Widgets on screen that Windows would treat as a place to type."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        state = QAccessible.queryAccessibleInterface(widget).state()
        if widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled) or (state.editable and not state.readOnly):
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_the_check_finds_a_place_to_type(make_kiosk):
    window = make_kiosk().window
    field = QLineEdit(window)
    field.show()
    assert text_inputs(window) == ["QLineEdit ''"]
    field.setReadOnly(True)
    assert text_inputs(window) == []


def test_no_screen_offers_a_place_to_type(make_kiosk):
    kiosk = make_kiosk()
    window = kiosk.window
    seen = 0
    for name in every_screen(kiosk, lambda variant: variant.language == "en" and not variant.calm
                             and not variant.high_contrast and variant.size_steps == 0):
        assert text_inputs(window) == [], name
        seen += 1
    assert seen > 10


def test_the_pin_pad_and_the_staff_menu_offer_no_place_to_type(make_kiosk):
    kiosk = make_kiosk()
    window = kiosk.window
    kiosk.staff.guard.stored = hash_pin("2468")
    kiosk.open_pin_pad()
    assert text_inputs(window) == []
    kiosk.staff.overlay.enter("2468")
    menu = kiosk.staff.overlay
    assert isinstance(menu, StaffMenu) and menu.log_view.isVisible()
    assert text_inputs(window) == [], "the problem lists are read-only"
    menu.log_view.setFocus()  # as a finger scrolling the list does
    assert text_inputs(window) == []
