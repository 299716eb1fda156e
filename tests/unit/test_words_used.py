"""Every word in the words files is a word the kiosk knows and uses: each key of ui.yaml and
staff.yaml (every language) is a field of UiText or StaffText, and each field is read by a screen,
a template or the code around them. A word added to one place and forgotten in another fails here."""

import re
from dataclasses import fields

import pytest
import yaml

from kiosk.model.words import StaffText, UiText
from tests.support.content import REPO, SHIPPED_CONTENT

KINDS = {"ui.yaml": UiText, "staff.yaml": StaffText}
# In the words files since the first content, shown nowhere: calm mode replaces a needle picture
# rather than saying it hid one. Kept (a clinic's ui.yaml may have it) until someone decides to show
# or drop it; a new word can't join this list. (language_heading now names the walkthrough's
# language buttons to screen readers.)
NOT_SHOWN_YET = {"picture_hidden"}


def words_files(name):
    return [SHIPPED_CONTENT / name, *sorted(SHIPPED_CONTENT.glob(f"lang/*/{name}"))]


def uses() -> str:
    """Every place a word can be read from: the kiosk's code, the clinic's templates, and the content
    files that name a word (region-pages.yaml names its tabs' titles)."""
    code = [path.read_text(encoding="utf-8") for path in (REPO / "kiosk").rglob("*.py")
            if path.name != "words.py"]
    templates = [path.read_text(encoding="utf-8") for path in (SHIPPED_CONTENT / "templates").rglob("*.j2")]
    naming = [path.read_text(encoding="utf-8") for path in SHIPPED_CONTENT.glob("*.yaml") if path.name not in KINDS]
    return "\n".join(code + templates + naming)


@pytest.mark.parametrize("name", KINDS)
def test_every_key_of_the_words_files_is_a_word_the_kiosk_knows(name):
    known = {field.name for field in fields(KINDS[name])}
    for path in words_files(name):
        if not path.exists():
            continue
        keys = set(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
        assert keys <= known, f"{path.relative_to(REPO)}: {sorted(keys - known)}"


@pytest.mark.parametrize("kind", KINDS.values(), ids=lambda kind: kind.__name__)
def test_every_word_is_used_by_a_screen_or_a_template(kind):
    text = uses()
    unused = {field.name for field in fields(kind)
              if not re.search(rf"\.{field.name}\b|['\"]{field.name}['\"]|: {field.name}\b", text)}
    assert unused - NOT_SHOWN_YET == set()
    if kind is UiText:
        assert unused >= NOT_SHOWN_YET, "a word on the list is shown now: take it off the list"
