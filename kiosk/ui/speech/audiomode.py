"""Audio mode, for patients who cannot see the screen: a touch on any control or body region
speaks its name, and a second touch on the same one chooses it; moving between controls with
the keyboard (Tab, or the arrow keys between body regions) speaks each one reached.

An application-wide event filter, so the screens need no changes: what it speaks is the
control's own accessible name or words, so nothing is said that is not on the screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

if TYPE_CHECKING:
    from kiosk.ui.speech.narrator import Narrator

_PRESS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin}
_REST_OF_TOUCH = {QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease, QEvent.Type.TouchUpdate,
                  QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}
_ARROWS = re.compile("[\u2190-\u21ff]")
_MOVING_KEYS = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down}
_SPOKEN_FOCUS = {Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.OtherFocusReason}


def spoken_name(button: QAbstractButton) -> str:
    """The control's words as a screen reader has them, without the arrows drawn beside them."""
    return " ".join(_ARROWS.sub(" ", button.accessibleName() or button.text()).split())


class AudioMode(QObject):
    """Off until ``enabled``; then the first touch on a control speaks it and is kept from it."""

    def __init__(self, narrator: Narrator, language: Callable[[], str], parent: QObject | None = None,
                 gives_way: Callable[[], bool] = lambda: False):
        super().__init__(parent)
        self._narrator = narrator
        self._language = language
        self._gives_way = gives_way  # a screen reader speaks touches and focus itself: one voice at a time
        self.enabled = False
        self._named: QAbstractButton | None = None  # spoken by the last touch: the next one chooses it
        self._held: QAbstractButton | None = None  # the touch now on it was only to hear it
        self._key_moved = False  # focus that moves by a key is spoken; focus a new screen sets is not
        # The filter is the application's; it acts only on its own window's controls (a second
        # window, such as another test's kiosk left open, is not its to speak or hold back).
        owner = parent
        while owner is not None and not isinstance(owner, QWidget):
            owner = owner.parent()
        self._window = owner.window() if isinstance(owner, QWidget) else None
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def forget_touch(self) -> None:
        """A new screen: the next touch on anything speaks it first."""
        self._named = self._held = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.enabled:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self._key_moved = event.key() in _MOVING_KEYS
        if not isinstance(watched, QAbstractButton):
            return False
        if self._window is not None and watched.window() is not self._window:
            return False
        if kind in _PRESS and self._gives_way():
            self._named = self._held = None
            return False  # the screen reader's own touch (or the first tap) already said it
        if kind in _PRESS:
            if watched is self._named or not watched.isEnabled():
                self._named = None
                return False  # the second touch: the control does what it does
            self._named, self._held = watched, watched
            self.say(spoken_name(watched))
            return True
        if kind in _REST_OF_TOUCH and watched is self._held:
            if kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
                self._held = None
            return True
        if kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent) and event.reason() in _SPOKEN_FOCUS \
                and self._key_moved and not self._gives_way():
            self._key_moved = False
            self.say(spoken_name(watched))
        return False

    def say(self, words: str) -> None:
        if words:
            self._narrator.say([words], self._language())
