"""Every screen fits the tablet: the fit checker over the shipped content, over a clinic's edit
through --check-content, and over a pseudo-language 40% longer than English."""

import sys

import pytest

from kiosk.ui.offscreen.fit import check_fit, every_variant
from kiosk.ui.offscreen.tour import Variant, tour_variants
from tests.support.content import add_long_spanish_tip, edit
from tests.support.pseudo import PSEUDO, add_pseudo_language, pseudo_text

pytestmark = pytest.mark.slow
# Laying out every screen in every setting takes minutes under Wine. The layout is Qt's with the
# kiosk's own typeface on both systems, and on Windows the installed kiosk-console.exe
# --check-content lays out every screen of the shipped content (packaging/windows/under_wine.sh).
EVERY_SCREEN = pytest.mark.skipif(sys.platform == "win32", reason="every screen laid out: under_wine.sh does it")


@EVERY_SCREEN
def test_every_screen_of_the_shipped_content_fits_in_every_setting(make_kiosk):
    kiosk = make_kiosk(speech=True)  # Read aloud's controls take room, as on a tablet with a voice
    found = check_fit(kiosk)
    assert [str(f) for f in found if f.error] == []


@EVERY_SCREEN
def test_check_content_names_the_file_and_the_screen_a_long_spanish_tip_no_longer_fits(content_copy):
    from tests.support.commands import kiosk_command as kiosk

    path = add_long_spanish_tip(content_copy)
    result = kiosk("--check-content", content_copy)
    assert result.returncode == 1, result.stdout
    [line] = [line for line in result.stdout.splitlines() if line.startswith(f"{path}: ") and "scrolling" in line]
    assert "Español, normal text" in line
    assert "the 'Qué puede ayudar' tab of Pantorrillas y espinillas needs scrolling: about " in line
    assert len(result.stdout.splitlines()) <= 10, result.stdout  # still short


def test_the_pseudo_language_is_accented_and_longer_and_keeps_what_the_kiosk_fills_in():
    made = pseudo_text("Questions or worries? Call us on {phone}.")
    assert made.startswith("[Qûéšţîöñš öŕ ŵöŕŕîéš? Çåļļ ûš öñ {phone}.") and made.endswith("]")
    assert len(made) >= 1.4 * len("Questions or worries? Call us on {phone}.")


@EVERY_SCREEN
def test_every_screen_fits_in_a_language_40_percent_longer_than_english(make_kiosk, content_copy):
    add_pseudo_language(content_copy)
    kiosk = make_kiosk(content_copy, speech=True)
    found = [f for f in check_fit(kiosk, every_variant([PSEUDO])) if f.error]
    # Nothing cut, nothing wider than the screen, no button pushed off at any size; a region's
    # tab may need scrolling at normal text in a language this much longer, and then its last
    # line (the phone) is below the bottom until scrolled to.
    scrolling = {(f.screen, f.setting) for f in found if "needs scrolling" in f.what}
    assert [str(f) for f in found if "needs scrolling" not in f.what
            and not (f.what.endswith("phone number below the bottom of the screen")
                     and (f.screen, f.setting) in scrolling)] == []
    assert all(" tab of " in f.screen for f in found), found


def test_the_tour_shows_every_language_at_every_text_size_and_in_high_contrast():
    variants = tour_variants(["en", "es"])
    for lang in ("en", "es"):
        assert {Variant(lang, False, False, size) for size in range(3)} <= set(variants)
        assert Variant(lang, False, True, 0) in variants and Variant(lang, True, False, 0) in variants


@EVERY_SCREEN
def test_a_word_too_long_for_its_button_is_one_line_naming_its_file(content_copy):
    from tests.support.commands import kiosk_command as kiosk

    path = content_copy / "lang" / "es" / "ui.yaml"
    edit(path, "next_button: Siguiente",
         "next_button: Siguientepasodelasesiónexplicadoconcalmaporfisioterapeutasdeconfianzaytodoelequipo")
    result = kiosk("--check-content", content_copy)
    assert result.returncode == 1, result.stdout
    [line] = [line for line in result.stdout.splitlines() if line.startswith(f"{path}: ")]
    assert "Español, normal text" in line and "step 1 of the walkthrough, 'Antes de empezar' (and " in line
    assert "'Siguientepasodelasesión" in line and "words are cut" in line
    assert len(result.stdout.splitlines()) <= 6, result.stdout  # one line for the word, not one per step


def test_high_contrast_changes_colours_only_so_its_layout_is_the_normal_one(make_kiosk):
    """What lets the fit check lay out each screen once for both contrasts."""
    import re
    from dataclasses import replace

    from kiosk.pages.palette import HIGH_CONTRAST
    from kiosk.ui.look.theme import stylesheet

    def colourless(text: str) -> str:
        return re.sub(r"#[0-9a-fA-F]{3,8}\b|url\([^)]*\)", "C", text)

    kiosk = make_kiosk()
    book = kiosk.book
    clinic_colours = book.content.clinic.colours
    assert clinic_colours != HIGH_CONTRAST
    for scale in (1.0, 1.4, 1.8):
        assert colourless(stylesheet(clinic_colours, scale)) == colourless(stylesheet(HIGH_CONTRAST, scale))
    content = book.content
    contrast = book.restyled(replace(content, clinic=replace(content.clinic, colours=HIGH_CONTRAST)), 1.0)
    for lang in content.languages:
        for region_id in content.region_ids:
            for page in range(len(book.region_page_titles(lang))):
                normal = book.region(lang, False, region_id, page)
                high = contrast.region(lang, False, region_id, page)
                assert normal.html and colourless(normal.html) == colourless(high.html or "")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_home_shows_hide_needle_pictures_and_audio_mode_whole_at_normal_text_with_read_aloud(make_kiosk, lang):
    from PySide6.QtCore import QPoint, QRect

    from tests.support.steps import tablet

    kiosk = tablet(make_kiosk, lang)
    home = kiosk.home
    shown = [home.calm_toggle]
    if lang == "en":  # Qt's mock engine has an English voice only
        assert home.read_aloud_button.isVisible()
        shown.append(home.audio_mode_toggle.checkbox)
    for widget in shown:
        on_window = QRect(widget.mapTo(kiosk.window, QPoint(0, 0)), widget.size())
        assert widget.isVisible() and kiosk.window.rect().contains(on_window), widget.text()
        assert widget.visibleRegion().boundingRect() == widget.rect(), f"{widget.text()!r} is partly hidden"
