"""What each screen shows, as HTML: content objects through the clinic's templates.

Shared by the Qt screens, --check-content and --self-test, so all three judge the same
pages. Pages are rendered on first use and kept. No Qt here.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import ParamSpec

from kiosk.model.content import Content, Language
from kiosk.model.problems import ContentError, Problem
from kiosk.model.regions import SorenessCurve, SorenessPoint
from kiosk.model.walkthrough import TherapistNotes
from kiosk.model.words import UiText
from kiosk.pages.chart import ChartWords, chart_size, soreness_svg
from kiosk.pages.render import Renderer
from kiosk.reading.folder import load_content, parser, read_file
from kiosk.system.resources import bundled_content_dir
from kiosk.visit.screens import PRECAUTIONS, SOURCES, ScreenId

CHART = "chart:soreness"  # image names the templates use
WIDE_CHART = (1100, 225)  # the soreness chart across a whole region page, low enough to leave room for words
STEP_CHART = (520, 300)  # beside the words of a walkthrough step, so both are seen without scrolling
QR = "qr:aftercare"
_PICTURE = re.compile(r'src="asset:([^"]+)"')  # a clinic's picture in a template: base.html.j2, step.html.j2

P = ParamSpec("P")

# What a region page may show, by the names region-pages.yaml uses (region-page.html.j2 draws each).
REGION_SECTIONS = ("muscles", "helps_with", "does_here", "evidence", "position", "feels_like", "soreness_chart",
                   "soreness_summary", "soreness_timeline", "soreness_tips", "aftercare_qr", "call_us")
LAYOUT_FILE = "region-pages.yaml"


@dataclass(frozen=True)
class RegionPageLayout:
    """One page (tab) of every region screen: its title and the sections it shows."""

    title: str = field(metadata={"choices": tuple(f.name for f in fields(UiText))})  # a name from ui.yaml
    sections: tuple[str, ...] = field(metadata={"choices": REGION_SECTIONS})
    across: tuple[str, ...] = field(default=(), metadata={"choices": REGION_SECTIONS})  # first, full width
    beside: tuple[str, ...] = field(default=(), metadata={"choices": REGION_SECTIONS})  # a second column


@dataclass(frozen=True)
class RegionLayout:
    """region-pages.yaml: the pages a region screen is split into, so none needs long scrolling."""

    pages: tuple[RegionPageLayout, ...]


@dataclass(frozen=True)
class Page:
    html: str | None  # None when the page can't be shown
    problems: tuple[Problem, ...] = ()
    images: dict[str, str] = field(default_factory=dict)  # name in the HTML -> SVG text
    soreness: SorenessCurve | None = None  # the chart's numbers, for reading it aloud (kiosk.pages.speech)


class PageBook:
    """Every page the kiosk can show, rendered on demand for a language and calm mode."""

    def __init__(self, content: Content, renderer: Renderer, text_scale: float = 1.0,
                 layout: RegionLayout | ContentError | None = None):
        self.content = content
        self.renderer = renderer
        self.text_scale = text_scale
        self._cache: dict[tuple[object, ...], Page] = {}
        self._qr_codes: dict[str, str] = {}  # by address, made with the first region page: home doesn't need it
        # Read now, with the rest of the content: a folder that changes or vanishes later can't
        # take the region pages with it.
        self._layout = layout if layout is not None else self._read_layout()

    def restyled(self, content: Content, text_scale: float) -> PageBook:
        """The same pages in another look (contrast colours in ``content``, text size)."""
        return PageBook(content, self.renderer, text_scale, self._layout)

    def region(self, lang: str, calm: bool, region_id: str, page: int = 0) -> Page:
        """One page (tab) of a region screen, counted from 0."""
        return self._page(("region", lang, calm, region_id, page), self._region, lang, calm, region_id, page)

    def region_page_titles(self, lang: str, region_id: str | None = None) -> tuple[str, ...]:
        """The words on a region screen's tabs, in order (one untitled page if the layout is broken),
        in the language the region's pages are shown in: English tabs over an English page."""
        ui = self._shown_in(lang, region_id or "")[0].ui
        layout = self.region_layout()
        if isinstance(layout, ContentError):
            return (ui.section_does,)
        return tuple(str(getattr(ui, page.title)) for page in layout.pages)

    def region_layout(self) -> RegionLayout | ContentError:
        """region-pages.yaml from the content folder (the shipped one if the folder has none)."""
        return self._layout

    def _read_layout(self) -> RegionLayout | ContentError:
        path = self.content.folder / LAYOUT_FILE
        if not path.exists():
            path = bundled_content_dir() / LAYOUT_FILE
        try:
            return read_file(path, parser(RegionLayout))
        except ContentError as exc:
            return exc

    def step(self, lang: str, calm: bool, region_id: str | None, index: int) -> Page:
        return self._page(("step", lang, calm, region_id, index), self._step, lang, calm, region_id, index)

    def precautions(self, lang: str, calm: bool) -> Page:
        return self._page(("precautions", lang, calm), self._simple, lang, calm, "precautions")

    def sources(self, lang: str, calm: bool) -> Page:
        return self._page(("sources", lang, calm), self._simple, lang, calm, "sources")

    def _qr(self, lang: str) -> str | None:
        url = self.content.clinic.aftercare_for(lang)
        if url and url not in self._qr_codes:
            self._qr_codes[url] = _qr_svg(url)
        return self._qr_codes.get(url) if url else None

    def step_titles(self, lang: str, calm: bool, region_id: str | None = None) -> tuple[str, ...]:
        """Each step's title as the step shows it (calm mode's own where it has one), in the
        language the steps are shown in: the overview of the steps lists them."""
        walkthrough = self._shown_in(lang, "walkthrough", region_id or "")[0].walkthrough
        return tuple(step.shown_title(calm) for step in walkthrough.steps) if walkthrough else ()

    def therapist_notes(self, lang: str, region_id: str | None = None) -> tuple[TherapistNotes | None, ...]:
        """Each step's words for the therapist, in the language the steps are shown in."""
        walkthrough = self._shown_in(lang, "walkthrough", region_id or "")[0].walkthrough
        return tuple(step.therapist for step in walkthrough.steps) if walkthrough else ()

    def step_count(self, lang: str) -> int:
        walkthrough = self.content.language(lang).walkthrough
        return len(walkthrough.steps) if walkthrough else 0

    def every_page(self) -> Iterator[tuple[str, Page]]:
        """(name, page) for every screen in every language and both calm modes: "es/calm/region-calves-2"."""
        for lang, calm, screen, page in self.every_screen():
            yield f"{lang}/{'calm' if calm else 'standard'}/{screen.name}", page

    def every_screen(self) -> Iterator[tuple[str, bool, ScreenId, Page]]:
        """(language, calm mode, screen, page) for every screen in every language and both calm modes."""
        for lang in self.content.languages:
            for calm in (False, True):
                for region_id in self.content.region_ids:
                    for number in range(len(self.region_page_titles(lang))):  # each page (tab)
                        yield lang, calm, ScreenId.for_region(region_id, number), self.region(lang, calm, region_id,
                                                                                               number)
                for about in (None, *self.content.region_ids):  # the general walkthrough, then each region's
                    for index in range(max(self.step_count(lang), 1)):
                        yield lang, calm, ScreenId.walkthrough(about, index), self.step(lang, calm, about, index)
                yield lang, calm, PRECAUTIONS, self.precautions(lang, calm)
                yield lang, calm, SOURCES, self.sources(lang, calm)

    # --- rendering ----------------------------------------------------------------

    def _page(self, key: tuple[object, ...], build: Callable[P, Page], *args: P.args, **kwargs: P.kwargs) -> Page:
        if key not in self._cache:
            try:
                self._cache[key] = self._with_pictures(build(*args, **kwargs))
            except ContentError as exc:
                self._cache[key] = Page(None, exc.problems)
        return self._cache[key]

    def _with_pictures(self, page: Page) -> Page:
        """The page's pictures go with it, as they were read with the content (kiosk.reading.pictures):
        the screen has no idea where the content is. A picture that couldn't be read
        is left out here; --check-content names it with its line."""
        if page.html is None:
            return page
        for name in set(_PICTURE.findall(page.html)):
            if name in self.content.pictures:
                page.images[f"asset:{name}"] = self.content.pictures[name]
        return page

    def _context(self, language: Language, calm: bool, note: str | None = None) -> dict[str, object]:
        return {"ui": language.ui, "clinic": self.content.clinic, "calm": calm, "lang": language.code,
                "text_scale": self.text_scale, "untranslated": note}

    def _shown_in(self, lang: str, *pages: str) -> tuple[Language, str | None]:
        """The language a page is shown in, and the note above it: a page missing or broken in
        the patient's language is shown whole in the base language, headings too, with one line
        in the patient's language saying so, never half and half."""
        language = self.content.language(lang)
        if not language.untranslated.intersection(p for p in pages if p):
            return language, None
        return self.content.base, language.ui.not_translated

    @staticmethod
    def _chart_words(language: Language) -> ChartWords:
        ui = language.ui
        return ChartWords(ui.chart_right_after, ui.chart_tonight, ui.chart_tomorrow, ui.chart_day_3,
                          ui.chart_none, ui.chart_strong)

    def _chart(self, language: Language, curve: SorenessCurve, size: tuple[int, int] | None = None) -> str:
        words = self._chart_words(language)
        return soreness_svg(curve, words, self.content.clinic.colours, *(size or (720, 320)),
                            text_scale=self.text_scale)

    def _region(self, lang: str, calm: bool, region_id: str, number: int) -> Page:
        language, note = self._shown_in(lang, region_id)
        region = language.regions.get(region_id)
        if region is None:
            return Page(None, self.content.region_problems(region_id))
        layout = self.region_layout()
        if isinstance(layout, ContentError):
            raise layout
        if not 0 <= number < len(layout.pages):
            return Page(None)
        page = layout.pages[number]
        shown = page.across + page.sections + page.beside
        images = {}
        wide = WIDE_CHART if "soreness_chart" in page.across else None
        if "soreness_chart" in shown:
            images[CHART] = self._chart(language, region.soreness, wide)
        qr = self._qr(lang) if "aftercare_qr" in shown else None
        if qr:
            images[QR] = qr
        # the chart's words, and their room, grow with the text size
        width, height = chart_size(self._chart_words(language), *(wide or (720, 320)), self.text_scale)
        html = self.renderer.render("region-page.html.j2", region=region, across=page.across,
                                    sections=page.sections, beside=page.beside, chart=CHART,
                                    chart_width=width, chart_height=height, qr=QR if qr else None,
                                    **self._context(language, calm, note))
        return Page(html, images=images, soreness=region.soreness)

    def _step(self, lang: str, calm: bool, region_id: str | None, index: int) -> Page:
        language, note = self._shown_in(lang, "walkthrough", region_id or "")
        walkthrough = language.walkthrough
        region = language.regions.get(region_id) if region_id else None
        if walkthrough is None or index >= len(walkthrough.steps) or (region_id and region is None):
            return Page(None)
        step = walkthrough.steps[index]
        extra = region.session_steps.get(step.id) if region else None
        images: dict[str, str] = {}
        curve = None
        if step.chart:
            curve = region.soreness if region else typical_curve(language)
            if curve:
                images[CHART] = self._chart(language, curve, STEP_CHART)
        html = self.renderer.render(
            "step.html.j2", walkthrough=walkthrough, step=step, extra=extra, region=region,
            number=index + 1, total=len(walkthrough.steps), chart=CHART if CHART in images else None,
            chart_width=STEP_CHART[0],
            chart_height=chart_size(self._chart_words(language), *STEP_CHART, self.text_scale)[1],
            **self._context(language, calm, note))
        return Page(html, images=images, soreness=curve)

    def _simple(self, lang: str, calm: bool, name: str) -> Page:
        language, note = self._shown_in(lang, name)
        data = getattr(language, name)
        if data is None:
            return Page(None)
        return Page(self.renderer.render(f"{name}.html.j2", page=data, **self._context(language, calm, note)))


def typical_curve(language: Language) -> SorenessCurve | None:
    """The average of the regions' curves, for the walkthrough that isn't about one region."""
    curves = [r.soreness for r in language.regions.values()]
    if not curves:
        return None
    hours = sorted({p.hours for c in curves for p in c.curve})
    points = tuple(SorenessPoint(h, round(sum(_level_at(c, h) for c in curves) / len(curves), 1)) for h in hours)
    first = curves[0]
    return SorenessCurve(first.summary, points, first.tips)


def _level_at(curve: SorenessCurve, hours: float) -> float:
    points = curve.curve
    if hours >= points[-1].hours:
        return points[-1].level
    for a, b in zip(points, points[1:]):
        if a.hours <= hours <= b.hours:
            return a.level + (b.level - a.level) * (hours - a.hours) / (b.hours - a.hours)
    return points[0].level


def _qr_svg(url: str) -> str:
    """The clinic's after-care address as a QR code. It holds the address and nothing else."""
    import segno  # the encoder is a well-tested library, not hand-written

    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=8, border=2, xmldecl=False, svgns=True,
                                    dark="#000000", light="#ffffff")
    return out.getvalue().decode("utf-8")


def load_pages(folder: Path, region_ids: tuple[str, ...]) -> PageBook:
    """Load a content folder and prepare its pages.

    A broken clinic.yaml or ui.yaml falls back to the shipped one so the kiosk still
    starts; its problems are still reported in ``book.content.problems``.
    """
    content = load_content(folder, region_ids, fallback=bundled_content_dir())
    return PageBook(content, Renderer(content.folder / "templates"))
