"""An upgrade keeps a clinic's edited words files; newer screens need words those files lack."""

from __future__ import annotations

import re

from kiosk.pages.book import load_pages
from kiosk.reading.bodyart import load_art
from kiosk.system.resources import bundled_content_dir


def drop_key(path, key):
    text = path.read_text(encoding="utf-8")
    kept = re.sub(rf"^{key}:.*\n(?:[ \t]+.*\n)*", "", text, flags=re.M)
    assert kept != text, f"{key} not found in {path}"
    path.write_text(kept, encoding="utf-8")


def test_an_older_spanish_ui_file_keeps_spanish_on_the_kiosk(content_copy):
    # A ui.yaml kept from before "Tap to start" existed: Spanish is still offered, the missing
    # words come from the shipped Spanish file, and staff are told which.
    drop_key(content_copy / "lang" / "es" / "ui.yaml", "tap_to_start")
    drop_key(content_copy / "ui.yaml", "map_hint")
    book = load_pages(content_copy, load_art().region_ids)
    content = book.content
    assert "es" in content.languages
    assert content.language("es").ui.tap_to_start == "Toca para empezar"
    assert content.language("en").ui.map_hint.startswith("Tap a coloured area")
    warnings = [str(p) for p in content.problems if p.warning and "is missing" in p.message]
    assert any("lang/es/ui.yaml" in w.replace("\\", "/") and "'tap_to_start'" in w for w in warnings), warnings
    assert any("'map_hint'" in w for w in warnings), warnings
    assert not [p for p in content.problems if not p.warning]


def test_the_shipped_folder_itself_needs_no_borrowed_words():
    book = load_pages(bundled_content_dir(), load_art().region_ids)
    assert not [p for p in book.content.problems if "is missing" in p.message]
