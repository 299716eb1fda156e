"""A patient on a long page is asked "Still reading?", keeps reading, and scrolls on with a
finger: the page still scrolls, however the countdown took and gave back the keyboard.

Finding a cover's controls in Tab order must not touch the Python objects that stand for the
widgets behind it: a scroll bar's went dead with a closed countdown, and the next finger drag
on the page crashed the kiosk inside Qt."""

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from kiosk.settings.values import Settings
from kiosk.visit.screens import PRECAUTIONS
from tests.support.finger import drag


def test_a_finger_scrolls_the_page_after_still_reading_closes(make_kiosk, qtbot, fake_clock):
    kiosk = make_kiosk(settings=Settings(idle_seconds=600, countdown_seconds=30), clock=fake_clock)
    kiosk.router.show(PRECAUTIONS)
    # Offscreen, the window loses the focus as this screen is made (a platform quirk): give it back.
    kiosk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk.window)
    view = kiosk.router.screen.ticks.scroller  # the one list: words and tick boxes
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0, "the precautions list must be long enough to scroll"
    for keep in (Qt.Key.Key_Escape, Qt.Key.Key_Space):  # twice: each closed countdown is let go
        kiosk.start_countdown()
        countdown = kiosk.idle_reset.countdown
        qtbot.waitUntil(countdown.keep_button.hasFocus)
        qtbot.keyClick(countdown.keep_button, keep)
        assert kiosk.idle_reset.countdown is None
        qtbot.waitUntil(lambda gone=countdown: not shiboken6.isValid(gone))  # deleted, as after any visit
    assert shiboken6.isValid(bar), "the page's scroll bar, alive, was taken for deleted"
    before = bar.value()
    middle = view.viewport().rect().center()
    drag(view.viewport(), middle, QPoint(0, -middle.y()))
    assert bar.value() > before
