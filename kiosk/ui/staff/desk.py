"""The staff's way in: the hidden corner's PIN pad, then the menu (defaults, content, exit), and
what staff choose there carried out. The wiring connects each staff screen's signals here."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.checks.reload import ContentReloader
from kiosk.model.content import Content
from kiosk.model.problems import Problem
from kiosk.pages.palette import theme_colours
from kiosk.settings.pin import PinGuard
from kiosk.settings.values import Settings, log_file, recent_log_problems
from kiosk.system.runmarker import restart_notice
from kiosk.ui.look.theme import stylesheet
from kiosk.ui.widgets.direction import layout_direction
from kiosk.ui.widgets.focusring import RING_COLOUR
from kiosk.usage.report import DayCount

if TYPE_CHECKING:  # the staff screens load when first wanted, not at start-up
    from kiosk.ui.staff.menu import StaffMenu
    from kiosk.ui.staff.overlay import StaffOverlay

log = logging.getLogger(__name__)


class Counts(Protocol):
    """The anonymous usage counts, as the staff see them."""

    def days(self) -> list[DayCount]: ...

    def problems(self) -> list[Problem]: ...


class Voices(Protocol):
    """Which languages this machine has a voice for."""

    def missing_voices(self, languages: dict[str, str]) -> list[str] | None: ...


class StaffDesk(QObject):
    """Opens the PIN pad and the staff menu over ``window``, one at a time, and carries out what
    staff choose. New settings are saved here and announced by ``settingsChanged``; ``opened``
    hands each staff screen to the wiring as it opens; ``reloadRequested``: check the content now.
    ``content`` is what the open staff screen was made from."""

    settingsChanged = Signal(object)  # the new Settings
    exitRequested = Signal()
    reloadRequested = Signal()
    opened = Signal(object)  # StaffOverlay

    def __init__(self, window: QWidget, guard: PinGuard, settings: Settings, save: Callable[[Settings], None],
                 reloader: ContentReloader, counts: Counts, voices: Voices,
                 read_log: Callable[[], list[str]] | None = None, settings_problems: Sequence[Problem] = ()):
        super().__init__(window)
        self._window = window
        self.guard = guard
        self.settings = settings
        self._save = save
        self._reloader = reloader
        self._counts = counts
        self._voices = voices
        self._read_log = read_log or (lambda: recent_log_problems(log_file()))
        self.overlay: StaffOverlay | None = None
        self.content: Content | None = None
        self.settings_problems = tuple(settings_problems)  # the settings file's, until staff save new ones
        self._waiting: StaffMenu | None = None  # the menu whose Reload waits for the check

    def problems(self) -> tuple[Problem, ...]:
        """What the staff menu lists: the settings' and the usage counts' first (the PIN, a month of
        counts), then the content's."""
        return (*self.settings_problems, *self._counts.problems(), *self._reloader.problems)

    def needs_a_look(self) -> bool:
        """Whether staff have an error to look at (the staff corner's marker shows then)."""
        return any(not problem.warning for problem in self.problems())

    def open_pin_pad(self, content: Content) -> None:
        if self.overlay is not None:
            return
        from kiosk.ui.staff.pinpad import PinPad

        self._open(PinPad(content.staff, self.guard, self._window), content)

    def open_menu(self, content: Content | None = None, said: str = "") -> None:
        from kiosk.ui.staff.menu import StaffMenu

        content = content or self._content()
        staff = content.staff
        languages = {code: lang.name for code, lang in content.languages.items()}
        # A broken clinic.yaml, and a restart after a problem: what staff should know first.
        notice = "\n\n".join(filter(None, (staff.clinic_broken if content.clinic_broken else None,
                                           restart_notice(staff.restarted))))
        menu = StaffMenu(staff, languages, self.settings, self.problems(), self._read_log(), self._window,
                         notice=notice or None,
                         can_change_pin=self.guard.is_set, missing_voices=self._voices.missing_voices(languages))
        menu.say(said)
        self._open(menu, content)

    def reload(self, menu: StaffMenu) -> None:
        """The menu's "Reload content now": checked now; the menu says how it went."""
        menu.say("")
        self._waiting = menu
        self.reloadRequested.emit()

    def content_checked(self, good: bool) -> None:
        """The check of new content ended: the menu that asked for it, if still open, says how."""
        menu, self._waiting = self._waiting, None
        if menu is not None and menu is self.overlay and self.content is not None:
            words = self.content.staff
            menu.say(words.reload_done if good else words.reload_failed)
            menu.show_problems(self.problems())

    def layout_checked(self) -> None:
        """New content's layout was checked: an open menu lists what doesn't fit."""
        if self.overlay is not None and isinstance(self.overlay, StaffMenu):
            self.overlay.show_problems(self.problems())

    def confirm_exit(self) -> None:
        from kiosk.ui.staff.exitconfirm import ExitConfirm

        content = self._content()
        self._open(ExitConfirm(content.staff, self._window), content)

    def change_pin(self) -> None:
        from kiosk.ui.staff.pinpad import ChangePinPad

        content = self._content()
        self._open(ChangePinPad(content.staff, self.guard, self._window), content)

    def pin_changed(self, pin: str) -> None:
        from kiosk.settings.pin import hash_pin

        content = self._content()
        stored = hash_pin(pin)
        self.guard.stored = stored
        self.change(staff_pin=stored)
        log.info("staff PIN changed from the staff menu")
        self.open_menu(content, said=content.staff.pin_changed)

    def open_insights(self, region_names: dict[str, str], days: list[DayCount] | None = None,
                      today: date | None = None) -> None:
        """The last 30 days of anonymous counts (``days``: the kiosk's own, unless given)."""
        from kiosk.ui.staff.insights import InsightsOverlay
        from kiosk.usage.charts import summarise

        content = self._content()
        summary = summarise(self._counts.days() if days is None else days, today or date.today())
        languages = {code: lang.name for code, lang in content.languages.items()}
        overlay = InsightsOverlay(content.staff, summary, region_names, languages, content.clinic.colours,
                                  self.settings.usage_retention_days, self._window)
        self._open(overlay, content)

    def close(self) -> None:
        if self.overlay is not None:
            self.overlay.hide()
            self.overlay.deleteLater()
            self.overlay = None

    def _content(self) -> Content:
        assert self.content is not None, "staff screens open from the PIN pad or the menu first"
        return self.content

    def _open(self, overlay: StaffOverlay, content: Content) -> None:
        self.close()
        self.overlay = overlay
        self.content = content
        self.opened.emit(overlay)
        overlay.setLayoutDirection(layout_direction(content.base.ui))  # staff.yaml's language, not the patient's
        # Staff screens in the clinic's colours at normal size, whatever the last patient chose:
        # the menu is laid out for it (extra-large text clipped it).
        colours = theme_colours(content.clinic.colours, False)
        style = stylesheet(colours)
        if style != self._window.styleSheet():  # usually the window's own already: restyling costs ~15 ms
            overlay.setStyleSheet(style)
        overlay.setProperty(RING_COLOUR, colours.text)  # the ring in these colours' text, not the patient's
        overlay.open()

    def change(self, **changes: object) -> None:
        """A setting staff changed: saved now (a file that can't be written keeps the change in use)."""
        self.settings = self.settings.with_changes(**changes)
        try:
            self._save(self.settings)
        except OSError:
            log.exception("could not save the settings")
        else:
            self.settings_problems = ()  # the file now holds the settings in use, mistakes gone
        self.settingsChanged.emit(self.settings)
