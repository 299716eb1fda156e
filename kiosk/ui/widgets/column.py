"""A column of widgets that scrolls under a finger when it is taller than its room."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.input.fingertaps import FingerTaps
from kiosk.ui.input.touchscroll import TouchScroll
from kiosk.ui.widgets.paneedge import PaneEdge, band_height, widget_lines


class ScrollingColumn(QScrollArea):
    """A transparent, frameless column that scrolls up and down only; a finger drags it, and a
    finger's tap presses what it lands on. ``rows`` is the column's layout, to add to.

    Large text makes a column taller than the screen: it scrolls rather than squeezing its
    buttons below a fingertip's size. Each use names itself (``name``) for tests and the style
    sheet; the column inside is ``column_name``. A screen that has built its ``rows`` passes them.
    """

    def __init__(self, name: str, column_name: str, rows: QVBoxLayout | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.column = QWidget()
        self.column.setObjectName(column_name)
        for widget in (self, self.column):  # the style sheet keeps both see-through
            widget.setProperty("scrollingColumn", True)
        self.rows = rows if rows is not None else QVBoxLayout()
        self.column.setLayout(self.rows)
        self.setWidget(self.column)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._touch_scroll = TouchScroll(self)
        self._finger_taps = FingerTaps(self)  # after TouchScroll: a finger that doesn't scroll presses
        # Never a box or a line cut in half at the bottom: whole ones, and an arrow while there is more.
        self.edge = PaneEdge(self, lambda: widget_lines(self), mask=self.column)

    def ensureWidgetVisible(self, child: QWidget, xmargin: int = 50, ymargin: int = 50) -> None:
        """Never into the band at the bottom, where the arrow is and a cut box is hidden."""
        super().ensureWidgetVisible(child, xmargin, ymargin)
        viewport, bar = self.viewport(), self.verticalScrollBar()
        top = child.mapTo(viewport, QPoint(0, 0)).y()
        into_band = top + child.height() - (viewport.height() - band_height(self))
        if into_band > 0 and top - into_band >= 0:  # Qt leaves alone a child already in view
            bar.setValue(bar.value() + into_band)

    def focusNextPrevChild(self, next: bool) -> bool:
        moved = super().focusNextPrevChild(next)
        focused = self.focusWidget()
        if moved and focused is not None and self.column.isAncestorOf(focused):
            self.ensureWidgetVisible(focused)  # Tab's box above the band too, never hidden in it
        return moved

    def to_top(self) -> None:
        self.verticalScrollBar().setValue(0)
