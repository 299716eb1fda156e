"""One naming of the way back: "Home" to the body map, the region's name to its region, "Previous
step" for the walkthrough's step before, and never two buttons on one screen that both say
"back" but lead to different places."""

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.visit.screens import CARD, PRECAUTIONS, QUESTIONS, SOURCES, ScreenId, ScreenKind
from tests.support.finger import tap

ARROW = "\u2190"


def ways_back(screen) -> list[str]:
    return [b.text() for b in screen.findChildren(QAbstractButton) if b.isVisible() and b.text().startswith(ARROW)]


def go(kiosk, qtbot, button):
    with qtbot.waitSignal(kiosk.window.screenChanged):
        tap(button)
    return kiosk.router.screen


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_walkthrough_names_the_region_at_the_top_and_the_step_before_at_the_bottom(make_kiosk, qtbot, language):
    kiosk = make_kiosk()
    kiosk.set_language(language)
    ui = kiosk.language.ui
    region = go(kiosk, qtbot, kiosk.home.region_buttons["calves"])
    name = region.title.text()
    walk = go(kiosk, qtbot, region.walkthrough_button)
    with qtbot.waitSignal(walk.stepChanged):
        tap(walk.next_button)
    top, bottom = walk.home_button, walk.previous_button
    assert top.accessibleName() == name and bottom.text() == f"{ARROW}  {ui.previous_button}"  # a long name shortened
    assert ui.previous_button in ("Previous step", "Paso anterior")
    assert top.text() != bottom.text()
    with qtbot.waitSignal(walk.stepChanged):
        tap(bottom)  # the step before, on the same screen
    assert kiosk.router.current == ScreenId.walkthrough("calves", 0)
    go(kiosk, qtbot, top)  # the region it names
    assert kiosk.router.current.kind is ScreenKind.REGION and kiosk.router.current.region == "calves"


SCREENS = {
    "region": lambda k: k.router.show(ScreenId.for_region("calves")),
    "walkthrough from home": lambda k: k.router.show(ScreenId.walkthrough(None, 2)),
    "walkthrough from a region": lambda k: (k.router.show(ScreenId.for_region("foot")),
                                            k.router.show(ScreenId.walkthrough("foot", 2))),
    "precautions": lambda k: k.router.show(PRECAUTIONS),
    "sources": lambda k: k.router.show(SOURCES),
    "questions from a region": lambda k: (k.router.show(ScreenId.for_region("quads")), k.router.show(QUESTIONS)),
    "card from the questions": lambda k: (k.router.show(QUESTIONS), k.router.show(CARD)),
    "pause": lambda k: (k.router.show(ScreenId.walkthrough(None, 2)), k.router.show(ScreenId.pause(2))),
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_screen_has_two_ways_back(make_kiosk, language):
    kiosk = make_kiosk()
    kiosk.set_language(language)
    ui = kiosk.language.ui
    names = kiosk.region_names()
    for screen, show in SCREENS.items():
        kiosk.show_home()
        show(kiosk)
        QApplication.processEvents()
        shown = ways_back(kiosk.router.screen)
        back_words = [w for w in shown if w.endswith(ui.go_back or "")]
        assert len(back_words) <= 1, f"{screen}: {shown}"
        tops = [w for w in shown if w != f"{ARROW}  {ui.previous_button}"]
        assert len(tops) == 1, f"{screen}: one way back at the top, not {shown}"
        buttons = kiosk.router.screen.findChildren(QAbstractButton)
        top = next(b for b in buttons if b.isVisible() and b.text() == tops[0])
        assert top.accessibleName() in (ui.home_button, ui.go_back, *names.values()), f"{screen}: {tops[0]!r}"
