"""What each screen shows, as HTML: content objects through the clinic's templates.

Shared by the Qt screens, --check-content and --self-test, so all three judge the same
pages. Pages are rendered on first use and kept. No Qt here.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ParamSpec

from kiosk.chart import ChartWords, soreness_svg
from kiosk.content import Content, Language, SorenessCurve, SorenessPoint, load_content
from kiosk.problems import ContentError, Problem
from kiosk.render import Renderer
from kiosk.resources import bundled_content_dir

CHART = "chart:soreness"  # image names the templates use
QR = "qr:aftercare"

P = ParamSpec("P")


@dataclass(frozen=True)
class Page:
    html: str | None  # None when the page can't be shown
    problems: tuple[Problem, ...] = ()
    images: dict[str, str] = field(default_factory=dict)  # name in the HTML -> SVG text
    soreness: SorenessCurve | None = None  # the chart's numbers, for reading it aloud (kiosk.speech)


class PageBook:
    """Every page the kiosk can show, rendered on demand for a language and calm mode."""

    def __init__(self, content: Content, renderer: Renderer, text_scale: float = 1.0):
        self.content = content
        self.renderer = renderer
        self.text_scale = text_scale
        self._cache: dict[tuple[object, ...], Page] = {}
        self._qr_code: str | None = None  # made with the first region page: home doesn't need it

    def region(self, lang: str, calm: bool, region_id: str) -> Page:
        return self._page(("region", lang, calm, region_id), self._region, lang, calm, region_id)

    def step(self, lang: str, calm: bool, region_id: str | None, index: int) -> Page:
        return self._page(("step", lang, calm, region_id, index), self._step, lang, calm, region_id, index)

    def precautions(self, lang: str, calm: bool) -> Page:
        return self._page(("precautions", lang, calm), self._simple, lang, calm, "precautions")

    def sources(self, lang: str, calm: bool) -> Page:
        return self._page(("sources", lang, calm), self._simple, lang, calm, "sources")

    @property
    def _qr(self) -> str | None:
        url = self.content.clinic.aftercare_url
        if url and self._qr_code is None:
            self._qr_code = _qr_svg(url)
        return self._qr_code

    def step_count(self, lang: str) -> int:
        walkthrough = self.content.language(lang).walkthrough
        return len(walkthrough.steps) if walkthrough else 0

    def every_page(self) -> Iterator[tuple[str, Page]]:
        """(name, page) for every screen in every language and both calm modes."""
        for lang in self.content.languages:
            for calm in (False, True):
                prefix = f"{lang}/{'calm' if calm else 'standard'}/"
                for region_id in self.content.region_ids:
                    yield prefix + f"region-{region_id}", self.region(lang, calm, region_id)
                for about in (None, *self.content.region_ids):  # the general walkthrough, then each region's
                    for index in range(max(self.step_count(lang), 1)):
                        yield (prefix + f"walkthrough-{about or 'general'}-{index + 1}",
                               self.step(lang, calm, about, index))
                yield prefix + "precautions", self.precautions(lang, calm)
                yield prefix + "sources", self.sources(lang, calm)

    # --- rendering ----------------------------------------------------------------

    def _page(self, key: tuple[object, ...], build: Callable[P, Page], *args: P.args, **kwargs: P.kwargs) -> Page:
        if key not in self._cache:
            try:
                self._cache[key] = build(*args, **kwargs)
            except ContentError as exc:
                self._cache[key] = Page(None, exc.problems)
        return self._cache[key]

    def _context(self, language: Language, calm: bool) -> dict[str, object]:
        return {"ui": language.ui, "clinic": self.content.clinic, "calm": calm, "lang": language.code,
                "text_scale": self.text_scale}

    def _chart(self, language: Language, curve: SorenessCurve) -> str:
        ui = language.ui
        words = ChartWords(ui.chart_right_after, ui.chart_tonight, ui.chart_tomorrow, ui.chart_day_3,
                           ui.chart_none, ui.chart_strong)
        return soreness_svg(curve, words, self.content.clinic.colours)

    def _region(self, lang: str, calm: bool, region_id: str) -> Page:
        language = self.content.language(lang)
        region = language.regions.get(region_id)
        if region is None:
            return Page(None, self.content.region_problems(region_id))
        images = {CHART: self._chart(language, region.soreness)}
        qr = self._qr
        if qr:
            images[QR] = qr
        html = self.renderer.render("region.html.j2", region=region, chart=CHART,
                                    qr=QR if qr else None, **self._context(language, calm))
        return Page(html, images=images, soreness=region.soreness)

    def _step(self, lang: str, calm: bool, region_id: str | None, index: int) -> Page:
        language = self.content.language(lang)
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
                images[CHART] = self._chart(language, curve)
        html = self.renderer.render(
            "step.html.j2", walkthrough=walkthrough, step=step, extra=extra, region=region,
            number=index + 1, total=len(walkthrough.steps), chart=CHART if CHART in images else None,
            **self._context(language, calm))
        return Page(html, images=images, soreness=curve)

    def _simple(self, lang: str, calm: bool, name: str) -> Page:
        language = self.content.language(lang)
        data = getattr(language, name)
        if data is None:
            return Page(None)
        return Page(self.renderer.render(f"{name}.html.j2", page=data, **self._context(language, calm)))


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
