"""A patient who listens rather than looks has time to answer "Still reading?": a screen reader is
told the question, when the screen starts again and how to keep reading; audio mode's voice says
the same; while either is on the kiosk waits longer and warns for at least 20 s; and the reset for
the next patient silences the last patient's voice before anything else."""

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from kiosk.settings.values import Settings
from kiosk.ui.widgets import announce
from kiosk.visit.screens import ATTRACT, HOME, ScreenId
from tests.support.listener import ScreenReaderEar, description

WAITS = Settings(idle_seconds=90, countdown_seconds=10, listening_idle_seconds=360)


def test_a_screen_reader_hears_still_reading_and_how_to_keep_reading(make_kiosk, qtbot, fake_clock, monkeypatch):
    ear = ScreenReaderEar(monkeypatch)
    kiosk = make_kiosk(settings=Settings(idle_seconds=90, countdown_seconds=30), clock=fake_clock)
    fake_clock.advance(90)
    countdown = kiosk.idle_reset.countdown
    assert countdown is not None
    qtbot.waitUntil(countdown.keep_button.hasFocus)
    opened = [heard for heard in ear.heard if heard.source is countdown]
    assert [heard.words for heard in opened] == [
        "Still reading? The screen starts again for the next patient in 30 seconds. "
        "To keep reading, press any key or touch the screen."]
    assert opened[0].urgent, "said over whatever the screen reader was reading"
    # Said with the button as the focus lands on it, for a reader that has no announcements.
    assert description(countdown.keep_button) == ("The screen starts again for the next patient in 30 seconds. "
                                                  "To keep reading, press any key or touch the screen.")
    fake_clock.advance(19)
    assert ear.heard[-1] == opened[0], "nothing more is said until ten seconds are left"
    fake_clock.advance(1)  # ten seconds left: told once more
    assert ear.heard[-1].words == "The screen starts again for the next patient in 10 seconds."
    qtbot.keyClick(countdown.keep_button, Qt.Key.Key_Escape)
    assert kiosk.idle_reset.countdown is None and kiosk.router.current == HOME


def test_spanish_is_said_in_spanish_without_dots(make_kiosk, qtbot, fake_clock, monkeypatch):
    ear = ScreenReaderEar(monkeypatch)
    kiosk = make_kiosk(settings=Settings(idle_seconds=90, countdown_seconds=30, default_language="es"),
                       clock=fake_clock)
    assert kiosk.language.code == "es"
    fake_clock.advance(90)
    said = ear.heard[-1].words
    assert said.startswith("¿Sigues leyendo? La pantalla volverá al inicio para el siguiente paciente en 30 segundos.")
    assert "..." not in said and "…" not in said


def _wait_for_silence(qtbot, kiosk):
    qtbot.waitUntil(lambda: not kiosk.read_aloud.narrator.speaking, timeout=10_000)


def test_audio_mode_waits_longer_and_warns_for_20_seconds(make_kiosk, qtbot, fake_clock):
    kiosk = make_kiosk(settings=WAITS, clock=fake_clock, speech=True)
    kiosk.home.audio_mode_toggle.checkbox.click()  # the patient's own tick
    assert kiosk.read_aloud.audio_on
    _wait_for_silence(qtbot, kiosk)  # each sentence spoken counts as use: start from the last
    fake_clock.advance(100)
    assert kiosk.idle_reset.countdown is None, "a listening patient was asked after the usual 90 s"
    fake_clock.advance(260)
    countdown = kiosk.idle_reset.countdown
    assert countdown is not None and countdown.remaining == 20
    assert "in 20 seconds" in kiosk.read_aloud.narrator.script[1]  # the kiosk's voice says it too
    fake_clock.advance(19)
    assert kiosk.router.current == HOME
    fake_clock.advance(1)
    assert kiosk.router.current == ATTRACT
    assert not kiosk.read_aloud.audio_on and not kiosk.idle_reset.listening
    assert kiosk.idle.seconds == 90  # the next patient gets the usual wait


def test_a_running_screen_reader_gets_the_longer_wait(make_kiosk, qtbot, fake_clock, monkeypatch):
    monkeypatch.setattr(announce, "screen_reader_running", lambda: True)  # as with Narrator or Orca on
    kiosk = make_kiosk(settings=WAITS, clock=fake_clock)
    kiosk.home.region_buttons["calves"].click()
    fake_clock.advance(300)
    assert kiosk.idle_reset.countdown is None
    fake_clock.advance(60)
    assert kiosk.idle_reset.countdown is not None and kiosk.idle_reset.countdown.remaining == 20


@pytest.mark.skipif(sys.platform == "win32", reason="Windows asks its screen reader flag (below)")
def test_a_screen_reader_is_known_by_qts_accessibility_waking(monkeypatch):
    assert not announce.screen_reader_running()  # offscreen, nothing reads the controls
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))  # AT-SPI woke it for Orca
    assert announce.screen_reader_running()


@pytest.mark.skipif(sys.platform != "win32", reason="the flag Windows' screen readers set")
def test_on_windows_a_screen_reader_is_known_by_its_flag(monkeypatch):
    import ctypes

    user32 = ctypes.windll.user32
    SPI_SETSCREENREADER = 0x0047  # Windows: turns the flag on or off
    before = announce.screen_reader_running()
    try:
        assert user32.SystemParametersInfoW(SPI_SETSCREENREADER, 0, None, 0)  # not saved: this session only
        assert not announce.screen_reader_running()
        # Qt's accessibility woken by something else (the touch keyboard) is not a screen reader.
        monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
        assert not announce.screen_reader_running()
        assert user32.SystemParametersInfoW(SPI_SETSCREENREADER, 1, None, 0)
        assert announce.screen_reader_running()
    finally:
        user32.SystemParametersInfoW(SPI_SETSCREENREADER, int(before), None, 0)


def test_without_anyone_listening_the_usual_times_hold(make_kiosk, qtbot, fake_clock):
    kiosk = make_kiosk(settings=WAITS, clock=fake_clock)
    fake_clock.advance(90)
    assert kiosk.idle_reset.countdown is not None and kiosk.idle_reset.countdown.remaining == 10


def test_the_reset_silences_the_voice_before_anything_else(make_kiosk, qtbot, fake_clock):
    kiosk = make_kiosk(settings=WAITS, clock=fake_clock, speech=True)
    kiosk.home.audio_mode_toggle.checkbox.click()
    kiosk.router.show(ScreenId.for_region("calves"))  # audio mode reads the page as it opens
    qtbot.waitUntil(lambda: kiosk.read_aloud.narrator.speaking)
    speaking_at = []
    kiosk.visitStarted.connect(lambda: speaking_at.append(kiosk.read_aloud.narrator.speaking))
    kiosk.window.screenChanged.connect(lambda name: speaking_at.append(kiosk.read_aloud.narrator.speaking))
    kiosk.reset_for_next_patient()
    assert speaking_at == [False, False], "the last patient's page was still being read as the visit was forgotten"
    assert kiosk.router.current == ATTRACT and not kiosk.read_aloud.narrator.speaking


@pytest.mark.parametrize("seconds", [600, 900])
def test_staff_choose_the_longer_wait_in_the_staff_menu(make_kiosk, qtbot, fake_clock, seconds):
    saved = []
    kiosk = make_kiosk(settings=WAITS, clock=fake_clock, saved=saved)
    kiosk.open_staff_menu()
    menu = kiosk.staff.overlay
    assert menu.listening_buttons[360].isChecked()
    menu.listening_buttons[seconds].click()
    assert saved[-1].listening_idle_seconds == seconds
    assert menu.listening_label.text() == f"With audio mode or a screen reader: reset after {seconds} seconds"
    kiosk.idle_reset.set_listening(True)
    assert kiosk.idle.seconds == seconds


def test_the_welcome_screen_is_said_over_what_a_screen_reader_was_reading(make_kiosk, qtbot, fake_clock,
                                                                          monkeypatch):
    ear = ScreenReaderEar(monkeypatch)
    kiosk = make_kiosk(settings=WAITS, clock=fake_clock)
    kiosk.router.show(ScreenId.for_region("calves"))
    fake_clock.advance(90 + 10)
    assert kiosk.router.current == ATTRACT
    last = ear.heard[-1]
    assert last.source is kiosk.router.screen and last.urgent
    assert last.words == "Tap to see what dry needling feels like"
