"""One voice at a time: while a screen reader runs, it says what a touch or a key reaches, new
screens and "Still reading?"; audio mode's own voice gives way, and Read aloud still reads when asked."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.settings.values import Settings
from kiosk.ui.widgets import announce

pytest.importorskip("PySide6.QtTextToSpeech", reason="Read aloud needs PySide6-Addons (the speech extra)")

FAST = Settings(speech_rate=1.0, idle_seconds=90, countdown_seconds=30, listening_idle_seconds=360)


@pytest.fixture
def listening(make_kiosk, qtbot, fake_clock):
    """The kiosk with a voice, audio mode on, the narrator's lines kept as they start."""
    kiosk = make_kiosk(settings=FAST, speech=True, clock=fake_clock)
    toggle = kiosk.home.audio_mode_toggle
    toggle.checkbox.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(toggle.checkbox, Qt.Key.Key_Space)
    assert kiosk.read_aloud.audio_on
    narrator = kiosk.read_aloud.narrator
    with qtbot.waitSignal(narrator.finished, timeout=5000):
        pass  # audio mode's own words, said as it goes on
    said: list[str] = []
    narrator.sentenceStarted.connect(lambda index: said.append(narrator.script[index]))
    return kiosk, said


def reader_running(monkeypatch, running: bool = True):
    monkeypatch.setattr(announce, "screen_reader_running", lambda: running)


def test_with_a_screen_reader_the_first_touch_chooses_and_audio_mode_says_nothing(listening, qtbot, monkeypatch):
    kiosk, said = listening
    reader_running(monkeypatch)
    calves = kiosk.home.region_buttons["calves"]
    with qtbot.waitSignal(kiosk.window.screenChanged):
        qtbot.mouseClick(calves, Qt.MouseButton.LeftButton, pos=calves.rect().center())
    assert kiosk.router.current.name == "region-calves", "not held back to be named: the reader named it"
    with qtbot.assertNotEmitted(kiosk.read_aloud.narrator.sentenceStarted, wait=300):
        pass  # the new screen is not read over the screen reader announcing it
    assert said == []


def test_without_a_screen_reader_audio_mode_still_speaks_first(listening, qtbot, monkeypatch):
    kiosk, said = listening
    reader_running(monkeypatch, False)
    calves = kiosk.home.region_buttons["calves"]
    with qtbot.assertNotEmitted(kiosk.window.screenChanged, wait=100):
        qtbot.mouseClick(calves, Qt.MouseButton.LeftButton, pos=calves.rect().center())
    assert said[-1] == calves.text()


def test_still_reading_is_left_to_the_screen_reader(listening, qtbot, fake_clock, monkeypatch):
    kiosk, said = listening
    reader_running(monkeypatch)
    fake_clock.advance(360)  # the listening wait
    assert kiosk.idle_reset.countdown is not None
    with qtbot.assertNotEmitted(kiosk.read_aloud.narrator.sentenceStarted, wait=300):
        pass
    assert said == []


def test_read_aloud_still_reads_when_asked_with_a_screen_reader(listening, qtbot, monkeypatch):
    kiosk, said = listening
    reader_running(monkeypatch)
    with qtbot.waitSignal(kiosk.window.screenChanged):
        kiosk.home.region_buttons["calves"].click()
    with qtbot.waitSignal(kiosk.read_aloud.narrator.sentenceStarted, timeout=5000):
        kiosk.router.screen.read_aloud_button.click()
    assert said, "asked for, the page is read"
