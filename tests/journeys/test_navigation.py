"""Getting around: the labelled buttons, Back, and a broken page that stays calm."""

import pytest

from kiosk.visit.screens import ScreenId
from tests.support.content import edit

REGIONS = ("quads", "hamstrings", "calves", "foot")


@pytest.mark.parametrize("region_id", REGIONS)
def test_button_row_opens_each_region_and_back_returns_home(make_kiosk, qtbot, region_id):
    kiosk = make_kiosk()
    button = kiosk.home.region_buttons[region_id]
    with qtbot.waitSignal(kiosk.window.screenChanged):
        button.click()
    screen = kiosk.router.screen
    assert kiosk.router.current == ScreenId.for_region(region_id)
    assert screen.text().startswith(button.text())

    with qtbot.waitSignal(kiosk.window.screenChanged) as changed:
        screen.back_button.click()
    assert changed.args == ["home"]


def test_buttons_are_labelled_with_region_names_and_big_enough(make_kiosk):
    kiosk = make_kiosk()
    labels = [b.text() for b in kiosk.home.region_buttons.values()]
    assert sorted(labels) == ["Calves and shins", "Foot", "Hamstrings", "Quads"]
    for button in kiosk.home.region_buttons.values():
        assert button.isVisible() and button.height() >= 48 and button.width() >= 48
    kiosk.router.show(ScreenId.for_region("foot"))
    back = kiosk.router.screen.back_button
    assert back.isVisible() and back.height() >= 48 and back.width() >= 48


def test_region_text_is_large_enough_to_read_at_arms_length(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.home.region_buttons["calves"].click()
    browser = kiosk.router.screen.view
    block = browser.document().findBlock(browser.document().characterCount() // 2)
    size = block.charFormat().font().pixelSize() or block.charFormat().font().pointSizeF() * 96 / 72
    assert size >= 20


def test_scroll_position_resets_when_a_region_is_opened_again(make_kiosk, qtbot):
    kiosk = make_kiosk()
    for _ in range(2):  # extra-large text: region pages fit at normal text, not here
        kiosk.home.text_size_button.click()
    kiosk.home.region_buttons["quads"].click()
    bar = kiosk.router.screen.view.verticalScrollBar()
    assert bar.maximum() > 0, "a region page is longer than one screen"
    bar.setValue(bar.maximum())
    kiosk.router.screen.back_button.click()
    kiosk.home.region_buttons["quads"].click()
    assert kiosk.router.screen.view.verticalScrollBar().value() == 0


def test_broken_region_shows_calm_notice_and_others_still_work(make_kiosk, qtbot, content_copy):
    edit(content_copy / "regions" / "calves.yaml", "{hours: 6, level: 4}", "{hours: 6, level: soon}")
    kiosk = make_kiosk(content_copy)

    kiosk.home.region_buttons["calves"].click()
    calves = kiosk.router.screen
    assert "This page is being updated. Please ask at reception" in calves.text()
    assert "Traceback" not in calves.text() and "level" not in calves.text()

    calves.back_button.click()
    kiosk.home.region_buttons["foot"].click()
    assert kiosk.router.screen.view.available
    assert "What soreness to expect" in kiosk.router.screen.text()


def test_broken_template_shows_calm_notice(make_kiosk, content_copy):
    edit(content_copy / "templates" / "region-page.html.j2", "{{ region.muscles }}", "{{ region.musles }}")
    kiosk = make_kiosk(content_copy)
    kiosk.home.region_buttons["quads"].click()
    assert "being updated" in kiosk.router.screen.text()


def test_content_problems_are_logged_for_staff(make_kiosk, content_copy, caplog):
    edit(content_copy / "regions" / "foot.yaml", "name: Foot", "name:")
    make_kiosk(content_copy)
    assert any("foot.yaml" in r.getMessage() and "'name' must be text" in r.getMessage()
               for r in caplog.records)
