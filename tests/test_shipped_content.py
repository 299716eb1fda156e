"""A linter for the content we ship: rules a careful reviewer would apply to every file, in every language."""

import re

import pytest

from kiosk.bodyart import load_art
from kiosk.content import Picture, parts
from kiosk.pages import load_pages
from tests.conftest import SHIPPED_CONTENT

MAX_WORDS = 25
OVERCLAIMS = {
    "en": r"\b(cure[sd]?|guarantee[sd]?|permanent(ly)?|always works|heals?|miracle)\b",
    "es": r"\b(cura[rn]?|garantiza\w*|permanente(mente)?|siempre funciona|milagro\w*)\b",
}
STOP = {"en": ("stop",), "es": ("parar", "detener", "pausa")}


@pytest.fixture(scope="module")
def book():
    return load_pages(SHIPPED_CONTENT, load_art().region_ids)


@pytest.fixture(scope="module", params=["en", "es"])
def language(book, request):
    return book.content.languages[request.param]


def all_text(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from all_text(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_text(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            if name not in ("file", "calm_file", "id"):
                yield from all_text(getattr(value, name))


def everything(language):
    return [language.ui, language.walkthrough, language.precautions, language.sources,
            *language.regions.values()]


def test_shipped_content_has_no_problems(book):
    assert book.content.problems == ()
    assert list(book.content.languages) == ["en", "es"]
    for name, page in book.every_page():
        assert page.html and not page.problems, name


def test_every_language_is_complete_not_borrowed(book):
    base = book.content.base
    spanish = book.content.languages["es"]
    assert spanish.name == "Español"
    for region_id, region in spanish.regions.items():
        assert region is not base.regions[region_id], f"es/{region_id} falls back to English"
    for page in ("walkthrough", "precautions", "sources"):
        assert getattr(spanish, page) is not getattr(base, page), f"es {page} falls back to English"
    assert spanish.walkthrough.step_ids() == base.walkthrough.step_ids()


def test_every_sentence_is_short(language):
    long = []
    for text in all_text(everything(language)):
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if len(sentence.split()) > MAX_WORDS and not sentence.count("(") > 0:
                long.append(sentence)
    assert long == []


def test_no_overclaiming_words(language):
    banned = re.compile(OVERCLAIMS[language.code], re.I)
    found = [t for item in everything(language) if item is not language.sources
             for t in all_text(item) if banned.search(t)]
    assert found == []


def test_every_region_says_what_it_cannot_do_and_that_you_can_stop(language):
    for region in language.regions.values():
        assert region.evidence.cannot
        words = " ".join(all_text(region.feels_like)).lower()
        assert any(w in words for w in STOP[language.code]), region.id


def test_it_band_benefit_is_never_claimed(language):
    for region in language.regions.values():
        for text in region.evidence.can + tuple(all_text(region.does_here)) + region.helps_with:
            assert "IT band" not in text and "iliotibial" not in text.lower()


def test_walkthrough_has_the_eight_steps_in_order(language):
    assert language.walkthrough.step_ids() == (
        "before", "couch", "needle", "twitch", "how_long", "afterwards", "next_72_hours", "call_the_clinic")
    assert [s.id for s in language.walkthrough.steps if s.chart] == ["next_72_hours"]


def test_every_picture_exists_and_has_alt_text(language):
    pictures = [p for p in parts(everything(language)) if isinstance(p, Picture)]
    assert pictures
    for picture in pictures:
        assert (SHIPPED_CONTENT / picture.file).is_file()  # shipped with the content (issue #15)
        assert len(picture.alt.split()) >= 3
        if picture.graphic:
            assert picture.calm_file and (SHIPPED_CONTENT / picture.calm_file).is_file()


def test_needle_picture_is_marked_graphic(language):
    needle = [s for s in language.walkthrough.steps if s.picture and "needle" in s.picture.file]
    assert needle and all(s.picture.graphic for s in needle)


def test_no_empty_sections(book):
    """A heading followed straight away by a heading of the same or a higher level has nothing under it."""
    heading = re.compile(r'<p class="h([123])">[^<]*</p>\s*(?=<p class="h([123])")')
    for name, page in book.every_page():
        for match in heading.finditer(page.html):
            assert int(match.group(2)) > int(match.group(1)), f"{name}: {match.group(0)}"
        assert not re.search(r"<(ul|p)[^>]*>\s*</\1>", page.html), name
