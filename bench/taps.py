"""The tap driver that ``bench.instructions`` counts under callgrind.

    python -m bench.taps N

Starts the kiosk, opens every region once and comes back (so the region screens are made and
kept, as when a patient walks up), then taps N regions on the body map and Back N times: real
clicks at the real coordinates, each waited for until painted while blocked in the event loop.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QPoint, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from bench.interactions import Interactions


def drive(taps: int) -> int:
    from kiosk.settings.values import Settings
    from kiosk.system.resources import default_content_dir
    from kiosk.ui.app import application

    app = application(offscreen=True)
    bench = Interactions(app, default_content_dir(), Settings(idle_seconds=3600))
    kiosk = bench.kiosk
    regions = kiosk.book.content.region_ids
    waker = QTimer(interval=50)  # never blocked for long if a paint never comes
    waker.start()

    def tap(find: Callable[[], tuple[QWidget, QPoint | None]], done: Callable[[], bool]) -> None:
        bench.frames.start()
        bench.tap(*find())
        while not (done() and bench.frames.saw(kiosk.router.screen)):
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    def region_and_back(region_id: str) -> None:
        tap(lambda: bench.finder.region_point(region_id), lambda: kiosk.router.current.region == region_id)
        tap(lambda: (bench.finder.button(name="backButton"), None), lambda: kiosk.router.current.region is None)

    for region_id in regions:  # made and kept, as when a patient walks up
        region_and_back(region_id)
    QTest.qWait(200)
    for i in range(taps):
        region_and_back(regions[i % len(regions)])
    bench.stop()
    return 0


if __name__ == "__main__":
    sys.exit(drive(int(sys.argv[1])))
