"""The review pack (issue 14): every page, in order, self-contained, with a sign-off block; and its PDF."""

import datetime
import re

import pytest

from kiosk.bodyart import load_art
from kiosk.check import content_files, fingerprint
from kiosk.pages import load_pages
from kiosk.reviewpack import build_pack, write_html
from tests.conftest import SHIPPED_CONTENT

MADE_ON = datetime.date(2026, 11, 30)


@pytest.fixture(scope="module")
def book():
    return load_pages(SHIPPED_CONTENT, load_art().region_ids)


@pytest.fixture(scope="module")
def pack(book):
    return build_pack(book, MADE_ON)


def test_every_page_is_in_the_pack_in_reading_order(book, pack):
    names = [name for name, _ in book.every_page()]
    labels = re.findall(r'<p class="label">(\d+)\. ([^<]+)</p>', pack.body)
    assert labels == [(str(i), name) for i, name in enumerate(names, 1)]
    assert {"en/calm/region-calves", "es/standard/walkthrough-foot-3", "es/calm/sources"} <= set(names)


def test_calm_and_standard_pages_differ_as_the_kiosk_shows_them(pack):
    sections = dict(re.findall(r'<p class="label">\d+\. ([^<]+)</p>\n(.*?)</div>', pack.body, re.S))
    feels = "region-calves-2"  # the needle paragraphs are on the tab "What the session feels like"
    assert "taps a needle in through a small tube" in sections[f"en/standard/{feels}"]
    assert "taps a needle in" not in sections[f"en/calm/{feels}"]
    assert "golpecito" in sections[f"es/standard/{feels}"] and "golpecito" not in sections[f"es/calm/{feels}"]


def test_the_html_file_is_self_contained(pack, tmp_path):
    html = write_html(pack, tmp_path / "pack").read_text(encoding="utf-8")
    sources = re.findall(r'src="([^"]+)"', html)
    assert sources and all(s.startswith("data:image/svg+xml;base64,") for s in sources)
    assert not re.search(r'(href|src)="(https?|file|asset|chart|qr):', html)
    assert html.count('class="page"') == len(re.findall(r'<p class="label">', html)) + 1  # and the sign-off


def test_the_sign_off_block_lists_every_file_with_its_fingerprint(book, pack):
    signoff = pack.body[pack.body.rindex('<div class="page">'):]
    ui = book.content.base.ui
    assert ui.pack_signoff in signoff and all(w in signoff for w in (ui.pack_name, ui.pack_date, ui.pack_signature))
    files = [(path, page) for language in book.content.languages.values()
             for path, page in content_files(book.content, language)]
    assert len(files) == 14
    for path, page in files:
        assert path.name in signoff and fingerprint(page) in signoff


def test_the_pdf_has_every_page(qapp, pack, tmp_path):
    from kiosk.ui.reviewpdf import write_pdf

    pdf = write_pdf(pack, tmp_path / "pack").read_bytes()
    assert pdf.startswith(b"%PDF-")
    printed = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert printed >= len(re.findall(r'<p class="label">', pack.body)) + 2  # the contents and the sign-off
