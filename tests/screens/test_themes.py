"""Contrast and size, measured: every text colour pair, and every tappable thing at 1280x800."""

import re

import pytest
from PySide6.QtWidgets import QAbstractButton

from kiosk.pages.palette import HIGH_CONTRAST, contrast_ratio, text_pairs
from kiosk.visit.screens import ScreenId
from tests.support.content import SHIPPED_CONTENT

MIN_TOUCH = 48


def clinic_colours():
    from kiosk.reading.folder import parse_clinic, read_file

    return read_file(SHIPPED_CONTENT / "clinic.yaml", parse_clinic).colours


@pytest.mark.parametrize("theme, minimum", [("normal", 4.5), ("high contrast", 7.0)])
def test_every_text_colour_pair_has_enough_contrast(theme, minimum):
    colours = clinic_colours() if theme == "normal" else HIGH_CONTRAST
    low = {name: round(contrast_ratio(fg, bg), 2) for name, (fg, bg) in text_pairs(colours).items()
           if contrast_ratio(fg, bg) < minimum}
    assert low == {}, f"below {minimum}:1 in the {theme} theme"


@pytest.mark.parametrize("theme, minimum", [("normal", 4.5), ("high contrast", 7.0)])
def test_every_rule_of_the_applied_style_sheet_that_sets_text_on_a_colour_has_enough_contrast(
        theme, minimum, make_kiosk):
    # Read from the style sheet the kiosk really applies, so a rule nobody listed by hand
    # can't slip through (the staff menu's problem list was white on white in high contrast).
    kiosk = make_kiosk()
    kiosk.set_high_contrast(theme == "high contrast")
    low = {}
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", kiosk.window.styleSheet()):
        text = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", body)
        ground = re.search(r"background:\s*(#[0-9a-fA-F]{6})", body)
        if text and ground and contrast_ratio(text.group(1), ground.group(1)) < minimum:
            low[" ".join(selector.split())] = round(contrast_ratio(text.group(1), ground.group(1)), 2)
    assert low == {}, f"below {minimum}:1 in the {theme} theme"


def test_contrast_ratio_matches_wcag_examples():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def visible_tappables(kiosk):
    return [w for w in kiosk.window.findChildren(QAbstractButton) if w.isVisible() and w.isEnabled()]


def test_every_tappable_thing_is_at_least_48_px_on_every_screen(make_kiosk, qtbot):
    from kiosk.ui.offscreen.tour import every_screen

    kiosk = make_kiosk()
    small = set()
    for name in every_screen(kiosk, lambda v: not v.calm):  # calm: the same widgets as standard
        for widget in visible_tappables(kiosk):
            if widget.height() < MIN_TOUCH or widget.width() < MIN_TOUCH:
                if not hasattr(widget, "region_id"):  # body-map regions are checked below
                    small.add(f"{name}: {widget.text() or widget.objectName()} {widget.width()}x{widget.height()}")
    assert small == set()


def test_high_contrast_switches_every_screen_and_keeps_regions_visible(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.home.contrast_toggle.click()
    assert kiosk.visit.high_contrast
    assert HIGH_CONTRAST.background in kiosk.window.styleSheet()
    kiosk.home.region_buttons["calves"].click()
    assert f"background-color: {HIGH_CONTRAST.background}" in kiosk.router.screen.view.page.html
    kiosk.router.screen.back_button.click()
    # A pressed region fills with the high-contrast highlight, far from the silhouette's colour.
    from kiosk.ui.offscreen.tour import inside

    body_map = kiosk.home.body_map
    button = body_map.buttons["calves"]
    inside = inside(body_map.region_shapes("calves")[0]).toPoint()
    button.setDown(True)
    colour = body_map.grab().toImage().pixelColor(inside)
    button.setDown(False)
    assert contrast_ratio(colour.name(), "#e9e2d8") >= 2.0
    kiosk.reset_visit()
    assert not kiosk.visit.high_contrast, "a patient's theme choice resets for the next patient"


@pytest.mark.parametrize("language", ["en", "es"])
def test_home_fits_the_tablet_in_every_language_and_theme(make_kiosk, qtbot, language):
    kiosk = make_kiosk()
    kiosk.set_language(language)
    for contrast in (False, True):
        kiosk.set_high_contrast(contrast)
        home = kiosk.home
        assert home.minimumSizeHint().width() <= 1280 and home.minimumSizeHint().height() <= 800
        assert (kiosk.window.width(), kiosk.window.height()) == (1280, 800)
        qtbot.waitUntil(lambda: kiosk.home.column_scroller.verticalScrollBar().isVisible() is False, timeout=2000)
        assert kiosk.home.column_scroller.verticalScrollBar().maximum() == 0, "normal text fits without scrolling"


def test_text_size_control_on_every_screen_cycles_large_and_extra_large(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.home.region_buttons["foot"].click()
    view = kiosk.router.screen.view
    normal = view.document().findBlock(0).charFormat().font().pixelSize()
    assert "font-size: 22px" in view.page.html
    kiosk.router.screen.text_size_button.click()
    assert kiosk.visit.text_scale == 1.4 and kiosk.router.current == ScreenId.for_region("foot")
    assert "font-size: 31px" in kiosk.router.screen.view.page.html
    kiosk.router.screen.walkthrough_button.click()
    kiosk.router.screen.next_button.click()
    kiosk.router.screen.text_size_button.click()
    assert kiosk.visit.text_scale == 1.8
    assert kiosk.router.current == ScreenId.walkthrough("foot", 1), "the patient stays on the same step"
    assert "font-size: 40px" in kiosk.router.screen.view.page.html
    kiosk.router.screen.text_size_button.click()
    assert kiosk.visit.text_scale == 1.0 and normal
    kiosk.router.screen.home_button.click()
    kiosk.home.text_size_button.click()
    kiosk.home.sources_button.click()
    kiosk.router.screen.text_size_button.click()
    assert kiosk.visit.text_scale == 1.8
    kiosk.reset_visit()
    assert kiosk.visit.text_scale == 1.0, "text size resets for the next patient"


def test_nothing_is_clipped_at_any_text_size(make_kiosk, qtbot):
    """Every button's words fit inside it, on every screen, at every text size."""
    from kiosk.ui.offscreen.tour import every_screen
    from kiosk.ui.widgets.buttons import CalmToggle, WrappingButton
    from kiosk.ui.widgets.ticks import TickBox

    kiosk = make_kiosk()
    clipped = set()
    for name in every_screen(kiosk, lambda v: not v.calm and v.language == "en"):
        for button in visible_tappables(kiosk):
            if isinstance(button, (TickBox, CalmToggle)):  # its words wrap: every line must fit in its height
                label = button.label
                if label.height() < label.heightForWidth(label.width()):
                    clipped.add(f"{name}: {button.text()!r} needs {label.heightForWidth(label.width())}px "
                                f"high, has {label.height()}")
                continue
            if isinstance(button, WrappingButton) or hasattr(button, "region_id") or not button.text():
                continue
            words = max(button.fontMetrics().horizontalAdvance(line) for line in button.text().split("\n"))
            if words > button.contentsRect().width() - 8:
                clipped.add(f"{name}: {button.text()!r} needs {words}px, has {button.contentsRect().width()}")
    assert clipped == set()
