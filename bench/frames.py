"""Which screens and overlays of the kiosk's window have been painted: "painted" is what the
bench means by done. The screen (or overlay) a tap brings has received its paint event, that
is, the frame a patient sees is being drawn."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QChildEvent, QEvent, QObject

if TYPE_CHECKING:
    from kiosk.ui.kiosk import Kiosk


def address(widget: QObject | None) -> int | None:
    """The C++ object's address: PySide may hand out another wrapper for the same widget."""
    if widget is None or not shiboken6.isValid(widget):
        return None
    return int(shiboken6.getCppPointer(widget)[0])


class Frames(QObject):
    """Which screens and overlays of the kiosk's window have been painted since ``start()``.

    Watches only what it must (each screen as it is shown, each new child of the window such as
    the countdown and the staff overlay, and the window), so that watching costs the measured
    frames next to nothing: an application-wide filter would see every event of a rebuild.
    """

    def __init__(self, kiosk: Kiosk):
        super().__init__(kiosk.window)
        self.kiosk = kiosk
        self.window = window = kiosk.window
        self.painted: set[int] = set()
        window.screenChanged.connect(lambda _name: self._watch(kiosk.router.screen))
        window.installEventFilter(self)
        self._watch(kiosk.router.screen)

    def start(self) -> None:
        self.painted = set()
        self._watch(self.kiosk.router.screen)

    def saw(self, widget: QObject | None) -> bool:
        found = address(widget)
        return found is not None and found in self.painted

    def _watch(self, widget: QObject | None) -> None:
        if widget is not None:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint:
            found = address(watched)
            if found is not None:
                self.painted.add(found)
        elif kind == QEvent.Type.ChildAdded and watched is self.window and isinstance(event, QChildEvent):
            child = event.child()
            if child is not None and child.isWidgetType():
                child.installEventFilter(self)  # an overlay: the countdown, the staff's PIN pad
        return False
