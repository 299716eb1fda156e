"""The controls the keyboard reaches inside a widget, in Tab order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def tab_stops(within: QWidget) -> list[QWidget]:
    """The shown, enabled controls inside ``within`` that Tab stops at, in Tab order."""
    stops: list[QWidget] = []
    widget = within.nextInFocusChain()
    while widget is not None and widget is not within and widget not in stops:
        if within.isAncestorOf(widget) and widget.isVisibleTo(within) and widget.isEnabled() \
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def focus_first(within: QWidget, reason: Qt.FocusReason = Qt.FocusReason.TabFocusReason) -> bool:
    """Focus the first control inside ``within``; False if it has none."""
    stops = tab_stops(within)
    if stops:
        stops[0].setFocus(reason)
    return bool(stops)

