"""Draws kiosk/assets/bodymap.svg: a runner's legs, front and back, and the soles of the feet.

Run ``python tools/bodymap_art.py > kiosk/assets/bodymap.svg`` after changing a number here.
Each outline is a list of points (millimetres of a life-size leg, hips at the top) that a
Catmull-Rom spline turns into smooth cubic curves, so the drawing stays anatomical-looking
while the numbers stay readable. Regions (``data-region``) are the shapes the kiosk hit-tests;
``data-label`` marks where a region's name is written on the map (``data-words`` names other
words from ui.yaml to write there: the calves page is about calves and shins, so the front of the
lower leg says "Shins" and the back "Calves"), ``data-view`` where a view's name ("Front", "Back",
"Soles") goes. The soles are drawn 1.35 times life size: they are the foot's big target. The front
view's foot is not a region: its top is not the sole or the heel that the foot page is about.
"""

from __future__ import annotations

Point = tuple[float, float]

FRONT_X, BACK_X = 200.0, 585.0  # the middle of each pair of legs
SOLES = ((880.0, -1.0), (1035.0, 1.0))  # the middle of each sole; -1 mirrors it
SOLE_TOP, SOLE_SCALE = 600.0, 1.35  # the soles' tops below the calves' keeps the regions head to toe
WIDTH, HEIGHT = 1115, 1014
TOP = 22  # the waist: the map is wider than tall, so it fills the width beside the column at every text size

SKIN, OUTLINE, DETAIL = "#e9e2d8", "#9a8f80", "#c2b6a6"
SKIN_STYLE = f'fill="{SKIN}" stroke="{OUTLINE}" stroke-width="5" stroke-linejoin="round"'
COLOURS = {  # fill, stroke: the colours the map has always had
    "quads": ("#7fb3d5", "#3f7fa8"),
    "hamstrings": ("#9bc7a4", "#4f8f5c"),
    "calves": ("#f0b27a", "#c0783a"),
    "foot": ("#c39bd3", "#8a5aa0"),
}

# One leg (the one on the right of the picture), x from the middle of the pair, y down.
OUTER = [(156, 32), (168, 60), (178, 125), (176, 205), (167, 300), (155, 400), (141, 490),
         (131, 560), (128, 615), (135, 685), (129, 765), (114, 840), (107, 880), (112, 915),
         (120, 945)]
INNER = [(40, 958), (44, 930), (54, 902), (58, 878), (50, 815), (38, 740), (33, 680),
         (38, 620), (40, 575), (33, 515), (23, 420), (13, 300), (5, 215), (0, 190)]
FOOT_BOTTOM = 960.0

# Regions, as closed outlines on the same leg.
QUADS = [(22, 212), (70, 204), (128, 186), (161, 215), (161, 300), (150, 395), (136, 480),
         (124, 550), (117, 602), (98, 628), (74, 632), (52, 618), (46, 570), (40, 500),
         (30, 410), (20, 300)]
SHIN = [(50, 658), (80, 650), (118, 660), (124, 700), (118, 770), (105, 842), (84, 858),
        (60, 850), (47, 790), (42, 720)]
HAMSTRINGS = [(18, 238), (80, 232), (150, 236), (156, 300), (148, 400), (134, 490),
              (122, 560), (114, 612), (90, 630), (62, 626), (44, 600), (38, 520), (28, 420),
              (18, 320)]
CALVES = [(48, 652), (84, 645), (124, 655), (134, 700), (127, 760), (108, 820), (94, 862),
          (90, 888), (72, 890), (66, 862), (52, 820), (36, 760), (34, 700)]
HEEL = [(58, 910), (84, 906), (108, 912), (114, 940), (106, 954), (84, 956), (60, 954),
        (52, 935)]

# A right sole seen from underneath, heel at the bottom, big toe on the left; life size.
SOLE = [(0, 260), (30, 256), (38, 240), (40, 205), (43, 160), (48, 118), (50, 85), (46, 62),
        (36, 42), (20, 24), (0, 12), (-20, 2), (-38, 4), (-48, 22), (-50, 60), (-46, 100),
        (-34, 140), (-28, 170), (-31, 205), (-34, 238), (-22, 256)]
SOLE_REGION = [(0, 250), (26, 246), (32, 226), (34, 190), (37, 150), (42, 112), (42, 82),
               (36, 62), (18, 52), (0, 46), (-22, 40), (-40, 46), (-42, 66), (-40, 100),
               (-29, 140), (-23, 172), (-26, 210), (-28, 234), (-18, 248)]
TOES = [(-30, 20, 15, 17), (-4, 27, 8, 10), (13, 35, 7, 9), (27, 45, 6, 8), (39, 58, 6, 7)]


def fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def smooth(points: list[Point], closed: bool) -> str:
    """Cubic curves through every point (Catmull-Rom); the path data after the first point."""
    n = len(points)
    count = n if closed else n - 1
    out = []
    for i in range(count):
        p0 = points[(i - 1) % n] if closed or i > 0 else points[0]
        p1, p2 = points[i], points[(i + 1) % n]
        p3 = points[(i + 2) % n] if closed or i + 2 < n else points[-1]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append(f"C {fmt(c1[0])},{fmt(c1[1])} {fmt(c2[0])},{fmt(c2[1])} {fmt(p2[0])},{fmt(p2[1])}")
    return " ".join(out)


def closed_path(points: list[Point]) -> str:
    return f"M {fmt(points[0][0])},{fmt(points[0][1])} {smooth(points, True)} Z"


def place(points: list[Point], x0: float, mirror: bool = False, scale: float = 1.0,
          y0: float = 0.0) -> list[Point]:
    sign = -1.0 if mirror else 1.0
    return [(x0 + sign * x * scale, y0 + y * scale) for x, y in points]


def pair_outline(x0: float) -> str:
    """Both legs and the hips as one shape: waist, outer right, right foot, inner right, crotch,
    inner left, left foot, outer left."""
    right_outer = place(OUTER, x0)
    inner = place(INNER, x0)
    left_inner = place(list(reversed(INNER)), x0, mirror=True)[1:]  # the crotch point once
    left_outer = place(list(reversed(OUTER)), x0, mirror=True)
    rf = (x0 + OUTER[-1][0], FOOT_BOTTOM)
    return (f"M {fmt(right_outer[0][0])},{fmt(right_outer[0][1])} {smooth(right_outer, False)} "
            f"Q {fmt(rf[0])},{fmt(rf[1] - 4)} {fmt(rf[0] - 8)},{fmt(rf[1])} "
            f"L {fmt(inner[0][0])},{fmt(inner[0][1])} {smooth(inner + left_inner, False)} "
            f"L {fmt(left_outer[0][0] + 8)},{fmt(FOOT_BOTTOM)} "
            f"Q {fmt(left_outer[0][0])},{fmt(FOOT_BOTTOM - 4)} {fmt(left_outer[0][0])},{fmt(left_outer[0][1])} "
            f"{smooth(left_outer, False)} Z")


def details(lines: list[list[Point]], x0: float) -> list[str]:
    out = []
    for line in lines:
        for mirror in (False, True):
            pts = place(line, x0, mirror)
            out.append(f'<path d="M {fmt(pts[0][0])},{fmt(pts[0][1])} {smooth(pts, False)}"/>')
    return out


FRONT_DETAILS = [
    [(12, 120), (60, 150), (120, 160)],  # the hip crease
    [(64, 560), (78, 548), (96, 552), (104, 572), (96, 594), (78, 598), (64, 584), (64, 560)],  # kneecap
    [(86, 640), (82, 720), (78, 820), (76, 880)],  # the shin bone
]
BACK_DETAILS = [
    [(70, 614), (96, 616)],  # the crease behind the knee
]
# Running shorts over the hips: the picture starts at the waist without looking cut off.
SHORTS = [(-158, 28), (158, 28), (171, 60), (181, 125), (180, 172), (96, 186), (12, 198),
          (0, 188), (-12, 198), (-96, 186), (-180, 172), (-181, 125), (-171, 60)]
SHORTS_FILL, SHORTS_EDGE = "#c5d0d8", "#8d9aa4"


def region(region_id: str, name: str, points: list[Point]) -> str:
    fill, stroke = COLOURS[region_id]
    return (f'<path id="{name}" data-region="{region_id}" class="region" fill="{fill}" fill-opacity="0.6" '
            f'stroke="{stroke}" stroke-width="3" d="{closed_path(points)}"/>')


def anchor(kind: str, value: str, x: float, y: float, words: str | None = None) -> str:
    named = f' data-words="{words}"' if words else ""
    return f'<circle {kind}="{value}"{named} cx="{fmt(x)}" cy="{fmt(y)}" r="0" fill="none"/>'


def svg() -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<!-- Drawn by tools/bodymap_art.py: change the numbers there, not here. -->",
           f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 {TOP} {WIDTH} {HEIGHT - TOP}" '
           f'width="{WIDTH}" height="{HEIGHT - TOP}">']
    for view, x0, lines in (("front", FRONT_X, FRONT_DETAILS), ("back", BACK_X, BACK_DETAILS)):
        out.append(f'<g id="legs-{view}">')
        out.append(f'<ellipse cx="{fmt(x0)}" cy="{fmt(FOOT_BOTTOM)}" rx="150" ry="10" '
                   f'fill="{OUTLINE}" fill-opacity="0.12"/>')
        out.append(f'<path {SKIN_STYLE} d="{pair_outline(x0)}"/>')
        out.append(f'<g fill="none" stroke="{DETAIL}" stroke-width="3" stroke-linecap="round">')
        out.extend(details(lines, x0))
        out.append("</g>")
        shorts = place(SHORTS, x0)
        waist = f"M {fmt(shorts[0][0])},{fmt(shorts[0][1])} L {fmt(shorts[1][0])},{fmt(shorts[1][1])}"
        out.append(f'<path fill="{SHORTS_FILL}" stroke="{SHORTS_EDGE}" stroke-width="4" stroke-linejoin="round" '
                   f'd="{waist} {smooth(shorts[1:] + shorts[:1], False)} Z"/>')
        seam_end = 150 if view == "front" else 175  # the fly in front, the seam behind
        out.append(f'<path fill="none" stroke="{SHORTS_EDGE}" stroke-width="3" '
                   f'd="M {fmt(x0 - 156)},50 L {fmt(x0 + 156)},50 M {fmt(x0)},50 L {fmt(x0)},{seam_end}"/>')
        out.append("</g>")
    out.append('<g id="soles">')
    for x0, sign in SOLES:
        pts = place(SOLE, x0, sign < 0, SOLE_SCALE, SOLE_TOP)
        out.append(f'<path {SKIN_STYLE} d="{closed_path(pts)}"/>')
    out.append("</g>")
    out.append('<g id="regions">')
    for view, x0, parts in (("front", FRONT_X, (("quads", QUADS), ("calves", SHIN))),
                            ("back", BACK_X, (("hamstrings", HAMSTRINGS), ("calves", CALVES), ("foot", HEEL)))):
        for region_id, points in parts:
            for side, mirror in (("left", True), ("right", False)):
                out.append(region(region_id, f"{region_id}-{side}-{view}", place(points, x0, mirror)))
    for (x0, sign), side in zip(SOLES, ("left", "right")):
        out.append(region("foot", f"foot-{side}-sole", place(SOLE_REGION, x0, sign < 0, SOLE_SCALE, SOLE_TOP)))
    out.append("</g>")
    out.append(f'<g fill="{DETAIL}" fill-opacity="0.9">')  # toe pads, over the sole's colour
    for x0, sign in SOLES:
        for tx, ty, rx, ry in TOES:
            cx, cy = place([(tx, ty)], x0, sign < 0, SOLE_SCALE, SOLE_TOP)[0]
            out.append(f'<ellipse cx="{fmt(cx)}" cy="{fmt(cy)}" '
                       f'rx="{fmt(rx * SOLE_SCALE)}" ry="{fmt(ry * SOLE_SCALE)}"/>')
    out.append("</g>")
    # Where names are written: a region's name between its two shapes, a view's name below it.
    out.append('<g id="labels">')
    sole_mid = (SOLES[0][0] + SOLES[1][0]) / 2
    for region_id, x, y, words in (("quads", FRONT_X, 400, None), ("calves", FRONT_X, 760, "shins"),
                                   ("hamstrings", BACK_X, 420, None), ("calves", BACK_X, 750, "calves"),
                                   ("foot", sole_mid, SOLE_TOP + 190 * SOLE_SCALE, None)):
        out.append(anchor("data-label", region_id, x, y, words))
    for view, x in (("front", FRONT_X), ("back", BACK_X), ("soles", sole_mid)):
        out.append(anchor("data-view", view, x, 993))
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(svg(), end="")
