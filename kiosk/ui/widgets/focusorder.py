"""The controls the keyboard reaches inside a widget, in Tab order, and a control found again
on a screen made anew (a new look, text size or language rebuilds the screen the patient is on)."""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def tab_stops(within: QWidget) -> list[QWidget]:
    """The shown, enabled controls inside ``within`` that Tab stops at, in Tab order.

    Found among its own children, never by walking the focus chain: PySide files each widget
    ``nextInFocusChain()`` returns as a child of the one asked, so a walk through the whole window
    left the Python side of live widgets (a page's scroll bar, the window) to die with a closed
    countdown. The kiosk never reorders Tab (no ``setTabOrder``), so its children's order, depth
    first, is Qt's Tab order; a test holds the two the same on every screen."""
    return [widget for widget in within.findChildren(QWidget)
            if widget.isVisibleTo(within) and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus]


def focus_first(within: QWidget, reason: Qt.FocusReason = Qt.FocusReason.TabFocusReason) -> bool:
    """Focus the first control inside ``within``; False if it has none."""
    stops = tab_stops(within)
    if stops:
        stops[0].setFocus(reason)
    return bool(stops)


@dataclass(frozen=True)
class FocusPlace:
    """Which control: its kind (object name) and how many of that kind come before it in Tab order.
    The same on a screen made again in another language or look, unlike its words."""

    kind: str
    nth: int


def place_of(control: QWidget | None, screen: QWidget | None) -> FocusPlace | None:
    """Where ``control`` is on ``screen`` (None if it is not a named control of it, or gone)."""
    if control is None or screen is None or not shiboken6.isValid(control) or not control.objectName() \
            or not screen.isAncestorOf(control):
        return None
    same = [stop for stop in tab_stops(screen) if stop.objectName() == control.objectName()]
    return FocusPlace(control.objectName(), same.index(control)) if control in same else None


def focus_place(place: FocusPlace | None, screen: QWidget | None) -> None:
    """Focus the control at ``place`` on ``screen``, if it has one there."""
    if place is None or screen is None:
        return
    same = [stop for stop in tab_stops(screen) if stop.objectName() == place.kind]
    if place.nth < len(same):
        same[place.nth].setFocus(Qt.FocusReason.TabFocusReason)
