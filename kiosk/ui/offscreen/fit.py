"""Does every screen fit? Each screen of a content folder laid out at tablet size, offscreen, in
every language, text size, contrast and calm setting, and what a patient would miss said in staff words.

At normal text, errors: a region's tab (made to be read without scrolling) that needs scrolling;
a button or the clinic's phone number below the bottom of the screen; words that don't fit their
place; a title or button whose last word sits alone on its line. At the larger text sizes a page
may scroll and a word may sit alone, but words are never cut: cut words, and a line cut in half
at the bottom edge of a scrolling part as the screen opens, are errors there too.
The walkthrough's steps, the precautions and the sources may scroll at any size, as they do now.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QTextEdit,
)

from kiosk.model.content import BASE_LANGUAGE, Content, region_path
from kiosk.model.problems import display_path
from kiosk.ui.app import TABLET_SIZE
from kiosk.ui.kiosk import Kiosk
from kiosk.ui.offscreen.fitmeasure import (
    cut_at_edge,
    is_control,
    judge_page,
    lonely_last_word,
    overflows,
    short,
    shown_under,
    title_or_button,
    visible_part,
    words_of,
)
from kiosk.ui.offscreen.tour import Variant, every_screen
from kiosk.visit.screens import ScreenId, ScreenKind

SIZES = ("normal", "large", "extra-large")
# Screens the content's words don't change, or that only pass over another: not judged.
NOT_JUDGED = ("home-map-hint", "idle-countdown")


@dataclass(frozen=True)
class Finding:
    """One thing that doesn't fit on one screen in one setting."""

    screen: str  # as staff know it: "step 8 of the walkthrough, 'When to call us'"
    file: str  # where its words come from: "lang/es/walkthrough.yaml"
    setting: str  # "Español, normal text" (", calm mode", ", high contrast")
    what: str  # "needs scrolling: about 3 lines too long"
    error: bool = True

    def __str__(self) -> str:
        return f"{self.file}: {'' if self.error else 'warning: '}{self.setting}: {self.screen} {self.what}"


def every_variant(languages: list[str]) -> list[Variant]:
    """Every language, calm setting and text size. High contrast is laid out as the normal look:
    its screens and pages differ only in their colours (the style sheet and the pages take a
    colour set and a text size, nothing else; tests/system/test_fit.py holds that true), and
    laying it out again would double the check's time."""
    return [Variant(lang, calm, False, size) for lang, calm, size
            in itertools.product(languages, (False, True), range(len(SIZES)))]


def check_fit(kiosk: Kiosk, variants: list[Variant] | None = None) -> list[Finding]:
    """Every screen in each of ``variants`` (all of them, unless given), judged as it opens."""
    content = kiosk.book.content
    found: list[Finding] = []
    chosen = variants if variants is not None else every_variant(list(content.languages))
    for variant, name in _screens(kiosk, chosen):
        if name.rsplit("/", 1)[-1] in NOT_JUDGED or name.startswith("staff/"):
            continue
        found.extend(f for f in judge(kiosk, variant) if f not in found)
    return found


def _screens(kiosk: Kiosk, variants: list[Variant]) -> Iterator[tuple[Variant, str]]:
    for variant in variants:
        for name in every_screen(kiosk, variants=[variant]):
            if not name.startswith("staff/"):
                yield variant, name
        # The screens of the visit just ended, deleted now: outside an event loop Qt would keep
        # them all, and each restyle after would take longer.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def setting_words(content: Content, variant: Variant) -> str:
    words = [content.language(variant.language).ui.language_name, f"{SIZES[variant.size_steps]} text"]
    words += ["calm mode"] * variant.calm + ["high contrast"] * variant.high_contrast
    return ", ".join(words)


def judge(kiosk: Kiosk, variant: Variant) -> list[Finding]:
    """What doesn't fit on the screen shown now."""
    normal = variant.size_steps == 0
    screen_id = kiosk.router.current
    screen, page_file = screen_words(kiosk, screen_id, variant)
    setting = setting_words(kiosk.book.content, variant)
    page_text = _read(page_file)
    ui_file = _language_folder(kiosk.book.content, variant.language) / "ui.yaml"
    found: list[tuple[Path, str, bool]] = []  # (file, what, error)

    def file_of(words: str) -> Path:
        core = words.replace("\u00a0", " ").strip(" \u2190\u2192\u2713+").split("\n")[0][:30]
        return page_file if page_file and core and core in page_text else ui_file

    window = kiosk.window
    phone = kiosk.book.content.clinic.phone or ""
    shown_screen = window.stack.currentWidget()  # the stack is as wide as its widest screen, shown or not
    too_wide = shown_screen.minimumSizeHint().width() - TABLET_SIZE[0] if shown_screen is not None else 0
    # Qt widens the window for words that can't wrap, and the screen's edge cuts it.
    if shown_screen is not None and too_wide > 0:
        widest = max((w for w in shown_under(shown_screen) if words_of(w)), key=lambda w: w.minimumSizeHint().width())
        found.append((file_of(words_of(widest)), f"is {too_wide} px wider than the screen: "
                      f"'{short(words_of(widest))}' can't wrap to fit", True))
    for widget in shown_under(window):
        if isinstance(widget, QAbstractScrollArea) and (cut := cut_at_edge(widget)) is not None:
            found.append((file_of(cut) if page_file is None or not isinstance(widget, QTextEdit) else page_file,
                          f"rests with the line '{short(cut)}' cut in half at the bottom of its scrolling part", True))
        if isinstance(widget, QTextEdit):
            one_screen = screen_id.kind is ScreenKind.REGION
            found.extend((page_file or ui_file, what, error)
                         for what, error in judge_page(widget, phone, normal, one_screen))
            continue
        text = words_of(widget)
        if not text:
            continue
        shown, by_scrolling = visible_part(widget)
        whole = shown.size() == widget.size()
        if not whole and not by_scrolling:
            found.append((file_of(text), f"cuts off '{short(text)}' at the edge of the screen", True))
        elif not whole and normal and (is_control(widget) or (phone and phone in text)):
            what = "the clinic's phone number" if phone and phone in text else f"'{short(text)}'"
            found.append((file_of(text), f"puts {what} below the bottom of the screen", True))
        if overflows(widget, text):
            found.append((file_of(text), f"has no room for all of '{short(text)}': words are cut", True))
        elif normal and isinstance(widget, QLabel) and title_or_button(widget) and lonely_last_word(widget):
            found.append((file_of(text), f"leaves the last word of '{short(text)}' alone on its line", True))
    return [Finding(screen, display_path(path), setting, what, error) for path, what, error in dict.fromkeys(found)]


def screen_words(kiosk: Kiosk, screen_id: ScreenId, variant: Variant) -> tuple[str, Path | None]:
    """The screen as staff know it, and the file its page's words come from."""
    content = kiosk.book.content
    language = content.language(variant.language)
    folder = _language_folder(content, variant.language)
    kind = screen_id.kind
    if kind is ScreenKind.REGION and screen_id.region:
        region = language.regions.get(screen_id.region) or content.base.regions[screen_id.region]
        tabs = kiosk.book.region_page_titles(variant.language, screen_id.region)
        tab = tabs[screen_id.step] if screen_id.step < len(tabs) else ""
        return f"the '{tab}' tab of {region.name}", region_path(folder, screen_id.region)
    if kind is ScreenKind.WALKTHROUGH:
        walkthrough = language.walkthrough or content.base.walkthrough
        steps = walkthrough.steps if walkthrough else ()
        step = steps[screen_id.step] if screen_id.step < len(steps) else None
        title = (step.calm_title if variant.calm and step and step.calm_title else step.title) if step else ""
        about = f" for {language.regions[screen_id.region].name}" if screen_id.region in language.regions else ""
        return (f"step {screen_id.step + 1} of the walkthrough{about}, '{title}',",
                folder / "walkthrough.yaml")
    if kind is ScreenKind.PRECAUTIONS:
        return f"the '{(language.precautions or content.base.precautions or _Untitled()).title}' page", \
            folder / "precautions.yaml"
    if kind is ScreenKind.SOURCES:
        return f"the '{(language.sources or content.base.sources or _Untitled()).title}' page", \
            folder / "sources.yaml"
    if kind is ScreenKind.QUESTIONS:
        return "the questions list", folder / "questions.yaml"
    if kind is ScreenKind.CARD:
        return "the therapist card", None
    if kind is ScreenKind.ATTRACT:
        return "the welcome screen", None
    return "the home screen", None


@dataclass(frozen=True)
class _Untitled:
    title: str = ""


def _language_folder(content: Content, code: str) -> Path:
    return content.folder if code == BASE_LANGUAGE else content.folder / "lang" / code


def _read(path: Path | None) -> str:
    try:
        return path.read_text(encoding="utf-8") if path else ""
    except (OSError, UnicodeDecodeError):
        return ""


def check_folder(content_dir: Path) -> list[Finding]:
    """The fit of every screen of ``content_dir``: the kiosk built offscreen at tablet size."""
    from kiosk.ui.app import application, build_kiosk

    # Read aloud present, as on a tablet with a voice: its controls take room on every screen.
    os.environ.setdefault("KIOSK_SPEECH_ENGINE", "mock")
    application(offscreen=True)
    kiosk = build_kiosk(content_dir)
    kiosk.window.resize(*TABLET_SIZE)
    kiosk.window.show()
    kiosk.read_aloud.load_and_wait()
    kiosk.idle.set_seconds(24 * 60 * 60)  # nobody touches a check: "Still reading?" must not cover it
    try:
        QApplication.processEvents()
        return check_fit(kiosk)
    finally:
        kiosk.window.close()
