"""A patient reading a region's second or third tab asks a question, looks at the card, and
comes back to the tab they were reading, not the first: the way back is the typed history,
which keeps the region at the page the patient left it on."""

from PySide6.QtCore import Qt

from kiosk.visit.card import Tick
from kiosk.visit.screens import CARD, QUESTIONS, ScreenId, ScreenKind
from tests.support.finger import tap


def go(kiosk, qtbot, button):
    with qtbot.waitSignal(kiosk.window.screenChanged):
        tap(button)
    return kiosk.router.screen


def reading_tab(kiosk, qtbot, region_id, tab):
    region = go(kiosk, qtbot, kiosk.home.region_buttons[region_id])
    with qtbot.waitSignal(region.pageChanged):
        tap(region.tabs[tab])
    return region


def assert_on_tab(kiosk, region_id, tab):
    screen = kiosk.router.screen
    assert kiosk.router.current == ScreenId.for_region(region_id, tab)
    assert screen.index == tab and screen.tabs[tab].isChecked()
    assert not any(t.isChecked() for n, t in enumerate(screen.tabs) if n != tab)
    assert screen.view.page is kiosk.stage.pages().region(kiosk.visit.language, kiosk.visit.calm, region_id, tab)


def test_back_from_the_questions_and_the_card_is_the_tab_being_read(make_kiosk, qtbot):
    kiosk = make_kiosk()
    region = reading_tab(kiosk, qtbot, "calves", 2)
    questions = go(kiosk, qtbot, region.questions_button)
    assert kiosk.router.current == QUESTIONS
    tap(questions.ticks.boxes[Tick.question("run-tomorrow")])
    card = go(kiosk, qtbot, questions.ticks.card_button)
    assert kiosk.router.current == CARD
    go(kiosk, qtbot, card.back_button)  # the card, back to the questions
    assert kiosk.router.current == QUESTIONS
    go(kiosk, qtbot, kiosk.router.screen.back_button)
    assert_on_tab(kiosk, "calves", 2)


def test_back_by_esc_from_the_questions_is_the_tab_being_read(make_kiosk, qtbot):
    kiosk = make_kiosk()
    region = reading_tab(kiosk, qtbot, "hamstrings", 1)
    questions = go(kiosk, qtbot, region.questions_button)
    with qtbot.waitSignal(kiosk.window.screenChanged):
        qtbot.keyClick(questions, Qt.Key.Key_Escape)
    assert_on_tab(kiosk, "hamstrings", 1)


def test_the_card_from_the_precautions_comes_back_to_the_tab(make_kiosk, qtbot):
    kiosk = make_kiosk()
    region = reading_tab(kiosk, qtbot, "foot", 2)
    precautions = go(kiosk, qtbot, region.precautions_button)
    assert kiosk.router.current == ScreenId(ScreenKind.PRECAUTIONS, "foot")
    tap(precautions.ticks.boxes[Tick.precaution(0)])
    card = go(kiosk, qtbot, precautions.ticks.card_button)
    go(kiosk, qtbot, card.back_button)
    go(kiosk, qtbot, kiosk.router.screen.back_button)
    assert_on_tab(kiosk, "foot", 2)


def test_a_bigger_text_size_on_the_questions_still_comes_back_to_the_tab(make_kiosk, qtbot):
    """A new text size makes every screen again (the region's too): the history still knows the tab."""
    kiosk = make_kiosk()
    region = reading_tab(kiosk, qtbot, "calves", 1)
    questions = go(kiosk, qtbot, region.questions_button)
    tap(questions.text_size_button)
    qtbot.waitUntil(lambda: kiosk.router.screen is not questions and kiosk.router.current == QUESTIONS)
    go(kiosk, qtbot, kiosk.router.screen.back_button)
    assert_on_tab(kiosk, "calves", 1)
