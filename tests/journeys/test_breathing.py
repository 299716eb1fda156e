"""Slow breathing from the pause: a circle and words pace each breath in and the longer breath
out, for the clinic's number of breaths; it keeps the visit alive, speaks each breath in audio
mode and to a screen reader, and goes back to the pause, which goes back to the step."""

import pytest

from kiosk.model.problems import ContentError
from kiosk.reading.folder import parse_clinic, read_file
from kiosk.settings.values import Settings
from kiosk.ui.screens.breathing import READY_MS, BreathPhase
from kiosk.visit.screens import ScreenId, ScreenKind
from tests.support.content import edit, line_of
from tests.support.finger import tap
from tests.support.listener import ScreenReaderEar

IDLE = 30  # shorter than a minute's breathing: the breaths must keep the visit alive


@pytest.fixture
def kiosk(make_kiosk, fake_clock, content_copy):
    return make_kiosk(content_copy, settings=Settings(idle_seconds=IDLE, countdown_seconds=10), clock=fake_clock)


def breathing_from_step(kiosk, step: int = 2):
    kiosk.router.show(ScreenId.walkthrough("calves", step))
    tap(kiosk.router.screen.stop_banner)
    pause = kiosk.router.screen
    tap(pause.breathing_button)
    assert kiosk.router.current.kind is ScreenKind.BREATHING
    return kiosk.router.screen


def test_each_breath_is_paced_then_it_goes_back_to_the_pause_and_the_step(kiosk, fake_clock):
    breathing = breathing_from_step(kiosk, 2)
    assert breathing.phase is BreathPhase.READY and "needle" not in breathing.said().lower()
    fake_clock.advance(READY_MS / 1000)
    assert breathing.phase is BreathPhase.IN and breathing.said() == "Breathe in slowly Breath 1 of 6"
    fake_clock.advance(4)  # six a minute: 4 s in, 6 s out
    assert breathing.phase is BreathPhase.OUT and breathing.words.text() == "And breathe out, slower still"
    fake_clock.advance(5.9)
    assert breathing.phase is BreathPhase.OUT
    fake_clock.advance(0.1)
    assert breathing.phase is BreathPhase.IN and breathing.count.text() == "Breath 2 of 6"
    for _ in range(25):  # the rest of the minute (five more breaths, 50 s), a few seconds at a time
        fake_clock.advance(2)
    assert breathing.phase is BreathPhase.DONE and breathing.again_button.isVisible()
    assert kiosk.idle_reset.countdown is None, "breathing for a minute is not being idle"
    tap(breathing.again_button)
    assert breathing.phase is BreathPhase.READY
    tap(breathing.back_button)
    assert kiosk.router.current == ScreenId.pause(2)
    tap(kiosk.router.screen.carry_on_button)
    assert kiosk.router.current == ScreenId.walkthrough("calves", 2)


def test_a_patient_who_walks_away_mid_breath_still_gets_the_reset(kiosk, fake_clock):
    breathing_from_step(kiosk)
    for _ in range(50):
        fake_clock.advance(2)  # the minute of breathing ends (63 s); then 30 s with nobody touching
    assert kiosk.idle_reset.countdown is not None
    fake_clock.advance(10)
    assert kiosk.router.current.kind is ScreenKind.ATTRACT


def test_the_clinic_sets_the_pace_and_the_number_of_breaths(make_kiosk, fake_clock, content_copy):
    edit(content_copy / "clinic.yaml", "  per_minute: 6\n  breaths: 6", "  per_minute: 4\n  breaths: 2")
    kiosk = make_kiosk(content_copy, settings=Settings(idle_seconds=600), clock=fake_clock)
    breathing = breathing_from_step(kiosk)
    fake_clock.advance(READY_MS / 1000 + 6)  # four a minute: 6 s in
    assert breathing.phase is BreathPhase.OUT and breathing.count.text() == "Breath 1 of 2"
    fake_clock.advance(9 + 15)
    assert breathing.phase is BreathPhase.DONE


def test_a_pace_out_of_bounds_is_a_content_problem_naming_the_line(content_copy):
    clinic = content_copy / "clinic.yaml"
    edit(clinic, "  per_minute: 6", "  per_minute: 40")
    with pytest.raises(ContentError) as caught:
        read_file(clinic, parse_clinic)
    [problem] = caught.value.problems
    assert problem.line == line_of(clinic, "per_minute: 40") and "breathing.per_minute" in problem.message


def test_spanish_breathing_and_a_screen_reader_hears_each_breath(make_kiosk, fake_clock, monkeypatch):
    ear = ScreenReaderEar(monkeypatch)
    kiosk = make_kiosk(settings=Settings(idle_seconds=600, default_language="es"), clock=fake_clock)
    breathing = breathing_from_step(kiosk)
    assert breathing.title.text() == "Respira conmigo"
    fake_clock.advance(READY_MS / 1000)
    assert ear.words()[-1] == "Toma aire despacio Respiración 1 de 6"
