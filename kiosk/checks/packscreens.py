"""The review pack's screens, named the way staff know them, with the versions worth reading.

Every screen once, in the order the kiosk offers them: each region's tabs, the general
walkthrough, each region's walkthrough, the precautions, "Where this comes from". For each
screen: its page in every language, and its calm-mode page only where calm mode changes it. A
region's walkthrough step that adds nothing to the general one says so instead of repeating it.
No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.model.content import Content
from kiosk.model.wording import fill
from kiosk.pages.book import Page, PageBook
from kiosk.visit.screens import PRECAUTIONS, SOURCES, ScreenId, ScreenKind


@dataclass(frozen=True)
class Version:
    """One page of a screen as the kiosk shows it: in which language, and whether in calm mode."""

    lang: str
    calm: bool
    page: Page


@dataclass(frozen=True)
class PackScreen:
    screen: ScreenId
    title: str  # in staff words: "Calves and shins — What the session feels like"
    versions: tuple[Version, ...]  # empty when the screen is the same as a general walkthrough step
    same_as: str | None = None  # then, the line that says which


def page_of(book: PageBook, lang: str, calm: bool, screen: ScreenId) -> Page:
    if screen.kind is ScreenKind.REGION and screen.region:
        return book.region(lang, calm, screen.region, screen.step)
    if screen.kind is ScreenKind.WALKTHROUGH:
        return book.step(lang, calm, screen.region, screen.step)
    return book.precautions(lang, calm) if screen.kind is ScreenKind.PRECAUTIONS else book.sources(lang, calm)


def pack_screens(book: PageBook) -> Iterator[PackScreen]:
    content = book.content
    ui = content.base.ui
    tabs = book.region_page_titles(content.base.code)
    for region_id in content.region_ids:
        for number, tab in enumerate(tabs):
            screen = ScreenId.for_region(region_id, number)
            yield PackScreen(screen, f"{_region_name(content, region_id)} — {tab}", _versions(book, screen))
    steps = book.step_count(content.base.code)
    walkthrough = content.base.walkthrough
    for about in (None, *content.region_ids):
        for index in range(max(steps, 1)):
            screen = ScreenId.walkthrough(about, index)
            step_title = walkthrough.steps[index].title if walkthrough and index < steps else ""
            values = {"number": index + 1, "total": steps, "title": step_title}
            if about is None:
                title = fill(ui.pack_general_step, **values)
            else:
                title = fill(ui.pack_region_step, region=_region_name(content, about), **values)
            if about is not None and _adds_nothing(content, about, index):
                yield PackScreen(screen, title, (), fill(ui.pack_same_step, number=index + 1))
            else:
                yield PackScreen(screen, title, _versions(book, screen))
    yield PackScreen(PRECAUTIONS, ui.precautions_button, _versions(book, PRECAUTIONS))
    yield PackScreen(SOURCES, ui.sources_button, _versions(book, SOURCES))


def _region_name(content: Content, region_id: str) -> str:
    region = content.base.regions.get(region_id)
    return region.name if region is not None else region_id


def _versions(book: PageBook, screen: ScreenId) -> tuple[Version, ...]:
    """Each language's page, followed by its calm-mode page where that shows other words or pictures."""
    versions: list[Version] = []
    for lang in book.content.languages:
        standard, calm = page_of(book, lang, False, screen), page_of(book, lang, True, screen)
        versions.append(Version(lang, False, standard))
        if (calm.html, calm.images) != (standard.html, standard.images):
            versions.append(Version(lang, True, calm))
    return tuple(versions)


def _adds_nothing(content: Content, region_id: str, index: int) -> bool:
    """A region's walkthrough step is the general one, under the region's name, in every language:
    the region adds no words or picture to it, and it shows no chart (which would be the region's)."""
    for language in content.languages.values():
        walkthrough = language.walkthrough or content.base.walkthrough
        region = language.regions.get(region_id) or content.base.regions.get(region_id)
        if walkthrough is None or region is None or index >= len(walkthrough.steps):
            return False
        step = walkthrough.steps[index]
        if step.chart or step.id in region.session_steps:
            return False
    return True
