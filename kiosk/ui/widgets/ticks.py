"""Large tick boxes a patient ticks for the card they show their therapist, in a finger-scrolled panel.

Real check boxes rather than links in the page: each is one big target (the whole row, at
least 64 px tall), a screen reader announces it as a check box with its state, Space ticks
it from the keyboard, and a long heading wraps instead of being cut off.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.widgets.buttons import WrappingButton
from kiosk.ui.widgets.column import ScrollingColumn
from kiosk.ui.widgets.direction import mirrored_margins
from kiosk.ui.widgets.words import Words, named
from kiosk.visit.card import TherapistCard, Tick

INDICATOR_ROOM = 72  # the style sheet's indicator (40 px) with its margins: the words start after it


class TickBox(QCheckBox):
    """A check box whose words wrap, and whose whole row is the target, not only the little box.
    ``detail``, if given, is a sentence or two under its words, inside the same box: what the
    item means, heard by screen readers as the box's description."""

    def __init__(self, text: str, parent: QWidget | None = None, *, detail: str | None = None,
                 label_name: str = "tickLabel"):
        super().__init__(parent)
        self.setObjectName("tickBox")
        self._label = named(Words(text), label_name)
        self.detail: QLabel | None = named(Words(detail), "tickDetail") if detail else None
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(INDICATOR_ROOM, 10, 12, 10)
        layout.setSpacing(4)
        for label in (self._label, self.detail):
            if label is not None:
                label.setWordWrap(True)
                label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                layout.addWidget(label)
        mirrored_margins(self)  # the room for the box is where the box is
        self.setAccessibleName(text)
        if detail:
            self.setAccessibleDescription(detail)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return self._label.text()

    @property
    def label(self) -> QLabel:
        """The words, wrapped."""
        return self._label

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), 64, self._layout.totalHeightForWidth(width))

    def sizeHint(self) -> QSize:
        hint = self._layout.totalSizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight(), 64))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, max(self.minimumHeight(), 64))


class TickPanel(QWidget):
    """A heading, the tick boxes (scrolling when there are many) and "Show my therapist".

    ``lead`` and ``tail`` are words that scroll with the boxes, before the heading and after the
    last box (a page's introduction and closing words: one list, one scroll bar); with a ``lead``
    the heading scrolls too, just above the first box. ``details`` are the boxes' explanations."""

    toggled = Signal(object, bool)  # the Tick, ticked or not
    cardRequested = Signal()

    def __init__(self, heading: str, items: Sequence[tuple[Tick, str]], card: TherapistCard,
                 card_button: str, parent: QWidget | None = None, *, lead: Sequence[QWidget] = (),
                 tail: Sequence[QWidget] = (), details: Sequence[str | None] = ()):
        super().__init__(parent)
        self.setObjectName("tickPanel")
        self.heading = named(Words(heading), "choose")
        self.heading.setWordWrap(True)
        self.boxes: dict[Tick, TickBox] = {}
        self.scroller = scroller = ScrollingColumn("tickScroll", "tickColumn")
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab reaches each box, and the list scrolls to it
        column_layout = scroller.rows
        column_layout.setContentsMargins(0, 0, 8, 0)
        column_layout.setSpacing(8)
        for widget in lead:
            column_layout.addWidget(widget)
        if lead:
            column_layout.addWidget(self.heading)
        for number, (tick, words) in enumerate(items):
            detail = details[number] if number < len(details) else None
            box = TickBox(words, detail=detail, label_name="tickHeading" if details else "tickLabel")
            box.setChecked(tick in card)
            box.toggled.connect(lambda on, t=tick: self.toggled.emit(t, on))
            column_layout.addWidget(box)
            self.boxes[tick] = box
        for widget in tail:
            column_layout.addWidget(widget)
        column_layout.addStretch(1)
        self.card_button = WrappingButton(card_button, "cardButton")
        self.card_button.clicked.connect(self.cardRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.setSpacing(10)
        if not lead:
            layout.addWidget(self.heading)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.card_button)

    def start_over(self) -> None:
        self.scroller.to_top()
