"""What the kiosk counts for the anonymous usage log (``kiosk.usage.counts``), and when the counts are
handed to its writer thread: in a batch a few seconds after the last one. Counted from typed
``ScreenId`` values, never from parsing names."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.model.content import Language
from kiosk.model.problems import Problem
from kiosk.usage import counts as usage_measures
from kiosk.usage.counts import UsageLog
from kiosk.usage.report import DayCount, UsageUnreadable, read_days
from kiosk.visit.patient import TEXT_SCALES, TEXT_SIZE_NAMES, Visit
from kiosk.visit.screens import OPENED_FROM_ANYWHERE, ScreenId, ScreenKind


class UsageCounter(QObject):
    """Counts what the patient opens and chooses; nothing from the therapist card.

    ``troubleChanged`` says the counts file's problems for staff changed (it can't be written
    now, or a damaged one was set aside); while it can't be written, writing is tried again
    every ``RETRY_MS``, the counts waiting in memory meanwhile. ``use`` tells it the visit's
    language (counted, and the walkthrough's length in it), whenever that changes."""

    WRITE_AFTER_MS = 3000
    RETRY_MS = 30_000
    troubleChanged = Signal()
    _heard = Signal()  # from the writer's thread; handled on the window's

    def __init__(self, log_: UsageLog | None, clock: Callable[[], float], language: Language,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._language = language
        self.log = log_
        self._clock = clock
        self._shown: ScreenId | None = None
        self._shown_at = 0.0
        self._visit_counted = False
        self._region_open: str | None = None  # the region the patient is in: its tabs and walkthrough are no new open
        self._walkthrough_finished = False
        self._timer = QTimer(self, singleShot=True, interval=self.WRITE_AFTER_MS)
        self._timer.timeout.connect(self.write)
        self._retry = QTimer(self, singleShot=True, interval=self.RETRY_MS)
        self._retry.timeout.connect(self.write)
        self._heard.connect(self._trouble_changed)
        if log_ is not None:
            log_.on_change = self._heard.emit

    def count(self, measure: str, value: str = "") -> None:
        if self.log is None:
            return
        self.log.record(measure, value)
        if not self._timer.isActive():
            self._timer.start()

    def write(self) -> None:
        if self.log is not None:
            self.log.write_pending()

    def flush_now(self) -> None:
        """Write every count now and wait for it; from any thread (the kiosk is being ended)."""
        if self.log is not None:
            self.log.flush()

    def close(self) -> None:
        """Write the last counts and wait for them (the kiosk is ending)."""
        if self.log is not None:
            self.log.close()

    def problems(self) -> list[Problem]:
        return self.log.problems if self.log is not None else []

    def days(self) -> list[DayCount]:
        """Every count kept, per day (written first, so the staff see this visit's too), with
        those waiting in memory while the file can't be written or read."""
        if self.log is None:
            return []
        self.log.flush()
        try:
            rows = read_days(self.log.path, date.min)
        except UsageUnreadable as exc:
            logging.getLogger(__name__).warning("usage counts: %s; the charts show what is in memory", exc)
            rows = []
        together: Counter[tuple[str, str, str]] = Counter()
        for row in rows + self.log.unwritten():
            together[(row.day, row.measure, row.value)] += row.count
        return [DayCount(day, measure, value, count) for (day, measure, value), count in sorted(together.items())]

    def _trouble_changed(self) -> None:
        if self.log is not None and self.log.trouble is not None:
            self._retry.start()
        else:
            self._retry.stop()
        self.troubleChanged.emit()

    def use(self, language: Language) -> None:
        self._language = language

    def new_visit(self) -> None:
        self._visit_counted = False
        self._region_open = None

    def screen_shown(self, screen_id: ScreenId) -> None:
        now = self._clock()
        previous, self._shown, self._shown_at, since = self._shown, screen_id, now, self._shown_at
        if previous is not None and previous != screen_id:
            self.count(usage_measures.SCREEN_TIME, f"{previous.name} {usage_measures.duration_band(now - since)}")
        if previous == screen_id:
            return
        self.count(usage_measures.SCREEN, screen_id.name)
        if screen_id.kind in (ScreenKind.HOME, ScreenKind.ATTRACT):
            self._region_open = None  # back home: opening a region again is a new choice
            return
        if not self._visit_counted:  # the first screen past home: a patient is reading
            self._visit_counted = True
            self.count(usage_measures.VISIT)
            self.count(usage_measures.LANGUAGE, self._language.code)
        # A region is counted when the patient opens it, not again on each tab or back from its walkthrough.
        if screen_id.kind is ScreenKind.REGION and screen_id.region and screen_id.region != self._region_open:
            self._region_open = screen_id.region
            self.count(usage_measures.REGION, screen_id.region)
        if screen_id.kind is ScreenKind.WALKTHROUGH:
            # Back from the pause, the questions or the card opened on a step is the same walk.
            if previous is None or (previous.kind is not ScreenKind.WALKTHROUGH
                                    and previous.kind not in OPENED_FROM_ANYWHERE):
                self.count(usage_measures.WALKTHROUGH, "started")
                self._walkthrough_finished = False
            walkthrough = self._language.walkthrough
            last = walkthrough is not None and screen_id.step == len(walkthrough.steps) - 1
            if last and not self._walkthrough_finished:  # once per walk, however often the last step is seen
                self._walkthrough_finished = True
                self.count(usage_measures.WALKTHROUGH, "finished")

    def visit_changed(self, before: Visit, after: Visit) -> None:
        if after.language != before.language and self._visit_counted:
            self.count(usage_measures.LANGUAGE, after.language)  # switched mid-visit: both are counted
        if after.calm and not before.calm:
            self.count(usage_measures.CALM)
        if after.high_contrast and not before.high_contrast:
            self.count(usage_measures.HIGH_CONTRAST)
        if after.text_scale != before.text_scale and after.text_scale in TEXT_SCALES[1:]:
            self.count(usage_measures.TEXT_SIZE, TEXT_SIZE_NAMES[TEXT_SCALES.index(after.text_scale)])
