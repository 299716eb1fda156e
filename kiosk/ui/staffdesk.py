"""The staff's way in: the hidden corner's PIN pad, then the menu (defaults, content, exit)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.content import Content
from kiosk.reload import ContentReloader
from kiosk.settings import Settings
from kiosk.staffpin import PinGuard

if TYPE_CHECKING:  # the staff screens load when first wanted, not at start-up
    from kiosk.ui.staff import StaffOverlay

log = logging.getLogger(__name__)


class StaffDesk(QObject):
    """Opens the PIN pad and the staff menu over ``window``, one at a time, and carries out
    what staff choose. New settings are saved here and announced by ``settingsChanged``."""

    settingsChanged = Signal(object)  # the new Settings
    exitRequested = Signal()

    def __init__(self, window: QWidget, guard: PinGuard, settings: Settings,
                 save: Callable[[Settings], None], reloader: ContentReloader,
                 reload_now: Callable[[], bool]):
        super().__init__(window)
        self._window = window
        self.guard = guard
        self.settings = settings
        self._save = save
        self._reloader = reloader
        self._reload_now = reload_now
        self.overlay: StaffOverlay | None = None
        # Read aloud (issue 16): the languages without a voice here (None: no speech at all).
        self.missing_voices: Callable[[], list[str] | None] = lambda: None

    def open_pin_pad(self, content: Content) -> None:
        if self.overlay is not None:
            return
        from kiosk.ui.staff import PinPad

        pad = PinPad(content.staff, self.guard, self._window)
        pad.accepted.connect(lambda: self.open_menu(content))
        pad.cancelled.connect(self.close)
        self._open(pad)

    def open_menu(self, content: Content) -> None:
        from kiosk.ui.staff import StaffMenu

        staff = content.staff
        languages = {code: lang.name for code, lang in content.languages.items()}
        menu = StaffMenu(staff, languages, self.settings.default_language, self.settings.calm_by_default,
                         int(self.settings.idle_seconds), tuple(self._reloader.problems), self._window)
        menu.closed.connect(self.close)
        menu.exitRequested.connect(self.exitRequested)
        menu.reloadRequested.connect(lambda: menu.say(staff.reload_done if self._reload_now()
                                                      else staff.reload_failed))
        menu.reloadRequested.connect(lambda: menu.show_problems(self._reloader.problems))
        menu.defaultLanguageChosen.connect(lambda code: self._change(default_language=code))
        menu.calmDefaultChanged.connect(lambda calm: self._change(calm_by_default=calm))
        menu.idleSecondsChosen.connect(lambda seconds: self._change(idle_seconds=seconds))
        # Read aloud (issue 16)
        menu.add_speech_rows(staff, self.settings.read_aloud, self.settings.speech_rate,
                             self.settings.speech_volume, self.missing_voices())
        menu.readAloudChanged.connect(lambda on: self._change(read_aloud=on))
        menu.speechRateChosen.connect(lambda rate: self._change(speech_rate=rate))
        menu.speechVolumeChosen.connect(lambda volume: self._change(speech_volume=volume))
        self._open(menu)

    def close(self) -> None:
        if self.overlay is not None:
            self.overlay.hide()
            self.overlay.deleteLater()
            self.overlay = None

    def _open(self, overlay: StaffOverlay) -> None:
        self.close()
        self.overlay = overlay
        overlay.open()

    def _change(self, **changes: object) -> None:
        self.settings = self.settings.with_changes(**changes)
        try:
            self._save(self.settings)
        except OSError:
            log.exception("could not save the settings")
        self.settingsChanged.emit(self.settings)
