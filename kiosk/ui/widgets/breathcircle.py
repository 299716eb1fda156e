"""A soft circle that grows over a breath in and shrinks over a breath out: the pace to follow,
without words or pictures. It is a picture of the pace only: the screen that holds it keeps the
time (with its own timer), so the circle is never what a test or a screen reader relies on."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QRectF, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

RESTING = 0.4  # the circle's size between breaths, of the largest it grows to


class BreathingCircle(QWidget):
    def __init__(self, colour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._colour = QColor(colour)
        self._size = RESTING
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutSine)  # as a breath starts and ends gently
        self._animation.valueChanged.connect(self._grown)

    @property
    def size_now(self) -> float:
        return self._size

    def grow(self, ms: int) -> None:
        self._to(1.0, ms)

    def shrink(self, ms: int) -> None:
        self._to(RESTING, ms)

    def rest(self) -> None:
        self._animation.stop()
        self._grown(RESTING)

    def _to(self, size: float, ms: int) -> None:
        self._animation.stop()
        self._animation.setStartValue(self._size)
        self._animation.setEndValue(size)
        self._animation.setDuration(max(1, ms))
        self._animation.start()

    def _grown(self, size: object) -> None:
        self._size = float(size) if isinstance(size, (int, float)) else RESTING
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height()) - 8
        radius = side / 2 * self._size
        centre = self.rect().center().toPointF()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self._colour)
        fill.setAlphaF(0.25)
        painter.setBrush(fill)
        painter.setPen(QPen(self._colour, 4))
        painter.drawEllipse(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius))
        painter.end()
