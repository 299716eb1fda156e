"""The review pack: every page, in order, self-contained, with a sign-off block; and its PDF."""

import datetime
import re

import pytest

from kiosk.checks.folder import content_files, fingerprint
from kiosk.checks.reviewpack import build_pack, write_html
from kiosk.pages.book import load_pages
from kiosk.reading.bodyart import load_art
from tests.support.content import SHIPPED_CONTENT

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
    from kiosk.ui.offscreen.reviewpdf import write_pdf

    pdf = write_pdf(pack, tmp_path / "pack").read_bytes()
    assert pdf.startswith(b"%PDF-")
    printed = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert printed >= len(re.findall(r'<p class="label">', pack.body)) + 2  # the contents and the sign-off


def section(pack, name):
    """One kiosk page of the pack, with what the pack adds beneath it."""
    found = re.search(rf'<p class="label">\d+\. {re.escape(name)}</p>\n(.*?)(?=<div class="page">|$)', pack.body, re.S)
    assert found, name
    return found.group(1)


def test_each_page_shows_the_sources_behind_it(book, pack):
    """Under each page, what backs that page: the evidence tab its studies, the soreness tab its own."""
    does, soreness = section(pack, "en/standard/region-calves"), section(pack, "en/standard/region-calves-3")
    assert book.content.base.ui.pack_sources in does
    assert "Lucena-Anton D" in does and "Singh A" in does and "Martín-Pintado-Zugasti A, Mayoral" not in does
    assert "Martín-Pintado-Zugasti A, Mayoral" in soreness and "Lucena-Anton D" not in soreness
    assert "Cotchett MP" in section(pack, "en/calm/region-foot") and "Cotchett MP" not in does
    assert "Boyce D" in section(pack, "en/standard/walkthrough-general-8")
    assert "Muñoz M" in section(pack, "es/standard/precautions")
    spanish = section(pack, "es/standard/region-calves")
    assert "Fuentes en las que se basa esta página" not in spanish  # the pack is in the clinic's language...
    assert "Según una revisión de 12 estudios" in spanish  # ...and each page's sources in that page's
    assert "En 12 estudios, la punción pudo ayudar" in spanish


def test_a_citations_doubts_are_in_the_pack_never_on_the_patients_page(book, pack):
    notes = section(pack, "en/standard/sources")
    assert "Journal and year not confirmed" in notes and "The end page (517) is not confirmed" in notes
    assert "La revista y el año no están confirmados" in section(pack, "es/standard/sources")
    for name, page in book.every_page():
        assert "not confirmed" not in page.html and "no están confirmados" not in page.html, name


def test_a_page_that_names_no_sources_says_so_in_the_pack(content_copy):
    from tests.support.content import edit

    edit(content_copy / "precautions.yaml",
         "sources: [munoz-2022, apta-2013, ahpcsa-bn121, jenkins-2024, clinic-practice]\n", "")
    book = load_pages(content_copy, load_art().region_ids)
    pack = build_pack(book, MADE_ON)
    assert book.content.base.ui.pack_no_sources in section(pack, "en/standard/precautions")
    assert "Muñoz M" not in section(pack, "es/standard/precautions")  # Spanish follows the English file
