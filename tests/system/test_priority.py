"""The layout check's child, started while the kiosk runs, gives way to the screen: on Windows
below normal priority, elsewhere niced. Run in a process of its own (a test can't raise it back)."""

import subprocess
import sys


def test_a_process_that_gives_way_runs_below_normal_priority():
    code = ("from kiosk.system.priority import give_way, gives_way; "
            "before = gives_way(); give_way(); print(before, gives_way())")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.split() == ["False", "True"], result.stderr
