"""The artwork contract: the SVG's muscle outlines are what hit-testing uses."""

import pytest

from kiosk.reading.bodyart import ArtError, load_art, parse_art, parse_path


def test_path_parser_handles_relative_and_shorthand_commands():
    steps = parse_path("M10,10 l5 5 h10 v-3 c1 1 2 2 3 3 s1 1 2 2 q1 1 2 2 t3 3 z")
    assert steps == (
        ("M", 10, 10), ("L", 15, 15), ("L", 25, 15), ("L", 25, 12),
        ("C", 26, 13, 27, 14, 28, 15), ("C", 29, 16, 29, 16, 30, 17),
        ("Q", 31, 18, 32, 19), ("Q", 33, 20, 35, 22), ("Z",),
    )


def test_numbers_after_a_moveto_are_lines():
    assert parse_path("M0 0 10 0 10 10Z") == (("M", 0, 0), ("L", 10, 0), ("L", 10, 10), ("Z",))


@pytest.mark.parametrize("bad", ["L 1 2", "M 1", "M 0 0 A 5 5 0 0 1 10 10"])
def test_unsupported_path_data_is_refused(bad):
    with pytest.raises(ArtError):
        parse_path(bad)


def test_art_without_regions_or_with_transforms_is_refused():
    with pytest.raises(ArtError, match="no regions"):
        parse_art(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0L1 1Z"/></svg>')
    with pytest.raises(ArtError, match="transform"):
        parse_art(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g transform="scale(2)">'
                  b'<path data-region="foot" d="M0 0L1 1Z"/></g></svg>')


def test_shipped_art_has_every_region_on_both_legs():
    art = load_art()
    assert set(art.region_ids) == {"quads", "hamstrings", "calves", "foot"}
    for region_id, outlines in art.outlines.items():
        assert len(outlines) >= 2, region_id
        for outline in outlines:
            assert outline[0][0] == "M" and outline[-1] == ("Z",)


def test_regions_are_ordered_head_to_toe():
    assert load_art().region_ids == ("quads", "hamstrings", "calves", "foot")


def test_names_are_placed_where_the_art_says():
    art = load_art()
    assert {label.region for label in art.labels} == set(art.region_ids)
    assert [view for view, _, _ in art.views] == ["front", "back", "soles"]


def test_a_name_placed_for_a_missing_region_is_refused():
    with pytest.raises(ArtError, match="'knee'"):
        parse_art(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                  b'<path data-region="foot" d="M0 0L1 1Z"/><circle data-label="knee" cx="1" cy="1" r="0"/></svg>')
    with pytest.raises(ArtError, match="cx and cy"):
        parse_art(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                  b'<path data-region="foot" d="M0 0L1 1Z"/><circle data-label="foot" cx="a" r="0"/></svg>')


def test_a_name_marker_may_ask_for_other_words_and_the_front_foot_is_no_region():
    art = load_art()
    calves = sorted((label for label in art.labels if label.region == "calves"), key=lambda label: label.x)
    assert [label.words for label in calves] == ["shins", "calves"]  # front, then back
    assert all(label.words is None for label in art.labels if label.region != "calves")
    assert len(art.outlines["foot"]) == 4  # the heel from behind and the soles, both feet; not the top
    parsed = parse_art(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                       b'<path data-region="foot" d="M0 0L1 1Z"/>'
                       b'<circle data-label="foot" data-words="heel" cx="1" cy="2" r="0"/></svg>')
    assert parsed.labels == (("foot", 1.0, 2.0, "heel"),)
