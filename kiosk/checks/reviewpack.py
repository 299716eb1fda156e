"""The review pack: every page the kiosk shows, for the clinic's lead physiotherapist to sign.

Every page in every language, with calm mode off and on, in the order ``PageBook.every_page()``
gives (so the pack follows whatever pages exist). Under each page are the sources its files name
(``kiosk.checks.sources``), with each source's note for the reviewer; the sources page is followed
by every such note. One self-contained HTML file (pictures inlined as ``data:`` URIs), ending with
a sign-off block that lists each content file and the fingerprint its ``reviewed:`` block should
carry. The same pack is what a translator works from. ``kiosk.ui.offscreen.reviewpdf`` prints it to PDF.
No Qt here.
"""

from __future__ import annotations

import base64
import datetime
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from kiosk.checks.folder import fingerprint
from kiosk.checks.sources import NamedSource, page_sources
from kiosk.model.problems import display_path
from kiosk.model.sources import Source
from kiosk.model.words import UiText
from kiosk.pages.book import PageBook
from kiosk.reading.contentfiles import content_files
from kiosk.system.resources import asset_path

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_IMAGE = re.compile(r'src="([^"]+)"')
IMAGE_PREFIX = "pack:"  # image names in ``ReviewPack.body``; each stands for one SVG in ``images``

# How the pack itself looks: each kiosk page starts a printed page, under a grey label.
_PACK_STYLE = """
.page { page-break-before: always; }
.label { color: #555555; font-size: 16px; border-bottom: 1px solid #999999; margin-bottom: 12px; }
.signoff td { padding: 6px; border: 1px solid #999999; font-size: 18px; }
.contents { font-size: 16px; }
.sources, li.source { font-size: 17px; color: #333333; }
.packref { font-size: 15px; color: #555555; }
.packnote { font-size: 17px; font-style: italic; }
"""


@dataclass(frozen=True)
class ReviewPack:
    body: str  # the pack's HTML, pictures named "pack:N"
    style: str
    images: dict[str, str]  # "pack:N" -> SVG text
    title: str

    def document(self, inline_images: bool) -> str:
        """The whole pack as one HTML document; pictures inlined, or left by name for Qt's PDF writer."""
        body = self.body
        if inline_images:
            body = _IMAGE.sub(lambda m: f'src="{_data_uri(self.images[m.group(1)])}"'
                              if m.group(1) in self.images else m.group(0), body)
        return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{escape(self.title)}</title>'
                f"<style>{self.style}{_PACK_STYLE}</style></head>\n<body>\n{body}\n</body></html>\n")


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def build_pack(book: PageBook, made_on: datetime.date) -> ReviewPack:
    content = book.content
    ui = content.base.ui  # the reviewer reads the pack in the clinic's base language
    images: dict[str, str] = {}
    known: dict[str, str] = {}  # SVG text -> its name, so a picture used on 100 pages is one image
    style = ""
    sections: list[str] = []
    names: list[str] = []

    def image_name(svg: str) -> str:
        if svg not in known:
            known[svg] = f"{IMAGE_PREFIX}{len(known) + 1}"
            images[known[svg]] = svg
        return known[svg]

    for number, (lang, calm, screen, page) in enumerate(book.every_screen(), 1):
        name = f"{lang}/{'calm' if calm else 'standard'}/{screen.name}"
        names.append(name)
        if page.html is None:
            inner = f"<p>{escape(ui.unavailable)}</p>"
        else:
            style = style or next(iter(_STYLE.findall(page.html)), "")
            found = _BODY.search(page.html)
            inner = found.group(1) if found else page.html

            def picture(match: re.Match[str], images_here: dict[str, str] = page.images) -> str:
                src = match.group(1)
                if src in images_here:
                    return f'src="{image_name(images_here[src])}"'
                if src.startswith("asset:"):
                    try:
                        svg = asset_path(src.removeprefix("asset:")).read_text(encoding="utf-8")
                    except (OSError, ValueError):
                        return match.group(0)  # --check-content names the missing picture
                    return f'src="{image_name(svg)}"'
                return match.group(0)

            inner = _IMAGE.sub(picture, inner)
        named = page_sources(book, lang, screen)
        language = content.language(lang)
        notes = _sources_block(ui, named) if named is not None else _notes_block(
            ui, language.sources.sources if language.sources else ())
        sections.append(f'<div class="page"><a name="page-{number}"></a>'
                        f'<p class="label">{number}. {escape(name)}</p>\n{inner}{notes}</div>')

    groups: dict[str, list[str]] = {}  # one line of links per language and mode keeps the contents short
    for i, n in enumerate(names, 1):
        group, _, screen_name = n.rpartition("/")
        groups.setdefault(group, []).append(f'<a href="#page-{i}">{i}.&nbsp;{escape(screen_name)}</a>')
    contents = "".join(f"<p class=\"contents\"><b>{escape(g)}</b>: {' · '.join(links)}</p>"
                       for g, links in groups.items())
    rows = "".join(
        f"<tr><td>{escape(display_path(path))}</td><td>{escape(fingerprint(page))}</td>"
        f"<td>{escape(_review(page, ui.pack_changed))}</td></tr>"
        for language in content.languages.values() for path, page in content_files(content, language))
    made = ui.pack_made.replace("{date}", made_on.isoformat()).replace("{folder}", str(content.folder))
    head = (f'<p class="h1">{escape(ui.pack_title)}</p><p class="lead">{escape(content.clinic.name)}</p>'
            f"<p>{escape(made)}</p><p>{escape(ui.pack_intro)}</p>"
            f'<p class="h2">{escape(ui.pack_contents)}</p>{contents}')
    signoff = (f'<div class="page"><p class="h1">{escape(ui.pack_signoff)}</p><p>{escape(ui.pack_files)}</p>'
               f'<table class="signoff" cellspacing="0">{rows}</table><br>'
               f'<table class="signoff" cellspacing="0" width="100%">'
               + "".join(f'<tr><td width="30%"><b>{escape(word)}</b></td><td>&nbsp;</td></tr>'
                         for word in (ui.pack_name, ui.pack_role, ui.pack_date, ui.pack_signature))
               + "</table></div>")
    return ReviewPack(head + "\n".join(sections) + signoff, style, images, ui.pack_title)


def _sources_block(ui: UiText, named: tuple[NamedSource, ...]) -> str:
    """What backs a page: each source it names, in the reviewer's words and the citation."""
    if not named:
        return f'<div class="sources"><p><b>{escape(ui.pack_no_sources)}</b></p></div>'
    items = "".join(f'<li class="source">{_source(ui, n.source) if n.source else escape(n.id)}</li>' for n in named)
    return f'<div class="sources"><p><b>{escape(ui.pack_sources)}</b></p><ul>{items}</ul></div>'


def _notes_block(ui: UiText, sources: tuple[Source, ...]) -> str:
    """After the sources page: every source's note for the reviewer, which patients never see."""
    items = "".join(f'<li class="source">{_source(ui, s)}</li>' for s in sources if s.note)
    return f'<div class="sources"><ul>{items}</ul></div>' if items else ""


def _source(ui: UiText, source: Source) -> str:
    note = f'<br><span class="packnote">{escape(ui.pack_note)} {escape(source.note)}</span>' if source.note else ""
    return f'{escape(source.supports.text)}<br><span class="packref">{escape(source.reference)}</span>{note}'


def _review(page: object, changed: str) -> str:
    review = getattr(page, "reviewed", None)
    if review is None:
        return "-"
    current = review.fingerprint == fingerprint(page)
    return f"{review.by}, {review.date}" + ("" if current else f" ({changed})")


def write_html(pack: ReviewPack, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "review-pack.html"
    path.write_text(pack.document(inline_images=True), encoding="utf-8")
    return path
