"""Tab goes through each screen's controls in the order the kiosk finds them in (``tab_stops``):
where the keyboard starts on a screen, what a cover's Tab goes round, and which control keeps
the focus when a setting rebuilds the screen all rely on it. Real Tab presses, Qt's own order."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.ui.widgets.focusorder import tab_stops
from kiosk.visit.screens import CARD, HOME, PRECAUTIONS, QUESTIONS, SOURCES, ScreenId

SCREENS = [HOME, ScreenId.for_region("calves"), ScreenId.for_region("foot"), ScreenId.walkthrough(),
           PRECAUTIONS, QUESTIONS, CARD, SOURCES]


def _name(widget):
    said = widget.text() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {said!r}"


@pytest.mark.parametrize("language", ["en", "es"])
def test_tab_visits_every_screens_stops_in_the_order_found(make_kiosk, qtbot, language):
    kiosk = make_kiosk()
    kiosk.set_language(language)
    for screen_id in SCREENS:
        kiosk.router.show(screen_id)
        kiosk.window.activateWindow()  # offscreen, a screen made anew can leave the window unfocused
        qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk.window)
        screen = kiosk.router.screen
        stops = tab_stops(screen)
        assert len(stops) > 1, screen_id.name
        stops[0].setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(stops[0].hasFocus)
        # Found afresh at each step: a group of tabs is one stop, its shown tab (Qt takes Tab
        # from the others once one has the focus), and so it must be for the kiosk too.
        while (now := QApplication.focusWidget()) is not tab_stops(screen)[-1]:
            stops = tab_stops(screen)
            assert now in stops, f"{screen_id.name}: {_name(now)} is not a stop found"
            expected = stops[stops.index(now) + 1]
            qtbot.keyClick(now, Qt.Key.Key_Tab)
            assert _name(QApplication.focusWidget()) == _name(expected), screen_id.name
