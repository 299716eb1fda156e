"""tools/compare_tours.py, which proves a change left every screen as it was."""

import runpy

from PySide6.QtGui import QColor, QImage

from tests.support.content import REPO

compare_tours = runpy.run_path(str(REPO / "tools" / "compare_tours.py"))


def picture(path, changed=None):
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    if changed:
        image.setPixelColor(*changed, QColor("black"))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))


def test_two_tours_alike_are_said_to_be_the_same(tmp_path):
    for tour in ("before", "after"):
        picture(tmp_path / tour / "en" / "home.png")
    assert compare_tours["compare"](tmp_path / "before", tmp_path / "after") == []
    assert compare_tours["main"]([str(tmp_path / "before"), str(tmp_path / "after")]) == 0


def test_one_pixel_and_a_missing_picture_are_named(tmp_path):
    picture(tmp_path / "before" / "en" / "home.png")
    picture(tmp_path / "after" / "en" / "home.png", changed=(7, 5))
    picture(tmp_path / "before" / "es" / "home.png")
    assert compare_tours["compare"](tmp_path / "before", tmp_path / "after") == [
        "only before: es/home.png", "differs: en/home.png: 1 pixels in (7, 5, 7, 5)"]
    assert compare_tours["main"]([str(tmp_path / "before"), str(tmp_path / "after")]) == 1
