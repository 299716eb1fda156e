"""Small widgets the screens share."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with an object name, which the style sheet picks it out by."""
    widget.setObjectName(name)
    return widget


def checkable(button: QPushButton) -> QPushButton:
    """A button that stays down when chosen (a language, a setting)."""
    button.setCheckable(True)
    return button


class WrappingButton(QPushButton):
    """A push button whose words wrap onto a second line instead of being cut off.

    Staff edit button words in YAML and translations run long; a clipped label is unreadable.
    """

    def __init__(self, text: str, object_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self._label = named(QLabel(text), f"{object_name}Label")
        self._label.setWordWrap(True)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._layout = layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.addWidget(self._label)
        self.setAccessibleName(text)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return self._label.text()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), self._layout.totalHeightForWidth(width))

    def sizeHint(self) -> QSize:
        hint = self._layout.totalSizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.minimumHeight())


def text_size_button(label: str) -> QPushButton:
    """The "A A" control on every screen: normal, large, extra-large text, round and round."""
    button = named(QPushButton("A A"), "textSize")
    button.setAccessibleName(label)
    button.setToolTip(label)
    return button
