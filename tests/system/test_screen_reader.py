"""What a screen reader gets: the running kiosk's accessibility tree over AT-SPI (Linux).

Needs Xvfb, a D-Bus session, the AT-SPI bus and the system Python's pyatspi (.ci/run
installs them); skipped only where those can't be had.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.content import REPO

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def _missing() -> str | None:
    if not sys.platform.startswith("linux"):
        return "AT-SPI is the Linux accessibility bus"
    for tool in ("Xvfb", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not Path(BUS_LAUNCHER).exists():
        return "at-spi2-core is not installed"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    if probe.returncode != 0:
        return "the system Python has no pyatspi (python3-pyatspi)"
    return None


pytestmark = [pytest.mark.slow, pytest.mark.skipif(_missing() is not None, reason=str(_missing()))]

SCRIPT = r"""
set -u
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY="$display"
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
"$BUS_LAUNCHER" --launch-immediately >/dev/null 2>&1 &
bus=$!
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_QPA_PLATFORM=xcb "$KIOSK_PYTHON" -m kiosk --windowed --config "$SETTINGS" \
    >"$KIOSK_LOG" 2>&1 &
kiosk=$!
"$SYSTEM_PYTHON" "$PROBE" "$MAP_NAME"
status=$?
kill $kiosk $bus $xvfb 2>/dev/null
wait 2>/dev/null
exit $status
"""


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    """What the probe saw in one running kiosk: the body map, then the calves screen it opened."""
    tmp_path = tmp_path_factory.mktemp("screen-reader")
    env = {**os.environ, "BUS_LAUNCHER": BUS_LAUNCHER, "KIOSK_PYTHON": sys.executable,
           "SYSTEM_PYTHON": SYSTEM_PYTHON, "PROBE": str(REPO / "tests" / "support" / "a11y_probe.py"),
           "SETTINGS": str(tmp_path / "settings.yaml"), "KIOSK_LOG": str(tmp_path / "kiosk.log"),
           "MAP_NAME": "Tap the part of your leg that bothers you"}
    env.pop("QT_QPA_PLATFORM", None)
    run = subprocess.run(["dbus-run-session", "--", "bash", "-c", SCRIPT], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=120)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no answer from the probe:\n{run.stdout}\n{run.stderr}\n{(tmp_path / 'kiosk.log').read_text()}"
    return json.loads(lines[-1])


def test_the_body_map_regions_are_buttons_a_screen_reader_can_press(seen):
    assert seen["app"] == "Dry needling kiosk"
    assert seen["map_found"], "the body map is announced by its purpose"
    assert sorted(seen["regions"]) == ["Calves and shins", "Foot", "Hamstrings", "Quads"]
    assert all(any(a.lower() == "press" for a in actions) for actions in seen["regions"].values())
    assert seen["opened"], "pressing 'Calves and shins' through AT-SPI opened the calves screen"
    assert seen["window_title"].startswith("Calves"), "the new screen is announced by name"


def test_region_tabs_are_heard_as_page_tabs_with_the_shown_one_selected(seen):
    titles = ["What dry needling does here", "What the session feels like", "What soreness to expect",
              "What can help"]
    tabs = [t for t in seen["tabs"] if t["name"] in titles]
    assert [t["name"] for t in tabs] == titles, seen["tabs"]
    assert all(t["role"] == "page tab" and t["parent_role"] == "page tab list" for t in tabs), tabs
    assert [t["selected"] for t in tabs] == [True, False, False, False]
    assert not any(t["checked"] for t in tabs), "a tab is not a check box"
