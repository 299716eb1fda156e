"""The bench's helpers work, and start-up's deferred work still happens. Nothing here is timed:
``python -m bench.run`` measures; these tests only check that what it measures is really there."""

import json
import os
import subprocess
import sys

import pytest

from bench import instructions, interactions
from bench.results import Absent, BenchReport, Timed, summarise
from bench.table import verdict
from bench.targets import Interaction
from tests.support.content import REPO, SHIPPED_CONTENT


def test_a_summary_is_the_median_and_the_nearest_rank_99th_percentile():
    times = [float(n) for n in range(1, 201)]  # 1..200 ms
    summary = summarise(times)
    assert isinstance(summary, Timed)
    assert summary.count == 200
    assert summary.median == 100.5
    assert summary.p99 == 198.0  # 198 of the 200 are at or below it
    assert summary.first == 1.0


def test_the_verdict_names_the_gap_or_says_met():
    assert verdict(Timed(count=1, median=9.0, p99=20.0, max=20.0, first=9.0)) == "met"
    assert verdict(Timed(count=1, median=20.0, p99=40.0, max=40.0, first=20.0)) == "gap: median +4.0 ms, p99 +7.0 ms"
    assert verdict(Absent("no tabs")) == "not present"
    assert summarise([], missing="no tabs") == Absent("no tabs")


@pytest.mark.slow
def test_every_interaction_is_found_and_painted_through_real_input(qapp, monkeypatch):
    """One of each, on the real window: each control is found as a finger finds it, the input
    reaches it, and the screen or overlay it brings is painted. Only region tabs may be absent
    (they arrive with another branch)."""
    from kiosk.settings.values import Settings

    monkeypatch.setattr(interactions, "REST_S", 0.0)  # nothing here is timed: no need to rest
    monkeypatch.setattr(interactions, "REST_AFTER_REBUILD_S", 0.0)
    bench = interactions.Interactions(qapp, SHIPPED_CONTENT, Settings(idle_seconds=3600))
    try:
        results = bench.measure_all(1)
    finally:
        bench.stop()
    names = [name for names, _ in bench.interactions() for name in names]
    assert list(results) == names
    missing = {name: r.not_present for name, r in results.items() if isinstance(r, Absent)}
    assert set(missing) <= {Interaction.REGION_TAB}, missing
    for name, result in results.items():
        if name not in missing:
            assert isinstance(result, Timed) and result.count == 1 and result.median > 0, name


def test_instruction_counts_are_skipped_with_a_reason_without_valgrind(monkeypatch):
    monkeypatch.setattr(instructions.shutil, "which", lambda name: None)
    counted = instructions.counts({}, SHIPPED_CONTENT, "")
    assert isinstance(counted, instructions.InstructionsSkipped)
    assert "valgrind not found" in counted.skipped


def test_the_results_file_reads_back_as_it_was_written():
    """bench/results.json, the last full run's, in the shape the bench writes today."""
    written = json.loads((REPO / "bench" / "results.json").read_text(encoding="utf-8"))
    report = BenchReport.from_json(written)
    assert report.to_json() == written
    assert report.kiosk.interactive.interactions[Interaction.TAP_REGION].count == 100


@pytest.mark.slow
def test_start_up_leaves_the_tour_the_folder_watch_and_the_log_file_until_after_the_first_paint(tmp_path):
    """The screens only the self-test and screenshots need aren't imported to start the kiosk;
    the content folder is watched, and the log file opened, once home is painted; and what was
    logged before then still reaches the log file."""
    from kiosk import __version__
    from kiosk.settings.values import log_dir

    log_file = log_dir() / "kiosk.log"
    log_file.unlink(missing_ok=True)
    config = tmp_path / "settings.yaml"
    config.write_text("idle_seconds: 90\n", encoding="utf-8")
    code = (
        "import sys\n"
        "import kiosk.ui.wiring as wiring\n"
        "from PySide6.QtWidgets import QApplication\n"
        "made = []\n"
        "real = wiring.watch_content\n"
        "wiring.watch_content = lambda *a: (made.append(1), real(*a), QApplication.instance().quit())\n"
        "from kiosk.cli import main\n"
        f"code = main(['--windowed', '--config', {str(config)!r}])\n"
        "print(code, 'kiosk.ui.offscreen.tour' in sys.modules, len(made))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "False", "1"], done.stdout + done.stderr
    logged = log_file.read_text(encoding="utf-8")
    assert f"kiosk {__version__} starting" in logged and f"log in {log_file}" in logged
    assert logged.index("starting") < logged.index("log in")
