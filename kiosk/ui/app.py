"""Starting the kiosk: the QApplication, the window, and the offscreen self-test and screenshots."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from kiosk.bodyart import load_art
from kiosk.content import BASE_LANGUAGE
from kiosk.pages import load_pages
from kiosk.problems import ContentError
from kiosk.settings import Settings, load_settings, save_settings
from kiosk.settings import default_path as default_settings_path

log = logging.getLogger(__name__)

TABLET_SIZE = (1280, 800)

# Said by Qt's offscreen platform on every window shown, and by Qt's gesture manager when a
# finger's gesture outlives the screen it started on (the screen was replaced). Harmless and not
# ours: the kiosk's log, the tests (tests/conftest.py) and the soak all pass over these, and only these.
HARMLESS_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints",
    "QGestureManager::deliverEvents: could not find the target for gesture",  # its screen was replaced
)


def _log_qt_message(mode, context, message: str) -> None:
    """Qt's own warnings go to the kiosk's log, never to a patient's screen."""
    from PySide6.QtCore import QtMsgType

    if message.startswith(HARMLESS_QT_MESSAGES):
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def _application(offscreen: bool):
    from kiosk.ui.typeface import load_typeface, prepare_qt_environment

    prepare_qt_environment(offscreen=offscreen)
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.theme import app_font

    qInstallMessageHandler(_log_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Dry needling kiosk")
    load_typeface()
    app.setFont(app_font())
    return app


def build_window(content_dir: Path, settings: Settings | None = None, *, locked: bool = False,
                 settings_path: Path | None = None):
    """The real kiosk window for a content folder. Raises ContentError only if even the defaults are broken."""
    from kiosk.ui.window import KioskWindow

    art = load_art()
    book = load_pages(content_dir, art.region_ids)
    for problem in book.content.problems:
        log.log(logging.WARNING if problem.warning else logging.ERROR, "content problem: %s", problem)
    save = (lambda s: save_settings(settings_path, s)) if settings_path else (lambda s: None)
    return KioskWindow(book, art, settings, locked=locked, save_settings=save,
                       load_book=lambda: load_pages(content_dir, art.region_ids))


def run(content_dir: Path, windowed: bool, exit_after_first_paint: bool = False,
        settings_path: Path | None = None) -> int:
    from PySide6.QtCore import Qt

    from kiosk.ui.watcher import ContentWatcher

    settings_path = settings_path or default_settings_path()
    settings, _ = load_settings(settings_path)
    app = _application(offscreen=False)
    try:
        window = build_window(content_dir, settings, locked=not windowed, settings_path=settings_path)
    except ContentError as exc:
        print(f"The kiosk can't start because its content has problems:\n{exc}", file=sys.stderr)
        return 1
    _catch_everything(window)
    from kiosk.ui.theme import system_wants_high_contrast

    if system_wants_high_contrast():  # the OS asks for more contrast: start every visit in it
        window.system_high_contrast = True
        window.reset_visit()
    watcher = ContentWatcher(content_dir, window)
    watcher.changed.connect(window.reload_content)
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
    if exit_after_first_paint:
        _quit_after_first_paint(window.home, app)
    code = app.exec()
    # Only a staff exit uses STAFF_EXIT_CODE; the tablet's shell restarts the kiosk after any other.
    return code


def _catch_everything(window) -> None:
    """An unexpected error is logged and the patient sees the home screen, never a traceback."""
    def hook(kind, value, tb):
        log.critical("unexpected error; back to the home screen", exc_info=(kind, value, tb))
        window.recover()

    sys.excepthook = hook


def _quit_after_first_paint(screen, app) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                # Quit once this paint (and the flush to the screen that follows it) is done.
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint(screen)
    screen.installEventFilter(watcher)


def every_screen(window):
    """Show every screen in every language and both calm modes; yield a name for each.

    Names are like ``es/calm/walkthrough-calves-3``; the window is left on that screen.
    """
    from PySide6.QtWidgets import QApplication

    content = window.book.content
    variants = [(lang, calm, False, 0) for lang in content.languages for calm in (False, True)]
    variants += [(BASE_LANGUAGE, False, True, 0), (BASE_LANGUAGE, False, False, 1), (BASE_LANGUAGE, False, False, 2)]
    for lang, calm, contrast, size_steps in variants:
        window.reset_visit()
        window.set_language(lang)
        window.set_calm(calm)
        window.set_high_contrast(contrast)
        for _ in range(size_steps):
            window.cycle_text_size()
        mode = ("high-contrast" if contrast else "calm" if calm else
                ("standard", "large-text", "extra-large-text")[size_steps])
        prefix = f"{lang}/{mode}/"
        QApplication.processEvents()
        yield prefix + "home"
        for region_id in content.region_ids:
            window.show_region(region_id)
            QApplication.processEvents()
            yield prefix + window.current_screen()
        for region_id in (None, *content.region_ids):
            window.show_walkthrough(region_id)
            for step in range(window.screen.total):
                window.screen.go_to(step)
                QApplication.processEvents()
                yield prefix + window.current_screen()
        for show in (window.show_precautions, window.show_sources):
            show()
            QApplication.processEvents()
            yield prefix + window.current_screen()
        window.show_attract()
        QApplication.processEvents()
        yield prefix + "attract"
        window.show_region(content.region_ids[0])
        window.start_countdown()
        QApplication.processEvents()
        yield prefix + "idle-countdown"
        window.reset_visit()
    # What staff see (in the content's staff language only).
    window.open_pin_pad()
    QApplication.processEvents()
    yield "staff/pin-pad"
    window.open_staff_menu()
    QApplication.processEvents()
    yield "staff/menu"
    window.reset_visit()


def _open_every_screen(content_dir: Path):
    """Yield (name, window) with each screen shown and painted at tablet size."""
    window = build_window(content_dir)
    window.resize(*TABLET_SIZE)
    window.show()
    for name in every_screen(window):
        yield name, window
    window.close()


def self_test(content_dir: Path) -> int:
    """Open every screen offscreen; 0 only if each one rendered its real page."""
    from PySide6.QtGui import QFontInfo

    from kiosk.ui.typeface import FAMILY

    app = _application(offscreen=True)
    failures = []
    if QFontInfo(app.font()).family() != FAMILY:
        failures.append(f"the kiosk's typeface ({FAMILY}) did not load: text would not fit as tested")
    try:
        for name, window in _open_every_screen(content_dir):
            screen = window.screen
            if window.grab().isNull():
                failures.append(f"{name}: could not be painted")
            view = getattr(screen, "view", None)
            if view is not None and not view.available:
                reasons = "; ".join(str(p) for p in view.page.problems) or "no page"
                failures.append(f"{name}: shows the 'being updated' notice ({reasons})")
            if name.endswith("/home"):
                failures.extend(_check_body_map(screen.body_map))
    except ContentError as exc:
        failures.append(str(exc))
    for failure in failures:
        print(f"self-test: FAILED {failure}", file=sys.stderr)
    if failures:
        return 1
    print("self-test: ok")
    return 0


def _check_body_map(body_map) -> list[str]:
    """Each region must be hit where it is drawn: proves the artwork loaded and parsed."""
    failures = []
    for region_id in body_map.names():
        shapes = body_map.region_shapes(region_id)
        if not shapes or any(body_map.region_at(_inside(shape)) != region_id for shape in shapes):
            failures.append(f"home: the body map does not respond where '{region_id}' is drawn")
    return failures


def _inside(shape):
    """A point well inside a shape: the middle of the widest horizontal run through its centre."""
    from PySide6.QtCore import QPointF

    box = shape.boundingRect()
    y = box.center().y()
    xs = [box.left() + box.width() * i / 200 for i in range(201)]
    inside = [x for x in xs if shape.contains(QPointF(x, y))]
    return QPointF((inside[0] + inside[-1]) / 2, y) if inside else box.center()


def save_screenshots(content_dir: Path, out_dir: Path) -> int:
    _application(offscreen=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = 0
    try:
        for name, window in _open_every_screen(content_dir):
            path = out_dir / f"{name}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(path)):
                print(f"screenshot: could not write {path}", file=sys.stderr)
                return 1
            saved += 1
    except ContentError as exc:
        print(f"The kiosk can't start because its content has problems:\n{exc}", file=sys.stderr)
        return 1
    print(f"saved {saved} screenshots in {out_dir}")
    return 0
