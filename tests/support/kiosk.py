"""The real kiosk for a test, made as the app makes it: its content read (and its problems
logged), every part made and connected by ``kiosk.ui.wiring``, its window shown offscreen at the
tablet's size and watching for touches, as from a patient's first frame."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.model.problems import Problem
from kiosk.settings.file import save_settings
from kiosk.settings.values import Settings, pin_lock_path
from kiosk.ui.input.timers import qt_timer
from kiosk.ui.kiosk import Kiosk
from kiosk.usage.counts import UsageLog
from tests.support.content import SHIPPED_CONTENT
from tests.support.fakes import FakeClock

TABLET = (1280, 800)


def open_kiosk(qtbot, content: Path = SHIPPED_CONTENT, settings: Settings | None = None, *,
               size: tuple[int, int] = TABLET, hold_size: bool = False, locked: bool = False,
               saved: list[Settings] | None = None, settings_path: Path | None = None,
               clock: FakeClock | None = None, pin_lock_file: Path | None = None, usage: UsageLog | None = None,
               settings_problems: Sequence[Problem] = (), speech: bool = False) -> Kiosk:
    """``saved`` collects the settings staff save (or ``settings_path`` is the file they go to);
    ``clock`` drives the PIN's lock and every timer the idle reset, countdown and staff corner
    wait on; ``hold_size`` keeps the window at ``size`` (a screen made ahead can't widen it);
    ``speech`` waits for Read aloud's engine (it loads after home is painted)."""
    from kiosk.ui import wiring
    from kiosk.ui.app import read_content

    book, art = read_content(content)
    save: Callable[[Settings], None] = lambda s: None
    if settings_path is not None:
        save = lambda s: save_settings(settings_path, s)
        pin_lock_file = pin_lock_file or pin_lock_path(settings_path)
    elif saved is not None:
        save = saved.append
    kiosk = wiring.build_kiosk(book, art, settings, locked=locked, save_settings=save, reload_folder=content,
                               clock=clock.monotonic if clock else time.monotonic, pin_lock_file=pin_lock_file,
                               usage=usage, settings_problems=settings_problems, timers=clock or qt_timer)
    window = kiosk.window
    # pytest-qt closes the window before the fixtures end: unlocked first, or a locked kiosk
    # would refuse and run on, its timers and checks' children with it, into later tests.
    qtbot.addWidget(window, before_close_func=lambda _window: _unlock(kiosk))
    if hold_size:
        window.setFixedSize(*size)
    else:
        window.resize(*size)
    if speech:
        with qtbot.waitSignal(kiosk.read_aloud.loaded, timeout=10_000):
            window.show()
    else:
        window.show()
    qtbot.waitExposed(window)
    # As a patient's first touch: touches count from the turn after home's first frame.
    qtbot.waitUntil(lambda: kiosk.watching_people, timeout=20_000)  # a shared machine under load is slow to paint
    return kiosk


def _unlock(kiosk: Kiosk) -> None:
    kiosk.window.locked = False
    kiosk.read_aloud.stop()


def close_kiosk(kiosk: Kiosk) -> None:
    """Closed (pytest-qt has closed it already, unless the test kept it past its end): unlocked, and silent."""
    import shiboken6

    if shiboken6.isValid(kiosk.window):
        _unlock(kiosk)
        kiosk.window.close()
