"""What the router, Read aloud, the self-test and the soak may ask of any screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

if TYPE_CHECKING:
    from kiosk.ui.speech.controls import ReadAloudButton
    from kiosk.ui.widgets.pageview import PageView


class Screen(QWidget):
    """A whole-window screen. Screens get what they show through the constructor and report
    upward through signals; ``kiosk.ui.wiring`` connects them.

    Every screen may offer Read aloud: ``readAloudPressed`` (read the screen, or stop) and
    ``audioModeToggled`` (a long press on Read aloud, or home's audio mode tick box)."""

    readAloudPressed = Signal()
    audioModeToggled = Signal(bool)

    def start_over(self, step: int = 0) -> None:
        """Show it as a new patient first sees it: at its top (on page or step ``step``)."""

    def page_view(self) -> PageView | None:
        """The reading pane that shows this screen's page, if it has one."""
        return None

    def offer_read_aloud(self, button: ReadAloudButton) -> None:
        """Pass on what the patient asks of this screen's Read aloud button."""
        button.readRequested.connect(self.readAloudPressed)
        button.longPressed.connect(lambda: self.audioModeToggled.emit(not _audio_mode_on(button)))

    def words_shown(self) -> list[str]:
        """Its words and controls as shown, in the order they were made (what Read aloud says on
        a screen without a page, such as home)."""
        from kiosk.ui.speech.controls import ReadAloudButton

        said: list[str] = []
        for widget in self.findChildren(QWidget):
            if not widget.isVisibleTo(self) or isinstance(widget, ReadAloudButton):
                continue
            if isinstance(widget, QLabel) and not isinstance(widget.parent(), QAbstractButton):
                words = widget.text()
            elif isinstance(widget, QAbstractButton):
                words = widget.accessibleName() or widget.text()
            else:
                continue
            words = " ".join(words.split())
            if words and words not in said:
                said.append(words)
        return said


def _audio_mode_on(button: ReadAloudButton) -> bool:
    speech = button.speech
    return speech is not None and speech.audio_mode
