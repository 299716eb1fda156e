"""The review pack as a PDF, through Qt's own PDF writer (QPdfWriter is in QtGui: nothing extra to bundle).

Screens follow one another down the page. Qt's rich text has no "keep with next", so before
printing, a heading that would sit at the foot of a page with its words overleaf moves to the
next page, and so does the closing sign-off if it would be split.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextBlock, QTextCursor, QTextDocument, QTextFormat

from kiosk.checks.reviewpack import LABEL_ANCHOR, SCREEN_ANCHOR, SIGNOFF_ANCHOR, ReviewPack
from kiosk.ui.widgets.pageview import svg_image

# The kiosk's pages are laid out for a 1000-pixel reading column; at this resolution an A4
# page less its margins is about that wide, so the print keeps the screen's line lengths.
_DPI = 140
_KEEP_WITH_HEADING = 0.15  # of a page: a heading needs this much of its screen's words under it
_MOST_KEPT = 0.4  # and never moves over for more than this: a taller first block may split


def write_pdf(pack: ReviewPack, folder: Path) -> Path:
    """Print the pack to ``folder/review-pack.pdf``, A4, screens flowing from page to page."""
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
    _keep_headings_with_their_words(document)
    document.print_(writer)
    return path


def _anchor(block: QTextBlock) -> str | None:
    """The pack's anchor in a heading block, if it is one."""
    iterator = block.begin()
    while not iterator.atEnd():
        for name in iterator.fragment().charFormat().anchorNames():
            if name.startswith((SCREEN_ANCHOR, LABEL_ANCHOR, SIGNOFF_ANCHOR)):
                return str(name)
        iterator += 1
    return None


def _keep_headings_with_their_words(document: QTextDocument) -> None:
    """A page break before each heading or label too near a page's foot to show what follows it
    (at least the next two blocks, as a picture can't split), and before a sign-off that would split."""
    layout = document.documentLayout()
    page_height = document.pageSize().height()
    # Laid out whole first: Qt lays a long document out in steps, and a break set on a block it
    # hasn't reached yet leaves the rest of the pack unprinted.
    document.pageCount()
    block = document.begin()
    while block.isValid():
        anchor = _anchor(block)
        if anchor is not None:
            top = layout.blockBoundingRect(block).top()
            after = block.next().next()  # the heading, and what comes first under it: a label, a picture, words
            below = layout.blockBoundingRect(after).bottom() if after.isValid() else top
            needs = min(max(below - top, page_height * _KEEP_WITH_HEADING), page_height * _MOST_KEPT)
            if anchor == SIGNOFF_ANCHOR:
                needs = min(layout.documentSize().height() - top, page_height)
            if top % page_height + needs > page_height and top % page_height > 0:
                form = block.blockFormat()
                form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(form)
        block = block.next()
