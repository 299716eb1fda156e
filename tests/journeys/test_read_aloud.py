"""Read aloud and audio mode, through the real kiosk and Qt's text-to-speech.

Qt's ``mock`` engine (it ships in PySide6-Addons) makes speech deterministic: it "speaks" a word
at a time on a timer and reports each word, so these tests assert what the engine was given, in
which language and in what order. It has English voices and no Spanish one, which is how the
"no voice for this language" path is tested. One test speaks through a real speech-dispatcher
with espeak-ng, writing to ALSA's null device; it is skipped where that service can't start.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from html import unescape
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.pages import speech
from kiosk.pages.book import load_pages
from kiosk.reading.bodyart import load_art
from kiosk.settings.values import Settings
from kiosk.visit.screens import PRECAUTIONS, ScreenId
from tests.support.content import SHIPPED_CONTENT, edit

pytest.importorskip("PySide6.QtTextToSpeech", reason="Read aloud needs PySide6-Addons (the speech extra)")

SORENESS_TAB = 2  # "What soreness to expect": the region tab with the chart (region-pages.yaml)
FAST = Settings(speech_rate=1.0)  # the mock engine's words come quicker at the fastest rate


class Ear:
    """What the engine itself was asked to say: every word it spoke, per utterance, in order."""

    def __init__(self, kiosk):
        self.engine = kiosk.read_aloud.narrator.engine
        self.words: dict[int, list[str]] = {}
        self.engine.sayingWord.connect(lambda word, ident, start, length: self.words.setdefault(ident, []).append(word))
        self.started: list[str] = []
        narrator = kiosk.read_aloud.narrator
        narrator.sentenceStarted.connect(lambda index: self.started.append(narrator.script[index]))

    @property
    def language(self) -> QLocale.Language:
        return self.engine.locale().language()


def words(text: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in text).split()]


def page_sentences(kiosk, region_id: str, lang: str) -> list[str]:
    page = kiosk.stage.pages().region(lang, kiosk.visit.calm, region_id)
    ui = kiosk.book.content.language(lang).ui
    return [s.text for s in speech.sentences(page.html, speech.chart_sentence(page.soreness, ui))]


def test_a_page_becomes_its_own_sentences_without_markup_and_the_chart_from_its_numbers(content_copy):
    # The calves curve peaks at 6 hours in the shipped content; make it 12 and hear it said.
    for yaml in (content_copy / "regions" / "calves.yaml", content_copy / "lang" / "es" / "regions" / "calves.yaml"):
        edit(yaml, "{hours: 12, level: 2.5}", "{hours: 12, level: 5}")
    art = load_art()
    book = load_pages(content_copy, art.region_ids)
    for lang, peak in (("en", "strongest 12 hours after your session"),
                       ("es", "más fuertes 12 horas después de tu sesión")):
        page = book.region(lang, True, "calves", SORENESS_TAB)
        ui = book.content.language(lang).ui
        said = speech.sentences(page.html, speech.chart_sentence(page.soreness, ui))
        texts = [s.text for s in said]
        assert not any("<" in t or ">" in t or "{" in t for t in texts), "markup or a placeholder would be spoken"
        assert peak in texts[0], "the chart runs across the top of the soreness tab, so it is said first"
        chart = [t for t in texts if peak in t]
        assert len(chart) == 1, f"the chart's sentence says when soreness peaks, from the YAML: {texts}"
        # Every other sentence is text on the page, in the order it is shown.
        plain = " ".join(unescape(re.sub(r"<[^>]+>", " ", page.html.split("<body>", 1)[1])).split())
        at = 0
        for sentence in said:
            if sentence.shown is None:
                continue
            found = plain.find(sentence.shown, at)
            assert found >= 0, f"{sentence.shown!r} is not on the page after the sentences before it"
            at = found


def test_calm_mode_reads_the_calm_words(content_copy):
    art = load_art()
    book = load_pages(content_copy, art.region_ids)
    region = book.content.language("en").regions["calves"]
    graphic = [p for extra in region.session_steps.values() for p in extra.passages if p.graphic]
    assert graphic, "the shipped calves walkthrough has a graphic passage that calm mode changes"

    def heard(calm: bool) -> str:
        return " ".join(s.text for i in range(book.step_count("en"))
                        for s in speech.sentences(book.step("en", calm, "calves", i).html or ""))

    calm, standard = heard(True), heard(False)
    for passage in graphic:
        first = speech.split(passage.text)[0]
        assert first in standard and first not in calm
        if passage.calm:
            assert speech.split(passage.calm)[0] in calm


def test_read_aloud_speaks_the_region_page_in_english_in_order_with_the_sentence_highlighted(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=FAST, speech=True)
    ear = Ear(kiosk)
    kiosk.router.show(ScreenId.for_region("calves"))
    button = kiosk.router.screen.read_aloud_button
    assert button.isVisible() and button.text() == "Read aloud"
    expected = page_sentences(kiosk, "calves", "en")
    with qtbot.waitSignal(kiosk.read_aloud.narrator.sentenceStarted, check_params_cb=lambda i: i == 2, timeout=10_000):
        button.click()
    assert button.text() == "Stop reading"
    assert ear.started == expected[:3]
    assert ear.language == QLocale.Language.English
    assert kiosk.read_aloud.highlighted() == expected[2], "the sentence being read is highlighted"
    # What the engine itself spoke: the first sentences' words, nothing else (no markup).
    spoken = [w for ident in sorted(ear.words) for w in ear.words[ident]]
    assert spoken == words(" ".join(expected[:2]))[:len(spoken)] and len(spoken) >= len(words(expected[0]))

    button.click()  # Stop
    assert not kiosk.read_aloud.reading and button.text() == "Read aloud"
    assert kiosk.read_aloud.highlighted() == ""
    with qtbot.assertNotEmitted(kiosk.read_aloud.narrator.sentenceStarted, wait=400):
        pass


def test_navigation_and_the_idle_reset_silence_it(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=FAST, speech=True)
    narrator = kiosk.read_aloud.narrator
    kiosk.router.show(ScreenId.for_region("foot"))
    with qtbot.waitSignal(narrator.sentenceStarted, timeout=5000):
        kiosk.router.screen.read_aloud_button.click()
    with qtbot.waitSignal(kiosk.window.screenChanged):
        kiosk.router.screen.back_button.click()
    assert not narrator.speaking
    with qtbot.assertNotEmitted(narrator.sentenceStarted, wait=400):
        pass

    kiosk.router.show(PRECAUTIONS)
    with qtbot.waitSignal(narrator.sentenceStarted, timeout=5000):
        kiosk.router.screen.read_aloud_button.click()
    assert narrator.speaking
    with qtbot.waitSignal(kiosk.idle_reset.resetDue, timeout=5000):
        kiosk.idle_reset.resetDue.emit()  # what the countdown does when it runs out
    assert kiosk.router.current.name == "attract"
    assert not narrator.speaking
    with qtbot.assertNotEmitted(narrator.sentenceStarted, wait=400):
        pass


def test_in_the_walkthrough_next_goes_on_reading(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=FAST, speech=True)
    ear = Ear(kiosk)
    kiosk.router.show(ScreenId.walkthrough("calves"))
    screen = kiosk.router.screen
    with qtbot.waitSignal(kiosk.read_aloud.narrator.sentenceStarted, timeout=5000):
        screen.read_aloud_button.click()
    step_2 = [s.text for s in speech.sentences(kiosk.stage.pages().step("en", False, "calves", 1).html)]
    with qtbot.waitSignal(kiosk.read_aloud.narrator.sentenceStarted, timeout=5000):
        screen.next_button.click()
    assert ear.started[-1] == step_2[0]
    assert kiosk.read_aloud.reading and screen.read_aloud_button.text() == "Stop reading"
    # Without Read aloud on, Next only turns the page.
    screen.read_aloud_button.click()
    with qtbot.assertNotEmitted(kiosk.read_aloud.narrator.sentenceStarted, wait=300):
        screen.next_button.click()


def test_a_listening_patient_is_not_idle(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=Settings(speech_rate=1.0, idle_seconds=15), speech=True)
    kiosk.router.show(ScreenId.for_region("calves"))
    kiosk.idle.set_seconds(1.0)  # below the staff minimum, for the test only
    with qtbot.assertNotEmitted(kiosk.idle.idle, wait=1500):
        kiosk.router.screen.read_aloud_button.click()
    assert kiosk.read_aloud.reading


def test_no_voice_for_a_language_hides_read_aloud_and_the_staff_menu_says_which(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=FAST, speech=True)
    kiosk.set_language("es")  # Qt's mock engine has no Spanish voice
    assert not kiosk.home.read_aloud_button.isVisible()
    assert not kiosk.home.audio_mode_toggle.isVisible()
    kiosk.router.show(ScreenId.for_region("calves"))
    assert not kiosk.router.screen.read_aloud_button.isVisible()
    kiosk.open_staff_menu()
    status = kiosk.staff.overlay.voices_status
    assert status.isVisible() and "No Español voice" in status.text() and "English" not in status.text()
    kiosk.staff.close()
    kiosk.set_language("en")
    assert kiosk.home.read_aloud_button.isVisible()


def test_staff_turn_read_aloud_off_and_set_speed_and_volume(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=Settings(), speech=True)
    kiosk.open_staff_menu()
    menu = kiosk.staff.overlay
    menu.rate_buttons[-0.5].click()
    menu.volume_buttons[0.5].click()
    engine = kiosk.read_aloud.narrator.engine
    assert engine.rate() == pytest.approx(-0.5) and engine.volume() == pytest.approx(0.5)
    assert kiosk.settings.speech_rate == -0.5 and kiosk.settings.speech_volume == 0.5
    menu.read_aloud_on.click()
    assert kiosk.settings.read_aloud is False
    kiosk.staff.close()
    kiosk.router.show(ScreenId.for_region("calves"))
    assert not kiosk.router.screen.read_aloud_button.isVisible()


WITHOUT_ADDONS = """
import sys
sys.modules["PySide6.QtTextToSpeech"] = None  # as if PySide6-Addons were not installed: its import fails
from pathlib import Path
from PySide6.QtCore import QTimer
from kiosk.ui.app import application, build_kiosk

app = application(offscreen=True)
kiosk = build_kiosk(Path(sys.argv[1]))
kiosk.window.resize(1280, 800)
seen = []

def check():
    narrator = kiosk.read_aloud.narrator
    seen.append(f"speech={narrator.available} installed={narrator.installed}")
    seen.append(f"home button shown={kiosk.home.read_aloud_button.isVisible()}")
    kiosk.home.region_buttons["calves"].click()
    screen = kiosk.router.screen
    seen.append(f"screen={kiosk.router.current.name} button shown={screen.read_aloud_button.isVisible()}")
    seen.append(f"page={screen.text().splitlines()[0]}")
    kiosk.open_staff_menu()
    seen.append(f"staff={kiosk.staff.overlay.voices_status.text()}")
    app.quit()

kiosk.read_aloud.loaded.connect(check)
kiosk.window.show()
QTimer.singleShot(20_000, app.quit)
app.exec()
print("\\n".join(seen))
"""


def test_without_the_speech_extra_the_kiosk_works_and_read_aloud_is_hidden(tmp_path):
    # In a new process: Qt's text-to-speech is made unimportable before anything else is imported,
    # as on a machine with only PySide6-Essentials.
    script = tmp_path / "without_addons.py"
    script.write_text(WITHOUT_ADDONS, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(SHIPPED_CONTENT)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines() == [
        "speech=False installed=False",
        "home button shown=False",
        "screen=region-calves button shown=False",
        "page=Calves and shins",
        "staff=Text-to-speech is not available on this computer or in this copy of the kiosk, "
        "so Read aloud is hidden. The kiosk's log says why.",
    ]


# --- audio mode ---------------------------------------------------------------------------------


def click(qtbot, widget, point: QPoint | None = None):
    """A real click where the system would put it: Qt decides which widget is under it."""
    window = widget.window()
    at = widget.mapTo(window, point if point is not None else widget.rect().center())
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=at)


def point_on(button: QAbstractButton) -> QPoint:
    """A point where a tap reaches ``button`` itself (body-map regions are shaped, not square)."""
    rect = button.rect()
    for fy in (0.5, 0.4, 0.6, 0.3, 0.7):
        for fx in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
            point = QPoint(round(rect.width() * fx), round(rect.height() * fy))
            if QApplication.widgetAt(button.mapToGlobal(point)) is button:
                return point
    raise AssertionError(f"no point on {button.accessibleName()} reaches it")


def test_audio_mode_speaks_what_is_touched_and_a_second_touch_chooses_it(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=FAST, speech=True)
    ear = Ear(kiosk)
    toggle = kiosk.home.audio_mode_toggle
    toggle.checkbox.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(toggle.checkbox, Qt.Key.Key_Space)  # reachable and worked by keyboard
    assert kiosk.read_aloud.audio_on
    assert ear.started == [toggle.checkbox.text()], "turning it on says the toggle's own words"
    with qtbot.waitSignal(kiosk.read_aloud.narrator.finished, timeout=5000):
        pass
    assert ear.started == [toggle.checkbox.text(), toggle.hint.text()]

    calves = kiosk.home.region_buttons["calves"]
    with qtbot.assertNotEmitted(kiosk.window.screenChanged, wait=100):
        click(qtbot, calves)
    assert ear.started[-1] == calves.text()
    assert kiosk.router.current.name == "home", "the first touch only says its name"
    with qtbot.waitSignal(kiosk.window.screenChanged):
        click(qtbot, calves)
    assert kiosk.router.current.name == "region-calves"
    # A patient who can't see the page hears it: the new screen is read from its top.
    with qtbot.waitSignal(kiosk.read_aloud.narrator.sentenceStarted, timeout=5000):
        pass
    assert ear.started[-1] in page_sentences(kiosk, "calves", "en")[:2]
    on_screen = {toggle.checkbox.text(), toggle.hint.text(), calves.text(), *page_sentences(kiosk, "calves", "en")}
    assert all(said in on_screen for said in ear.started), f"nothing is said that is not on the screen: {ear.started}"

    # Body-map regions: a real touch speaks one, and the arrow keys move between them, speaking each.
    with qtbot.waitSignal(kiosk.window.screenChanged):
        kiosk.router.screen.back_button.click()  # a program's click: audio mode is for touches
    regions = [b for b in kiosk.home.body_map.findChildren(QAbstractButton) if b.isVisible()]
    first = regions[0]
    handle, device = kiosk.window.windowHandle(), QTest.createTouchDevice()
    at = first.mapTo(kiosk.window, point_on(first))
    QTest.touchEvent(handle, device).press(0, at).commit()
    QTest.touchEvent(handle, device).release(0, at).commit()
    assert ear.started[-1] == first.accessibleName()
    assert kiosk.router.current.name == "home"
    QTest.keyClick(first, Qt.Key.Key_Right)
    focused = QApplication.focusWidget()
    assert focused is not first and focused in regions
    assert ear.started[-1] == focused.accessibleName()


def test_a_long_press_on_read_aloud_turns_audio_mode_on_and_off(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=FAST, speech=True)
    kiosk.router.show(ScreenId.for_region("calves"))
    button = kiosk.router.screen.read_aloud_button
    handle = kiosk.window.windowHandle()
    at = button.mapTo(kiosk.window, button.rect().center())
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=at)
    with qtbot.waitSignal(button.longPressed, timeout=5000):
        pass
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=at)
    assert kiosk.read_aloud.audio_on
    assert kiosk.read_aloud.narrator.script == [kiosk.language.ui.audio_mode, kiosk.language.ui.audio_mode_hint]
    kiosk.reset_for_next_patient()
    assert not kiosk.read_aloud.audio_on, "the next patient starts without audio mode"


# --- a real voice: speech-dispatcher with espeak-ng --------------------------------------------


@pytest.fixture
def speech_dispatcher(tmp_path, monkeypatch):
    """A private speech-dispatcher writing to ALSA's null device; skipped where it can't start."""
    binary = shutil.which("speech-dispatcher")
    if binary is None or not Path("/etc/speech-dispatcher/speechd.conf").exists() or sys.platform == "win32":
        pytest.skip("speech-dispatcher is not installed (Debian: speech-dispatcher speech-dispatcher-espeak-ng)")
    config = tmp_path / "speechd"
    shutil.copytree("/etc/speech-dispatcher", config)
    with open(config / "speechd.conf", "a", encoding="utf-8") as conf:
        conf.write('\nAudioOutputMethod "alsa"\nAudioALSADevice "null"\nDefaultModule espeak-ng\n')
    socket = tmp_path / "speechd.sock"
    pid_file = tmp_path / "speechd.pid"
    started = subprocess.run([binary, "-d", "-C", str(config), "-c", "unix_socket", "-S", str(socket),
                              "-P", str(pid_file), "-L", str(tmp_path), "-t", "60"],
                             capture_output=True, text=True, timeout=30)
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # the daemon's own start-up, not a wait for the kiosk
    if started.returncode != 0 or not socket.exists():
        pytest.skip(f"speech-dispatcher could not start here: {started.stderr.strip()[:200]}")
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{socket}")
    monkeypatch.setenv("KIOSK_SPEECH_ENGINE", "speechd")
    yield
    if pid_file.exists():
        subprocess.run(["kill", pid_file.read_text().strip()], check=False)


@pytest.mark.skipif(os.name == "nt", reason="speech-dispatcher is Linux's")
def test_a_real_voice_reads_a_region_page_in_spanish_and_english(speech_dispatcher, make_kiosk, qtbot):
    kiosk = make_kiosk(settings=FAST, speech=True)
    narrator = kiosk.read_aloud.narrator
    assert narrator.engine.engine() == "speechd"
    for lang, language in (("es", QLocale.Language.Spanish), ("en", QLocale.Language.English)):
        kiosk.set_language(lang)
        kiosk.router.show(ScreenId.for_region("calves"))
        expected = page_sentences(kiosk, "calves", lang)
        started = []
        narrator.sentenceStarted.connect(started.append)
        # Two sentences spoken to the end by espeak-ng, and the third begun.
        with qtbot.waitSignal(narrator.sentenceStarted, check_params_cb=lambda i: i == 2, timeout=30_000):
            kiosk.router.screen.read_aloud_button.click()
        narrator.sentenceStarted.disconnect(started.append)
        assert narrator.engine.locale().language() == language
        assert narrator.script[:3] == expected[:3]
        assert started == [0, 1, 2]
        kiosk.read_aloud.stop()


@pytest.mark.qt_log_ignore("Text-to-speech plug-in")
def test_where_no_engine_works_the_kiosk_works_without_read_aloud(make_kiosk, qtbot, monkeypatch):
    monkeypatch.setenv("KIOSK_SPEECH_ENGINE", "a-missing-engine")  # as on a tablet whose voices are gone
    kiosk = make_kiosk(speech=True)
    assert not kiosk.read_aloud.narrator.available and kiosk.read_aloud.narrator.installed
    assert not kiosk.home.read_aloud_button.isVisible() and not kiosk.home.audio_mode_toggle.isVisible()
    kiosk.router.show(ScreenId.walkthrough())
    assert not kiosk.router.screen.read_aloud_button.isVisible()
    with qtbot.waitSignal(kiosk.window.screenChanged):
        kiosk.router.screen.next_button.click()
    kiosk.open_staff_menu()
    assert "Text-to-speech is not available" in kiosk.staff.overlay.voices_status.text()


def test_in_audio_mode_the_idle_question_is_spoken(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=FAST, speech=True)
    ear = Ear(kiosk)
    kiosk.read_aloud.set_audio_mode(True)
    kiosk.router.show(ScreenId.for_region("calves"))
    with qtbot.waitSignal(kiosk.idle.idle, timeout=5000):
        kiosk.idle.set_seconds(0.5)  # below the staff minimum, for the test only
    ui = kiosk.language.ui
    assert kiosk.idle_reset.countdown is not None
    # Audio mode is on: the warning lasts 20 s, not the usual 10, and the voice says so.
    assert kiosk.read_aloud.narrator.script == [
        ui.idle_question, "The screen starts again for the next patient in 20 seconds.", ui.idle_spoken_keep]
    assert ear.started[-1] == ui.idle_question


def test_audio_mode_holds_back_taps_only_in_its_own_window(make_kiosk, qtbot):
    # Audio mode watches every event in the application; a second kiosk (another kiosk left
    # open) must not have its first tap swallowed and spoken.
    listening = make_kiosk(settings=FAST, speech=True)
    listening.read_aloud.set_audio_mode(True)
    assert listening.read_aloud.audio_on
    other = make_kiosk(settings=FAST, speech=True)
    with qtbot.waitSignal(other.window.screenChanged, timeout=5000):
        qtbot.mouseClick(other.home.region_buttons["calves"], Qt.MouseButton.LeftButton)
    assert other.router.current.name == "region-calves"


def test_in_audio_mode_a_finger_on_a_tick_box_speaks_first_and_ticks_on_the_second_touch(make_kiosk, qtbot):
    """The precautions' tick boxes sit in a finger-scrolled panel, where a tap is recognised by
    FingerTaps: audio mode hears that touch as it hears any other (it used to tick at once)."""
    from kiosk.visit.card import Tick

    kiosk = make_kiosk(settings=FAST, speech=True)
    kiosk.read_aloud.set_audio_mode(True)
    with qtbot.waitSignal(kiosk.window.screenChanged):
        kiosk.home.precautions_button.click()  # a program's click: audio mode is for touches
    ear = Ear(kiosk)
    box = kiosk.router.screen.ticks.boxes[Tick.precaution(0)]
    handle, device = kiosk.window.windowHandle(), QTest.createTouchDevice()
    where = box.mapTo(kiosk.window, QPoint(box.width() // 2, box.height() // 2))

    def touch() -> None:
        QTest.touchEvent(handle, device).press(0, where).commit()
        QTest.touchEvent(handle, device).release(0, where).commit()

    touch()
    qtbot.waitUntil(lambda: bool(ear.started) and ear.started[-1] == box.text())
    assert not box.isChecked(), "the first touch only says the box's words"
    touch()
    qtbot.waitUntil(box.isChecked)
    assert Tick.precaution(0) in kiosk.card


@pytest.fixture
def silent_speech_dispatcher(monkeypatch):
    """A speech-dispatcher that takes the connection and never answers, as a hung daemon does."""
    import socket
    import tempfile
    import threading

    folder = tempfile.mkdtemp(prefix="kiosk-speechd-")  # short: a socket's path has ~100 characters
    path = os.path.join(folder, "speechd.sock")
    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    server.listen(8)
    held = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    monkeypatch.setenv("KIOSK_SPEECH_ENGINE", "speechd")
    yield held
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(sys.platform != "linux", reason="speech-dispatcher is Linux's")
@pytest.mark.timeout(90)  # where the kiosk waits for the daemon, it waits for good: fail, don't stall
def test_a_speech_daemon_that_never_answers_does_not_hold_the_screen(silent_speech_dispatcher, make_kiosk, qtbot,
                                                                      monkeypatch):
    from kiosk.ui.offscreen.tour import inside
    from kiosk.ui.speech import probe as speechprobe

    monkeypatch.setattr(speechprobe, "ANSWER_WITHIN_MS", 4000)
    kiosk = make_kiosk()
    kiosk.read_aloud.load()  # as after home's first paint
    narrator = kiosk.read_aloud.narrator
    assert narrator.pending
    qtbot.waitUntil(lambda: len(silent_speech_dispatcher) >= 1, timeout=10_000)  # the engine is waiting on it
    # While the engine waits, the patient's tap still opens the Calves page at once.
    body_map = kiosk.home.body_map
    point = inside(body_map.region_shapes("calves")[0]).toPoint()
    with qtbot.waitSignal(kiosk.window.screenChanged, timeout=1000):
        click(qtbot, body_map, point)
    assert narrator.pending, "the answer came before the tap was tried: the test proves nothing"
    with qtbot.waitSignal(kiosk.read_aloud.loaded, timeout=15_000):
        pass
    assert not narrator.available and narrator.installed
    assert "did not answer within 4 s" in narrator.problem
    assert not kiosk.router.screen.read_aloud_button.isVisible()
