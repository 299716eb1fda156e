"""Words on screen: every label shows a clinic's words as plain text, named for the style sheet."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with an object name, which the style sheet picks it out by."""
    widget.setObjectName(name)
    return widget


class Words(QLabel):
    """A label for words, always as plain text: a clinic's words are shown as written, never
    obeyed as markup (a name with <img> or <span style> in it shows its brackets, as a button does).
    Every label in the kiosk is one of these."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)


def no_lonely_word(text: str) -> str:
    """The last two words held together, so a wrapped label never ends with one word alone
    (two words alone may still wrap: held together they could only be cut off)."""
    head, space, last = text.rpartition(" ")
    return f"{head}\u00a0{last}" if space and " " in head.strip() and " " not in last else text
