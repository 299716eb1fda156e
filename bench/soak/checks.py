"""What counts as trouble in the soak, and the hooks that see it.

Unhandled exceptions (the excepthook), Qt's critical messages and warnings (its message
handler), errors the kiosk caught and logged (a log handler), a window that no longer shows a
real screen, and content the kiosk judged wrongly on reload. Every hook is put back afterwards.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

import shiboken6
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from bench.session import KioskSession
from bench.soak.counts import Happening
from bench.soak.editor import ContentEditor, Kind
from bench.soak.report import SoakReport
from bench.soak.state import SoakState

QtHandler = Callable[[QtMsgType, QMessageLogContext, str], Any]


class _LogCounter(logging.Handler):
    def __init__(self, report: SoakReport):
        super().__init__(logging.ERROR)
        self.report = report

    def emit(self, record: logging.LogRecord) -> None:
        self.report.logged_errors += 1
        info = record.exc_info
        if info and info[1] is not None:
            self.report.logged_exception(f"{record.getMessage()}\n"
                                         + "".join(traceback.format_exception(type(info[1]), info[1], info[2])))


class Watch:
    """Sees what goes wrong while ``session``'s window is driven, and counts it in ``report``."""

    def __init__(self, session: KioskSession, state: SoakState, report: SoakReport, editor: ContentEditor):
        self.session, self.state, self.report, self.editor = session, state, report, editor
        self._old_hook = sys.excepthook
        self._old_handler: QtHandler | None = None
        self._log_counter = _LogCounter(report)
        self._harmless: tuple[str, ...] = ()
        self._checking: tuple[int, bool, dict[str, Kind]] | None = None  # the reload being checked

    def install(self) -> None:
        from kiosk.ui.app import HARMLESS_QT_MESSAGES

        self._harmless = HARMLESS_QT_MESSAGES
        self._old_hook, sys.excepthook = sys.excepthook, self._excepthook
        self._old_handler = qInstallMessageHandler(self._qt_message)
        logging.getLogger().addHandler(self._log_counter)

    def uninstall(self) -> None:
        sys.excepthook = self._old_hook
        qInstallMessageHandler(self._old_handler)
        logging.getLogger().removeHandler(self._log_counter)

    def problem(self) -> str | None:
        """Why the window no longer shows a real screen, or None."""
        if not self.session.alive():
            return "the window is gone (deleted or closed)"
        screen = self.session.kiosk.router.screen
        if screen is None or not shiboken6.isValid(screen):
            return f"the screen object for {self.state.screen_name!r} has been deleted"
        if not screen.isVisible():
            return f"the screen object for {self.state.screen_name!r} is not on show"
        return None

    def crash(self, what: str, tb: str = "") -> None:
        self.report.crash(what + ("\n" + tb if tb else ""))

    def recover(self) -> None:
        """What the real app does after an unhandled exception: back to a known-good home screen."""
        try:
            kiosk = self.session.built
            if kiosk is not None:
                kiosk.recover()
                self.session.app.processEvents()
        except Exception as exc:  # noqa: BLE001 - the last resort raised: a crash
            self.crash(f"kiosk.recover() raised {type(exc).__name__}: {exc}", traceback.format_exc())

    def content_changed(self) -> None:
        """The folder watcher's signal: reload as the kiosk app does; the answer is judged when the
        check (in a child process) ends, against the files as they were when it began."""
        self._checking = (self.editor.writes, self.editor.should_load, dict(self.editor.outstanding))
        self.session.kiosk.reload_content()

    def content_checked(self, accepted: bool) -> None:
        """The kiosk's answer to the last reload: taken (``accepted``) or refused."""
        checking, self._checking = self._checking, None
        self.state.events[Happening.WATCHER_RELOAD] += 1
        if checking is None or checking[0] != self.editor.writes:
            return  # the folder changed while it was checked: the watcher's next reload is judged
        _, expected, edits = checking
        if accepted != expected and len(self.report.reload_mismatches) < 20:
            self.report.reload_mismatches.append(
                f"the kiosk {'took' if accepted else 'refused'} the content with edits {edits}")

    def _excepthook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        self.report.unhandled_exception(f"during {self.state.doing}:\n"
                                        + "".join(traceback.format_exception(kind, value, tb)))
        self.recover()

    def _qt_message(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if not message.startswith(self._harmless):
            where = f"{message}  [during {self.state.doing}]"
            if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
                self.report.qt_critical_message(where)
            elif mode == QtMsgType.QtWarningMsg:
                self.report.qt_warning(where)
        if self._old_handler is not None:  # pytest-qt's, under the tests
            self._old_handler(mode, context, message)
