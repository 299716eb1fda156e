"""Every step of the walkthrough by its title, as big buttons: a therapist (or a patient coming back
to one thing) goes to any step in two taps, "Step 3 of 8" and then the step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.widgets.column import ScrollingColumn
from kiosk.ui.widgets.pagetabs import PageTab
from kiosk.ui.widgets.words import Words, named

COLUMNS = 2  # eight steps in four rows: every title above the fold at normal text


class StepOverview(QWidget):
    """``chosen`` says which step (from 0) a finger tapped; ``mark`` shows the one on screen.
    ``languages`` (code: name) are the content's other languages, under the steps with
    ``language_heading``; ``languageChosen`` asks for the same step in one of them."""

    chosen = Signal(int)
    languageChosen = Signal(str)

    def __init__(self, heading: str, titles: Sequence[str], languages: dict[str, str] | None = None,
                 language_heading: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = named(Words(heading), "choose")
        self.heading.setWordWrap(True)
        self.scroller = ScrollingColumn("overviewScroll", "overviewColumn")
        self.scroller.setAccessibleName(heading)
        grid = QGridLayout()
        grid.setSpacing(12)
        # Each step a tab (heard as "page tab", the one on screen "selected"), as a region's pages are.
        self.buttons: list[PageTab] = []
        for index, title in enumerate(titles):
            button = PageTab(f"{index + 1}.  {title}", align=Qt.AlignmentFlag.AlignLeft)
            button.clicked.connect(lambda _=False, i=index: self.chosen.emit(i))
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.buttons.append(button)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        self.scroller.rows.addLayout(grid)
        # Here, not in the walkthrough's footer: a row of them has room for any number of languages.
        self.language_buttons: dict[str, QPushButton] = {}
        if languages:
            row = QHBoxLayout()
            row.addWidget(named(Words(language_heading), "choose"))
            for code, name in languages.items():
                switch = named(QPushButton(name), "secondary")
                switch.setProperty("footer", True)  # 64 px targets (theme.py)
                switch.setAccessibleName(f"{language_heading}: {name}")
                switch.clicked.connect(lambda _=False, c=code: self.languageChosen.emit(c))
                row.addWidget(switch)
                self.language_buttons[code] = switch
            row.addStretch(1)
            self.scroller.rows.addSpacing(12)
            self.scroller.rows.addLayout(row)
        self.scroller.rows.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroller, 1)

    def mark(self, index: int) -> None:
        for number, button in enumerate(self.buttons):
            button.set_current(number == index)
        self.scroller.to_top()
