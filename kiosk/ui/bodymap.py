"""The body map: the runner silhouette, front and back, with tappable muscle regions.

Hit-testing uses the same outlines the SVG draws (read by ``kiosk.bodyart``), so a
tap just outside a muscle opens nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPainterPathStroker,
                           QPaintEvent, QPen, QTransform)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.bodyart import BodyArt
from kiosk.ui.theme import FONT_FAMILIES

LABEL_BAND = 44  # px under the figures for "Front" / "Back"
# A fingertip is wider than a mouse pointer: a tap this close to a muscle's edge still
# counts. Kept below half the narrowest gap between regions so a tap never lands on two.
TOUCH_SLOP_PX = 6


def painter_path(steps) -> QPainterPath:
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


class BodyMap(QWidget):
    """Emits ``regionChosen(id)`` when a region is pressed and released inside it, like a button."""

    regionChosen = Signal(str)

    def __init__(self, art: BodyArt, names: dict[str, str], view_labels: tuple[str, str],
                 highlight: str, text_colour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._art = art
        self._names = names
        self._view_labels = view_labels
        self._highlight = QColor(highlight)
        self._text_colour = QColor(text_colour)
        self._renderer = QSvgRenderer(QByteArray(art.svg), self)
        self._outlines = {rid: [painter_path(o) for o in outlines] for rid, outlines in art.outlines.items()}
        self._down: tuple[str, int] | None = None  # region and outline under the finger
        self._armed = False  # the finger is still over the region it pressed
        self._slop_cache: tuple[float, dict] = (0.0, {})
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 420)

    def names(self) -> dict[str, str]:
        return dict(self._names)

    # --- geometry ---------------------------------------------------------------

    def art_rect(self) -> QRectF:
        """Where the artwork is drawn: as large as fits, centred, aspect kept."""
        _, _, vw, vh = self._art.view_box
        avail = QRectF(self.rect()).adjusted(0, 0, 0, -LABEL_BAND)
        scale = min(avail.width() / vw, avail.height() / vh)
        w, h = vw * scale, vh * scale
        return QRectF(avail.x() + (avail.width() - w) / 2, avail.y() + (avail.height() - h) / 2, w, h)

    def art_transform(self) -> QTransform:
        vx, vy, vw, _ = self._art.view_box
        rect = self.art_rect()
        scale = rect.width() / vw
        return QTransform(scale, 0, 0, scale, rect.x() - vx * scale, rect.y() - vy * scale)

    def region_shapes(self, region_id: str) -> list[QPainterPath]:
        """The region's outlines in widget coordinates (one per leg and view)."""
        transform = self.art_transform()
        return [transform.map(path) for path in self._outlines[region_id]]

    def hit(self, pos: QPointF) -> tuple[str, int] | None:
        """The region and outline under ``pos``: on the drawn shape, else within the touch slop."""
        transform = self.art_transform()
        point = transform.inverted()[0].map(QPointF(pos))
        for paths in (self._outlines, self._slop_outlines(transform.m11())):
            for region_id, outlines in paths.items():
                for index, path in enumerate(outlines):
                    if path.contains(point):
                        return region_id, index
        return None

    def _slop_outlines(self, scale: float) -> dict[str, list[QPainterPath]]:
        if self._slop_cache[0] != scale:
            stroker = QPainterPathStroker()
            stroker.setWidth(2 * TOUCH_SLOP_PX / scale)
            stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            grown = {rid: [stroker.createStroke(p).united(p) for p in paths]
                     for rid, paths in self._outlines.items()}
            self._slop_cache = (scale, grown)
        return self._slop_cache[1]

    def region_at(self, pos: QPointF) -> str | None:
        found = self.hit(pos)
        return found[0] if found else None

    # --- input ------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._down = self.hit(event.position())
        self._armed = self._down is not None
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._down is None:
            return
        armed = self.region_at(event.position()) == self._down[0]
        if armed != self._armed:
            self._armed = armed
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._down is None:
            return
        chosen = self._down[0] if self.region_at(event.position()) == self._down[0] else None
        self._down, self._armed = None, False
        self.update()
        if chosen:
            self.regionChosen.emit(chosen)

    # --- painting ---------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.art_rect()
        self._renderer.render(painter, rect)

        label_font = QFont()
        label_font.setFamilies(FONT_FAMILIES)
        label_font.setPixelSize(24)
        label_font.setBold(True)
        painter.setFont(label_font)
        painter.setPen(self._text_colour)
        for i, label in enumerate(self._view_labels):
            band = QRectF(rect.x() + i * rect.width() / 2, rect.bottom() + 4, rect.width() / 2, LABEL_BAND - 4)
            painter.drawText(band, Qt.AlignmentFlag.AlignCenter, label)

        if self._down and self._armed:
            self._paint_pressed(painter, *self._down)
        painter.end()

    def _paint_pressed(self, painter: QPainter, region_id: str, index: int) -> None:
        fill = QColor(self._highlight)
        fill.setAlphaF(0.7)
        painter.setPen(QPen(self._highlight.darker(130), 4))
        painter.setBrush(fill)
        shapes = self.region_shapes(region_id)
        for shape in shapes:
            painter.drawPath(shape)

        # The region's name in a bubble just above the pressed outline, so the finger doesn't hide it.
        name = self._names.get(region_id, region_id)
        font = painter.font()
        font.setPixelSize(26)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        box = QRectF(0, 0, metrics.horizontalAdvance(name) + 32, metrics.height() + 16)
        top = shapes[index].boundingRect()
        box.moveCenter(QPointF(top.center().x(), top.top() - box.height() / 2 - 8))
        box.moveLeft(max(2.0, min(box.left(), self.width() - box.width() - 2)))
        box.moveTop(max(2.0, box.top()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._highlight.darker(115))
        painter.drawRoundedRect(box, 12, 12)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)
