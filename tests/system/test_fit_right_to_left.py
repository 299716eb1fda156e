"""Every screen fits the tablet in a language read right to left (the right-to-left
pseudo-language, tests/support/pseudo.py), and a ui.yaml's direction is checked like any word."""

import os
import subprocess
import sys

import pytest

from kiosk.ui.offscreen.fit import check_fit, every_variant
from tests.support.content import edit, line_of
from tests.support.pseudo import RTL_PSEUDO, add_rtl_pseudo_language

EVERY_SCREEN = pytest.mark.skipif(sys.platform == "win32", reason="every screen laid out: under_wine.sh does it")


@pytest.mark.slow
@EVERY_SCREEN
def test_every_screen_fits_in_a_language_read_right_to_left(make_kiosk, content_copy):
    add_rtl_pseudo_language(content_copy)
    kiosk = make_kiosk(content_copy, speech=True)  # Read aloud's controls take room, as on a tablet with a voice
    variants = every_variant([RTL_PSEUDO])
    found = check_fit(kiosk, variants)
    # As strict as the shipped content: the same words, mirrored, fit as they do in English.
    assert [str(f) for f in found if f.error] == []


def test_a_direction_staff_mistyped_is_named_with_its_file_and_line(content_copy):
    path = content_copy / "lang" / "es" / "ui.yaml"
    edit(path, "direction: ltr", "direction: right to left")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "kiosk", "--check-content", str(content_copy), "--quick"],
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 1, result.stdout
    line = line_of(path, "direction:")
    [said] = [text for text in result.stdout.splitlines() if text.startswith(f"{path}:{line}: ")]
    assert "'direction' must be one of: ltr, rtl" in said and '"right to left"' in said
