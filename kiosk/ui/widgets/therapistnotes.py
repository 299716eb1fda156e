"""A step's words for the therapist, under the step in therapist mode only: what to say, what to
check, and one question for the patient to answer in their own words. Set apart by a dashed
border and a heading, so nobody takes it for the patient's page; hidden when there are none."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.model.walkthrough import TherapistNotes
from kiosk.model.wording import fill
from kiosk.model.words import UiText
from kiosk.ui.widgets.column import ScrollingColumn
from kiosk.ui.widgets.words import Words, named

# At most about a quarter of the screen: the step above is still the patient's page. Longer notes
# (large text) scroll under the therapist's finger.
MAX_HEIGHT_PX = 150


class TherapistNotesStrip(QFrame):
    def __init__(self, ui: UiText, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "therapistNotes")
        self._ui = ui
        self.title = named(Words(ui.therapist_notes), "therapistNotesTitle")
        self.scroller = ScrollingColumn("therapistNotesScroll", "therapistNotesColumn")
        self.scroller.setMaximumHeight(MAX_HEIGHT_PX)
        self._rows = self.scroller.rows
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(4)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 8, 16, 10)
        outer.setSpacing(4)
        outer.addWidget(self.title)
        outer.addWidget(self.scroller)
        self.lines: list[Words] = []
        self._shown: TherapistNotes | None = None
        self.setAccessibleName(ui.therapist_notes)

    def show_notes(self, notes: TherapistNotes | None) -> None:
        """This step's notes, or nothing; the same notes again change nothing (the step and
        the overview both ask)."""
        if notes is self._shown:
            return
        self._shown = notes
        for line in self.lines:
            self._rows.removeWidget(line)
            line.hide()  # at once: deleteLater alone leaves it drawn under the new lines until then
            line.deleteLater()
        self.lines = []
        ui = self._ui
        said = [] if notes is None else [*notes.say, *(fill(ui.therapist_look_for, what=w) for w in notes.look_for),
                                         *([fill(ui.therapist_ask, question=notes.ask)] if notes.ask else [])]
        for words in said:
            line = named(Words(f"\u2022 {words}"), "therapistNote")
            line.setWordWrap(True)
            self._rows.addWidget(line)
            self.lines.append(line)
        self.scroller.to_top()

    def text(self) -> str:
        return "\n".join(line.text() for line in self.lines)
