"""A short soak: the real kiosk window driven through a few hundred random actions.

The long version is ``python bench/soak.py --actions 10000``; this one runs in CI, in the
test process, and checks only what a shared machine can judge reliably: nothing crashed,
nothing went unhandled, the actions really happened, and the edited content was put back.
Memory and time are left to the bench.
"""

import importlib.util
import shutil
import sys

import pytest

from tests.conftest import REPO, SHIPPED_CONTENT

ACTIONS = 400
SEED = 7


def _load_soak():
    """bench/ is a folder of scripts, not a package: load soak.py by its path."""
    if "kiosk_bench_soak" not in sys.modules:
        spec = importlib.util.spec_from_file_location("kiosk_bench_soak", REPO / "bench" / "soak.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up here
        spec.loader.exec_module(module)
    return sys.modules["kiosk_bench_soak"]


@pytest.fixture(scope="module")
def soak(qapp, tmp_path_factory):
    work = tmp_path_factory.mktemp("soak")
    # The soak edits its own copy; keep a second, untouched copy to compare with afterwards.
    reference = shutil.copytree(SHIPPED_CONTENT, tmp_path_factory.mktemp("reference") / "content")
    report = _load_soak().run_soak(actions=ACTIONS, seed=SEED, work_dir=work)
    return report, work / "content", reference


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_random_use_never_crashes_or_leaves_an_exception_unhandled(soak):
    report, _, _ = soak
    assert report.actions == ACTIONS, report.format()
    assert report.crashes == 0, "\n\n".join(report.crash_details)
    assert report.unhandled == 0, "\n\n".join(report.unhandled_tracebacks)
    assert report.qt_critical == 0, report.qt_critical_messages
    assert report.logged_exceptions == 0, "\n\n".join(report.logged_exception_tracebacks)
    assert report.reload_mismatches == [], report.reload_mismatches


@pytest.mark.slow
def test_the_soak_really_did_each_kind_of_thing(soak):
    report, _, _ = soak
    events = report.events
    for happening in ("regions opened", "body map taps that opened a region", "walkthroughs opened",
                      "swipes that turned a page", "scrolls", "language switches", "calm mode toggles",
                      "good content edits", "bad content edits", "content files restored", "content refused",
                      "content swapped in", "idle countdowns", "staff pin pads"):
        assert events.get(happening, 0) >= 1, f"no {happening!r} in {ACTIONS} actions:\n{report.format()}"
    assert events.get("direct reloads", 0) + events.get("watcher reloads", 0) >= 2
    assert events.get("idle: keep reading", 0) + events.get("idle: expired", 0) >= 1
    assert report.actions_by_type.get("button_tap", 0) >= ACTIONS // 10
    assert {"home", "region", "walkthrough"} <= set(report.actions_by_screen)


@pytest.mark.slow
def test_the_edited_content_folder_was_put_back(soak):
    report, content, reference = soak
    assert report.content_restored
    assert _files(content) == _files(reference)
