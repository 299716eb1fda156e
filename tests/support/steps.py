"""Getting somewhere the way a patient does, for tests of every kind: a region opened, precautions
ticked, the tablet's size held, a finger dragged, a point inside a region's drawn outline."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from kiosk.visit.screens import PRECAUTIONS

TABLET = (1280, 800)


def open_region(kiosk, qtbot, region_id, page=0):
    with qtbot.waitSignal(kiosk.window.screenChanged):
        kiosk.home.region_buttons[region_id].click()
    screen = kiosk.router.screen
    if page:
        screen.tabs[page].click()
    return screen


def open_walkthrough(kiosk, qtbot, from_region=None):
    if from_region:
        kiosk.home.region_buttons[from_region].click()
        button = kiosk.router.screen.walkthrough_button
    else:
        button = kiosk.home.walkthrough_button
    with qtbot.waitSignal(kiosk.window.screenChanged):
        button.click()
    return kiosk.router.screen


def tick_precautions(kiosk, *indexes):
    kiosk.home.precautions_button.click()
    assert kiosk.router.current == PRECAUTIONS
    boxes = list(kiosk.router.screen.ticks.boxes.values())
    for i in indexes:
        boxes[i].click()
        assert boxes[i].isChecked()


def tablet(make_kiosk, language: str = "en", presses: int = 0):
    """The real kiosk held at the tablet's 1280x800 (full screen can't grow), speech loaded, so
    Read aloud and audio mode are on home where a voice exists (Qt's mock engine: English only).
    Held, because a screen made ahead that is too wide would otherwise widen the window."""
    kiosk = make_kiosk(size=TABLET, hold_size=True, speech=True)
    kiosk.set_language(language)
    for _ in range(presses):
        kiosk.cycle_text_size()
    kiosk.show_home()
    QApplication.processEvents()  # the new home's layout settles, as before a paint
    return kiosk


def drag(qtbot, widget, start: QPoint, end: QPoint):
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(widget, (start + end) / 2)
    qtbot.mouseMove(widget, end)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


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


def pin_pad_from(kiosk, qtbot, control):
    """The staff's PIN pad opened while the keyboard is on ``control``; the pad, once it has the focus."""
    control.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(control.hasFocus)
    kiosk.open_pin_pad()
    pad = kiosk.staff.overlay
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and pad.isAncestorOf(QApplication.focusWidget()))
    return pad
