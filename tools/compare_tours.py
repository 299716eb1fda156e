"""Compares two screenshot tours (``kiosk --screenshot DIR``), picture by picture.

A change meant to leave every screen as it was (moving code, renaming) is proven so by this:

    kiosk --screenshot /tmp/before   # on the commit before
    kiosk --screenshot /tmp/after    # on the change
    python tools/compare_tours.py /tmp/before /tmp/after

It prints each picture only one tour has and each that differs (with how many pixels, and the box
they lie in), and exits 1 if any does; 0 when both tours are the same pixel for pixel.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QImage


def differences(before: QImage, after: QImage) -> tuple[int, tuple[int, int, int, int] | None]:
    """How many pixels differ, and the box (left, top, right, bottom) they lie in."""
    if before.size() != after.size():
        return before.width() * before.height(), None
    a = before.convertToFormat(QImage.Format.Format_RGB32)
    b = after.convertToFormat(QImage.Format.Format_RGB32)
    count, box = 0, [a.width(), a.height(), -1, -1]
    for y in range(a.height()):
        row_a, row_b = bytes(a.constScanLine(y))[: a.width() * 4], bytes(b.constScanLine(y))[: b.width() * 4]
        if row_a == row_b:
            continue
        for x in range(a.width()):
            if row_a[x * 4:x * 4 + 4] != row_b[x * 4:x * 4 + 4]:
                count += 1
                box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
    return count, (box[0], box[1], box[2], box[3]) if count else None


def compare(before_dir: Path, after_dir: Path) -> list[str]:
    """One line per picture that is not the same in both tours."""
    before = {p.relative_to(before_dir).as_posix() for p in before_dir.rglob("*.png")}
    after = {p.relative_to(after_dir).as_posix() for p in after_dir.rglob("*.png")}
    lines = [f"only before: {name}" for name in sorted(before - after)]
    lines += [f"only after: {name}" for name in sorted(after - before)]
    for name in sorted(before & after):
        count, box = differences(QImage(str(before_dir / name)), QImage(str(after_dir / name)))
        if count:
            where = f" in {box}" if box else " (a different size)"
            lines.append(f"differs: {name}: {count} pixels{where}")
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    lines = compare(Path(argv[0]), Path(argv[1]))
    print("\n".join(lines) if lines else "the two tours are the same, pixel for pixel")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
