"""'How the kiosk is used': the last 30 days of anonymous counts, summed up and drawn as SVG. No Qt here.

Drawn like the soreness chart (``kiosk.pages.chart``): plain SVG, sharp at any size, large type
for staff reading at arm's length.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from kiosk.model.clinic import Colours
from kiosk.system.resources import TYPEFACE
from kiosk.usage import counts
from kiosk.usage.report import DayCount

DAYS_SHOWN = 30
WIDTH, HEIGHT = 560, 250
FONT_PX = 22


@dataclass(frozen=True)
class UsageSummary:
    """The last ``DAYS_SHOWN`` days, as staff see them."""

    first_day: date
    visits: tuple[int, ...]  # one per day, oldest first
    regions: tuple[tuple[str, int], ...]  # most opened first
    walkthrough_started: int
    walkthrough_finished: int
    languages: tuple[tuple[str, int], ...]

    @property
    def empty(self) -> bool:
        return not any(self.visits) and not self.regions and not self.walkthrough_started


def summarise(rows: Iterable[DayCount], today: date) -> UsageSummary:
    first = today - timedelta(days=DAYS_SHOWN - 1)
    visits: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    walkthrough: Counter[str] = Counter()
    for row in rows:
        if not first.isoformat() <= row.day <= today.isoformat():
            continue
        if row.measure == counts.VISIT:
            visits[row.day] += row.count
        elif row.measure == counts.REGION:
            regions[row.value] += row.count
        elif row.measure == counts.LANGUAGE:
            languages[row.value] += row.count
        elif row.measure == counts.WALKTHROUGH:
            walkthrough[row.value] += row.count
    days = [(first + timedelta(days=i)).isoformat() for i in range(DAYS_SHOWN)]
    return UsageSummary(first, tuple(visits[d] for d in days), tuple(regions.most_common()),
                        walkthrough["started"], walkthrough["finished"], tuple(languages.most_common()))


def visits_svg(summary: UsageSummary, colours: Colours) -> str:
    """One bar a day; the busiest day's number at the top, the dates below every week."""
    left, bottom, top = 56, 44, 16
    plot_w, plot_h = WIDTH - left - 10, HEIGHT - top - bottom
    peak = max(max(summary.visits), 1)
    step = plot_w / len(summary.visits)
    parts = [_open(), _line(left, top + plot_h, WIDTH - 10, top + plot_h, colours.text)]
    for i, count in enumerate(summary.visits):
        h = plot_h * count / peak
        parts.append(f'<rect x="{left + i * step + 2:.1f}" y="{top + plot_h - h:.1f}" width="{step - 4:.1f}" '
                     f'height="{h:.1f}" fill="{colours.primary}"/>')
        if i % 7 == 0 and i < len(summary.visits) - 3 or i == len(summary.visits) - 1:
            day = summary.first_day + timedelta(days=i)
            last = i == len(summary.visits) - 1  # the last date ends at the edge, not past it
            parts.append(_text(WIDTH - 4 if last else left + (i + 0.5) * step, HEIGHT - 12, f"{day.day}/{day.month}",
                               colours.text, "end" if last else "middle"))
    parts.append(_text(left - 8, top + FONT_PX - 4, str(peak), colours.text, "end"))
    parts.append(_text(left - 8, top + plot_h, "0", colours.text, "end"))
    parts.append("</svg>")
    return "\n".join(parts)


def bars_svg(items: Sequence[tuple[str, int]], colours: Colours) -> str:
    """Labelled horizontal bars, largest first, with the number at each bar's end."""
    shown = list(items)[:6]
    label_w, row_h = 200, (HEIGHT - 8) / max(len(shown), 1)
    peak = max((count for _, count in shown), default=1) or 1
    parts = [_open()]
    for i, (label, count) in enumerate(shown):
        y = 4 + i * row_h
        w = (WIDTH - label_w - 70) * count / peak
        parts.append(_text(label_w - 10, y + row_h / 2 + 8, label, colours.text, "end"))
        parts.append(f'<rect x="{label_w}" y="{y + row_h * 0.18:.1f}" width="{w:.1f}" height="{row_h * 0.64:.1f}" '
                     f'rx="6" fill="{colours.primary}"/>')
        parts.append(_text(label_w + w + 10, y + row_h / 2 + 8, str(count), colours.text, "start"))
    parts.append("</svg>")
    return "\n".join(parts)


def _open() -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'width="{WIDTH}" height="{HEIGHT}">')


def _line(x1: float, y1: float, x2: float, y2: float, colour: str) -> str:
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" stroke-width="2"/>'


def _text(x: float, y: float, words: str, colour: str, anchor: str) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-family="{TYPEFACE}" font-size="{FONT_PX}" fill="{colour}" '
            f'text-anchor="{anchor}">{escape(words)}</text>')
