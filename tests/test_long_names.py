"""A clinic may name a region at length; no screen may then grow wider than the tablet."""

from __future__ import annotations

import pytest

from tests.helpers import edit

LONG = "Calf muscles, as our clinic calls them"


@pytest.mark.parametrize("clicks", [0, 2])  # normal and extra-large text
def test_a_long_region_name_never_widens_the_window(make_window, content_copy, clicks):
    edit(content_copy / "regions" / "calves.yaml", "name: Calves", f"name: {LONG}")
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
