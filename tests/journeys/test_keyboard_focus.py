"""A patient who can't see or touch the screen finishes a visit by keyboard alone: keys that
leave the attract screen, Enter on every button, overlays that hold the focus, settings that keep
it, tabs it follows. Real key events on the focused widget, through the real kiosk."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.settings.pin import hash_pin
from kiosk.settings.values import Settings
from kiosk.ui.widgets.focusorder import tab_stops
from kiosk.visit.screens import ATTRACT, HOME, PRECAUTIONS, ScreenKind
from tests.support.steps import pin_pad_from

PIN = "2580"


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key pressed where the keyboard is, as the keyboard sends it."""
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def tab_to(qtbot, kiosk, control, most=80):
    """Tab from where the focus is until ``control`` has it, as a keyboard user would."""
    for _ in range(most):
        if control.hasFocus():
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {control.objectName()}")


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                 Qt.Key.Key_Escape], ids=lambda key: key.name)
def test_a_key_leaves_the_attract_screen_for_homes_first_control(make_kiosk, qtbot, key):
    kiosk = make_kiosk()
    kiosk.reset_for_next_patient()
    assert kiosk.router.current == ATTRACT
    qtbot.waitUntil(lambda: kiosk.router.screen.hasFocus())
    with qtbot.waitSignal(kiosk.window.screenChanged) as changed:
        press(qtbot, key)
    assert changed.args == ["home"]
    home = kiosk.router.screen
    assert kiosk.router.current == HOME and home is kiosk.home
    qtbot.waitUntil(lambda: focused() is tab_stops(home)[0])
    assert kiosk.focus_ring.target is focused() and kiosk.focus_ring.isVisible()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter], ids=lambda key: key.name)
def test_enter_presses_ordinary_buttons(make_kiosk, qtbot, key):
    kiosk = make_kiosk()
    kiosk.home.walkthrough_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(kiosk.home.walkthrough_button.hasFocus)
    with qtbot.waitSignal(kiosk.window.screenChanged):
        press(qtbot, key)
    assert kiosk.router.current.kind is ScreenKind.WALKTHROUGH
    qtbot.keyClick(kiosk.router.screen, Qt.Key.Key_Escape)
    kiosk.home.region_buttons["calves"].click()
    region = kiosk.router.screen
    region.precautions_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(region.precautions_button.hasFocus)
    with qtbot.waitSignal(kiosk.window.screenChanged):
        press(qtbot, key)
    assert kiosk.router.current.kind is ScreenKind.PRECAUTIONS


def test_enter_ticks_a_tick_box_and_a_held_key_presses_once(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.router.show(PRECAUTIONS)
    tick = next(stop for stop in tab_stops(kiosk.router.screen) if stop.objectName() == "tickBox")
    tick.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(tick.hasFocus)
    press(qtbot, Qt.Key.Key_Return)
    assert tick.isChecked()
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    QApplication.sendEvent(tick, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier,
                                           "\r", True))  # the key held down: its repeats
    assert tick.isChecked()


def test_still_reading_takes_the_focus_and_keeps_it(make_kiosk, qtbot, fake_clock):
    kiosk = make_kiosk(settings=Settings(idle_seconds=600, countdown_seconds=30), clock=fake_clock)
    walkthrough = kiosk.home.walkthrough_button
    walkthrough.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(walkthrough.hasFocus)
    kiosk.start_countdown()
    countdown = kiosk.idle_reset.countdown
    qtbot.waitUntil(countdown.keep_button.hasFocus)
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        press(qtbot, key)
        assert countdown.keep_button.hasFocus(), "Tab left 'Still reading?' for the screen behind"
    assert kiosk.idle_reset.countdown is countdown
    with qtbot.waitSignal(countdown.keepReading):
        press(qtbot, Qt.Key.Key_Escape)
    assert kiosk.idle_reset.countdown is None and kiosk.router.current == HOME
    qtbot.waitUntil(walkthrough.hasFocus)  # back where the patient was


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_A],
                         ids=lambda key: key.name)
def test_any_key_keeps_reading(make_kiosk, qtbot, fake_clock, key):
    kiosk = make_kiosk(settings=Settings(idle_seconds=600, countdown_seconds=30), clock=fake_clock)
    kiosk.start_countdown()
    countdown = kiosk.idle_reset.countdown
    qtbot.waitUntil(countdown.keep_button.hasFocus)
    fake_clock.advance(20)  # well into the countdown
    with qtbot.waitSignal(countdown.keepReading):
        press(qtbot, key)
    assert kiosk.idle_reset.countdown is None
    fake_clock.advance(20)  # past where the countdown would have ended: the visit goes on
    assert kiosk.router.current == HOME


def test_the_pin_pad_holds_the_focus_and_gives_it_back(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=Settings(staff_pin=hash_pin(PIN)))
    contrast = kiosk.home.contrast_toggle
    pad = pin_pad_from(kiosk, qtbot, contrast)
    for _ in range(len(tab_stops(pad)) + 3):
        press(qtbot, Qt.Key.Key_Tab)
        assert pad.isAncestorOf(focused()), f"Tab left the PIN pad for {focused().objectName()}"
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Backtab)
        assert pad.isAncestorOf(focused())
    press(qtbot, Qt.Key.Key_Space)  # whatever it presses on the pad, never the contrast behind
    assert not kiosk.visit.high_contrast and not contrast.isChecked()
    pad.cancel_button.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.staff.overlay is None)
    qtbot.waitUntil(contrast.hasFocus)


def test_a_screen_shown_beneath_the_pin_pad_cant_take_the_focus(make_kiosk, qtbot):
    kiosk = make_kiosk(settings=Settings(staff_pin=hash_pin(PIN)))
    kiosk.open_pin_pad()
    pad = kiosk.staff.overlay
    press(qtbot, Qt.Key.Key_Tab)
    on_pad = focused()
    assert pad.isAncestorOf(on_pad)
    kiosk.show_home()  # as when staff reload the content: home is shown anew beneath the pad
    assert focused() is on_pad
    kiosk.staff.close()
    qtbot.waitUntil(lambda: kiosk.staff.overlay is None and focused() is kiosk.router.screen)


def _focus_kept(qtbot, kiosk, control_on, change):
    control = control_on(kiosk.router.screen)
    tab_to(qtbot, kiosk, control)
    name = control.objectName()
    with qtbot.waitSignal(kiosk.window.screenChanged):
        press(qtbot, change)
    again = control_on(kiosk.router.screen)
    assert again is not control or again.isVisible()
    qtbot.waitUntil(again.hasFocus)
    assert focused().objectName() == name and kiosk.focus_ring.target is again


@pytest.mark.parametrize("control_on", [
    pytest.param(lambda screen: screen.contrast_toggle, id="high contrast"),
    pytest.param(lambda screen: screen.text_size_button, id="text size"),
    pytest.param(lambda screen: screen.calm_toggle, id="hide needle pictures"),
    pytest.param(lambda screen: screen.language_buttons["es"], id="language"),
])
def test_a_setting_changed_by_keyboard_keeps_the_focus_on_home(make_kiosk, qtbot, control_on):
    kiosk = make_kiosk()
    kiosk.home.setFocus()
    _focus_kept(qtbot, kiosk, control_on, Qt.Key.Key_Space)


@pytest.mark.parametrize("control_on", [
    pytest.param(lambda screen: screen.text_size_button, id="text size"),
    pytest.param(lambda screen: screen.calm_toggle, id="hide needle pictures"),
])
def test_a_setting_changed_by_keyboard_keeps_the_focus_on_a_region(make_kiosk, qtbot, control_on):
    kiosk = make_kiosk()
    kiosk.home.region_buttons["quads"].click()
    _focus_kept(qtbot, kiosk, control_on, Qt.Key.Key_Space)


def test_a_tapped_setting_leaves_no_ring(make_kiosk, qtbot):
    kiosk = make_kiosk()
    qtbot.mouseClick(kiosk.home.text_size_button, Qt.MouseButton.LeftButton)
    assert kiosk.focus_ring.target is None


def test_the_focus_follows_the_region_tab_shown(make_kiosk, qtbot):
    from PySide6.QtGui import QAccessible

    kiosk = make_kiosk()
    kiosk.home.region_buttons["calves"].click()
    region = kiosk.router.screen
    tab_to(qtbot, kiosk, region.tabs[0])
    for shown in (1, 2):
        with qtbot.waitSignal(region.pageChanged):
            press(qtbot, Qt.Key.Key_Right)
        assert region.index == shown and region.tabs[shown].isChecked()
        qtbot.waitUntil(region.tabs[shown].hasFocus)
        tab = QAccessible.queryAccessibleInterface(focused())
        assert tab.state().focused and tab.state().selected
    press(qtbot, Qt.Key.Key_Left)
    qtbot.waitUntil(region.tabs[1].hasFocus)


def _nameless_stops(within):
    from PySide6.QtGui import QAccessible

    nameless = []
    for stop in tab_stops(within):
        said = QAccessible.queryAccessibleInterface(stop)
        if said is None or not said.text(QAccessible.Text.Name).strip():
            nameless.append(f"{type(stop).__name__} {stop.objectName()!r}")
    return nameless


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_stop_of_every_screen_has_a_name(make_kiosk, qtbot, language):
    from kiosk.visit.screens import CARD, QUESTIONS, SOURCES, ScreenId

    kiosk = make_kiosk()
    kiosk.set_language(language)
    screens = [HOME, ScreenId.for_region("calves"), ScreenId.walkthrough(), ScreenId.walkthrough("foot"),
               PRECAUTIONS, QUESTIONS, CARD, SOURCES]
    for screen_id in screens:
        kiosk.router.show(screen_id)
        screen = kiosk.router.screen
        assert tab_stops(screen), screen_id.name
        assert _nameless_stops(screen) == [], f"nameless Tab stops on {screen_id.name}"
    kiosk.router.show(ScreenId.walkthrough())
    walk = kiosk.router.screen
    walk.next_button.click()
    assert walk.view.accessibleName() and walk.view.accessibleName() in walk.accessibleName()


def test_the_overlays_stops_have_names(make_kiosk, qtbot, fake_clock):
    kiosk = make_kiosk(settings=Settings(staff_pin=hash_pin(PIN), idle_seconds=600, countdown_seconds=30),
                       clock=fake_clock)
    kiosk.start_countdown()
    assert _nameless_stops(kiosk.idle_reset.countdown) == []
    kiosk.open_pin_pad()
    assert _nameless_stops(kiosk.staff.overlay) == []


def _luminance(colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def _ring_contrast(kiosk):
    """The contrast of the ring, as drawn on the window, with what lies just outside it (0 if not drawn)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor

    ring = kiosk.focus_ring
    if not ring.isVisible():
        return 0
    shot = kiosk.window.grab().toImage()
    top_middle = ring.mapTo(kiosk.window, QPoint(ring.width() // 2, 1))
    drawn, beside = shot.pixelColor(top_middle), shot.pixelColor(top_middle - QPoint(0, 4))
    if drawn != QColor(ring.colour()):
        return 0  # something lies over the ring
    light, dark = sorted((_luminance(drawn), _luminance(beside)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high contrast"])
def test_the_ring_is_seen_on_still_reading_and_the_pin_pad(make_kiosk, qtbot, fake_clock, high_contrast):
    kiosk = make_kiosk(settings=Settings(staff_pin=hash_pin(PIN), idle_seconds=600, countdown_seconds=30,
                                         high_contrast_by_default=high_contrast), clock=fake_clock)
    kiosk.start_countdown()
    countdown = kiosk.idle_reset.countdown
    qtbot.waitUntil(lambda: kiosk.focus_ring.target is countdown.keep_button)
    assert _ring_contrast(kiosk) >= 3  # WCAG's 3:1 for what shows the focus
    press(qtbot, Qt.Key.Key_Escape)
    kiosk.open_pin_pad()
    qtbot.waitUntil(lambda: kiosk.focus_ring.target is not None
                    and kiosk.staff.overlay.isAncestorOf(kiosk.focus_ring.target))
    assert _ring_contrast(kiosk) >= 3
