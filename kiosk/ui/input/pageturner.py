"""Which page of a paged screen is shown (a region's tabs, the walkthrough's steps), and every way
to turn it: a call, a sideways swipe on the reading pane, Left and Right anywhere on the screen.
``kiosk.ui.screens.paged`` is what the region and walkthrough screens share on top of that."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.ui.input.swipe import SwipeWatcher, TurnKeys


def first_page(start: int, total: int) -> int:
    """``start`` kept within the pages (a screen always has at least one)."""
    return max(0, min(start, total - 1))


class PageTurner(QObject):
    """Calls ``show(index)`` to put a page on screen, then emits ``turned``. Made last in the
    screen's constructor: the arrow keys are caught on every control the screen has by then."""

    turned = Signal(int)  # 0-based, once the page is shown

    def __init__(self, screen: QWidget, pane: QWidget, total: int, start: int, show: Callable[[int], None],
                 keys: dict[Qt.Key, int] | None = None):
        super().__init__(screen)
        self.total = total
        self.index = first_page(start, total)
        self._show = show
        self._swipe = SwipeWatcher(pane)
        # Like turning a page: swiping to the left brings the next one (to the right, in a
        # language read right to left, whose pages turn the other way).
        self._swipe.swiped.connect(lambda direction: self._turn(direction if screen.isRightToLeft() else -direction))
        self._keys = TurnKeys(screen, self._turn, keys)

    def go_to(self, index: int) -> bool:
        """Show page ``index``; False (nothing happens) past either end or on the page shown."""
        if not (0 <= index < self.total) or index == self.index:
            return False
        self.index = index
        self._show(index)
        self.turned.emit(index)
        return True

    def _turn(self, step: int) -> None:
        self.go_to(first_page(self.index + step, self.total))

    def start_over(self, index: int) -> None:
        """Show page ``index`` as a new patient sees it: no ``turned`` (nobody turned it)."""
        index = first_page(index, self.total)
        if index != self.index:
            self.index = index
            self._show(index)
