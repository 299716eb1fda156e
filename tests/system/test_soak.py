"""A short soak: the real kiosk window driven through a few hundred random actions.

The long version is ``python -m bench.soak --actions 10000``; this one runs in CI, in the
test process, and checks only what a shared machine can judge reliably: nothing crashed,
nothing went unhandled, the actions really happened, and the edited content was put back.
Memory and time are left to the bench.

The actions are the soak's (``bench.soak``), all real input, run by its Hypothesis state
machine (``bench.soak.machine``): a run that goes wrong shrinks to a short sequence of steps,
printed as the falsifying example with each step's action. Derandomized and without a
database, the run is the same every time.
"""

import shutil
import traceback

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from bench.session import kiosk_application
from bench.soak.counts import Action, Happening
from bench.soak.machine import KioskMachine, Totals
from kiosk.settings.values import Settings
from kiosk.visit.screens import ScreenKind
from tests.support.content import SHIPPED_CONTENT

# One window, 240 actions: the long run explores; this one must be quick and the same every
# time, and Hypothesis' part is to shrink a failure to the steps that matter. (Each window costs
# the kiosk's own timers too: a 3 s hold for the staff corner, an idle wait, content reloads.)
EXAMPLES = 1
STEPS = 240
IDLE_SECONDS, COUNTDOWN_SECONDS = 1.0, 1  # the kiosk's own timers, short: the soak waits for them

# Hypothesis shrinks a failing run for up to 5 minutes (each try a new window): let it finish.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def soaked(qapp, tmp_path_factory):
    """Run the machine once for the module; what went wrong (or None), the counts, and the content folders."""
    content = shutil.copytree(SHIPPED_CONTENT, tmp_path_factory.mktemp("soak") / "content")
    # The soak edits its own copy; keep a second, untouched copy to compare with afterwards.
    reference = shutil.copytree(SHIPPED_CONTENT, tmp_path_factory.mktemp("reference") / "content")
    totals = Totals()
    kiosk_settings = Settings(idle_seconds=IDLE_SECONDS, countdown_seconds=COUNTDOWN_SECONDS)
    failure = None
    with kiosk_application() as app:
        try:
            run_state_machine_as_test(
                lambda: KioskMachine(app, content, kiosk_settings, totals),
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
    events, actions = totals.events, totals.actions
    summary = f"actions {_words(actions)}\nhappenings {_words(events)}"
    assert actions.total() >= EXAMPLES * STEPS, summary
    # Not required: a swipe that turns a page. Whether one comes depends on the random path (a few
    # swipes in 240 actions, some at the last step or too short); real swipes turning pages are
    # proven in tests/journeys/test_keyboard_and_touch.py and tests/screens/test_region_pages.py.
    for happening in (Happening.REGION_OPENED, Happening.BODY_MAP_TAP_OPENED_REGION, Happening.WALKTHROUGH_OPENED,
                      Happening.SCROLL, Happening.KEY, Happening.TOUCH_TAP,
                      Happening.LANGUAGE_SWITCH, Happening.CALM_TOGGLE, Happening.GOOD_EDIT, Happening.BAD_EDIT,
                      Happening.FILE_RESTORED, Happening.CONTENT_REFUSED, Happening.CONTENT_SWAPPED_IN,
                      Happening.IDLE_COUNTDOWN, Happening.PIN_PAD):
        assert events[happening] >= 1, f"no {happening.value!r} in {actions.total()} actions:\n{summary}"
    assert events[Happening.WATCHER_RELOAD] >= 2, summary
    assert events[Happening.KEPT_READING] + events[Happening.COUNTDOWN_EXPIRED] >= 1, summary
    assert actions[Action.BUTTON_TAP] >= actions.total() // 10, summary
    assert {ScreenKind.HOME, ScreenKind.REGION, ScreenKind.WALKTHROUGH} <= set(totals.screens), summary


def _words(counted):
    """Counts by their words, as the soak's report gives them."""
    return {key.value: n for key, n in counted.items()}


def test_the_edited_content_folder_was_put_back(soaked):
    _, _, content, reference = soaked

    def files(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert files(content) == files(reference)
