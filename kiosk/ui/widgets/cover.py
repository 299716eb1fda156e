"""A widget that covers its whole parent, the window, and keeps covering it as it is resized: what
the countdown and the staff screens are drawn on, so nothing behind them can be touched."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class Cover(QWidget):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget() and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False
