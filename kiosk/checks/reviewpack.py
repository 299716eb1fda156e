"""The review pack: every screen the kiosk shows, for the clinic's lead physiotherapist to sign.

One section per screen (``kiosk.checks.packscreens``), headed in staff words ("Calves and shins — What
the session feels like"): its page in each language one after the other, its calm-mode page only
where calm mode changes it, the sources its files name (``kiosk.checks.sources``) by their number
in the sources list at the end, and a small table to sign. Sections follow one another; the
pack ends with the sources list (every reference, and each note for the reviewer, which patients
never see) and a sign-off block listing each content file with the fingerprint its ``reviewed:``
block should carry, and the date by which to check it all again. One self-contained HTML file
(pictures and the kiosk's typeface inlined as ``data:`` URIs); ``kiosk.ui.offscreen.reviewpdf`` prints the
same pack to PDF. No Qt here.
"""

from __future__ import annotations

import base64
import datetime
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from kiosk.checks.folder import fingerprint
from kiosk.checks.packscreens import PackScreen, pack_screens
from kiosk.checks.sources import page_sources
from kiosk.model.problems import display_path
from kiosk.model.sources import Source
from kiosk.model.wording import fill
from kiosk.model.words import UiText
from kiosk.pages.book import Page, PageBook
from kiosk.reading.contentfiles import content_files
from kiosk.system.resources import asset_path
from kiosk.visit.screens import ScreenKind

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_IMAGE = re.compile(r'src="([^"]+)"')
_IMG_TAG = re.compile(r"<img\b[^>]*>")
_SIZE = re.compile(r'\b(width|height)="(\d+)"')
_ALIGN = re.compile(r'\s*align="(right|left)"')
_BLOCK = re.compile(r"<(p|li)\b((?:(?!style=)[^>])*)>(.*?)</\1>", re.S)  # a paragraph or list item
CHANGED_COLOUR = "#fff0b3"  # behind what calm mode changes: a highlighter's yellow
IMAGE_PREFIX = "pack:"  # image names in ``ReviewPack.body``; each stands for one SVG in ``images``
FONT_FAMILY = "Atkinson Hyperlegible"
# Anchors on the headings: the PDF keeps a heading with the words under it, and the sign-off whole.
SCREEN_ANCHOR = "screen-"
SIGNOFF_ANCHOR = "signoff"
LABEL_ANCHOR = "label-"  # above each language's page
# The kiosk's type, a little smaller than on the tablet: a printed page is read closer than a screen.
TEXT_SCALE = 0.8
MAX_PICTURE = (700, 320)  # every picture drawn at a fixed size within this, so none runs into the next

# How the pack itself looks. Qt's rich text reads a subset of CSS: no floats, no page-break-inside.
_PACK_STYLE = f"""
body {{ font-family: "{FONT_FAMILY}", sans-serif; }}
.screen-title {{ font-size: 26px; font-weight: bold; color: #ffffff; background-color: #2b4f6e;
                 padding: 6px; margin-top: 28px; margin-bottom: 8px; }}
.version {{ font-size: 17px; font-weight: bold; color: #444444; border-bottom: 1px solid #999999;
            margin-top: 14px; margin-bottom: 8px; }}
.same {{ font-size: 18px; font-style: italic; }}
.sources {{ font-size: 16px; color: #333333; margin-top: 8px; }}
.signoff td, .sign td {{ padding: 6px; border: 1px solid #999999; font-size: 16px; }}
.contents {{ font-size: 15px; }}
.packref {{ font-size: 15px; color: #555555; }}
.packnote {{ font-size: 16px; font-style: italic; }}
"""


@dataclass(frozen=True)
class ReviewPack:
    body: str  # the pack's HTML, pictures named "pack:N"
    style: str
    images: dict[str, str]  # "pack:N" -> SVG text
    title: str

    def document(self, inline_images: bool) -> str:
        """The whole pack as one HTML document: for a browser, pictures and typeface inlined; for Qt's
        PDF writer, pictures left by name and the typeface left to Qt (it has it, and embeds it)."""
        body, fonts = self.body, ""
        if inline_images:
            body = _IMAGE.sub(lambda m: f'src="{_data_uri(self.images[m.group(1)])}"'
                              if m.group(1) in self.images else m.group(0), body)
            fonts = font_faces()
        return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{escape(self.title)}</title>'
                f"<style>{fonts}{self.style}{_PACK_STYLE}</style></head>\n<body>\n{body}\n</body></html>\n")


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def font_faces() -> str:
    """The kiosk's typeface, every weight and style it carries, as @font-face rules a browser reads."""
    rules = []
    for style, weight, name in (("normal", "normal", "Regular"), ("normal", "bold", "Bold"),
                                ("italic", "normal", "Italic"), ("italic", "bold", "BoldItalic")):
        data = base64.b64encode(asset_path(f"fonts/AtkinsonHyperlegible-{name}.ttf").read_bytes()).decode("ascii")
        rules.append(f'@font-face {{ font-family: "{FONT_FAMILY}"; font-style: {style}; font-weight: {weight}; '
                     f'src: url("data:font/ttf;base64,{data}") format("truetype"); }}\n')
    return "".join(rules)


class _Pictures:
    """Every picture of the pack by name, so one used on 100 pages is stored once."""

    def __init__(self) -> None:
        self.images: dict[str, str] = {}
        self._known: dict[str, str] = {}

    def name(self, svg: str) -> str:
        if svg not in self._known:
            self._known[svg] = f"{IMAGE_PREFIX}{len(self._known) + 1}"
            self.images[self._known[svg]] = svg
        return self._known[svg]

    def inner(self, page: Page) -> str:
        """A page's body, its pictures named for the pack and drawn at fixed sizes on a line of their own."""
        found = _BODY.search(page.html or "")
        inner = found.group(1) if found else (page.html or "")

        def picture(match: re.Match[str]) -> str:
            src = match.group(1)
            if src in page.images:
                return f'src="{self.name(page.images[src])}"'
            if src.startswith("asset:"):
                try:
                    svg = asset_path(src.removeprefix("asset:")).read_text(encoding="utf-8")
                except (OSError, ValueError):
                    return match.group(0)  # --check-content names the missing picture
                return f'src="{self.name(svg)}"'
            return match.group(0)

        return _IMG_TAG.sub(_fixed_size, _IMAGE.sub(picture, inner))


def _fixed_size(match: re.Match[str]) -> str:
    """A picture within MAX_PICTURE, its shape kept; one the kiosk floats beside words gets its own line."""
    tag = match.group(0)
    size = {k: int(v) for k, v in _SIZE.findall(tag)}
    width, height = size.get("width", MAX_PICTURE[0]), size.get("height", MAX_PICTURE[1])
    scale = min(1.0, MAX_PICTURE[0] / max(width, 1), MAX_PICTURE[1] / max(height, 1))
    tag = _SIZE.sub(lambda m: f'{m.group(1)}="{round(size[m.group(1)] * scale)}"', tag)
    if 'align="right"' in tag or 'align="left"' in tag:
        return f'<p class="figure">{_ALIGN.sub("", tag)}</p>'
    return tag


def _mark_changes(calm: str, standard: str) -> str:
    """The calm page with each paragraph, item or picture that calm mode changed highlighted."""
    shown = {m.group(0) for m in _BLOCK.finditer(standard)}

    def mark(match: re.Match[str]) -> str:
        if match.group(0) in shown:
            return match.group(0)
        tag, attributes, words = match.groups()
        return f'<{tag} style="background-color: {CHANGED_COLOUR}"{attributes}>{words}</{tag}>'

    return _BLOCK.sub(mark, calm)


def build_pack(book: PageBook, made_on: datetime.date) -> ReviewPack:
    content = book.content
    ui = content.base.ui  # the reviewer reads the pack in the clinic's base language
    book = book.restyled(content, TEXT_SCALE)
    pictures = _Pictures()
    numbers = _source_numbers(book)
    screens = list(pack_screens(book))
    style = ""
    sections: list[str] = []
    for number, screen in enumerate(screens, 1):
        parts = [f'<p class="screen-title"><a name="{SCREEN_ANCHOR}{number}"></a>{escape(screen.title)}</p>']
        if screen.same_as:
            sections.append(parts[0] + f'<p class="same">{escape(screen.same_as)}</p>')
            continue
        standard = ""  # the language's page without calm mode, which its calm page is compared with
        for version in screen.versions:
            language = content.language(version.lang).ui.language_name
            label = fill(ui.pack_calm, language=language) if version.calm else language
            parts.append(f'<p class="version"><a name="{LABEL_ANCHOR}{number}-{len(parts)}"></a>{escape(label)}</p>')
            if version.page.html is None:
                parts.append(f"<p>{escape(ui.unavailable)}</p>")
                continue
            style = style or next(iter(_STYLE.findall(version.page.html)), "")
            inner = pictures.inner(version.page)
            if version.calm:
                inner = _mark_changes(inner, standard)
            else:
                standard = inner
            parts.append(inner)
        parts.append(_sources_block(ui, book, screen, numbers))
        parts.append(_sign_table(ui, (ui.pack_checked_by, ui.pack_date, ui.pack_signature)))
        sections.append("\n".join(parts))
    contents = " · ".join(f'<a href="#{SCREEN_ANCHOR}{i}">{escape(s.title)}</a>'
                          for i, s in enumerate(screens, 1) if not s.same_as)
    made = fill(ui.pack_made, date=made_on.isoformat(), folder=content.folder)
    head = (f'<p class="h1">{escape(ui.pack_title)}</p><p class="lead">{escape(content.clinic.name)}</p>'
            f"<p>{escape(made)}</p><p>{escape(ui.pack_intro)}</p>"
            f'<p class="h2">{escape(ui.pack_contents)}</p><p class="contents">{contents}</p>')
    return ReviewPack(head + "\n".join(sections) + _sources_list(ui, book, numbers) + _signoff(ui, book),
                      style, pictures.images, ui.pack_title)


def _source_numbers(book: PageBook) -> dict[str, int]:
    """Each source id's number in the sources list: the order of the clinic's language's sources.yaml."""
    sources = book.content.base.sources
    ids = [s.id for s in sources.sources if s.id] if sources else []
    return {source_id: n for n, source_id in enumerate(dict.fromkeys(ids), 1)}


def _sources_block(ui: UiText, book: PageBook, screen: PackScreen, numbers: dict[str, int]) -> str:
    """What backs a screen, in any of its languages: each source it names, by its number in the list."""
    if screen.screen.kind is ScreenKind.SOURCES:
        return ""  # the sources page is the list itself, at the end
    named = {n.id: n for lang in book.content.languages
             for n in page_sources(book, lang, screen.screen) or ()}
    if not named:
        return f'<p class="sources"><b>{escape(ui.pack_no_sources)}</b></p>'
    base = {n.id: n for n in page_sources(book, book.content.base.code, screen.screen) or ()}
    items = []
    for source_id, found in named.items():
        shown = base.get(source_id, found).source
        label = f"[{numbers[source_id]}]" if source_id in numbers else ""
        text = escape(shown.supports.text) if shown else escape(source_id)
        short = f' <span class="packref">({escape(_short_reference(shown))})</span>' if shown else ""
        items.append(f"<li>{label} {text}{short}</li>")
    return f'<div class="sources"><p><b>{escape(ui.pack_sources)}</b></p><ul>{"".join(items)}</ul></div>'


def _short_reference(source: Source) -> str:
    """The first author and year of a citation, "Lucena-Anton D ... 2022", to find it in the list."""
    author = source.reference.split(",")[0].strip()
    year = re.search(r"\b(19|20)\d\d\b", source.reference)
    return f"{author} … {year.group(0)}" if year else author


def _sources_list(ui: UiText, book: PageBook, numbers: dict[str, int]) -> str:
    """Every source in full, numbered, with each language's note for the reviewer."""
    content = book.content
    base = content.base.sources
    if base is None:
        return ""
    items = []
    for source in base.sources:
        notes = [source.note] if source.note else []
        for language in content.languages.values():
            own = language.sources.by_id(source.id) if language.sources and source.id else None
            if own is not None and own.note and own.note not in notes:
                notes.append(own.note)
        label = f"[{numbers[source.id]}] " if source.id in numbers else ""
        note = "".join(f'<br><span class="packnote">{escape(ui.pack_note)} {escape(n)}</span>' for n in notes)
        items.append(f'<li>{label}{escape(source.supports.text)}<br>'
                     f'<span class="packref">{escape(source.reference)}</span>{note}</li>')
    return (f'<p class="screen-title"><a name="{SCREEN_ANCHOR}sources"></a>{escape(ui.pack_sources_list)}</p>'
            f'<ul class="sources">{"".join(items)}</ul>')


def _sign_table(ui: UiText, words: tuple[str, ...]) -> str:
    cells = "".join(f'<td width="{100 // len(words)}%"><b>{escape(w)}</b><br>&nbsp;</td>' for w in words)
    return f'<table class="sign" cellspacing="0" width="100%"><tr>{cells}</tr></table>'


def _signoff(ui: UiText, book: PageBook) -> str:
    content = book.content
    rows = "".join(
        f"<tr><td>{escape(display_path(path))}</td><td>{escape(fingerprint(page))}</td>"
        f"<td>{escape(_review(page, ui.pack_changed))}</td></tr>"
        for language in content.languages.values() for path, page in content_files(content, language))
    return (f'<p class="screen-title"><a name="{SIGNOFF_ANCHOR}"></a>{escape(ui.pack_signoff)}</p>'
            f'<p>{escape(ui.pack_files)}</p><table class="signoff" cellspacing="0">{rows}</table><br>'
            f'<table class="signoff" cellspacing="0" width="100%">'
            + "".join(f'<tr><td width="30%"><b>{escape(word)}</b></td><td>&nbsp;</td></tr>'
                      for word in (ui.pack_name, ui.pack_role, ui.pack_date, ui.pack_signature, ui.pack_review_by))
            + "</table>")


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
