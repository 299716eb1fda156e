"""The staff's hidden way in: a press held in one corner of the window, and the marker that tells
staff the menu has something for them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.ui.input.idle import watched_application
from kiosk.ui.input.timers import Timers, qt_timer


class StaffCorner(QObject):
    """A press held for ``seconds`` in one corner of ``window`` opens the staff PIN pad.

    The press and its release are still delivered, except the release that ends a
    successful long press, so the button under the finger isn't pressed as well.
    """

    held = Signal()
    SIZE = 96  # px square
    MARKER = 12  # px: seen by staff who know to look, not a patient's business
    MARKER_MARGIN = 5  # px from the window's edges: clear of the buttons there (they start at 20 px)

    def __init__(self, window: QWidget, corner: str, seconds: float = 3.0, timers: Timers = qt_timer):
        super().__init__(window)
        self._window = window
        self.corner = corner
        self._timer = timers(self, int(seconds * 1000), True, False)
        self._timer.timeout.connect(self._fire)
        self._swallow_release = False
        self._press_pos: QPoint | None = None
        self.marker: QWidget | None = None  # shown while staff have a problem to look at

    def watch(self) -> None:
        """Notice a held corner from now on (once the window is first painted, as the idle watcher)."""
        watched_application().installEventFilter(self)

    def show_marker(self, on: bool) -> None:
        """A small dot in the corner that tells staff (and means nothing to patients) that the
        staff menu has something for them, e.g. clinic.yaml can't be read."""
        if not on:
            if self.marker is not None:
                self.marker.hide()
            return
        if self.marker is None:
            self.marker = QWidget(self._window)
            self.marker.setObjectName("staffMarker")
            self.marker.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the corner still works
            self.marker.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
            self.marker.setStyleSheet(f"background: #c2410c; border-radius: {self.MARKER // 2}px;")
        self._place_marker()
        self.marker.show()
        self.marker.raise_()

    def _place_marker(self) -> None:
        if self.marker is not None:
            box, size, margin = self.rect(), self.MARKER, self.MARKER_MARGIN
            x = box.left() + margin if "left" in self.corner else box.right() - margin - size + 1
            y = box.top() + margin if "top" in self.corner else box.bottom() - margin - size + 1
            self.marker.setGeometry(x, y, size, size)

    def rect(self) -> QRect:
        w, h, s = self._window.width(), self._window.height(), self.SIZE
        x = 0 if "left" in self.corner else w - s
        y = 0 if "top" in self.corner else h - s
        return QRect(x, y, s, s)

    def _fire(self) -> None:
        # The finger may be on a button: un-press it, and swallow the release that follows,
        # so holding the corner never also presses what is under it.
        under = QApplication.widgetAt(self._press_pos) if self._press_pos is not None else None
        if isinstance(under, QAbstractButton):
            under.setDown(False)
        self._swallow_release = True
        self.held.emit()

    def _in_corner(self, global_pos: QPoint) -> bool:
        return self.rect().contains(self._window.mapFromGlobal(global_pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self._window:
            self._place_marker()
            return False
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            if isinstance(event, QTouchEvent):
                if not event.points():
                    return False
                pos = event.points()[0].globalPosition().toPoint()
            elif isinstance(event, QMouseEvent):
                pos = event.globalPosition().toPoint()
            else:
                return False
            self._swallow_release = False
            if self._window.isVisible() and self._in_corner(pos) and not self._timer.isActive():
                self._press_pos = pos
                self._timer.start()
            return False
        if kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._timer.stop()
            return self._swallow_release
        return False
