"""What the bench measures on one real window, in its own child process: every interaction, the
processor while home waits, every screen's memory, and memory over thousands of navigations."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from bench.interactions import Interactions
from bench.memory import peak_rss_bytes, rss_bytes
from bench.results import EveryScreen, InteractiveResult, Navigations
from bench.stats import mb

ROUTE_LENGTH = 9  # the navigations in one of route()'s walks


def measure_interactive(reps: int, navs: int) -> InteractiveResult:
    from kiosk.settings.values import Settings
    from kiosk.system.resources import default_content_dir
    from kiosk.ui.app import application
    from kiosk.ui.offscreen.tour import every_screen

    app = application(offscreen=True)
    began = time.perf_counter()
    # Idle reset as long as it goes: thousands of taps must not be cut short by the attract screen
    # (the idle reset is measured on its own, its timers standing in).
    bench = Interactions(app, default_content_dir(), Settings(idle_seconds=3600))
    kiosk = bench.kiosk
    QTest.qWaitForWindowExposed(kiosk.window)
    app.processEvents()
    built = time.perf_counter() - began
    # A patient walks up a few seconds later, not in the first millisecond: let the kiosk
    # finish what it does while home waits (it makes the region screens ahead).
    QTest.qWait(1500)

    settle = bench.session.settle
    interactions = bench.measure_all(reps, lambda s: print(s, file=sys.stderr, flush=True))
    settle()

    # Waiting at home with nobody there, as it does most of the day: the processor should rest.
    QTest.qWait(1000)
    cpu_began, wall_began = time.process_time(), time.perf_counter()
    QTest.qWait(5000)
    idle_cpu = (time.process_time() - cpu_began) / (time.perf_counter() - wall_began)

    # Every screen, every language and mode: what the kiosk holds after a day of patients.
    began = time.perf_counter()
    screens = 0
    for _ in every_screen(kiosk):
        # As the event loop would between taps: screens let go of are deleted.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        screens += 1
    every_screen_s = time.perf_counter() - began
    kiosk.reset_visit()
    settle()
    gc.collect()
    after_every_screen = rss_bytes()

    # Growth: the routes patients take, by tap, thousands of times.
    regions = kiosk.book.content.region_ids

    def navigate(count: int) -> int:
        """At least ``count`` navigations, in whole routes (each starts and ends at home)."""
        done = 0
        while done < count:
            for step in route(bench, regions[(done // ROUTE_LENGTH) % len(regions)]):
                step()
                done += 1
        return done

    warmup = min(500, navs // 5)
    navigate(warmup)
    settle()
    gc.collect()
    before = rss_bytes()
    navs = navigate(navs)
    settle()
    gc.collect()
    after = rss_bytes()
    bench.stop()
    return InteractiveResult(
        window_built_s=built, interactions=interactions, reps=reps, idle_cpu_percent=round(idle_cpu * 100, 2),
        every_screen=EveryScreen(screens=screens, seconds=every_screen_s, rss_mb=mb(after_every_screen),
                                 peak_mb=mb(peak_rss_bytes())),
        navigations=Navigations(count=navs, warmup=warmup, rss_before_mb=mb(before), rss_after_mb=mb(after),
                                growth_mb=round(mb(after) - mb(before), 1), peak_mb=mb(peak_rss_bytes())))


def route(bench: Interactions, region_id: str) -> Iterator[Callable[[], None]]:
    """A patient's walk by tap from home and back: the region, its walkthrough, its precautions.
    Each control is found when its step is taken, in the words of the language shown then."""
    def tap(find: Callable[[], tuple[QWidget, QPoint | None]]) -> Callable[[], None]:
        def act() -> None:
            widget, pos = find()
            bench.tap(widget, pos)

        def step() -> None:
            bench.timed(act, lambda: True)
        return step

    yield tap(lambda: bench.finder.region_point(region_id))
    yield tap(lambda: (bench.finder.button(words=bench.ui.walkthrough_button), None))
    yield tap(lambda: (bench.finder.button(words=bench.ui.next_button), None))
    yield tap(lambda: (bench.finder.button(words=bench.ui.next_button), None))
    yield tap(lambda: (bench.finder.button(name="backButton"), None))  # the walkthrough's Home
    yield tap(lambda: bench.finder.region_point(region_id))
    yield tap(lambda: (bench.finder.button(words=bench.ui.precautions_button), None))
    yield tap(lambda: (bench.finder.button(name="backButton"), None))  # to the region
    yield tap(lambda: (bench.finder.button(name="backButton"), None))  # home
