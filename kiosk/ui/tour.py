"""The offscreen tour of every screen: the self-test and the screenshots.

Every screen in every language, calm mode, contrast and text size is shown at tablet size;
``--self-test`` checks each one rendered its real page, ``--screenshot`` saves each as a PNG.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QApplication

from kiosk.content import BASE_LANGUAGE
from kiosk.problems import ContentError
from kiosk.screenid import HOME
from kiosk.ui.app import TABLET_SIZE, application, build_window
from kiosk.ui.bodymap import BodyMap
from kiosk.ui.walkthrough import WalkthroughScreen
from kiosk.ui.window import KioskWindow


class Variant(NamedTuple):
    """One way the screens look: a language and calm mode, or a contrast or text size."""

    language: str
    calm: bool
    high_contrast: bool
    size_steps: int  # presses of "A A": 0 normal, 1 large, 2 extra large


def every_screen(window: KioskWindow, wanted: Callable[[Variant], bool] = lambda v: True) -> Iterator[str]:
    """Show every screen in every language and both calm modes, and in high contrast and the
    larger text sizes (``wanted`` may pass over some of these); yield a name for each.

    Names are like ``es/calm/walkthrough-calves-3``; the window is left on that screen.
    """
    content = window.book.content
    variants = [Variant(lang, calm, False, 0) for lang in content.languages for calm in (False, True)]
    variants += [Variant(BASE_LANGUAGE, False, True, 0), Variant(BASE_LANGUAGE, False, False, 1),
                 Variant(BASE_LANGUAGE, False, False, 2)]
    for lang, calm, contrast, size_steps in filter(wanted, variants):
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
        body_map = window.home.body_map  # and its answer to a tap beside every region
        body_map.show_hint(QPointF(body_map.rect().center()))
        QApplication.processEvents()
        yield prefix + "home-map-hint"
        body_map.hint.hide()
        for region_id in content.region_ids:
            for page in range(len(window.pages.region_page_titles(lang))):  # each tab of the region
                window.show_region(region_id, page)
                QApplication.processEvents()
                yield prefix + window.current_screen().name
        for walk_region in (None, *content.region_ids):
            window.show_walkthrough(walk_region)
            walkthrough = window.shown_screen
            assert isinstance(walkthrough, WalkthroughScreen)
            for step in range(walkthrough.total):
                walkthrough.go_to(step)
                QApplication.processEvents()
                yield prefix + window.current_screen().name
        for show in (window.show_precautions, window.show_sources):
            show()
            QApplication.processEvents()
            yield prefix + window.current_screen().name
        yield from _card_screens(window, prefix)  # issue #17
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
    window.staff.confirm_exit(content)  # issue #15: exit asks first
    QApplication.processEvents()
    yield "staff/exit-confirm"
    yield from _insights_with_a_made_up_month(window)  # issue #17
    window.reset_visit()


def _card_screens(window: KioskWindow, prefix: str) -> Iterator[str]:
    """The questions and the therapist card, with a precaution and two questions ticked as a patient would."""
    from kiosk.ui.ticks import TickPanel

    window.show_precautions()
    for screen_name in ("questions", "card"):
        panel = window.shown_screen.findChild(TickPanel) if window.shown_screen else None
        for box in list(panel.boxes.values())[:2] if panel else ():
            box.click()
        if screen_name == "questions" and window.book.content.language(window.visit.language).questions is None:
            continue
        (window.show_questions if screen_name == "questions" else window.show_card)()
        QApplication.processEvents()
        yield prefix + window.current_screen().name


def _insights_with_a_made_up_month(window: KioskWindow) -> Iterator[str]:
    """The staff's usage charts over a month of made-up counts in a file of their own."""
    import tempfile
    from datetime import date

    from kiosk import usage
    from kiosk.usagereport import read_days

    with tempfile.TemporaryDirectory(prefix="kiosk-usage-example-") as folder:
        path = Path(folder) / usage.FILE_NAME
        made_up = usage.UsageLog(path)
        usage.example_month(made_up, date.today(), window.book.content.region_ids)
        made_up.close()
        real, window.staff.usage_counts = window.staff.usage_counts, lambda: read_days(path, date.min)
        try:
            window.staff.open_insights(window.book.content)
            QApplication.processEvents()
            yield "staff/insights"
        finally:
            window.staff.usage_counts = real
            window.staff.close()


def _open_every_screen(content_dir: Path) -> Iterator[tuple[str, KioskWindow]]:
    """Yield (name, window) with each screen shown and painted at tablet size."""
    # Read aloud (issue 16): Qt's mock engine, never the machine's voice service, and loaded now
    # so its controls are in the screenshots and the self-test proves the engine loads.
    os.environ.setdefault("KIOSK_SPEECH_ENGINE", "mock")
    window = build_window(content_dir)
    window.resize(*TABLET_SIZE)
    window.show()
    window.read_aloud.load_and_wait()
    for name in every_screen(window):
        yield name, window
    window.close()


def self_test(content_dir: Path, found: list[str] | None = None) -> int:
    """Open every screen offscreen; 0 only if each one rendered its real page (and nothing
    was ``found`` before: content errors in any language, issue #15)."""
    from PySide6.QtGui import QFontInfo

    from kiosk.ui.typeface import FAMILY

    app = application(offscreen=True)
    failures = list(found or [])
    if QFontInfo(app.font()).family() != FAMILY:
        failures.append(f"the kiosk's typeface ({FAMILY}) did not load: text would not fit as tested")
    try:
        for name, window in _open_every_screen(content_dir):
            screen = window.shown_screen
            if window.grab().isNull():
                failures.append(f"{name}: could not be painted")
            view = screen.page_view() if screen is not None else None
            if view is not None and not view.available:
                reasons = "; ".join(str(p) for p in view.page.problems) or "no page"
                failures.append(f"{name}: shows the 'being updated' notice ({reasons})")
            if window.current_screen() == HOME:
                failures.extend(_check_body_map(window.home.body_map))
                narrator = window.read_aloud.narrator
                if narrator is not None and narrator.installed and not narrator.available:
                    failures.append(f"read aloud: {narrator.problem}")
    except ContentError as exc:
        failures.append(str(exc))
    for failure in failures:
        print(f"self-test: FAILED {failure}", file=sys.stderr)
    if failures:
        return 1
    print("self-test: ok")
    return 0


def _check_body_map(body_map: BodyMap) -> list[str]:
    """Each region must be hit where it is drawn: proves the artwork loaded and parsed."""
    failures = []
    for region_id in body_map.names():
        shapes = body_map.region_shapes(region_id)
        if not shapes or any(body_map.region_at(inside(shape)) != region_id for shape in shapes):
            failures.append(f"home: the body map does not respond where '{region_id}' is drawn")
    return failures


def inside(shape: QPainterPath) -> QPointF:
    """A point well inside a shape: the middle of the widest horizontal run through its centre."""
    box = shape.boundingRect()
    y = box.center().y()
    xs = [box.left() + box.width() * i / 200 for i in range(201)]
    inside = [x for x in xs if shape.contains(QPointF(x, y))]
    return QPointF((inside[0] + inside[-1]) / 2, y) if inside else box.center()


def save_screenshots(content_dir: Path, out_dir: Path) -> int:
    application(offscreen=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    saving: list[tuple[Path, Future[bool]]] = []
    # PNG compression is half the time; it runs beside the drawing of the next screens (Qt lets
    # go of Python's lock while it encodes, and an image, unlike a pixmap, may leave the GUI thread).
    with ThreadPoolExecutor(max_workers=max(1, (os.cpu_count() or 2) - 1)) as pool:
        try:
            for name, window in _open_every_screen(content_dir):
                path = out_dir / f"{name}.png"
                path.parent.mkdir(parents=True, exist_ok=True)
                image = window.grab().toImage()
                saving.append((path, pool.submit(image.save, str(path))))
        except ContentError as exc:
            print(f"The kiosk can't start because its content has problems:\n{exc}", file=sys.stderr)
            return 1
    unwritten = [path for path, saved in saving if not saved.result()]
    for path in unwritten:
        print(f"screenshot: could not write {path}", file=sys.stderr)
    if unwritten:
        return 1
    print(f"saved {len(saving)} screenshots in {out_dir}")
    return 0
