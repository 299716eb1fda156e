"""Words said to a screen reader that are not a control's own: a status that appeared ("Still
reading?"), a count that changed (the PIN's digits), a message (a wrong PIN).

Qt's announcement event: Narrator hears it through UI Automation's notification, Orca through
AT-SPI's announcement signal. A screen reader that is not running costs nothing: Qt drops the event.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(source: QWidget, words: str, *, urgent: bool = False) -> None:
    """Have a screen reader say ``words`` about ``source``. ``urgent`` interrupts what it is
    saying (a reset coming); otherwise it waits for a pause."""
    if not words:
        return
    event = QAccessibleAnnouncementEvent(source, spoken(words))
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if urgent
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


SPI_GETSCREENREADER = 0x0046  # Windows: the flag a running screen reader sets (Narrator, NVDA, JAWS)


def screen_reader_running() -> bool:
    """Whether a screen reader is reading the kiosk now. On Windows, the flag screen readers set:
    Qt's accessibility also wakes for the touch keyboard and other tools that read controls, which
    are no reason to keep a patient's page up for longer. Elsewhere, Qt's (AT-SPI wakes it for a
    screen reader)."""
    if sys.platform == "win32":
        import ctypes

        running = ctypes.c_int(0)
        if ctypes.windll.user32.SystemParametersInfoW(SPI_GETSCREENREADER, 0, ctypes.byref(running), 0):
            return bool(running.value)
    return QAccessible.isActive()


def spoken(words: str) -> str:
    """Words as they are said: a trailing "..." drawn as a pause is not read "dot dot dot"."""
    return " ".join(words.replace("\u2026", " ").replace("...", " ").split())
