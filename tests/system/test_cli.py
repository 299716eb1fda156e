"""The command line as staff and the build use it: separate processes, real exit codes."""

import shutil

import pytest

from tests.support.commands import kiosk_command as kiosk
from tests.support.content import REPO

pytestmark = pytest.mark.slow




def test_check_content_passes_on_shipped_content():
    result = kiosk("--check-content", "--quick")  # the report; every screen's fit: tests/system/test_fit.py
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("content OK")
    # The example clinic's phone number and web address are still in clinic.yaml, first; and nobody
    # has signed the example content: one line says so for all 14 page files, honestly.
    example = [line for line in lines[:2] if "clinic.yaml:" in line and "is still the example's" in line]
    assert len(example) == 2 and len(lines) == 4, lines
    assert ": warning: 14 pages not yet checked by a clinician: " in lines[2]


BREAKAGES = {
    "syntax error": ("name: Calves and shins", "name: Calves and shins\n  - broken: [",
                     ":4: this line can't be read as YAML"),
    "missing key": ("name: Calves and shins\n", "", ":3: 'name' is missing"),
    "wrong type": ("{hours: 6, level: 4}", "{hours: 6, level: soon}",
                   "'soreness.curve[2].level' must be a number, got \"soon\""),
    "duplicate key": ("name: Calves and shins\n", "name: Calves and shins\nname: Calf\n",
                      ":4: 'name' is written twice"),
    "unknown key": ("name: Calves and shins\n", "name: Calves and shins\ncolour: red\n",
                    ":4: 'colour' is not a name this file uses"),
}


@pytest.mark.parametrize("kind", BREAKAGES)
def test_check_content_reports_each_breakage_with_file_and_line(kind, content_copy):
    old, new, expected = BREAKAGES[kind]
    path = content_copy / "regions" / "calves.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = kiosk("--check-content", content_copy)
    assert result.returncode == 1
    assert f"{path}:" in result.stdout and expected in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("data, expected", [
    (b"", ":1: the file is empty"),
    (b"name: Calves \xff\n", ":1: this file is not saved as UTF-8 text"),
])
def test_check_content_reports_empty_and_non_utf8_files(data, expected, content_copy):
    (content_copy / "regions" / "calves.yaml").write_bytes(data)
    result = kiosk("--check-content", content_copy)
    assert result.returncode == 1
    assert expected in result.stdout
    assert "Traceback" not in result.stderr


def test_check_content_of_a_missing_folder(tmp_path):
    result = kiosk("--check-content", tmp_path / "nowhere")
    assert result.returncode == 1
    assert "this content folder does not exist" in result.stdout


def test_self_test_passes_on_shipped_content():
    result = kiosk("--self-test")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "self-test: ok"
    assert result.stderr == ""


def test_self_test_fails_when_a_region_is_broken(content_copy):
    (content_copy / "regions" / "foot.yaml").write_text("name: [", encoding="utf-8")
    result = kiosk("--self-test", "--content", content_copy)
    assert result.returncode == 1
    assert "en/standard/region-foot: shows the 'being updated' notice" in result.stderr
    assert "Traceback" not in result.stderr


def test_screenshot_saves_home_and_every_region(tmp_path):
    from PySide6.QtGui import QImage

    result = kiosk("--screenshot", tmp_path / "shots")
    assert result.returncode == 0, result.stderr
    shots = tmp_path / "shots"
    for lang in ("en", "es"):
        for mode in ("standard", "calm"):
            names = {p.name for p in (shots / lang / mode).iterdir()}
            assert {"home.png", "region-calves.png", "region-foot.png", "region-hamstrings.png",
                    "region-quads.png", "precautions.png", "sources.png"} <= names
            assert {f"walkthrough-{r}-{i}.png" for r in ("general", "calves", "foot") for i in range(1, 9)} <= names
    image = QImage(str(shots / "en" / "standard" / "home.png"))
    assert (image.width(), image.height()) == (1280, 800)


def test_missing_body_map_art_is_a_clear_message(tmp_path):
    """A damaged install (art deleted) explains itself instead of crashing."""
    copy = tmp_path / "repo"
    shutil.copytree(REPO / "kiosk", copy / "kiosk", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.rmtree(copy / "kiosk" / "assets")
    result = kiosk("--self-test", cwd=copy)
    assert result.returncode == 1
    assert "the body map picture" in result.stderr and "can't be read" in result.stderr
    assert "Traceback" not in result.stderr


def test_exit_after_first_paint_starts_and_exits_cleanly():
    result = kiosk("--windowed", "--exit-after-first-paint")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_the_tests_keep_out_of_the_real_users_folders():
    from kiosk.settings.values import default_path, log_dir
    from tests.conftest import USER_FOLDERS

    assert USER_FOLDERS in default_path().parents
    assert USER_FOLDERS in log_dir().parents


def test_export_pages_writes_the_review_pack(tmp_path):
    """From source, as staff run it; the lead checks the packaged build the same way."""
    result = kiosk("--export-pages", tmp_path / "pack")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    html = (tmp_path / "pack" / "review-pack.html").read_text(encoding="utf-8")
    assert "Calves and shins — What the session feels like" in html and "data:image/svg+xml" in html
    assert (tmp_path / "pack" / "review-pack.pdf").read_bytes().startswith(b"%PDF-")


def test_export_pages_into_a_folder_it_cannot_write_says_so(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = kiosk("--export-pages", blocker / "pack")
    assert result.returncode == 1
    assert "can't write the review pack" in result.stderr and "Traceback" not in result.stderr


def test_quick_checks_the_words_and_not_the_layout(content_copy):
    from tests.support.content import add_long_spanish_tip

    add_long_spanish_tip(content_copy)  # no longer fits one screen: only the full check says so
    result = kiosk("--check-content", content_copy, "--quick")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "needs scrolling" not in result.stdout and result.stdout.splitlines()[-1].startswith("content OK")
    alone = kiosk("--quick")
    assert alone.returncode == 2 and "--quick goes with --check-content" in alone.stderr
