"""One real kiosk, as the kiosk app makes it, for the bench and the soak to drive.

Of the kiosk the bench uses ``build_kiosk()``, its signals, ``router.screen``, ``home`` and the
methods a test would; everything on screen it finds as a finger does (``bench.finder``).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from bench.finder import Finder
from kiosk.settings.values import Settings

if TYPE_CHECKING:
    from kiosk.ui.kiosk import Kiosk
    from kiosk.ui.window import KioskWindow

T = TypeVar("T")


@contextmanager
def kiosk_application() -> Iterator[QApplication]:
    """The QApplication (pytest-qt's, if one is running) with the kiosk's typeface and font."""
    from kiosk.ui.look.theme import app_font
    from kiosk.ui.look.typeface import load_typeface, prepare_qt_environment

    prepare_qt_environment(offscreen=True)  # before the QApplication is made
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0] if sys.argv else "soak"])
    load_typeface()
    old_font = app.font()
    app.setFont(app_font())
    try:
        yield app
    finally:
        app.setFont(old_font)


class KioskSession:
    """The kiosk for a content folder, its window shown at the tablet's size, its content folder
    watched as the app watches it.

    ``reload`` is what a change in the folder does (by default what the app does: the kiosk
    reloads its content); ``start(on_built)`` calls ``on_built(kiosk)`` before the window is
    shown, so that a listener misses none of its signals.
    """

    def __init__(self, app: QApplication, content: Path, settings: Settings,
                 reload: Callable[[], object] | None = None):
        self.app, self.content, self.settings = app, content, settings
        self._reload = reload
        self._kiosk: Kiosk | None = None

    @property
    def kiosk(self) -> Kiosk:
        if self._kiosk is None:
            raise RuntimeError("the kiosk has not been started, or has been stopped")
        return self._kiosk

    @property
    def window(self) -> KioskWindow:
        return self.kiosk.window

    @property
    def built(self) -> Kiosk | None:
        """The kiosk, if one has been built and not yet let go of (its window may have been deleted since)."""
        return self._kiosk

    def alive(self) -> bool:
        """The window is still there and on show (a crash may have closed or deleted it)."""
        kiosk = self._kiosk
        return kiosk is not None and shiboken6.isValid(kiosk.window) and kiosk.window.isVisible()

    def start(self, on_built: Callable[[Kiosk], None] = lambda kiosk: None) -> Kiosk:
        """Build the kiosk and show its window; back once it counts touches, as for a patient."""
        from kiosk.ui.app import TABLET_SIZE, build_kiosk
        from kiosk.ui.updates.watcher import ContentWatcher

        self._kiosk = kiosk = build_kiosk(self.content, self.settings)
        on_built(kiosk)
        reload = self._reload or kiosk.reload_content
        window = kiosk.window
        ContentWatcher(self.content, window).changed.connect(reload)  # as kiosk.ui.wiring.watch_content does
        window.resize(*TABLET_SIZE)
        window.show()
        window.activateWindow()  # keys go to the focus widget of the active window
        self.settle()
        # Touches count from the turn after home's first frame, as for a patient.
        if not self.wait(10, lambda: kiosk.watching_people):
            raise RuntimeError("the kiosk did not start watching for touches within 10 s")
        return kiosk

    def close(self) -> None:
        """Close and delete the window (unless it is gone already), and let go of the kiosk."""
        if self._kiosk is not None and self.alive():
            self._kiosk.window.close()
            self._kiosk.window.deleteLater()
        self.settle()
        self._kiosk = None

    def settle(self) -> None:
        """As the event loop does between taps: pending events handled, let-go widgets deleted."""
        self.app.processEvents()
        self.app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.app.processEvents()

    def wait(self, seconds: float, until: Callable[[], T], every: Callable[[], None] | None = None) -> T:
        """Let the event loop turn (timers fire) until ``until()`` is true or ``seconds`` pass,
        calling ``every()`` every 0.2 s meanwhile; what ``until()`` said last."""
        deadline, nudge = time.monotonic() + seconds, time.monotonic() + 0.2
        while not (done := until()) and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.01)
            if every is not None and time.monotonic() >= nudge:
                every()
                nudge += 0.2
        return done


def finder_for(kiosk: Kiosk) -> Finder:
    """A finder for the kiosk's window, with the words its content gives the language buttons and Cancel."""
    content = kiosk.book.content
    return Finder(kiosk, {language.name for language in content.languages.values()}, content.staff.cancel)
