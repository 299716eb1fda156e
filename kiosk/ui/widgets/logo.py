"""The clinic's logo on home, drawn from its SVG."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QWidget,
)

from kiosk.ui.widgets.pageview import svg_image

LOGO_PX = 56
PLATE_PX = 5  # the plate's rim around the art (the style sheet draws the plate, see look/theme.py)


class ClinicLogo(QWidget):
    """The clinic's logo, drawn from its SVG at twice the size for sharp edges.

    Painted here rather than shown by a QLabel: a label's pixmap goes into Qt's pixmap
    cache under a new key every time home is rebuilt (each language switch or reset), and
    the kiosk grew by the logo's size every time until that cache filled (bench/soak.py).

    On a dark screen (high contrast) the style sheet puts it on a light plate: a logo drawn for
    a light page nearly vanishes on black, and the clinic's own art is never recoloured.
    """

    def __init__(self, image: QImage, clinic_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("logo")
        self._image = image
        self.setAccessibleName(clinic_name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the plate
        self.setFixedSize(LOGO_PX + 2 * PLATE_PX, LOGO_PX + 2 * PLATE_PX)

    def paintEvent(self, event: QPaintEvent) -> None:
        art = self.rect().adjusted(PLATE_PX, PLATE_PX, -PLATE_PX, -PLATE_PX)
        size = self._image.size().scaled(art.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(QPoint(0, 0), size)
        target.moveCenter(art.center())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self._image)
        painter.end()


def clinic_logo(svg: str, clinic_name: str) -> QWidget | None:
    # Drawn at twice the size it is shown, whatever size the picture says it is.
    image = svg_image(svg.encode("utf-8"), 2.0, QSize(LOGO_PX, LOGO_PX))
    return None if image.isNull() else ClinicLogo(image, clinic_name)  # a bad logo is named by --check-content
