"""What the reading screens share (precautions, sources, questions, the card): the one header on
top, its way back and Esc, and the text size reported upward."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.screens.context import ScreenContext
from kiosk.ui.screens.screen import Screen
from kiosk.ui.widgets.readingheader import ReadingHeader


class ReadingScreen(Screen):
    """A screen with the ReadingHeader on top. ``backRequested`` (the way back, or Esc) and
    ``textSizeRequested`` report upward; the screen lays out ``header`` and what goes below it."""

    backRequested = Signal()
    textSizeRequested = Signal()

    def __init__(self, context: ScreenContext, back_to: str, *, read_aloud: bool = True,
                 extra_buttons: tuple[QWidget, ...] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.header = ReadingHeader(context.ui, back_to, context.text_scale, speech=context.speech,
                                    read_aloud=read_aloud, extra_buttons=extra_buttons)
        self.header.backRequested.connect(self.backRequested)
        self.header.textSizeRequested.connect(self.textSizeRequested)
        self.back_button = self.header.back_button
        self.text_size_button = self.header.text_size_button
        self.read_aloud_button = self.header.read_aloud_button
        if self.read_aloud_button is not None:
            self.offer_read_aloud(self.read_aloud_button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # Esc goes back, never out of the kiosk
            self.backRequested.emit()
        else:
            super().keyPressEvent(event)
