"""`pip install .` gives a working kiosk: the wheel carries the content and the assets, and the
installed kiosk finds them in its own package, whatever folder it is started from.

The wheel is built from a copy of the checkout (so no earlier build/ leftovers go in, and the
checkout gets no build/ or .egg-info), installed NON-editable into a new virtual environment,
and run from another folder. Nothing is downloaded: the build uses this environment's
setuptools, and the new environment reaches this one's dependencies through a .pth file.
"""

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.support.content import REPO

pytestmark = pytest.mark.slow

WINDOWS = sys.platform == "win32"
# Left out of the copy the wheel is built from: environments, earlier builds, caches, git.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache")
TEMPLATES = ["base.html.j2", "precautions.html.j2", "region-page.html.j2", "sources.html.j2", "step.html.j2"]
FONTS = [f"AtkinsonHyperlegible-{style}.ttf" for style in ("Regular", "Bold", "Italic", "BoldItalic")]


def run(*command, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, cwd=cwd, env=env,
                            timeout=300)
    assert result.returncode == 0, f"{command}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = Path(shutil.copytree(REPO, work / "source", ignore=NOT_SOURCE))
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
        "--disable-pip-version-check", "-w", work / "out", ".", cwd=source)
    wheels = sorted((work / "out").glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A new virtual environment with the wheel installed in it (not editable); its folder."""
    if importlib.util.find_spec("venv") is None:
        # The Windows embeddable CPython (the one the Wine run uses) has no venv module.
        pytest.skip("this Python has no venv module to make a new environment with")
    venv = tmp_path_factory.mktemp("installed") / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=venv.parent)
    python = venv_python(venv)
    # This environment's pip installs into the new one: the new one needs no pip of its own.
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
        "--disable-pip-version-check", wheel, cwd=venv.parent)
    # The dependencies (Qt, Jinja, ...) are this environment's, reached without a download.
    site_packages = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                        cwd=venv.parent).stdout.strip()
    here = sysconfig.get_paths()
    dependencies = dict.fromkeys([here["purelib"], here["platlib"]])
    Path(site_packages, "kiosk-test-dependencies.pth").write_text("\n".join(dependencies) + "\n", encoding="utf-8")
    return venv


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts" if WINDOWS else "bin") / ("python.exe" if WINDOWS else "python")


def installed_env() -> dict:
    """The kiosk's environment: offscreen, and nothing pointing it back at the checkout."""
    env = {name: value for name, value in os.environ.items()
           if name not in ("PYTHONPATH", "PYTHONHOME", "QT_QPA_FONTDIR")}  # conftest sets the font folder
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def is_inside(path: str | Path, folder: Path) -> bool:
    return Path(folder).resolve() in Path(path).resolve().parents


def test_the_wheel_carries_the_content_and_assets_and_no_tests(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kiosk/content/clinic.yaml" in names
    assert {f"kiosk/content/templates/{name}" for name in TEMPLATES} <= names
    assert "kiosk/assets/bodymap.svg" in names
    assert {f"kiosk/assets/fonts/{name}" for name in [*FONTS, "OFL.txt"]} <= names
    assert "kiosk/assets/kiosk.ico" in names
    # Every file in the two folders, whatever its type, and only those.
    shipped = {path.relative_to(REPO).as_posix()
               for folder in (REPO / "kiosk" / "content", REPO / "kiosk" / "assets")
               for path in folder.rglob("*")
               if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)}
    assert {name for name in names if name.startswith(("kiosk/content/", "kiosk/assets/"))} == shipped
    strays = [name for name in names
              if name.startswith("tests/") or "/tests/" in name or "__pycache__" in name or name.endswith(".pyc")]
    assert strays == []


def test_the_installed_kiosk_passes_its_self_test_from_another_folder(installed, tmp_path):
    kiosk = installed / ("Scripts" if WINDOWS else "bin") / ("kiosk.exe" if WINDOWS else "kiosk")
    assert kiosk.is_file()
    result = subprocess.run([str(kiosk), "--self-test"], capture_output=True, text=True, cwd=tmp_path,
                            env=installed_env(), timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "self-test: ok"
    assert result.stderr == ""


def test_the_installed_kiosk_reads_its_own_content_and_assets(installed, tmp_path):
    probe = ("import kiosk\nfrom kiosk.system.resources import asset_path, default_content_dir\n"
             "print(kiosk.__file__)\nprint(default_content_dir())\nprint(asset_path('fonts/OFL.txt'))\n")
    module, content, licence = run(venv_python(installed), "-c", probe, cwd=tmp_path,
                                   env=installed_env()).stdout.splitlines()
    for path in (module, content, licence):
        assert is_inside(path, installed), f"{path} is not in the new environment {installed}"
        assert not is_inside(path, REPO)
    assert Path(content, "clinic.yaml").is_file()
    assert Path(licence).is_file()

    # With every screen laid out on Linux, from the installed package; under Wine that takes
    # minutes, and the installed Windows build does it in packaging/windows/under_wine.sh.
    quick = ["--quick"] if WINDOWS else []
    result = run(venv_python(installed), "-m", "kiosk", "--check-content", *quick, cwd=tmp_path, env=installed_env())
    verdict = result.stdout.splitlines()[-1]  # after the unsigned-content warnings
    assert verdict.startswith("content OK")
    checked = Path(tmp_path, verdict.split(":", 1)[1].strip())  # printed relative to tmp_path, if it can be
    assert is_inside(checked, installed), result.stdout
