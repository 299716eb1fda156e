"""Starting the kiosk: the QApplication, the kiosk for a content folder, and what catches the unexpected."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.model.problems import ContentError, Problem
from kiosk.pages.book import load_pages
from kiosk.reading.bodyart import load_art
from kiosk.settings.file import load_settings, save_settings
from kiosk.settings.values import Settings, pin_lock_path
from kiosk.settings.values import default_path as default_settings_path
from kiosk.system.logfile import ON_THE_CONSOLE, QT_LOGGER
from kiosk.usage import counts
from kiosk.usage.counts import UsageLog

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from types import TracebackType

    from PySide6.QtCore import QMessageLogContext, QtMsgType
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.pages.book import PageBook
    from kiosk.reading.bodyart import BodyArt
    from kiosk.ui.kiosk import Kiosk

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
    logging.getLogger(QT_LOGGER).log(level, "%s", message)
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

    from kiosk.ui.look.typeface import load_typeface, prepare_qt_environment

    prepare_qt_environment(offscreen=offscreen)
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.look.theme import app_font

    qInstallMessageHandler(partial(_log_qt_message, on_fatal))
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Dry needling kiosk")
    load_typeface()
    app.setFont(app_font())
    return app


def read_content(content_dir: Path) -> tuple[PageBook, BodyArt]:
    """The content folder's pages and the body map's art, every content problem in the log for
    staff. Raises ContentError only if even the defaults are broken."""
    art = load_art()
    book = load_pages(content_dir, art.region_ids)
    for problem in book.content.problems:
        log.log(logging.WARNING if problem.warning else logging.ERROR, "content problem: %s", problem)
    return book, art


def build_kiosk(content_dir: Path, settings: Settings | None = None, *, locked: bool = False,
                settings_path: Path | None = None, usage: UsageLog | None = None,
                settings_problems: Sequence[Problem] = ()) -> Kiosk:
    """The real kiosk for a content folder (its window not yet shown), saving its settings to
    ``settings_path``. Raises ContentError only if even the defaults are broken."""
    from kiosk.ui import wiring

    book, art = read_content(content_dir)
    save = (lambda s: save_settings(settings_path, s)) if settings_path else (lambda s: None)
    return wiring.build_kiosk(book, art, settings, locked=locked, save_settings=save, reload_folder=content_dir,
                              pin_lock_file=pin_lock_path(settings_path) if settings_path else None, usage=usage,
                              settings_problems=settings_problems)


def usage_log(settings: Settings) -> UsageLog | None:
    """The anonymous usage counts in the per-user data folder; None when staff turned them off."""
    if not settings.usage_counts:
        return None
    from kiosk.settings.values import data_dir

    return UsageLog(data_dir() / counts.FILE_NAME, settings.usage_retention_days)


def run(content_dir: Path, windowed: bool, exit_after_first_paint: bool = False,
        settings_path: Path | None = None, after_first_paint: Callable[[], None] = lambda: None,
        on_fatal: Callable[[], None] = lambda: None) -> int:
    """The kiosk until it exits. ``after_first_paint()`` runs once home is first painted (not
    with ``exit_after_first_paint``, which quits then: what waits until after the first frame
    is left out of the start-up timing, as a patient doesn't wait for it either); ``on_fatal()``
    if Qt can't go on."""
    from PySide6.QtCore import Qt

    from kiosk.settings.values import data_dir
    from kiosk.ui.process.lifetime import ALREADY_RUNNING_EXIT_CODE, Ending, hold_data_folder
    from kiosk.ui.process.runwatch import mark_the_run

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
        kiosk = build_kiosk(content_dir, settings, locked=not windowed, settings_path=settings_path,
                            usage=usage_log(settings), settings_problems=settings_problems)
    except ContentError as exc:
        print(f"The kiosk can't start because its content has problems:\n{exc}", file=sys.stderr)
        return 1
    _catch_everything(kiosk)
    marker = None if exit_after_first_paint else mark_the_run(app)
    ending = Ending(app, kiosk.usage.flush_now)
    from kiosk.ui.look.theme import system_wants_high_contrast

    if system_wants_high_contrast():  # the OS asks for more contrast: start every visit in it
        kiosk.system_high_contrast = True
        kiosk.reset_visit()
    window = kiosk.window
    if windowed:
        show_windowed(window)
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
        from kiosk.ui.wiring import watch_content

        ending.listen()
        watch_content(kiosk, content_dir)  # staff edits reach the kiosk without a restart
        after_first_paint()

    if exit_after_first_paint:
        kiosk.read_aloud.never_load()
    from kiosk.ui.firstpaint import after_first_paint as on_first_paint

    on_first_paint(kiosk.home, _end_timing_run if exit_after_first_paint else later)
    code = app.exec()
    if marker is not None:
        marker.end()
    kiosk.usage.close()  # the last few counts, written before the process ends
    from kiosk.ui.kiosk import STAFF_EXIT_CODE

    why = ending.reason or ("staff exit" if code == STAFF_EXIT_CODE else "its window closed")
    log.info("kiosk ended: %s (exit code %d)", why, code)
    # Only a staff exit uses STAFF_EXIT_CODE; the tablet's shell restarts the kiosk after any other.
    return code


def show_windowed(window: QWidget) -> None:
    """The kiosk in a window whose inside is the tablet's screen: a title bar adds to the window
    rather than taking the kiosk's bottom row, and no window manager may squeeze it smaller."""
    window.setFixedSize(*TABLET_SIZE)
    screen = window.screen()
    if screen is not None:
        window.move(screen.availableGeometry().topLeft())  # the frame's corner: the title bar in view
    window.show()


def _catch_everything(kiosk: Kiosk) -> None:
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
        kiosk.recover()

    sys.excepthook = hook


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
