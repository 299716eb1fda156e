"""Noticing people: when nobody has touched the kiosk for a while, and the staff's hidden long press."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

# Touch counts, not only the mouse events Qt makes from it: some tablets send only touch.
ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
    QEvent.Type.KeyPress, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``seconds`` without a touch, click, key or wheel anywhere in the app."""

    idle = Signal()
    activity = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may drift by 5% of 90 s
        self._timer.timeout.connect(self.idle)
        self.set_seconds(seconds)
        QApplication.instance().installEventFilter(self)

    def set_seconds(self, seconds: float) -> None:
        self._timer.setInterval(int(seconds * 1000))
        self._timer.start()

    def restart(self) -> None:
        self._timer.start()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in ACTIVITY and event.spontaneous():
            self._timer.start()
            self.activity.emit()
        return False


class StaffCorner(QObject):
    """A press held for ``seconds`` in one corner of ``window`` opens the staff PIN pad.

    The press and its release are still delivered, except the release that ends a
    successful long press, so the button under the finger isn't pressed as well.
    """

    held = Signal()
    SIZE = 96  # px square

    def __init__(self, window: QWidget, corner: str, seconds: float = 3.0, parent: QObject | None = None):
        super().__init__(parent or window)
        self._window = window
        self.corner = corner
        self._timer = QTimer(self, singleShot=True, interval=int(seconds * 1000))
        self._timer.timeout.connect(self._fire)
        self._swallow_release = False
        self._press_pos: QPoint | None = None
        QApplication.instance().installEventFilter(self)

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

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            if kind == QEvent.Type.TouchBegin and not event.points():
                return False
            pos = (event.points()[0].globalPosition() if kind == QEvent.Type.TouchBegin
                   else event.globalPosition()).toPoint()
            self._swallow_release = False
            if self._window.isVisible() and self._in_corner(pos) and not self._timer.isActive():
                self._press_pos = pos
                self._timer.start()
            return False
        if kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._timer.stop()
            return self._swallow_release
        return False
