"""The reading screens' header: one widget, one way back, worded the same wherever it leads home."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.ui.widgets.readingheader import ReadingHeader
from kiosk.visit.screens import HOME, PRECAUTIONS, SOURCES, ScreenId
from tests.helpers import edit

HOME_WORD = {"en": "Home", "es": "Inicio"}


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_way_back_to_the_body_map_says_what_the_region_screen_says(make_window, qtbot, language):
    window = make_window()
    window.set_language(language)
    window.show_region("calves")
    on_region = window.shown_screen.back_button.text()
    assert on_region == f"\u2190  {HOME_WORD[language]}"
    for show, screen_id in ((window.show_precautions, PRECAUTIONS), (window.show_sources, SOURCES)):
        show()
        assert window.current_screen() == screen_id
        back = window.shown_screen.back_button
        assert back.text() == on_region
        assert back.accessibleName() == HOME_WORD[language]  # heard without the arrow
        with qtbot.waitSignal(window.screenChanged) as changed:
            back.click()
        assert changed.args == ["home"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_precautions_opened_from_a_region_say_they_go_back_to_it(make_window, qtbot, language):
    window = make_window()
    window.set_language(language)
    window.show_region("quads")
    name = window.shown_screen.title.text()
    window.shown_screen.precautions_button.click()
    back = window.shown_screen.back_button
    assert back.text() == f"\u2190  {name}"
    back.click()
    assert window.current_screen() == ScreenId.for_region("quads")


def test_a_long_region_name_is_shortened_on_the_way_back_and_heard_whole(make_window, content_copy):
    long_name = "Calf muscles, as our clinic calls them"
    edit(content_copy / "regions" / "calves.yaml", "name: Calves and shins", f"name: {long_name}")
    window = make_window(content_copy)
    window.show_region("calves")
    window.shown_screen.precautions_button.click()
    back = window.shown_screen.back_button
    assert back.accessibleName() == long_name
    assert back.text().endswith("\u2026") and len(back.text()) < len(long_name)
    assert window.shown_screen.minimumSizeHint().width() <= 1280


@pytest.mark.parametrize("open_screen", ["show_precautions", "show_sources", "show_questions", "show_card"])
def test_each_reading_screen_has_the_one_header_and_it_works(make_window, qtbot, open_screen):
    window = make_window()
    window.show_region("foot")
    getattr(window, open_screen)()
    screen = window.shown_screen
    shown = window.current_screen()
    assert isinstance(screen.header, ReadingHeader) and screen.header.isVisible()
    assert screen.back_button is screen.header.back_button
    scale = window.visit.text_scale
    screen.text_size_button.click()  # the screen is shown again, in the next size
    assert window.visit.text_scale > scale and window.current_screen() == shown
    assert window.shown_screen.text_size_button.size_name == window.language.ui.text_size_large
    qtbot.keyClick(window.shown_screen, Qt.Key.Key_Escape)  # Esc still goes back
    assert window.current_screen() != shown


def test_the_safe_page_for_a_broken_screen_goes_home_and_says_so(make_window, content_copy):
    (content_copy / "sources.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    window = make_window(content_copy)
    window.show_sources()
    screen = window.shown_screen
    assert "being updated" in screen.text()
    assert screen.back_button.accessibleName() == "Home"
    screen.back_button.click()
    assert window.current_screen() == HOME


@pytest.mark.parametrize(("language", "word"), [("en", "Back"), ("es", "Volver")])
def test_questions_and_card_go_back_to_the_screen_that_opened_them_and_say_so(make_window, qtbot, language, word):
    window = make_window()
    window.set_language(language)
    window.show_region("hamstrings")
    window.shown_screen.questions_button.click()
    questions = window.shown_screen
    assert questions.back_button.text() == f"\u2190  {word}"
    questions.ticks.card_button.click()
    card = window.shown_screen
    assert card.back_button.text() == f"\u2190  {word}"
    card.back_button.click()  # to the questions...
    assert window.shown_screen.back_button.text() == f"\u2190  {word}"
    window.shown_screen.back_button.click()  # ...and to the region they were opened from
    assert window.current_screen() == ScreenId.for_region("hamstrings")
