"""Every content file has a bounded cost: a file past a limit is refused with a message naming it,
the rest of the content still loads, and the kiosk starts."""

import pytest

from kiosk.model.problems import ContentError
from kiosk.reading.folder import load_content
from kiosk.reading.limits import MAX_YAML_BYTES, MAX_YAML_DEPTH, MAX_YAML_PARTS
from kiosk.reading.yamltext import parse
from tests.support.commands import kiosk_command
from tests.support.content import line_of

REGIONS = ("quads", "hamstrings", "calves", "foot")


def steps_that_repeat(times: int, passages: int) -> str:
    """A region's session_steps where every step is the same alias: a small file that stands for
    ``times * passages`` passages."""
    words = "".join(f"      - Words {n}\n" for n in range(passages))
    steps = "".join(f"  step{n}: *same\n" for n in range(1, times))
    return f"session_steps:\n  step0: &same\n    passages:\n{words}{steps}"


def calves_with(content, extra: str):
    calves = content / "regions" / "calves.yaml"
    text = calves.read_text(encoding="utf-8")
    start = text.index("session_steps:")
    calves.write_text(text[:start] + extra, encoding="utf-8")
    return calves


def problems_of(content, path):
    loaded = load_content(content, REGIONS)
    return loaded, [p for p in loaded.problems if p.path == str(path) and not p.warning]


@pytest.mark.timeout(60)  # today's main reads every repeat: minutes
def test_an_alias_bomb_is_refused_by_what_it_stands_for_and_the_rest_loads(content_copy):
    calves = calves_with(content_copy, steps_that_repeat(2500, 2500))
    assert calves.stat().st_size < 100_000, "a small file"
    loaded, [problem] = problems_of(content_copy, calves)
    assert "too many parts" in problem.message and f"{MAX_YAML_PARTS:,}" in problem.message
    assert "alias" in problem.message
    assert "calves" not in loaded.base.regions and "foot" in loaded.base.regions


def test_a_few_aliases_are_fine(content_copy):
    calves = calves_with(content_copy, steps_that_repeat(3, 2).replace("step0:", "lie_down:")
                         .replace("step1:", "needles_in:").replace("step2:", "afterwards:"))
    loaded, problems = problems_of(content_copy, calves)
    assert [p for p in problems if "parts" in p.message] == []


def test_an_alias_inside_its_own_anchor_is_refused_not_followed_forever(content_copy):
    calves = calves_with(content_copy, "session_steps: &loop\n  lie_down: *loop\n")
    _, [problem] = problems_of(content_copy, calves)
    assert f"nested more than {MAX_YAML_DEPTH} levels deep" in problem.message


def test_a_file_nested_too_deeply_names_the_line(content_copy):
    calves = calves_with(content_copy, "session_steps:\n  lie_down: " + "[" * 900 + "]" * 900 + "\n")
    _, [problem] = problems_of(content_copy, calves)
    assert problem.line == line_of(calves, "[[[") and "nested more than" in problem.message


@pytest.mark.parametrize("number", ["1" + "0" * 5000, "1" + ":1" * 60000])
def test_a_number_far_too_long_names_its_line(content_copy, number):
    # Python refuses integers of over 4300 digits (today: "unexpected error"), and YAML's 1:2:3 numbers
    # in base 60 take seconds to read.
    calves = content_copy / "regions" / "calves.yaml"
    text = calves.read_text(encoding="utf-8")
    calves.write_text(text.replace("hours: 0", f"hours: {number}", 1), encoding="utf-8")
    _, [problem] = problems_of(content_copy, calves)
    assert problem.line == line_of(calves, "hours: 1") and "more than 100 digits" in problem.message


def test_a_file_too_large_is_refused_before_it_is_read(content_copy):
    calves = content_copy / "regions" / "calves.yaml"
    with calves.open("a", encoding="utf-8") as file:
        file.write("# " + "x" * MAX_YAML_BYTES + "\n")
    loaded, [problem] = problems_of(content_copy, calves)
    assert problem.line is None and "too large to use" in problem.message and "256 KB" in problem.message
    assert "calves" not in loaded.base.regions


def test_check_content_names_the_file_for_each(content_copy):
    calves = content_copy / "regions" / "calves.yaml"
    calves.write_text(calves.read_text(encoding="utf-8").replace("hours: 0", "hours: 1" + "0" * 5000, 1),
                      encoding="utf-8")
    quads = calves_with(content_copy, "") and content_copy / "regions" / "quads.yaml"
    quads.write_text(quads.read_text(encoding="utf-8") + "# " + "x" * MAX_YAML_BYTES, encoding="utf-8")
    result = kiosk_command("--check-content", content_copy)
    assert result.returncode == 1 and "unexpected error" not in result.stdout + result.stderr
    assert f"{quads}: this file is too large to use" in result.stdout


def test_every_limit_message_is_a_content_error_from_the_parser():
    for text in ("a: " + "[" * 30 + "]" * 30, "a: 1" + "0" * 200):
        with pytest.raises(ContentError) as caught:
            parse(text, "x.yaml")
        assert caught.value.problems[0].line == 1
