"""The body-map artwork: which muscle shapes in the SVG belong to which region.

The SVG under ``assets/`` is the single source of the region shapes; the widget
draws it and hit-tests against the same outlines read here, so a tap is judged
against exactly what the patient sees. No Qt here: outlines are plain tuples.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

if TYPE_CHECKING:
    from typing_extensions import Unpack  # typing has it from Python 3.11

SVG_NS = "{http://www.w3.org/2000/svg}"

# One drawing step: ("M", x, y), ("L", x, y), ("Q", cx, cy, x, y),
# ("C", c1x, c1y, c2x, c2y, x, y) or ("Z",). All absolute coordinates.
# Written as a string: a command letter then numbers can't be spelled at run time before Python 3.11.
Step: TypeAlias = "tuple[str, Unpack[tuple[float, ...]]]"


class Label(NamedTuple):
    """Where a region's name is written on the map. ``words`` names other words to write there
    (from ui.yaml: "shins" is the front of the lower leg, which opens the calves), or is None
    for the region's own name."""

    region: str
    x: float
    y: float
    words: str | None = None


@dataclass(frozen=True)
class BodyArt:
    svg: bytes
    view_box: tuple[float, float, float, float]
    outlines: dict[str, tuple[tuple[Step, ...], ...]]  # region id -> one outline per leg/view, head to toe
    # Where names are written on the map (from ``data-label`` and ``data-view`` markers):
    # a region's name, and each view's ("front", "back", "soles"), in art units.
    labels: tuple[Label, ...] = ()
    views: tuple[tuple[str, float, float], ...] = ()

    @property
    def region_ids(self) -> tuple[str, ...]:
        return tuple(self.outlines)


class ArtError(ValueError):
    pass


def parse_art(svg: bytes) -> BodyArt:
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        raise ArtError(f"the body map picture can't be read: {exc}") from None
    try:
        view_box = tuple(float(v) for v in root.attrib["viewBox"].replace(",", " ").split())
    except (KeyError, ValueError):
        raise ArtError("the body map picture needs a viewBox of four numbers") from None
    if len(view_box) != 4:
        raise ArtError("the body map picture needs a viewBox of four numbers")
    for element in root.iter():
        if "transform" in element.attrib:
            raise ArtError(f"'{element.get('id', element.tag)}' has a transform; region outlines must not")
    outlines: dict[str, list[tuple[Step, ...]]] = {}
    for element in root.iter(f"{SVG_NS}path"):
        region = element.get("data-region")
        if region:
            outlines.setdefault(region, []).append(parse_path(element.get("d", "")))
    if not outlines:
        raise ArtError("the body map picture has no regions (paths with data-region)")
    # Head to toe, so the button row reads in the same order as the body.
    order = sorted(outlines, key=lambda region: min(_top(outline) for outline in outlines[region]))
    labels = tuple(Label(name, x, y, words) for name, x, y, words in _anchors(root, "data-label"))
    unknown = [label.region for label in labels if label.region not in outlines]
    if unknown:
        raise ArtError(f"a name is placed for '{unknown[0]}', which has no region shape")
    return BodyArt(svg, view_box, {region: tuple(outlines[region]) for region in order},
                   labels, tuple((name, x, y) for name, x, y, _ in _anchors(root, "data-view")))


def _anchors(root: ET.Element, attribute: str) -> list[tuple[str, float, float, str | None]]:
    """Markers saying where a name is written: any element with ``attribute`` and cx/cy (and
    perhaps ``data-words``)."""
    found = []
    for element in root.iter():
        name = element.get(attribute)
        if name:
            try:
                found.append((name, float(element.get("cx", "")), float(element.get("cy", "")),
                              element.get("data-words")))
            except ValueError:
                raise ArtError(f"the {attribute}=\"{name}\" marker needs numbers for cx and cy") from None
    return found


def _top(outline: tuple[Step, ...]) -> float:
    return min(y for step in outline for y in step[1:][1::2])  # every y: the 2nd, 4th, ... number


_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}


def parse_path(d: str) -> tuple[Step, ...]:
    """SVG path data to absolute M/L/Q/C/Z steps (arcs are not supported)."""
    tokens = _TOKEN.findall(d)
    if not tokens or tokens[0] not in "Mm":
        raise ArtError(f"path data must start with M: {d[:40]!r}")
    if re.sub(r"[\s,]", "", d) != "".join(tokens):
        raise ArtError(f"path data has something other than numbers and M L H V C S Q T Z: {d[:40]!r}")
    steps: list[Step] = []
    x = y = start_x = start_y = 0.0
    last_control: tuple[float, float] | None = None  # reflected by S and T
    i, command = 0, tokens[0]  # tokens[0] is M or m, so the loop's first pass sets it again
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
        upper = command.upper()
        count = _ARGS[upper]
        args = [float(t) for t in tokens[i:i + count]]
        if len(args) < count or any(t.isalpha() for t in tokens[i:i + count]):
            raise ArtError(f"'{command}' needs {count} numbers")
        i += count
        rel = command.islower()
        if upper == "Z":
            steps.append(("Z",))
            x, y = start_x, start_y
            last_control = None
            continue
        if upper == "H":
            args = [args[0] + (x if rel else 0), y]
            upper, rel = "L", False
        elif upper == "V":
            args = [x, args[0] + (y if rel else 0)]
            upper, rel = "L", False
        if rel:
            args = [a + (x if k % 2 == 0 else y) for k, a in enumerate(args)]
        if upper in ("S", "T"):
            rx, ry = (2 * x - last_control[0], 2 * y - last_control[1]) if last_control else (x, y)
            args = [rx, ry, *args]
            upper = "C" if upper == "S" else "Q"
        steps.append((upper, *args))
        x, y = args[-2], args[-1]
        last_control = (args[-4], args[-3]) if upper in ("C", "Q") else None
        if upper == "M":
            start_x, start_y = x, y
            command = "l" if rel else "L"  # numbers after a moveto are lines
    return tuple(steps)


def load_art() -> BodyArt:
    """The shipped body map (``assets/bodymap.svg``)."""
    from kiosk.system.resources import asset_path

    path = asset_path("bodymap.svg")
    try:
        return parse_art(path.read_bytes())
    except OSError as exc:
        raise ArtError(f"the body map picture {path} can't be read ({exc.strerror}); "
                       "the kiosk needs reinstalling") from None
