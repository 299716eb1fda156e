"""The staff's way in: a PIN pad with large digits, and the staff menu behind it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import StaffText
from kiosk.pinrules import guessable
from kiosk.problems import Problem
from kiosk.programname import staff_command
from kiosk.settings import Settings
from kiosk.staffpin import MAX_DIGITS, PinGuard, PinResult, valid_pin
from kiosk.ui.widgets import Words, checkable, named
from kiosk.visit import TEXT_SIZE_NAMES
from kiosk.wording import fill

IDLE_CHOICES = (60, 90, 120, 180, 300)
CARD_WIDTH = 520
EXIT_GAP = 40  # px of nothing above "Exit the kiosk": no other button is near it


class StaffOverlay(QWidget):
    """A card in the middle of a dimmed window; nothing behind it can be touched."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("staffOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.card = named(QWidget(), "staffCard")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)

    def open(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()


class PinPad(StaffOverlay):
    accepted = Signal()
    cancelled = Signal()

    def __init__(self, words: StaffText, guard: PinGuard, parent: QWidget):
        super().__init__(parent)
        self._words = words
        self._guard = guard
        self._entered = ""
        not_set = fill(words.pin_not_set, command=staff_command("--set-pin"))
        self.title = named(Words(words.pin_title if guard.is_set else not_set), "staffTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = named(Words(), "pinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = named(Words(), "pinMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.digit_buttons: dict[str, QPushButton] = {}
        for i, digit in enumerate("123456789"):
            grid.addWidget(self._digit(digit), i // 3, i % 3)
        self.clear_button = named(QPushButton(words.clear), "pinKey")
        self.clear_button.clicked.connect(self._clear)
        grid.addWidget(self.clear_button, 3, 0)
        grid.addWidget(self._digit("0"), 3, 1)
        self.ok_button = named(QPushButton(words.ok), "pinKey")
        self.ok_button.clicked.connect(self._submit)
        grid.addWidget(self.ok_button, 3, 2)
        self.cancel_button = named(QPushButton(words.cancel), "secondary")
        self.cancel_button.clicked.connect(self.cancelled)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.setSpacing(14)
        # Every widget goes into the card (an unparented widget would never be freed); without
        # a PIN only the explanation and Cancel are shown.
        keys = QWidget()
        keys.setLayout(grid)
        layout.addWidget(self.title)
        for widget in (self.dots, self.message, keys):
            layout.addWidget(widget)
            widget.setVisible(guard.is_set)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignCenter)
        self.card.setFixedWidth(CARD_WIDTH)
        # Wrapped text inside a centred card: give it the height its words need (in the style
        # sheet's font, hence the polish first), or it clips.
        self.title.ensurePolished()
        self.message.ensurePolished()
        self.title.setMinimumHeight(self.title.heightForWidth(CARD_WIDTH - 80))
        if guard.is_set:
            self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 2 + 8)
        self._refresh()

    def _digit(self, digit: str) -> QPushButton:
        button = named(QPushButton(digit), "pinKey")
        button.clicked.connect(lambda _=False, d=digit: self.press(d))
        self.digit_buttons[digit] = button
        return button

    def press(self, digit: str) -> None:
        if len(self._entered) < MAX_DIGITS:
            self._entered += digit
            self._refresh()

    def enter(self, pin: str) -> None:
        """Type a PIN on the pad and press OK, as staff do."""
        for digit in pin:
            self.digit_buttons[digit].click()
        self.ok_button.click()

    def _clear(self) -> None:
        self._entered = ""
        self._refresh()

    def _submit(self) -> None:
        result = self._guard.check(self._entered)
        self._entered = ""
        if result is PinResult.OK:
            self.accepted.emit()
            return
        self._refused(result)
        self._refresh()

    def _refused(self, result: PinResult) -> None:
        if result is PinResult.LOCKED:
            minutes = max(1, round(self._guard.seconds_locked() / 60))
            self.message.setText(fill(self._words.pin_locked, minutes=minutes))
        else:
            self.message.setText(fill(self._words.pin_wrong, tries=self._guard.tries_left))

    def _refresh(self) -> None:
        self.dots.setText("\u25cf " * len(self._entered) or " ")
        self.ok_button.setEnabled(bool(self._entered))


class ChangePinPad(PinPad):
    """The current PIN (counted against the lock like any other try), then the new one twice.
    An easily guessed new PIN is refused. ``changed`` carries the new PIN; nothing is saved here."""

    changed = Signal(str)

    def __init__(self, words: StaffText, guard: PinGuard, parent: QWidget):
        super().__init__(words, guard, parent)
        self._stage = "old"
        self._new = ""
        self.title.setText(words.pin_old)
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 3 + 8)

    def _submit(self) -> None:
        entered, self._entered = self._entered, ""
        words = self._words
        if self._stage == "old":
            result = self._guard.check(entered)
            if result is PinResult.OK:
                self._ask("new", words.pin_new, "")
            else:
                self._refused(result)
        elif self._stage == "new":
            if not valid_pin(entered):
                self.message.setText(words.pin_new)
            elif guessable(entered):
                self.message.setText(words.pin_too_easy)
            else:
                self._new = entered
                self._ask("again", words.pin_again, "")
        elif entered == self._new:
            self.changed.emit(entered)
            return
        else:
            self._ask("new", words.pin_new, words.pin_different)
        self._refresh()

    def _ask(self, stage: str, title: str, message: str) -> None:
        self._stage = stage
        self.title.setText(title)
        self.message.setText(message)


class ExitConfirm(StaffOverlay):
    """Exiting leaves the tablet blank until someone starts the kiosk again: asked once more."""

    exitConfirmed = Signal()
    stayed = Signal()

    def __init__(self, words: StaffText, parent: QWidget):
        super().__init__(parent)
        self.question = named(Words(words.exit_question), "staffTitle")
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.exit_button = named(QPushButton(words.exit_confirm), "secondary")
        self.exit_button.clicked.connect(self.exitConfirmed)
        self.stay_button = named(QPushButton(words.exit_stay), "secondary")
        self.stay_button.clicked.connect(self.stayed)
        self.stay_button.setDefault(True)  # Enter stays
        buttons = QHBoxLayout()
        buttons.addWidget(self.stay_button)
        buttons.addStretch(1)  # apart, so a slip of the finger stays
        buttons.addWidget(self.exit_button)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.setSpacing(30)
        layout.addWidget(self.question)
        layout.addLayout(buttons)
        self.card.setFixedWidth(CARD_WIDTH + 160)
        self.question.ensurePolished()
        self.question.setMinimumHeight(self.question.heightForWidth(CARD_WIDTH + 80))


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
    insightsRequested = Signal()  # issue #17

    def __init__(self, words: StaffText, languages: dict[str, str], settings: Settings,
                 problems: tuple[Problem, ...], log_lines: Sequence[str], parent: QWidget, *,
                 notice: str | None = None):
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

        idle_seconds = int(settings.idle_seconds)
        idle_row = QHBoxLayout()
        self.idle_label = Words()
        idle_row.addWidget(self.idle_label)
        idle_group = QButtonGroup(self)
        self.idle_buttons: dict[int, QPushButton] = {}
        choices = sorted(set(IDLE_CHOICES) | {idle_seconds})
        for seconds in choices:
            button = named(checkable(QPushButton(str(seconds))), "languageButton")
            button.setChecked(seconds == idle_seconds)
            button.clicked.connect(lambda _=False, s=seconds: self._idle_chosen(s))
            idle_group.addButton(button)
            idle_row.addWidget(button)
            self.idle_buttons[seconds] = button
        idle_row.addStretch(1)
        self._idle_chosen(idle_seconds, announce=False)

        self.problems_view = named(QPlainTextEdit(), "problems")
        self.problems_view.setReadOnly(True)
        self.show_problems(problems)
        self.log_view = named(QPlainTextEdit(), "problems")
        self.log_view.setReadOnly(True)
        # Newest first: the problem staff came to look at is in sight without scrolling.
        self.log_view.setPlainText("\n".join(reversed(log_lines)) or words.no_log_problems)

        self.close_button = QPushButton(words.close)
        self.close_button.clicked.connect(self.closed)

        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.close_button)
        actions = QHBoxLayout()
        actions.addWidget(self.reload_button)
        actions.addWidget(self.change_pin_button)
        self.insights_button = named(QPushButton(words.insights_button), "secondary")  # issue #17
        self.insights_button.clicked.connect(self.insightsRequested)
        actions.addWidget(self.insights_button)
        actions.addWidget(self.status, 1)
        views = QHBoxLayout()
        for heading, view in ((words.problems_title, self.problems_view), (words.log_title, self.log_view)):
            column = QVBoxLayout()
            column.addWidget(named(Words(heading), "choose"))
            column.addWidget(view, 1)
            views.addLayout(column, 1)
        # Exit alone in the far corner, a long way from everything else (issue #15: it was 12 px
        # from "Reload content now"), and it asks before it acts.
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.exit_button)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(36, 22, 36, 22)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addLayout(actions)
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
        self._more_rows_at = layout.count()  # where add_speech_rows puts its rows: above the lists
        layout.addLayout(views, 1)
        layout.addSpacing(EXIT_GAP)
        layout.addLayout(bottom)
        self.card.setFixedSize(1180, 770)

    # --- Read aloud (issue 16): on/off, speed, volume, and the voices this machine lacks -------

    readAloudChanged = Signal(bool)
    speechRateChosen = Signal(float)
    speechVolumeChosen = Signal(float)

    def add_speech_rows(self, words: StaffText, on: bool, rate: float, volume: float,
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

    def _idle_chosen(self, seconds: int, announce: bool = True) -> None:
        self.idle_label.setText(fill(self._words.idle_time, seconds=seconds))
        if announce:
            self.idleSecondsChosen.emit(seconds)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.problems_view.setPlainText("\n".join(str(p) for p in problems) or self._words.no_problems)

    def say(self, text: str) -> None:
        self.status.setText(text)
