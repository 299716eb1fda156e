"""The typical-soreness chart, drawn as SVG from a region's numbers. No Qt here.

SVG keeps the chart sharp at any text size and lets the same picture appear on the
region screen, in the walkthrough, and in a browser for the benchmark's peer.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from kiosk.model.clinic import Colours
from kiosk.model.regions import SorenessCurve
from kiosk.system.resources import TYPEFACE

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 96, 60, 20, 84  # room for the axis words
HOURS_SHOWN = 72
FONT_PX = 20  # the axis words at normal text; they grow with the patient's text size
FONT = TYPEFACE  # Qt's SVG renderer reads one family, not a list; it falls back by itself


@dataclass(frozen=True)
class ChartWords:
    right_after: str
    tonight: str
    tomorrow: str
    day_3: str
    none: str
    strong: str


# Where the plain-language labels sit on the hours axis: "tonight" is about 8 hours after
# a daytime appointment, "day 3" the middle of the third day.
LABEL_HOURS = (("right_after", 0), ("tonight", 8), ("tomorrow", 24), ("day_3", 60))


# The hours axis's words take two rows (each second one lower), or, where larger words in two
# rows would run into each other on a narrow chart, one row more.
ROWS_TRIED = ((0, 1, 0, 1), (0, 1, 2, 0))
EM_PER_CHARACTER = 0.52  # about the width of one character of the typeface, in ems (a little over)


def _axis_rows(words: ChartWords, width: int, text_scale: float) -> tuple[int, ...]:
    """Which row each hours label sits on: the first arrangement in which no two words meet."""
    font_px = FONT_PX * text_scale
    left = LEFT * text_scale
    plot_w = width - left - RIGHT
    placed = [(left + plot_w * hours / HOURS_SHOWN, len(getattr(words, key)) * EM_PER_CHARACTER * font_px)
              for key, hours in LABEL_HOURS]
    for rows in ROWS_TRIED:
        if all(abs(xa - xb) >= (wa + wb) / 2 + 8
               for i, (xa, wa) in enumerate(placed) for j, (xb, wb) in enumerate(placed)
               if i < j and rows[i] == rows[j]):
            return rows
    return ROWS_TRIED[-1]


def _bottom(rows: tuple[int, ...], font_px: int) -> int:
    """The room below the plot for the hours words' rows (84 px for two rows at normal text)."""
    return round((1.5 * (max(rows) + 1) + 1.2) * font_px)


def chart_size(words: ChartWords, width: int = WIDTH, height: int = HEIGHT,
               text_scale: float = 1.0) -> tuple[int, int]:
    """The chart's size at a text size: as wide, and taller by the room its larger words take
    below the plot, so the plot itself keeps its height."""
    rows = _axis_rows(words, width, text_scale)
    return width, height + _bottom(rows, round(FONT_PX * text_scale)) - BOTTOM


def soreness_svg(curve: SorenessCurve, words: ChartWords, colours: Colours, width: int = WIDTH,
                 height: int = HEIGHT, text_scale: float = 1.0) -> str:
    """The chart; a region's soreness page asks for a wider, flatter one that spans the page.
    Its words grow with ``text_scale`` as the page's do (``chart_size`` is the size it is then)."""
    rows = _axis_rows(words, width, text_scale)
    width, height = chart_size(words, width, height, text_scale)
    font_px = round(FONT_PX * text_scale)
    left, bottom = round(LEFT * text_scale), _bottom(rows, font_px)
    plot_w, plot_h = width - left - RIGHT, height - TOP - bottom

    def x(hours: float) -> float:
        return left + plot_w * min(hours, HOURS_SHOWN) / HOURS_SHOWN

    def y(level: float) -> float:
        return TOP + plot_h * (1 - level / 10)

    points = [(x(p.hours), y(p.level)) for p in curve.curve]
    if curve.curve[-1].hours < HOURS_SHOWN:  # hold the last level to the end of day 3
        points.append((x(HOURS_SHOWN), points[-1][1]))
    line = _smooth(points)
    area = f"{line} L {points[-1][0]:.1f},{y(0):.1f} L {points[0][0]:.1f},{y(0):.1f} Z"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">',
        f'<rect x="{left}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="{colours.background}" '
        f'stroke="{colours.text}" stroke-opacity="0.25" stroke-width="1"/>',
    ]
    for _, hours in LABEL_HOURS[1:]:
        parts.append(f'<line x1="{x(hours):.1f}" y1="{TOP}" x2="{x(hours):.1f}" y2="{y(0):.1f}" '
                     f'stroke="{colours.text}" stroke-opacity="0.15" stroke-width="2"/>')
    parts += [
        f'<path d="{area}" fill="{colours.primary}" fill-opacity="0.18" stroke="none"/>',
        f'<path d="{line}" fill="none" stroke="{colours.primary}" stroke-width="5" '
        f'stroke-linecap="round" stroke-linejoin="round"/>',
    ]
    for i, (key, hours) in enumerate(LABEL_HOURS):
        # Rows, so labels for times close together never overlap; a tick joins each to its time.
        row_y = height - bottom + 1.5 * font_px * (1 + rows[i])
        parts.append(f'<line x1="{x(hours):.1f}" y1="{y(0):.1f}" x2="{x(hours):.1f}" y2="{row_y - 0.9 * font_px:.1f}" '
                     f'stroke="{colours.text}" stroke-opacity="0.5" stroke-width="2"/>')
        parts.append(_text(x(hours), row_y, getattr(words, key), colours.text, "middle", font_px))
    parts.append(_text(left - 12, y(0) + 0.3 * font_px, words.none, colours.text, "end", font_px))
    parts.append(_text(left - 12, y(10) + 0.7 * font_px, words.strong, colours.text, "end", font_px))
    parts.append("</svg>")
    return "\n".join(parts)


def _text(x: float, y: float, words: str, colour: str, anchor: str, font_px: int = FONT_PX) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{font_px}" fill="{colour}" '
            f'text-anchor="{anchor}">{escape(words)}</text>')


def _smooth(points: list[tuple[float, float]]) -> str:
    """A gentle curve through the points (monotone in x, so it never loops back)."""
    d = f"M {points[0][0]:.1f},{points[0][1]:.1f}"
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        mid = (x0 + x1) / 2
        d += f" C {mid:.1f},{y0:.1f} {mid:.1f},{y1:.1f} {x1:.1f},{y1:.1f}"
    return d
