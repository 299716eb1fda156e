"""Every kind of mistake a staff member can make in a content file gets a file:line message."""

import pytest

from kiosk.model.content import region_path
from kiosk.model.problems import ContentError
from kiosk.reading.folder import load_content, parse_region, read_file
from kiosk.reading.yamltext import decode
from tests.support.content import edit, line_of

REGIONS = ("quads", "hamstrings", "calves", "foot")


def problems_for(path, region_id="calves"):
    with pytest.raises(ContentError) as caught:
        read_file(path, parse_region, region_id=region_id)
    return [str(p) for p in caught.value.problems]


def test_shipped_region_loads_into_typed_immutable_objects(content_copy):
    region = read_file(region_path(content_copy, "calves"), parse_region, region_id="calves")
    assert region.id == "calves"
    assert region.name == "Calves and shins"
    assert isinstance(region.does_here, tuple) and region.does_here
    assert region.soreness.curve[0].hours == 0
    assert region.soreness.peak_hours <= region.soreness.mostly_gone_hours <= region.soreness.gone_hours
    with pytest.raises(AttributeError):
        region.name = "Shins"


def test_wrong_type_names_file_line_and_field(content_copy):
    path = region_path(content_copy, "calves")
    edit(path, "{hours: 6, level: 4}", '{hours: "soon", level: 4}')
    line = line_of(path, "hours: \"soon\"")
    assert problems_for(path) == [
        f"{path}:{line}: 'soreness.curve[2].hours' must be a number, got \"soon\""
    ]


def test_missing_key(content_copy):
    path = region_path(content_copy, "calves")
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(line for line in text.splitlines() if not line.startswith("muscles:")
                              and not line.startswith("  Your two big calf")), encoding="utf-8")
    [message] = problems_for(path)
    assert message == f"{path}:3: 'muscles' is missing"


def test_unknown_key_is_an_error_with_spelling_hint(content_copy):
    path = region_path(content_copy, "calves")
    edit(path, "  curve:", "  curv:")
    line = line_of(path, "curv:")
    messages = problems_for(path)
    assert f"{path}:{line}: 'soreness.curv' is not a name this file uses; check the spelling " \
           "(expected one of: summary, curve, tips)" in messages
    assert any("'soreness.curve' is missing" in m for m in messages)


def test_duplicate_key_is_an_error_not_silently_overwritten(content_copy):
    path = region_path(content_copy, "calves")
    edit(path, "name: Calves and shins\n", "name: Calves and shins\nname: Shins\n")
    assert problems_for(path) == [
        f"{path}:4: 'name' is written twice in the same place (first on line 3); keep only one"
    ]


def test_yaml_syntax_error_points_at_the_line(content_copy):
    path = region_path(content_copy, "calves")
    edit(path, "name: Calves and shins\n", "name: Calves and shins\n  muscles: [unclosed\n")
    [message] = problems_for(path)
    assert message.startswith(f"{path}:4: this line can't be read as YAML")
    assert "indentation" in message


def test_empty_file(content_copy):
    path = region_path(content_copy, "calves")
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert problems_for(path) == [f"{path}:1: the file is empty; it needs its fields filled in"]


def test_non_utf8_bytes_name_the_line(content_copy):
    path = region_path(content_copy, "calves")
    data = path.read_bytes().replace(b"name: Calves", b"name: Pantorrilla \xe9")
    path.write_bytes(data)
    [message] = problems_for(path)
    assert message == (f"{path}:3: this file is not saved as UTF-8 text (unexpected byte 0xe9). "
                       "Open it in a text editor and save it with the UTF-8 encoding")


def test_byte_order_mark_is_accepted():
    assert decode("\ufeffname: x".encode("utf-8"), "f.yaml") == "name: x"


def test_chart_numbers_out_of_range_and_out_of_order(content_copy):
    path = region_path(content_copy, "calves")
    edit(path, "{hours: 72, level: 0}", "{hours: 100, level: 0}")
    line = line_of(path, "hours: 100")
    assert problems_for(path) == [f"{path}:{line}: 'soreness.curve[6].hours' must be between 0 and 72 hours, got 100"]

    edit(path, "{hours: 100, level: 0}", "{hours: 72, level: 11}")
    assert problems_for(path) == [f"{path}:{line}: 'soreness.curve[6].level' must be between 0 and 10, got 11"]

    edit(path, "{hours: 72, level: 11}", "{hours: 24, level: 0}")
    [message] = problems_for(path)
    assert message == (f"{path}:{line_of(path, 'curve:')}: the hours in 'soreness.curve' must go up, each later "
                       "than the one before (got 0, 6, 12, 24, 48, 24)")


def test_text_field_given_a_list_and_a_list_given_text(content_copy):
    path = region_path(content_copy, "calves")
    edit(path, "name: Calves and shins", "name: [Calves, Shins]")
    edit(path, "helps_with:\n  - Calves that feel tight or stiff\n  - Shin pain, often called shin splints",
         "helps_with: Tight calves")
    messages = problems_for(path)
    assert f"{path}:3: 'name' must be text, got a list" in messages
    assert f"{path}:{line_of(path, 'helps_with:')}: 'helps_with' must be a list with at least one '- ' line, " \
           "got \"Tight calves\"" in messages


def test_every_problem_in_a_file_is_reported_at_once(content_copy):
    path = region_path(content_copy, "calves")
    edit(path, "name: Calves and shins", "name: 12")
    edit(path, "{hours: 6, level: 4}", "{hours: 6, level: soon}")
    messages = problems_for(path)
    assert len(messages) == 2
    assert "'name' must be text, got 12 (put it in quotes)" in messages[0]


def test_bad_colour_in_clinic_file(content_copy):
    from kiosk.reading.folder import parse_clinic

    path = content_copy / "clinic.yaml"
    edit(path, '"#1d5c7a"', "blue")
    with pytest.raises(ContentError) as caught:
        read_file(path, parse_clinic)
    [problem] = caught.value.problems
    assert problem.line == line_of(path, "primary:")
    assert "'colours.primary' must be a colour written like #1f5f8b, got \"blue\"" in problem.message


def test_one_broken_region_leaves_the_others_loaded(content_copy):
    edit(region_path(content_copy, "calves"), "{hours: 6, level: 4}", "{hours: 6, level: soon}")
    content = load_content(content_copy, REGIONS)
    assert set(content.base.regions) == {"quads", "hamstrings", "foot"}
    assert [p.line for p in content.region_problems("calves")] == [
        line_of(region_path(content_copy, "calves"), "level: soon")
    ]


def test_missing_region_file_and_unknown_region_file(content_copy):
    region_path(content_copy, "foot").unlink()
    (content_copy / "regions" / "knee.yaml").write_text("name: Knee\n", encoding="utf-8")
    content = load_content(content_copy, REGIONS)
    messages = [str(p) for p in content.problems]
    assert f"{region_path(content_copy, 'foot')}: this file is missing" in messages
    knee = [p for p in content.problems if p.path.endswith("knee.yaml")]
    assert knee and knee[0].warning and "there is no 'knee' on the body map" in knee[0].message


def test_broken_shared_file_falls_back_to_shipped_one(content_copy):
    from tests.support.content import SHIPPED_CONTENT

    edit(content_copy / "ui.yaml", "title:", "titel:")
    content = load_content(content_copy, REGIONS, fallback=SHIPPED_CONTENT)
    assert content.base.ui.title == "Dry needling for runners"
    assert any("'titel' is not a name this file uses" in p.message for p in content.problems)
    with pytest.raises(ContentError):
        load_content(content_copy, REGIONS)  # no fallback: the problem is fatal
