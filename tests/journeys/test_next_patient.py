"""The reset for the next patient can't fail: whatever the countdown, the attract screen or the
read-aloud voice can't draw or say, the last patient's card, ticks and choices are gone."""

import sys
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint

from kiosk.settings.values import Settings
from kiosk.visit.card import TherapistCard
from kiosk.visit.patient import Visit
from kiosk.visit.screens import ATTRACT, CARD, HOME
from tests.support.content import edit

QUICK = Settings(idle_seconds=600, countdown_seconds=1)  # a reset a test's length after the quiet spell


def a_patient_chooses_and_ticks(kiosk):
    """Spanish, calm mode, large text, two precautions ticked: what the next patient must not see."""
    kiosk.home.language_buttons["es"].click()
    kiosk.home.calm_toggle.click()
    kiosk.home.text_size_button.click()
    kiosk.home.precautions_button.click()
    boxes = list(kiosk.router.screen.ticks.boxes.values())
    boxes[0].click()
    boxes[2].click()
    assert len(kiosk.card) == 2
    assert kiosk.visit == Visit("es", calm=True, text_scale=1.4)


def walk_away(kiosk):
    """The patient leaves: the kiosk goes quiet a moment later."""
    kiosk.idle.set_seconds(0.2)


def assert_nothing_of_the_last_patient(kiosk):
    assert kiosk.card == TherapistCard()
    assert kiosk.visit == Visit()
    kiosk.router.show(CARD)
    assert kiosk.router.screen.lines == [], "the card the therapist is shown is empty"
    kiosk.show_home()
    kiosk.home.precautions_button.click()
    assert not any(box.isChecked() for box in kiosk.router.screen.ticks.boxes.values())


def wait_for_the_reset(kiosk, qtbot):
    """Nobody touches the kiosk: the idle time, then the countdown, then the reset."""
    walk_away(kiosk)
    qtbot.waitUntil(lambda: kiosk.card == TherapistCard(), timeout=8000)


BROKEN_WORDS = ["{seconds}}", "{secs}", "{0} seconds", "{seconds:q}", "{seconds!z}", "{"]


@pytest.mark.parametrize("words", BROKEN_WORDS)
def test_countdown_words_that_cant_be_filled_in_show_the_number_and_still_reset(make_kiosk, qtbot, words, caplog):
    kiosk = make_kiosk(settings=QUICK, locked=True)
    start = kiosk.idle_reset.start_countdown
    kiosk.idle_reset.start_countdown = lambda ui: start(replace(ui, idle_countdown=words))
    a_patient_chooses_and_ticks(kiosk)
    walk_away(kiosk)
    qtbot.waitUntil(lambda: kiosk.idle_reset.countdown is not None, timeout=5000)
    assert kiosk.idle_reset.countdown.message.text() == "1"  # the seconds left, whatever the words
    assert kiosk.idle_reset.countdown.isVisible()
    with qtbot.waitSignal(kiosk.window.screenChanged, timeout=5000) as changed:
        pass
    assert changed.args == [ATTRACT.name]
    assert "idle_countdown" in caplog.text
    assert_nothing_of_the_last_patient(kiosk)


def test_a_stray_brace_in_the_countdown_words_of_the_content_still_resets(make_kiosk, qtbot, content_copy):
    """The typo as a clinic makes it, in its ui.yaml (both languages: the patient chose Spanish)."""
    edit(content_copy / "ui.yaml", "{seconds}...", "{seconds}}...")
    edit(content_copy / "lang" / "es" / "ui.yaml", "{seconds}...", "{seconds}}...")
    kiosk = make_kiosk(content_copy, settings=QUICK, locked=True)
    a_patient_chooses_and_ticks(kiosk)
    kiosk.show_home()
    wait_for_the_reset(kiosk, qtbot)
    assert kiosk.router.current == ATTRACT
    assert_nothing_of_the_last_patient(kiosk)


def test_a_countdown_that_cant_be_made_at_all_still_resets_when_its_time_is_up(make_kiosk, qtbot, monkeypatch, caplog):
    from kiosk.ui.screens import countdown

    def broken(self, *args):
        raise FileNotFoundError("a picture the countdown draws is missing")

    monkeypatch.setattr(countdown.CountdownOverlay, "__init__", broken)
    kiosk = make_kiosk(settings=QUICK, locked=True)
    a_patient_chooses_and_ticks(kiosk)
    walk_away(kiosk)
    qtbot.waitUntil(lambda: kiosk.idle_reset.counting, timeout=5000)
    assert kiosk.idle_reset.countdown is None
    with qtbot.waitSignal(kiosk.window.screenChanged, timeout=5000) as changed:
        pass
    assert changed.args == [ATTRACT.name]
    assert "can't be shown" in caplog.text and "picture the countdown draws is missing" in caplog.text
    assert_nothing_of_the_last_patient(kiosk)


def test_without_its_overlay_a_touch_during_the_countdown_still_keeps_reading(make_kiosk, qtbot, monkeypatch):
    from kiosk.ui.screens import countdown

    monkeypatch.setattr(countdown.CountdownOverlay, "__init__", lambda self, *args: 1 / 0)
    kiosk = make_kiosk(settings=Settings(idle_seconds=600, countdown_seconds=30), locked=True)
    a_patient_chooses_and_ticks(kiosk)
    walk_away(kiosk)
    qtbot.waitUntil(lambda: kiosk.idle_reset.counting, timeout=5000)
    with qtbot.waitSignal(kiosk.idle.activity):
        qtbot.mouseMove(kiosk.window, QPoint(640, 400))  # a hand over the screen
    assert not kiosk.idle_reset.counting
    assert len(kiosk.card) == 2, "the patient was still there: their card stays"


def test_a_read_aloud_voice_that_fails_at_the_countdown_still_resets(make_kiosk, qtbot, monkeypatch):
    kiosk = make_kiosk(settings=QUICK, locked=True)

    def broken(words):
        raise RuntimeError("the speech engine went away")

    monkeypatch.setattr(kiosk.read_aloud, "announce", broken)
    a_patient_chooses_and_ticks(kiosk)
    wait_for_the_reset(kiosk, qtbot)
    assert_nothing_of_the_last_patient(kiosk)


@pytest.mark.qt_no_exception_capture
def test_an_attract_screen_that_cant_be_drawn_still_resets_and_shows_home(make_kiosk, qtbot, monkeypatch):
    from kiosk.ui.app import _catch_everything
    from kiosk.ui.screens import attract

    kiosk = make_kiosk(settings=QUICK, locked=True)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    _catch_everything(kiosk)
    monkeypatch.setattr(attract.AttractScreen, "__init__", lambda self, *args: 1 / 0)
    a_patient_chooses_and_ticks(kiosk)
    wait_for_the_reset(kiosk, qtbot)
    qtbot.waitUntil(lambda: kiosk.router.current == HOME, timeout=5000)
    assert kiosk.home.language_buttons["en"].isChecked() and not kiosk.home.calm_toggle.isChecked()
    assert_nothing_of_the_last_patient(kiosk)
    # The idle timer started again: the next patient's ticks go at the next quiet spell too.
    kiosk.idle.set_seconds(600)
    kiosk.show_home()
    a_patient_chooses_and_ticks(kiosk)
    wait_for_the_reset(kiosk, qtbot)
    assert_nothing_of_the_last_patient(kiosk)


@pytest.mark.qt_no_exception_capture
def test_an_error_during_the_countdown_doesnt_cancel_the_reset(make_kiosk, qtbot, monkeypatch):
    """The unexpected-error handler goes home; the countdown runs on and resets."""
    from kiosk.ui.app import _catch_everything

    kiosk = make_kiosk(settings=Settings(idle_seconds=600, countdown_seconds=2), locked=True)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    _catch_everything(kiosk)
    a_patient_chooses_and_ticks(kiosk)
    walk_away(kiosk)
    qtbot.waitUntil(lambda: kiosk.idle_reset.countdown is not None, timeout=5000)
    kiosk.idle.set_seconds(600)  # no second quiet spell: only this countdown can reset
    kiosk.recover()  # what an error anywhere meanwhile leads to
    qtbot.waitUntil(lambda: kiosk.card == TherapistCard(), timeout=5000)
    assert_nothing_of_the_last_patient(kiosk)


def test_a_new_visit_forgets_the_card_even_if_home_cant_be_drawn(make_kiosk, qtbot, monkeypatch):
    kiosk = make_kiosk(settings=QUICK, locked=True)
    a_patient_chooses_and_ticks(kiosk)
    monkeypatch.setattr(kiosk.homes, "_make", lambda code: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        kiosk.reset_visit()
    assert kiosk.card == TherapistCard() and kiosk.visit == Visit()
