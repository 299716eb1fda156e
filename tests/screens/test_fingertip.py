"""Every primary target holds a fingertip's 64 px square at 1280x800, at every text size, in both
languages: proved with real taps (mouse clicks and touches at kiosk coordinates), never with
widget sizes. A tap anywhere in the square must do what the target does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QWidget

from kiosk.visit.screens import CARD, PRECAUTIONS, QUESTIONS, SOURCES, ScreenId
from tests.support.fingertip import (
    MOUSE_LATTICE,
    SIZES,
    TOUCH_LATTICE,
    bring_into_view,
    lattice,
    tap,
)
from tests.support.steps import TABLET, tablet

HOME_SIGNALS = ("regionChosen", "textSizeRequested", "walkthroughRequested", "precautionsRequested",
                "sourcesRequested", "languageChosen", "calmToggled", "contrastToggled")


@dataclass
class Target:
    """A control on home and what a tap on it must make home say (its signal, with these arguments;
    None: any). Home's signals are what the kiosk acts on (tests/journeys/test_navigation.py and others
    follow them to the screen); here they are heard, not acted on, so home isn't made anew (seconds
    a time) hundreds of times."""

    find: Callable[[object], QWidget]
    signal: str
    args: Callable[[object], list] | None = None


TARGETS: dict[str, Target] = {
    "high contrast": Target(lambda home: home.contrast_toggle, "contrastToggled"),
    "text size": Target(lambda home: home.text_size_button, "textSizeRequested", lambda home: []),
    **{f"language {code}": Target(lambda home, c=code: home.language_buttons[c], "languageChosen",
                                  lambda home, c=code: [c]) for code in ("en", "es")},
    **{f"region {rid}": Target(lambda home, r=rid: home.region_buttons[r], "regionChosen", lambda home, r=rid: [r])
       for rid in ("quads", "hamstrings", "calves", "foot")},
    "walkthrough": Target(lambda home: home.walkthrough_button, "walkthroughRequested", lambda home: []),
    "precautions": Target(lambda home: home.precautions_button, "precautionsRequested", lambda home: []),
    "sources": Target(lambda home: home.sources_button, "sourcesRequested", lambda home: []),
    "hide needle pictures": Target(lambda home: home.calm_toggle, "calmToggled"),
}


def heard_misses(kiosk, target: Target, touch: bool) -> list[tuple[int, int]]:
    """The points of the target's 64 px square where a real tap didn't make home say what it should."""
    home = kiosk.home
    widget = target.find(home)
    missed = []
    for point in lattice(widget, TOUCH_LATTICE if touch else MOUSE_LATTICE):
        bring_into_view(kiosk, widget)
        heard: list[list] = []
        signal = getattr(home, target.signal)
        signal.connect(lambda *args, heard=heard: heard.append(list(args)))
        tap(kiosk, widget, point, touch)
        signal.disconnect()
        wanted = target.args(home) if target.args else (heard[0] if heard else None)
        if heard != [wanted]:
            missed.append((point.x(), point.y()))
    return missed


def speech_misses(kiosk, name: str, touch: bool) -> list[tuple[int, int]]:
    """Read aloud and audio mode are worked by the kiosk's ReadAloud: a tap must start reading, or
    turn audio mode on (each undone at once; both are cheap)."""
    home, speech = kiosk.home, kiosk.read_aloud
    widget = home.read_aloud_button if name == "read aloud" else home.audio_mode_toggle.checkbox
    missed = []
    for point in lattice(widget, TOUCH_LATTICE if touch else MOUSE_LATTICE):
        bring_into_view(kiosk, widget)
        tap(kiosk, widget, point, touch)
        worked = speech.reading if name == "read aloud" else speech.audio_on
        speech.stop()
        speech.set_audio_mode(False)
        if not worked:
            missed.append((point.x(), point.y()))
    return missed


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_button_on_home_works_across_a_fingertip_square(make_kiosk, language, size):
    kiosk = tablet(make_kiosk, language, SIZES[size])
    assert (kiosk.window.width(), kiosk.window.height()) == TABLET
    assert kiosk.visit.text_scale == (1.0, 1.4, 1.8)[SIZES[size]]
    for name in HOME_SIGNALS:
        getattr(kiosk.home, name).disconnect()  # heard below, not acted on (see Target)
    failures = {}
    for touch in (False, True):
        how = "touch" if touch else "click"
        for name, target in TARGETS.items():
            if missed := heard_misses(kiosk, target, touch):
                failures[f"{name} ({how})"] = missed
        for name in ("read aloud", "audio mode"):
            if kiosk.home.read_aloud_button.isVisible():
                if missed := speech_misses(kiosk, name, touch):
                    failures[f"{name} ({how})"] = missed
            else:  # no voice for the language (the mock engine has no Spanish one): neither is on home
                assert not kiosk.read_aloud.can_speak() and not kiosk.home.audio_mode_toggle.isVisible()
    assert not failures, f"taps in these 64 px squares did nothing: {failures}"


def test_the_chosen_language_stays_chosen_when_tapped_again(make_kiosk, qtbot):
    kiosk = tablet(make_kiosk, "es")
    button = kiosk.home.language_buttons["es"]
    with qtbot.waitSignal(kiosk.home.languageChosen) as chosen:
        tap(kiosk, button, button.rect().center(), touch=False)
    assert chosen.args == ["es"] and kiosk.visit.language == "es"
    assert button.isChecked(), "the language in use still shows as chosen"
    assert not kiosk.home.language_buttons["en"].isChecked()


# How far home's column may scroll, with speech loaded (the mock engine has no Spanish voice, so
# Spanish has no Read aloud or audio mode): at normal text not at all, Read aloud and audio mode
# being beside the map; at larger text a little, as measured when they moved there.
SCROLLED_BEFORE = {("en", 0): 0, ("en", 1): 0, ("en", 2): 18, ("es", 0): 0, ("es", 1): 7, ("es", 2): 141}


def cut_off(widget: QWidget) -> bool:
    """Whether ``widget`` shows less than all its words (a wrapping label: fewer lines than it needs)."""
    if isinstance(widget, QLabel):
        if widget.wordWrap():
            return widget.heightForWidth(widget.width()) > widget.height()
        return widget.sizeHint().width() > widget.width() or widget.sizeHint().height() > widget.height()
    if isinstance(widget, QPushButton) and widget.text() and not widget.findChildren(QLabel):
        return widget.sizeHint().width() > widget.width()
    return False


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "es"])
def test_home_shows_every_word_and_scrolls_no_more_than_before(make_kiosk, language, size):
    kiosk = tablet(make_kiosk, language, SIZES[size])
    home = kiosk.home
    shown = [w for w in home.findChildren(QWidget) if w.isVisible()]
    assert [f"{w.objectName()}: {w.text()!r}" for w in shown if cut_off(w)] == []
    scrolled = home.column_scroller.verticalScrollBar().maximum()
    assert scrolled <= SCROLLED_BEFORE[language, SIZES[size]], "the column scrolls further than it did"
    assert kiosk.home.body_map.art_rect().width() >= 760, "the map is as large as ever (test_bodymap.py)"


def on_map(widget: QWidget, body_map: QWidget) -> QRect:
    """Where ``widget`` is on the map, in the map's own coordinates."""
    return QRect(widget.mapTo(body_map, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_prompt_is_written_whole_beside_the_legs(make_kiosk, language, size):
    """The prompt sits in the picture's empty corner, under Read aloud and audio mode: all of it on
    no leg or sole, the prompt whole."""
    from PySide6.QtCore import QRectF

    kiosk = tablet(make_kiosk, language, SIZES[size])
    body_map = kiosk.home.body_map
    prompt = body_map.findChild(QLabel, "prompt")
    assert prompt.isVisible() and prompt.text().replace("\u00a0", " ") == kiosk.language.ui.home_prompt
    box = QRectF(on_map(prompt.parentWidget(), body_map))
    assert QRectF(body_map.rect()).contains(box)
    renderer = body_map._renderer
    for drawing in ("legs-front", "legs-back", "soles"):
        drawn = body_map.art_transform().mapRect(renderer.boundsOnElement(drawing))
        assert not drawn.intersects(box), f"the prompt is written over the {drawing}"
    for region_id in body_map.buttons:
        assert not any(shape.intersects(box) for shape in body_map.region_shapes(region_id))
    assert prompt.heightForWidth(prompt.width()) <= prompt.height(), "the prompt is cut off"
    # As wide as Read aloud above it, in one straight column; its last two words are held together.
    assert "\u00a0" in prompt.text() or " " not in prompt.text()


# --- every other screen's buttons ----------------------------------------------------------------

SCREENS = {
    "region": lambda k: k.router.show(ScreenId.for_region("calves")),
    "walkthrough": lambda k: k.router.show(ScreenId.walkthrough("calves", 1)),  # Back and Next
    "walkthrough, last step": lambda k: k.router.show(  # Done
        ScreenId.walkthrough("calves", k.book.step_count(k.visit.language) - 1)),
    "every step by its title": lambda k: (k.router.show(ScreenId.walkthrough("calves", 1)),
                                          k.router.screen.show_overview(True)),
    "pause": lambda k: k.router.show(ScreenId.pause(1)),
    "precautions": lambda k: k.router.show(PRECAUTIONS),
    "questions": lambda k: k.router.show(QUESTIONS),
    "card": lambda k: k.router.show(CARD),
    "sources": lambda k: k.router.show(SOURCES),
    "still reading?": lambda w: (w.show_home(), w.start_countdown()),
    "staff PIN pad": lambda w: (w.show_home(), w.open_pin_pad()),
}
BUTTON_SIGNALS = ("clicked(bool)", "toggled(bool)", "pressed()", "released()", "stateChanged(int)",
                  "checkStateChanged(Qt::CheckState)")


def deafen(button: QAbstractButton) -> None:
    """Cut what a tap on ``button`` would do (each screen's own tests follow that): here a tap is only
    heard, so a lattice of taps doesn't turn pages or close the overlay under the next one."""
    from PySide6.QtCore import SIGNAL

    for signature in BUTTON_SIGNALS:
        signal = getattr(button, signature.split("(")[0], None)
        if signal is not None and button.receivers(SIGNAL(signature)) > 0:
            signal.disconnect()


def shown_buttons(kiosk) -> list[QAbstractButton]:
    from kiosk.ui.widgets.bodymap import RegionButton

    top = kiosk.staff.overlay or kiosk.idle_reset.countdown or kiosk.router.screen
    return [b for b in top.findChildren(QAbstractButton) if b.isVisible() and not isinstance(b, RegionButton)]


def scroll_into_view(button: QWidget) -> None:
    """As a finger would scroll a list of tick boxes first."""
    from PySide6.QtWidgets import QScrollArea

    area = button.parentWidget()
    while area is not None and not (isinstance(area, QScrollArea) and area.widget().isAncestorOf(button)):
        area = area.parentWidget()
    if area is not None:
        area.ensureWidgetVisible(button, 0, 0)
        QApplication.processEvents()


@pytest.mark.parametrize("size", ["normal-text", "extra-large-text"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_button_on_every_other_screen_takes_a_tap_across_a_fingertip_square(make_kiosk, language, size):
    """Region footers and tabs, the walkthrough's Back, Next and Done, the precautions' and questions'
    tick boxes, the card, "Still reading?" and the staff PIN pad: real clicks and touches at the
    corners, edge middles and centre of a 64 px square on each button."""
    kiosk = tablet(make_kiosk, language, SIZES[size])
    failures, seen = {}, 0
    for screen, show in SCREENS.items():
        show(kiosk)
        QApplication.processEvents()
        buttons = shown_buttons(kiosk)
        assert buttons, f"no buttons on {screen}"
        for button in buttons:
            deafen(button)
        for button in buttons:
            scroll_into_view(button)
            heard: list[bool] = []
            button.clicked.connect(lambda _=False, heard=heard: heard.append(True))
            for touch in (False, True):
                for point in lattice(button, TOUCH_LATTICE):
                    heard.clear()
                    tap(kiosk, button, point, touch)
                    if heard != [True]:
                        name = (button.accessibleName() or button.text()).replace("\n", " ")
                        failures.setdefault(f"{screen}: {name} ({'touch' if touch else 'click'})", []).append(
                            (point.x(), point.y()))
            seen += 1
        kiosk.staff.close()
        if kiosk.idle_reset.countdown is not None:
            kiosk.idle_reset.countdown.close()
    assert seen > 40
    assert not failures, f"taps in these 64 px squares did nothing: {failures}"


@pytest.mark.parametrize("where", ["the hips", "the prompt itself"])
def test_the_gentle_answer_to_a_missed_tap_leaves_the_prompt_readable(make_kiosk, qtbot, where):
    from PySide6.QtCore import QPointF

    kiosk = tablet(make_kiosk, "en", SIZES["extra-large-text"])
    body_map = kiosk.home.body_map
    prompt = body_map.findChild(QLabel, "prompt")
    back_hips = body_map.art_transform().map(QPointF(585, 150)).toPoint()  # tests/screens/test_bodymap.py's BACK
    at = back_hips if where == "the hips" else on_map(prompt, body_map).center()
    tap(kiosk, body_map, at, touch=False)
    qtbot.waitUntil(body_map.hint.isVisible)
    assert not body_map.hint.geometry().intersects(on_map(prompt, body_map))


def test_a_finger_that_drags_home_s_column_scrolls_it_and_presses_nothing(make_kiosk, qtbot):
    kiosk = tablet(make_kiosk, "en", SIZES["extra-large-text"])
    home = kiosk.home
    bar = home.column_scroller.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    quads = home.region_buttons["quads"]
    start = quads.mapTo(kiosk.window, quads.rect().center())
    handle, device = kiosk.window.windowHandle(), QTest.createTouchDevice()
    with qtbot.assertNotEmitted(home.regionChosen):
        QTest.touchEvent(handle, device).press(0, start).commit()
        for step in range(1, 9):
            QTest.touchEvent(handle, device).move(0, start - QPoint(0, 15 * step)).commit()
        QTest.touchEvent(handle, device).release(0, start - QPoint(0, 120)).commit()
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert kiosk.router.current.name == "home"
