"""The long seeded run: thousands of actions on one window, memory sampled as it goes."""

from __future__ import annotations

import gc
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bench.memory import rss_bytes
from bench.session import kiosk_application
from bench.soak.counts import Happening
from bench.soak.driver import Driver
from bench.soak.report import SoakReport
from bench.stats import mb


def run_soak(actions: int, seed: int = 1, idle_seconds: float = 2.0, countdown_seconds: int = 2,
             *, warmup: int = 300, sample_every: int = 50, max_growth_mb: float = 10.0,
             work_dir: Path | None = None, progress: Callable[[str], None] | None = None,
             checkpoint: Callable[[SoakReport], None] | None = None) -> SoakReport:
    """Drive the real kiosk window through ``actions`` seeded random actions; return what happened.

    ``work_dir`` gets the private content copy (a temporary folder by default).
    ``progress(line)`` is told how it goes every 1000 actions; ``checkpoint(report)`` gets the
    report so far at every memory sample (the supervisor keeps it in case the process dies).
    Reuses a running QApplication if there is one, and puts back everything it changes in the
    process: the excepthook, the Qt message handler, logging and the font.
    """
    from kiosk.settings.values import Settings
    from kiosk.system.resources import default_content_dir

    report = SoakReport(requested=actions, seed=seed, max_growth_mb=max_growth_mb,
                        warmup=max(0, min(warmup, actions // 2)))
    rng = random.Random(seed)
    with kiosk_application() as app, tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp:
        content = Path(shutil.copytree(default_content_dir(), Path(work_dir or tmp) / "content"))
        driver = Driver(app, content, Settings(idle_seconds=idle_seconds, countdown_seconds=countdown_seconds),
                        report)
        start = time.perf_counter()
        try:
            driver.start()
            samples = [rss_bytes()]
            report.rss_start_mb = mb(samples[0], 2)
            for i in range(1, actions + 1):
                one_action(driver, i, rng)
                report.actions = i
                if not driver.alive():
                    break  # already counted as a crash
                if i % sample_every == 0:
                    driver.settle()
                    gc.collect()
                    samples.append(rss_bytes())
                    report.rss_peak_mb = mb(max(samples), 2)
                    if i > report.warmup:
                        report.rss_samples_mb.append(mb(samples[-1], 2))
                        report.refs_to_true_end = sys.getrefcount(True)
                        report.refs_to_true_baseline = report.refs_to_true_baseline or report.refs_to_true_end
                    if checkpoint:
                        driver.fill(report)
                        checkpoint(report)
                if progress and i % 1000 == 0:
                    progress(f"soak: {i}/{actions} actions, rss {mb(rss_bytes(), 2):.1f} MB, "
                             f"crashes {report.crashes}, unhandled {report.unhandled}")
            finish(driver, report)
            report.rss_peak_mb = mb(max(samples + [rss_bytes()]), 2)
        finally:
            report.seconds = round(time.perf_counter() - start, 2)
            driver.stop()
            driver.fill(report)
    return report


def one_action(driver: Driver, i: int, rng: random.Random) -> None:
    """Choose and do one action; what it raises, or leaves broken, is a crash, and the window recovers."""
    where, action = driver.screen_name, "choosing an action"
    try:
        chosen = driver.choose(rng)
        action = chosen.value
        driver.do(chosen, rng)
    except Exception as exc:  # noqa: BLE001 - an action raised out of the driver: a crash
        driver.crash(f"action {i} ({action}) on {where} raised {type(exc).__name__}: {exc}", traceback.format_exc())
    else:
        problem = driver.check()
        if problem is None:
            return
        driver.crash(f"after action {i} ({action}) on {where}: {problem}")
    if driver.alive():
        driver.recover()


def finish(driver: Driver, report: SoakReport) -> None:
    """Put every file back, let the kiosk take the original content through its watcher, go home."""
    driver.state.doing = "the final restore and reload"
    reloads, outstanding = driver.events[Happening.WATCHER_RELOAD], bool(driver.editor.outstanding)
    driver.editor.restore_all()
    if driver.check() is None:
        try:
            if outstanding and not driver.wait(5.0, lambda: driver.events[Happening.WATCHER_RELOAD] > reloads):
                report.reload_mismatches.append("the folder watcher did not reload the restored content in 5 s")
            driver.actions.go_home(random.Random(0))
            driver.settle()
        except Exception as exc:  # noqa: BLE001
            driver.crash(f"the final reload raised {type(exc).__name__}: {exc}", traceback.format_exc())
    report.content_restored = driver.editor.is_restored()
    report.summarise_memory()
    report.finished = True
    if report.refs_to_true_baseline:
        gc.collect()
        report.refs_to_true_end = sys.getrefcount(True)
