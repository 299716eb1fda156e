"""The offscreen tour of every screen: the self-test and the screenshots.

Every screen in every language, calm mode, contrast and text size is shown at tablet size;
``--self-test`` checks each one rendered its real page, ``--screenshot`` saves each as a PNG.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QApplication

from kiosk.model.problems import ContentError
from kiosk.ui.app import TABLET_SIZE, application, build_kiosk
from kiosk.ui.kiosk import Kiosk
from kiosk.ui.screens.walkthrough import WalkthroughScreen
from kiosk.ui.widgets.bodymap import BodyMap
from kiosk.visit.screens import BREATHING, CARD, HOME, PRECAUTIONS, QUESTIONS, SOURCES, ScreenId


class Variant(NamedTuple):
    """One way the screens look: a language and calm mode, or a contrast or text size."""

    language: str
    calm: bool
    high_contrast: bool
    size_steps: int  # presses of "A A": 0 normal, 1 large, 2 extra large


def tour_variants(languages: Iterable[str]) -> list[Variant]:
    """Each language as it opens, in calm mode, in high contrast and at both larger text sizes
    (Spanish at extra-large text is the tightest case)."""
    return [variant for lang in languages for variant in (
        Variant(lang, False, False, 0), Variant(lang, True, False, 0), Variant(lang, False, True, 0),
        Variant(lang, False, False, 1), Variant(lang, False, False, 2))]


def every_screen(kiosk: Kiosk, wanted: Callable[[Variant], bool] = lambda v: True,
                 variants: Iterable[Variant] | None = None) -> Iterator[str]:
    """Show every screen in each of ``variants`` (the tour's, unless given; ``wanted`` may pass
    over some of them); yield a name for each.

    Names are like ``es/calm/walkthrough-calves-3``; the kiosk is left on that screen.
    """
    router = kiosk.router
    content = kiosk.book.content
    if variants is None:
        variants = tour_variants(content.languages)
    for lang, calm, contrast, size_steps in filter(wanted, variants):
        kiosk.reset_visit()
        kiosk.set_language(lang)
        kiosk.set_calm(calm)
        kiosk.set_high_contrast(contrast)
        for _ in range(size_steps):
            kiosk.cycle_text_size()
        mode = "-".join([*(["calm"] if calm else []), *(["high-contrast"] if contrast else []),
                         *([("large-text", "extra-large-text")[size_steps - 1]] if size_steps else [])]) or "standard"
        prefix = f"{lang}/{mode}/"
        QApplication.processEvents()
        yield prefix + "home"
        body_map = kiosk.home.body_map  # and its answer to a tap beside every region
        body_map.show_hint(QPointF(body_map.rect().center()))
        QApplication.processEvents()
        yield prefix + "home-map-hint"
        body_map.hint.hide()
        for region_id in content.region_ids:
            for page in range(len(kiosk.stage.pages().region_page_titles(lang))):  # each tab of the region
                router.show(ScreenId.for_region(region_id, page))
                QApplication.processEvents()
                yield prefix + router.current.name
        for walk_region in (None, *content.region_ids):
            router.show(ScreenId.walkthrough(walk_region))
            walkthrough = router.screen
            assert isinstance(walkthrough, WalkthroughScreen)
            for step in range(walkthrough.total):
                walkthrough.go_to(step)
                QApplication.processEvents()
                yield prefix + router.current.name
        # The overview of every step ("Step 3 of 8" opens it), and the pause its stop line opens.
        router.show(ScreenId.walkthrough(None, 2))
        walkthrough = router.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        walkthrough.show_overview(True)
        QApplication.processEvents()
        yield prefix + "walkthrough-overview"
        walkthrough.show_overview(False)
        kiosk.therapist.set_on(True)  # the step's words for the therapist, under it
        QApplication.processEvents()
        yield prefix + "walkthrough-therapist-notes"
        kiosk.therapist.set_on(False)
        router.show(ScreenId.pause(2))
        QApplication.processEvents()
        yield prefix + router.current.name
        router.show(BREATHING)  # "Breathe with me", before its first breath
        QApplication.processEvents()
        yield prefix + router.current.name
        for screen_id in (PRECAUTIONS, SOURCES):
            router.show(screen_id)
            QApplication.processEvents()
            yield prefix + router.current.name
        yield from _card_screens(kiosk, prefix)
        kiosk.show_attract()
        QApplication.processEvents()
        yield prefix + "attract"
        router.show(ScreenId.for_region(content.region_ids[0]))
        kiosk.start_countdown()
        QApplication.processEvents()
        yield prefix + "idle-countdown"
        kiosk.reset_visit()
    # What staff see (in the content's staff language only).
    kiosk.open_pin_pad()
    QApplication.processEvents()
    yield "staff/pin-pad"
    kiosk.open_staff_menu()
    QApplication.processEvents()
    yield "staff/menu"
    kiosk.staff.confirm_exit()  # exit asks first
    QApplication.processEvents()
    yield "staff/exit-confirm"
    yield from _insights_with_a_made_up_month(kiosk)
    kiosk.reset_visit()


def _card_screens(kiosk: Kiosk, prefix: str) -> Iterator[str]:
    """The questions and the therapist card, with a precaution and two questions ticked as a patient would."""
    from kiosk.ui.widgets.ticks import TickPanel

    router = kiosk.router
    router.show(PRECAUTIONS)
    for screen_id in (QUESTIONS, CARD):
        panel = router.screen.findChild(TickPanel) if router.screen else None
        for box in list(panel.boxes.values())[:2] if panel else ():
            box.click()
        if screen_id == QUESTIONS and kiosk.language.questions is None:
            continue
        router.show(screen_id)
        QApplication.processEvents()
        yield prefix + router.current.name


def _insights_with_a_made_up_month(kiosk: Kiosk) -> Iterator[str]:
    """The staff's usage charts over a month of made-up counts in a file of their own."""
    import tempfile
    from datetime import date

    from kiosk.usage import counts
    from kiosk.usage.report import read_days

    with tempfile.TemporaryDirectory(prefix="kiosk-usage-example-") as folder:
        path = Path(folder) / counts.FILE_NAME
        made_up = counts.UsageLog(path)
        counts.example_month(made_up, date.today(), kiosk.book.content.region_ids)
        made_up.close()
        try:
            kiosk.staff.open_insights(kiosk.region_names(), days=read_days(path, date.min))
            QApplication.processEvents()
            yield "staff/insights"
        finally:
            kiosk.staff.close()


def _open_every_screen(content_dir: Path) -> Iterator[tuple[str, Kiosk]]:
    """Yield (name, kiosk) with each screen shown and painted at tablet size."""
    # Read aloud: Qt's mock engine, never the machine's voice service, and loaded now so its
    # controls are in the screenshots and the self-test proves the engine loads.
    os.environ.setdefault("KIOSK_SPEECH_ENGINE", "mock")
    kiosk = build_kiosk(content_dir)
    kiosk.window.resize(*TABLET_SIZE)
    kiosk.window.show()
    kiosk.read_aloud.load_and_wait()
    # Nobody touches a tour: on a slow machine it outlasts the idle time, and "Still reading?"
    # would cover the screens photographed after it. Its own countdown screen is asked for.
    kiosk.idle.set_seconds(24 * 60 * 60)
    for name in every_screen(kiosk):
        yield name, kiosk
    kiosk.window.close()


def self_test(content_dir: Path, found: list[str] | None = None) -> int:
    """Open every screen offscreen; 0 only if each one rendered its real page (and nothing
    was ``found`` before: content errors in any language)."""
    from PySide6.QtGui import QFontInfo

    from kiosk.ui.look.typeface import FAMILY

    app = application(offscreen=True)
    failures = list(found or [])
    if QFontInfo(app.font()).family() != FAMILY:
        failures.append(f"the kiosk's typeface ({FAMILY}) did not load: text would not fit as tested")
    try:
        for name, kiosk in _open_every_screen(content_dir):
            screen = kiosk.router.screen
            if kiosk.window.grab().isNull():
                failures.append(f"{name}: could not be painted")
            view = screen.page_view() if screen is not None else None
            if view is not None and not view.available:
                reasons = "; ".join(str(p) for p in view.page.problems) or "no page"
                failures.append(f"{name}: shows the 'being updated' notice ({reasons})")
            if kiosk.router.current == HOME:
                failures.extend(_check_body_map(kiosk.home.body_map))
                narrator = kiosk.read_aloud.narrator
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
            for name, kiosk in _open_every_screen(content_dir):
                path = out_dir / f"{name}.png"
                path.parent.mkdir(parents=True, exist_ok=True)
                image = kiosk.window.grab().toImage()
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
