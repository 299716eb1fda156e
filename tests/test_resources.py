"""Files are found the same way from the source tree and from the packaged build."""

import sys

import pytest

from kiosk import resources
from tests.conftest import REPO


def test_from_source_everything_comes_from_the_checkout():
    assert not resources.is_frozen()
    assert resources.default_content_dir() == REPO / "content"
    assert resources.asset_path("bodymap.svg") == REPO / "assets" / "bodymap.svg"
    assert resources.asset_path("bodymap.svg").is_file()


@pytest.fixture
def frozen(tmp_path, monkeypatch):
    """Pretend to be a PyInstaller one-folder build laid out like dist/kiosk/."""
    app = tmp_path / "kiosk"
    internal = app / "_internal"
    (internal / "content" / "regions").mkdir(parents=True)
    (internal / "assets").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "kiosk.exe"))
    return app


def test_frozen_without_a_content_folder_beside_it_uses_the_bundled_one(frozen):
    assert resources.is_frozen()
    assert resources.default_content_dir() == frozen / "_internal" / "content"
    assert resources.asset_path("bodymap.svg") == frozen / "_internal" / "assets" / "bodymap.svg"


def test_frozen_content_folder_beside_the_executable_wins(frozen):
    (frozen / "content").mkdir()
    assert resources.default_content_dir() == frozen / "content"
    assert resources.bundled_content_dir() == frozen / "_internal" / "content"


def test_content_flag_wins_over_both(frozen, tmp_path, monkeypatch):
    from kiosk import cli

    (frozen / "content").mkdir()
    chosen = tmp_path / "clinic-content"
    chosen.mkdir()
    seen = {}
    monkeypatch.setattr("kiosk.check.check_content", lambda folder: seen.setdefault("folder", folder) and [])
    assert cli.main(["--content", str(chosen), "--check-content"]) == 0
    assert seen["folder"] == chosen


@pytest.mark.parametrize("name", ["../kiosk/cli.py", "/etc/passwd", "C:\\Windows\\win.ini", "a/../../b.svg"])
def test_asset_paths_cannot_leave_the_assets_folder(name):
    with pytest.raises(ValueError):
        resources.asset_path(name)
