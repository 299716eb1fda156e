"""The kiosk's command line run as staff and the build run it: a separate process, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.content import REPO


def kiosk_command(*args: object, cwd: Path = REPO, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m kiosk ARGS``, its output as text; ``env`` added to the environment."""
    return subprocess.run([sys.executable, "-m", "kiosk", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
                          timeout=300)  # --check-content's fit check has 180 s in its child
