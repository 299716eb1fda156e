"""Where each tap leads: ``Router.show(ScreenId)``. Back, Home, Done, the idle reset and new content
all go through it, and the way back is a typed history (``kiosk.visit.screens.History``).

One screen at a time is shown in the window's stack. Home stays in it; other screens are made the
first time they are wanted and kept, for the content and patient choices they were made for, so a
tap only shows a screen that is already laid out (one frame's latency budget).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QStackedWidget

from kiosk.system.memory import give_back_free_memory
from kiosk.ui.screens.maker import ScreenMaker
from kiosk.ui.screens.screen import Screen
from kiosk.visit.scene import Scene
from kiosk.visit.screens import HOME, History, ScreenId, ScreenKind
from kiosk.visit.stage import Stage

log = logging.getLogger(__name__)

# Screens kept ready besides home: every region, and the last few others a patient opened.
# Each holds its laid-out page and pictures (about 2 MB), so not every screen of every kind.
KEEP_SCREENS = 7
# Kept once made: their pages are the same for every patient with the same choices. The
# precautions, questions and card are made afresh: their tick boxes show the card as it is now.
KEPT_KINDS = frozenset({ScreenKind.REGION, ScreenKind.WALKTHROUGH, ScreenKind.SOURCES})


class Router(QObject):
    """``shown`` says which screen is shown now (or that the shown one turned a page);
    ``made`` hands each new screen to the wiring before it is shown; ``homeComing`` says home
    or the attract screen is about to be shown, the moment the kiosk takes new content."""

    shown = Signal(object)  # ScreenId
    made = Signal(object, object)  # ScreenId (at its start), Screen
    homeComing = Signal(object)  # ScreenId: HOME or ATTRACT

    def __init__(self, stack: QStackedWidget, maker: ScreenMaker, stage: Stage):
        super().__init__(stack)
        self._stack = stack
        self._maker = maker
        self._stage = stage
        self.history = History()
        self.home: Screen | None = None
        self.screen: Screen | None = None  # the screen shown now
        self._kept: OrderedDict[Hashable, Screen] = OrderedDict()  # least recently shown first
        self._kept_for: object = None  # the content and choices the kept screens were made for
        self.let_go_since_trim = True  # memory to give back once home is ready (start-up, too)

    @property
    def current(self) -> ScreenId:
        return self.history.current

    # --- where a tap leads ----------------------------------------------------------------

    def show(self, screen_id: ScreenId) -> None:
        self.history.go(screen_id)
        self._show(self.history.current)

    def back(self) -> None:
        """Back, Esc and Done: the screen before, as the patient left it."""
        self._show(self.history.back())

    def refresh(self) -> None:
        """The shown screen again, made for the visit's new choices (calm mode, a text size)."""
        self._show(self.history.current)

    def turned(self, step: int) -> None:
        """The shown screen turned a page (a region's tab, a walkthrough's step)."""
        self._announce(self.history.turned(step))

    def _show(self, screen_id: ScreenId) -> None:
        if screen_id.kind in (ScreenKind.HOME, ScreenKind.ATTRACT):
            self.homeComing.emit(screen_id)
        if screen_id.kind is ScreenKind.HOME and self.home is not None:
            screen = self.home
        else:
            made = self._made_safely(screen_id)
            if made is None:  # no welcome screen to wait on: the next patient's home instead
                self.show(HOME)
                return
            screen = made
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
        self._announce(screen_id)

    def _announce(self, screen_id: ScreenId) -> None:
        log.debug("screen: %s", screen_id.name)  # screen names only: nothing a patient chose
        self.shown.emit(screen_id)

    def _made_safely(self, screen_id: ScreenId) -> Screen | None:
        """A screen that fails to be made shows the calm 'being updated' page, never an error;
        an attract screen that fails gives None (home is shown instead)."""
        scene = self._stage.scene()
        try:
            screen = self.kept_or_made(screen_id.at_start(), scene)
            screen.start_over(screen_id.step)
        except Exception:  # a broken page must not break the kiosk
            log.exception("screen %s could not be shown", screen_id.name)
            if screen_id.kind is ScreenKind.ATTRACT:
                return None
            screen = self._maker.unavailable(scene)
            self.made.emit(screen_id.at_start(), screen)
        return screen

    def kept_or_made(self, screen_id: ScreenId, scene: Scene) -> Screen:
        """The screen kept from before for this scene, or made now (and kept, if it is kept)."""
        if screen_id.kind not in KEPT_KINDS:
            return self._made(screen_id, scene)
        return self._kept_or(screen_id, scene.made_for(), lambda: self._made(screen_id, scene))

    def _made(self, screen_id: ScreenId, scene: Scene) -> Screen:
        # The screen the patient came from, for a way back that names it (the one being shown's only).
        came_from = self.history.below() if self.history.current.at_start() == screen_id else None
        screen = self._maker.make(screen_id, scene, came_from)
        self.made.emit(screen_id, screen)
        return screen

    def regions_to_make_ahead(self) -> list[tuple[Hashable, Callable[[], Screen]]]:
        """The region screens not yet kept, each made when asked (home waits meanwhile)."""
        scene = self._stage.scene()
        wanted = [ScreenId.for_region(rid) for rid in scene.book.content.region_ids]
        return [(screen_id, partial(self._make_ahead, screen_id))
                for screen_id in wanted if not self.is_kept(screen_id, scene.made_for())]

    def _make_ahead(self, screen_id: ScreenId) -> Screen:
        return self.kept_or_made(screen_id, self._stage.scene())

    # --- home, which stays ----------------------------------------------------------------

    def set_home(self, home: Screen, keep_old: bool = False) -> None:
        """Another home screen (new language, choices or content). The old one is deleted, or
        with ``keep_old`` stays in the stack, hidden, to be brought back."""
        old, self.home = self.home, home
        if old is home:
            return
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
        self.let_go_since_trim = True

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
        self.let_go_since_trim = True

    # --- kept screens -----------------------------------------------------------------------

    def _kept_or(self, key: Hashable, made_for: object, make: Callable[[], Screen]) -> Screen:
        if self._kept_for != made_for:
            self.forget_kept()
            self._kept_for = made_for
        screen = self._kept.get(key)
        if screen is None:
            screen = make()
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
        self.let_go_since_trim = True
