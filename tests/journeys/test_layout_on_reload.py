"""Staff edit the content while the kiosk runs: once the new words are found good, every screen
is laid out in a child process, and what no longer fits the tablet is in the staff menu's problems."""

import sys

import pytest

from kiosk.settings.values import Settings
from kiosk.ui.updates.watcher import ContentWatcher
from tests.support.content import add_long_spanish_tip

# Every screen laid out in a child takes minutes under Wine; the installed build's layout check
# runs there (packaging/windows/under_wine.sh).
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="every screen laid out: under_wine.sh does it")]


def test_the_content_in_use_is_laid_out_once_the_kiosk_watches_its_folder(make_kiosk, content_copy):
    from kiosk.ui.wiring import watch_content

    kiosk = make_kiosk(content_copy, settings=Settings())
    assert not kiosk.arrival.layout_check.running
    watch_content(kiosk, content_copy)  # as the app does once home is painted
    assert kiosk.arrival.layout_check.running, "a folder edited while the kiosk was off is checked too"


def test_a_long_spanish_tip_saved_while_the_kiosk_runs_is_named_for_staff(make_kiosk, qtbot, content_copy):
    kiosk = make_kiosk(content_copy, settings=Settings())
    ContentWatcher(content_copy, kiosk).changed.connect(kiosk.reload_content)
    assert not kiosk.staff.needs_a_look()
    with qtbot.waitSignal(kiosk.arrival.layoutChecked, timeout=240_000):
        path = add_long_spanish_tip(content_copy)
    [line] = [str(p) for p in kiosk.arrival.problems if str(path) in str(p) and "needs scrolling" in str(p)]
    assert "Español, normal text" in line
    assert "'Qué puede ayudar' tab of Pantorrillas y espinillas needs scrolling: about " in line
    assert kiosk.staff.needs_a_look() and kiosk.staff_corner.marker.isVisible(), "staff are shown there is a problem"
    assert not kiosk.arrival.layout_check.running, "no child left behind"
