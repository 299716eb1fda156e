"""The staff menu holds every setting and still leaves its problem lists room to be read."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QApplication


def test_the_staff_menu_shows_its_lists_and_cuts_no_control_short(make_kiosk):
    kiosk = make_kiosk()
    kiosk.open_staff_menu()
    QApplication.processEvents()
    menu = kiosk.staff.overlay
    assert menu is not None
    for view in (menu.problems_view, menu.log_view):
        assert view.isVisible() and view.height() >= 80, "a problem list a member of staff can read"
    for control in menu.card.findChildren(QAbstractButton):
        if control.isVisible():
            assert control.width() >= control.sizeHint().width(), f"{control.text()!r} is cut short"
