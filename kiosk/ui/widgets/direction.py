"""Which way a screen reads: its layout direction from its language's words (``direction: rtl``
in a ui.yaml), and the arrows drawn on buttons, which point the way the screen reads.

Qt mirrors layouts by itself (a right-to-left screen's first control is on the right), but an
arrow is a character, and Unicode does not mirror arrows: a language read right to left needs
"→" where English has "←". A button given its arrow here redraws it whenever its screen's
direction changes, so nothing else needs to know.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QEvent, QMargins, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QLayout, QWidget

from kiosk.model.words import UiText

B = TypeVar("B", bound=QAbstractButton)
RLI, PDI = "\u2067", "\u2069"  # right to left in here; the end of it


def layout_direction(ui: UiText) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if ui.right_to_left else Qt.LayoutDirection.LeftToRight


class Arrow(Enum):
    """Where a button leads: back, before its words ("← Home"), or on, after them ("Next →")."""

    BACK = "back"
    FORWARD = "forward"

    def glyph(self, right_to_left: bool) -> str:
        towards_start = (self is Arrow.BACK) != right_to_left
        return "\u2190" if towards_start else "\u2192"

    def words(self, words: str, right_to_left: bool) -> str:
        glyph = self.glyph(right_to_left)
        text = f"{glyph}  {words}" if self is Arrow.BACK else f"{words}  {glyph}"
        # Right to left, the first character is the rightmost: held so by Unicode's isolating
        # marks, as a push button lays its words out left to right whatever its direction.
        return f"{RLI}{text}{PDI}" if right_to_left else text


class _Follower(QObject):
    def __init__(self, button: QAbstractButton, words: str, arrow: Arrow):
        super().__init__(button)
        self._words = words
        self._arrow = arrow
        button.installEventFilter(self)
        self.show(button)

    def show(self, button: QAbstractButton) -> None:
        button.setText(self._arrow.words(self._words, button.isRightToLeft()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutDirectionChange and isinstance(watched, QAbstractButton):
            self.show(watched)
        return False


def with_arrow(button: B, words: str, arrow: Arrow) -> B:
    """``button`` showing ``words`` and an arrow pointing ``arrow``'s way on its screen, now and
    whenever the screen's direction changes."""
    _Follower(button, words, arrow)
    return button


class _Margins(QObject):
    def __init__(self, widget: QWidget, layout: QLayout):
        super().__init__(widget)
        self._layout = layout
        self._margins = layout.contentsMargins()  # as set for left to right
        widget.installEventFilter(self)
        self.show(widget)

    def show(self, widget: QWidget) -> None:
        m = self._margins
        self._layout.setContentsMargins(QMargins(m.right(), m.top(), m.left(), m.bottom())
                                        if widget.isRightToLeft() else m)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutDirectionChange and isinstance(watched, QWidget):
            self.show(watched)
        return False


def mirrored_margins(widget: QWidget) -> None:
    """The margins of ``widget``'s layout mirrored whenever it reads right to left: Qt mirrors
    where a layout puts things, but not its margins (a tick box's room for its box, on the left
    in English, is on the right, where the box is, right to left)."""
    layout = widget.layout()
    if layout is not None:
        _Margins(widget, layout)
