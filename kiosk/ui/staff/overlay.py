"""A staff screen: a card in the middle of a dimmed window; nothing behind it can be touched."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.widgets.cover import Cover
from kiosk.ui.widgets.words import named

CARD_WIDTH = 520


class StaffOverlay(Cover):
    """A card in the middle of a dimmed window; nothing behind it can be touched."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("staffOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.card = named(QWidget(), "staffCard")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # a key its controls pass up
            self.escape()
        else:
            super().keyPressEvent(event)

    def escape(self) -> None:
        """Esc: what the screen's own way out does (Cancel, Back to the kiosk, Stay)."""

    def open(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()  # before it shows: the focus ring, on its first control, goes above it
        self.show()
