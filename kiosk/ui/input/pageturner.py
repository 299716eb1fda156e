"""Which page of a paged screen is shown (a region's tabs, the walkthrough's steps), and every way
to turn it: a call, a sideways swipe on the reading pane, Left and Right anywhere on the screen.
``PagedScreen`` is what the region and walkthrough screens share on top of that."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from kiosk.ui.input.swipe import SwipeWatcher, TurnKeys
from kiosk.ui.screens.screen import Screen
from kiosk.ui.widgets.pageview import PageView


def first_page(start: int, total: int) -> int:
    """``start`` kept within the pages (a screen always has at least one)."""
    return max(0, min(start, total - 1))


class PageTurner(QObject):
    """Calls ``show(index)`` to put a page on screen, then emits ``turned``. Made last in the
    screen's constructor: the arrow keys are caught on every control the screen has by then."""

    turned = Signal(int)  # 0-based, once the page is shown

    def __init__(self, screen: QWidget, pane: QWidget, total: int, start: int, show: Callable[[int], None]):
        super().__init__(screen)
        self.total = total
        self.index = first_page(start, total)
        self._show = show
        self._swipe = SwipeWatcher(pane)
        # Like turning a page: swiping to the left brings the next one.
        self._swipe.swiped.connect(lambda direction: self._turn(-direction))
        self._keys = TurnKeys(screen, self._turn)

    def go_to(self, index: int) -> bool:
        """Show page ``index``; False (nothing happens) past either end or on the page shown."""
        if not (0 <= index < self.total) or index == self.index:
            return False
        self.index = index
        self._show(index)
        self.turned.emit(index)
        return True

    def _turn(self, step: int) -> None:
        self.go_to(self.index + step)

    def start_over(self, index: int) -> None:
        """Show page ``index`` as a new patient sees it: no ``turned`` (nobody turned it)."""
        index = first_page(index, self.total)
        if index != self.index:
            self.index = index
            self._show(index)


class PagedScreen(Screen):
    """A screen showing one of its pages at a time in its reading pane, ``view`` (a region's tabs,
    the walkthrough's steps). It calls ``turn_pages`` last in its constructor and says in
    ``_show`` what a page looks like on it."""

    view: PageView
    _turner: PageTurner

    def turn_pages(self, total: int, start: int, turned: SignalInstance) -> None:
        self._turner = PageTurner(self, self.view.viewport(), total, start, lambda _: self._show())
        self._turner.turned.connect(turned)
        self._show()

    def _show(self) -> None:
        raise NotImplementedError

    @property
    def index(self) -> int:
        return self._turner.index

    @property
    def total(self) -> int:
        return self._turner.total

    def go_to(self, index: int) -> None:
        self._turner.go_to(index)

    def start_over(self, page: int = 0) -> None:
        """As if new, on ``page`` (a kept screen is shown again to the next patient too)."""
        self._turner.start_over(page)
        self.view.verticalScrollBar().setValue(0)

    def page_view(self) -> PageView:
        return self.view
