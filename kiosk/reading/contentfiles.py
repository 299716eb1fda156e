"""Which file each page of a language comes from, and every piece of content inside a page.

Shared by the checks of ``kiosk --check-content`` (calm mode, sign-offs, sources) and the
review pack, so all of them name the same files. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kiosk.model.content import BASE_LANGUAGE, Content, Language
from kiosk.model.parts import Passage


def language_folder(content: Content, code: str) -> Path:
    return content.folder if code == BASE_LANGUAGE else content.folder / "lang" / code


def content_files(content: Content, language: Language) -> Iterator[tuple[Path, object]]:
    """(file, what was read from it) for the page files of one language, leaving out borrowed pages."""
    folder = language_folder(content, language.code)
    base = content.base
    pages: list[tuple[str, object, object]] = [
        ("walkthrough.yaml", language.walkthrough, base.walkthrough),
        ("precautions.yaml", language.precautions, base.precautions),
        ("sources.yaml", language.sources, base.sources)]
    pages += [(f"regions/{r}.yaml", language.regions.get(r), base.regions.get(r)) for r in content.region_ids]
    for name, page, in_base in pages:
        if page is not None and (language is base or page is not in_base):  # a fallback is the base's file
            yield folder / name, page


def walk(value: object, path: str = "") -> Iterator[tuple[str, object]]:
    """(field path, value) for every content object and every text in it, the path as staff see
    it in messages ("steps[3].passages[2]")."""
    if isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from walk(item, f"{path}[{i + 1}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}" if path else str(key))
    elif hasattr(value, "__dataclass_fields__"):
        yield path, value
        for name in value.__dataclass_fields__:
            yield from walk(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, str):
        yield path, value


def passages(page: object) -> dict[str, Passage]:
    return {path: item for path, item in walk(page) if isinstance(item, Passage)}
