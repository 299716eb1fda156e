"""The sources behind each page, for the clinician who signs the content off, and their check.

Each entry of sources.yaml has an ``id``. A page file names the ids behind it in ``sources:``:
a region file by its own parts (``evidence: [lucena-anton-2022]``), a walkthrough step and the
precautions page as one list. A translation says what the clinic's language says, so it may
leave ``sources:`` out and follow the clinic's language's file; its own sources.yaml must still
have every id named. The review pack shows, under each page, the sources so named. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from kiosk.model.content import Content, Language
from kiosk.model.precautions import Precautions
from kiosk.model.problems import ContentError, Problem, display_path
from kiosk.model.regions import Region
from kiosk.model.sources import Source
from kiosk.model.walkthrough import Walkthrough
from kiosk.pages.book import REGION_SECTIONS, PageBook, RegionLayout
from kiosk.reading.contentfiles import content_files, language_folder
from kiosk.reading.folder import key_line
from kiosk.visit.screens import ScreenId, ScreenKind

# A region file's parts, and the region-pages.yaml sections that show each one.
REGION_PARTS: dict[str, tuple[str, ...]] = {
    "muscles": ("muscles",), "helps_with": ("helps_with",), "does_here": ("does_here",),
    "evidence": ("evidence",), "feels_like": ("position", "feels_like"),
    "soreness": ("soreness_chart", "soreness_summary", "soreness_timeline", "soreness_tips"),
    "session_steps": (),  # the region's own words in the walkthrough
}
assert {s for sections in REGION_PARTS.values() for s in sections} <= set(REGION_SECTIONS)
assert set(REGION_PARTS) <= {f.name for f in fields(Region)}
# The parts of a region whose claims need a source (its name, muscles and questions are words, not claims).
CLAIMS = ("does_here", "evidence", "feels_like", "soreness")


@dataclass(frozen=True)
class NamedSource:
    """One source a page names: its entry in that language's sources.yaml (None if it has none)."""

    id: str
    source: Source | None


def page_sources(book: PageBook, lang: str, screen: ScreenId) -> tuple[NamedSource, ...] | None:
    """The sources behind one screen in one language, in the order its files name them; None for
    the sources page itself, which is their list."""
    content = book.content
    language = content.language(lang)
    ids: list[str] = []
    if screen.kind is ScreenKind.PRECAUTIONS:
        ids = list(_precaution_sources(language.precautions) or _precaution_sources(content.base.precautions))
    elif screen.kind is ScreenKind.REGION and screen.region:
        named = _region_sources(content, language, screen.region)
        ids = [i for part in _parts_shown(book.region_layout(), screen.step) for i in named.get(part, ())]
    elif screen.kind is ScreenKind.WALKTHROUGH:
        step_id = _step_id(language.walkthrough or content.base.walkthrough, screen.step)
        ids = list(_step_sources(language.walkthrough, step_id) or _step_sources(content.base.walkthrough, step_id))
        region = language.regions.get(screen.region) if screen.region else None
        if screen.region and region is not None and step_id in region.session_steps:
            ids += _region_sources(content, language, screen.region).get("session_steps", ())
    else:
        return None
    sources = language.sources or content.base.sources
    return tuple(NamedSource(i, sources.by_id(i) if sources else None) for i in dict.fromkeys(ids))


def _precaution_sources(page: Precautions | None) -> tuple[str, ...]:
    return page.sources if page is not None else ()


def _step_id(walkthrough: Walkthrough | None, index: int) -> str | None:
    return walkthrough.steps[index].id if walkthrough is not None and index < len(walkthrough.steps) else None


def _step_sources(walkthrough: Walkthrough | None, step_id: str | None) -> tuple[str, ...]:
    step = next((s for s in walkthrough.steps if s.id == step_id), None) if walkthrough is not None else None
    return step.sources if step is not None else ()


def _region_sources(content: Content, language: Language, region_id: str) -> dict[str, tuple[str, ...]]:
    """A region's named sources: the translation's if it names any, else the clinic's language's."""
    for region in (language.regions.get(region_id), content.base.regions.get(region_id)):
        if region is not None and region.sources:
            return region.sources
    return {}


def _parts_shown(layout: RegionLayout | ContentError, tab: int) -> list[str]:
    """The region parts a tab shows, by region-pages.yaml (all of them if it can't be read)."""
    if isinstance(layout, ContentError) or not 0 <= tab < len(layout.pages):
        return list(REGION_PARTS)
    page = layout.pages[tab]
    shown = set(page.across + page.sections + page.beside)
    return [part for part, sections in REGION_PARTS.items() if shown & set(sections)]


# --- the check -------------------------------------------------------------------------


def source_problems(book: PageBook) -> list[Problem]:
    """Named ids that a language's sources.yaml lacks, region parts that don't exist (errors), and
    claims in the clinic's language that name no sources (warnings: the review pack can't show
    what backs them). A translation is checked for the ids its pages name, or follow."""
    content = book.content
    problems: list[Problem] = []
    base_files = {path.relative_to(content.folder): page for path, page in content_files(content, content.base)}
    base_known = {s.id for s in content.base.sources.sources if s.id} if content.base.sources else set()
    for language in content.languages.values():
        if language.sources is None:
            continue  # its sources.yaml can't be read: loading has said so
        known = {s.id for s in language.sources.sources if s.id}
        folder = language_folder(content, language.code)
        sources_file = display_path(folder / "sources.yaml")
        own = dict(content_files(content, language))
        for relative, base_page in base_files.items():
            path = folder / relative
            page = own.get(path)
            named = list(_named(page)) if page is not None else []
            followed = not any(ids for _, ids in named)
            if followed:  # the translation names none: it follows the clinic's language's file
                named = list(_named(base_page))
            for where, ids in named:
                for source_id in ids:
                    if source_id in known:
                        continue
                    if followed and language is not content.base:
                        if source_id not in base_known:
                            continue  # a misspelt id in the clinic's language: told once, on its page
                        problems.append(Problem(sources_file, None, (
                            f"has no source with the id '{source_id}', which {relative} names "
                            f"('{where}', in {content.base.name}); add it, translated")))
                    else:
                        problems.append(Problem(display_path(path), _line_of(path, source_id), (
                            f"'{where}' names the source '{source_id}', but {sources_file} has no source with "
                            f"that id; check the spelling (its ids are: {', '.join(sorted(known)) or 'none'})")))
            if isinstance(page, Region):
                problems += [Problem(display_path(path), key_line(path, "sources"), (
                    f"'sources.{part}' is not a part of this page; name sources for: {', '.join(REGION_PARTS)}"))
                    for part in page.sources if part not in REGION_PARTS]
    return problems + _unsourced(content)


def _named(page: object) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(where, ids) for each list of source ids in a page file."""
    if isinstance(page, Region):
        yield from ((f"sources.{part}", ids) for part, ids in page.sources.items())
    elif isinstance(page, Walkthrough):
        yield from ((f"steps[{n}].sources", step.sources) for n, step in enumerate(page.steps, 1))
    elif isinstance(page, Precautions):
        yield "sources", page.sources


def _unsourced(content: Content) -> list[Problem]:
    problems = []
    for path, page in content_files(content, content.base):
        missing: list[str] = []
        if isinstance(page, Region):
            missing = [f"'{part}'" for part in CLAIMS if not page.sources.get(part)]
        elif isinstance(page, Walkthrough):
            missing = [f"step '{step.id}'" for step in page.steps if not step.sources]
        elif isinstance(page, Precautions) and not page.sources:
            missing = ["this page"]
        if missing:
            problems.append(Problem(display_path(path), key_line(path, "sources"), (
                f"no sources are named for {', '.join(missing)}; add their sources.yaml ids in 'sources:' so "
                "the review pack shows the clinician what backs them"), warning=True))
    return problems


def _line_of(path: Path, text: str) -> int | None:
    """The first line of ``path`` with ``text`` on it, for a message to staff."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, line in enumerate(lines, 1) if text in line), None)
