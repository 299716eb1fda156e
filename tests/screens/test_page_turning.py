"""Region tabs and walkthrough steps turn the same way (kiosk/ui/input/pageturner.py): by a call, a
sideways swipe or the arrow keys, never past either end, and starting over is not a turn."""

import pytest
from PySide6.QtCore import QPoint, Qt

from kiosk.visit.screens import ScreenId
from tests.support.steps import drag


@pytest.mark.parametrize("paged", ["region", "walkthrough"])
def test_turning_stops_at_either_end_and_starting_over_is_not_a_turn(make_kiosk, qtbot, paged):
    kiosk = make_kiosk()
    if paged == "region":
        kiosk.router.show(ScreenId.for_region("calves"))
    else:
        kiosk.router.show(ScreenId.walkthrough("calves"))
    screen = kiosk.router.screen
    turned = screen.pageChanged if paged == "region" else screen.stepChanged
    first = screen.view.toPlainText()
    viewport = screen.view.viewport()
    middle = viewport.rect().center()

    with qtbot.assertNotEmitted(turned):
        qtbot.keyClick(screen.view, Qt.Key.Key_Left)  # before the first page: nothing
        drag(qtbot, viewport, middle - QPoint(200, 0), middle + QPoint(200, 0))
    assert screen.index == 0

    with qtbot.waitSignal(turned) as changed:
        screen.go_to(screen.total - 1)
    assert changed.args == [screen.total - 1] and screen.view.toPlainText() != first
    with qtbot.assertNotEmitted(turned):
        qtbot.keyClick(screen.view, Qt.Key.Key_Right)  # past the last page: nothing
        drag(qtbot, viewport, middle + QPoint(200, 0), middle - QPoint(200, 0))
        screen.go_to(screen.total - 1)  # the page already shown
    assert screen.index == screen.total - 1

    with qtbot.assertNotEmitted(turned):
        screen.start_over(99)  # kept within the pages
    assert screen.index == screen.total - 1
    with qtbot.assertNotEmitted(turned):
        screen.start_over()
    assert screen.index == 0 and screen.view.toPlainText() == first
