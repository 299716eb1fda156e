"""`kiosk --windowed`: a window whose inside is the tablet's 1280x800, the title bar outside it."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.ui.app import TABLET_SIZE, show_windowed


def test_the_windowed_kiosks_client_area_is_the_tablets_screen_and_stays_so(make_kiosk, qtbot):
    kiosk = make_kiosk()
    window = kiosk.window
    window.hide()
    show_windowed(window)
    qtbot.waitExposed(window)
    tablet = QSize(*TABLET_SIZE)
    handle = window.windowHandle()
    assert handle.size() == tablet, "the top-level window's inside, without its frame"
    # The size asked of the window manager is fixed: it can't squeeze the kiosk to make room
    # for a title bar, so the bottom row is never cut off.
    assert handle.minimumSize() == tablet and handle.maximumSize() == tablet
    window.resize(tablet.width(), tablet.height() - 30)
    QApplication.processEvents()
    assert handle.size() == tablet and kiosk.home.size().height() > 0
    available = window.screen().availableGeometry()
    assert window.frameGeometry().topLeft() == available.topLeft(), "the title bar on screen"
