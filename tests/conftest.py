import os

# Set before anything imports Qt: the tests run without a display, on CI and on desktops alike.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHIPPED_CONTENT = REPO / "content"


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A private copy of the shipped content that a test may break."""
    return Path(shutil.copytree(SHIPPED_CONTENT, tmp_path / "content"))


@pytest.fixture
def make_window(qtbot, qapp):
    """The real kiosk window at tablet size, shown offscreen."""
    from kiosk.ui.app import build_window
    from kiosk.ui.theme import app_font

    qapp.setFont(app_font())
    windows = []  # pytest-qt holds widgets weakly; keep them alive for the whole test

    def make(content_dir: Path = SHIPPED_CONTENT, size=(1280, 800)):
        window = build_window(content_dir)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    return make

