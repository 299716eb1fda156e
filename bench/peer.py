"""The peer: what clinics use instead of the kiosk, a browser showing the same page.

The same region page, rendered by the kiosk's own templates to a static HTML file and opened
by headless Chromium (``--headless --screenshot``). Without Chromium (Debian: ``apt-get
install chromium``) the peer is skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from bench.processes import ProcessRun, Runner, process_runner
from bench.results import ChromiumResult
from bench.stats import median

PEER_REGION = "calves"


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def static_region_page(out: Path) -> Path:
    """The region screen as a web page: the kiosk's own HTML for it, its pictures as files,
    and the buttons the kiosk shows above it."""
    from html import escape

    from kiosk.pages.book import load_pages
    from kiosk.reading.bodyart import load_art
    from kiosk.system.resources import asset_path, default_content_dir

    book = load_pages(default_content_dir(), load_art().region_ids)
    page = book.region("en", False, PEER_REGION)
    ui = book.content.language("en").ui
    html = page.html
    if html is None:
        raise RuntimeError(f"the {PEER_REGION} region page can't be shown: the peer has nothing to open")
    for i, (name, svg) in enumerate(page.images.items()):
        path = out / f"image{i}.svg"
        path.write_text(svg, encoding="utf-8")
        html = html.replace(f'src="{name}"', f'src="{path.name}"')
    html = re.sub(r'src="asset:([^"]+)"', lambda m: f'src="{asset_path(m.group(1)).as_uri()}"', html)
    colours = book.content.clinic.colours
    buttons = "".join(f"<button>{escape(label)}</button>" for label in (ui.walkthrough_button, ui.precautions_button))
    document = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(ui.title)}</title>
<style>
body {{ margin: 0; font-family: "DejaVu Sans", sans-serif; font-size: 22px; background: {colours.background};
        color: {colours.text}; }}
header {{ display: flex; gap: 14px; padding: 20px 32px 0 32px; }}
header .back {{ margin-right: auto; }}
button {{ font: inherit; min-height: 56px; padding: 0 20px; border-radius: 12px; border: 2px solid {colours.primary};
          background: white; color: {colours.text}; }}
main {{ max-width: 1000px; margin: 12px auto; }}
</style></head>
<body><header><button class="back">&larr; {escape(ui.back_button)}</button>{buttons}<button>A A</button></header>
<main>{html}</main></body></html>"""
    path = out / "region.html"
    path.write_text(document, encoding="utf-8")
    return path


def chromium_runner(chromium: str, page: Path, work: Path) -> Runner:
    profile = work / "chromium-profile"  # kept between runs, as a browser kiosk keeps its own
    shot = work / "chromium.png"
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--hide-scrollbars", f"--user-data-dir={profile}", "--window-size=1280,800",
           f"--screenshot={shot}", page.as_uri()]
    run_once = process_runner(cmd, dict(os.environ), done=lambda result: shot.exists(), timeout=120)

    def fresh_shot() -> ProcessRun:
        shot.unlink(missing_ok=True)  # each run must write its own painted screenshot
        return run_once()
    return fresh_shot


def chromium_summary(chromium: str, results: Sequence[ProcessRun]) -> ChromiumResult:
    version = subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.strip()
    return ChromiumResult(version=version, runs=len(results), median_s=median([r.seconds for r in results]),
                          all_s=tuple(round(r.seconds, 3) for r in results),
                          largest_process_mb=median([r.peak_single_mb for r in results]),
                          all_processes_mb=median([r.peak_total_mb for r in results if r.peak_total_mb]),
                          processes=max((r.processes or 0) for r in results))
