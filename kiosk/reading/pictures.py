"""The clinic's pictures: read with the rest of the content, checked, and kept in memory.

A picture is read once, when its content is loaded, and shown from memory from then on: a
content folder on a network share that drops keeps its pictures, the clinic's logo above all
(its words are kept the same way). The logo comes only from the clinic's own folder, never
from the shipped example. Each picture has a bounded cost (kiosk.reading.limits): its file size, the
size it says it is, and the parts it draws, each ``<use>`` counted as what it repeats. No Qt here.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from xml.etree import ElementTree

from kiosk.reading.limits import MAX_PICTURE_BYTES, MAX_PICTURE_PARTS, MAX_PICTURE_SIDE, too_large
from kiosk.system.resources import picture_path

XLINK = "{http://www.w3.org/1999/xlink}href"
# A length in an SVG's width or height, in CSS pixels per unit.
_UNITS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0,
          "em": 16.0, "ex": 8.0}
_LENGTH = re.compile(r"^\s*([0-9.eE+-]+)\s*([a-z]*)\s*$")


class PictureTrouble(Exception):
    """Why a picture can't be shown, in staff words."""


def read_picture(name: str, folder: Path, own_only: bool = False) -> str:
    """The SVG text of a picture a content file names: from the content folder, else (unless
    ``own_only``) the shipped picture of that name. PictureTrouble says what is wrong."""
    try:
        if own_only and (Path(name).is_absolute() or ".." in Path(name).parts):
            raise ValueError(name)
        path = folder / name if own_only else picture_path(name, folder)
        with path.open("rb") as file:
            data = file.read(MAX_PICTURE_BYTES + 1)  # no more, even if the file grows while it is read
    except ValueError:
        raise PictureTrouble(f"the picture {name} must be a file inside the content folder") from None
    except FileNotFoundError:
        raise PictureTrouble(f"the picture {name} is not in the content folder; check the file name") from None
    except OSError as exc:
        raise PictureTrouble(f"the picture {name} can't be opened ({exc.strerror})") from None
    if len(data) > MAX_PICTURE_BYTES:
        raise PictureTrouble(too_large(path, MAX_PICTURE_BYTES, f"the picture {name}", "a picture"))
    if path.suffix.lower() != ".svg":
        raise PictureTrouble(f"the picture {name} must be an SVG drawing (a .svg file)")
    try:
        root = ElementTree.fromstring(data)
        text = data.decode("utf-8-sig")
    except ElementTree.ParseError as exc:
        raise PictureTrouble(f"the picture {name} can't be read as an SVG drawing ({exc}); "
                             "save it again from the drawing program") from None
    except UnicodeDecodeError:
        raise PictureTrouble(f"the picture {name} is not saved as UTF-8 text; "
                             "save it again from the drawing program") from None
    if not root.tag.endswith("svg"):
        raise PictureTrouble(f"the picture {name} is not an SVG drawing")
    trouble = _size_trouble(root) or _parts_trouble(root)
    if trouble:
        raise PictureTrouble(f"the picture {name} {trouble}")
    return text


def declared_size(root: ElementTree.Element) -> tuple[float, float] | None:
    """The size an SVG says it is, in pixels: its width and height, else its viewBox."""
    box = root.get("viewBox", "").replace(",", " ").split()
    sizes = []
    for index, attribute in ((2, "width"), (3, "height")):
        found = _LENGTH.match(root.get(attribute, ""))
        if found and found.group(2) in _UNITS:
            sizes.append(float(found.group(1)) * _UNITS[found.group(2)])
        elif len(box) == 4:
            sizes.append(float(box[index]))
        else:
            return None
    return sizes[0], sizes[1]


def _size_trouble(root: ElementTree.Element) -> str | None:
    try:
        size = declared_size(root)
    except ValueError:
        return "has a width, height or viewBox that is not a number"
    if size is not None and max(size) > MAX_PICTURE_SIDE:
        return (f"says it is {size[0]:,.0f} by {size[1]:,.0f} pixels; a picture may be at most "
                f"{MAX_PICTURE_SIDE:,} by {MAX_PICTURE_SIDE:,}: save it smaller from the drawing program")
    return None


def _parts_trouble(root: ElementTree.Element) -> str | None:
    """Too many parts to draw, each <use> counted as what it repeats; or a file it draws from outside."""
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    known: dict[int, int] = {}
    drawing: set[int] = set()

    def parts(element: ElementTree.Element) -> int:
        if id(element) in known:
            return known[id(element)]
        if id(element) in drawing:
            raise PictureTrouble("repeats itself without end (a <use> inside what it uses)")
        drawing.add(id(element))
        total = 1 + sum(parts(child) for child in element)
        link = element.get(XLINK) or element.get("href") or ""
        if element.tag.endswith("}use") and link.startswith("#") and link[1:] in by_id:
            total += parts(by_id[link[1:]])
        elif element.tag.endswith("}image") and link and not link.startswith("data:"):
            raise PictureTrouble(f"draws another file ({link[:60]}); save it with its pictures inside it")
        elif element.tag.endswith("}image") and link:
            size = _bitmap_size(link)
            if size and max(size) > MAX_PICTURE_SIDE:
                raise PictureTrouble(f"has a photo inside it of {size[0]:,} by {size[1]:,} pixels; a photo may be at "
                                     f"most {MAX_PICTURE_SIDE:,} by {MAX_PICTURE_SIDE:,}: save it smaller")
        drawing.discard(id(element))
        known[id(element)] = total
        if total > MAX_PICTURE_PARTS:
            raise PictureTrouble(f"has too many parts to draw ({total:,} or more, each <use> counted as what "
                                 f"it repeats); a picture may have at most {MAX_PICTURE_PARTS:,}")
        return total

    try:
        parts(root)
    except PictureTrouble as exc:
        return str(exc)
    except RecursionError:
        return "has its parts nested too deeply to draw"
    return None


def _bitmap_size(uri: str) -> tuple[int, int] | None:
    """The width and height a PNG, GIF or JPEG inside a picture (a data: address) says it has."""
    head, _, body = uri.partition(",")
    try:
        data = base64.b64decode(body, validate=False) if head.endswith(";base64") else body.encode("latin-1")
    except (ValueError, UnicodeEncodeError):
        return None
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data[:4] == b"GIF8" and len(data) >= 10:
        return int.from_bytes(data[6:8], "little"), int.from_bytes(data[8:10], "little")
    at = 2 if data[:2] == b"\xff\xd8" else len(data)
    while at + 9 <= len(data) and data[at] == 0xFF:  # JPEG: the frame's size is in its SOF marker
        marker, length = data[at + 1], int.from_bytes(data[at + 2:at + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return int.from_bytes(data[at + 7:at + 9], "big"), int.from_bytes(data[at + 5:at + 7], "big")
        at += 2 + length
    return None
