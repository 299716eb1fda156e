"""The staff menu's recent problems are the kiosk's own, in staff words (when, and what happened):
Qt's own warnings (developer lines such as the accessibility bridge's) and libraries' go to the
log file only."""

import logging

import pytest
from PySide6.QtCore import qWarning

from kiosk.settings.pin import hash_pin
from kiosk.settings.values import Settings, log_file
from kiosk.ui.app import application
from kiosk.ui.staff.menu import StaffMenu

PIN = "2468"
QT_WORDS = "AtSpiAdaptor::applicationInterface does not implement a test interface"


@pytest.mark.qt_log_ignore("AtSpiAdaptor::")
def test_a_qt_warning_is_in_the_log_file_and_not_in_the_staff_menu(make_kiosk):
    from kiosk.system.logfile import start_log_file

    kiosk = make_kiosk(settings=Settings(staff_pin=hash_pin(PIN)), locked=True)
    application(offscreen=True)  # the kiosk's own handler for Qt's messages, as when it runs
    root = logging.getLogger()
    before = set(root.handlers)
    assert start_log_file() == log_file()
    try:
        qWarning(QT_WORDS)
        logging.getLogger("kiosk.checks.reload").error("content problem: calves.yaml:4: oops")
        logging.getLogger("urllib3.connectionpool").warning("Retrying (Retry(total=2)) after connection broken")
        for handler in set(root.handlers) - before:
            handler.flush()
        assert QT_WORDS in log_file().read_text(encoding="utf-8"), "Qt's warning is kept for whoever debugs"
        kiosk.open_pin_pad()
        kiosk.staff.overlay.enter(PIN)
        menu = kiosk.staff.overlay
        assert isinstance(menu, StaffMenu)
        shown = menu.log_view.toPlainText()
        assert "calves.yaml:4: oops" in shown, "the kiosk's own problem is shown"
        assert "AtSpiAdaptor" not in shown and " qt: " not in shown
        # In staff words: when, and what happened; no level, module or library line.
        import re

        [line] = [line for line in shown.splitlines() if "oops" in line]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d: content problem: calves.yaml:4: oops", line), line
        assert "ERROR" not in shown and "kiosk.checks" not in shown and "Retrying" not in shown
    finally:
        for handler in set(root.handlers) - before:
            root.removeHandler(handler)
            handler.close()
