"""One region of the body map: a real button shaped like its muscles, and the bubble that names
the region under a finger."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QRegion,
    QTouchEvent,
)
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.reading.bodyart import Step
from kiosk.ui.look.typeface import FAMILIES

SKIN = "#e9e2d8"  # the silhouette's fill in assets/bodymap.svg


def pressed_colour(highlight: QColor) -> QColor:
    """The highlight, darkened if it would not stand out from the silhouette (cyan in high contrast)."""
    from kiosk.pages.palette import contrast_ratio

    colour = QColor(highlight)
    while contrast_ratio(colour.name(), SKIN) < 2.5 and colour.value() > 40:
        colour = colour.darker(130)
    return colour


def painter_path(steps: Iterable[Step]) -> QPainterPath:
    path = QPainterPath()
    for step in steps:
        kind, *xy = step
        if kind == "M":
            path.moveTo(*xy)
        elif kind == "L":
            path.lineTo(*xy)
        elif kind == "Q":
            path.quadTo(*xy)
        elif kind == "C":
            path.cubicTo(*xy)
        else:
            path.closeSubpath()
    return path


class RegionButton(QAbstractButton):
    """One region on the map, a real button shaped like its muscles on both legs.

    Its mask is the drawn outlines (plus a fingertip's slop), so Qt's own hit-testing
    follows the art, and keyboards, touch and screen readers all reach it as a button.
    """

    stepped = Signal(int)  # an arrow key: the next region (+1) or the one before (-1)

    def __init__(self, region_id: str, name: str, highlight: QColor, parent: QWidget):
        super().__init__(parent)
        self.region_id = region_id
        self.setText(name)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self._highlight = highlight
        self._shape = QPainterPath()  # the drawn outlines, in this button's coordinates
        self._touch_parts: list[QPainterPath] = []

    def set_outlines(self, drawn: QPainterPath, touch_parts: list[QPainterPath]) -> None:
        """``touch_parts`` together are what a finger may touch: the outline grown by the slop,
        and the name. Kept apart, not united: a path union costs milliseconds a region, and
        Qt's hit test and mask need only "in any of them"."""
        box = QRectF()
        for part in touch_parts:
            box = box.united(part.boundingRect())
        aligned = box.toAlignedRect()
        self.setGeometry(aligned)
        offset = QPointF(-aligned.x(), -aligned.y())
        self._shape = drawn.translated(offset)
        self._touch_parts = [part.translated(offset) for part in touch_parts]
        mask = QRegion()
        for part in self._touch_parts:
            for polygon in part.toFillPolygons():
                mask = mask.united(QRegion(polygon.toPolygon(), Qt.FillRule.WindingFill))
        self.setMask(mask)

    def hitButton(self, pos: QPoint | QPointF) -> bool:
        point = QPointF(pos)
        return any(part.contains(point) for part in self._touch_parts)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.animateClick()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.stepped.emit(+1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.stepped.emit(-1)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Real touch, handled here and accepted, so Qt makes no mouse events from it and
        # a tap opens the region exactly once.
        kind = event.type()
        if isinstance(event, QTouchEvent):
            point = event.points()[0].position() if event.points() else QPointF(-1, -1)
            inside = self.hitButton(point)
            if kind == QEvent.Type.TouchBegin:
                self.setDown(True)
                self.pressed.emit()
            elif kind == QEvent.Type.TouchUpdate:
                self.setDown(inside)
            else:
                was_down = self.isDown() and inside and kind == QEvent.Type.TouchEnd
                self.setDown(False)
                self.released.emit()
                if was_down:
                    self.click()
            event.accept()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not (self.isDown() or self.hasFocus()):
            return  # the SVG underneath already shows the muscle
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.isDown():
            fill = QColor(self._highlight)
            fill.setAlphaF(0.7)
            painter.setBrush(fill)
            painter.setPen(QPen(self._highlight.darker(130), 4))
        else:  # keyboard focus: a thick ring, visible in every theme
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(self._highlight.darker(140), 5))
        painter.drawPath(self._shape)
        painter.end()


class NameBubble(QWidget):
    """The pressed region's name, just above it so the finger doesn't hide it."""

    def __init__(self, colour: QColor, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._colour = colour
        self.button: RegionButton | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.button is None or not self.button.isDown():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont()
        font.setFamilies(FAMILIES)
        font.setPixelSize(26)
        font.setBold(True)
        painter.setFont(font)
        name = self.button.text()
        metrics = painter.fontMetrics()
        box = QRectF(0, 0, metrics.horizontalAdvance(name) + 32, metrics.height() + 16)
        top = self.button.geometry()
        box.moveCenter(QPointF(top.center().x(), top.top() - box.height() / 2 - 8))
        box.moveLeft(max(2.0, min(box.left(), self.width() - box.width() - 2)))
        box.moveTop(max(2.0, box.top()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour.darker(115))
        painter.drawRoundedRect(box, 12, 12)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)
        painter.end()
