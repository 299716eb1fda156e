"""The kiosk's window: the chrome around the screens. It holds the stack the router shows them in,
tells screen readers which screen is shown, and refuses to close while the kiosk is locked.

What the kiosk does is elsewhere: ``kiosk.ui.kiosk`` decides what happens when, ``kiosk.ui.wiring``
makes the parts and connects them, ``kiosk.ui.navigation`` shows the screens.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from kiosk.model.words import UiText
from kiosk.ui.widgets.direction import layout_direction
from kiosk.visit.screens import ScreenId


class KioskWindow(QMainWindow):
    """``screenChanged`` names the screen shown, for the log, screen readers and the soak."""

    screenChanged = Signal(str)
    closed = Signal()  # the kiosk is ending: what runs beside it (a content check's child) stops

    def __init__(self, locked: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.locked = locked
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._title = ""

    def use_language(self, ui: UiText) -> None:
        """The kiosk's title in the visit's language (screen readers read it with each screen's
        name), and the way it reads: what opens over the screens ("Still reading?") mirrors with it."""
        self._title = ui.title
        self.setLayoutDirection(layout_direction(ui))

    def announce(self, screen_id: ScreenId, screen: QWidget | None) -> None:
        """Tell screen readers the screen changed: its name goes into the window title (which
        readers follow) and the screen raises an accessibility alert."""
        title = self._title
        what = screen.accessibleName() if screen is not None else ""
        self.setWindowTitle(f"{what} - {title}" if what and what != title else title)
        if screen is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(screen, QAccessible.Event.Alert))
        self.screenChanged.emit(screen_id.name)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked:
            event.ignore()  # Alt+F4 and the close button do nothing until staff unlock
            return
        super().closeEvent(event)
        self.closed.emit()
