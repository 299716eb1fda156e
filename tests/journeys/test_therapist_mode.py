"""Therapist mode beside a patient: the screen is held while they talk, up to the clinic's limit,
and the next patient still gets a fresh start."""

import pytest

from kiosk.settings.file import load_settings
from kiosk.settings.values import Settings
from kiosk.visit.screens import ATTRACT, ScreenId
from tests.support.finger import tap

IDLE, COUNTDOWN = 90, 10


@pytest.fixture
def kiosk(make_kiosk, fake_clock):
    settings = Settings(idle_seconds=IDLE, countdown_seconds=COUNTDOWN, therapist_minutes=20)
    return make_kiosk(settings=settings, locked=True, clock=fake_clock)


def open_walkthrough(kiosk, step: int = 0):
    tap(kiosk.home.region_buttons["calves"])
    tap(kiosk.router.screen.walkthrough_button)
    for _ in range(step):
        tap(kiosk.router.screen.next_button)
    return kiosk.router.screen


def test_therapist_mode_holds_the_reset_to_its_limit_then_the_next_patient_gets_a_clean_start(kiosk, fake_clock):
    walkthrough = open_walkthrough(kiosk, 2)
    tap(walkthrough.therapist_toggle)
    assert kiosk.therapist.on and walkthrough.therapist_toggle.isChecked()
    assert walkthrough.therapist_toggle.text() == "Therapist mode: 20 min"

    fake_clock.advance(5 * 60)  # talking, not touching: far past the idle time
    assert kiosk.idle_reset.countdown is None and not kiosk.idle_reset.counting
    assert walkthrough.therapist_toggle.text() == "Therapist mode: 15 min"
    fake_clock.advance(15 * 60 - 1)
    assert kiosk.idle_reset.countdown is None
    assert kiosk.router.current == ScreenId.walkthrough("calves", 2)

    fake_clock.advance(1)  # the limit: the normal countdown returns at once
    assert not kiosk.therapist.on and not walkthrough.therapist_toggle.isChecked()
    assert walkthrough.therapist_toggle.text() == "Therapist mode"
    assert kiosk.idle_reset.countdown is not None
    fake_clock.advance(COUNTDOWN)
    assert kiosk.router.current == ATTRACT

    tap(kiosk.router.screen)
    again = open_walkthrough(kiosk)
    assert kiosk.router.current == ScreenId.walkthrough("calves", 0)
    assert not kiosk.therapist.on and not again.therapist_toggle.isChecked()
    fake_clock.advance(IDLE)  # the next patient's idle reset is the normal one
    assert kiosk.idle_reset.countdown is not None


def test_a_tap_on_the_still_reading_question_after_the_limit_keeps_the_screen_but_not_the_hold(kiosk, fake_clock):
    walkthrough = open_walkthrough(kiosk, 1)
    tap(walkthrough.therapist_toggle)
    fake_clock.advance(20 * 60)
    tap(kiosk.idle_reset.countdown.keep_button)
    assert kiosk.router.current == ScreenId.walkthrough("calves", 1)
    fake_clock.advance(IDLE)  # not held again: the normal idle time
    assert kiosk.idle_reset.countdown is not None
    fake_clock.advance(COUNTDOWN)
    assert kiosk.router.current == ATTRACT


def test_leaving_therapist_mode_brings_back_the_normal_idle_reset(kiosk, fake_clock):
    region = (tap(kiosk.home.region_buttons["foot"]), kiosk.router.screen)[1]
    tap(region.therapist_toggle)  # on the region screen too
    assert kiosk.therapist.on
    fake_clock.advance(3 * 60)
    tap(region.therapist_toggle)
    assert not kiosk.therapist.on and region.therapist_toggle.text() == "Therapist mode"
    fake_clock.advance(IDLE - 1)
    assert kiosk.idle_reset.countdown is None
    fake_clock.advance(1)
    assert kiosk.idle_reset.countdown is not None
    fake_clock.advance(COUNTDOWN)
    assert kiosk.router.current == ATTRACT


def test_therapist_mode_is_one_state_on_every_screen_and_a_new_visit_ends_it(kiosk, fake_clock):
    tap(kiosk.home.region_buttons["calves"])
    region = kiosk.router.screen
    tap(region.therapist_toggle)
    tap(region.walkthrough_button)
    walkthrough = kiosk.router.screen
    assert walkthrough.therapist_toggle.isChecked()
    fake_clock.advance(60)
    assert region.therapist_toggle.text() == walkthrough.therapist_toggle.text() == "Therapist mode: 19 min"
    kiosk.reset_visit()  # as the staff's "next patient" does
    assert not kiosk.therapist.on and not walkthrough.therapist_toggle.isChecked()


def test_spanish_words_and_the_staff_limit(make_kiosk, fake_clock, tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("therapist_minutes: 5\n", encoding="utf-8")
    settings, problems = load_settings(path)
    assert not problems
    assert settings.therapist_minutes == 5
    kiosk = make_kiosk(settings=settings, locked=True, clock=fake_clock)
    tap(kiosk.home.language_buttons["es"])
    walkthrough = open_walkthrough(kiosk)
    tap(walkthrough.therapist_toggle)
    assert walkthrough.therapist_toggle.text() == "Modo fisio: 5 min"
    fake_clock.advance(5 * 60)
    assert not kiosk.therapist.on and kiosk.idle_reset.countdown is not None
