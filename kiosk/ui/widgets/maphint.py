"""The body map's gentle answer to a tap beside every region: "Tap a coloured area, or choose
from the list", just above the finger (below it near the top), for long enough to read twice."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.words import Words

HINT_WIDTH_PX = 340
HINT_SHOWN_MS = 6000  # the gentle answer to a missed tap stays long enough to read twice


class MapHint(Words):
    def __init__(self, text: str, parent: QWidget):
        super().__init__(text, parent)
        self.setObjectName("mapHint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HINT_SHOWN_MS)
        self._timer.timeout.connect(self.hide)

    def show_at(self, at: QPointF, caption: QRectF, bounds: QSize) -> None:
        """Shown near ``at`` (in the map's coordinates, ``bounds`` its size), beside the
        ``caption``'s words, not over them."""
        hint = self
        hint.setFixedWidth(min(HINT_WIDTH_PX, bounds.width() - 8))
        hint.adjustSize()
        box = QRectF(0, 0, hint.width(), hint.height())
        box.moveCenter(QPointF(at.x(), at.y() - box.height() / 2 - 40))
        if box.top() < 4:
            box.moveTop(at.y() + 40)
        if box.intersects(caption):  # beside the caption's words, not over them
            if at.x() < caption.left():
                box.moveRight(caption.left() - 8)
            else:
                box.moveTop(caption.bottom() + 8)
        box.moveLeft(max(4.0, min(box.left(), bounds.width() - box.width() - 4)))
        box.moveTop(max(4.0, min(box.top(), bounds.height() - box.height() - 4)))
        hint.move(box.topLeft().toPoint())
        hint.show()
        hint.raise_()
        self._timer.start()
        QAccessible.updateAccessibility(QAccessibleEvent(hint, QAccessible.Event.Alert))
