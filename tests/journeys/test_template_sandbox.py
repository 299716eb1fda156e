"""A template is clinic content like any other: it can't run code, reach Python's insides or run on.

Each hostile line goes into a copy of the shipped region template; the page is refused with the
template's file and line, in the kiosk, in --check-content and on a live reload, and nothing
the line asks for happens.
"""

import pytest

from kiosk.pages.book import PageBook
from kiosk.pages.render import Renderer
from kiosk.reading.folder import load_content
from kiosk.reading.limits import MAX_PAGE_CHARS, MAX_PAGE_STEPS
from kiosk.ui.updates.watcher import ContentWatcher
from tests.support.commands import kiosk_command
from tests.support.content import edit, line_of

REGIONS = ("quads", "hamstrings", "calves", "foot")
WHERE = "{{ region.muscles }}"  # the first words of every region's first page


def break_template(content, line):
    template = content / "templates" / "region-page.html.j2"
    edit(template, WHERE, WHERE + line)
    return template


def calves_page(content):
    loaded = load_content(content, REGIONS)
    return PageBook(loaded, Renderer(content / "templates")).region("en", False, "calves")


def calves_in_the_window(kiosk):
    """The calves screen as a patient's tap opens it: refused, the page's one problem."""
    kiosk.home.region_buttons["calves"].click()
    screen = kiosk.router.screen
    assert not screen.view.available and "being updated" in screen.text()
    [problem] = screen.view.page.problems
    return screen, problem


def a_command(folder):
    """A template line that makes a folder through Jinja's lipsum, as an unsandboxed Jinja allows."""
    return f"{{{{ lipsum.__globals__['os'].mkdir({str(folder)!r}) }}}}"


def test_a_template_line_reaching_os_through_lipsum_runs_nothing_in_the_window(make_kiosk, content_copy, tmp_path):
    ran = tmp_path / "ran"
    template = break_template(content_copy, a_command(ran))
    _, problem = calves_in_the_window(make_kiosk(content_copy))
    assert not ran.exists(), "the template's command ran"
    assert (problem.path, problem.line) == (str(template), line_of(template, "lipsum"))
    assert "'lipsum' is undefined" in problem.message


def test_a_template_line_reaching_os_runs_nothing_in_check_content(content_copy, tmp_path):
    ran = tmp_path / "ran"
    template = break_template(content_copy, a_command(ran))
    result = kiosk_command("--check-content", content_copy)
    assert not ran.exists(), "the template's command ran"
    assert result.returncode == 1
    assert f"{template}:{line_of(template, 'lipsum')}: 'lipsum' is undefined" in result.stdout


def test_a_live_reload_of_a_template_reaching_os_runs_nothing_and_keeps_the_last_good_page(
        make_kiosk, qtbot, content_copy, tmp_path):
    ran = tmp_path / "ran"
    kiosk = make_kiosk(content_copy)
    ContentWatcher(content_copy, kiosk).changed.connect(kiosk.reload_content)
    with qtbot.waitSignal(kiosk.arrival.contentRejected, timeout=20000) as rejected:
        template = break_template(content_copy, a_command(ran))
    assert not ran.exists(), "the template's command ran"
    assert any((p.path, p.line) == (str(template), line_of(template, "lipsum")) for p in rejected.args[0])
    kiosk.home.region_buttons["calves"].click()
    assert kiosk.router.screen.view.available, "the last good page is still shown"


def test_python_insides_are_not_shown_on_the_calves_page(make_kiosk, content_copy):
    template = break_template(content_copy, "{{ ''.__class__.__mro__ }}")
    screen, problem = calves_in_the_window(make_kiosk(content_copy))
    assert "class" not in screen.text()
    assert (problem.path, problem.line) == (str(template), line_of(template, "__mro__"))
    assert "may not use" in problem.message and "'__class__'" in problem.message


@pytest.mark.timeout(60)  # today's main never ends this page
@pytest.mark.parametrize("loop", [
    "{% for i in range(10**12) %}{{ i }}{% endfor %}",
    "{% for i in range(9999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}",
    "{% for a in region.helps_with %}{% for b in range(9999) %}{% for c in range(9999) %}"
    "{% endfor %}{% endfor %}{% endfor %}",
])
def test_a_loop_that_never_ends_is_stopped_and_the_kiosk_still_answers_taps(make_kiosk, content_copy, loop):
    template = break_template(content_copy, loop)
    kiosk = make_kiosk(content_copy)
    screen, problem = calves_in_the_window(kiosk)
    assert (problem.path, problem.line) == (str(template), line_of(template, loop[:20]))
    assert "range()" in problem.message or f"{MAX_PAGE_STEPS:,} steps" in problem.message
    screen.back_button.click()
    kiosk.home.region_buttons["foot"].click()  # refused at once: a bad template costs one page's budget
    assert kiosk.router.screen.view.page.problems == (problem,)


@pytest.mark.timeout(60)
def test_check_content_ends_on_an_endless_loop_naming_the_template_and_line(content_copy):
    template = break_template(content_copy, "{% for i in range(10**12) %}{% endfor %}")
    result = kiosk_command("--check-content", content_copy)
    assert result.returncode == 1
    assert f"{template}:{line_of(template, 'range(10**12)')}: range() in a template may count at most" in result.stdout


@pytest.mark.parametrize("line, said", [
    ("{{ 'x' * 10**9 }}", "larger than 512 KB"),  # a gigabyte of text from one line
    ("{{ [region.muscles] * 10**7 }}", "larger than 512 KB"),
    ("{{ region.muscles.replace('', region.muscles * 1000) }}", "replace()"),
    ("{{ ((region.muscles * 1000,) * 1000)|join }}", "larger than 512 KB"),
    ("{% macro more(s) %}{{ more(s ~ s) }}{% endmacro %}{{ more('x') }}", "larger than 512 KB"),
    ("{% macro m() %}{% for i in range(9000) %}" + "words " * 500 + "{% endfor %}{% endmacro %}{{ m() }}",
     "more than 512 KB"),
    ("{{ 7 ** 999999 }}", "digits"),
    ("{{ '%999999999d' % 1 }}", "'%' with text"),
    ("{{ '{:>999999999}'.format(1) }}", "'format'"),
    ("{{ 'x'.ljust(999999999) }}", "'ljust'"),
    ("{{ 'x'|center(999999999) }}", "No filter named 'center'"),
    ("{{ region.muscles|safe }}", "No filter named 'safe'"),
    ("{% macro again() %}{{ again() }}{% endmacro %}{{ again() }}", "calls itself without end"),
    ("{{ cycler.__init__.__globals__ }}", "'__init__'"),
    ("{{ joiner() }}", "'joiner' is undefined"),
    ("{% set ns = namespace(words='') %}", "'namespace' is undefined"),
    ("{{ dict(a=1) }}", "'dict' is undefined"),
    ("{{ range.__globals__ }}", "'__globals__'"),
    ("{{ self.__init__.__globals__ }}", "'__init__'"),
    ("{{ region.__class__.__init__.__globals__['sys'] }}", "'__class__'"),
    ("{{ region.soreness.curve|map(attribute='__class__')|first }}", "'__class__' of 'SorenessPoint'"),
    ("{{ region|attr('__class__') }}", "No filter named 'attr'"),
])
def test_a_costly_or_unsafe_line_is_refused_naming_the_template_and_line(content_copy, line, said):
    template = break_template(content_copy, line)
    page = calves_page(content_copy)
    assert page.html is None
    [problem] = page.problems
    assert (problem.path, problem.line) == (str(template), line_of(template, line[:12])), problem
    assert said in problem.message


def test_what_the_shipped_templates_do_is_still_allowed(content_copy):
    line = ("{{ region.muscles|upper|replace('A', 'a') }} {{ ', '.join(region.helps_with) }} "
            "{{ range(3)|list|length }} {% for tip in region.soreness.tips %}{{ loop.index }}{% endfor %}")
    break_template(content_copy, line)
    page = calves_page(content_copy)
    assert page.problems == ()
    assert "CALF MUSCLES" in page.html.replace("a", "A").upper() and ", " in page.html


def test_a_page_just_inside_the_limits_is_shown(content_copy):
    inside = MAX_PAGE_CHARS // 4
    break_template(content_copy, f"<p>{{{{ 'word ' * {inside // 5} }}}}</p>")
    page = calves_page(content_copy)
    assert page.problems == () and "word " * (inside // 5) in page.html


def test_a_template_file_too_large_to_use_is_named(content_copy):
    template = content_copy / "templates" / "region-page.html.j2"
    template.write_text(template.read_text(encoding="utf-8") + "{# padding #}" * 4000, encoding="utf-8")
    [problem] = calves_page(content_copy).problems
    assert problem.path == str(template) and "too large to use" in problem.message and "32 KB" in problem.message


@pytest.mark.timeout(60)  # today's main lays out the first of these for minutes
@pytest.mark.parametrize("line, said", [
    ("{% for i in range(24) %}<table><tr><td>{% endfor %}x{% for i in range(24) %}</td></tr></table>{% endfor %}",
     "24 tables inside each other"),  # 200 bytes
    ("<table>{% for r in range(50) %}<tr>{% for c in range(100) %}<td>x</td>{% endfor %}</tr>{% endfor %}</table>",
     "table cells; a page may have at most 1,000"),
    ("{% for i in range(3000) %}<div>{% endfor %}x", "parts inside each other; a page may have at most 100"),
    ("<p>{{ 'x' * 30000 }}</p>", "a word on this page is 30,000 characters long"),
])
def test_a_page_qt_would_take_seconds_to_lay_out_is_refused_before_a_tap_waits(make_kiosk, content_copy,
                                                                               line, said):
    template = break_template(content_copy, line)
    _, problem = calves_in_the_window(make_kiosk(content_copy))
    assert problem.path == str(template) and said in problem.message


def test_a_word_too_long_to_lay_out_in_a_content_file_names_its_field_and_line(content_copy):
    calves = content_copy / "regions" / "calves.yaml"
    edit(calves, "name: Calves", "name: C" + "a" * 3000 + "lves")
    loaded = load_content(content_copy, REGIONS)
    [problem] = [p for p in loaded.problems if p.path == str(calves)]
    assert problem.line == line_of(calves, "name: Caaa")
    assert "'name' has a word that is 3,005 characters long; a word may be at most 2,000" in problem.message
