"""What a finger can reach on the kiosk's window: visible, enabled controls that a tap at
their tap point would hit, found by object name and the words on screen, never by position
in a layout, so that finding keeps working when a screen is rebuilt."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QTabBar, QTextBrowser, QWidget

from bench.finger import tap_point

if TYPE_CHECKING:
    from kiosk.ui.kiosk import Kiosk
    from kiosk.ui.widgets.bodymap import BodyMap


class NotPresent(Exception):
    """The control wanted is not on screen (yet, or any more)."""


class Overlay(Enum):
    """What may cover the screen, by its object name."""

    COUNTDOWN = "countdown"  # "Still reading?"
    STAFF = "staffOverlay"  # the staff's PIN pad and menu


class Finder:
    """Looks at the kiosk's window as a finger would. ``language_names`` are the words on the
    language buttons; ``cancel_words`` the staff overlay's Cancel."""

    def __init__(self, kiosk: Kiosk, language_names: set[str], cancel_words: str):
        self.kiosk = kiosk
        self.window = kiosk.window
        self.language_names = language_names
        self.cancel_words = cancel_words

    def overlay(self, which: Overlay | None = None) -> QWidget | None:
        """The overlay showing (``which`` one, or either), if any."""
        for candidate in ((which,) if which else tuple(Overlay)):
            for widget in self.window.findChildren(QWidget, candidate.value):
                if widget.isVisible():
                    return widget
        return None

    def buttons(self, within: QWidget | None = None, name: str | None = None) -> list[QAbstractButton]:
        """Visible, enabled buttons (``name``: with that object name) that a tap would reach."""
        where = within or self.window
        found = where.findChildren(QAbstractButton, name) if name else where.findChildren(QAbstractButton)
        return [b for b in found if b.isVisible() and b.isEnabled() and self.reachable(b)]

    def reachable(self, widget: QWidget) -> bool:
        """A tap at the widget's tap point would reach it (no overlay or other widget on top)."""
        hit = self.window.childAt(widget.mapTo(self.window, tap_point(widget)))
        return hit is not None and (hit is widget or widget.isAncestorOf(hit))

    def shown(self) -> QWidget:
        screen = self.kiosk.router.screen
        if screen is None:
            raise RuntimeError("the kiosk shows no screen")
        return screen

    def page_view(self) -> QTextBrowser | None:
        """The page being read on this screen (a text browser), if there is one."""
        return next((v for v in self.shown().findChildren(QTextBrowser) if v.isVisible()), None)

    def scroll_target(self) -> QAbstractScrollArea | None:
        """What a finger scrolls on this screen: the page, or another scroll area, with more in it."""
        areas = [self.page_view(), *self.shown().findChildren(QAbstractScrollArea)]
        return next((a for a in areas if a is not None and a.isVisible() and a.verticalScrollBar().maximum() > 0),
                    None)

    def body_map(self) -> BodyMap | None:
        from kiosk.ui.widgets.bodymap import BodyMap

        return self.kiosk.home.findChild(BodyMap)

    def language_buttons(self) -> list[QAbstractButton]:
        return [b for b in self.buttons(self.kiosk.home) if b.text() in self.language_names]

    def chosen_language(self) -> str | None:
        return next((b.text() for b in self.language_buttons() if b.isChecked()), None)

    def calm_toggle(self) -> QAbstractButton | None:
        """The "Hide needle pictures" box, if a finger can reach it (large text may push it out of
        view; a finger scrolls the home column first)."""
        # By attribute, not by object name: home's toggle is a wrapping TickBox, and the audio-mode
        # check box shares the "calmToggle" look.
        home = self.kiosk.home
        toggle = home.calm_toggle
        home.column_scroller.ensureWidgetVisible(toggle)  # as a finger would scroll first
        return toggle if toggle.isVisible() and self.reachable(toggle) else None

    def button(self, within: QWidget | None = None, name: str | None = None,
               words: str | None = None) -> QAbstractButton:
        """A visible, reachable button by object name and/or the words on it (or its accessible name)."""
        for button in self.buttons(within or self.shown(), name):
            if words is None or words in (button.text(), button.accessibleName()) or words in button.text():
                return button
        raise NotPresent(f"no button {name or ''} {words or ''} on {self.kiosk.router.current.name}".strip())

    def region_point(self, region_id: str) -> tuple[QWidget, QPoint]:
        """The body map, and a point well inside the region's first drawn outline."""
        from kiosk.ui.offscreen.tour import inside

        body_map = self.body_map()
        if body_map is None:
            raise NotPresent("no body map on home")
        return body_map, inside(body_map.region_shapes(region_id)[0]).toPoint()

    def region_tabs(self) -> list[tuple[QWidget, QPoint]]:
        """Tabs or pages on a region screen, as a finger sees them: a tab bar's tabs, or
        checkable buttons whose object name says tab. Empty when a region screen has none."""
        screen = self.shown()
        found: list[tuple[QWidget, QPoint]] = []
        for bar in screen.findChildren(QTabBar):
            if bar.isVisible():
                found += [(bar, bar.tabRect(i).center()) for i in range(bar.count()) if bar.isTabEnabled(i)]
        if not found:
            buttons = [b for b in self.buttons(screen) if "tab" in b.objectName().lower()]
            found = [(b, b.rect().center()) for b in buttons]
        return found
