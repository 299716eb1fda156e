"""Enter presses the focused button, as Space does: the README promises both, and a keyboard or
switch user (or a screen reader's "activate") reaches for Enter first.

Qt's push buttons take Enter only as a dialog's default button; the kiosk has no dialogs, so one
app-wide filter gives every button Enter and keypad Enter, whatever class it is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication

ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})  # the main key and the keypad's


class EnterPresses(QObject):
    """While watching, Enter on the focused, enabled button clicks it (once per press, not per repeat)."""

    def watch(self) -> None:
        """From home's first frame on, as the idle watcher (an app-wide filter's first event is slow)."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) \
                or event.key() not in ENTER_KEYS:
            return False
        if not isinstance(watched, QAbstractButton) or watched is not QApplication.focusWidget():
            return False  # a key passed up to a parent, or one sent to something else
        if not watched.isEnabled() or not watched.isVisible():
            return False
        if not event.isAutoRepeat():  # a held key presses once
            watched.click()
        return True
