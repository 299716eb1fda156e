"""The review pack as a PDF, through Qt's own PDF writer (QPdfWriter is in QtGui: nothing extra to bundle)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from kiosk.checks.reviewpack import ReviewPack
from kiosk.ui.widgets.pageview import svg_image

# The kiosk's pages are laid out for a 1000-pixel reading column; at this resolution an A4
# page less its margins is about that wide, so the print keeps the screen's line lengths.
_DPI = 140


def write_pdf(pack: ReviewPack, folder: Path) -> Path:
    """Print the pack to ``folder/review-pack.pdf``, A4, one kiosk page per printed page or more."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "review-pack.pdf"
    writer = QPdfWriter(str(path))
    writer.setTitle(pack.title)
    writer.setCreator("kiosk --export-pages")
    writer.setResolution(_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    for name, svg in pack.images.items():  # pictures by name: Qt's rich text reads no data: URIs
        document.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name),
                             svg_image(svg.encode("utf-8"), 2.0))
    document.setHtml(pack.document(inline_images=False))
    page = writer.pageLayout().paintRectPixels(_DPI)
    document.setPageSize(QSizeF(page.width(), page.height()))
    document.print_(writer)
    return path
