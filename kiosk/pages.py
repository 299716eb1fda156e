"""What each screen shows, as HTML: content objects through the clinic's templates.

Shared by the Qt screens, --check-content and --self-test, so all three judge the
same pages. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.content import Content, load_content
from kiosk.problems import ContentError, Problem
from kiosk.render import Renderer
from kiosk.resources import bundled_content_dir


@dataclass(frozen=True)
class Page:
    html: str | None  # None when the page can't be shown
    problems: tuple[Problem, ...] = ()


def region_page(content: Content, renderer: Renderer, region_id: str) -> Page:
    region = content.regions.get(region_id)
    if region is None:
        return Page(None, content.region_problems(region_id))
    try:
        html = renderer.render("region.html.j2", region=region, ui=content.ui, clinic=content.clinic)
    except ContentError as exc:
        return Page(None, exc.problems)
    return Page(html)


def all_pages(content: Content, renderer: Renderer) -> dict[str, Page]:
    """Every page the kiosk can show, keyed by screen name."""
    return {f"region-{rid}": region_page(content, renderer, rid) for rid in content.region_ids}


def load_pages(folder: Path, region_ids: tuple[str, ...]) -> tuple[Content, dict[str, Page]]:
    """Load a content folder and render every page from it.

    A broken clinic.yaml or ui.yaml falls back to the shipped one so the kiosk still
    starts; its problems are still reported in ``content.problems``.
    """
    content = load_content(folder, region_ids, fallback=bundled_content_dir())
    return content, all_pages(content, Renderer(content.folder / "templates"))
