"""The look of every widget, from the clinic's colours. Sizes are for arm's-length reading."""

from __future__ import annotations

import re

from PySide6.QtGui import QFont

from kiosk.model.clinic import Colours
from kiosk.pages.palette import disabled_colours, on_colour
from kiosk.system.resources import asset_path
from kiosk.ui.look.typeface import FAMILIES

BODY_PX = 22
MIN_TOUCH_PX = 64  # comfortably above the 48 px minimum for a finger


def app_font() -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPixelSize(BODY_PX)
    return font


def system_wants_high_contrast() -> bool:
    """Whether the operating system asks apps for more contrast (Qt 6.10+ can tell)."""
    from PySide6.QtGui import QGuiApplication

    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    try:
        from PySide6.QtCore import Qt

        return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)
    except AttributeError:
        return False


def _tick() -> str:
    return asset_path("icons/check.svg").as_posix()  # Qt style sheets want forward slashes


def logo_plate(background: str) -> str:
    """A light plate under the clinic's logo on a dark screen (a logo is drawn for a light page);
    none on a light one."""
    return "#ffffff" if on_colour(background) == "#ffffff" else "#00000000"


def stylesheet(colours: Colours, text_scale: float = 1.0) -> str:
    """The style sheet; every font size grows with ``text_scale``.

    Reading text (the pages) grows by the full factor; the controls around it grow by its
    square root, so buttons stay large enough to read without pushing the page off the screen.
    """
    c = colours
    sheet = f"""
    QWidget#screen {{ background: {c.background}; color: {c.text}; }}
    QLabel {{ color: {c.text}; }}
    QScrollArea[scrollingColumn="true"], QWidget[scrollingColumn="true"] {{ background: transparent; }}
    QLabel#title {{ font-size: 32px; font-weight: bold; color: {c.primary}; }}
    QLabel#clinicName {{ font-size: 20px; color: {c.primary}; }}
    QWidget#moreBelow {{ color: {c.text}; }}  /* the arrow at a scrolling part's bottom: more below */
    QWidget#logo {{ background: {logo_plate(c.background)}; border-radius: 12px; }}
    QLabel#prompt, QLabel#audioModeHint {{ font-size: 27px; }}
    QLabel#choose {{ font-size: 24px; font-weight: bold; }}
    QLabel#unavailable {{ font-size: 30px; color: {c.primary}; padding: 40px; }}
    QPushButton {{
        font-size: 26px; font-weight: bold; min-height: {MIN_TOUCH_PX}px; padding: 6px 28px;
        color: {on_colour(c.primary)}; background: {c.primary};
        border: 4px solid {c.primary}; border-radius: 16px;
    }}
    QPushButton:pressed {{ background: {c.highlight}; color: {on_colour(c.highlight)}; }}
    QPushButton#regionButton {{ min-height: 46px; padding: 0px 28px; text-align: left; }}
    QLabel#regionButtonLabel {{
        font-size: 26px; font-weight: bold; color: {on_colour(c.primary)}; padding-left: 14px;
    }}
    QPushButton#secondary, QPushButton#languageButton {{
        font-size: 21px; min-height: 42px; padding: 0px 14px;
        color: {c.primary}; background: {c.background}; border: 4px solid {c.primary};
    }}
    QPushButton#secondary[footer="true"] {{ min-height: {MIN_TOUCH_PX - 8}px; }}  /* 64 px with its border */
    QLabel#secondaryLabel {{ font-size: 21px; font-weight: bold; color: {c.primary}; }}
    QPushButton#secondary:pressed {{ background: {c.highlight}; }}
    QPushButton#secondary:checked, QPushButton#secondary[open="true"] {{
        background: {c.primary}; color: {on_colour(c.primary)};
    }}
    QPushButton#languageButton:checked {{ background: {c.primary}; color: {on_colour(c.primary)}; }}
    QPushButton#textSize {{
        font-size: 19px; min-height: {MIN_TOUCH_PX}px; padding: 0px 14px;
        color: {c.primary}; background: {c.background}; border: 4px solid {c.primary};
    }}
    /* fingertip: home's, beside High contrast, is never narrower than its words (it was cut off) */
    QWidget#screen > QPushButton#textSize {{ min-width: 64px; }}
    QPushButton#stepButton {{ min-width: 220px; min-height: 72px; font-size: 28px; }}
    QLabel#stepButtonLabel {{ font-size: 28px; font-weight: bold; color: {on_colour(c.primary)}; }}
    QLabel#stepButtonLabel:disabled {{ color: {disabled_colours(c)[0]}; }}
    QPushButton#backButton {{ padding: 0px 24px; }}  /* 72 px high: room for the page below */
    QLabel#regionTitle {{ font-size: 34px; font-weight: bold; color: {c.primary}; }}
    QPushButton#pageTab {{
        min-height: {MIN_TOUCH_PX}px; padding: 0px 10px; border-radius: 14px;
        background: {c.background}; border: 4px solid {c.primary};
    }}
    QPushButton#pageTab:checked {{ background: {c.primary}; }}
    QLabel#pageTabLabel {{ font-size: 23px; font-weight: bold; color: {c.primary}; }}
    QLabel#pageTabLabel[current="true"] {{ color: {on_colour(c.primary)}; }}
    QPushButton:focus {{ border-color: {c.highlight}; }}  /* same width as unfocused: nothing moves */
    QCheckBox#calmToggle:focus {{ color: {c.primary}; text-decoration: underline; }}
    QTextBrowser:focus {{ border-color: {c.highlight}; }}
    QPushButton:disabled {{ background: {disabled_colours(c)[1]}; color: {disabled_colours(c)[0]}; }}
    QCheckBox#calmToggle {{ font-size: 24px; spacing: 14px; color: {c.text}; min-height: 48px; }}
    QCheckBox#calmToggle::indicator {{
        width: 36px; height: 36px; border: 3px solid {c.primary}; border-radius: 8px; background: #ffffff;
    }}
    QCheckBox#calmToggle::indicator:checked {{ background: {c.primary}; image: url("{_tick()}"); }}
    QLabel#calmToggleLabel {{ font-size: 24px; color: {c.text}; }}
    QLabel#progress {{ font-size: 26px; font-weight: bold; color: {c.primary}; }}
    QLabel#attractTitle {{ font-size: 52px; font-weight: bold; color: {c.primary}; }}
    QLabel#attract {{ font-size: 36px; color: {c.text}; }}
    QWidget#countdown, QWidget#staffOverlay {{ background: rgba(20, 30, 40, 150); }}
    QWidget#countdownCard, QWidget#staffCard {{ background: {c.background}; border-radius: 24px; }}
    QLabel#countdownQuestion {{ font-size: 40px; font-weight: bold; color: {c.primary}; }}
    QLabel#countdownMessage {{ font-size: 28px; }}
    QPushButton#keepReading {{ min-width: 320px; min-height: 80px; font-size: 30px; }}
    QLabel#staffTitle {{ font-size: 28px; font-weight: bold; color: {c.primary}; }}
    QLabel#pinDots {{ font-size: 34px; min-height: 44px; }}
    QLabel#pinMessage {{ font-size: 22px; font-weight: bold; color: {c.text}; }}
    QPushButton#pinKey {{ min-width: 110px; min-height: 80px; font-size: 34px; padding: 0; }}
    QPlainTextEdit#problems {{ font-size: 18px; background: {c.background}; color: {c.text}; }}
    QLabel#stopBanner {{
        font-size: 24px; font-weight: bold; color: {on_colour(c.primary)}; background: {c.primary};
        border-radius: 12px; padding: 10px 16px;
    }}
    QPushButton#stopBanner {{  /* the stop line, a button that opens the pause */
        min-height: {MIN_TOUCH_PX - 8}px; padding: 0px; border-radius: 12px; background: {c.primary};
    }}  /* 64 px with its border, as the old banner was tall */
    QLabel#stopBannerLabel {{ font-size: 24px; font-weight: bold; color: {on_colour(c.primary)}; }}
    QTextBrowser {{
        border: 3px solid {c.background}; border-radius: 6px; background: {c.background}; color: {c.text};
    }}
    /* A thin line that shows there is more below; not a button (fingers scroll the page itself). */
    QScrollBar:vertical {{ width: 14px; background: {c.background}; margin: 0; }}
    QScrollBar::handle:vertical {{ background: {c.text}; min-height: 60px; border-radius: 3px; margin: 2px 4px; }}
    /* The therapist card and its tick boxes */
    QCheckBox#tickBox {{
        min-height: {MIN_TOUCH_PX}px; padding-left: 14px; border: 3px solid {c.primary}; border-radius: 14px;
        background: {c.background};
    }}
    QCheckBox#tickBox:checked {{ border-width: 5px; }}
    QCheckBox#tickBox:focus {{ border-color: {c.highlight}; }}
    QCheckBox#tickBox::indicator {{
        width: 40px; height: 40px; border: 3px solid {c.primary}; border-radius: 8px; background: #ffffff;
    }}
    QCheckBox#tickBox::indicator:checked {{ background: {c.primary}; image: url("{_tick()}"); }}
    QLabel#tickLabel {{ font-size: 23px; font-weight: bold; color: {c.text}; }}
    QPushButton#cardButton {{ min-height: 72px; }}
    QLabel#cardButtonLabel {{ font-size: 26px; font-weight: bold; color: {on_colour(c.primary)}; }}
    QPushButton#homeCardButton {{ min-height: {MIN_TOUCH_PX - 8}px; padding: 0px 10px; }}  /* 64 px with its border */
    QLabel#homeCardButtonLabel {{ font-size: 21px; font-weight: bold; color: {on_colour(c.primary)}; }}
    QLabel#cardLine {{ font-size: 34px; font-weight: bold; color: {c.text}; }}
    QLabel#cardLineClinic {{ font-size: 26px; font-style: italic; color: {c.text}; padding-left: 38px; }}
    QLabel#cardNote {{ font-size: 20px; color: {c.text}; }}
    /* therapist mode's words for the therapist under a step: set apart, never taken for the patient's */
    QFrame#therapistNotes {{ border: 3px dashed {c.primary}; border-radius: 12px; }}
    QLabel#therapistNotesTitle {{ font-size: 22px; font-weight: bold; color: {c.primary}; }}
    QLabel#therapistNote {{ font-size: 22px; color: {c.text}; }}
    QLabel#cardSafety {{  /* the card's safety group: its heading as a band, seen before any line */
        font-size: 24px; font-weight: bold; color: {on_colour(c.primary)}; background: {c.primary};
        border-radius: 10px; padding: 6px 14px;
    }}
    /* fingertip: every button on home holds a 64 px square, its borders included */
    QWidget#homeChoices QPushButton, QWidget#homeColumn QPushButton {{ min-height: {MIN_TOUCH_PX - 8}px; }}
    HomeScreen QCheckBox#tickBox {{ min-height: {MIN_TOUCH_PX - 6}px; }}
    ReadAloudButton#languageButton, PinPad QPushButton#secondary {{ min-height: {MIN_TOUCH_PX - 8}px; }}
    RowCheckBox#calmToggle {{ min-height: {MIN_TOUCH_PX}px; }}  /* a patient's, not the staff menu's */
    QLabel#languageButtonLabel {{ font-size: 21px; font-weight: bold; color: {c.primary}; }}
    QLabel#languageButtonLabel[current="true"] {{ color: {on_colour(c.primary)}; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
    QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
    /* The body map and the attract screen */
    QLabel#mapHint {{
        font-size: 24px; font-weight: bold; color: {on_colour(c.primary)}; background: {c.primary};
        border-radius: 14px; padding: 12px 18px;
    }}
    QWidget#bodyMap {{ font-size: 21px; }}  /* the region names written on the map */
    QLabel#tapToStart {{ font-size: 40px; font-weight: bold; color: {c.primary}; }}
    QLabel#attractClinic {{ font-size: 26px; color: {c.primary}; }}
    """
    chrome = text_scale ** 0.5
    return re.sub(r"font-size: (\d+)px", lambda m: f"font-size: {round(int(m.group(1)) * chrome)}px", sheet)
