"""The soreness chart on its own: drawn from a region's numbers, and read back as a patient sees it."""

import pytest

from kiosk.model.clinic import Colours
from kiosk.model.regions import SorenessCurve, SorenessPoint
from kiosk.pages.chart import HOURS_SHOWN, LEFT, RIGHT, WIDTH, ChartWords, soreness_svg

COLOURS = Colours(primary="#1d5c7a", background="#fbf8f3", text="#1f2933", highlight="#e07a2e")
WORDS = ChartWords("Right after", "Tonight", "Tomorrow", "Day 3", "None", "Strong")


def curve(*points):
    return SorenessCurve(summary=(), curve=tuple(SorenessPoint(h, lvl) for h, lvl in points), tips=())


def line_heights(svg: str) -> dict[int, int]:
    """For each column of the drawn chart, how high the curve's line is (pixels from the bottom)."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode()))
    size = renderer.defaultSize()
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    line = QColor(COLOURS.primary)
    heights = {}
    for x in line_columns():
        for y in range(size.height()):
            pixel = QColor(image.pixel(x, y))
            if abs(pixel.red() - line.red()) + abs(pixel.green() - line.green()) + abs(pixel.blue() - line.blue()) < 40:
                heights[x] = size.height() - y
                break
    return heights


def line_columns():
    """The columns of the plot that are read, every 8 px."""
    return range(LEFT + 4, WIDTH - RIGHT - 4, 8)


def column(hours: float) -> int:
    x = LEFT + (WIDTH - LEFT - RIGHT) * hours / HOURS_SHOWN
    return min(line_columns(), key=lambda c: abs(c - x))


def test_the_curve_is_highest_where_the_numbers_peak_and_lowest_at_the_end(qapp):
    heights = line_heights(soreness_svg(curve((0, 3), (6, 6), (24, 3), (48, 1), (72, 0)), WORDS, COLOURS))
    peak = max(heights, key=heights.get)
    assert abs(peak - column(6)) <= 16, "the strongest soreness is drawn about 6 hours after"
    assert heights[column(72)] < heights[column(24)] < heights[column(6)]


def test_a_curve_that_ends_early_is_held_level_to_day_three(qapp):
    heights = line_heights(soreness_svg(curve((0, 4), (12, 2), (36, 1)), WORDS, COLOURS))
    assert abs(heights[column(50)] - heights[column(70)]) <= 2


def test_the_axis_words_are_the_languages_own(qapp):
    svg = soreness_svg(curve((0, 3), (6, 6), (72, 0)), ChartWords("Justo después", "Esta noche", "Mañana",
                                                                  "Día 3", "Nada", "Fuerte"), COLOURS)
    for words in ("Justo después", "Esta noche", "Mañana", "Día 3", "Nada", "Fuerte"):
        assert f">{words}</text>" in svg


@pytest.mark.parametrize("words", ["<b>Tonight</b>", "Tom & Jerry"])
def test_words_from_yaml_are_escaped_not_drawn_as_markup(words):
    svg = soreness_svg(curve((0, 3), (6, 6), (72, 0)), ChartWords(words, "b", "c", "d", "e", "f"), COLOURS)
    assert words not in svg


def chart_font_px_on_screen(kiosk, qtbot) -> float:
    """The chart's axis words' pixel size as drawn on the soreness page."""
    from tests.support.steps import open_region

    screen = open_region(kiosk, qtbot, "calves", page=2)
    px = chart_font_px_in(screen.view)
    screen.back_button.click()
    return px


def chart_font_px_in(view) -> float:
    """The chart's axis words' pixel size as a page view draws them: the SVG's font size times
    the scale the page shows the picture at."""
    import re

    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QTextImageFormat
    from PySide6.QtSvg import QSvgRenderer

    from kiosk.pages.book import CHART

    svg = view.page.images[CHART]
    sizes = {int(px) for px in re.findall(r'font-size="(\d+)"', svg)}
    assert len(sizes) == 1, "every axis word is one size"
    shown_width = None
    block = view.document().begin()
    while block.isValid() and shown_width is None:
        for fragment in (it.fragment() for it in block):
            image = fragment.charFormat().toImageFormat() if fragment.charFormat().isImageFormat() else None
            if isinstance(image, QTextImageFormat) and image.name() == CHART:
                shown_width = image.width()
        block = block.next()
    assert shown_width, "the page shows the chart"
    drawn_width = QSvgRenderer(QByteArray(svg.encode())).defaultSize().width()
    return sizes.pop() * shown_width / drawn_width


def test_the_charts_words_grow_with_the_text_size_on_the_soreness_page(make_kiosk, qtbot):
    kiosk = make_kiosk()
    sizes = []
    for _ in range(3):
        sizes.append(chart_font_px_on_screen(kiosk, qtbot))
        kiosk.cycle_text_size()
    assert sizes[0] >= 20
    assert sizes[0] < sizes[1] < sizes[2], f"the chart's words are {sizes} px at normal, large, extra large"
    assert sizes[2] >= 1.7 * sizes[0], "as much as the page's own words grow"


def test_the_charts_words_grow_with_the_text_size_in_the_walkthrough_too(make_kiosk, qtbot):
    """"Strong", "None", "Tonight", "Day 3" beside the words of the walkthrough's "next 3 days"."""
    from kiosk.pages.book import CHART
    from kiosk.visit.screens import HOME
    from tests.support.steps import open_walkthrough

    kiosk = make_kiosk()
    sizes = []
    for _ in range(3):
        walk = open_walkthrough(kiosk, qtbot, from_region="calves")
        for step in range(walk.total):
            walk.go_to(step)
            if CHART in walk.view.page.images:
                break
        assert CHART in walk.view.page.images, "a step shows the chart"
        sizes.append(chart_font_px_in(walk.view))
        kiosk.router.show(HOME)
        kiosk.cycle_text_size()
    assert sizes[0] >= 16
    assert sizes[0] < sizes[1] < sizes[2], f"the chart's words are {sizes} px at normal, large, extra large"
    assert sizes[2] >= 1.7 * sizes[0], "as much as the step's own words grow"


@pytest.mark.parametrize("scale", [1.0, 1.4, 1.8])
@pytest.mark.parametrize("size", [(720, 320), (1100, 225), (520, 300)])  # a region's, a region's across, a step's
@pytest.mark.parametrize("words", [WORDS, ChartWords("Justo después", "Esta noche", "Mañana", "Día 3", "Nada",
                                                     "Fuerte")])
def test_the_hours_words_never_run_into_each_other_at_any_text_size(qapp, scale, size, words):
    import re

    from PySide6.QtGui import QFont, QFontMetricsF

    from kiosk.pages.chart import FONT

    svg = soreness_svg(curve((0, 3), (6, 6), (72, 0)), words, COLOURS, *size, text_scale=scale)
    placed = []
    for x, y, px, anchor, text in re.findall(
            r'<text x="([\d.]+)" y="([\d.]+)" [^>]*font-size="(\d+)"[^>]*text-anchor="(\w+)">([^<]*)</text>', svg):
        font = QFont(FONT)
        font.setPixelSize(int(px))
        width = QFontMetricsF(font).horizontalAdvance(text)
        left = float(x) - (width / 2 if anchor == "middle" else width if anchor == "end" else 0)
        placed.append((float(y), left, left + width, text))
    assert len(placed) == 6
    for i, (y, left, right, text) in enumerate(placed):
        assert left >= 0 and right <= size[0], f"{text!r} is cut at the chart's edge"
        for y2, left2, right2, text2 in placed[i + 1:]:
            if abs(y - y2) < int(px):
                assert right <= left2 or right2 <= left, f"{text!r} runs into {text2!r}"
