"""Screens made ahead while home waits for a tap: every region screen, then the other languages'
homes, one per turn of the event loop, each laid out and drawn once unseen. Then the memory the
let-go screens held is given back to the system."""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QStackedWidget

from kiosk.system.memory import give_back_free_memory
from kiosk.ui.navigation.homes import Homes
from kiosk.ui.navigation.router import Router
from kiosk.ui.screens.screen import Screen

log = logging.getLogger(__name__)

MAKE_AHEAD_AFTER_MS = 50  # after home is painted: its frame reaches the screen first


class MakeAhead(QObject):
    """Starts when home is painted; makes nothing while ``may_make()`` says no (an overlay is
    open, so the patient or staff are busy) or another screen is shown."""

    def __init__(self, stack: QStackedWidget, router: Router, homes: Homes, may_make: Callable[[], bool]):
        super().__init__(router)
        self._stack = stack
        self._router = router
        self._homes = homes
        self._may_make = may_make
        self._timer = QTimer(self, singleShot=True, interval=MAKE_AHEAD_AFTER_MS)
        self._timer.timeout.connect(self._make_next)

    def watch(self, home: Screen) -> None:
        """This home's paint, while it is the home in use, starts making screens ahead."""
        home.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._router.home and event.type() == QEvent.Type.Paint and not self._timer.isActive():
            self._timer.start(MAKE_AHEAD_AFTER_MS)
        return False

    def _ahead(self) -> list[tuple[Hashable, Callable[[], Screen]]]:
        return self._router.regions_to_make_ahead() + self._homes.to_make_ahead()

    def _make_next(self) -> None:
        router = self._router
        if router.screen is not router.home or not self._may_make():
            return  # only while home waits for a tap; the next return home goes on
        for key, make in self._ahead():
            try:
                screen = make()
                # Lay it out and draw it once, unseen: its page, pictures and fonts are ready.
                screen.resize(self._stack.size())
                screen.grab()
            except Exception:  # made ahead only to be quick; the tap will make it again
                log.exception("could not make %s ahead", key)
                return
            self._timer.start(0)  # the next one in the next turn of the event loop
            return
        if router.let_go_since_trim:
            # Home is ready and waiting, and screens let go of have been deleted by now.
            router.let_go_since_trim = False
            give_back_free_memory()
