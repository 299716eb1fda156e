"""What the paged screens share (a region's tabs, the walkthrough's steps): one page at a time in
the reading pane, turned by the page turner."""

from __future__ import annotations

from PySide6.QtCore import Qt, SignalInstance

from kiosk.ui.input.pageturner import PageTurner
from kiosk.ui.screens.screen import Screen
from kiosk.ui.widgets.pageview import PageView


class PagedScreen(Screen):
    """A screen showing one of its pages at a time in its reading pane, ``view`` (a region's tabs,
    the walkthrough's steps). It calls ``turn_pages`` last in its constructor and says in
    ``_show`` what a page looks like on it."""

    view: PageView
    _turner: PageTurner

    def turn_pages(self, total: int, start: int, turned: SignalInstance, keys: dict[Qt.Key, int] | None = None) -> None:
        self._turner = PageTurner(self, self.view.viewport(), total, start, lambda _: self._show(), keys)
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

    def start_over(self, step: int = 0) -> None:
        """As if new, on page ``step`` (a kept screen is shown again to the next patient too)."""
        self._turner.start_over(step)
        self.view.verticalScrollBar().setValue(0)

    def page_view(self) -> PageView:
        return self.view
