"""The kiosk carries its own typeface, so every machine lays out what the tests and screenshots show."""

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QLabel, QTextBrowser

from kiosk.ui.look.typeface import FAMILY, font_folder, prepare_qt_environment
from kiosk.visit.screens import ScreenId


def test_the_typeface_and_its_licence_are_shipped():
    names = {path.name for path in font_folder().iterdir()}
    assert {f"AtkinsonHyperlegible-{style}.ttf" for style in ("Regular", "Bold", "Italic", "BoldItalic")} <= names
    assert "SIL OPEN FONT LICENSE" in (font_folder() / "OFL.txt").read_text(encoding="utf-8")


def test_qt_reads_fonts_from_the_kiosks_folder_where_it_has_no_font_service(monkeypatch):
    # Windows' offscreen platform (self-test, screenshots) looks only here, and warns otherwise.
    monkeypatch.delenv("QT_QPA_FONTDIR", raising=False)
    prepare_qt_environment(offscreen=True)
    assert Path(os.environ["QT_QPA_FONTDIR"]) == font_folder()
    monkeypatch.setenv("QT_QPA_FONTDIR", "/where/IT/put/fonts")  # an explicit choice is kept
    prepare_qt_environment(offscreen=True)
    assert os.environ["QT_QPA_FONTDIR"] == "/where/IT/put/fonts"


def test_every_word_on_home_and_a_region_page_is_set_in_the_kiosks_typeface(make_kiosk):
    kiosk = make_kiosk()
    labels = [label for label in kiosk.home.findChildren(QLabel) if label.isVisible() and label.text()]
    assert labels
    assert {QFontInfo(label.font()).family() for label in labels} == {FAMILY}
    kiosk.router.show(ScreenId.for_region("calves"))
    [page] = [view for view in kiosk.router.screen.findChildren(QTextBrowser) if view.isVisible()]
    assert QFontInfo(page.document().defaultFont()).family() == FAMILY
    bold = page.document().defaultFont()
    bold.setBold(True)
    assert QFontInfo(bold).family() == FAMILY and QFontInfo(bold).bold()


def _ink_width(svg: str) -> int:
    """How wide the drawn text is when Qt's SVG renderer paints ``svg`` (the chart's renderer)."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(600, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg.encode())).render(painter)
    painter.end()
    return max(x for x in range(600) for y in range(40) if QColor(image.pixel(x, y)).lightness() < 128)


def test_the_soreness_charts_words_are_set_in_the_kiosks_typeface(qapp):
    # Qt's SVG renderer takes one family; given a list it silently used the default font.
    from kiosk.pages.chart import _text

    label = _text(0, 30, "Justo después, mañana", "#000000", "start")

    def svg(text: str) -> str:
        return f'<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40">{text}</svg>'

    expected = svg(f'<text x="0" y="30" font-family="{FAMILY}" font-size="20">Justo después, mañana</text>')
    fallback = svg('<text x="0" y="30" font-family="no such font" font-size="20">Justo después, mañana</text>')
    if _ink_width(fallback) == _ink_width(expected):
        pytest.skip("this machine has no font but the kiosk's (Wine): a fallback can't be told apart")
    assert _ink_width(svg(label)) == _ink_width(expected)
