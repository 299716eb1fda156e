"""Calm mode's promise, and no unchecked citation notes on screen: two checks for ``--check-content``.

Calm mode ("no needle pictures, gentler words") is for readers who go light-headed at the
thought of needles. With it on, no page may describe a needle going in, a twitch or cramp,
electricity in the body, blood or a punctured lung. So in every language:

- a passage that does must be marked ``graphic`` and given ``calm`` wording that doesn't;
- words with no calm version (titles, headings, list items, the screens' own words) must not
  describe them at all, and a title that names the needle itself needs a ``calm_title``;
- a passage is graphic in every language or in none.

Names a patient must recognise to tell their therapist ("blood thinners", "a bleeding or
clotting disorder", "blood vessels", "a pacemaker or another implanted electrical device") are
not descriptions, so they don't count.

"Not confirmed" notes about a citation are for the clinician who checks the content: they go
in a source's ``note`` (shown in the review pack only), never where patients read them.
No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kiosk.model.content import BASE_LANGUAGE, Content, Language
from kiosk.model.parts import Passage, Picture
from kiosk.model.problems import Problem, display_path
from kiosk.model.walkthrough import WalkthroughStep
from kiosk.reading.contentfiles import content_files, language_folder, passages, walk

# What calm mode must not show, per language; a language without a list isn't checked.
GRAPHIC_WORDS: dict[str, str] = {
    "en": (r"\btwitch|\bjump(s|ed)?\b|\bcramp|\bprick\b"
           r"|needle (is |goes |went |passes )?(tapped |pushed )?(in|into|through)\b(?! place)"
           r"|tap(s|ped)? (a|the) needle|through (your|the|that) skin|put(s|ting)? (a |the )?needles? (in|into|through)"
           r"|electric(al)? (current|shock|flicker|feeling|jolt|stimulation|pulse)|\bcurrent through"
           r"|\bbleed(s|ing)?\b(?! or clotting disorder| disorder)|\bblood\b(?! thinners?| vessels?| pressure)"
           r"|\bpunctur|\bpierc"),
    "es": (r"\bsalt(o|a|os)\b|calambre|descarga|chispazo|pinchazos?\b|\bpinch(a|ar|ará|an)\b"
           r"|atraviesa la piel|a través de (la|tu|esa) piel|introduce la aguja|la aguja (entra|atraviesa)"
           r"|entrada de la aguja|pondrá agujas|corriente|(estimulación|sensación|chispa) eléctrica"
           r"|\bsangr(e|a|as|an|ar|ado|ados|en|es)\b|perfora"),
}
# A title that names the needle itself ("The needle") is what a nervous eye lands on first.
TITLE_WORDS: dict[str, str] = {"en": r"\bneedles?\b", "es": r"\bagujas?\b"}
NOT_CONFIRMED = re.compile(r"\b(not|never) (been |yet )?confirmed\b|\bunconfirmed\b|\bsin confirmar\b"
                           r"|\bno (se ha |ha sido |está |están |han sido )?confirmad[oa]s?\b", re.I)
# Text that is not a patient's reading: file names, ids, the reviewer's note, the sign-off,
# and the lists of sources.yaml ids a page names.
_NOT_READ = {"file", "calm_file", "id", "note"}
_SOURCE_IDS = re.compile(r"(^|\.)sources(\.\w+)?\[\d+\]$")
_STEP_TITLE = re.compile(r"(^|\.)steps\[\d+\]\.title$")


def calm_mode_problems(content: Content) -> list[Problem]:
    problems: list[Problem] = []
    for language in content.languages.values():
        words = GRAPHIC_WORDS.get(language.code)
        if words:
            problems += _passage_problems(content, language, words)
            problems += _plain_text_problems(content, language, words)
        if language.code != BASE_LANGUAGE:
            problems += _same_in_every_language(content, language)
    return problems


def not_confirmed_problems(content: Content) -> list[Problem]:
    """A "not confirmed" note anywhere a patient reads it (a citation's reference included)."""
    problems = []
    for language in content.languages.values():
        for path, page in _reading_files(content, language):
            for where, text in _read_text(page):
                found = NOT_CONFIRMED.search(text)
                if found:
                    problems.append(Problem(display_path(path), _line(path, text), (
                        f"'{where}' tells patients a detail is \"{found.group(0)}\"; a note like that is for "
                        "the clinician checking the content: move it to the source's 'note:' line (shown in "
                        "the review pack, never to patients), or reword it")))
    return problems


# --- passages: graphic ones have calm wording -------------------------------------------


def _passage_problems(content: Content, language: Language, words: str) -> list[Problem]:
    problems = []
    for path, page in content_files(content, language):
        source = display_path(path)
        for where, passage in passages(page).items():
            named = re.search(words, passage.text, re.I)
            if named and not passage.graphic:
                problems.append(Problem(source, passage.line or None, (
                    f"'{where}' describes a needle going in, a twitch, electricity or blood "
                    f"(\"{named.group(0)}\"); mark it graphic: true with a gentler calm: wording, "
                    "so calm mode hides it")))
            named = re.search(words, passage.calm, re.I) if passage.graphic and passage.calm else None
            if named:
                problems.append(Problem(source, passage.line or None, (
                    f"'{where}.calm' still describes it (\"{named.group(0)}\"); "
                    "calm wording is what patients read in calm mode")))
    return problems


def _same_in_every_language(content: Content, language: Language) -> list[Problem]:
    problems = []
    folder = language_folder(content, language.code)
    base_files = {path.relative_to(content.folder): page for path, page in content_files(content, content.base)}
    for path, page in content_files(content, language):
        base_page = base_files.get(path.relative_to(folder))
        base_passages = passages(base_page)
        # A list one item longer or shorter than the clinic's language's (a precaution or a source
        # left out) can't be compared item by item: that is its own problem, told elsewhere.
        sizes, base_sizes = _list_sizes(page), _list_sizes(base_page)
        for where, passage in passages(page).items():
            other = base_passages.get(where)
            if any(sizes.get(name) != base_sizes.get(name) for name in _lists(where)):
                continue
            if other is not None and other.graphic != passage.graphic:
                marked = "graphic" if other.graphic else "not graphic"
                problems.append(Problem(display_path(path), passage.line or None, (
                    f"'{where}' is {marked} in {content.base.name} but "
                    f"{'graphic' if passage.graphic else 'not graphic'} here; calm mode must hide the same "
                    "passages in every language")))
    return problems


_INDEX = re.compile(r"\[(\d+)\]")


def _lists(where: str) -> list[str]:
    """Each list a field path goes through: "steps" and "steps[3].passages" in "steps[3].passages[2]"."""
    return [where[:found.start()] for found in _INDEX.finditer(where)]


def _list_sizes(page: object) -> dict[str, int]:
    """How many items each list in a page has, by its field path."""
    sizes: dict[str, int] = {}
    for where, _ in walk(page):
        for found in _INDEX.finditer(where):
            name = where[:found.start()]
            sizes[name] = max(sizes.get(name, 0), int(found.group(1)))
    return sizes


# --- words with no calm version ----------------------------------------------------------


def _plain_text_problems(content: Content, language: Language, words: str) -> list[Problem]:
    problems = []
    title_words = TITLE_WORDS.get(language.code)
    for path, page in _reading_files(content, language):
        for where, text, is_title in _plain_text(page):
            named = re.search(words, text, re.I)
            if named:
                problems.append(Problem(display_path(path), _line(path, text), (
                    f"'{where}' describes a needle going in, a twitch, electricity or blood "
                    f"(\"{named.group(0)}\") and has no calm wording, so calm mode shows it; reword it"
                    + (" or give the step a calm_title:" if where.endswith(".title") else ""))))
            elif is_title and title_words and (named := re.search(title_words, text, re.I)):
                problems.append(Problem(display_path(path), _line(path, text), (
                    f"'{where}' names the needle (\"{named.group(0)}\"), and a title is what a nervous "
                    "reader sees first; add calm_title: with gentler words for calm mode")))
    return problems


def _reading_files(content: Content, language: Language) -> Iterator[tuple[Path, object]]:
    """Every file of one language a patient reads: its pages, the screens' words and the questions."""
    yield from content_files(content, language)
    base, folder = content.base, language_folder(content, language.code)
    if language is base or language.ui is not base.ui:
        yield folder / "ui.yaml", language.ui
    if language.questions is not None and (language is base or language.questions is not base.questions):
        yield folder / "questions.yaml", language.questions


def _plain_text(page: object) -> Iterator[tuple[str, str, bool]]:
    """(field path, text, is it a title) for the words a patient reads that have no calm version."""
    judged_whole: set[str] = set()  # passages and pictures: their words are judged with them
    for where, value in walk(page):
        if isinstance(value, (Passage, Picture)):
            judged_whole.add(where)
        if isinstance(value, WalkthroughStep):
            if not value.calm_title:
                yield f"{where}.title", value.title, True
            continue
        if isinstance(value, Picture):  # what a screen reader says for the picture calm mode shows
            if value.shown(True):
                field = "calm_alt" if value.graphic and value.calm_alt else "alt"
                yield f"{where}.{field}", value.shown_alt(True), False
            continue
        if not isinstance(value, str) or _skipped(where):
            continue
        if _STEP_TITLE.search(where):
            continue  # judged with its calm_title, above
        if where.rpartition(".")[0] in judged_whole:
            continue  # a passage's words are judged as a passage, a picture's as a picture (above)
        yield where, value, where.rsplit(".", 1)[-1] in ("title", "calm_title", "name")


def _read_text(page: object) -> Iterator[tuple[str, str]]:
    """(field path, text) for every text on a page that a patient reads, a passage's words included."""
    for where, value in walk(page):
        if isinstance(value, str) and not _skipped(where):
            yield where, value


def _skipped(where: str) -> bool:
    return (where.rsplit(".", 1)[-1] in _NOT_READ or where.startswith("reviewed")
            or bool(_SOURCE_IDS.search(where)))


def _line(path: Path, text: str) -> int | None:
    """The line of ``path`` where ``text`` starts, for a message to staff (its first words, as
    YAML may fold the rest onto later lines); None when it can't be found."""
    start = " ".join(text.split()[:5])
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, line in enumerate(lines, 1) if start and start in " ".join(line.split())), None)
