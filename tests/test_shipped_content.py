"""A linter for the content we ship: rules a careful reviewer would apply to every file."""

import re

import pytest

from kiosk.bodyart import load_art
from kiosk.pages import load_pages
from tests.conftest import SHIPPED_CONTENT

MAX_WORDS = 25


@pytest.fixture(scope="module")
def shipped():
    return load_pages(SHIPPED_CONTENT, load_art().region_ids)


def all_text(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from all_text(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from all_text(getattr(value, name))


def test_shipped_content_has_no_problems(shipped):
    content, pages = shipped
    assert content.problems == ()
    assert set(content.regions) == {"quads", "hamstrings", "calves", "foot"}
    assert all(page.html and not page.problems for page in pages.values())


def test_every_sentence_is_short(shipped):
    content, _ = shipped
    long = []
    for region in content.regions.values():
        for text in all_text(region):
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if len(sentence.split()) > MAX_WORDS:
                    long.append(f"{region.id}: {sentence}")
    assert long == []


def test_no_overclaiming_words(shipped):
    """The evidence supports short-term relief as part of a plan; never a cure or a guarantee."""
    content, _ = shipped
    banned = re.compile(r"\b(cure[sd]?|guarantee[sd]?|permanent(ly)?|always works|heals?|miracle)\b", re.I)
    found = [(r.id, t) for r in content.regions.values() for t in all_text(r) if banned.search(t)]
    assert found == []


def test_every_region_says_what_it_cannot_do_and_that_you_can_stop(shipped):
    content, _ = shipped
    for region in content.regions.values():
        assert region.evidence.cannot
        assert any("stop" in p.lower() for p in region.feels_like.paragraphs), region.id


def test_it_band_benefit_is_never_claimed(shipped):
    content, _ = shipped
    for region in content.regions.values():
        for text in region.evidence.can + region.does_here + region.helps_with:
            assert "IT band" not in text, "no trial found for the IT band"
