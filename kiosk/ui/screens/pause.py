"""The pause the stop line opens on every step: whole-screen and calm, in the patient's language,
with no picture. It says what happens now, to breathe slowly, and that the therapist stops as soon
as they are asked; then it goes back to the same step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.model.wording import fill
from kiosk.ui.screens.context import ScreenContext
from kiosk.ui.screens.reading import ReadingScreen
from kiosk.ui.widgets.column import ScrollingColumn
from kiosk.ui.widgets.words import Words, named


class PauseScreen(ReadingScreen):
    """``backRequested`` (the way back, Esc, or "Carry on at step 3") returns to the step it was
    opened on; ``breathingRequested``: "Breathe with me", slow breathing paced on screen."""

    breathingRequested = Signal()

    def __init__(self, context: ScreenContext, parent: QWidget | None = None):
        ui = context.ui
        super().__init__(context, ui.go_back or ui.previous_button, parent=parent)
        self._ui = ui
        self.title = named(Words(ui.pause_title), "attractTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller = ScrollingColumn("pauseScroll", "pauseColumn")  # large text may need it
        self.scroller.setAccessibleName(ui.pause_title)
        self.lines = []
        for said in (ui.pause_now, ui.pause_breathe, ui.pause_therapist, ui.pause_faint):
            line = named(Words(said), "cardLine")
            line.setWordWrap(True)
            self.scroller.rows.addWidget(line)
            self.scroller.rows.addSpacing(18)
            self.lines.append(line)
        self.scroller.rows.addStretch(1)
        self.carry_on_button = named(QPushButton(), "stepButton")
        self.carry_on_button.clicked.connect(self.backRequested)
        self.breathing_button = named(QPushButton(ui.breathing_open), "stepButton")
        self.breathing_button.clicked.connect(self.breathingRequested)
        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addStretch(1)
        bottom.addWidget(self.breathing_button)
        bottom.addWidget(self.carry_on_button)
        bottom.addStretch(1)
        column = QHBoxLayout()  # a short line, easy to follow
        column.addStretch(1)
        column.addWidget(self.scroller, 8)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 20, 24, 16)
        layout.setSpacing(16)
        layout.addWidget(self.header)
        layout.addWidget(self.title)
        layout.addLayout(column, 1)
        layout.addLayout(bottom)
        self.setAccessibleName(ui.pause_title)
        self.start_over(0)

    def start_over(self, step: int = 0) -> None:
        """``step``: the walkthrough's step it was opened on (from 0), which it goes back to."""
        self.carry_on_button.setText(fill(self._ui.pause_back, number=step + 1))
        self.scroller.to_top()

    def text(self) -> str:
        return "\n".join([self.title.text(), *(line.text() for line in self.lines)])
