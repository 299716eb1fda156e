"""The therapist's own words per step: under the step in therapist mode only (what to say, what to
check, one question for the patient to answer in their own words), in the visit's language; the
patient's screen is as it was while therapist mode is off; a mistake in them is named for staff."""

import pytest

from kiosk.settings.values import Settings
from tests.support.commands import kiosk_command
from tests.support.content import edit, line_of
from tests.support.finger import tap


@pytest.fixture
def kiosk(make_kiosk, fake_clock):
    return make_kiosk(settings=Settings(idle_seconds=90, therapist_minutes=20), clock=fake_clock)


def open_walkthrough(kiosk):
    tap(kiosk.home.region_buttons["calves"])
    tap(kiosk.router.screen.walkthrough_button)
    return kiosk.router.screen


def test_the_notes_show_only_in_therapist_mode_and_follow_the_step(kiosk):
    walk = open_walkthrough(kiosk)
    assert not walk.therapist_notes.isVisible(), "a patient alone never sees the therapist's words"
    tap(walk.therapist_toggle)
    assert walk.therapist_notes.isVisible()
    notes = walk.therapist_notes.text()
    assert "Agree a stop signal together and try it once." in notes
    assert "Check: They have told you about their health" in notes
    assert "Ask them: \u201cWhat will you do if you want me to stop?\u201d" in notes
    tap(walk.next_button)
    assert "Ask them: \u201cIs anything uncomfortable about lying like this?\u201d" in walk.therapist_notes.text()
    tap(walk.therapist_toggle)  # off again: the patient's screen as it was
    assert not walk.therapist_notes.isVisible()
    tap(walk.therapist_toggle)
    kiosk.reset_for_next_patient()
    assert not kiosk.therapist.on


def test_the_notes_are_in_the_visit_s_language(make_kiosk, fake_clock):
    kiosk = make_kiosk(settings=Settings(default_language="es"), clock=fake_clock)
    walk = open_walkthrough(kiosk)
    tap(walk.therapist_toggle)
    assert "Pregúntale: «¿Qué harás si quieres que pare?»" in walk.therapist_notes.text()
    assert walk.therapist_notes.title.text() == "Para el fisioterapeuta"


def test_a_step_without_notes_shows_no_strip(kiosk):
    walk = open_walkthrough(kiosk)
    tap(walk.therapist_toggle)
    for _ in range(3):  # the twitch step has notes; how long it takes has none
        tap(walk.next_button)
    assert kiosk.router.current.step == 3 and walk.therapist_notes.isVisible()
    tap(walk.next_button)
    assert not walk.therapist_notes.isVisible()


def test_a_mistake_in_the_notes_names_the_file_and_line(content_copy):
    path = content_copy / "walkthrough.yaml"
    edit(path, '      ask: "What will you do if you want me to stop?"', '      ask: [one, two]')
    result = kiosk_command("--check-content", content_copy, "--quick")
    assert result.returncode == 1
    assert f"walkthrough.yaml:{line_of(path, 'ask: [one, two]')}" in result.stdout
    assert "therapist.ask" in result.stdout, result.stdout


def test_the_notes_give_way_to_the_overview_of_every_step(kiosk):
    walk = open_walkthrough(kiosk)
    tap(walk.therapist_toggle)
    tap(walk.progress)  # every step by its title, in the step's place
    assert walk.overview_open and not walk.therapist_notes.isVisible()
    tap(walk.progress)
    assert walk.therapist_notes.isVisible()
