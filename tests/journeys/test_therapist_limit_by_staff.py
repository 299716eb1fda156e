"""Staff set how long therapist mode may hold the screen, in the menu beside the idle reset."""

from PySide6.QtWidgets import QApplication

from kiosk.settings.values import Settings
from tests.support.finger import tap


def test_staff_choose_the_therapist_limit_and_the_next_hold_uses_it(make_kiosk, fake_clock):
    saved: list[Settings] = []
    kiosk = make_kiosk(settings=Settings(therapist_minutes=20), locked=True, clock=fake_clock, saved=saved)
    kiosk.open_staff_menu()
    QApplication.processEvents()
    menu = kiosk.staff.overlay
    assert menu.therapist_label.text() == "Therapist mode holds the screen for up to 20 minutes"
    assert menu.therapist_buttons[20].isChecked()
    # Beside the idle reset's row, the one below it.
    assert menu.therapist_label.y() > menu.idle_label.y()
    assert menu.therapist_label.x() == menu.idle_label.x()

    tap(menu.therapist_buttons[45])
    assert saved[-1].therapist_minutes == 45
    assert menu.therapist_label.text() == "Therapist mode holds the screen for up to 45 minutes"
    assert menu.therapist_buttons[45].isChecked() and not menu.therapist_buttons[20].isChecked()
    tap(menu.close_button)

    tap(kiosk.home.region_buttons["calves"])
    region = kiosk.router.screen
    tap(region.therapist_toggle)
    assert region.therapist_toggle.text() == "Therapist mode: 45 min"
    fake_clock.advance(45 * 60 - 1)
    assert kiosk.therapist.on and kiosk.idle_reset.countdown is None
    fake_clock.advance(1)
    assert not kiosk.therapist.on and kiosk.idle_reset.countdown is not None


def test_a_limit_typed_into_the_settings_file_is_shown_among_the_choices(make_kiosk):
    kiosk = make_kiosk(settings=Settings(therapist_minutes=7))
    kiosk.open_staff_menu()
    menu = kiosk.staff.overlay
    assert list(menu.therapist_buttons) == [7, 10, 20, 30, 45, 60]
    assert menu.therapist_buttons[7].isChecked()
    assert menu.therapist_label.text() == "Therapist mode holds the screen for up to 7 minutes"
