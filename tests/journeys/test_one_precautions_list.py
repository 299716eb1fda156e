"""'Tell your therapist first if...' is one list: each item is its own tick box holding its
heading and what it means, the clinic's opening and closing words scroll with the boxes, and
one scroll bar moves it all. A patient reads an item, ticks it, and finds it on the card."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea

from kiosk.visit.card import Tick
from kiosk.visit.screens import CARD
from tests.support.finger import drag, tap


def open_precautions(kiosk, qtbot):
    with qtbot.waitSignal(kiosk.window.screenChanged):
        tap(kiosk.home.precautions_button)
    return kiosk.router.screen


def scroll_areas_shown(screen):
    return [area for area in screen.findChildren(QScrollArea) if area.isVisible()]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size_steps", [0, 1, 2])
def test_each_item_is_one_tick_box_with_its_meaning_in_one_scrolling_list(make_kiosk, qtbot, language, size_steps):
    kiosk = make_kiosk()
    kiosk.set_language(language)
    for _ in range(size_steps):
        kiosk.cycle_text_size()
    screen = open_precautions(kiosk, qtbot)
    page = kiosk.language.precautions
    assert scroll_areas_shown(screen) == [screen.ticks.scroller], "one list, one scroll bar"
    boxes = list(screen.ticks.boxes.values())
    assert [box.text() for box in boxes] == [item.heading for item in page.items]
    assert [box.detail.text() for box in boxes] == [item.text.text for item in page.items]
    words = screen.words_shown()
    for item in page.items:  # each said once: not in a column of text and again beside a box
        assert sum(item.heading in said for said in words) == 1
    # The "ask your therapist first" meaning stays: the page's title and opening words come first.
    assert words[0] == page.title and words[1] == page.intro[0].text
    assert any(page.closing[-1].text in said for said in words)
    # At the bottom, its closing words and the card's button, both whole on screen.
    bar = screen.ticks.scroller.verticalScrollBar()
    assert bar.maximum() > 0
    viewport = screen.ticks.scroller.viewport()
    drag(viewport, QPoint(viewport.width() // 2, viewport.height() - 20), QPoint(0, -20 * viewport.height()))
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    last = boxes[-1]
    assert last.visibleRegion().boundingRect().height() == last.height()
    button = screen.ticks.card_button
    assert button.visibleRegion().boundingRect().size() == button.size()


def test_calm_mode_gives_an_item_its_gentler_meaning(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.set_calm(True)
    screen = open_precautions(kiosk, qtbot)
    thinners = kiosk.language.precautions.items[2]
    assert thinners.text.graphic and thinners.text.calm
    assert screen.ticks.boxes[Tick.precaution(2)].detail.text() == thinners.text.calm


def test_a_tap_on_an_items_words_ticks_it_for_the_card(make_kiosk, qtbot):
    kiosk = make_kiosk()
    screen = open_precautions(kiosk, qtbot)
    box = screen.ticks.boxes[Tick.precaution(1)]
    detail = box.detail
    tap(detail, QPoint(detail.width() // 2, detail.height() // 2))  # on its explanation, not the little box
    qtbot.waitUntil(box.isChecked)
    assert Tick.precaution(1) in kiosk.card
    with qtbot.waitSignal(kiosk.window.screenChanged):
        tap(screen.ticks.card_button)
    assert kiosk.router.current == CARD
    card_words = [label.text() for label, _ in kiosk.router.screen.lines]
    assert any(kiosk.language.precautions.items[1].card in words for words in card_words)


def test_a_screen_reader_hears_each_box_with_its_meaning(make_kiosk, qtbot):
    kiosk = make_kiosk()
    screen = open_precautions(kiosk, qtbot)
    item = kiosk.language.precautions.items[0]
    box = screen.ticks.boxes[Tick.precaution(0)]
    assert box.accessibleName() == item.heading and box.accessibleDescription() == item.text.text
