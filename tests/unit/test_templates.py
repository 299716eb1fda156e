"""Template mistakes are reported like content mistakes: file, line, what's wrong."""

import pytest

from kiosk.model.problems import ContentError
from kiosk.pages.book import PageBook
from kiosk.pages.render import Renderer
from kiosk.reading.folder import load_content
from tests.support.content import edit, line_of

REGIONS = ("quads", "hamstrings", "calves", "foot")


def render_calves(content_dir):
    content = load_content(content_dir, REGIONS)
    return PageBook(content, Renderer(content_dir / "templates")).region("en", False, "calves")


def test_region_page_shows_the_yaml_words(content_copy):
    edit(content_copy / "regions" / "calves.yaml", "Your two big calf muscles:", "Both calf muscles:")
    page = render_calves(content_copy)
    assert page.problems == ()
    assert '<p class="lead">Both calf muscles: the one' in page.html


def test_content_text_is_escaped_not_interpreted(content_copy):
    edit(content_copy / "regions" / "calves.yaml", "Your two big calf muscles: the one you can see, and a flatter one "
         "underneath it.", '"<b>Calves</b>"')
    assert "&lt;b&gt;Calves&lt;/b&gt;" in render_calves(content_copy).html


def test_misspelt_name_in_template_names_template_and_line(content_copy):
    template = content_copy / "templates" / "region-page.html.j2"
    edit(template, "{{ region.muscles }}", "{{ region.muscle }}")
    page = render_calves(content_copy)
    assert page.html is None
    [problem] = page.problems
    assert (problem.path, problem.line) == (str(template), line_of(template, "region.muscle }}"))
    assert "has no attribute 'muscle'" in problem.message
    assert "check the spelling" in problem.message


def test_template_syntax_error(content_copy):
    template = content_copy / "templates" / "region-page.html.j2"
    edit(template, "{% endfor %}", "{% endfro %}")
    [problem] = render_calves(content_copy).problems
    assert problem.path == str(template)
    assert problem.line == line_of(template, "endfro")
    assert problem.message.startswith("template mistake:")


def test_missing_template(content_copy):
    (content_copy / "templates" / "base.html.j2").unlink()
    [problem] = render_calves(content_copy).problems
    assert problem.path == str(content_copy / "templates" / "base.html.j2")
    assert problem.message == "this template file is missing"


def test_renderer_raises_content_error(tmp_path):
    (tmp_path / "t.html.j2").write_text("{{ nothing_here }}", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        Renderer(tmp_path).render("t.html.j2")
    assert caught.value.problems[0].line == 1
