"""New content on its way in: checked in a child process (never on the screen thread), then
waiting for the kiosk to take it at the next return home. The last good content stays until then,
and for good if the new content has problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.checks.reload import ContentReloader
from kiosk.model.problems import Problem
from kiosk.pages.book import PageBook
from kiosk.ui.updates.contentcheck import ContentCheck
from kiosk.ui.updates.layoutcheck import CLOSING_WAIT_MS, LayoutCheck

if TYPE_CHECKING:
    from kiosk.checks.child import Checked


class ContentArrival(QObject):
    """``checked`` says how a check ended (good or not, and whether staff asked to see it at
    once); ``contentReady`` (good new content waits for the next return home) and
    ``contentRejected`` (the problems found) say it to whoever watches."""

    checked = Signal(bool, bool)  # good, now
    contentReady = Signal()
    contentRejected = Signal(list)
    layoutChecked = Signal()  # what doesn't fit in good new content is among ``problems`` now

    def __init__(self, reloader: ContentReloader, content_check: ContentCheck, layout_check: LayoutCheck,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.reloader = reloader
        self.content_check = content_check
        # Good new content is then laid out, screen by screen, in a child of its own: staff see
        # what doesn't fit the tablet, as --check-content says it.
        self.layout_check = layout_check
        layout_check.found.connect(self._take_layout)
        self._show_checked_now = False
        self._closed = False  # the kiosk has ended: no check starts after it

    @property
    def problems(self) -> list[Problem]:
        return self.reloader.problems

    def reload(self, now: bool = False) -> None:
        """Check the content folder again, in a child process; ``now``: show it as soon as it is good."""
        if self.reloader.folder is None or self._closed:
            return
        self._show_checked_now = self._show_checked_now or now
        self.layout_check.stop()  # its answer would be about older content
        self.content_check.start(self.reloader.folder)

    def take_checked(self, checked: Checked) -> None:
        """The child's answer: good content is kept to be taken, bad content refused."""
        now, self._show_checked_now = self._show_checked_now, False
        problems = self.reloader.take_checked(checked)
        self.checked.emit(not problems, now)
        if problems:
            self.contentRejected.emit(problems)
        else:
            self.contentReady.emit()
            self.check_layout()

    def check_layout(self) -> None:
        """Lay out the content in use (after the usual pause): good new content, and at start, so
        a folder edited while the kiosk was off is checked too."""
        if self.reloader.folder is not None and not self._closed:
            self.layout_check.start(self.reloader.folder)

    def close(self) -> None:
        """The kiosk is ending: both checks' children go, waited for (Qt would destroy one still
        running), and a save seen later (the folder watcher outlives the window) starts none."""
        self._closed = True
        self.content_check.stop(CLOSING_WAIT_MS)
        self.layout_check.stop(CLOSING_WAIT_MS)

    def _take_layout(self, problems: list[Problem]) -> None:
        self.reloader.take_layout(problems)
        self.layoutChecked.emit()

    def take(self) -> PageBook | None:
        """The good new content, once (None if none is waiting)."""
        return self.reloader.take()
