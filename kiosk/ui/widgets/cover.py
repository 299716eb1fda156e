"""A widget that covers its whole parent, the window, and keeps covering it as it is resized: what
the countdown and the staff screens are drawn on, so nothing behind them can be touched.

Nor reached by keyboard: while a cover is shown the focus is on its controls (its first, when it
opens) and Tab goes round them only; when it closes, the focus goes back where it was."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.widgets.focusorder import focus_first, tab_stops


class Cover(QWidget):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        parent.installEventFilter(self)
        self._focus_before: QWidget | None = None  # where the focus goes back to
        self._focus_inside: QWidget | None = None  # the last of its own controls to have it
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget() and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        before = QApplication.focusWidget()
        if before is not None and not self.isAncestorOf(before):
            self._focus_before = before
        focus_first(self, Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        before, self._focus_before, self._focus_inside = self._focus_before, None, None
        if _alive(before) and before is not None and before.isVisible():
            before.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not shiboken6.isValid(self) or not self.isVisible():
            return
        if self.isAncestorOf(new):
            self._focus_inside = new
            return
        if new.window() is not self.window() or _in_a_cover(new):
            return
        # Something behind took the focus (a screen shown anew beneath, say): that is where the
        # focus goes when this closes; until then it stays here.
        self._focus_before = new
        inside = self._focus_inside
        if _alive(inside) and inside is not None and inside.isVisible():
            inside.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            focus_first(self, Qt.FocusReason.OtherFocusReason)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab go round this cover's controls, never to the screen behind."""
        stops = tab_stops(self)
        if not self.isVisible() or not stops:
            return super().focusNextPrevChild(next)
        now = QApplication.focusWidget()
        at = stops.index(now) if now in stops else (-1 if next else 0)
        stops[(at + (1 if next else -1)) % len(stops)].setFocus(
            Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True


def _alive(widget: QWidget | None) -> bool:
    return widget is not None and shiboken6.isValid(widget)


def _in_a_cover(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, Cover):
            return True
        parent = parent.parentWidget()
    return isinstance(widget, Cover)
