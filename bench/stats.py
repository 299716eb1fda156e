"""The bench's arithmetic: medians, nearest-rank percentiles and megabytes."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def median(xs: Sequence[float]) -> float:
    """The median, or NaN when nothing was measured (written as such, never as a made-up 0)."""
    return statistics.median(xs) if xs else float("nan")


def percentile(xs: Sequence[float], p: float) -> float:
    """The nearest-rank percentile: the value p% of the samples are at or below."""
    if not xs:
        return float("nan")
    ordered = sorted(xs)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def mb(n: float, places: int = 1) -> float:
    """Bytes as megabytes (MiB), rounded."""
    return round(n / (1024 * 1024), places)
