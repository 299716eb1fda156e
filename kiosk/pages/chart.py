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


def soreness_svg(curve: SorenessCurve, words: ChartWords, colours: Colours, width: int = WIDTH,
                 height: int = HEIGHT) -> str:
    """The chart; a region's soreness page asks for a wider, flatter one that spans the page."""
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM

    def x(hours: float) -> float:
        return LEFT + plot_w * min(hours, HOURS_SHOWN) / HOURS_SHOWN

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
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="{colours.background}" '
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
        # Two rows, so labels for times close together never overlap; a tick joins each to its time.
        row_y = height - BOTTOM + 30 + 30 * (i % 2)
        parts.append(f'<line x1="{x(hours):.1f}" y1="{y(0):.1f}" x2="{x(hours):.1f}" y2="{row_y - 18:.1f}" '
                     f'stroke="{colours.text}" stroke-opacity="0.5" stroke-width="2"/>')
        parts.append(_text(x(hours), row_y, getattr(words, key), colours.text, "middle"))
    parts.append(_text(LEFT - 12, y(0) + 6, words.none, colours.text, "end"))
    parts.append(_text(LEFT - 12, y(10) + 14, words.strong, colours.text, "end"))
    parts.append("</svg>")
    return "\n".join(parts)


def _text(x: float, y: float, words: str, colour: str, anchor: str) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="20" fill="{colour}" '
            f'text-anchor="{anchor}">{escape(words)}</text>')


def _smooth(points: list[tuple[float, float]]) -> str:
    """A gentle curve through the points (monotone in x, so it never loops back)."""
    d = f"M {points[0][0]:.1f},{points[0][1]:.1f}"
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        mid = (x0 + x1) / 2
        d += f" C {mid:.1f},{y0:.1f} {mid:.1f},{y1:.1f} {x1:.1f},{y1:.1f}"
    return d
