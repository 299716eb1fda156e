"""One screen at a time in the window, and the screens kept ready for the next tap.

The home screen stays. Other screens are made the first time they are wanted and kept, for
the content and patient choices they were made for, so a tap only shows a screen that is
already laid out (one frame's latency budget). While home waits, the window's region screens
are made ahead, one per turn of the event loop.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget

from kiosk.system.memory import give_back_free_memory
from kiosk.ui.screens.screen import Screen
from kiosk.visit.screens import HOME, ScreenId

log = logging.getLogger(__name__)

# Screens kept ready besides home: every region, and the last few others a patient opened.
# Each holds its laid-out page and pictures (about 2 MB), so not every screen of every kind.
KEEP_SCREENS = 7
MAKE_AHEAD_AFTER_MS = 50  # after home is painted: its frame reaches the screen first

Build = Callable[[], Screen]


class Navigator(QObject):
    """Shows screens in ``stack``; ``shown`` says which screen is shown now (or was renamed:
    a walkthrough's step)."""

    shown = Signal(object)  # ScreenId

    def __init__(self, stack: QStackedWidget, ahead: Callable[[], list[tuple[Hashable, Build]]],
                 may_make_ahead: Callable[[], bool]):
        super().__init__(stack)
        self._stack = stack
        self.home: Screen | None = None
        self.screen: Screen | None = None  # the screen shown now
        self.screen_id: ScreenId = HOME
        self._kept: OrderedDict[Hashable, Screen] = OrderedDict()  # least recently shown first
        self._kept_for: object = None  # the content and choices the kept screens were made for
        self._ahead = ahead
        self._may_make_ahead = may_make_ahead
        self._let_go_since_trim = True  # memory to give back once home is ready (start-up, too)
        self._make_ahead = QTimer(self, singleShot=True, interval=MAKE_AHEAD_AFTER_MS)
        self._make_ahead.timeout.connect(self._make_next)

    def set_home(self, home: Screen, keep_old: bool = False) -> None:
        """Another home screen (new language, choices or content). The old one is deleted, or
        with ``keep_old`` stays in the stack, hidden, for the window to bring back."""
        old, self.home = self.home, home
        if old is home:
            return
        home.installEventFilter(self)  # its paint starts making screens ahead
        if self._stack.indexOf(home) < 0:
            self._stack.insertWidget(0, home)
        if old is not None:
            if self.screen is old:
                self.screen = home
            if not keep_old:
                self.let_go_of_home(old)

    def retire_home(self) -> None:
        """Out of the window now, deleted soon: the home in use, when a new look (contrast, text
        size) is about to restyle the window and a new home will be made for it anyway."""
        home, self.home = self.home, None
        if home is None:
            return
        if home is self.screen:
            self.screen = None  # nothing is drawn before the new home is shown, in this same turn
        self._stack.removeWidget(home)
        home.setParent(None)  # out of the window's style sheet's reach
        home.deleteLater()
        self._let_go_since_trim = True

    def shelve(self, home: Screen) -> None:
        """A home made ahead (another language's): in the stack, styled and hidden, not shown."""
        self._stack.addWidget(home)

    def let_go_of_home(self, home: Screen, now: bool = False) -> None:
        """Delete a home that is no longer wanted (not the one in use); ``now``, not at the
        next turn of the event loop (it is hidden and in the middle of nothing)."""
        if home is self.home:
            return
        self._stack.removeWidget(home)
        if now:
            shiboken6.delete(home)
        else:
            home.deleteLater()
        self._let_go_since_trim = True

    def show(self, screen_id: ScreenId, screen: Screen) -> None:
        old = self.screen
        if self._stack.indexOf(screen) < 0:
            self._stack.addWidget(screen)
        self._stack.setCurrentWidget(screen)
        # The screen itself takes the keyboard focus: keys reach it (Esc, arrows) and no control
        # wears a focus ring until the keyboard moves to it.
        screen.setFocus(Qt.FocusReason.OtherFocusReason)
        self.screen = screen
        if old is not None and old is not screen:
            self._let_go(old)
        self.rename(screen_id)

    def rename(self, screen_id: ScreenId) -> None:
        self.screen_id = screen_id
        log.debug("screen: %s", screen_id.name)  # screen names only: nothing a patient chose
        self.shown.emit(screen_id)

    # --- kept screens -------------------------------------------------------------------

    def kept(self, key: Hashable, made_for: object, build: Build) -> Screen:
        """The screen ``key`` for ``made_for`` (content and choices): kept from before, or made now."""
        if self._kept_for != made_for:
            self.forget_kept()
            self._kept_for = made_for
        screen = self._kept.get(key)
        if screen is None:
            screen = build()
            self._kept[key] = screen
            self._stack.addWidget(screen)
            while len(self._kept) > KEEP_SCREENS:
                self._let_go(self._kept.popitem(last=False)[1])
        self._kept.move_to_end(key)
        return screen

    def is_kept(self, key: Hashable, made_for: object) -> bool:
        return self._kept_for == made_for and key in self._kept

    def forget_kept(self) -> None:
        kept, self._kept = self._kept, OrderedDict()
        for screen in kept.values():
            if screen is self.screen:
                continue  # it may be the one asking: deleted once the next screen is shown
            # Hidden and not in the middle of anything: delete now, not at the next turn of the
            # event loop, so the old choices' screens are gone before the new ones are made.
            self._stack.removeWidget(screen)
            shiboken6.delete(screen)
        give_back_free_memory()

    def _let_go(self, screen: Screen) -> None:
        """Delete a screen that is neither shown, nor home, nor kept for later."""
        if screen is self.screen or screen is self.home or screen in self._kept.values():
            return
        self._stack.removeWidget(screen)
        screen.deleteLater()
        self._let_go_since_trim = True

    # --- made ahead while home waits ------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.home and event.type() == QEvent.Type.Paint and not self._make_ahead.isActive():
            self._make_ahead.start(MAKE_AHEAD_AFTER_MS)
        return False

    def _make_next(self) -> None:
        if self.screen is not self.home or not self._may_make_ahead():
            return  # only while home waits for a tap; the next return home goes on
        for key, build in self._ahead():
            try:
                screen = build()
                # Lay it out and draw it once, unseen: its page, pictures and fonts are ready.
                screen.resize(self._stack.size())
                screen.grab()
            except Exception:  # made ahead only to be quick; the tap will make it again
                log.exception("could not make %s ahead", key)
                return
            self._make_ahead.start(0)  # the next one in the next turn of the event loop
            return
        if self._let_go_since_trim:
            # Home is ready and waiting, and screens let go of have been deleted by now.
            self._let_go_since_trim = False
            give_back_free_memory()
