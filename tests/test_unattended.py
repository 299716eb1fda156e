"""Unattended all day: lockdown, idle reset, the staff PIN and menu, live content, crash recovery."""

import logging
import os
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.pages.book import load_pages
from kiosk.reading.bodyart import load_art
from kiosk.settings.file import load_settings, save_settings
from kiosk.settings.pin import LOCK_SECONDS, PinGuard, PinResult, hash_pin
from kiosk.settings.values import Settings
from kiosk.ui.updates.watcher import ContentWatcher
from kiosk.ui.window import STAFF_EXIT_CODE, KioskWindow
from kiosk.visit.screens import ATTRACT, HOME, ScreenId
from tests.conftest import REPO, SHIPPED_CONTENT
from tests.helpers import edit

PIN = "2468"
SALT, HASH = "ab" * 16, "cd" * 32  # as a stored PIN looks: 16 bytes of salt, a SHA-256 hash


@pytest.fixture(scope="module")
def fast_pin():
    # A real salted PBKDF2 hash, made once: hashing is deliberately slow.
    return hash_pin(PIN)


@pytest.fixture
def kiosk(qtbot, qapp):
    """A locked, full-featured kiosk window with test-sized timings."""
    from kiosk.ui.look.theme import app_font

    qapp.setFont(app_font())
    made = []

    def make(content=SHIPPED_CONTENT, saved=None, clock=time.monotonic, **settings):
        art = load_art()
        window = KioskWindow(load_pages(content, art.region_ids), art, Settings(**settings), locked=True,
                             save_settings=(saved.append if saved is not None else (lambda s: None)),
                             reload_folder=content, clock=clock)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.watching_people)  # as a patient's first touch
        made.append(window)
        return window

    yield make
    for window in made:
        window.locked = False  # let pytest-qt close it


def test_close_is_refused_while_locked(kiosk, qtbot):
    window = kiosk()
    window.close()
    assert window.isVisible()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    window.locked = False
    window.close()
    assert not window.isVisible()


def test_idle_countdown_then_reset_clears_every_choice(kiosk, qtbot):
    window = kiosk(idle_seconds=0.4, countdown_seconds=2)
    window.home.language_buttons["es"].click()
    window.home.calm_toggle.click()
    window.home.region_buttons["calves"].click()
    bar = window.shown_screen.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.shown_screen.walkthrough_button.click()
    window.shown_screen.next_button.click()
    window.shown_screen.next_button.click()
    assert window.current_screen() == ScreenId.walkthrough("calves", 2)

    qtbot.waitUntil(lambda: window.countdown is not None, timeout=3000)
    spanish = window.book.content.languages["es"].ui
    assert window.countdown.message.text() == spanish.idle_countdown.format(seconds=2)
    with qtbot.waitSignal(window.screenChanged, timeout=5000) as changed:
        pass
    assert changed.args == [ATTRACT.name]
    assert window.countdown is None
    assert window.shown_screen.invite.text() == "Tap to see what dry needling feels like"

    qtbot.mouseClick(window.shown_screen, Qt.MouseButton.LeftButton)
    assert window.current_screen() == HOME
    assert window.visit.language == "en" and not window.visit.calm
    assert window.home.language_buttons["en"].isChecked()
    assert not window.home.calm_toggle.isChecked()
    window.home.region_buttons["calves"].click()
    assert window.shown_screen.view.verticalScrollBar().value() == 0
    assert "What dry needling does here" in window.shown_screen.text()
    window.shown_screen.walkthrough_button.click()
    assert window.shown_screen.progress.text() == "Step 1 of 8"


def test_keep_reading_cancels_the_reset(kiosk, qtbot):
    window = kiosk(idle_seconds=0.3, countdown_seconds=30)
    window.home.region_buttons["foot"].click()
    qtbot.waitUntil(lambda: window.countdown is not None, timeout=3000)
    qtbot.mouseClick(window.countdown.keep_button, Qt.MouseButton.LeftButton)
    assert window.countdown is None
    assert window.current_screen() == ScreenId.for_region("foot")


def test_touch_counts_as_activity(kiosk, qtbot):
    window = kiosk(idle_seconds=600)
    idle = window.idle
    start = idle.remaining_seconds()
    # Long enough a wait that the restart shows whatever the first touch costs on a busy machine.
    qtbot.waitUntil(lambda: idle.remaining_seconds() < start - 0.5, timeout=3000)
    before = idle.remaining_seconds()
    device = QTest.createTouchDevice()
    with qtbot.waitSignal(window.idle.activity):
        QTest.touchEvent(window.windowHandle(), device).press(0, QPoint(640, 400)).commit()
    QTest.touchEvent(window.windowHandle(), device).release(0, QPoint(640, 400)).commit()
    assert idle.remaining_seconds() > before, "a touch restarts the idle clock"


def long_press_corner(window, qtbot):
    with qtbot.waitSignal(window.staff_corner.held, timeout=6000):
        qtbot.mousePress(window.home, Qt.MouseButton.LeftButton, pos=QPoint(12, 12))
    qtbot.mouseRelease(window.home, Qt.MouseButton.LeftButton, pos=QPoint(12, 12))
    return window.staff_overlay


def test_without_a_pin_the_staff_gesture_explains_how_to_set_one(kiosk, qtbot):
    window = kiosk()
    pad = long_press_corner(window, qtbot)
    assert "kiosk --set-pin" in pad.title.text()
    assert not pad.digit_buttons["1"].isVisible()
    pad.cancel_button.click()
    assert window.staff_overlay is None


def test_pin_pad_accepts_the_right_pin_refuses_wrong_ones_and_locks_after_five(kiosk, qtbot, fast_pin):
    now = [1000.0]
    window = kiosk(staff_pin=fast_pin, clock=lambda: now[0])
    pad = long_press_corner(window, qtbot)
    assert pad.title.text() == "Staff only. Enter the PIN."
    assert pad.digit_buttons["5"].height() >= 48

    pad.enter("1111")
    assert pad.message.text() == "That PIN is not right. 4 tries left."
    for _ in range(3):
        pad.enter("0000")
    assert pad.message.text() == "That PIN is not right. 1 tries left."
    pad.enter("9999")
    assert "locked for 5 minutes" in pad.message.text()
    pad.enter(PIN)  # even the right PIN is refused while locked
    assert window.staff_overlay is pad
    now[0] += LOCK_SECONDS + 1
    pad.enter(PIN)
    assert window.staff_overlay is not pad and window.staff_overlay.exit_button.isVisible()


def test_staff_menu_settings_are_saved_and_exit_uses_the_staff_code(kiosk, qtbot, fast_pin, monkeypatch):
    saved = []
    window = kiosk(saved=saved, staff_pin=fast_pin)
    window.open_pin_pad()
    window.staff_overlay.enter(PIN)
    menu = window.staff_overlay
    menu.language_buttons["es"].click()
    menu.calm_default.click()
    menu.idle_buttons[120].click()
    assert (saved[-1].default_language, saved[-1].calm_by_default, saved[-1].idle_seconds) == ("es", True, 120)
    assert window.idle.seconds == 120
    menu.close_button.click()
    window.reset_for_next_patient()
    assert window.visit.language == "es" and window.visit.calm

    codes = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(codes.append))
    window.open_pin_pad()
    window.staff_overlay.enter(PIN)
    window.staff_overlay.exit_button.click()
    assert codes == [], "exit asks first"
    window.staff_overlay.exit_button.click()  # "Exit" on the confirmation
    assert codes == [STAFF_EXIT_CODE]
    assert not window.isVisible()


def test_idle_also_closes_an_open_staff_menu(kiosk, qtbot, fast_pin):
    window = kiosk(staff_pin=fast_pin, idle_seconds=0.3, countdown_seconds=1)
    window.open_pin_pad()
    window.staff_overlay.enter(PIN)
    qtbot.waitUntil(lambda: window.current_screen() == ATTRACT, timeout=5000)
    assert window.staff_overlay is None


def watch(window, content):
    watcher = ContentWatcher(content, window)
    watcher.changed.connect(window.reload_content)
    return watcher


def test_bad_content_edit_while_running_keeps_the_old_content_and_reports_it(kiosk, qtbot, content_copy, fast_pin):
    window = kiosk(content_copy, staff_pin=fast_pin)
    watch(window, content_copy)
    path = content_copy / "regions" / "calves.yaml"
    with qtbot.waitSignal(window.contentRejected, timeout=10000) as rejected:
        edit(path, "name: Calves", "name: [Calves")
    assert any(str(path) in str(p) for p in rejected.args[0])
    window.home.region_buttons["calves"].click()
    assert window.shown_screen.text().startswith("Calves")
    window.shown_screen.back_button.click()
    window.open_pin_pad()
    window.staff_overlay.enter(PIN)
    assert str(path) in window.staff_overlay.problems_view.toPlainText()


def test_good_content_edit_appears_at_the_next_return_home(kiosk, qtbot, content_copy):
    window = kiosk(content_copy)
    watch(window, content_copy)
    window.home.region_buttons["calves"].click()
    # Never under a reading patient: ready, but not swapped in.
    with qtbot.assertNotEmitted(window.contentSwapped), qtbot.waitSignal(window.contentReady, timeout=10000):
        edit(content_copy / "regions" / "calves.yaml", "name: Calves and shins", "name: Calf muscles")
    assert window.shown_screen.text().startswith("Calves")
    with qtbot.waitSignal(window.contentSwapped):
        window.shown_screen.back_button.click()
    assert window.home.region_buttons["calves"].text() == "Calf muscles"
    window.home.region_buttons["calves"].click()
    assert window.shown_screen.text().startswith("Calf muscles")


def test_a_screen_that_fails_shows_the_calm_page(kiosk, qtbot, monkeypatch, caplog):
    window = kiosk()

    def broken(*args):
        raise RuntimeError("template engine exploded")

    monkeypatch.setattr(window.book, "region", broken)
    window.navigator.forget_kept()  # the region screens made ahead while home waited: made anew
    window.home.region_buttons["quads"].click()
    assert "This page is being updated" in window.shown_screen.text()
    assert "exploded" not in window.shown_screen.text()
    assert any("exploded" in r.getMessage() or (r.exc_info and "exploded" in str(r.exc_info[1]))
               for r in caplog.records)
    window.shown_screen.back_button.click()
    assert window.current_screen() == HOME


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_returns_to_home(kiosk, qtbot, monkeypatch):
    from kiosk.ui.app import _catch_everything

    window = kiosk()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    _catch_everything(window)
    window.home.region_buttons["foot"].click()
    window.shown_screen.walkthrough_button.click()

    def boom():
        raise ValueError("unexpected")

    window.shown_screen.next_button.clicked.connect(boom)
    window.shown_screen.next_button.click()
    assert window.current_screen() == HOME


def test_a_broken_setting_means_its_default_and_a_warning(tmp_path, caplog):
    path = tmp_path / "settings.yaml"
    path.write_text("idle_seconds: soon\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        settings, problems = load_settings(path)
    assert settings == Settings()
    assert [str(p) for p in problems] == [f"{path}:1: 'idle_seconds' must be a number, got \"soon\"; until "
                                          "this is fixed the kiosk uses 90 (the default) and every other setting in "
                                          "the file"]
    assert any("'idle_seconds' must be a number" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("text, line, message", [
    ("countdown_seconds: 2.5\n", 1, "'countdown_seconds' must be a whole number, got 2.5"),
    (f"staff_pin:\n  salt: {SALT}\n  hash: {HASH}\n  iterations: 150000.5\n", 4,
     "'staff_pin.iterations' must be a whole number, got 150000.5"),
    ("countdown_seconds: true\n", 1, "'countdown_seconds' must be a number, got yes/no"),
])
def test_whole_number_settings_refuse_fractions(tmp_path, text, line, message):
    path = tmp_path / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert [str(p).split("; until")[0] for p in problems] == [f"{path}:{line}: {message}"]


def test_whole_number_settings_stay_whole_numbers(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("idle_seconds: 30\ncountdown_seconds: 12.0\n"
                    f"staff_pin:\n  salt: {SALT}\n  hash: {HASH}\n  iterations: 200000\n", encoding="utf-8")
    settings, problems = load_settings(path)
    assert problems == () and settings.staff_pin is not None
    assert type(settings.countdown_seconds) is int and settings.countdown_seconds == 12
    assert type(settings.staff_pin.iterations) is int and settings.staff_pin.iterations == 200_000
    assert type(settings.idle_seconds) is float  # fractions of a second are allowed here

    save_settings(path, settings)
    text = path.read_text(encoding="utf-8")
    assert "idle_seconds: 30\n" in text and "countdown_seconds: 12\n" in text and "iterations: 200000\n" in text
    assert load_settings(path) == (settings, ())


def test_set_pin_from_a_terminal_stores_only_a_salted_hash(tmp_path):
    config = tmp_path / "settings.yaml"
    run = subprocess.run([sys.executable, "-m", "kiosk", "--set-pin", "--config", str(config)],
                         input="482913\n482913\n", capture_output=True, text=True, cwd=REPO, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    text = config.read_text(encoding="utf-8")
    assert "482913" not in text
    settings, problems = load_settings(config)
    assert problems == () and settings.staff_pin is not None
    assert PinGuard(settings.staff_pin).check("482913") is PinResult.OK

    mismatch = subprocess.run([sys.executable, "-m", "kiosk", "--set-pin", "--config", str(config)],
                              input="111111\n222222\n", capture_output=True, text=True, cwd=REPO, timeout=60)
    assert mismatch.returncode == 1 and "different" in mismatch.stderr


def test_a_closed_countdown_never_fires_later(kiosk, qtbot):
    """Regression: a countdown closed by a reset kept ticking and reset the next patient's screen."""
    window = kiosk(countdown_seconds=1)
    window.show_region("calves")
    window.start_countdown()
    overlay = window.countdown
    window.reset_visit()
    window.show_region("foot")
    assert overlay is not window.countdown
    # Let the time the old countdown had left go by: nothing may happen.
    with qtbot.assertNotEmitted(window.screenChanged, wait=1500):
        pass
    assert window.current_screen() == ScreenId.for_region("foot")


def test_clinic_defaults_for_text_size_and_contrast_start_every_visit(kiosk, qtbot):
    window = kiosk(text_size_by_default="large", high_contrast_by_default=True)
    assert window.visit.text_scale == 1.4 and window.visit.high_contrast
    window.home.text_size_button.click()
    window.home.contrast_toggle.click()
    assert window.visit.text_scale == 1.8 and not window.visit.high_contrast
    window.reset_for_next_patient()
    assert window.visit.text_scale == 1.4 and window.visit.high_contrast


def test_the_next_patient_with_the_same_choices_starts_every_screen_afresh(kiosk, qtbot):
    """Screens are kept between taps for speed; none may show the last patient where they left it."""
    window = kiosk(idle_seconds=0.4, countdown_seconds=1)
    window.home.region_buttons["calves"].click()
    bar = window.shown_screen.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.shown_screen.walkthrough_button.click()
    for _ in range(4):
        window.shown_screen.next_button.click()
    assert window.current_screen() == ScreenId.walkthrough("calves", 4)
    walkthrough = window.shown_screen

    with qtbot.waitSignal(window.screenChanged, timeout=5000) as changed:
        pass  # nobody touches it: countdown, then reset
    assert changed.args == [ATTRACT.name]
    qtbot.mouseClick(window.shown_screen, Qt.MouseButton.LeftButton)
    window.home.region_buttons["calves"].click()
    assert window.shown_screen.view.verticalScrollBar().value() == 0
    window.shown_screen.walkthrough_button.click()
    assert window.shown_screen is walkthrough, "the same choices reuse the screen already made"
    assert window.current_screen() == ScreenId.walkthrough("calves", 0)
    assert window.shown_screen.progress.text() == "Step 1 of 8"
    assert not window.shown_screen.previous_button.isEnabled()
