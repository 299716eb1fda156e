"""The staff menu behind the PIN pad: the clinic's defaults, the idle reset and therapist mode's
hold, Read aloud, content, problems, exit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.model.problems import Problem
from kiosk.model.wording import fill
from kiosk.model.words import StaffText
from kiosk.settings.values import Settings
from kiosk.ui.staff.overlay import StaffOverlay
from kiosk.ui.widgets.buttons import checkable
from kiosk.ui.widgets.words import Words, named
from kiosk.visit.patient import TEXT_SIZE_NAMES

IDLE_CHOICES = (60, 90, 120, 180, 300)
LISTENING_CHOICES = (180, 360, 600, 900)
THERAPIST_CHOICES = (10, 20, 30, 45, 60)  # minutes; the setting itself may be any from 1 to 60
EXIT_GAP = 40  # px of nothing above "Exit the kiosk": no other button is near it


class StaffMenu(StaffOverlay):
    exitRequested = Signal()
    reloadRequested = Signal()
    changePinRequested = Signal()
    closed = Signal()
    defaultLanguageChosen = Signal(str)
    calmDefaultChanged = Signal(bool)
    contrastDefaultChanged = Signal(bool)
    textSizeDefaultChosen = Signal(str)
    idleSecondsChosen = Signal(int)
    listeningSecondsChosen = Signal(int)
    therapistMinutesChosen = Signal(int)
    insightsRequested = Signal()

    """``can_change_pin``: a PIN is set, so it can be changed here; ``missing_voices``: the
    languages without a voice on this machine (None when there is no speech at all)."""

    def __init__(self, words: StaffText, languages: dict[str, str], settings: Settings,
                 problems: tuple[Problem, ...], log_lines: Sequence[str], parent: QWidget, *,
                 notice: str | None = None, can_change_pin: bool = True, missing_voices: list[str] | None = None):
        super().__init__(parent)
        self._words = words
        title = named(Words(words.menu_title), "staffTitle")
        self.notice = named(Words(notice or ""), "pinMessage")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(notice))
        self.exit_button = named(QPushButton(words.exit), "secondary")
        self.exit_button.clicked.connect(self.exitRequested)
        self.reload_button = named(QPushButton(words.reload), "secondary")
        self.reload_button.clicked.connect(self.reloadRequested)
        self.change_pin_button = named(QPushButton(words.change_pin), "secondary")
        self.change_pin_button.clicked.connect(self.changePinRequested)
        self.status = named(Words(), "pinMessage")
        self.status.setWordWrap(True)

        languages_row = QHBoxLayout()
        languages_row.addWidget(Words(words.default_language))
        group = QButtonGroup(self)
        self.language_buttons: dict[str, QPushButton] = {}
        for code, name in languages.items():
            button = named(checkable(QPushButton(name)), "languageButton")
            button.setChecked(code == settings.default_language)
            button.clicked.connect(lambda _=False, c=code: self.defaultLanguageChosen.emit(c))
            group.addButton(button)
            languages_row.addWidget(button)
            self.language_buttons[code] = button
        languages_row.addStretch(1)

        self.calm_default = named(QCheckBox(words.calm_default), "calmToggle")
        self.calm_default.setChecked(settings.calm_by_default)
        self.calm_default.toggled.connect(self.calmDefaultChanged)
        self.contrast_default = named(QCheckBox(words.contrast_default), "calmToggle")
        self.contrast_default.setChecked(settings.high_contrast_by_default)
        self.contrast_default.toggled.connect(self.contrastDefaultChanged)

        size_row = QHBoxLayout()
        size_row.addWidget(Words(words.text_size_default))
        size_group = QButtonGroup(self)
        self.text_size_buttons: dict[str, QPushButton] = {}
        for name, label in zip(TEXT_SIZE_NAMES, words.text_sizes):
            button = named(checkable(QPushButton(label)), "languageButton")
            button.setChecked(name == settings.text_size_by_default)
            button.clicked.connect(lambda _=False, n=name: self.textSizeDefaultChosen.emit(n))
            size_group.addButton(button)
            size_row.addWidget(button)
            self.text_size_buttons[name] = button
        size_row.addStretch(1)

        idle_row, self.idle_label, self.idle_buttons = self._count_row(
            words.idle_time, "seconds", IDLE_CHOICES, int(settings.idle_seconds), self.idleSecondsChosen)
        # A patient listening (audio mode, a screen reader) presses nothing for minutes.
        listening_row, self.listening_label, self.listening_buttons = self._count_row(
            words.listening_idle_time, "seconds", LISTENING_CHOICES, int(settings.listening_idle_seconds),
            self.listeningSecondsChosen)
        # How long therapist mode may hold the screen off "Still reading?".
        therapist_row, self.therapist_label, self.therapist_buttons = self._count_row(
            words.therapist_time, "minutes", THERAPIST_CHOICES, settings.therapist_minutes,
            self.therapistMinutesChosen)

        self.problems_view = named(QPlainTextEdit(), "problems")
        self.problems_view.setReadOnly(True)
        self.show_problems(problems)
        self.log_view = named(QPlainTextEdit(), "problems")
        self.log_view.setReadOnly(True)
        # Newest first: the problem staff came to look at is in sight without scrolling.
        self.log_view.setPlainText("\n".join(reversed(log_lines)) or words.no_log_problems)

        self.close_button = QPushButton(words.close)
        self.close_button.clicked.connect(self.closed)

        # What a button did ("The content was reloaded.") beside the title, where the top row has
        # room for two lines of it.
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(24)
        top.addWidget(self.status, 1)
        top.addWidget(self.close_button)
        self.insights_button = named(QPushButton(words.insights_button), "secondary")
        self.insights_button.clicked.connect(self.insightsRequested)
        views = QHBoxLayout()
        for heading, view in ((words.problems_title, self.problems_view), (words.log_title, self.log_view)):
            column = QVBoxLayout()
            column.addWidget(named(Words(heading), "choose"))
            column.addWidget(view, 1)
            views.addLayout(column, 1)
        # Exit alone in the far corner, a long way from everything else (it was once 12 px from
        # "Reload content now"; the other actions now end far to its left), and it asks before it acts.
        bottom = QHBoxLayout()
        bottom.addWidget(self.reload_button)
        bottom.addWidget(self.change_pin_button)
        bottom.addWidget(self.insights_button)
        bottom.addStretch(1)
        bottom.addWidget(self.exit_button)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(36, 16, 36, 16)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addLayout(languages_row)
        # The two defaults share a row, so the problem lists below keep room to be read. Their
        # words fill most of it: Windows hints each letter to a whole pixel, about 1.3 % wider than
        # Linux, so the gap between them is kept small enough for the row to fit on both.
        defaults_row = QHBoxLayout()
        defaults_row.addWidget(self.calm_default)
        defaults_row.addSpacing(12)
        defaults_row.addWidget(self.contrast_default)
        defaults_row.addStretch(1)
        layout.addLayout(defaults_row)
        layout.addLayout(size_row)
        layout.addLayout(idle_row)
        layout.addLayout(listening_row)
        layout.addLayout(therapist_row)
        self._more_rows_at = layout.count()  # where the speech rows go: above the lists
        layout.addLayout(views, 1)
        layout.addSpacing(EXIT_GAP)
        layout.addLayout(bottom)
        self.card.setFixedSize(1180, 790)  # all but 5 px of the tablet's height
        self.change_pin_button.setVisible(can_change_pin)
        self._add_speech_rows(words, settings.read_aloud, settings.speech_rate, settings.speech_volume,
                              missing_voices)

    # --- Read aloud: on/off, speed, volume, and the voices this machine lacks -------

    readAloudChanged = Signal(bool)
    speechRateChosen = Signal(float)
    speechVolumeChosen = Signal(float)

    def _add_speech_rows(self, words: StaffText, on: bool, rate: float, volume: float,
                         missing_voices: list[str] | None) -> None:
        """``missing_voices``: languages without a voice here; None when there is no speech at all."""
        self.read_aloud_on = named(QCheckBox(words.read_aloud_on), "calmToggle")
        self.read_aloud_on.setChecked(on)
        self.read_aloud_on.toggled.connect(self.readAloudChanged)
        row = QHBoxLayout()
        row.addWidget(Words(words.speech_rate))
        self.rate_buttons = self._choices(row, {-0.5: words.speech_slower, 0.0: words.speech_normal,
                                                0.5: words.speech_faster}, rate, self.speechRateChosen)
        row.addSpacing(12)
        row.addWidget(Words(words.speech_volume))
        self.volume_buttons = self._choices(row, {0.5: "50 %", 0.75: "75 %", 1.0: "100 %"}, volume,
                                            self.speechVolumeChosen)
        row.addStretch(1)
        if missing_voices is None:
            said = words.speech_unavailable
        else:
            said = " ".join(fill(words.voice_missing, language=name) for name in missing_voices)
        self.voices_status = named(Words(said), "pinMessage")
        self.voices_status.setWordWrap(True)
        self.voices_status.setVisible(bool(said))
        layout = self.card.layout()
        assert isinstance(layout, QVBoxLayout)
        # On/off with what this computer lacks beside it, then speed and volume: two rows, so the
        # problem lists below keep room to be read.
        switch_row = QHBoxLayout()
        switch_row.addWidget(self.read_aloud_on)
        switch_row.addSpacing(24)
        switch_row.addWidget(self.voices_status, 1)
        layout.insertLayout(self._more_rows_at, switch_row)
        layout.insertLayout(self._more_rows_at + 1, row)

    def _choices(self, row: QHBoxLayout, choices: dict[float, str], chosen: float,
                 signal: SignalInstance) -> dict[float, QPushButton]:
        group = QButtonGroup(self)
        buttons: dict[float, QPushButton] = {}
        for value, label in choices.items():
            button = named(checkable(QPushButton(label)), "languageButton")
            button.setChecked(abs(value - chosen) < 0.01)
            button.clicked.connect(lambda _=False, v=value: signal.emit(v))
            group.addButton(button)
            row.addWidget(button)
            buttons[value] = button
        return buttons

    def _count_row(self, words: str, unit: str, choices: Sequence[int], chosen: int,
                   signal: SignalInstance) -> tuple[QHBoxLayout, Words, dict[int, QPushButton]]:
        """A number's row: its words with the number chosen in them (``unit`` is its placeholder),
        and a button for each choice (the one in use among them, even if staff typed another into
        the settings file)."""
        row = QHBoxLayout()
        label = Words(fill(words, **{unit: chosen}))
        row.addWidget(label)
        group = QButtonGroup(self)
        buttons: dict[int, QPushButton] = {}
        for number in sorted(set(choices) | {chosen}):
            button = named(checkable(QPushButton(str(number))), "languageButton")
            button.setChecked(number == chosen)
            button.clicked.connect(lambda _=False, n=number: self._number_chosen(label, words, unit, n, signal))
            group.addButton(button)
            row.addWidget(button)
            buttons[number] = button
        row.addStretch(1)
        return row, label, buttons

    @staticmethod
    def _number_chosen(label: Words, words: str, unit: str, number: int, signal: SignalInstance) -> None:
        label.setText(fill(words, **{unit: number}))
        signal.emit(number)

    def escape(self) -> None:
        self.closed.emit()  # back to the kiosk


    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.problems_view.setPlainText("\n".join(str(p) for p in problems) or self._words.no_problems)

    def say(self, text: str) -> None:
        self.status.setText(text)
