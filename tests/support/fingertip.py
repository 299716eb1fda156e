"""A fingertip's 64 px square and real taps across it, for the tests that measure targets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

FINGERTIP_PX = 64  # about 11-13 mm on a 10-12" 1280x800 tablet (tests/screens/test_bodymap.py)
MOUSE_LATTICE = (0, 16, 32, 48, 63)  # 5 x 5 clicks over the square, its edges and corners included
TOUCH_LATTICE = (0, 32, 63)  # 3 x 3 touches: corners, edge middles, centre
SIZES = {"normal-text": 0, "large-text": 1, "extra-large-text": 2}  # presses of the text-size control


def square(widget: QWidget) -> QRect:
    """The 64 px square centred on ``widget``, in its own coordinates (it sticks out of a smaller one)."""
    return QRect((widget.width() - FINGERTIP_PX) // 2, (widget.height() - FINGERTIP_PX) // 2,
                 FINGERTIP_PX, FINGERTIP_PX)


def lattice(widget: QWidget, steps: tuple[int, ...]) -> list[QPoint]:
    corner = square(widget).topLeft()
    return [corner + QPoint(dx, dy) for dy in steps for dx in steps]


def tap(kiosk, widget: QWidget, point: QPoint, touch: bool) -> None:
    """A real tap at ``point`` on ``widget``: events go into the kiosk where the system would put
    them, and Qt decides what is under them (a gap between buttons gets nothing)."""
    handle, at = kiosk.window.windowHandle(), widget.mapTo(kiosk.window, point)
    if touch:
        device = QTest.createTouchDevice()
        QTest.touchEvent(handle, device).press(0, at).commit()
        QTest.touchEvent(handle, device).release(0, at).commit()
    else:
        QTest.mouseClick(handle, Qt.MouseButton.LeftButton, pos=at)


def bring_into_view(kiosk, widget: QWidget) -> None:
    """As a patient would scroll the column first: the whole target in view, then tap."""
    home = kiosk.home
    if home.column_scroller.widget().isAncestorOf(widget):
        home.column_scroller.ensureWidgetVisible(widget, 0, 0)
        QApplication.processEvents()
        viewport = home.column_scroller.viewport()
        box = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
        assert viewport.rect().contains(box), f"{widget.accessibleName()!r} can't be scrolled wholly into view"
