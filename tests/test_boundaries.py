"""The content model and rendering stay free of Qt, so they run (and --check-content runs) anywhere."""

import subprocess
import sys

from tests.conftest import REPO


def test_content_rendering_and_checking_import_no_qt():
    code = (
        "import sys, kiosk.content, kiosk.render, kiosk.pages, kiosk.check, kiosk.bodyart, kiosk.cli\n"
        "qt = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_only_kiosk_ui_imports_qt():
    offenders = [p.relative_to(REPO) for p in (REPO / "kiosk").rglob("*.py")
                 if "PySide6" in p.read_text(encoding="utf-8") and "ui" not in p.relative_to(REPO).parts]
    assert offenders == []
