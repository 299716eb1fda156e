"""Unattended all day: lockdown, idle reset, the staff PIN and menu, live content, crash recovery."""

import logging
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.settings.file import load_settings, save_settings
from kiosk.settings.pin import LOCK_SECONDS, PinGuard, PinResult
from kiosk.settings.values import Settings
from kiosk.ui.kiosk import STAFF_EXIT_CODE
from kiosk.ui.updates.watcher import ContentWatcher
from kiosk.visit.screens import ATTRACT, HOME, ScreenId
from tests.support.content import REPO, edit
from tests.support.pins import PIN

SALT, HASH = "ab" * 16, "cd" * 32  # as a stored PIN looks: 16 bytes of salt, a SHA-256 hash




def test_close_is_refused_while_locked(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=Settings(), locked=True)
    kiosk.window.close()
    assert kiosk.window.isVisible()
    QTest.keyClick(kiosk.window, Qt.Key.Key_Escape)
    assert kiosk.window.isVisible()
    kiosk.window.locked = False
    kiosk.window.close()
    assert not kiosk.window.isVisible()


def test_idle_countdown_then_reset_clears_every_choice(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=Settings(idle_seconds=0.4, countdown_seconds=2), locked=True)
    kiosk.home.language_buttons["es"].click()
    kiosk.home.calm_toggle.click()
    kiosk.home.region_buttons["calves"].click()
    bar = kiosk.router.screen.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    kiosk.router.screen.walkthrough_button.click()
    kiosk.router.screen.next_button.click()
    kiosk.router.screen.next_button.click()
    assert kiosk.router.current == ScreenId.walkthrough("calves", 2)

    qtbot.waitUntil(lambda: kiosk.idle_reset.countdown is not None, timeout=3000)
    spanish = kiosk.book.content.languages["es"].ui
    assert kiosk.idle_reset.countdown.message.text() == spanish.idle_countdown.format(seconds=2)
    with qtbot.waitSignal(kiosk.window.screenChanged, timeout=5000) as changed:
        pass
    assert changed.args == [ATTRACT.name]
    assert kiosk.idle_reset.countdown is None
    assert kiosk.router.screen.invite.text().replace("\u00a0", " ") == "Tap to see what dry needling feels like"

    qtbot.mouseClick(kiosk.router.screen, Qt.MouseButton.LeftButton)
    assert kiosk.router.current == HOME
    assert kiosk.visit.language == "en" and not kiosk.visit.calm
    assert kiosk.home.language_buttons["en"].isChecked()
    assert not kiosk.home.calm_toggle.isChecked()
    kiosk.home.region_buttons["calves"].click()
    assert kiosk.router.screen.view.verticalScrollBar().value() == 0
    assert "What dry needling does here" in kiosk.router.screen.text()
    kiosk.router.screen.walkthrough_button.click()
    assert kiosk.router.screen.progress.text() == "Step 1 of 8"


def test_keep_reading_cancels_the_reset(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=Settings(idle_seconds=0.3, countdown_seconds=30), locked=True)
    kiosk.home.region_buttons["foot"].click()
    qtbot.waitUntil(lambda: kiosk.idle_reset.countdown is not None, timeout=3000)
    qtbot.mouseClick(kiosk.idle_reset.countdown.keep_button, Qt.MouseButton.LeftButton)
    assert kiosk.idle_reset.countdown is None
    assert kiosk.router.current == ScreenId.for_region("foot")


def test_touch_counts_as_activity(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=Settings(idle_seconds=600), locked=True)
    idle = kiosk.idle
    start = idle.remaining_seconds()
    # Long enough a wait that the restart shows whatever the first touch costs on a busy machine.
    qtbot.waitUntil(lambda: idle.remaining_seconds() < start - 0.5, timeout=3000)
    before = idle.remaining_seconds()
    device = QTest.createTouchDevice()
    with qtbot.waitSignal(kiosk.idle.activity):
        QTest.touchEvent(kiosk.window.windowHandle(), device).press(0, QPoint(640, 400)).commit()
    QTest.touchEvent(kiosk.window.windowHandle(), device).release(0, QPoint(640, 400)).commit()
    assert idle.remaining_seconds() > before, "a touch restarts the idle clock"


def long_press_corner(kiosk, qtbot, clock=None):
    """Staff hold the corner; with ``clock`` (the kiosk's fake one) the hold's time is moved on, not waited."""
    with qtbot.waitSignal(kiosk.staff_corner.held, timeout=6000):
        qtbot.mousePress(kiosk.home, Qt.MouseButton.LeftButton, pos=QPoint(12, 12))
        if clock is not None:
            clock.advance(5)
    qtbot.mouseRelease(kiosk.home, Qt.MouseButton.LeftButton, pos=QPoint(12, 12))
    return kiosk.staff.overlay


def test_without_a_pin_the_staff_gesture_explains_how_to_set_one(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=Settings(), locked=True)
    pad = long_press_corner(kiosk, qtbot)
    assert "kiosk --set-pin" in pad.title.text()
    assert not pad.digit_buttons["1"].isVisible()
    pad.cancel_button.click()
    assert kiosk.staff.overlay is None


def test_pin_pad_accepts_the_right_pin_refuses_wrong_ones_and_locks_after_five(make_kiosk, qtbot, fast_pin,
                                                                              fake_clock):
    kiosk = make_kiosk(settings=Settings(staff_pin=fast_pin, idle_seconds=600), locked=True, clock=fake_clock)
    pad = long_press_corner(kiosk, qtbot, fake_clock)
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
    assert kiosk.staff.overlay is pad
    fake_clock.now += LOCK_SECONDS + 1  # the lock's time passes (no timer waits on it)
    pad.enter(PIN)
    assert kiosk.staff.overlay is not pad and kiosk.staff.overlay.exit_button.isVisible()


def test_staff_menu_settings_are_saved_and_exit_uses_the_staff_code(make_kiosk, qtbot, fast_pin, monkeypatch):
    saved = []
    kiosk = make_kiosk(settings=Settings(staff_pin=fast_pin), locked=True, saved=saved)
    kiosk.open_pin_pad()
    kiosk.staff.overlay.enter(PIN)
    menu = kiosk.staff.overlay
    menu.language_buttons["es"].click()
    menu.calm_default.click()
    menu.idle_buttons[120].click()
    assert (saved[-1].default_language, saved[-1].calm_by_default, saved[-1].idle_seconds) == ("es", True, 120)
    assert kiosk.idle.seconds == 120
    menu.close_button.click()
    kiosk.reset_for_next_patient()
    assert kiosk.visit.language == "es" and kiosk.visit.calm

    codes = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(codes.append))
    kiosk.open_pin_pad()
    kiosk.staff.overlay.enter(PIN)
    kiosk.staff.overlay.exit_button.click()
    assert codes == [], "exit asks first"
    kiosk.staff.overlay.exit_button.click()  # "Exit" on the confirmation
    assert codes == [STAFF_EXIT_CODE]
    assert not kiosk.window.isVisible()


def test_idle_also_closes_an_open_staff_menu(make_kiosk, qtbot, fast_pin):
    kiosk = make_kiosk(settings=Settings(staff_pin=fast_pin, idle_seconds=0.3, countdown_seconds=1), locked=True)
    kiosk.open_pin_pad()
    kiosk.staff.overlay.enter(PIN)
    qtbot.waitUntil(lambda: kiosk.router.current == ATTRACT, timeout=5000)
    assert kiosk.staff.overlay is None


def watch(kiosk, content):
    watcher = ContentWatcher(content, kiosk)
    watcher.changed.connect(kiosk.reload_content)
    return watcher


def test_bad_content_edit_while_running_keeps_the_old_content_and_reports_it(make_kiosk, qtbot, content_copy, fast_pin):
    kiosk = make_kiosk(content_copy, settings=Settings(staff_pin=fast_pin), locked=True)
    watch(kiosk, content_copy)
    path = content_copy / "regions" / "calves.yaml"
    with qtbot.waitSignal(kiosk.arrival.contentRejected, timeout=10000) as rejected:
        edit(path, "name: Calves", "name: [Calves")
    assert any(str(path) in str(p) for p in rejected.args[0])
    kiosk.home.region_buttons["calves"].click()
    assert kiosk.router.screen.text().startswith("Calves")
    kiosk.router.screen.back_button.click()
    kiosk.open_pin_pad()
    kiosk.staff.overlay.enter(PIN)
    assert str(path) in kiosk.staff.overlay.problems_view.toPlainText()


def test_good_content_edit_appears_at_the_next_return_home(make_kiosk, qtbot, content_copy):
    kiosk = make_kiosk(content_copy, settings=Settings(), locked=True)
    watch(kiosk, content_copy)
    kiosk.home.region_buttons["calves"].click()
    # Never under a reading patient: ready, but not swapped in.
    with qtbot.assertNotEmitted(kiosk.contentSwapped), qtbot.waitSignal(kiosk.arrival.contentReady, timeout=10000):
        edit(content_copy / "regions" / "calves.yaml", "name: Calves and shins", "name: Calf muscles")
    assert kiosk.router.screen.text().startswith("Calves")
    with qtbot.waitSignal(kiosk.contentSwapped):
        kiosk.router.screen.back_button.click()
    assert kiosk.home.region_buttons["calves"].text() == "Calf muscles"
    kiosk.home.region_buttons["calves"].click()
    assert kiosk.router.screen.text().startswith("Calf muscles")


def test_a_screen_that_fails_shows_the_calm_page(make_kiosk, qtbot, monkeypatch, caplog):
    kiosk = make_kiosk(settings=Settings(), locked=True)

    def broken(*args):
        raise RuntimeError("template engine exploded")

    monkeypatch.setattr(kiosk.book, "region", broken)
    kiosk.router.forget_kept()  # the region screens made ahead while home waited: made anew
    kiosk.home.region_buttons["quads"].click()
    assert "This page is being updated" in kiosk.router.screen.text()
    assert "exploded" not in kiosk.router.screen.text()
    assert any("exploded" in r.getMessage() or (r.exc_info and "exploded" in str(r.exc_info[1]))
               for r in caplog.records)
    kiosk.router.screen.back_button.click()
    assert kiosk.router.current == HOME


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_returns_to_home(make_kiosk, qtbot, monkeypatch):
    from kiosk.ui.app import _catch_everything

    kiosk = make_kiosk(settings=Settings(), locked=True)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    _catch_everything(kiosk)
    kiosk.home.region_buttons["foot"].click()
    kiosk.router.screen.walkthrough_button.click()

    def boom():
        raise ValueError("unexpected")

    kiosk.router.screen.next_button.clicked.connect(boom)
    kiosk.router.screen.next_button.click()
    assert kiosk.router.current == HOME


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


def test_a_closed_countdown_never_fires_later(make_kiosk, qtbot):
    """Regression: a countdown closed by a reset kept ticking and reset the next patient's screen."""
    kiosk = make_kiosk(settings=Settings(countdown_seconds=1), locked=True)
    kiosk.router.show(ScreenId.for_region("calves"))
    kiosk.start_countdown()
    overlay = kiosk.idle_reset.countdown
    kiosk.reset_visit()
    kiosk.router.show(ScreenId.for_region("foot"))
    assert overlay is not kiosk.idle_reset.countdown
    # Let the time the old countdown had left go by: nothing may happen.
    with qtbot.assertNotEmitted(kiosk.window.screenChanged, wait=1500):
        pass
    assert kiosk.router.current == ScreenId.for_region("foot")


def test_clinic_defaults_for_text_size_and_contrast_start_every_visit(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=Settings(text_size_by_default='large', high_contrast_by_default=True), locked=True)
    assert kiosk.visit.text_scale == 1.4 and kiosk.visit.high_contrast
    kiosk.home.text_size_button.click()
    kiosk.home.contrast_toggle.click()
    assert kiosk.visit.text_scale == 1.8 and not kiosk.visit.high_contrast
    kiosk.reset_for_next_patient()
    assert kiosk.visit.text_scale == 1.4 and kiosk.visit.high_contrast


def test_the_next_patient_with_the_same_choices_starts_every_screen_afresh(make_kiosk, qtbot):
    """Screens are kept between taps for speed; none may show the last patient where they left it."""
    kiosk = make_kiosk(settings=Settings(idle_seconds=0.4, countdown_seconds=1), locked=True)
    kiosk.home.region_buttons["calves"].click()
    bar = kiosk.router.screen.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    kiosk.router.screen.walkthrough_button.click()
    for _ in range(4):
        kiosk.router.screen.next_button.click()
    assert kiosk.router.current == ScreenId.walkthrough("calves", 4)
    walkthrough = kiosk.router.screen

    with qtbot.waitSignal(kiosk.window.screenChanged, timeout=5000) as changed:
        pass  # nobody touches it: countdown, then reset
    assert changed.args == [ATTRACT.name]
    qtbot.mouseClick(kiosk.router.screen, Qt.MouseButton.LeftButton)
    kiosk.home.region_buttons["calves"].click()
    assert kiosk.router.screen.view.verticalScrollBar().value() == 0
    kiosk.router.screen.walkthrough_button.click()
    assert kiosk.router.screen is walkthrough, "the same choices reuse the screen already made"
    assert kiosk.router.current == ScreenId.walkthrough("calves", 0)
    assert kiosk.router.screen.progress.text() == "Step 1 of 8"
    assert not kiosk.router.screen.previous_button.isEnabled()
