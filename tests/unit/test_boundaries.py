"""The content model and rendering stay free of Qt, so they run (and --check-content runs) anywhere."""

import subprocess
import sys

from tests.support.content import REPO


def test_content_rendering_and_checking_import_no_qt():
    code = (
        "import sys, kiosk.model.content, kiosk.pages.render, kiosk.pages.book, kiosk.checks.folder\n"
        "import kiosk.reading.bodyart, kiosk.cli\n"
        "qt = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_all_content_loads_renders_and_checks_with_qt_unimportable():
    # Not a text search for "PySide6" (a lazy import inside a function would pass it): the real
    # work, run where Qt can't be imported at all. pyproject.toml's import-linter contract
    # holds the same line for every import statement, run in CI.
    code = """
import sys

class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6") or name.startswith("kiosk.ui"):
            raise ImportError(f"{name} is blocked: the content model and rendering must not need it")

sys.meta_path.insert(0, NoQt())
from kiosk.reading.bodyart import load_art
from kiosk.checks.folder import check_content
from kiosk.pages.book import load_pages
from kiosk.system.resources import bundled_content_dir

folder = bundled_content_dir()
book = load_pages(folder, load_art().region_ids)
pages = dict(book.every_page())
shown = [name for name, page in pages.items() if page.html]
assert len(shown) == len(pages) > 100, (len(shown), len(pages))
assert [p for p in check_content(folder) if not p.warning] == []
print(len(pages), "pages")
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("pages")
