"""The language switch on the walkthrough keeps the step: a therapist turns step 3 into Spanish for
the patient, and back, without losing the place, the card or therapist mode."""

from kiosk.visit.card import Tick
from kiosk.visit.screens import ScreenId
from tests.support.finger import tap


def test_switching_language_at_step_three_keeps_step_three(make_kiosk, fake_clock):
    kiosk = make_kiosk(locked=True, clock=fake_clock)
    kiosk.tick(Tick.precaution(0), True)
    tap(kiosk.home.region_buttons["calves"])
    tap(kiosk.router.screen.walkthrough_button)
    walk = kiosk.router.screen
    tap(walk.therapist_toggle)
    tap(walk.progress)
    tap(walk.overview.buttons[2])
    assert list(walk.language_buttons) == ["es"] and walk.language_buttons["es"].text() == "Español"
    assert not walk.language_buttons["es"].isVisible()  # with the steps, in the overview

    tap(walk.progress)
    tap(walk.language_buttons["es"])  # step 3 in Spanish: two taps, the step kept
    spanish = kiosk.router.screen
    assert kiosk.visit.language == "es" and spanish is not walk
    assert kiosk.router.current == ScreenId.walkthrough("calves", 2)
    assert spanish.progress.text() == "Paso 3 de 8"
    assert spanish.text().startswith("La aguja")
    assert list(spanish.language_buttons) == ["en"] and spanish.language_buttons["en"].text() == "English"
    assert kiosk.therapist.on and spanish.therapist_toggle.isChecked()
    assert Tick.precaution(0) in kiosk.card

    tap(spanish.next_button)
    tap(spanish.progress)
    tap(spanish.language_buttons["en"])
    english = kiosk.router.screen
    assert kiosk.router.current == ScreenId.walkthrough("calves", 3) and english.progress.text() == "Step 4 of 8"
    tap(english.home_button)  # the way back is kept too, in the new language
    assert kiosk.router.current == ScreenId.for_region("calves")
    assert kiosk.router.screen.text().startswith("Calves")
