"""Words in a script the kiosk's own typeface lacks (Arabic, Hebrew, Greek, Cyrillic) are drawn
in a system font that has it, never as boxes: measured in the glyphs Qt lays out on a real
screen and page, font by font. On Linux the font is DejaVu Sans (Debian's fonts-dejavu-core,
in .ci/run's list); on Windows, Segoe UI."""

import sys

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QRawFont, QTextLayout
from PySide6.QtWidgets import QLabel

from kiosk.ui.look.typeface import FAMILY, font_folder
from kiosk.visit.screens import ScreenId
from tests.support.content import edit

SCRIPTS = {
    QFontDatabase.WritingSystem.Arabic: "مرحبا بك",
    QFontDatabase.WritingSystem.Hebrew: "שלום לך",
    QFontDatabase.WritingSystem.Greek: "Καλημέρα",
    QFontDatabase.WritingSystem.Cyrillic: "Здравствуйте",
}
WORDS = " ".join(SCRIPTS.values())


def drawn_with(glyph_runs, text: str) -> set[str]:
    """The families ``text``'s glyphs are drawn in; fails on a glyph drawn as a box (glyph 0, the
    "missing" glyph) or a character no font used has."""
    families = {run.rawFont().familyName() for run in glyph_runs}
    for run in glyph_runs:
        assert 0 not in run.glyphIndexes(), f"{run.rawFont().familyName()} draws a box for part of {text!r}"
    fonts = [QFontMetrics(QFont(family)) for family in families]
    for char in text.replace(" ", ""):
        assert any(font.inFontUcs4(ord(char)) for font in fonts), f"none of {sorted(families)} has {char!r}"
    return families


@pytest.fixture
def other_scripts(qapp, content_copy):
    if sys.platform == "win32" and not all(QFontDatabase.families(system) for system in SCRIPTS):
        pytest.skip("this Windows has no font for every script (Wine has none)")
    missing = [system.name for system in SCRIPTS if not QFontDatabase.families(system)]
    assert not missing, f"no font for {missing}: install fonts-dejavu-core (.ci/run does)"
    ui = content_copy / "ui.yaml"
    edit(ui, "title: Dry needling for runners", f"title: Dry needling {WORDS}")
    edit(ui, "tips_heading: What can help", f"tips_heading: {WORDS}")
    return content_copy


def test_the_kiosks_typeface_lacks_these_scripts(qapp):
    own = QRawFont(str(font_folder() / "AtkinsonHyperlegible-Regular.ttf"), 22)
    assert own.isValid()
    for words in SCRIPTS.values():
        assert not any(own.supportsCharacter(c) for c in words.replace(" ", "")), words


def test_words_in_another_script_are_drawn_in_a_font_that_has_them(make_kiosk, other_scripts):
    kiosk = make_kiosk(other_scripts)
    [title] = [label for label in kiosk.home.findChildren(QLabel) if label.objectName() == "title"]
    assert WORDS in title.text() and title.isVisible()
    layout = QTextLayout(title.text(), title.font())  # the label's own font: the style sheet's families
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(title.width())
    layout.endLayout()
    families = drawn_with(layout.glyphRuns(), WORDS)
    assert FAMILY in families and len(families) > 1, "the Latin words in the kiosk's typeface, the rest in another"

    kiosk.router.show(ScreenId.for_region("calves", 3))  # "What can help": the heading is on the page
    document = kiosk.router.screen.view.document()
    found = document.find(WORDS)
    assert not found.isNull(), document.toPlainText()[:300]
    block = found.block()
    assert block.isValid() and document.documentLayout().blockBoundingRect(block).height() > 0  # laid out
    layout = block.layout()
    runs = [run for n in range(layout.lineCount()) for run in layout.lineAt(n).glyphRuns()]
    assert drawn_with(runs, WORDS) - {FAMILY}


def test_the_measure_sees_boxes_where_no_font_is_found(qapp):
    """Qt told not to look beyond the kiosk's typeface draws boxes: the check above would fail."""
    font = QFont(FAMILY)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    layout = QTextLayout(WORDS, font)
    layout.beginLayout()
    layout.createLine().setLineWidth(2000)
    layout.endLayout()
    with pytest.raises(AssertionError, match="draws a box"):
        drawn_with(layout.glyphRuns(), WORDS)
