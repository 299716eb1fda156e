"""Starting the kiosk: the QApplication, the window, and what catches the unexpected."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import usage
from kiosk.bodyart import load_art
from kiosk.logfile import ON_THE_CONSOLE
from kiosk.pages import load_pages
from kiosk.problems import ContentError, Problem
from kiosk.settings import Settings, pin_lock_path
from kiosk.settings import default_path as default_settings_path
from kiosk.settingsfile import load_settings, save_settings
from kiosk.usage import UsageLog

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from types import TracebackType

    from PySide6.QtCore import QMessageLogContext, QtMsgType
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

TABLET_SIZE = (1280, 800)

# Said by Qt's offscreen platform on every window shown, and by Qt's gesture manager when a
# finger's gesture outlives the screen it started on (the screen was replaced). Harmless and not
# ours: the kiosk's log, the tests (tests/conftest.py) and the soak all pass over these, and only these.
HARMLESS_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints",
    "QGestureManager::deliverEvents: could not find the target for gesture",  # its screen was replaced
)


NO_DISPLAY_EXIT_CODE = 5


def no_display_said(why: str) -> str:
    """What staff read when there is no screen, and ``why`` not."""
    return (f"there is no screen to show the kiosk on ({why}). Start it in the tablet's own desktop "
            "session (signed in), not from a service or a remote shell")


def no_display() -> str | None:
    """Why Qt would find no screen here, asked before it tries (it aborts the process then)."""
    import os

    if not sys.platform.startswith("linux"):
        return None  # Windows' own platform always has the session's desktop
    wanted = [name.split(":")[0] for name in os.environ.get("QT_QPA_PLATFORM", "").split(";") if name]
    if wanted and not {"xcb", "wayland", "wayland-egl"} & set(wanted):
        return None  # offscreen, a framebuffer, VNC...: platforms that need no display server
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return "neither DISPLAY nor WAYLAND_DISPLAY is set"
    return None


def _log_qt_message(on_fatal: Callable[[], None], mode: QtMsgType, context: QMessageLogContext,
                    message: str) -> None:
    """Qt's own warnings go to the kiosk's log, never to a patient's screen. After a fatal one
    Qt would abort the process (exit 134, nothing in the log): the kiosk says why and ends."""
    from PySide6.QtCore import QtMsgType

    if message.startswith(HARMLESS_QT_MESSAGES):
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)
    if mode == QtMsgType.QtFatalMsg:
        import os

        from PySide6.QtGui import QGuiApplication

        first = message.strip().splitlines()[0] if message.strip() else "no reason given"
        said = no_display_said(f'Qt: "{first}"') if QGuiApplication.primaryScreen() is None else \
            f'the kiosk can\'t go on: Qt stopped it ("{first}")'
        log.critical("%s", said, extra=ON_THE_CONSOLE)
        print(f"kiosk: {said}", file=sys.stderr)
        on_fatal()
        logging.shutdown()
        os._exit(NO_DISPLAY_EXIT_CODE)


def application(offscreen: bool, on_fatal: Callable[[], None] = lambda: None) -> QApplication:
    """The kiosk's QApplication. ``on_fatal`` runs if Qt can't go on (the log file gets the reason)."""
    from functools import partial

    from kiosk.ui.typeface import load_typeface, prepare_qt_environment

    prepare_qt_environment(offscreen=offscreen)
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.theme import app_font

    qInstallMessageHandler(partial(_log_qt_message, on_fatal))
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Dry needling kiosk")
    load_typeface()
    app.setFont(app_font())
    return app


def build_window(content_dir: Path, settings: Settings | None = None, *, locked: bool = False,
                 settings_path: Path | None = None, usage: UsageLog | None = None,
                 settings_problems: Sequence[Problem] = ()) -> KioskWindow:
    """The real kiosk window for a content folder. Raises ContentError only if even the defaults are broken."""
    from kiosk.ui.window import KioskWindow

    art = load_art()
    book = load_pages(content_dir, art.region_ids)
    for problem in book.content.problems:
        log.log(logging.WARNING if problem.warning else logging.ERROR, "content problem: %s", problem)
    save = (lambda s: save_settings(settings_path, s)) if settings_path else (lambda s: None)
    return KioskWindow(book, art, settings, locked=locked, save_settings=save, reload_folder=content_dir,
                       pin_lock_file=pin_lock_path(settings_path) if settings_path else None, usage=usage,
                       settings_problems=settings_problems)


def usage_log(settings: Settings) -> UsageLog | None:
    """The anonymous usage counts in the per-user data folder (issue #17); None when staff turned them off."""
    if not settings.usage_counts:
        return None
    from kiosk.settings import data_dir

    return UsageLog(data_dir() / usage.FILE_NAME, settings.usage_retention_days)


def run(content_dir: Path, windowed: bool, exit_after_first_paint: bool = False,
        settings_path: Path | None = None, after_first_paint: Callable[[], None] = lambda: None,
        on_fatal: Callable[[], None] = lambda: None) -> int:
    """The kiosk until it exits. ``after_first_paint()`` runs once home is first painted (not
    with ``exit_after_first_paint``, which quits then: what waits until after the first frame
    is left out of the start-up timing, as a patient doesn't wait for it either); ``on_fatal()``
    if Qt can't go on."""
    from PySide6.QtCore import Qt

    from kiosk.settings import data_dir
    from kiosk.ui.lifetime import ALREADY_RUNNING_EXIT_CODE, Ending, hold_data_folder
    from kiosk.ui.runwatch import mark_the_run

    missing = no_display()
    if missing:
        said = no_display_said(missing)
        log.critical("%s", said, extra=ON_THE_CONSOLE)
        print(f"kiosk: {said}", file=sys.stderr)
        return NO_DISPLAY_EXIT_CODE
    settings_path = settings_path or default_settings_path()
    settings, settings_problems = load_settings(settings_path)
    app = application(offscreen=False, on_fatal=on_fatal)
    held = hold_data_folder(data_dir())  # kept until the process ends
    if isinstance(held, str):
        log.error("%s", held, extra=ON_THE_CONSOLE)
        print(f"kiosk: {held}", file=sys.stderr)
        return ALREADY_RUNNING_EXIT_CODE
    try:
        window = build_window(content_dir, settings, locked=not windowed, settings_path=settings_path,
                              usage=usage_log(settings), settings_problems=settings_problems)
    except ContentError as exc:
        print(f"The kiosk can't start because its content has problems:\n{exc}", file=sys.stderr)
        return 1
    _catch_everything(window)
    marker = None if exit_after_first_paint else mark_the_run(app)
    ending = Ending(app, window.usage.flush_now)
    from kiosk.ui.theme import system_wants_high_contrast

    if system_wants_high_contrast():  # the OS asks for more contrast: start every visit in it
        window.system_high_contrast = True
        window.reset_visit()
    if windowed:
        window.resize(*TABLET_SIZE)
        window.show()
    else:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        # Cover the screen even where no window manager honours "full screen".
        window.setGeometry(app.primaryScreen().geometry())
        window.showFullScreen()
        if settings.hide_cursor:
            app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    # What the first frame doesn't need waits until it is painted: watching the content folder
    # (a watch on every file) and the signals are started then, and the timing run quits instead.
    def later() -> None:
        ending.listen()
        _watch_content(content_dir, window)
        after_first_paint()

    if exit_after_first_paint:
        window.read_aloud.never_load()
    from kiosk.ui.firstpaint import after_first_paint as on_first_paint

    on_first_paint(window.home, _end_timing_run if exit_after_first_paint else later)
    code = app.exec()
    if marker is not None:
        marker.end()
    window.usage.close()  # the last few counts, written before the process ends (issue #17)
    from kiosk.ui.window import STAFF_EXIT_CODE

    why = ending.reason or ("staff exit" if code == STAFF_EXIT_CODE else "its window closed")
    log.info("kiosk ended: %s (exit code %d)", why, code)
    # Only a staff exit uses STAFF_EXIT_CODE; the tablet's shell restarts the kiosk after any other.
    return code


def _catch_everything(window: KioskWindow) -> None:
    """An unexpected error is logged and the patient sees the home screen, never a traceback."""
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C before the kiosk took it over: end, don't go on
            from PySide6.QtWidgets import QApplication

            log.warning("kiosk ending: Ctrl+C was pressed in its terminal")
            app = QApplication.instance()
            if app is not None:
                app.exit(130)
            return
        log.critical("unexpected error; back to the home screen", exc_info=(kind, value, tb))
        window.recover()

    sys.excepthook = hook


def _watch_content(content_dir: Path, window: KioskWindow) -> None:
    """Staff edits to the content folder reach the kiosk without a restart."""
    from kiosk.ui.watcher import ContentWatcher

    watcher = ContentWatcher(content_dir, window)
    watcher.changed.connect(window.reload_content)


def _end_timing_run() -> None:
    """The timed start ends at home's first frame: nothing after it (screens made ahead, the
    touch watchers, taking the window down) may count, on a fast machine or under callgrind."""
    import os

    if sys.platform == "win32":
        # Windows' Qt warns that its per-thread data outlived the thread when a process ends
        # without unwinding; there the run ends the orderly way (bench/ times it on Linux).
        from PySide6.QtWidgets import QApplication

        QApplication.quit()
        return
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(0)
