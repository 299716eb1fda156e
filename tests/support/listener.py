"""What a screen reader is told: every announcement the kiosk sends through Qt's accessibility,
caught where it leaves the kiosk (Qt drops them offscreen, where no screen reader listens)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


@dataclass(frozen=True)
class Heard:
    words: str
    urgent: bool
    source: object


class ScreenReaderEar:
    """``heard``: each announcement, in order. Also passes every event on to Qt as before."""

    def __init__(self, monkeypatch):
        self.heard: list[Heard] = []
        real = QAccessible.updateAccessibility

        def listen(event):
            if isinstance(event, QAccessibleAnnouncementEvent):
                urgent = event.politeness() == QAccessible.AnnouncementPoliteness.Assertive
                self.heard.append(Heard(event.message(), urgent, event.object()))
            real(event)

        monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(listen))

    def words(self) -> list[str]:
        return [heard.words for heard in self.heard]


def description(widget) -> str:
    """The description a screen reader gets for ``widget`` (said after its name and role)."""
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Description)
