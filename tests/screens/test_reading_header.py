"""The reading screens' header: one widget, one way back, worded the same wherever it leads home."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.ui.widgets.readingheader import ReadingHeader
from kiosk.visit.card import Tick
from kiosk.visit.screens import CARD, HOME, PRECAUTIONS, QUESTIONS, SOURCES, ScreenId
from tests.support.content import edit

HOME_WORD = {"en": "Home", "es": "Inicio"}


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_way_back_to_the_body_map_says_what_the_region_screen_says(make_kiosk, qtbot, language):
    kiosk = make_kiosk()
    kiosk.set_language(language)
    kiosk.router.show(ScreenId.for_region("calves"))
    on_region = kiosk.router.screen.back_button.text()
    assert on_region == f"\u2190  {HOME_WORD[language]}"
    for screen_id in (PRECAUTIONS, SOURCES):
        kiosk.router.show(screen_id)
        assert kiosk.router.current == screen_id
        back = kiosk.router.screen.back_button
        assert back.text() == on_region
        assert back.accessibleName() == HOME_WORD[language]  # heard without the arrow
        with qtbot.waitSignal(kiosk.window.screenChanged) as changed:
            back.click()
        assert changed.args == ["home"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_precautions_opened_from_a_region_say_they_go_back_to_it(make_kiosk, qtbot, language):
    kiosk = make_kiosk()
    kiosk.set_language(language)
    kiosk.router.show(ScreenId.for_region("quads"))
    name = kiosk.router.screen.title.text()
    kiosk.router.screen.precautions_button.click()
    back = kiosk.router.screen.back_button
    assert back.text() == f"\u2190  {name}"
    back.click()
    assert kiosk.router.current == ScreenId.for_region("quads")


def test_a_long_region_name_is_shortened_on_the_way_back_and_heard_whole(make_kiosk, content_copy):
    long_name = "Calf muscles, as our clinic calls them"
    edit(content_copy / "regions" / "calves.yaml", "name: Calves and shins", f"name: {long_name}")
    kiosk = make_kiosk(content_copy)
    kiosk.router.show(ScreenId.for_region("calves"))
    kiosk.router.screen.precautions_button.click()
    back = kiosk.router.screen.back_button
    assert back.accessibleName() == long_name
    assert back.text().endswith("\u2026") and len(back.text()) < len(long_name)
    assert kiosk.router.screen.minimumSizeHint().width() <= 1280


@pytest.mark.parametrize("open_screen", [PRECAUTIONS, SOURCES, QUESTIONS, CARD], ids=lambda s: s.name)
def test_each_reading_screen_has_the_one_header_and_it_works(make_kiosk, qtbot, open_screen):
    kiosk = make_kiosk()
    kiosk.router.show(ScreenId.for_region("foot"))
    kiosk.router.show(open_screen)
    screen = kiosk.router.screen
    shown = kiosk.router.current
    assert isinstance(screen.header, ReadingHeader) and screen.header.isVisible()
    assert screen.back_button is screen.header.back_button
    scale = kiosk.visit.text_scale
    screen.text_size_button.click()  # the screen is shown again, in the next size
    assert kiosk.visit.text_scale > scale and kiosk.router.current == shown
    assert kiosk.router.screen.text_size_button.size_name == kiosk.language.ui.text_size_large
    qtbot.keyClick(kiosk.router.screen, Qt.Key.Key_Escape)  # Esc still goes back
    assert kiosk.router.current != shown


def test_the_safe_page_for_a_broken_screen_goes_home_and_says_so(make_kiosk, content_copy):
    (content_copy / "sources.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    kiosk = make_kiosk(content_copy)
    kiosk.router.show(SOURCES)
    screen = kiosk.router.screen
    assert "being updated" in screen.text()
    assert screen.back_button.accessibleName() == "Home"
    screen.back_button.click()
    assert kiosk.router.current == HOME


@pytest.mark.parametrize(("language", "word"), [("en", "Back"), ("es", "Volver")])
def test_questions_and_card_go_back_to_the_screen_that_opened_them_and_say_so(make_kiosk, qtbot, language, word):
    """The way back names where it goes: the region's name to its region, "Home" to the body
    map, and "Back" to another list (the card opened from the questions)."""
    kiosk = make_kiosk()
    kiosk.set_language(language)
    kiosk.router.show(ScreenId.for_region("hamstrings"))
    region = kiosk.router.screen.title.text()
    kiosk.router.screen.questions_button.click()
    questions = kiosk.router.screen
    assert questions.back_button.text() == f"\u2190  {region}"
    questions.ticks.card_button.click()
    card = kiosk.router.screen
    assert card.back_button.text() == f"\u2190  {word}"
    card.back_button.click()  # to the questions...
    assert kiosk.router.screen.back_button.text() == f"\u2190  {region}"
    kiosk.router.screen.back_button.click()  # ...and to the region they were opened from
    assert kiosk.router.current == ScreenId.for_region("hamstrings")
    kiosk.show_home()
    kiosk.home.precautions_button.click()
    kiosk.router.screen.ticks.card_button.click()
    assert kiosk.router.screen.back_button.text() == f"\u2190  {word}"  # to the precautions: another list
    kiosk.tick(Tick.precaution(0), True)
    kiosk.show_home()
    kiosk.home.card_button.click()  # the card from home: its way back says so
    assert kiosk.router.screen.back_button.text() == f"\u2190  {HOME_WORD[language]}"
