"""The soak's actions, each real input a patient or staff member gives, and when each fits.

Each action takes a ``random.Random`` for its choices, so that a seed replays a run.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from bench.finder import Finder, Overlay
from bench.finger import Finger, swipe_points
from bench.session import KioskSession
from bench.soak.counts import Action, Happening
from bench.soak.editor import ContentEditor
from bench.soak.state import SoakState
from kiosk.ui.screens.walkthrough import WalkthroughScreen
from kiosk.visit.screens import ATTRACT, HOME, ScreenKind

# Each action, and how often it is chosen among those that fit the window. Rarer: content
# edits (a reload renders every page of every language, ~0.1 s) and the actions that wait
# for the kiosk's own timers (the idle reset and the staff corner's hold take seconds).
WEIGHTS: dict[Action, float] = {
    Action.BODY_MAP_TAP: 18, Action.BUTTON_TAP: 26, Action.TAP_ANYWHERE: 10, Action.SWIPE: 14, Action.SCROLL: 12,
    Action.KEY: 4, Action.LANGUAGE: 3, Action.CALM: 2, Action.GO_HOME: 3, Action.EDIT_CONTENT: 1.0,
    Action.RESTORE_CONTENT: 0.8, Action.IDLE_RESET: 0.4, Action.STAFF_PIN_PAD: 0.1,
}
SLOW = (Action.IDLE_RESET, Action.STAFF_PIN_PAD)  # these wait for the kiosk's own timers: seconds each
STAFF_HOLD_S = 3.0  # the kiosk's staff corner opens the PIN pad after a press held this long
CORNER_PX = 60  # well inside the staff corner's 96 px square
# A keyboard plugged into the tablet: focus moves, Enter and Space press, Esc goes back.
KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_Left,
        Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Escape)


class Actions:
    """The actions on ``session``'s window, seen through ``finder`` and done with ``finger``."""

    def __init__(self, session: KioskSession, finder: Finder, finger: Finger, editor: ContentEditor,
                 state: SoakState):
        self.session, self.finder, self.finger, self.editor, self.state = session, finder, finger, editor, state
        self.window = session.window
        self.events = state.events
        self.doers: dict[Action, Callable[[random.Random], None]] = {
            Action.BODY_MAP_TAP: self.body_map_tap, Action.BUTTON_TAP: self.button_tap,
            Action.TAP_ANYWHERE: self.tap_anywhere, Action.SWIPE: self.swipe, Action.SCROLL: self.scroll,
            Action.KEY: self.key, Action.LANGUAGE: self.language, Action.CALM: self.calm,
            Action.GO_HOME: self.go_home, Action.EDIT_CONTENT: self.edit_content,
            Action.RESTORE_CONTENT: self.restore_content, Action.IDLE_RESET: self.idle_reset,
            Action.STAFF_PIN_PAD: self.staff_pin_pad,
        }

    def at_home(self) -> bool:
        return self.state.screen == HOME and self.finder.overlay() is None

    def possible(self) -> dict[Action, float]:
        """The actions that fit the window now, with their weights."""
        home, overlay, screen = self.at_home(), self.finder.overlay(), self.state.screen
        fits = {Action.BODY_MAP_TAP: home, Action.LANGUAGE: home,
                Action.CALM: home and self.finder.calm_toggle() is not None,
                Action.GO_HOME: not home,
                # a step's page, not the overview of every step laid over it
                Action.SWIPE: screen.kind is ScreenKind.WALKTHROUGH and overlay is None and not self._overview_open(),
                Action.SCROLL: overlay is None and self.finder.scroll_target() is not None,
                # the kiosk counts down anywhere but on its attract screen
                Action.IDLE_RESET: screen != ATTRACT or self.finder.overlay(Overlay.STAFF) is not None,
                Action.STAFF_PIN_PAD: self.finder.overlay(Overlay.STAFF) is None,
                Action.RESTORE_CONTENT: bool(self.editor.outstanding)}
        return {action: weight for action, weight in WEIGHTS.items() if fits.get(action, True)}

    def _overview_open(self) -> bool:
        shown = self.finder.shown()
        return isinstance(shown, WalkthroughScreen) and shown.overview_open

    def _clicked(self, touch: bool) -> None:
        self.events[Happening.TOUCH_TAP if touch else Happening.MOUSE_CLICK] += 1

    # --- patients ----------------------------------------------------------------------------

    def body_map_tap(self, rng: random.Random) -> None:
        body_map = self.finder.body_map()
        if body_map is None:
            raise RuntimeError("no body map on home")
        anywhere = QPoint(rng.randrange(max(1, body_map.width())), rng.randrange(max(1, body_map.height())))
        point = anywhere
        if rng.random() < 0.5:  # inside a region's drawn outline
            shape = rng.choice(body_map.region_shapes(rng.choice(sorted(body_map.names()))))
            box = shape.boundingRect()
            for _ in range(40):
                candidate = QPointF(rng.uniform(box.left(), box.right()), rng.uniform(box.top(), box.bottom()))
                if shape.contains(candidate):
                    point = candidate.toPoint()
                    break
        touch = rng.random() < 0.3
        if rng.random() < 0.15:  # press, then slide the finger somewhere else before letting go
            middle = QPoint((point.x() + anywhere.x()) // 2, (point.y() + anywhere.y()) // 2)
            self.finger.stroke(body_map, [point, middle, anywhere], touch)
            self.events[Happening.BODY_MAP_SLIDE] += 1
        else:
            self.finger.tap(body_map, point, touch)
        if self.state.screen.kind is ScreenKind.REGION:
            self.events[Happening.BODY_MAP_TAP_OPENED_REGION] += 1

    def button_tap(self, rng: random.Random) -> None:
        buttons = self.finder.buttons()
        if not buttons:
            self.events[Happening.NOTHING_TO_TAP] += 1
            return
        # A column of tick boxes (the therapist card's) is one choice among the buttons, as a
        # patient sees it, so a screen full of them doesn't hold the walk away from the rest.
        ticks = [b for b in buttons if b.objectName() == "tickBox"]
        choices = [b for b in buttons if b.objectName() != "tickBox"] + ([rng.choice(ticks)] if ticks else [])
        touch = rng.random() < 0.3
        self.finger.tap(rng.choice(choices), touch=touch)
        self._clicked(touch)

    def tap_anywhere(self, rng: random.Random) -> None:
        touch = rng.random() < 0.5
        point = QPoint(rng.randrange(self.window.width()), rng.randrange(self.window.height()))
        self.finger.tap(self.window, point, touch)
        self._clicked(touch)

    def swipe(self, rng: random.Random) -> None:
        """Sideways across a walkthrough step, mostly towards a step that exists (left for the next)."""
        page = self.finder.page_view()
        if page is None:
            raise RuntimeError("no page to swipe on the walkthrough")
        viewport = page.viewport()
        forward = self.state.screen.step == 0 or rng.random() < 0.6
        length = rng.choice((60, 150, 200, 300))  # under 120 px is too short to turn a page
        before = self.state.screen
        self.finger.stroke(viewport, swipe_points(viewport.rect(), -length if forward else length, 0, rng),
                           touch=rng.random() < 0.5)
        if self.state.screen != before:
            self.events[Happening.PAGE_TURNED_BY_SWIPE] += 1

    def scroll(self, rng: random.Random) -> None:
        area = self.finder.scroll_target()
        if area is None:
            raise RuntimeError("nothing to scroll on this screen")
        viewport = area.viewport()
        if rng.random() < 0.5:  # a finger drags the page up or down
            dy = rng.choice((-1, 1)) * viewport.height() // 2
            self.finger.stroke(viewport, swipe_points(viewport.rect(), 0, dy, rng), touch=True)
        else:  # the mouse wheel over the page, sent to the window: it goes where a real one would,
            # to the widget under the pointer (but the idle timer doesn't count it)
            at = QPointF(self.finger.window_point(viewport, viewport.rect().center()))
            event = QWheelEvent(at, QPointF(self.window.mapToGlobal(at.toPoint())), QPoint(),
                                QPoint(0, rng.choice((-360, -120, 120, 360))), Qt.MouseButton.NoButton,
                                Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
            QApplication.sendEvent(self.finger.handle, event)
        self.events[Happening.SCROLL] += 1

    def key(self, rng: random.Random) -> None:
        """A key of a keyboard plugged into the tablet: focus moves, Enter and Space press, Esc goes back."""
        self.finger.key(rng.choice(KEYS))
        self.events[Happening.KEY] += 1

    def language(self, rng: random.Random) -> None:
        buttons = self.finder.language_buttons()
        if not buttons:
            return
        before = self.finder.chosen_language()
        others = [b for b in buttons if not b.isChecked()]
        button, touch = rng.choice(others if others and rng.random() < 0.8 else buttons), rng.random() < 0.3
        self.finger.tap(button, touch=touch)
        if self.finder.chosen_language() == before and not button.isChecked():
            self.finger.tap(button, touch=touch)  # in audio mode the first touch only speaks its name
        if self.finder.chosen_language() != before:
            self.events[Happening.LANGUAGE_SWITCH] += 1

    def calm(self, rng: random.Random) -> None:
        toggle = self.finder.calm_toggle()
        if toggle is None:
            raise RuntimeError("no calm-mode toggle a finger can reach on home")
        before, touch = toggle.isChecked(), rng.random() < 0.3
        self.finger.tap(toggle, touch=touch)
        after = self.finder.calm_toggle()  # home is made anew in the new mode
        if after is not None and after.isChecked() == before:
            self.finger.tap(after, touch=touch)  # in audio mode the first touch only speaks its name
            after = self.finder.calm_toggle()
        if after is not None and after.isChecked() != before:
            self.events[Happening.CALM_TOGGLE] += 1

    def go_home(self, rng: random.Random) -> None:
        """Back to the body map as a patient gets there: whatever covers the screen closed (Keep
        reading, Cancel), then Back or Home, or a tap on the attract screen."""
        touch = rng.random() < 0.3
        for _ in range(4):
            if self.at_home():
                return
            overlay = self.finder.overlay()
            ways: Sequence[QWidget]
            if overlay is not None:
                ways = [b for b in self.finder.buttons(overlay) if b.objectName() == "keepReading"
                        or b.text() == self.finder.cancel_words]
            elif self.state.screen == ATTRACT:
                ways = [self.finder.shown()]
            else:
                ways = self.finder.buttons(self.finder.shown(), "backButton")
            if not ways:
                self.events[Happening.NO_WAY_HOME] += 1
                return
            self.finger.tap(ways[0], touch=touch)
            self.session.app.processEvents()

    def idle_reset(self, rng: random.Random) -> None:
        """Nobody touches anything: the kiosk's own idle timer asks "Still reading?", and then someone
        keeps reading, or nobody does and the countdown resets the kiosk for the next patient."""
        settings = self.session.settings
        countdown = self.session.wait(settings.idle_seconds + 1.0, lambda: self.finder.overlay(Overlay.COUNTDOWN))
        if countdown is None:
            self.events[Happening.NO_COUNTDOWN] += 1
            return
        self.events[Happening.IDLE_COUNTDOWN] += 1
        if rng.random() < 0.5:  # "Keep reading", or a touch anywhere on it
            keep = self.finder.buttons(countdown, "keepReading")
            if keep and rng.random() < 0.7:
                self.finger.tap(keep[0], touch=rng.random() < 0.5)
            else:
                self.finger.tap(countdown, QPoint(rng.randrange(countdown.width()), rng.randrange(countdown.height())),
                                touch=rng.random() < 0.5)
            if self.finder.overlay(Overlay.COUNTDOWN) is None:
                self.events[Happening.KEPT_READING] += 1
        elif self.session.wait(settings.countdown_seconds + 1.5, lambda: self.state.screen == ATTRACT):
            self.events[Happening.COUNTDOWN_EXPIRED] += 1

    # --- staff -------------------------------------------------------------------------------

    def edit_content(self, rng: random.Random) -> None:
        good = rng.random() < 0.5
        if not self.events[Happening.GOOD_EDIT] or not self.events[Happening.BAD_EDIT]:
            good = not self.events[Happening.GOOD_EDIT]  # one of each early on
        if self.editor.edit(good, rng) is not None:
            kind = Happening.GOOD_EDIT if good else Happening.BAD_EDIT
            self.events[kind] += 1
            self._saved(rng, watch=self.events[kind] == 1)

    def restore_content(self, rng: random.Random) -> None:
        self.editor.restore(rng.choice(sorted(self.editor.outstanding)), rng)
        self.events[Happening.FILE_RESTORED] += 1
        self._saved(rng)

    def _saved(self, rng: random.Random, watch: bool = False) -> None:
        """Sometimes (and after the first good and bad edit) staff watch the screen after saving until
        the folder watcher has reloaded (0.8 s of quiet in the folder, then the check); else it reloads
        later, amid other actions."""
        if watch or rng.random() < 0.25:
            reloads = self.events[Happening.WATCHER_RELOAD]
            self.session.wait(4.0, lambda: self.events[Happening.WATCHER_RELOAD] > reloads)

    def staff_pin_pad(self, rng: random.Random) -> None:
        """Staff hold a finger (or the mouse) in the staff corner until the PIN pad opens; no PIN is
        set, so it says how to set one. Mostly Cancel then; else it stays up until Cancel or the idle reset."""
        corner = self.session.settings.staff_corner
        x, y = rng.randrange(4, CORNER_PX), rng.randrange(4, CORNER_PX)
        point = QPoint(self.window.width() - 1 - x if "right" in corner else x,
                       self.window.height() - 1 - y if "bottom" in corner else y)
        touch = rng.random() < 0.5
        self.finger.press(point, touch)
        # A held finger is never quite still: its small moves also keep the idle timer away.
        pad = self.session.wait(STAFF_HOLD_S + 1.0, lambda: self.finder.overlay(Overlay.STAFF),
                                every=lambda: self.finger.move(point + QPoint(rng.choice((-1, 1)), 0), touch))
        self.finger.release(point, touch)
        if pad is None:
            self.events[Happening.HOLD_OPENED_NOTHING] += 1
            return
        self.events[Happening.PIN_PAD] += 1
        cancel = [b for b in self.finder.buttons(pad) if b.text() == self.finder.cancel_words]
        if cancel and rng.random() < 0.8:
            self.finger.tap(cancel[0], touch=touch)
