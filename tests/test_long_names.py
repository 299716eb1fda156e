"""A clinic may name a region at length; no screen may then grow wider than the tablet."""

from __future__ import annotations

import pytest

from tests.helpers import edit

LONG = "Calf muscles, as our clinic calls them"


@pytest.mark.parametrize("clicks", [0, 2])  # normal and extra-large text
def test_a_long_region_name_never_widens_the_window(make_window, content_copy, clicks):
    edit(content_copy / "regions" / "calves.yaml", "name: Calves and shins", f"name: {LONG}")
    window = make_window(content_copy)
    for _ in range(clicks):
        window.home.text_size_button.click()
    window.show_region("calves")
    screen = window.shown_screen
    assert LONG in screen.text()
    assert screen.minimumSizeHint().width() <= 1280
    assert window.width() == 1280
    screen.walkthrough_button.click()  # its way back is named after the region
    assert window.current_screen().name == "walkthrough-calves-1"
    assert window.shown_screen.home_button.accessibleName() == LONG
    assert window.shown_screen.minimumSizeHint().width() <= 1280
    assert window.width() == 1280


def test_every_screen_fits_the_tablet_at_extra_large_text_in_every_language(make_window, qtbot):
    """No screen asks for more width than the tablet has at the largest text size, in any
    language (the screenshot tour grows text in English only). At extra-large Spanish text the
    region screen's footer once needed 1394 px."""
    window = make_window()
    too_wide = []
    for code in window.book.content.languages:
        window.reset_visit()
        window.set_language(code)
        window.cycle_text_size()
        window.cycle_text_size()  # extra large
        shows = [("home", window.show_home), ("precautions", window.show_precautions),
                 ("sources", window.show_sources), ("questions", window.show_questions),
                 ("card", window.show_card)]
        shows += [(f"region {rid}", lambda rid=rid: window.show_region(rid)) for rid in window.book.content.region_ids]
        shows += [(f"walkthrough step {n + 1}", lambda n=n: window.show_walkthrough(None, n))
                  for n in range(window.book.step_count(code))]
        for name, show in shows:
            show()
            width = window.shown_screen.minimumSizeHint().width()
            if width > 1280:
                too_wide.append(f"{code} {name}: {width} px")
    assert too_wide == []
