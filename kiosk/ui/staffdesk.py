"""The staff's way in: the hidden corner's PIN pad, then the menu (defaults, content, exit)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.content import Colours, Content, StaffText
from kiosk.palette import theme_colours
from kiosk.problems import Problem
from kiosk.reload import ContentReloader
from kiosk.runmarker import restart_notice
from kiosk.settings import Settings, log_file, recent_log_problems
from kiosk.staffpin import PinGuard
from kiosk.ui.theme import stylesheet
from kiosk.usagereport import DayCount

if TYPE_CHECKING:  # the staff screens load when first wanted, not at start-up
    from kiosk.ui.staff import StaffMenu, StaffOverlay

log = logging.getLogger(__name__)


class StaffDesk(QObject):
    """Opens the PIN pad and the staff menu over ``window``, one at a time, and carries out
    what staff choose. New settings are saved here and announced by ``settingsChanged``."""

    settingsChanged = Signal(object)  # the new Settings
    exitRequested = Signal()

    def __init__(self, window: QWidget, guard: PinGuard, settings: Settings,
                 save: Callable[[Settings], None], reloader: ContentReloader,
                 reload_now: Callable[[], None], read_log: Callable[[], list[str]] | None = None,
                 settings_problems: Sequence[Problem] = ()):
        super().__init__(window)
        self._window = window
        self.guard = guard
        self.settings = settings
        self._save = save
        self._reloader = reloader
        self._reload_now = reload_now
        self._read_log = read_log or (lambda: recent_log_problems(log_file()))
        self.overlay: StaffOverlay | None = None
        self.settings_problems = tuple(settings_problems)  # the settings file's, until staff save new ones
        self.usage_problems: Callable[[], list[Problem]] = list  # the usage counts' (set by the window)
        self._waiting: tuple[StaffMenu, StaffText] | None = None  # the menu whose Reload waits for the check
        # issue #17: the anonymous counts and what the charts need; set by the window.
        self.usage_counts: Callable[[], list[DayCount]] = list
        self.insight_names: Callable[[], tuple[dict[str, str], dict[str, str], Colours]] | None = None
        # Read aloud (issue 16): the languages without a voice here (None: no speech at all).
        self.missing_voices: Callable[[], list[str] | None] = lambda: None

    def problems(self) -> tuple[Problem, ...]:
        """What the staff menu lists: the settings' and the usage counts' first (the PIN, a month of
        counts), then the content's."""
        return (*self.settings_problems, *self.usage_problems(), *self._reloader.problems)

    def needs_a_look(self) -> bool:
        """Whether staff have an error to look at (the staff corner's marker shows then)."""
        return any(not problem.warning for problem in self.problems())

    def open_pin_pad(self, content: Content) -> None:
        if self.overlay is not None:
            return
        from kiosk.ui.staff import PinPad

        pad = PinPad(content.staff, self.guard, self._window)
        pad.accepted.connect(lambda: self.open_menu(content))
        pad.cancelled.connect(self.close)
        self._open(pad, content)

    def open_menu(self, content: Content, said: str = "") -> None:
        from kiosk.ui.staff import StaffMenu

        staff = content.staff
        languages = {code: lang.name for code, lang in content.languages.items()}
        menu = StaffMenu(staff, languages, self.settings, self.problems(), self._read_log(),
                         self._window, notice="\n\n".join(filter(None, (
                             staff.clinic_broken if content.clinic_broken else None, restart_notice(staff.restarted)))))
        menu.say(said)
        menu.closed.connect(self.close)
        menu.exitRequested.connect(lambda: self.confirm_exit(content))
        menu.reloadRequested.connect(lambda: self._reload(menu, staff))
        menu.changePinRequested.connect(lambda: self.change_pin(content))
        menu.change_pin_button.setVisible(self.guard.is_set)
        menu.defaultLanguageChosen.connect(lambda code: self._change(default_language=code))
        menu.calmDefaultChanged.connect(lambda calm: self._change(calm_by_default=calm))
        menu.contrastDefaultChanged.connect(lambda on: self._change(high_contrast_by_default=on))
        menu.textSizeDefaultChosen.connect(lambda size: self._change(text_size_by_default=size))
        menu.idleSecondsChosen.connect(lambda seconds: self._change(idle_seconds=seconds))
        # Read aloud (issue 16)
        menu.add_speech_rows(staff, self.settings.read_aloud, self.settings.speech_rate,
                             self.settings.speech_volume, self.missing_voices())
        menu.readAloudChanged.connect(lambda on: self._change(read_aloud=on))
        menu.speechRateChosen.connect(lambda rate: self._change(speech_rate=rate))
        menu.speechVolumeChosen.connect(lambda volume: self._change(speech_volume=volume))
        menu.insightsRequested.connect(lambda: self.open_insights(content))
        self._open(menu, content)

    def _reload(self, menu: StaffMenu, words: StaffText) -> None:
        menu.say("")
        self._waiting = (menu, words)
        self._reload_now()

    def content_checked(self, good: bool) -> None:
        """The check of new content ended: the menu that asked for it, if still open, says how."""
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting[0] is self.overlay:
            menu, words = waiting
            menu.say(words.reload_done if good else words.reload_failed)
            menu.show_problems(self.problems())

    def confirm_exit(self, content: Content) -> None:
        from kiosk.ui.staff import ExitConfirm

        confirm = ExitConfirm(content.staff, self._window)
        confirm.exitConfirmed.connect(self.exitRequested)
        confirm.stayed.connect(lambda: self.open_menu(content))
        self._open(confirm, content)

    def change_pin(self, content: Content) -> None:
        from kiosk.ui.staff import ChangePinPad

        pad = ChangePinPad(content.staff, self.guard, self._window)
        pad.cancelled.connect(lambda: self.open_menu(content))
        pad.changed.connect(lambda pin: self._pin_changed(content, pin))
        self._open(pad, content)

    def _pin_changed(self, content: Content, pin: str) -> None:
        from kiosk.staffpin import hash_pin

        stored = hash_pin(pin)
        self.guard.stored = stored
        self._change(staff_pin=stored)
        log.info("staff PIN changed from the staff menu")
        self.open_menu(content, said=content.staff.pin_changed)

    def open_insights(self, content: Content, today: date | None = None) -> None:
        """Issue #17: the last 30 days of anonymous counts."""
        from kiosk.insightchart import summarise
        from kiosk.ui.insights import InsightsOverlay

        summary = summarise(self.usage_counts(), today or date.today())
        regions, languages, colours = self.insight_names() if self.insight_names else ({}, {}, content.clinic.colours)
        overlay = InsightsOverlay(content.staff, summary, regions, languages, colours,
                                  self.settings.usage_retention_days, self._window)
        overlay.closed.connect(self.close)
        self._open(overlay, content)

    def close(self) -> None:
        if self.overlay is not None:
            self.overlay.hide()
            self.overlay.deleteLater()
            self.overlay = None

    def _open(self, overlay: StaffOverlay, content: Content) -> None:
        self.close()
        self.overlay = overlay
        # Staff screens in the clinic's colours at normal size, whatever the last patient chose:
        # the menu is laid out for it (extra-large text clipped it).
        style = stylesheet(theme_colours(content.clinic.colours, False))
        if style != self._window.styleSheet():  # usually the window's own already: restyling costs ~15 ms
            overlay.setStyleSheet(style)
        overlay.open()

    def _change(self, **changes: object) -> None:
        self.settings = self.settings.with_changes(**changes)
        try:
            self._save(self.settings)
        except OSError:
            log.exception("could not save the settings")
        else:
            self.settings_problems = ()  # the file now holds the settings in use, mistakes gone
        self.settingsChanged.emit(self.settings)
