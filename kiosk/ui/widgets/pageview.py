"""A reading pane for one rendered page: large type, pictures drawn from SVG, nothing leaves the kiosk."""

from __future__ import annotations

import logging
import math
from html import escape

from PySide6.QtCore import QByteArray, QRect, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import QImage, QImageReader, QPainter, QPaintEvent, QTextDocument
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QHBoxLayout, QTextBrowser, QWidget

from kiosk.pages.book import Page
from kiosk.reading.limits import MAX_DRAWN_PIXELS, MAX_PICTURE_SIDE
from kiosk.system.resources import asset_path
from kiosk.ui.input.touchscroll import TouchScroll
from kiosk.ui.widgets.paneedge import PaneEdge, text_lines

log = logging.getLogger(__name__)


def svg_image(svg: bytes, dpr: float = 1.0, shown: QSize | None = None) -> QImage:
    """An SVG drawn at ``dpr`` times its size, or the size it is ``shown`` at (in proportion);
    never more than MAX_DRAWN_PIXELS, whatever size the picture says it is."""
    # A bitmap inside a picture is decoded by Qt: no larger than the largest picture allowed.
    limit_mb = MAX_PICTURE_SIDE * MAX_PICTURE_SIDE * 4 // (1024 * 1024)
    if QImageReader.allocationLimit() != limit_mb:
        QImageReader.setAllocationLimit(limit_mb)
    renderer = QSvgRenderer(QByteArray(svg))
    size = QSizeF(renderer.defaultSize())
    if shown is not None and not size.isEmpty():
        size = size.scaled(QSizeF(shown), Qt.AspectRatioMode.KeepAspectRatio)
    size *= dpr
    pixels = size.width() * size.height()
    if pixels > MAX_DRAWN_PIXELS:
        size *= math.sqrt(MAX_DRAWN_PIXELS / pixels)
    if size.toSize().isEmpty():
        return QImage()
    image = QImage(size.toSize(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    image.setDevicePixelRatio(dpr)
    return image


def reading_column(view: PageView, max_width: int = 1000) -> QHBoxLayout:
    """About 75 characters a line: long lines are hard to follow at arm's length (pages in two
    columns may be wider)."""
    view.setMaximumWidth(max_width)
    column = QHBoxLayout()
    column.addStretch(1)
    column.addWidget(view, 100)
    column.addStretch(1)
    return column


class PageView(QTextBrowser):
    def __init__(self, page: Page, unavailable: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)  # nothing may open a browser or another program
        self.setOpenExternalLinks(False)
        # A kiosk page is for reading: no selecting, dragging or copying text, no context menu.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        # A finger drag scrolls, with momentum, as people expect from a tablet.
        self._touch_scroll = TouchScroll(self)
        # Never half a line at the bottom: whole lines, and an arrow while there is more.
        self.edge = PaneEdge(self, lambda: text_lines(self))
        self._unavailable = unavailable
        self.show_page(page)

    def show_page(self, page: Page) -> None:
        self.page = page
        self.document().clear()  # drop pictures cached from the previous page
        self.document().setDocumentMargin(12)
        if page.html is not None:
            self.setHtml(page.html)
        else:
            self.setHtml(f'<p align="center" style="font-size: 30px; margin-top: 120px">'
                         f'{escape(self._unavailable)}</p>')
        self.verticalScrollBar().setValue(0)

    def paintEvent(self, event: QPaintEvent) -> None:
        drawn = self.edge.drawn_height()
        if drawn >= self.viewport().height():
            super().paintEvent(event)
        else:  # the lines below the last whole one are drawn when scrolled to
            super().paintEvent(QPaintEvent(event.rect().intersected(QRect(0, 0, self.viewport().width(), drawn))))

    @property
    def available(self) -> bool:
        return self.page.html is not None

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        # Only the page's own pictures and the kiosk's: a template naming a file elsewhere (a
        # style sheet, a picture by its path) gets nothing, so nothing outside the content is read.
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return None
        name = url.toString() if isinstance(url, QUrl) else url
        dpr = self.devicePixelRatioF()
        if name in self.page.images:
            return svg_image(self.page.images[name].encode("utf-8"), dpr)
        if name.startswith("asset:"):
            try:
                return svg_image(asset_path(name.removeprefix("asset:")).read_bytes(), dpr)
            except (OSError, ValueError) as exc:
                # Validation reports a missing picture by file and line; here the page simply goes on.
                log.warning("picture %s can't be shown: %s", name, exc)
                return QImage()
        log.warning("picture %s is not one of the page's; not shown", name[:80])
        return QImage()
