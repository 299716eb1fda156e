"""The running kiosk's signs of life for after a crash: crash tracebacks and the run marker in
the log folder (kiosk.system.crashlog, kiosk.system.runmarker), renewed every minute from Qt's event loop."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.settings.values import log_dir
from kiosk.system import crashlog
from kiosk.system.runmarker import BEAT_SECONDS, RunningMarker


def mark_the_run(app: QApplication) -> RunningMarker:
    """A hung event loop stops renewing the marker and the hang watch, which then writes where it
    is stuck. The marker goes at any orderly end, also when Windows ends the session before
    ``app.exec()`` returns (``aboutToQuit``)."""
    marker = crashlog.begin_run(log_dir())
    beat = QTimer(app)
    beat.timeout.connect(marker.beat)
    beat.timeout.connect(lambda: crashlog.watch_for_hangs())
    beat.start(BEAT_SECONDS * 1000)
    app.aboutToQuit.connect(marker.end)
    return marker
