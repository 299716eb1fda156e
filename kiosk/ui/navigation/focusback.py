"""Back, Esc and Done take a keyboard user back to the control that led on, not to the top of the
screen: a blind patient back on home from the calves is on "Calves" again, and need not Tab
through every control before it to find the next region.

Only the keyboard's place is kept (the focus ring's control): a patient who tapped finds no ring
on their way back, and a screen opened forwards starts at its top.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.navigation.router import Router
from kiosk.ui.widgets.focusorder import FocusPlace, focus_place, place_of
from kiosk.ui.widgets.focusring import FocusRing
from kiosk.visit.screens import ScreenId


class FocusBack(QObject):
    """Keeps, for each screen on the way back, where the keyboard last was on it; puts the focus
    there again when Back leads to it (``shown``). ``forget`` for the next patient."""

    def __init__(self, router: Router, ring: FocusRing, parent: QObject | None = None):
        super().__init__(parent)
        self._router = router
        self._ring = ring  # connected before this: its control is already the new one
        self._places: dict[ScreenId, FocusPlace] = {}
        self._trail = self._way(router.history.screens)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def _way(screens: tuple[ScreenId, ...]) -> list[ScreenId]:
        return [screen.at_start() for screen in screens]

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        screen = self._router.screen
        if new is None or screen is None or not shiboken6.isValid(screen) or not screen.isAncestorOf(new):
            return  # an overlay's control, or a new screen taking the focus as it is shown
        key = self._router.current.at_start()
        place = place_of(self._ring.target, screen)
        if place is None:
            self._places.pop(key, None)  # tapped: no ring to come back to
        else:
            self._places[key] = place

    def shown(self, screen_id: ScreenId) -> None:
        trail = self._way(self._router.history.screens)
        went_back = len(trail) < len(self._trail) and trail == self._trail[:len(trail)]
        self._trail = trail
        if went_back:
            focus_place(self._places.get(screen_id.at_start()), self._router.screen)

    def forget(self) -> None:
        self._places.clear()
        self._trail = self._way(self._router.history.screens)
