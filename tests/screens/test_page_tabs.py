"""A region's tabs are heard as page tabs, the shown one "selected", not as check boxes."""

from PySide6.QtGui import QAccessible, QAccessibleActionInterface

from kiosk.visit.screens import ScreenId


def heard(widget):
    return QAccessible.queryAccessibleInterface(widget)


def test_region_tabs_are_page_tabs_in_a_tab_list_and_the_shown_one_is_selected(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.router.show(ScreenId.for_region("calves"))
    screen = kiosk.router.screen
    tabs = [heard(tab) for tab in screen.tabs]
    assert [t.role() for t in tabs] == [QAccessible.Role.PageTab] * 4
    assert [t.text(QAccessible.Text.Name) for t in tabs] == [tab.text() for tab in screen.tabs]
    assert [bool(t.state().selected) for t in tabs] == [True, False, False, False]
    assert not any(t.state().checkable for t in tabs), "a check box's state would be read out"
    assert tabs[0].parent().role() == QAccessible.Role.PageTabList

    # A screen reader's "activate" presses the tab, as a finger does.
    action = tabs[2].actionInterface()
    assert QAccessibleActionInterface.pressAction() in action.actionNames()
    with qtbot.waitSignal(kiosk.window.screenChanged):
        action.doAction(QAccessibleActionInterface.pressAction())
    assert kiosk.router.current == ScreenId.for_region("calves", 2)
    assert [bool(heard(tab).state().selected) for tab in screen.tabs] == [False, False, True, False]


def test_other_buttons_keep_qts_own_roles(make_kiosk):
    kiosk = make_kiosk()
    kiosk.router.show(ScreenId.for_region("foot"))
    screen = kiosk.router.screen
    assert heard(screen.back_button).role() == QAccessible.Role.Button
    assert heard(screen.calm_toggle).role() == QAccessible.Role.CheckBox
