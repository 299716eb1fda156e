"""A scrolling pane never rests on half a line: a reading page and a column of tick boxes draw
whole lines only, with an arrow below while there is more; and the fit check names a pane that
would rest on a cut line, by file and screen."""

import sys

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTextBrowser

from kiosk.pages.book import Page
from kiosk.ui.offscreen.fitmeasure import cut_at_edge
from kiosk.ui.widgets.pageview import PageView
from kiosk.ui.widgets.paneedge import PaneEdge, band_height
from kiosk.ui.widgets.ticks import TickPanel
from kiosk.visit.card import TherapistCard, Tick

PARAGRAPHS = "".join(f"<p style='font-size: 30px'>Line {n} of a page long enough to scroll.</p>" for n in range(30))


def shown(qtbot, widget, width=700, height=433):
    """At a height that cuts a line through with Qt's own layout (433 px is not a whole number of lines)."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    return widget


def ink_rows(image, top, bottom, background):
    """The rows between ``top`` and ``bottom`` with anything but the background in them."""
    return [y for y in range(top, bottom)
            if any(QColor(image.pixel(x, y)) != background for x in range(0, image.width(), 2))]


def test_a_page_that_scrolls_draws_no_line_it_cuts_and_shows_the_arrow(qtbot):
    view = shown(qtbot, PageView(Page(PARAGRAPHS), "unavailable"))
    plain = shown(qtbot, QTextBrowser())
    plain.setHtml(PARAGRAPHS)
    QApplication.processEvents()
    assert cut_at_edge(plain) is not None, "Qt's own pane cuts a line at this height"
    assert cut_at_edge(view) is None, "the kiosk's pane rests on whole lines"
    edge = view.edge
    drawn = edge.drawn_height()
    band = band_height(view)
    viewport = view.viewport()
    assert drawn <= viewport.height() - band
    assert edge.cue.isVisible() and edge.cue.geometry().bottom() >= viewport.geometry().bottom() - 1
    image = viewport.grab().toImage()
    background = QColor(image.pixel(viewport.width() - 4, viewport.height() - 2))
    # Nothing drawn between the last whole line and the arrow's band: no half line.
    assert ink_rows(image, drawn, viewport.height() - band, background) == []
    assert ink_rows(image, 0, drawn, background), "the whole lines above are drawn"


def test_at_the_end_of_the_page_the_arrow_goes_and_the_last_line_is_whole(qtbot):
    view = shown(qtbot, PageView(Page(PARAGRAPHS), "unavailable"))
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    assert not view.edge.cue.isVisible()
    assert view.edge.drawn_height() == view.viewport().height()
    assert cut_at_edge(view) is None
    bar.setValue(bar.maximum() // 2)  # resting anywhere between: whole lines again
    QApplication.processEvents()
    assert view.edge.cue.isVisible() and cut_at_edge(view) is None


def test_a_page_that_fits_has_no_arrow(qtbot):
    view = shown(qtbot, PageView(Page("<p>Short.</p>"), "unavailable"))
    assert not view.edge.cue.isVisible() and view.edge.drawn_height() == view.viewport().height()


def test_a_list_of_tick_boxes_rests_on_whole_boxes_and_a_hidden_one_is_not_pressed(qtbot):
    ticks = [(Tick.question(f"q{n}"), f"Question number {n} for my therapist?") for n in range(12)]
    panel = shown(qtbot, TickPanel("Tick the questions", ticks, TherapistCard(), "Show my therapist"))
    scroller = panel.scroller
    assert scroller.verticalScrollBar().maximum() > 0
    assert cut_at_edge(scroller) is None
    viewport = scroller.viewport()
    drawn = scroller.edge.drawn_height()
    assert scroller.edge.cue.isVisible()
    for box in panel.boxes.values():
        top = box.mapTo(viewport, QPoint(0, 0)).y()
        assert top + box.height() <= drawn or top >= drawn, f"{box.text()!r} is cut at the edge"
    cut_off = next(b for b in panel.boxes.values() if b.mapTo(viewport, QPoint(0, 0)).y() >= drawn)
    below = QPoint(20, cut_off.mapTo(viewport, QPoint(0, 0)).y() + 4)
    if below.y() < viewport.height():  # the part of a box in the arrow's band can't be pressed
        assert viewport.childAt(below) not in (cut_off, *cut_off.findChildren(object))


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="which line a pane cuts follows the system's fonts; "
                    "under_wine.sh lays out every screen with the installed kiosk")
def test_the_fit_check_names_the_screen_and_file_of_a_pane_resting_on_a_cut_line(make_kiosk, monkeypatch):
    from kiosk.ui.offscreen.fit import check_fit
    from kiosk.ui.offscreen.tour import Variant

    kiosk = make_kiosk(speech=True)
    assert [str(f) for f in check_fit(kiosk, [Variant("en", False, False, 1)]) if "cut in half" in f.what] == []
    # As Qt's own panes are: drawn to their bottom edge, whatever line it cuts.
    monkeypatch.setattr(PaneEdge, "drawn_height", lambda edge: edge.parent().viewport().height())
    found = [str(f) for f in check_fit(kiosk, [Variant("en", False, False, 1)]) if "cut in half" in f.what]
    assert any("content/walkthrough.yaml: English, large text: step 2 of the walkthrough" in line
               and "'Getting comfortable'" in line and "at the bottom of its scrolling part" in line
               for line in found), found
    assert any("content/questions.yaml: " in line and "the questions list" in line for line in found), found


def test_a_tick_box_reached_by_tab_or_scrolled_to_is_never_hidden_in_the_band(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    ticks = [(Tick.question(f"q{n}"), f"Question number {n} for my therapist?") for n in range(12)]
    panel = shown(qtbot, TickPanel("Tick the questions", ticks, TherapistCard(), "Show my therapist"))
    scroller = panel.scroller
    viewport = scroller.viewport()

    def whole_and_drawn(box):
        top = box.mapTo(viewport, QPoint(0, 0)).y()
        return top >= 0 and top + box.height() <= scroller.edge.drawn_height()

    boxes = list(panel.boxes.values())
    boxes[0].setFocus()
    for box in boxes[1:]:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is box
        assert whole_and_drawn(box), f"{box.text()!r} has the focus but is hidden at the bottom"
    scroller.to_top()
    QApplication.processEvents()
    for box in boxes:
        scroller.ensureWidgetVisible(box, 0, 0)
        assert whole_and_drawn(box), f"{box.text()!r} scrolled to but hidden at the bottom"


@pytest.mark.parametrize("contrast", [False, True])
def test_the_arrow_stands_out_in_either_look(qtbot, contrast):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from kiosk.pages.palette import HIGH_CONTRAST, contrast_ratio
    from kiosk.ui.app import read_content
    from kiosk.ui.look.theme import stylesheet
    from tests.support.content import SHIPPED_CONTENT

    book, _ = read_content(SHIPPED_CONTENT)
    colours = HIGH_CONTRAST if contrast else book.content.clinic.colours
    screen = QWidget()
    screen.setObjectName("screen")
    screen.setStyleSheet(stylesheet(colours))
    ticks = [(Tick.question(f"q{n}"), f"Question number {n} for my therapist?") for n in range(12)]
    panel = TickPanel("Tick the questions", ticks, TherapistCard(), "Show my therapist")
    QVBoxLayout(screen).addWidget(panel)
    shown(qtbot, screen)
    cue = panel.scroller.edge.cue
    assert cue.isVisible()
    picture = screen.grab(QRect(cue.mapTo(screen, QPoint(0, 0)), cue.size())).toImage()
    colours_seen = {picture.pixelColor(x, y).name() for x in range(picture.width()) for y in range(picture.height())}
    assert max(contrast_ratio(seen, colours.background) for seen in colours_seen) >= 4.5, colours_seen
