"""The body map's picture: the artwork with the region names and the views' names written on it,
drawn once per size (drawing the SVG takes about 6 ms; a tap repaints the map up to three times)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer

from kiosk.ui.look.typeface import FAMILIES

NAME_INK = "#1f2933"  # 15:1 on the white name pills


def label_font(pixels: int) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPixelSize(pixels)
    font.setBold(True)
    return font


def draw_picture(size: QSize, dpr: float, renderer: QSvgRenderer, art_rect: QRectF,
                 names: list[tuple[str, QRectF]], names_px: int, views: list[tuple[str, QPointF]],
                 views_px: int, text_colour: QColor) -> QImage:
    """The art in ``art_rect``; each region name in its box; each view's name ("Front") centred
    on its point, kept inside the picture's width."""
    image = QImage(size * dpr, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, art_rect)
    # Region names: dark words on a white pill, readable over the art's colours in every
    # theme (the clinic's text colour is white in high contrast, so it isn't used here).
    painter.setFont(label_font(names_px))
    for text, box in names:
        painter.setPen(QPen(QColor(NAME_INK), 2))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    font = label_font(views_px)
    painter.setFont(font)
    painter.setPen(text_colour)
    for text, centre in views:
        band = QRectF(0, 0, QFontMetricsF(font).horizontalAdvance(text) + 8, font.pixelSize() * 1.6)
        band.moveCenter(centre)
        band.moveLeft(max(0.0, min(band.left(), size.width() - band.width())))  # a long name stays whole
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image
