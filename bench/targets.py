"""What the kiosk aims for on a modest tablet-class machine, each interaction the bench times,
and why an interaction misses its target where that is known."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Targets:
    start_ratio: float = 0.35  # kiosk start at most 0.35x Chromium's
    tap_median_ms: float = 16.0  # every interaction: one frame at 60 Hz
    tap_p99_ms: float = 33.0  # two frames
    peak_ratio: float = 0.5  # kiosk peak at most 0.5x Chromium's largest process
    peak_mb: float = 100.0  # after every screen in every mode
    growth_mb: float = 2.0  # over --navs navigations


TARGETS = Targets()
# A cold start next to an empty PySide6 window's: what the kiosk adds to the floor under it.
START_OVER_FLOOR = 1.6


class Interaction(Enum):
    """Each interaction the bench times, by the words its results and table use."""

    TAP_REGION = "tap region -> region screen"
    BACK = "Back -> home"
    REGION_TAB = "region tab/page change"
    WALKTHROUGH_NEXT = "walkthrough Next"
    WALKTHROUGH_PREVIOUS = "walkthrough Previous"
    WALKTHROUGH_HOME = "walkthrough Home -> home"
    LANGUAGE = "language switch"
    CALM = "calm mode toggle"
    CONTRAST = "high contrast toggle"
    TEXT_LARGE = "text size: normal -> large"
    TEXT_EXTRA_LARGE = "text size: large -> extra large"
    TEXT_NORMAL = "text size: extra large -> normal"
    IDLE_QUESTION = "idle: 'Still reading?' shown"
    IDLE_RESET = "idle reset -> attract screen"
    ATTRACT_TO_HOME = "attract screen tap -> home"
    PIN_PAD = "staff corner held -> PIN pad"
    PIN_CANCEL = "PIN pad Cancel -> screen"


# Why an interaction misses its target, where the cause is known (profiled in November 2026).
# Language and calm mode no longer rebuild home (homes are kept per language, made ahead); a new
# look (contrast, text size) still restyles what is shown and makes home anew.
NEW_LOOK = ("a new look: the window's style sheet re-polishes what is shown, home is made anew "
            "for it and the old look's kept screens are deleted")
CAUSES = {
    Interaction.LANGUAGE: "the other language's home not yet made ahead",
    Interaction.CALM: "the region screens kept for the old mode are let go",
    Interaction.CONTRAST: NEW_LOOK,
    Interaction.TEXT_LARGE: NEW_LOOK,
    Interaction.TEXT_EXTRA_LARGE: NEW_LOOK,
    Interaction.TEXT_NORMAL: NEW_LOOK,
    Interaction.IDLE_RESET: "the attract screen is made anew, with its own body map, each time",
    Interaction.PIN_PAD: "the PIN pad is made anew each time (nothing of the last try stays)",
    Interaction.TAP_REGION: "the region screen is shown and painted whole (four tabs, page and footer)",
}

