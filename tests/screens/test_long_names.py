"""A clinic may name a region at length; no screen may then grow wider than the tablet."""

from __future__ import annotations

import pytest

from kiosk.visit.screens import CARD, PRECAUTIONS, QUESTIONS, SOURCES, ScreenId
from tests.support.content import edit

LONG = "Calf muscles, as our clinic calls them"


@pytest.mark.parametrize("clicks", [0, 2])  # normal and extra-large text
def test_a_long_region_name_never_widens_the_window(make_kiosk, content_copy, clicks):
    edit(content_copy / "regions" / "calves.yaml", "name: Calves and shins", f"name: {LONG}")
    kiosk = make_kiosk(content_copy)
    for _ in range(clicks):
        kiosk.home.text_size_button.click()
    kiosk.router.show(ScreenId.for_region("calves"))
    screen = kiosk.router.screen
    assert LONG in screen.text()
    assert screen.minimumSizeHint().width() <= 1280
    assert kiosk.window.width() == 1280
    screen.walkthrough_button.click()  # its way back is named after the region
    assert kiosk.router.current.name == "walkthrough-calves-1"
    assert kiosk.router.screen.home_button.accessibleName() == LONG
    assert kiosk.router.screen.minimumSizeHint().width() <= 1280
    assert kiosk.window.width() == 1280


def test_every_screen_fits_the_tablet_at_extra_large_text_in_every_language(make_kiosk, qtbot):
    """No screen asks for more width than the tablet has at the largest text size, in any
    language (the screenshot tour grows text in English only). At extra-large Spanish text the
    region screen's footer once needed 1394 px."""
    kiosk = make_kiosk()
    too_wide = []
    for code in kiosk.book.content.languages:
        kiosk.reset_visit()
        kiosk.set_language(code)
        kiosk.cycle_text_size()
        kiosk.cycle_text_size()  # extra large
        shows = [("home", kiosk.show_home), ("precautions", lambda: kiosk.router.show(PRECAUTIONS)),
                 ("sources", lambda: kiosk.router.show(SOURCES)), ("questions", lambda: kiosk.router.show(QUESTIONS)),
                 ("card", lambda: kiosk.router.show(CARD))]
        shows += [(f"region {rid}", lambda rid=rid: kiosk.router.show(ScreenId.for_region(rid)))
                  for rid in kiosk.book.content.region_ids]
        shows += [(f"walkthrough step {n + 1}", lambda n=n: kiosk.router.show(ScreenId.walkthrough(None, n)))
                  for n in range(kiosk.book.step_count(code))]
        for name, show in shows:
            show()
            width = kiosk.router.screen.minimumSizeHint().width()
            if width > 1280:
                too_wide.append(f"{code} {name}: {width} px")
    assert too_wide == []
