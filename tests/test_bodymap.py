"""The body map, driven with real clicks at real coordinates on the real window."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from kiosk.screenid import HOME, ScreenId

REGIONS = ("quads", "hamstrings", "calves", "foot")


def widest_run(shape, y=None):
    """The inside x-range of ``shape`` along a horizontal line (default: through its centre)."""
    box = shape.boundingRect()
    y = box.center().y() if y is None else y
    steps = 400
    xs = [box.left() - 20 + (box.width() + 40) * i / steps for i in range(steps + 1)]
    inside = [x for x in xs if shape.contains(QPointF(x, y))]
    assert inside, "the shape has no inside along its centre line"
    return inside[0], inside[-1], y


def point_inside(shape) -> QPoint:
    left, right, y = widest_run(shape)
    return QPoint(round((left + right) / 2), round(y))


def point_just_outside(shape, body_map) -> QPoint:
    """12 px beyond the shape's edge on its centre line (past the 6 px a fingertip is allowed),
    on whichever side has no other region."""
    left, right, y = widest_run(shape)
    for x in (right + 12, left - 12):
        point = QPoint(round(x), round(y))
        if body_map.region_at(QPointF(point)) is None:
            return point
    raise AssertionError("both sides of the shape are other regions")


def point_near_edge(shape) -> QPoint:
    """3 px outside the shape's right edge: a fingertip that lands on the edge."""
    _, right, y = widest_run(shape)
    return QPoint(round(right + 3), round(y))


def on_screen(widget, point):
    """The window and the point in it: events go in where the system would put them, and Qt
    itself decides which widget (which region button, if any) is under the point."""
    window = widget.window()
    return window.windowHandle(), widget.mapTo(window, point)


def tap(qtbot, widget, point):
    handle, at = on_screen(widget, point)
    qtbot.mouseClick(handle, Qt.MouseButton.LeftButton, pos=at)


@pytest.mark.parametrize("region_id", REGIONS)
def test_tapping_inside_each_drawn_outline_opens_that_region(make_window, qtbot, region_id):
    window = make_window()
    body_map = window.home.body_map
    shapes = body_map.region_shapes(region_id)
    assert len(shapes) >= 2, "each region is drawn on both legs"
    for shape in shapes:
        window.show_home()
        with qtbot.waitSignal(window.screenChanged) as changed:
            tap(qtbot, body_map, point_inside(shape))
        assert changed.args == [f"region-{region_id}"]
        assert window.current_screen() == ScreenId.for_region(region_id)


def test_region_screen_shows_that_regions_yaml_text(make_window, qtbot, content_copy):
    from tests.helpers import edit

    edit(content_copy / "regions" / "hamstrings.yaml", "name: Hamstrings", "name: Back of the thigh")
    window = make_window(content_copy)
    body_map = window.home.body_map
    with qtbot.waitSignal(window.screenChanged):
        tap(qtbot, body_map, point_inside(body_map.region_shapes("hamstrings")[0]))
    text = window.shown_screen.text()
    assert text.startswith("Back of the thigh")
    assert "What dry needling does here" in text
    assert "What the session feels like" in text
    assert "What soreness to expect" in text


@pytest.mark.parametrize("region_id", REGIONS)
def test_tapping_just_outside_a_muscle_opens_nothing(make_window, qtbot, region_id):
    window = make_window()
    body_map = window.home.body_map
    for shape in body_map.region_shapes(region_id):
        outside = point_just_outside(shape, body_map)
        assert not shape.contains(QPointF(outside))
        tap(qtbot, body_map, outside)
        assert window.current_screen() == HOME


def test_press_lights_region_and_dragging_off_cancels(make_window, qtbot):
    window = make_window()
    body_map = window.home.body_map
    shape = body_map.region_shapes("calves")[0]
    inside, outside = point_inside(shape), point_just_outside(shape, body_map)

    before = body_map.grab().toImage()
    handle, at = on_screen(body_map, inside)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=at)
    pressed = body_map.grab().toImage()
    assert pressed.pixelColor(inside) != before.pixelColor(inside), "the pressed region lights up"

    handle, away = on_screen(body_map, outside)
    qtbot.mouseMove(handle, away)
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=away)
    assert window.current_screen() == HOME
    assert body_map.grab().toImage().pixelColor(inside) == before.pixelColor(inside)


def test_hit_testing_follows_the_art_when_the_window_is_larger(make_window, qtbot):
    window = make_window(size=(1920, 1080))
    body_map = window.home.body_map
    small = make_window(size=(1280, 800)).home.body_map
    assert body_map.art_rect().height() > small.art_rect().height() * 1.2
    shape = body_map.region_shapes("foot")[-1]
    with qtbot.waitSignal(window.screenChanged):
        tap(qtbot, body_map, point_inside(shape))
    assert window.current_screen() == ScreenId.for_region("foot")


def test_a_tap_on_a_muscles_edge_still_counts(make_window, qtbot):
    window = make_window()
    body_map = window.home.body_map
    edge = point_near_edge(body_map.region_shapes("foot")[0])
    assert not body_map.region_shapes("foot")[0].contains(QPointF(edge))
    with qtbot.waitSignal(window.screenChanged):
        tap(qtbot, body_map, edge)
    assert window.current_screen() == ScreenId.for_region("foot")


def test_regions_are_large_enough_to_touch_at_tablet_size(make_window):
    body_map = make_window().home.body_map
    for region_id in REGIONS:
        for shape in body_map.region_shapes(region_id):
            left, right, _ = widest_run(shape)
            # Drawn width plus the fingertip slop on both sides.
            assert right - left + 12 >= 40, f"{region_id} is too narrow for a fingertip"
            assert shape.boundingRect().height() + 12 >= 48


@pytest.mark.parametrize("region_id", REGIONS)
def test_a_real_touch_opens_the_region_exactly_once(make_window, qtbot, region_id):
    from PySide6.QtTest import QTest

    window = make_window()
    body_map = window.home.body_map
    opened = []
    body_map.regionChosen.connect(opened.append)
    handle, at = on_screen(body_map, point_inside(body_map.region_shapes(region_id)[-1]))
    device = QTest.createTouchDevice()
    QTest.touchEvent(handle, device).press(0, at).commit()
    assert body_map.buttons[region_id].isDown(), "the region lights up under the finger"
    with qtbot.waitSignal(window.screenChanged):
        QTest.touchEvent(handle, device).release(0, at).commit()
    assert opened == [region_id]
    assert window.current_screen() == ScreenId.for_region(region_id)


def test_a_touch_just_outside_opens_nothing(make_window, qtbot):
    from PySide6.QtTest import QTest

    window = make_window()
    body_map = window.home.body_map
    shape = body_map.region_shapes("calves")[0]
    handle, at = on_screen(body_map, point_just_outside(shape, body_map))
    device = QTest.createTouchDevice()
    QTest.touchEvent(handle, device).press(0, at).commit()
    QTest.touchEvent(handle, device).release(0, at).commit()
    assert window.current_screen() == HOME


def test_arrow_keys_move_between_regions_and_enter_opens(make_window, qtbot):
    window = make_window()
    buttons = window.home.body_map.buttons
    buttons["quads"].setFocus()
    qtbot.waitUntil(buttons["quads"].hasFocus)
    qtbot.keyClick(buttons["quads"], Qt.Key.Key_Right)
    assert buttons["hamstrings"].hasFocus()
    qtbot.keyClick(buttons["hamstrings"], Qt.Key.Key_Down)
    assert buttons["calves"].hasFocus()
    qtbot.keyClick(buttons["calves"], Qt.Key.Key_Left)
    assert buttons["hamstrings"].hasFocus()
    with qtbot.waitSignal(window.screenChanged) as changed:
        qtbot.keyClick(buttons["hamstrings"], Qt.Key.Key_Return)
    assert changed.args == ["region-hamstrings"]


def test_every_region_is_its_own_accessible_button(make_window):
    from PySide6.QtGui import QAccessible

    window = make_window()
    for region_id, button in window.home.body_map.buttons.items():
        interface = QAccessible.queryAccessibleInterface(button)
        assert interface.role() == QAccessible.Role.Button
        assert interface.text(QAccessible.Text.Name) == window.region_names()[region_id]
        assert "Press" in interface.actionInterface().actionNames() or \
            QAccessible.pressAction() in interface.actionInterface().actionNames()
