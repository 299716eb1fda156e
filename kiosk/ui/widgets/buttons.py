"""Buttons a fingertip can hold whose words are never cut off: words that wrap, the text-size
control, calm mode's tick box, check boxes whose whole row takes a tap."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.model.words import UiText
from kiosk.ui.widgets.direction import mirrored_margins
from kiosk.ui.widgets.words import Words, named, no_lonely_word
from kiosk.visit.patient import TEXT_SCALES


def checkable(button: QPushButton) -> QPushButton:
    """A button that stays down when chosen (a language, a setting)."""
    button.setCheckable(True)
    return button


class WrappingButton(QPushButton):
    """A push button whose words wrap onto a second line instead of being cut off.

    Staff edit button words in YAML and translations run long; a clipped label is unreadable.
    """

    def __init__(self, text: str, object_name: str, parent: QWidget | None = None,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter):
        super().__init__(parent)
        self.setObjectName(object_name)
        self._label = named(Words(no_lonely_word(text)), f"{object_name}Label")
        self._label.setWordWrap(True)
        self._label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._layout = layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.addWidget(self._label)
        self.setAccessibleName(text)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return self._label.text().replace("\u00a0", " ")

    def setText(self, text: str) -> None:  # the label shows the words, not the push button
        self._label.setText(no_lonely_word(text))
        self.setAccessibleName(text)

    def set_current(self, current: bool) -> None:
        """Mark it as the one chosen (a tab), for the style sheet's label colour."""
        self.setChecked(current)
        if self._label.property("current") != current:
            self._label.setProperty("current", current)
            self._label.style().unpolish(self._label)
            self._label.style().polish(self._label)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), self._layout.totalHeightForWidth(width))

    def sizeHint(self) -> QSize:
        hint = self._layout.totalSizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.minimumHeight())


class OneLineIfRoomButton(WrappingButton):
    """A wrapping button that asks for one line's width: its words wrap only where the row has
    no room for them (a footer at extra-large text), not wherever a label would like to wrap."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self._layout.contentsMargins()
        one_line = (self._label.fontMetrics().horizontalAdvance(self._label.text())
                    + margins.left() + margins.right() + 2 * self._label.margin() + 4)
        return QSize(max(hint.width(), one_line), hint.height())


class TextSizeButton(QPushButton):
    """The text-size control on every screen. It says what it is and which size is on
    ("Text size / Large"), so the step from extra large back to normal is no surprise."""

    def __init__(self, ui: UiText, text_scale: float = 1.0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("textSize")
        self._ui = ui
        self.show_scale(text_scale)

    def show_scale(self, text_scale: float) -> None:
        ui = self._ui
        names = (ui.text_size_normal, ui.text_size_large, ui.text_size_extra_large)
        self.size_name = names[TEXT_SCALES.index(text_scale) if text_scale in TEXT_SCALES else 0]
        self.setText(f"{ui.text_size}\n{self.size_name}")
        self.setAccessibleName(f"{ui.text_size}: {self.size_name}")


class RowCheckBox(QCheckBox):
    """A check box whose whole row takes a tap: Qt's own takes it only on the little box and its
    words, a strip about 36 px high, under a fingertip's 64 px (the style sheet makes the row 64)."""

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)


class CalmToggle(RowCheckBox):
    """Calm mode's tick box in a reading screen's header. Its words say all it does ("Calm mode: no
    needle pictures, gentler words"), so words too long for one short line wrap onto two beside the
    box, instead of widening the header past the screen or squeezing the page's title."""

    BOX_ROOM = 52  # the style sheet's 36 px box and the gap after it
    ONE_LINE_PX = 300  # words up to this wide stay on one line

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._label = named(QLabel(), "calmToggleLabel")
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setText(no_lonely_word(text))
        self._label.setWordWrap(True)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(self.BOX_ROOM, 0, 0, 0)
        layout.addWidget(self._label)
        mirrored_margins(self)  # the room for the box is where the box is
        self.setAccessibleName(text)

    def text(self) -> str:
        return self._label.text().replace("\u00a0", " ")

    @property
    def label(self) -> QLabel:
        """The words, wrapped."""
        return self._label

    def _words_width(self) -> int:
        """One line if it is short; else the narrowest width that holds the words in two lines."""
        metrics = self._label.fontMetrics()
        one_line = metrics.horizontalAdvance(self._label.text()) + 4
        if one_line <= self.ONE_LINE_PX:
            return one_line
        two_lines = 2 * metrics.lineSpacing() + 4
        width = one_line // 2
        while width < one_line and self._label.heightForWidth(width) > two_lines:
            width += 8
        return width

    def sizeHint(self) -> QSize:
        width = self._words_width()
        return QSize(self.BOX_ROOM + width, max(self._label.heightForWidth(width), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


def calm_toggle(ui: UiText, calm: bool) -> QCheckBox:
    """Calm mode's tick box, wherever a needle picture or description can appear."""
    toggle = named(CalmToggle(ui.calm_toggle), "calmToggle")
    toggle.setChecked(calm)
    return toggle


# Controls sit at least 8 px apart, so a ring (5 px out) never touches the next control.
