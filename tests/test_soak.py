"""A short soak: the real kiosk window driven through a few hundred random actions.

The long version is ``python bench/soak.py --actions 10000``; this one runs in CI, in the
test process, and checks only what a shared machine can judge reliably: nothing crashed,
nothing went unhandled, the actions really happened, and the edited content was put back.
Memory and time are left to the bench.

The actions are bench/soak.py's, all real input, run by a Hypothesis state machine: a run
that goes wrong shrinks to a short sequence of steps, printed as the falsifying example with
each step's action. Derandomized and without a database, the run is the same every time.
"""

import importlib.util
import random
import shutil
import sys
import traceback
from collections import Counter

import pytest
from hypothesis import HealthCheck, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from tests.conftest import REPO, SHIPPED_CONTENT

# One window, 240 actions: the long run explores; this one must be quick and the same every
# time, and Hypothesis' part is to shrink a failure to the steps that matter. (Each window costs
# the kiosk's own timers too: a 3 s hold for the staff corner, an idle wait, content reloads.)
EXAMPLES = 1
STEPS = 240
IDLE_SECONDS, COUNTDOWN_SECONDS = 1.0, 1  # the kiosk's own timers, short: the soak waits for them


def _load_soak():
    """bench/ is a folder of scripts, not a package: load soak.py by its path."""
    if "kiosk_bench_soak" not in sys.modules:
        spec = importlib.util.spec_from_file_location("kiosk_bench_soak", REPO / "bench" / "soak.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up here
        spec.loader.exec_module(module)
    return sys.modules["kiosk_bench_soak"]


soak = _load_soak()
# Hypothesis shrinks a failing run for up to 5 minutes (each try a new window): let it finish.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


class KioskMachine(RuleBasedStateMachine):
    """Each example is a new kiosk window; each step one of the soak's actions on it.

    One rule, not one per action: Hypothesis chooses among rules evenly and switches a random
    half of them off in each example (swarm testing), and a run this short then missed whole
    kinds of action. Each step's seed picks the action as the long run does (weighted, with
    every kind brought in early) and drives that action's own random choices; a failing
    example notes each step's action just before the step.
    """

    def __init__(self, app, content, totals: dict[str, Counter]):
        super().__init__()
        from kiosk.settings import Settings

        self.totals = totals
        self.waited: set[str] = set()
        self.driver = soak.Driver(app, content, Settings(idle_seconds=IDLE_SECONDS,
                                                         countdown_seconds=COUNTDOWN_SECONDS)).start()

    @rule(seed=st.integers(0, 2**32 - 1))
    def step(self, seed):
        # With the step's number: Hypothesis' first example, every seed 0, is a random walk too.
        number = self.driver.by_type.total() + 1
        rng = random.Random(f"step {number}, seed {seed}")
        action = self.driver.choose(rng, leave_out=self.waited)
        note(f"step {number}: {action} on {self.driver.screen_name}")
        if action in soak.Driver.SLOW:  # the kiosk's own timers cost real seconds: once a window
            self.waited.add(action)
        self.driver.do(action, rng)

    @invariant()
    def nothing_went_wrong(self):
        driver, report = self.driver, self.driver.report
        assert driver.check() is None, driver.check()
        assert report.crashes == 0, "\n\n".join(report.crash_details)
        assert report.unhandled == 0, "\n\n".join(report.unhandled_tracebacks)
        assert report.qt_critical == 0, report.qt_critical_messages
        assert report.logged_exceptions == 0, "\n\n".join(report.logged_exception_tracebacks)
        assert report.reload_mismatches == [], report.reload_mismatches

    def teardown(self):
        self.driver.stop()
        self.totals["events"].update(self.driver.events)
        self.totals["actions"].update(self.driver.by_type)
        self.totals["screens"].update(self.driver.by_screen)


@pytest.fixture(scope="module")
def soaked(qapp, tmp_path_factory):
    """Run the machine once for the module; what went wrong (or None), the counts, and the content folders."""
    content = shutil.copytree(SHIPPED_CONTENT, tmp_path_factory.mktemp("soak") / "content")
    # The soak edits its own copy; keep a second, untouched copy to compare with afterwards.
    reference = shutil.copytree(SHIPPED_CONTENT, tmp_path_factory.mktemp("reference") / "content")
    totals = {"events": Counter(), "actions": Counter(), "screens": Counter()}
    failure = None
    with soak.kiosk_application() as app:
        try:
            run_state_machine_as_test(
                lambda: KioskMachine(app, content, totals),
                settings=settings(max_examples=EXAMPLES, stateful_step_count=STEPS, derandomize=True,
                                  database=None, deadline=None, print_blob=False,
                                  suppress_health_check=list(HealthCheck)))
        except Exception:  # noqa: BLE001 - the first test shows it, with Hypothesis' shrunk steps
            failure = traceback.format_exc()
    return failure, totals, content, reference


def test_random_use_never_crashes_or_leaves_an_exception_unhandled(soaked):
    failure, _, _, _ = soaked
    assert failure is None, failure


def test_the_soak_really_did_each_kind_of_thing(soaked):
    _, totals, _, _ = soaked
    events, actions = totals["events"], totals["actions"]
    summary = f"actions {dict(actions)}\nhappenings {dict(events)}"
    assert actions.total() >= EXAMPLES * STEPS, summary
    for happening in ("regions opened", "body map taps that opened a region", "walkthroughs opened",
                      "swipes that turned a page", "scrolls", "keys", "touch taps", "language switches",
                      "calm mode toggles", "good content edits", "bad content edits", "content files restored",
                      "content refused", "content swapped in", "idle countdowns", "staff pin pads"):
        assert events[happening] >= 1, f"no {happening!r} in {actions.total()} actions:\n{summary}"
    assert events["watcher reloads"] >= 2, summary
    assert events["idle: keep reading"] + events["idle: expired"] >= 1, summary
    assert actions["button_tap"] >= actions.total() // 10, summary
    assert {"home", "region", "walkthrough"} <= set(totals["screens"]), summary


def test_the_edited_content_folder_was_put_back(soaked):
    _, _, content, reference = soaked

    def files(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert files(content) == files(reference)
