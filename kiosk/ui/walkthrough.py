"""'Your session, step by step': one step at a time, with big Back / Next, swipes, and the stop promise."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content import UiText
from kiosk.pages import Page
from kiosk.ui.pageview import PageView, reading_column
from kiosk.ui.readaloud import ReadAloudButton
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import named, text_size_button

SWIPE_PX = 120  # a horizontal drag this long, mostly sideways, turns the page


class WalkthroughScreen(Screen):
    homeRequested = Signal()
    textSizeRequested = Signal()
    stepChanged = Signal(int)  # 0-based

    def __init__(self, steps: list[Page], ui: UiText, start: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._steps = steps
        self._ui = ui
        self.index = max(0, min(start, len(steps) - 1))

        self.home_button = named(QPushButton(f"\u2190  {ui.home_button}"), "backButton")
        self.home_button.clicked.connect(self.homeRequested)
        self.progress = named(QLabel(), "progress")
        self.progress.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(self.home_button)
        header.addStretch(1)
        header.addWidget(self.progress)
        self.read_aloud_button = ReadAloudButton(ui)  # issue 16: shown where a voice exists
        header.addSpacing(16)
        header.addWidget(self.read_aloud_button)
        self.text_size_button = text_size_button(ui.text_size)
        self.text_size_button.clicked.connect(self.textSizeRequested)
        header.addSpacing(16)
        header.addWidget(self.text_size_button)

        # Always on screen, whatever the step: consent is ongoing.
        self.stop_banner = named(QLabel(ui.stop_any_time), "stopBanner")
        self.stop_banner.setWordWrap(True)
        self.stop_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.view = PageView(steps[self.index], ui.unavailable)
        self._swipe = _SwipeWatcher(self.view.viewport())
        self._swipe.swiped.connect(self._on_swipe)
        self._arrows = _ArrowKeys(self)

        self.previous_button = named(QPushButton(f"\u2190  {ui.previous_button}"), "stepButton")
        self.previous_button.clicked.connect(self.previous)
        self.next_button = named(QPushButton(f"{ui.next_button}  \u2192"), "stepButton")
        self.next_button.clicked.connect(self.next)
        footer = QHBoxLayout()
        footer.addWidget(self.previous_button)
        footer.addStretch(1)
        footer.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 16)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.stop_banner)
        layout.addLayout(reading_column(self.view), 1)
        layout.addLayout(footer)
        self._show()

    @property
    def total(self) -> int:
        return len(self._steps)

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def go_to(self, index: int) -> None:
        if 0 <= index < self.total and index != self.index:
            self.index = index
            self._show()
            self.stepChanged.emit(index)

    def start_over(self, step: int = 0) -> None:
        """As if new, at ``step`` (a kept screen is shown again to the next patient too)."""
        index = max(0, min(step, self.total - 1))
        if index != self.index:
            self.index = index
            self._show()
        self.view.verticalScrollBar().setValue(0)

    def page_view(self) -> PageView:
        return self.view

    def text(self) -> str:
        return self.view.toPlainText()

    def _show(self) -> None:
        self.view.show_page(self._steps[self.index])
        self.progress.setText(self._ui.step_of.format(number=self.index + 1, total=self.total))
        heading = self.view.toPlainText().split("\n", 1)[0]
        self.setAccessibleName(f"{self.progress.text()}: {heading}")  # read out when the step changes
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < self.total - 1)

    def _on_swipe(self, direction: int) -> None:
        # Like turning a page: swiping to the left brings the next step.
        self.go_to(self.index + (1 if direction < 0 else -1))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # Esc goes back, never out of the kiosk
            self.homeRequested.emit()
        else:
            super().keyPressEvent(event)


class _ArrowKeys(QObject):
    """Left and Right turn the steps, even while the reading pane has the focus."""

    def __init__(self, screen: WalkthroughScreen):
        super().__init__(screen)
        self._screen = screen
        screen.view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._screen.go_to(self._screen.index + (1 if event.key() == Qt.Key.Key_Right else -1))
            return True
        return False


class _SwipeWatcher(QObject):
    """Turns a sideways drag on the page into a swipe (-1 left, +1 right); scrolling is left alone."""

    swiped = Signal(int)

    def __init__(self, target: QWidget):
        super().__init__(target)
        self._start: QPointF | None = None
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # A finger (touch events) or a mouse: tablets may deliver either.
        if isinstance(event, QTouchEvent):
            where = event.points()[0].position() if event.points() else None
        elif isinstance(event, QMouseEvent):
            where = event.position() if event.button() == Qt.MouseButton.LeftButton else None
        else:
            return False
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress) and where is not None:
            self._start = where
        elif kind in (QEvent.Type.TouchEnd, QEvent.Type.MouseButtonRelease) and self._start is not None \
                and where is not None:
            end = where
            delta = end - self._start
            self._start = None
            if abs(delta.x()) >= SWIPE_PX and abs(delta.x()) > 2 * abs(delta.y()):
                self.swiped.emit(-1 if delta.x() < 0 else 1)
        return False
