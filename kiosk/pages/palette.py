"""The kiosk's colours: the high-contrast theme and the WCAG contrast maths (plain Python, no Qt).

Colours are written as the content writes them, ``#rrggbb``.
"""

from __future__ import annotations

from kiosk.model.clinic import Colours

# The high-contrast theme: at least 7:1 for all text (WCAG AAA), yellow and cyan on black
# as most high-contrast desktop themes do; the clinic's colours step aside for it.
HIGH_CONTRAST = Colours(primary="#ffd600", background="#000000", text="#ffffff", highlight="#00e5ff")
DISABLED_TEXT, DISABLED_BACKGROUND = "#4a545c", "#d5d9dc"


def theme_colours(clinic_colours: Colours, high_contrast: bool) -> Colours:
    return HIGH_CONTRAST if high_contrast else clinic_colours


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two colours."""
    def luminance(colour: str) -> float:
        red, green, blue = (int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))

        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_pairs(c: Colours) -> dict[str, tuple[str, str]]:
    """Every (text colour, background colour) pair the widgets and pages use."""
    return {
        "body text": (c.text, c.background),
        "headings and captions": (c.primary, c.background),
        "button text": (on_colour(c.primary), c.primary),
        "pressed button text": (on_colour(c.highlight), c.highlight),
        "outlined button text": (c.primary, c.background),
        "disabled button text": disabled_colours(c),
        "stop banner": (on_colour(c.primary), c.primary),
        "PIN message": (c.text, c.background),
    }


def on_colour(background: str) -> str:
    """Black or white text, whichever has the higher contrast on ``background``."""
    return max(("#111111", "#ffffff"), key=lambda text: contrast_ratio(text, background))


def disabled_colours(c: Colours) -> tuple[str, str]:
    return ("#000000", "#a0a0a0") if c == HIGH_CONTRAST else (DISABLED_TEXT, DISABLED_BACKGROUND)
