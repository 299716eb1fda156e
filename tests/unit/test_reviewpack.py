"""The review pack a clinician signs: one section per screen in staff words, flowing pages, the
sources behind each screen, a table to sign under each, and the kiosk's typeface; as HTML and PDF.

Most tests read what the real export writes (``kiosk --export-pages``, a separate process)."""

import base64
import datetime
import re
import sys
from collections import Counter
from html import unescape

import pytest

from kiosk.checks.folder import content_files, fingerprint
from kiosk.checks.packscreens import pack_screens
from kiosk.checks.reviewpack import CHANGED_COLOUR, MAX_PICTURE, build_pack
from kiosk.checks.sources import page_sources
from kiosk.pages.book import load_pages
from kiosk.reading.bodyart import load_art
from kiosk.system.resources import asset_path
from kiosk.visit.screens import ScreenKind
from tests.support.commands import kiosk_command as kiosk
from tests.support.content import SHIPPED_CONTENT

MADE_ON = datetime.date(2026, 11, 30)
VERSION = r'<p class="version"><a name="[^"]+"></a>([^<]+)</p>'  # above each language's page


@pytest.fixture(scope="module")
def book():
    return load_pages(SHIPPED_CONTENT, load_art().region_ids)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pack")
    result = kiosk("--export-pages", folder)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return folder


@pytest.fixture(scope="module")
def html(exported):
    return (exported / "review-pack.html").read_text(encoding="utf-8")


def sections(html):
    """{heading: the section's HTML up to the next heading}, in order."""
    parts = re.split(r'<p class="screen-title">', html)[1:]
    found = {}
    for part in parts:
        heading, _, rest = part.partition("</p>")
        found[unescape(re.sub(r"<[^>]+>", "", heading))] = rest
    return found


def text(fragment):
    return unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_one_section_per_screen_headed_in_staff_words(book, html):
    headings = list(sections(html))
    screens = list(pack_screens(book))
    assert headings == [s.title for s in screens] + ["The sources list", "Sign-off"]
    assert len(screens) == 4 * 4 + 5 * 8 + 2  # 4 regions of 4 tabs, 5 walkthroughs of 8 steps, precautions, sources
    assert {"Calves and shins — What the session feels like", "Foot — What soreness to expect",
            "General walkthrough, step 3 of 8: The needle", "Calves and shins walkthrough, step 3 of 8: The needle",
            "Tell your therapist first if...", "Where this comes from"} <= set(headings)
    for internal in ("en/standard/", "es/calm/", "/calm/", "region-quads", "region-calves", "walkthrough-general",
                     "walkthrough-foot-", "facts sheet"):
        assert internal not in html, internal


def test_each_language_follows_the_other_and_calm_words_only_where_they_differ(html):
    found = sections(html)
    feels = found["Calves and shins — What the session feels like"]
    labels = re.findall(VERSION, feels)
    calm = "calm mode (needle pictures hidden, gentler words; what it changes is highlighted)"
    assert labels == ["English", f"English, {calm}", "Español", f"Español, {calm}"]
    english, english_calm, spanish, spanish_calm = re.split(VERSION, feels)[2::2]
    assert "taps a needle in through a small tube" in english and "taps a needle in" not in english_calm
    assert "golpecito" in spanish and "golpecito" not in spanish_calm
    # What calm mode changes is highlighted; what it keeps is not.
    marked = re.findall(rf'<p style="background-color: {CHANGED_COLOUR}"[^>]*>([^<]+)</p>', english_calm)
    assert marked and all(line not in english for line in marked)
    assert any("small tube to guide" in line for line in marked)
    kept = "Each needle stays in for a few seconds up to a few minutes."
    assert kept in english_calm and not any(kept in line for line in marked)
    # The first tab names no needle: calm mode shows the same words, so the pack shows them once per language.
    does = found["Calves and shins — What dry needling does here"]
    assert re.findall(VERSION, does) == ["English", "Español"]
    # A region's step that adds nothing to the general one says so instead of repeating it.
    assert "The same words and pictures as the general walkthrough, step 1." in found[
        "Foot walkthrough, step 1 of 8: Before we start"]
    assert 'class="version"' not in found["Foot walkthrough, step 1 of 8: Before we start"]
    assert 'class="version"' in found["Foot walkthrough, step 2 of 8: Getting comfortable"]


def test_every_screen_shows_the_sources_it_rests_on_and_the_list_has_them_all(book, html):
    found = sections(html)
    base_sources = book.content.base.sources.sources
    number = {s.id: n for n, s in enumerate(base_sources, 1)}
    for screen in pack_screens(book):
        section = found[screen.title]
        if screen.same_as or screen.screen.kind is ScreenKind.SOURCES:
            continue
        named = {n.id for lang in book.content.languages for n in page_sources(book, lang, screen.screen)}
        assert named, screen.title  # every shipped screen names what backs it
        for source_id in named:
            source = book.content.base.sources.by_id(source_id)
            assert f"[{number[source_id]}] {source.supports.text}" in text(section), (screen.title, source_id)
    calves = text(found["Calves and shins — What dry needling does here"])
    assert "Lucena-Anton D" in calves and "Martín-Pintado-Zugasti A" not in calves
    assert "Martín-Pintado-Zugasti A" in text(found["Calves and shins — What soreness to expect"])
    listed = text(found["The sources list"])
    for source in base_sources:
        assert source.reference in listed and (source.note is None or source.note in listed)
    assert "La revista y el año no están confirmados" in listed  # the Spanish file's own notes too
    assert "the sources list at the end of the pack" in text(html[:html.index('class="screen-title"')])


def test_a_citations_doubts_are_in_the_pack_never_on_the_patients_page(book, html):
    assert "Journal and year not confirmed" in text(sections(html)["The sources list"])
    for name, page in book.every_page():
        assert "not confirmed" not in page.html and "no están confirmados" not in page.html, name


def test_a_table_to_sign_under_every_screen_and_the_whole_pack_signed_with_a_review_by_date(book, html):
    found = sections(html)
    for screen in pack_screens(book):
        if not screen.same_as:
            table = re.search(r'<table class="sign"[^>]*>(.*?)</table>', found[screen.title], re.S)
            assert table and re.findall(r"<b>([^<]+)</b>", table.group(1)) == ["Checked by", "Date", "Signature"]
    signoff = found["Sign-off"]
    for word in ("Name", "Role", "Date", "Signature", "Review again by"):
        assert f"<b>{word}</b>" in signoff
    files = [(path, page) for language in book.content.languages.values()
             for path, page in content_files(book.content, language)]
    assert len(files) == 14
    for path, page in files:
        assert path.name in signoff and fingerprint(page) in signoff


def test_the_html_is_self_contained_in_the_kiosks_typeface_with_pictures_at_fixed_sizes(html):
    sources = re.findall(r'src="([^"]+)"', html)
    assert sources and all(s.startswith("data:image/svg+xml;base64,") for s in sources)
    assert not re.search(r'(href|src)="(https?|file|asset|chart|qr):', html)
    assert 'font-family: "Atkinson Hyperlegible"' in html
    faces = re.findall(r'@font-face \{[^}]*url\("data:font/ttf;base64,([^"]+)"\)', html)
    assert len(faces) == 4
    assert base64.b64decode(faces[0]) == asset_path("fonts/AtkinsonHyperlegible-Regular.ttf").read_bytes()
    for tag in re.findall(r"<img\b[^>]*>", html):  # a size of its own, never floated over the next section
        width, height = (int(re.search(rf'{side}="(\d+)"', tag).group(1)) for side in ("width", "height"))
        assert 0 < width <= MAX_PICTURE[0] and 0 < height <= MAX_PICTURE[1], tag
        assert "align=" not in tag, tag


def test_the_pdf_flows_onto_few_full_pages_in_the_kiosks_typeface(qapp, book, exported, html):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor
    from PySide6.QtPdf import QPdfDocument

    pdf = (exported / "review-pack.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert 20 < pages < 120  # 58 screens in 2 languages, not one printed page (or more) each
    assert b"/FontFile2" in pdf and b"/BaseFont /AtkinsonHyperlegible-Regular" in pdf
    if under_wine():
        pytest.skip("Qt's PDF reader (PDFium) stops the whole process under Wine; on Windows itself it runs")
    document = QPdfDocument()
    document.load(str(exported / "review-pack.pdf"))
    assert document.pageCount() == pages
    used = []
    for page in range(pages):  # how far down each page its last line of ink is
        image = document.render(page, QSize(60, 85))  # the margins stay transparent
        pixels = {(x, y): QColor.fromRgba(image.pixel(x, y)) for x in range(60) for y in range(85)}
        paper = Counter(c.name() for c in pixels.values() if c.alpha()).most_common(1)[0][0]
        ink = [y for (x, y), c in pixels.items() if c.alpha() and abs(c.lightness() - QColor(paper).lightness()) > 40]
        used.append(max(ink, default=0) / 85)
    assert all(share > 0.4 for share in used[:-1]), used  # no page left nearly empty but the last
    printed = " ".join(" ".join(document.getAllText(page).text() for page in range(pages)).split())
    for heading in [s.title for s in pack_screens(book)] + ["The sources list", "Review again by"]:
        assert heading in printed, heading  # all of it printed, to the last line
    assert printed.count("Sources behind this page:") == html.count("Sources behind this page:")


def under_wine() -> bool:
    """Windows as Wine gives it: its ntdll says so."""
    if sys.platform != "win32":
        return False
    import ctypes

    return hasattr(ctypes.windll.ntdll, "wine_get_version")


def section_of(pack, heading):
    return sections(pack.document(inline_images=False))[heading]


def test_a_page_that_names_no_sources_says_so_in_the_pack(content_copy):
    from tests.support.content import edit

    edit(content_copy / "precautions.yaml",
         "sources: [munoz-2022, apta-2013, ahpcsa-bn121, jenkins-2024, clinic-practice]\n", "")
    book = load_pages(content_copy, load_art().region_ids)
    precautions = section_of(build_pack(book, MADE_ON), "Tell your therapist first if...")
    assert book.content.base.ui.pack_no_sources in precautions
    assert "Muñoz M" not in precautions  # Spanish follows the English file


def test_a_translation_shown_in_english_is_still_one_section(content_copy):
    """A Spanish page missing is shown in English with a note, as the kiosk shows it; still under its one heading."""
    (content_copy / "lang" / "es" / "regions" / "foot.yaml").unlink()
    book = load_pages(content_copy, load_art().region_ids)
    foot = section_of(build_pack(book, MADE_ON), "Foot — What dry needling does here")
    spanish = re.split(VERSION, foot)[4]
    assert book.content.language("es").ui.not_translated in spanish
