import os
import shutil
import tempfile
from pathlib import Path

import pytest

from kiosk.ui.look.typeface import prepare_qt_environment
from tests.support.fakes import FakeClock
from tests.support.pins import PIN

# Set before the QApplication is made: the tests run without a display, on CI and on desktops
# alike, with the kiosk's own fonts (on Windows the offscreen platform has no others).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
prepare_qt_environment(offscreen=True)
# Read aloud speaks through Qt's deterministic mock engine in tests, never the machine's voice
# (tests/journeys/test_read_aloud.py starts its own speech-dispatcher for the one real-voice test).
os.environ["KIOSK_SPEECH_ENGINE"] = "mock"

# Tests never touch the real user's settings and log folders: every per-user folder the kiosk
# asks platformdirs for (XDG on Linux, known folders on Windows) is one temporary folder, for
# this process and the kiosks it starts.
USER_FOLDERS = Path(tempfile.mkdtemp(prefix="kiosk-tests-user-"))
for variable in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[variable] = str(USER_FOLDERS / variable.lower())
# The machine-wide settings (machine.ini) too: /etc/xdg on Linux, ProgramData on Windows.
os.environ["XDG_CONFIG_DIRS"] = str(USER_FOLDERS / "xdg_config_dirs")
for folder in ("APPDATA", "LOCAL_APPDATA", "COMMON_APPDATA"):
    os.environ[f"WIN_PD_OVERRIDE_{folder}"] = str(USER_FOLDERS / folder.lower())

from tests.support.content import REPO, SHIPPED_CONTENT, copy_content  # noqa: E402,F401


def pytest_unconfigure(config):
    shutil.rmtree(USER_FOLDERS, ignore_errors=True)


def pytest_configure(config):
    """Qt warnings fail tests (pyproject.toml), except the kiosk's own list of harmless ones."""
    import re

    from kiosk.ui.app import HARMLESS_QT_MESSAGES

    for message in HARMLESS_QT_MESSAGES:
        config.addinivalue_line("qt_log_ignore", re.escape(message))


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, with the kiosk's typeface loaded as the kiosk loads it."""
    from kiosk.ui.look.typeface import load_typeface

    assert load_typeface(), "the kiosk's typeface did not load"
    return qapp


@pytest.fixture(scope="session")
def fast_pin() -> str:
    """A real salted hash of ``tests.support.pins.PIN``, made once for the run."""
    from kiosk.settings.pin import hash_pin

    return hash_pin(PIN)


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A private copy of the shipped content that a test may break."""
    return copy_content(tmp_path)


@pytest.fixture
def fake_clock() -> FakeClock:
    """Time the test moves on itself (``advance``): for the PIN's lock and the kiosk's timers."""
    return FakeClock()


@pytest.fixture
def make_kiosk(qtbot, qapp):
    """The real kiosk at tablet size, shown offscreen (``tests.support.kiosk.open_kiosk``)."""
    from kiosk.ui.look.theme import app_font
    from tests.support.kiosk import close_kiosk, open_kiosk

    qapp.setFont(app_font())
    made = []  # pytest-qt holds widgets weakly; keep them alive for the whole test

    def make(content: Path = SHIPPED_CONTENT, settings=None, **options):
        kiosk = open_kiosk(qtbot, content, settings, **options)
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        close_kiosk(kiosk)
