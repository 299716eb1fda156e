"""The body map, driven with real clicks at real coordinates on the real kiosk."""

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt

from kiosk.visit.screens import HOME, ScreenId
from tests.support.steps import point_inside, widest_run

REGIONS = ("quads", "hamstrings", "calves", "foot")






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
    """The kiosk and the point in it: events go in where the system would put them, and Qt
    itself decides which widget (which region button, if any) is under the point."""
    window = widget.window()
    return window.windowHandle(), widget.mapTo(window, point)


def tap(qtbot, widget, point):
    handle, at = on_screen(widget, point)
    qtbot.mouseClick(handle, Qt.MouseButton.LeftButton, pos=at)


@pytest.mark.parametrize("region_id", REGIONS)
def test_tapping_inside_each_drawn_outline_opens_that_region(make_kiosk, qtbot, region_id):
    kiosk = make_kiosk()
    body_map = kiosk.home.body_map
    shapes = body_map.region_shapes(region_id)
    assert len(shapes) >= 2, "each region is drawn on both legs"
    for shape in shapes:
        kiosk.show_home()
        with qtbot.waitSignal(kiosk.window.screenChanged) as changed:
            tap(qtbot, body_map, point_inside(shape))
        assert changed.args == [f"region-{region_id}"]
        assert kiosk.router.current == ScreenId.for_region(region_id)


def test_region_screen_shows_that_regions_yaml_text(make_kiosk, qtbot, content_copy):
    from tests.support.content import edit

    edit(content_copy / "regions" / "hamstrings.yaml", "name: Hamstrings", "name: Back of the thigh")
    kiosk = make_kiosk(content_copy)
    body_map = kiosk.home.body_map
    with qtbot.waitSignal(kiosk.window.screenChanged):
        tap(qtbot, body_map, point_inside(body_map.region_shapes("hamstrings")[0]))
    text = kiosk.router.screen.text()
    assert text.startswith("Back of the thigh")
    assert "What dry needling does here" in text
    assert "What the session feels like" in text
    assert "What soreness to expect" in text


@pytest.mark.parametrize("region_id", REGIONS)
def test_tapping_just_outside_a_muscle_opens_nothing(make_kiosk, qtbot, region_id):
    kiosk = make_kiosk()
    body_map = kiosk.home.body_map
    for shape in body_map.region_shapes(region_id):
        outside = point_just_outside(shape, body_map)
        assert not shape.contains(QPointF(outside))
        tap(qtbot, body_map, outside)
        assert kiosk.router.current == HOME


def test_press_lights_region_and_dragging_off_cancels(make_kiosk, qtbot):
    kiosk = make_kiosk()
    body_map = kiosk.home.body_map
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
    assert kiosk.router.current == HOME
    assert body_map.grab().toImage().pixelColor(inside) == before.pixelColor(inside)


def test_hit_testing_follows_the_art_when_the_window_is_larger(make_kiosk, qtbot):
    kiosk = make_kiosk(size=(1920, 1080))
    body_map = kiosk.home.body_map
    small = make_kiosk(size=(1280, 800)).home.body_map
    assert body_map.art_rect().height() > small.art_rect().height() * 1.2
    shape = body_map.region_shapes("foot")[-1]
    with qtbot.waitSignal(kiosk.window.screenChanged):
        tap(qtbot, body_map, point_inside(shape))
    assert kiosk.router.current == ScreenId.for_region("foot")


def test_a_tap_on_a_muscles_edge_still_counts(make_kiosk, qtbot):
    kiosk = make_kiosk()
    body_map = kiosk.home.body_map
    edge = point_near_edge(body_map.region_shapes("foot")[0])
    assert not body_map.region_shapes("foot")[0].contains(QPointF(edge))
    with qtbot.waitSignal(kiosk.window.screenChanged):
        tap(qtbot, body_map, edge)
    assert kiosk.router.current == ScreenId.for_region("foot")


@pytest.mark.parametrize("region_id", REGIONS)
def test_a_real_touch_opens_the_region_exactly_once(make_kiosk, qtbot, region_id):
    from PySide6.QtTest import QTest

    kiosk = make_kiosk()
    body_map = kiosk.home.body_map
    opened = []
    body_map.regionChosen.connect(opened.append)
    handle, at = on_screen(body_map, point_inside(body_map.region_shapes(region_id)[-1]))
    device = QTest.createTouchDevice()
    QTest.touchEvent(handle, device).press(0, at).commit()
    assert body_map.buttons[region_id].isDown(), "the region lights up under the finger"
    with qtbot.waitSignal(kiosk.window.screenChanged):
        QTest.touchEvent(handle, device).release(0, at).commit()
    assert opened == [region_id]
    assert kiosk.router.current == ScreenId.for_region(region_id)


def test_a_touch_just_outside_opens_nothing(make_kiosk, qtbot):
    from PySide6.QtTest import QTest

    kiosk = make_kiosk()
    body_map = kiosk.home.body_map
    shape = body_map.region_shapes("calves")[0]
    handle, at = on_screen(body_map, point_just_outside(shape, body_map))
    device = QTest.createTouchDevice()
    QTest.touchEvent(handle, device).press(0, at).commit()
    QTest.touchEvent(handle, device).release(0, at).commit()
    assert kiosk.router.current == HOME


def test_arrow_keys_move_between_regions_and_enter_opens(make_kiosk, qtbot):
    kiosk = make_kiosk()
    buttons = kiosk.home.body_map.buttons
    buttons["quads"].setFocus()
    qtbot.waitUntil(buttons["quads"].hasFocus)
    qtbot.keyClick(buttons["quads"], Qt.Key.Key_Right)
    assert buttons["hamstrings"].hasFocus()
    qtbot.keyClick(buttons["hamstrings"], Qt.Key.Key_Down)
    assert buttons["calves"].hasFocus()
    qtbot.keyClick(buttons["calves"], Qt.Key.Key_Left)
    assert buttons["hamstrings"].hasFocus()
    with qtbot.waitSignal(kiosk.window.screenChanged) as changed:
        qtbot.keyClick(buttons["hamstrings"], Qt.Key.Key_Return)
    assert changed.args == ["region-hamstrings"]


def test_every_region_is_its_own_accessible_button(make_kiosk):
    from PySide6.QtGui import QAccessible

    kiosk = make_kiosk()
    for region_id, button in kiosk.home.body_map.buttons.items():
        interface = QAccessible.queryAccessibleInterface(button)
        assert interface.role() == QAccessible.Role.Button
        assert interface.text(QAccessible.Text.Name) == kiosk.region_names()[region_id]
        assert "Press" in interface.actionInterface().actionNames() or \
            QAccessible.pressAction() in interface.actionInterface().actionNames()


# --- made for fingertips ---------------------------------------------------------

FINGERTIP_PX = 64  # about 11-13 mm on a 10-12" 1280x800 tablet
LATTICE_PX = 8


def opened_by_tap(qtbot, kiosk, body_map, point):
    """What a real click at ``point`` on home opens: a region id, or None (home stays)."""
    kiosk.show_home()
    opened = []
    body_map.regionChosen.connect(opened.append)
    try:
        tap(qtbot, body_map, point)
    finally:
        body_map.regionChosen.disconnect(opened.append)
    screen = kiosk.router.current
    assert opened == ([screen.region] if screen != HOME else [])
    return opened[0] if opened else None


def square_to_try(body_map, region_id) -> QPointF:
    """Where to look for a fingertip square: the middle of the largest square that fits inside
    one of the region's drawn shapes (the taps below, not this, are the proof)."""
    best = (0.0, QPointF())
    for shape in body_map.region_shapes(region_id):
        box = shape.boundingRect()
        for i in range(0, int(box.width()), 4):
            for j in range(0, int(box.height()), 4):
                centre = QPointF(box.left() + i, box.top() + j)
                side = best[0] + 2
                while shape.contains(QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side)):
                    best = (side, centre)
                    side += 2
    return best[1]


@pytest.mark.parametrize("presses", [0, 1, 2], ids=["normal-text", "large-text", "extra-large-text"])
def test_every_region_opens_across_a_fingertip_square(make_kiosk, qtbot, presses):
    """A lattice of real clicks, 8 px apart over 64 x 64 px, all open the region: at every
    text size (pressed on home's own text-size control)."""
    kiosk = make_kiosk()
    for _ in range(presses):
        kiosk.home.text_size_button.click()
    assert kiosk.visit.text_scale == (1.0, 1.4, 1.8)[presses]
    body_map = kiosk.home.body_map
    steps = range(FINGERTIP_PX // LATTICE_PX + 1)
    for region_id in REGIONS:
        centre = square_to_try(body_map, region_id)
        top_left = centre - QPointF(FINGERTIP_PX / 2, FINGERTIP_PX / 2)
        missed = []
        for i in steps:
            for j in steps:
                point = (top_left + QPointF(i * LATTICE_PX, j * LATTICE_PX)).toPoint()
                if opened_by_tap(qtbot, kiosk, body_map, point) != region_id:
                    missed.append((point.x(), point.y()))
        assert not missed, f"{region_id}: these taps in its 64 px square opened something else: {missed}"


def test_the_map_keeps_its_size_when_text_grows(make_kiosk):
    kiosk = make_kiosk()
    normal = kiosk.home.body_map.art_rect()
    for _ in range(2):
        kiosk.home.text_size_button.click()
    extra_large = kiosk.home.body_map.art_rect()
    assert extra_large.width() >= normal.width() and extra_large.height() >= normal.height()
    assert normal.height() >= 0.8 * kiosk.window.height(), "the legs fill the height beside the column"


# Where runners point, in the art's own coordinates (tools/bodymap_art.py draws these
# landmarks): each must open the region whose page talks about it.
FRONT, BACK, SOLES = 200, 585, 957.5
POINTING_SPOTS = {
    "front of the shin": ((FRONT - 86, 740), (FRONT + 86, 800), "calves"),
    "kneecap": ((FRONT - 84, 575), (FRONT + 84, 575), "quads"),
    "front of the knee": ((FRONT - 84, 605), (FRONT + 84, 605), "quads"),
    "heel, from behind": ((BACK - 84, 935), (BACK + 84, 935), "foot"),
    "sole": ((SOLES - 77.5, 800), (SOLES + 77.5, 800), "foot"),
    "heel, from below": ((SOLES - 77, 920), (SOLES + 77, 920), "foot"),
    "Achilles": ((BACK - 80, 872), (BACK + 80, 872), "calves"),
    "back of the knee": ((BACK - 83, 614), (BACK + 83, 614), "hamstrings"),
}


@pytest.mark.parametrize("spot", POINTING_SPOTS)
def test_where_runners_point_opens_the_region_covering_it(make_kiosk, qtbot, spot):
    *points, region_id = POINTING_SPOTS[spot]
    kiosk = make_kiosk()
    body_map = kiosk.home.body_map
    for x, y in points:
        at = body_map.art_transform().map(QPointF(x, y)).toPoint()
        assert opened_by_tap(qtbot, kiosk, body_map, at) == region_id, f"{spot} at {x},{y}"


def test_a_tap_on_the_leg_outside_every_region_gets_a_gentle_answer(make_kiosk, qtbot):
    kiosk = make_kiosk()
    body_map = kiosk.home.body_map
    # The ankle, between the shin and the top of the foot: leg, but no region.
    ankle = body_map.art_transform().map(QPointF(FRONT + 82, 877)).toPoint()
    assert body_map.region_at(QPointF(ankle)) is None
    assert not body_map.hint.isVisible()
    tap(qtbot, body_map, ankle)
    qtbot.waitUntil(body_map.hint.isVisible)
    assert body_map.hint.text() == "Tap a coloured area, or choose from the list"
    assert kiosk.router.current == HOME
    hint_box = body_map.hint.geometry()
    assert hint_box.bottom() < ankle.y() or hint_box.top() > ankle.y(), "the finger doesn't hide it"

    # The next tap on a region opens it as usual.
    with qtbot.waitSignal(kiosk.window.screenChanged):
        tap(qtbot, body_map, point_inside(body_map.region_shapes("calves")[-1]))
    assert kiosk.router.current == ScreenId.for_region("calves")


def test_a_real_touch_outside_every_region_gets_the_gentle_answer_too(make_kiosk, qtbot):
    from PySide6.QtTest import QTest

    kiosk = make_kiosk()
    body_map = kiosk.home.body_map
    knee_side = body_map.art_transform().map(QPointF(FRONT - 135, 640)).toPoint()  # outer knee
    assert body_map.region_at(QPointF(knee_side)) is None
    handle, at = on_screen(body_map, knee_side)
    device = QTest.createTouchDevice()
    QTest.touchEvent(handle, device).press(0, at).commit()
    QTest.touchEvent(handle, device).release(0, at).commit()
    qtbot.waitUntil(body_map.hint.isVisible)
    assert kiosk.router.current == HOME

    # A finger on a region puts the answer away as the region lights up.
    handle, at = on_screen(body_map, point_inside(body_map.region_shapes("foot")[-1]))
    QTest.touchEvent(handle, device).press(0, at).commit()
    assert not body_map.hint.isVisible()
    with qtbot.waitSignal(kiosk.window.screenChanged):
        QTest.touchEvent(handle, device).release(0, at).commit()


def test_the_gentle_answer_is_in_the_patients_language(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.home.language_buttons["es"].click()
    body_map = kiosk.home.body_map
    tap(qtbot, body_map, body_map.art_transform().map(QPointF(BACK, 150)).toPoint())  # the hips
    qtbot.waitUntil(body_map.hint.isVisible)
    assert body_map.hint.text() == "Toca una zona de color o elige en la lista"


def test_a_tap_on_a_region_gives_no_hint(make_kiosk, qtbot):
    kiosk = make_kiosk()
    body_map = kiosk.home.body_map
    with qtbot.waitSignal(kiosk.window.screenChanged):
        tap(qtbot, body_map, point_inside(body_map.region_shapes("quads")[0]))
    kiosk.show_home()
    assert not body_map.hint.isVisible()


@pytest.mark.parametrize("region_id", REGIONS)
def test_each_regions_name_is_written_on_the_map_and_opens_it(make_kiosk, qtbot, region_id):
    kiosk = make_kiosk()
    body_map = kiosk.home.body_map
    boxes = [box for rid, box in body_map.name_labels() if rid == region_id]
    assert boxes, f"{region_id} has no name on the map"
    for box in boxes:
        assert body_map.rect().contains(box.toAlignedRect())
        assert opened_by_tap(qtbot, kiosk, body_map, box.center().toPoint()) == region_id


@pytest.mark.parametrize("language", ["en", "es"])
def test_home_at_extra_large_text_cuts_nothing_off_beside_the_map(make_kiosk, language):
    from PySide6.QtWidgets import QApplication, QWidget

    kiosk = make_kiosk()
    kiosk.home.language_buttons[language].click()
    for _ in range(2):
        kiosk.home.text_size_button.click()
    home = kiosk.home
    QApplication.processEvents()  # let the new home's layout settle, as it does before a paint
    viewport = home.column_scroller.viewport()
    for widget in home.column_scroller.widget().findChildren(QWidget):
        if widget.isVisible():
            right = widget.mapTo(viewport, widget.rect().topRight()).x()
            assert right < viewport.width(), f"{widget.objectName()} {widget.accessibleName()} is cut off"
    for widget in home.findChildren(QWidget):
        if widget.isVisible() and widget.isWindow() is False:
            box = widget.rect().translated(widget.mapTo(home, widget.rect().topLeft()))
            assert home.rect().contains(box) or viewport.isAncestorOf(widget), widget.objectName()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_lower_leg_is_named_shins_in_front_and_calves_behind_and_both_open_its_page(make_kiosk, qtbot,
                                                                                        language):
    kiosk = make_kiosk()
    kiosk.home.language_buttons[language].click()
    body_map, ui = kiosk.home.body_map, kiosk.language.ui
    calves = [(label, box) for label, (_, box) in zip(body_map._art.labels, body_map.name_labels())
              if label.region == "calves"]
    front, back = sorted(calves, key=lambda found: found[1].center().x())
    assert body_map.label_text(front[0]) == ui.shins_label and body_map.label_text(back[0]) == ui.calves_label
    assert kiosk.language.regions["calves"].name == {"en": "Calves and shins",
                                                      "es": "Pantorrillas y espinillas"}[language]
    for _, box in (front, back):
        assert opened_by_tap(qtbot, kiosk, body_map, box.center().toPoint()) == "calves"


def test_the_top_of_the_foot_from_the_front_opens_no_page_about_the_sole(make_kiosk, qtbot):
    """The foot page is about the sole and the heel: the top of the foot, seen from the front, is
    no region, and a tap there gets the gentle answer pointing to the list."""
    kiosk = make_kiosk()
    body_map = kiosk.home.body_map
    for x in (FRONT - 84, FRONT + 84):
        top_of_foot = body_map.art_transform().map(QPointF(x, 930)).toPoint()
        assert body_map.region_at(QPointF(top_of_foot)) is None
        tap(qtbot, body_map, top_of_foot)
        qtbot.waitUntil(body_map.hint.isVisible)
        assert kiosk.router.current == HOME
