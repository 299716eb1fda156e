"""Each kind of screen made alone: from its pages and a ScreenContext (ScreenMaker, over a Stage),
with no window, no kiosk and no wiring, then shown at the tablet's size and driven with real
clicks. What a content editor's preview and a fit checker will do with every screen."""

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.settings.values import Settings
from kiosk.ui.screens.maker import ScreenMaker
from kiosk.visit.card import TherapistCard, Tick
from kiosk.visit.patient import fresh_visit
from kiosk.visit.screens import CARD, HOME, PRECAUTIONS, QUESTIONS, SOURCES, ScreenId
from kiosk.visit.stage import Stage
from tests.support.content import SHIPPED_CONTENT
from tests.support.finger import click

TABLET = (1280, 800)


@pytest.fixture(scope="module")
def stage(qapp):
    from kiosk.ui.app import read_content
    from kiosk.ui.look.theme import app_font

    qapp.setFont(app_font())
    book, art = read_content(SHIPPED_CONTENT)
    return Stage(book, art, fresh_visit(Settings(), book.content.languages))


def alone(qtbot, stage, screen_id):
    """The screen ``screen_id`` names, made by the maker alone and shown as its own window."""
    screen = ScreenMaker().make(screen_id, stage.scene())
    qtbot.addWidget(screen)
    assert screen.parent() is None, "made without a window"
    screen.resize(*TABLET)
    screen.show()
    qtbot.waitExposed(screen)
    QApplication.processEvents()
    return screen


def test_home_alone_opens_a_region_from_its_button(qtbot, stage):
    home = alone(qtbot, stage, HOME)
    with qtbot.waitSignal(home.regionChosen) as chosen:
        click(home.region_buttons["calves"])
    assert chosen.args == ["calves"]
    with qtbot.waitSignal(home.languageChosen) as language:
        click(home.language_buttons["es"])
    assert language.args == ["es"]


def test_a_region_alone_turns_its_tabs_and_asks_to_go_back(qtbot, stage):
    region = alone(qtbot, stage, ScreenId.for_region("hamstrings"))
    assert region.text().startswith("Hamstrings")
    with qtbot.waitSignal(region.pageChanged) as turned:
        click(region.tabs[2])
    assert turned.args == [2]
    with qtbot.waitSignal(region.walkthroughRequested):
        click(region.walkthrough_button)
    with qtbot.waitSignal(region.backRequested):
        click(region.back_button)


def test_the_walkthrough_alone_steps_on_and_back(qtbot, stage):
    walkthrough = alone(qtbot, stage, ScreenId.walkthrough("quads"))
    with qtbot.waitSignal(walkthrough.stepChanged) as stepped:
        click(walkthrough.next_button)
    assert stepped.args == [1]
    with qtbot.waitSignal(walkthrough.stepChanged) as stepped:
        click(walkthrough.previous_button)
    assert stepped.args == [0]
    assert walkthrough.home_button.accessibleName() == stage.scene().region_names()["quads"]
    with qtbot.waitSignal(walkthrough.homeRequested):
        click(walkthrough.home_button)


@pytest.mark.parametrize("screen_id", [PRECAUTIONS, QUESTIONS], ids=lambda s: s.name)
def test_a_tick_list_alone_says_what_was_ticked_and_asks_for_the_card(qtbot, stage, screen_id):
    screen = alone(qtbot, stage, screen_id)
    tick, box = next(iter(screen.ticks.boxes.items()))
    assert isinstance(tick, Tick)
    with qtbot.waitSignal(screen.tickToggled) as toggled:
        click(box)
    assert toggled.args == [tick, True]
    with qtbot.waitSignal(screen.cardRequested):
        screen.ticks.card_button.click()  # below the fold: pressed as a screen reader would
    with qtbot.waitSignal(screen.backRequested):
        click(screen.back_button)


def test_sources_and_the_card_alone_go_back_and_grow_their_text(qtbot, stage):
    sources = alone(qtbot, stage, SOURCES)
    assert sources.text().strip()
    with qtbot.waitSignal(sources.textSizeRequested):
        click(sources.text_size_button)
    empty = alone(qtbot, stage, CARD)
    assert empty.lines == [] and not empty.clear_button.isVisible(), "nothing to clear"
    stage.card = TherapistCard().with_tick(Tick.precaution(0), True)
    try:
        card = alone(qtbot, stage, CARD)
    finally:
        stage.card = TherapistCard()
    assert len(card.lines) == 1
    with qtbot.waitSignal(card.clearRequested):
        click(card.clear_button)
    with qtbot.waitSignal(card.backRequested):
        click(card.back_button)


def test_the_walkthrough_alone_opens_its_overview_and_asks_for_the_pause(qtbot, stage):
    walk = alone(qtbot, stage, ScreenId.walkthrough("calves"))
    click(walk.progress)
    assert walk.overview_open and walk.overview.buttons[4].text() == "5.  How long it takes"
    with qtbot.waitSignal(walk.stepChanged) as turned:
        click(walk.overview.buttons[4])
    assert turned.args == [4] and not walk.overview_open
    with qtbot.waitSignal(walk.pauseRequested):
        click(walk.stop_banner)


def test_the_pause_alone_names_the_step_it_goes_back_to(qtbot, stage):
    pause = alone(qtbot, stage, ScreenId.pause())
    pause.start_over(4)  # as the router shows it for step 5
    assert pause.carry_on_button.text() == "Carry on at step 5"
    with qtbot.waitSignal(pause.backRequested):
        click(pause.carry_on_button)
