"""Files are found the same way from the source tree and from the packaged build."""

import importlib.resources
import sys
import zipfile

import pytest

from kiosk.checks.child import Checked
from kiosk.system import resources
from tests.support.content import REPO


def test_from_source_everything_comes_from_the_package_in_the_checkout():
    assert not resources.is_frozen()
    assert resources.bundle_dir() == resources.app_dir() == REPO / "kiosk"
    assert resources.default_content_dir() == resources.bundled_content_dir() == REPO / "kiosk" / "content"
    assert resources.asset_path("bodymap.svg") == REPO / "kiosk" / "assets" / "bodymap.svg"
    assert resources.asset_path("bodymap.svg").is_file()


def test_unpackaged_a_content_folder_around_the_package_is_not_used(monkeypatch, tmp_path):
    """Installed from a wheel, the folder around the package is site-packages: its content is not ours."""
    site_packages = tmp_path / "site-packages"
    (site_packages / "kiosk" / "content").mkdir(parents=True)
    (site_packages / "content").mkdir()
    monkeypatch.setattr(resources, "_package_dir", lambda: site_packages / "kiosk")
    assert resources.default_content_dir() == site_packages / "kiosk" / "content"
    assert resources.asset_path("fonts/OFL.txt") == site_packages / "kiosk" / "assets" / "fonts" / "OFL.txt"


def test_a_kiosk_read_from_an_archive_is_refused_with_a_reason(monkeypatch, tmp_path):
    """Qt and Jinja need real files: a zipped package gets a message, not a baffling failure later."""
    archive = tmp_path / "kiosk.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("kiosk/__init__.py", "")
    monkeypatch.setattr(importlib.resources, "files", lambda package: zipfile.Path(archive, "kiosk/"))
    with pytest.raises(RuntimeError, match="installed as a folder"):
        resources._package_dir.__wrapped__()  # the cached answer is the real package's


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
    monkeypatch.setattr("kiosk.checks.child.check_in_child",
                        lambda folder: Checked(()) if seen.setdefault("folder", folder) else None)
    assert cli.main(["--content", str(chosen), "--check-content", "--quick"]) == 0
    assert seen["folder"] == chosen


@pytest.mark.parametrize("name", ["../kiosk/cli.py", "/etc/passwd", "C:\\Windows\\win.ini", "a/../../b.svg"])
def test_asset_paths_cannot_leave_the_assets_folder(name):
    with pytest.raises(ValueError):
        resources.asset_path(name)
