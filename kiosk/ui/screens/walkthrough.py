"""'Your session, step by step': one step at a time, with big Back / Next, swipes and the keys of
a slide show, "Step 3 of 8" opening every step by its title, the stop promise that opens a pause,
and "Done" on the last step back to where the patient started."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.model.walkthrough import TherapistNotes
from kiosk.model.wording import fill
from kiosk.pages.book import Page
from kiosk.ui.input.pageturner import first_page
from kiosk.ui.input.swipe import STEP_KEYS
from kiosk.ui.screens.context import ScreenContext
from kiosk.ui.screens.paged import PagedScreen
from kiosk.ui.speech.controls import ReadAloudButton
from kiosk.ui.widgets.buttons import OneLineIfRoomButton, TextSizeButton, WrappingButton, calm_toggle
from kiosk.ui.widgets.direction import Arrow, with_arrow
from kiosk.ui.widgets.pageview import PageView, reading_column
from kiosk.ui.widgets.readingheader import way_back_button
from kiosk.ui.widgets.stepoverview import StepOverview
from kiosk.ui.widgets.therapistnotes import TherapistNotesStrip
from kiosk.ui.widgets.therapisttoggle import therapist_toggle
from kiosk.ui.widgets.words import named


class WalkthroughScreen(PagedScreen):
    """``homeRequested`` means "back to where I came from" (the top-left button, Esc and Done):
    home, or the region the walkthrough is about; ``back_label`` names it. ``titles`` are the
    steps' titles, for the overview "Step 3 of 8" opens; ``pauseRequested``: the stop line tapped.
    ``languages``: the content's other languages (code: name), a button each in the overview;
    ``languageChosen`` asks for the walkthrough in one of them, at the same step. ``notes``: each
    step's words for the therapist, shown under the step while therapist mode is on."""

    homeRequested = Signal()
    textSizeRequested = Signal()
    calmToggled = Signal(bool)
    stepChanged = Signal(int)  # 0-based
    questionsRequested = Signal()
    therapistChosen = Signal(bool)
    pauseRequested = Signal()
    languageChosen = Signal(str)

    def __init__(self, context: ScreenContext, steps: list[Page], back_label: str | None = None, start: int = 0,
                 titles: Sequence[str] = (), languages: dict[str, str] | None = None,
                 notes: Sequence[TherapistNotes | None] = (), parent: QWidget | None = None):
        super().__init__(parent)
        ui = context.ui
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._steps = steps
        self._ui = ui
        self._notes, self._therapist = notes, context.therapist
        self.therapist_notes = TherapistNotesStrip(ui)
        start = first_page(start, len(steps))

        self.home_button = way_back_button(back_label or ui.home_button)
        self.home_button.clicked.connect(self.homeRequested)
        # "Step 3 of 8" opens every step by its title: any step in two taps.
        # Not checkable: screen readers would call it a check box. Dark while the overview is open.
        self.progress = named(QPushButton(), "secondary")
        self.progress.setProperty("footer", True)  # 64 px targets (theme.py)
        self.progress.setAccessibleDescription(ui.all_steps)
        self.progress.clicked.connect(self._overview_tapped)
        header = QHBoxLayout()
        header.addWidget(self.home_button)
        header.addStretch(1)
        self.read_aloud_button = ReadAloudButton(ui, context.speech)  # shown where a voice exists
        self.offer_read_aloud(self.read_aloud_button)
        header.addWidget(self.read_aloud_button)
        self.calm_toggle = calm_toggle(ui, context.calm)
        self.calm_toggle.toggled.connect(self.calmToggled)
        self.text_size_button = TextSizeButton(ui, context.text_scale)
        self.text_size_button.clicked.connect(self.textSizeRequested)
        header.addSpacing(16)
        header.addWidget(self.calm_toggle)
        header.addSpacing(16)
        header.addWidget(self.text_size_button)

        # Always on screen, whatever the step: consent is ongoing. A tap on it opens a calm pause.
        self.stop_banner = WrappingButton(ui.stop_any_time, "stopBanner")
        self.stop_banner.setAccessibleDescription(ui.pause_title)
        self.stop_banner.clicked.connect(self.pauseRequested)

        self.view = PageView(steps[start], ui.unavailable)
        # Every step by its title, and the other languages: the same step in another, kept.
        self.overview = StepOverview(ui.all_steps, titles or [fill(ui.step_of, number=n + 1, total=len(steps))
                                                              for n in range(len(steps))],
                                     languages, ui.language_heading)
        self.overview.chosen.connect(self._step_chosen)
        self.overview.languageChosen.connect(self.languageChosen)
        self.language_buttons = self.overview.language_buttons
        self._step_pane = QWidget()
        column = reading_column(self.view)
        column.setContentsMargins(0, 0, 0, 0)  # the step where it always was: no room lost above the fold
        self._step_pane.setLayout(column)
        self.reading = QStackedWidget()  # the step, or the overview of every step in its place
        self.reading.addWidget(self._step_pane)
        self.reading.addWidget(self.overview)

        # Its words wrap where the footer has no room: "Previous step" in a longer language, at extra-large text.
        self.previous_button = with_arrow(OneLineIfRoomButton("", "stepButton"), ui.previous_button, Arrow.BACK)
        self.previous_button.clicked.connect(self.previous)
        self.next_button = with_arrow(named(QPushButton(), "stepButton"), ui.next_button, Arrow.FORWARD)
        self.next_button.clicked.connect(self.next)
        # The last step ends the walkthrough: back to the region page or home, where it began.
        self.done_button = named(QPushButton(f"{ui.done_button}  \u2713"), "stepButton")
        self.done_button.clicked.connect(self.homeRequested)
        # Between the step buttons, where the header has no room left at large text.
        self.questions_button = named(QPushButton(f"+ {ui.questions_button}"), "secondary")
        self.questions_button.clicked.connect(self.questionsRequested)
        self.questions_button.setProperty("footer", True)  # 64 px targets (theme.py)
        footer = QHBoxLayout()
        footer.addWidget(self.previous_button)
        footer.addStretch(1)
        footer.addWidget(self.questions_button)
        footer.addStretch(1)
        footer.addWidget(self.next_button)
        footer.addWidget(self.done_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 14, 28, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        # "Step 3 of 8" beside the banner, not in the header: at extra-large text, with Read
        # aloud shown and a long region name on the way back, the header had no room left for
        # it, and squeezed the text-size button's words.
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.stop_banner, 1)
        banner_row.addWidget(self.progress)
        self.therapist_toggle = therapist_toggle(ui, context.therapist, self.therapistChosen)
        if self.therapist_toggle is not None:
            banner_row.addSpacing(16)
            banner_row.addWidget(self.therapist_toggle)
        layout.addLayout(banner_row)
        layout.addWidget(self.reading, 1)
        layout.addWidget(self.therapist_notes)
        layout.addLayout(footer)
        if self._therapist is not None:
            # A method, not a lambda: the hold outlives this screen, and Qt ends a method's connection with it.
            self._therapist.changed.connect(self._therapist_changed)
        self.turn_pages(len(steps), start, self.stepChanged, STEP_KEYS)
        self.questions_button.setVisible(context.questions)  # only where the clinic has questions

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def text(self) -> str:
        return self.view.toPlainText()

    @property
    def overview_open(self) -> bool:
        return self.reading.currentWidget() is self.overview

    def show_overview(self, shown: bool) -> None:
        """Every step by its title in the step's place, or the step again. The keyboard follows:
        onto the step shown in the overview, and back to "Step 3 of 8" from a hidden one."""
        focused = QApplication.focusWidget()
        keyboard_in = self.progress.hasFocus() or (focused is not None and self.overview.isAncestorOf(focused))
        if shown:
            self.overview.mark(self.index)
        self.reading.setCurrentWidget(self.overview if shown else self._step_pane)
        self._show_notes()
        if self.progress.property("open") != shown:
            self.progress.setProperty("open", shown)
            self.progress.style().unpolish(self.progress)
            self.progress.style().polish(self.progress)
        if keyboard_in and self.isVisible():
            (self.overview.buttons[self.index] if shown and self.overview.buttons else self.progress).setFocus()

    def start_over(self, step: int = 0) -> None:
        super().start_over(step)
        self.show_overview(False)

    def _overview_tapped(self) -> None:
        self.show_overview(not self.overview_open)

    def _step_chosen(self, index: int) -> None:
        self.show_overview(False)
        self.go_to(index)

    def _show(self) -> None:
        self.show_overview(False)
        self.view.show_page(self._steps[self.index])
        self.progress.setText(fill(self._ui.step_of, number=self.index + 1, total=self.total))
        heading = self.view.toPlainText().split("\n", 1)[0]
        self.setAccessibleName(f"{self.progress.text()}: {heading}")  # read out when the step changes
        self.view.setAccessibleName(heading)  # the step's text, heard by its heading, not as "label"
        self.previous_button.setEnabled(self.index > 0)
        last = self.index == self.total - 1
        self.next_button.setVisible(not last)
        self.done_button.setVisible(last)
        self._show_notes()

    def _therapist_changed(self, _on: bool) -> None:
        self._show_notes()

    def _show_notes(self) -> None:
        """The therapist's words for this step, while therapist mode is on; the patient's screen as it was otherwise."""
        notes = self._notes[self.index] if self.index < len(self._notes) else None
        # Not over the overview of every step: the words are the step's, and the overview needs the room.
        on = self._therapist is not None and self._therapist.on and notes is not None and not self.overview_open
        self.therapist_notes.show_notes(notes if on else None)
        self.therapist_notes.setVisible(on)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.overview_open:  # Esc closes the overview first
            self.show_overview(False)
        elif event.key() == Qt.Key.Key_Escape:  # Esc goes back, never out of the kiosk
            self.homeRequested.emit()
        else:
            super().keyPressEvent(event)
