"""Loading and checking all content, and rendering every page in every language: plain Python."""

from __future__ import annotations

import time

from bench.results import ContentTimes
from bench.stats import median


def content_times(runs: int) -> ContentTimes:
    from kiosk.pages.book import PageBook
    from kiosk.pages.render import Renderer
    from kiosk.reading.bodyart import load_art
    from kiosk.reading.folder import load_content
    from kiosk.system.resources import default_content_dir

    folder = default_content_dir()
    region_ids = load_art().region_ids
    loads, renders, pages, languages = [], [], 0, 0
    for _ in range(runs):
        began = time.perf_counter()
        content = load_content(folder, region_ids)
        loads.append(time.perf_counter() - began)
        began = time.perf_counter()
        book = PageBook(content, Renderer(content.folder / "templates"))
        pages = sum(1 for _ in book.every_page())
        renders.append(time.perf_counter() - began)
        languages = len(content.languages)
    return ContentTimes(load_median_ms=median(loads) * 1000, render_median_ms=median(renders) * 1000,
                        pages=pages, languages=languages)
