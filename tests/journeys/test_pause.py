"""A stop that pauses: the stop line on every step opens a calm, whole-screen pause in the
patient's language, which goes back to the same step; it keeps the visit alive, and the reset
for the next patient clears it."""

import pytest

from kiosk.settings.values import Settings
from kiosk.visit.screens import ATTRACT, ScreenId, ScreenKind
from tests.support.finger import tap

IDLE, COUNTDOWN = 90, 10


@pytest.fixture
def kiosk(make_kiosk, fake_clock):
    settings = Settings(idle_seconds=IDLE, countdown_seconds=COUNTDOWN)
    return make_kiosk(settings=settings, locked=True, clock=fake_clock)


def walkthrough_at(kiosk, step: int):
    tap(kiosk.home.region_buttons["calves"])
    tap(kiosk.router.screen.walkthrough_button)
    walk = kiosk.router.screen
    tap(walk.progress)
    tap(walk.overview.buttons[step])
    return walk


def test_the_stop_line_opens_the_pause_and_it_returns_to_the_same_step(kiosk):
    walk = walkthrough_at(kiosk, 3)
    assert walk.stop_banner.text() == "You can ask to stop at any time."
    tap(walk.stop_banner)
    pause = kiosk.router.screen
    assert kiosk.router.current.kind is ScreenKind.PAUSE and pause is not walk
    assert pause.title.text() == "Take a pause"
    said = pause.text()
    for words in ("Nothing happens until you are ready", "Breathe slowly",
                  "your therapist stops straight away", "Lying down usually helps"):
        assert words in said
    assert "needle" not in said.lower()  # calm: no needle, in words or pictures
    assert pause.carry_on_button.text() == "Carry on at step 4"
    tap(pause.carry_on_button)
    assert kiosk.router.current == ScreenId.walkthrough("calves", 3)
    assert kiosk.router.screen is walk and walk.progress.text() == "Step 4 of 8"

    tap(walk.stop_banner)
    tap(kiosk.router.screen.back_button)  # the way back in the corner goes there too
    assert kiosk.router.current == ScreenId.walkthrough("calves", 3)


def test_the_pause_keeps_the_visit_alive_and_the_reset_clears_it(kiosk, fake_clock):
    walk = walkthrough_at(kiosk, 2)
    tap(walk.stop_banner)
    fake_clock.advance(IDLE - 1)
    assert kiosk.idle_reset.countdown is None  # opening it was a touch, like any screen's
    fake_clock.advance(1)
    assert kiosk.idle_reset.countdown is not None
    fake_clock.advance(COUNTDOWN)
    assert kiosk.router.current == ATTRACT
    assert kiosk.router.history.screens == (ATTRACT,)  # no pause, no step left behind
    tap(kiosk.router.screen)
    tap(kiosk.home.walkthrough_button)
    assert kiosk.router.current == ScreenId.walkthrough(None, 0)
    assert kiosk.router.screen.progress.text() == "Step 1 of 8"


def test_the_pause_speaks_the_patient_s_language(kiosk):
    spanish = kiosk.book.content.language("es").ui
    tap(kiosk.home.language_buttons["es"])
    walk = walkthrough_at(kiosk, 0)
    assert walk.stop_banner.text() == spanish.stop_any_time
    tap(walk.stop_banner)
    pause = kiosk.router.screen
    assert pause.title.text() == spanish.pause_title == "Una pausa"
    assert pause.carry_on_button.text() == "Seguir en el paso 1"
    assert spanish.pause_breathe.split(":")[0] in pause.text()


def test_a_new_text_size_on_the_pause_keeps_its_way_back(kiosk):
    walk = walkthrough_at(kiosk, 5)
    tap(walk.stop_banner)
    tap(kiosk.router.screen.text_size_button)
    pause = kiosk.router.screen
    assert kiosk.visit.text_scale > 1 and pause.carry_on_button.text() == "Carry on at step 6"
    tap(pause.carry_on_button)
    assert kiosk.router.current == ScreenId.walkthrough("calves", 5)
