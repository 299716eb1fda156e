"""The reset for the next patient can't fail: whatever the countdown, the attract screen or the
read-aloud voice can't draw or say, the last patient's card, ticks and choices are gone."""

import sys
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint

from kiosk.pages.book import load_pages
from kiosk.reading.bodyart import load_art
from kiosk.settings.values import Settings
from kiosk.ui.window import KioskWindow
from kiosk.visit.card import TherapistCard
from kiosk.visit.patient import Visit
from kiosk.visit.screens import ATTRACT, HOME
from tests.conftest import SHIPPED_CONTENT
from tests.helpers import edit


@pytest.fixture
def kiosk(qtbot, qapp):
    """A locked kiosk window whose idle time and countdown are a test's length."""
    from kiosk.ui.look.theme import app_font

    qapp.setFont(app_font())
    made = []

    def make(content=SHIPPED_CONTENT, countdown_seconds=1):
        art = load_art()
        # No quiet spell while the test plays the patient; ``walk_away`` makes it short.
        window = KioskWindow(load_pages(content, art.region_ids), art,
                             Settings(idle_seconds=600, countdown_seconds=countdown_seconds), locked=True)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.watching_people)
        made.append(window)
        return window

    yield make
    for window in made:
        window.locked = False


def a_patient_chooses_and_ticks(window):
    """Spanish, calm mode, large text, two precautions ticked: what the next patient must not see."""
    window.home.language_buttons["es"].click()
    window.home.calm_toggle.click()
    window.home.text_size_button.click()
    window.home.precautions_button.click()
    boxes = list(window.shown_screen.ticks.boxes.values())
    boxes[0].click()
    boxes[2].click()
    assert len(window.card) == 2
    assert window.visit == Visit("es", calm=True, text_scale=1.4)


def walk_away(window):
    """The patient leaves: the kiosk goes quiet a moment later."""
    window.idle.set_seconds(0.2)


def assert_nothing_of_the_last_patient(window):
    assert window.card == TherapistCard()
    assert window.visit == Visit()
    window.show_card()
    assert window.shown_screen.lines == [], "the card the therapist is shown is empty"
    window.show_home()
    window.home.precautions_button.click()
    assert not any(box.isChecked() for box in window.shown_screen.ticks.boxes.values())


def wait_for_the_reset(window, qtbot):
    """Nobody touches the kiosk: the idle time, then the countdown, then the reset."""
    walk_away(window)
    qtbot.waitUntil(lambda: window.card == TherapistCard(), timeout=8000)


BROKEN_WORDS = ["{seconds}}", "{secs}", "{0} seconds", "{seconds:q}", "{seconds!z}", "{"]


@pytest.mark.parametrize("words", BROKEN_WORDS)
def test_countdown_words_that_cant_be_filled_in_show_the_number_and_still_reset(kiosk, qtbot, words, caplog):
    window = kiosk()
    start = window.idle_reset.start_countdown
    window.idle_reset.start_countdown = lambda ui, announce: start(replace(ui, idle_countdown=words), announce)
    a_patient_chooses_and_ticks(window)
    walk_away(window)
    qtbot.waitUntil(lambda: window.countdown is not None, timeout=5000)
    assert window.countdown.message.text() == "1"  # the seconds left, whatever the words
    assert window.countdown.isVisible()
    with qtbot.waitSignal(window.screenChanged, timeout=5000) as changed:
        pass
    assert changed.args == [ATTRACT.name]
    assert "idle_countdown" in caplog.text
    assert_nothing_of_the_last_patient(window)


def test_a_stray_brace_in_the_countdown_words_of_the_content_still_resets(kiosk, qtbot, content_copy):
    """The typo as a clinic makes it, in its ui.yaml (both languages: the patient chose Spanish)."""
    edit(content_copy / "ui.yaml", "{seconds}...", "{seconds}}...")
    edit(content_copy / "lang" / "es" / "ui.yaml", "{seconds}...", "{seconds}}...")
    window = kiosk(content_copy)
    a_patient_chooses_and_ticks(window)
    window.show_home()
    wait_for_the_reset(window, qtbot)
    assert window.current_screen() == ATTRACT
    assert_nothing_of_the_last_patient(window)


def test_a_countdown_that_cant_be_made_at_all_still_resets_when_its_time_is_up(kiosk, qtbot, monkeypatch, caplog):
    from kiosk.ui.screens import countdown

    def broken(self, *args):
        raise FileNotFoundError("a picture the countdown draws is missing")

    monkeypatch.setattr(countdown.CountdownOverlay, "__init__", broken)
    window = kiosk()
    a_patient_chooses_and_ticks(window)
    walk_away(window)
    qtbot.waitUntil(lambda: window.idle_reset.counting, timeout=5000)
    assert window.countdown is None
    with qtbot.waitSignal(window.screenChanged, timeout=5000) as changed:
        pass
    assert changed.args == [ATTRACT.name]
    assert "can't be shown" in caplog.text and "picture the countdown draws is missing" in caplog.text
    assert_nothing_of_the_last_patient(window)


def test_without_its_overlay_a_touch_during_the_countdown_still_keeps_reading(kiosk, qtbot, monkeypatch):
    from kiosk.ui.screens import countdown

    monkeypatch.setattr(countdown.CountdownOverlay, "__init__", lambda self, *args: 1 / 0)
    window = kiosk(countdown_seconds=30)
    a_patient_chooses_and_ticks(window)
    walk_away(window)
    qtbot.waitUntil(lambda: window.idle_reset.counting, timeout=5000)
    with qtbot.waitSignal(window.idle.activity):
        qtbot.mouseMove(window, QPoint(640, 400))  # a hand over the screen
    assert not window.idle_reset.counting
    assert len(window.card) == 2, "the patient was still there: their card stays"


def test_a_read_aloud_voice_that_fails_at_the_countdown_still_resets(kiosk, qtbot, monkeypatch):
    window = kiosk()

    def broken(words):
        raise RuntimeError("the speech engine went away")

    monkeypatch.setattr(window.read_aloud, "announce", broken)
    a_patient_chooses_and_ticks(window)
    wait_for_the_reset(window, qtbot)
    assert_nothing_of_the_last_patient(window)


@pytest.mark.qt_no_exception_capture
def test_an_attract_screen_that_cant_be_drawn_still_resets_and_shows_home(kiosk, qtbot, monkeypatch):
    from kiosk.ui.app import _catch_everything
    from kiosk.ui.screens import attract

    window = kiosk()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    _catch_everything(window)
    monkeypatch.setattr(attract.AttractScreen, "__init__", lambda self, *args: 1 / 0)
    a_patient_chooses_and_ticks(window)
    wait_for_the_reset(window, qtbot)
    qtbot.waitUntil(lambda: window.current_screen() == HOME, timeout=5000)
    assert window.home.language_buttons["en"].isChecked() and not window.home.calm_toggle.isChecked()
    assert_nothing_of_the_last_patient(window)
    # The idle timer started again: the next patient's ticks go at the next quiet spell too.
    window.idle.set_seconds(600)
    window.show_home()
    a_patient_chooses_and_ticks(window)
    wait_for_the_reset(window, qtbot)
    assert_nothing_of_the_last_patient(window)


@pytest.mark.qt_no_exception_capture
def test_an_error_during_the_countdown_doesnt_cancel_the_reset(kiosk, qtbot, monkeypatch):
    """The unexpected-error handler goes home; the countdown runs on and resets."""
    from kiosk.ui.app import _catch_everything

    window = kiosk(countdown_seconds=2)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    _catch_everything(window)
    a_patient_chooses_and_ticks(window)
    walk_away(window)
    qtbot.waitUntil(lambda: window.countdown is not None, timeout=5000)
    window.idle.set_seconds(600)  # no second quiet spell: only this countdown can reset
    window.recover()  # what an error anywhere meanwhile leads to
    qtbot.waitUntil(lambda: window.card == TherapistCard(), timeout=5000)
    assert_nothing_of_the_last_patient(window)


def test_a_new_visit_forgets_the_card_even_if_home_cant_be_drawn(kiosk, qtbot, monkeypatch):
    window = kiosk()
    a_patient_chooses_and_ticks(window)
    monkeypatch.setattr(window, "_make_home", lambda code: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        window.reset_visit()
    assert window.card == TherapistCard() and window.visit == Visit()
