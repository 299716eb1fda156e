"""A patient who has ticked a precaution or added a question finds "Show my therapist" on home,
at the top of the map's free corner beside the title, and opens the card from there; a patient
who hasn't sees no such button. It costs home nothing: the column keeps every control whole."""

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from kiosk.visit.card import Tick
from kiosk.visit.screens import CARD, HOME
from tests.support.finger import tap
from tests.support.fingertip import FINGERTIP_PX, SIZES, lattice
from tests.support.fingertip import tap as tap_at
from tests.support.steps import tablet


def whole_on_screen(kiosk, widget):
    on_window = QRect(widget.mapTo(kiosk.window, QPoint(0, 0)), widget.size())
    return (widget.isVisible() and kiosk.window.rect().contains(on_window)
            and widget.visibleRegion().boundingRect() == widget.rect())


def go(kiosk, qtbot, button):
    with qtbot.waitSignal(kiosk.window.screenChanged):
        tap(button)


def test_the_card_is_on_home_once_something_is_ticked_and_gone_when_cleared(make_kiosk, qtbot):
    kiosk = make_kiosk()
    assert not kiosk.home.card_button.isVisible(), "nothing ticked: not in the way"
    assert kiosk.home.prompt.isVisible()
    go(kiosk, qtbot, kiosk.home.precautions_button)
    ticks = kiosk.router.screen.ticks
    ticks.scroller.ensureWidgetVisible(ticks.boxes[Tick.precaution(2)])  # a patient scrolls to it first
    tap(ticks.boxes[Tick.precaution(2)])
    go(kiosk, qtbot, kiosk.router.screen.back_button)
    assert kiosk.router.current == HOME
    home = kiosk.home
    assert whole_on_screen(kiosk, home.card_button)
    assert home.card_button.text() == kiosk.language.ui.card_from_home
    go(kiosk, qtbot, home.card_button)
    assert kiosk.router.current == CARD
    assert kiosk.router.screen.lines, "the card shows what was ticked"
    tap(kiosk.router.screen.clear_button)  # the therapist's one tap
    qtbot.waitUntil(lambda: not kiosk.card)
    go(kiosk, qtbot, kiosk.router.screen.back_button)
    assert kiosk.router.current == HOME and not kiosk.home.card_button.isVisible()
    assert kiosk.home.prompt.isVisible()


def test_a_question_added_on_a_region_brings_the_card_to_home_in_spanish(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.set_language("es")
    go(kiosk, qtbot, kiosk.home.region_buttons["calves"])
    go(kiosk, qtbot, kiosk.router.screen.questions_button)
    tap(kiosk.router.screen.ticks.boxes[Tick.question("run-tomorrow")])
    go(kiosk, qtbot, kiosk.router.screen.back_button)
    go(kiosk, qtbot, kiosk.router.screen.back_button)
    assert kiosk.router.current == HOME
    assert whole_on_screen(kiosk, kiosk.home.card_button)
    assert kiosk.home.card_button.text() == kiosk.book.content.language("es").ui.card_from_home


def test_the_next_patient_finds_no_card_on_home(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.tick(Tick.precaution(0), True)
    kiosk.show_home()
    assert kiosk.home.card_button.isVisible()
    kiosk.reset_for_next_patient()
    kiosk.show_home()
    assert not kiosk.home.card_button.isVisible()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "es"])
def test_with_the_card_shown_home_keeps_every_control_whole_and_the_card_takes_a_fingertip(
        make_kiosk, qtbot, language, size):
    kiosk = tablet(make_kiosk, language, SIZES[size])
    kiosk.tick(Tick.precaution(0), True)
    kiosk.show_home()
    QApplication.processEvents()
    home = kiosk.home
    button = home.card_button
    assert whole_on_screen(kiosk, button)
    assert button.width() >= FINGERTIP_PX and button.height() >= FINGERTIP_PX
    words = button.findChildren(type(home.prompt))
    assert all(w.visibleRegion().boundingRect() == w.rect() for w in words), "its words are whole"
    # The corner still shows Read aloud and audio mode whole; the column is as it was.
    corner = [home.read_aloud_button, home.audio_mode_toggle] if home.read_aloud_button.isVisible() else []
    for widget in corner:
        assert whole_on_screen(kiosk, widget)
        assert not widget.geometry().intersects(button.geometry())
    if size == "normal-text":
        assert whole_on_screen(kiosk, home.calm_toggle)
    # Real taps across a fingertip's square open the card.
    heard = []
    home.cardRequested.connect(lambda: heard.append(True))
    for touch in (False, True):
        for point in lattice(button, (0, 32, 63)):
            heard.clear()
            tap_at(kiosk, button, point, touch)
            assert heard == [True], f"a tap at {point.x()},{point.y()} of the card's button did nothing"
            assert kiosk.router.current == CARD
            kiosk.show_home()
