"""The staff's PIN pad, large digits, and the pad that changes the PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.model.wording import fill
from kiosk.model.words import StaffText
from kiosk.settings.pin import MAX_DIGITS, PinGuard, PinResult, valid_pin
from kiosk.settings.pinrules import guessable
from kiosk.system.programname import staff_command
from kiosk.ui.staff.overlay import CARD_WIDTH, StaffOverlay
from kiosk.ui.widgets.announce import announce
from kiosk.ui.widgets.words import Words, named


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

    def open(self) -> None:
        super().open()
        announce(self, self.title.text())  # the focus lands on "1": say what the pad is for

    def escape(self) -> None:
        self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Staff with a keyboard type the PIN; Backspace takes back the last digit.
        typed = event.text()
        if self._guard.is_set and len(typed) == 1 and typed in self.digit_buttons:
            self.press(typed)
        elif self._guard.is_set and event.key() == Qt.Key.Key_Backspace and self._entered:
            self._entered = self._entered[:-1]
            self._refresh(said=True)
        else:
            super().keyPressEvent(event)

    def _digit(self, digit: str) -> QPushButton:
        button = named(QPushButton(digit), "pinKey")
        button.clicked.connect(lambda _=False, d=digit: self.press(d))
        self.digit_buttons[digit] = button
        return button

    def press(self, digit: str) -> None:
        if len(self._entered) < MAX_DIGITS:
            self._entered += digit
            self._refresh(said=True)

    def enter(self, pin: str) -> None:
        """Type a PIN on the pad and press OK, as staff do."""
        for digit in pin:
            self.digit_buttons[digit].click()
        self.ok_button.click()

    def _clear(self) -> None:
        self._entered = ""
        self._refresh(said=True)

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
            self.say(fill(self._words.pin_locked, minutes=minutes))
        else:
            self.say(fill(self._words.pin_wrong, tries=self._guard.tries_left))

    def say(self, message: str) -> None:
        """A message under the dots, said at once to a screen reader too."""
        self.message.setText(message)
        announce(self, message, urgent=True)

    def _refresh(self, said: bool = False) -> None:
        """The dots for the digits entered; ``said``: their count is told to a screen reader
        (never the digits: someone may be listening beside the tablet)."""
        self.dots.setText("\u25cf " * len(self._entered) or " ")
        count = fill(self._words.pin_digits, count=len(self._entered))
        self.dots.setAccessibleName(count)
        self.ok_button.setEnabled(bool(self._entered))
        if said:
            announce(self, count)


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
                self.say(words.pin_new)
            elif guessable(entered):
                self.say(words.pin_too_easy)
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
        announce(self, f"{message} {title}".strip(), urgent=True)
