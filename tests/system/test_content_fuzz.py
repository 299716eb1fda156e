"""Whatever lands in a content folder, the kiosk starts, shows good content, keeps the last good
content on a reload, and --check-content ends with a worded message.

Hypothesis writes random and truncated YAML and templates (with the tokens that matter to YAML and
Jinja, and the hostile lines from the other tests) into a copy of the shipped content.
"""

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.system.resources import bundled_content_dir
from tests.support.commands import kiosk_command
from tests.support.content import SHIPPED_CONTENT

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

FILES = sorted(p.relative_to(SHIPPED_CONTENT).as_posix() for p in SHIPPED_CONTENT.rglob("*")
               if p.suffix in (".yaml", ".j2"))
REGIONS = ("quads", "hamstrings", "calves", "foot")
SHARED = ("ui.yaml", "clinic.yaml", "region-pages.yaml", "staff.yaml")  # every region page uses these
TOKENS = st.sampled_from([
    "{{", "}}", "{%", "%}", "{#", "#}", ": ", "- ", "\n", "\n  ", "\t", "&a ", "*a", "<<: *a",
    "!!python/object:os.system ", "[", "]", "{", "}", "'", '"', "|", ">", "#", "\x00", "\ufeff", "\r", "---\n",
    "...", "~", "1e999", "2026-13-45", "1" + "0" * 200, "{seconds}}", "{0.__class__}", "<b>",
    "<img src=/etc/hostname>", "{{ lipsum.__globals__ }}", "{{ ''.__class__.__mro__ }}",
    "{% for i in range(10**12) %}", "{% endfor %}", "{{ 'x' * 10**9 }}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "{{ region.nothing }}",
])
EDITS = st.one_of(
    st.tuples(st.just("truncate"), st.floats(0, 1)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.lists(st.one_of(TOKENS, st.text(max_size=12)), min_size=1,
                                                           max_size=4)),
    st.tuples(st.just("replace"), st.text(max_size=120)),
    st.tuples(st.just("bytes"), st.binary(max_size=120)),
)
CHANGES = st.lists(st.tuples(st.sampled_from(FILES), EDITS), min_size=1, max_size=3,
                   unique_by=lambda change: change[0])
PROBLEM_LINE = re.compile(r"^(?P<path>.+?)(:\d+)?: (warning: )?\S")
INSIDES = ("Traceback", "<class '", " object at 0x", "__globals__", "unexpected error")


def apply(folder: Path, changes) -> None:
    for name, (kind, *how) in changes:
        path = folder / name
        data = path.read_bytes()
        if kind == "truncate":
            data = data[: int(len(data) * how[0])]
        elif kind == "insert":
            at = int(len(data) * how[0])
            data = data[:at] + "".join(how[1]).encode("utf-8", "surrogatepass") + data[at:]
        elif kind == "replace":
            data = how[0].encode("utf-8", "surrogatepass")
        else:
            data = how[0]
        path.write_bytes(data)


def untouched_regions(changes) -> list[str]:
    """Regions whose page nothing changed could break: their own file, the templates, the shared files."""
    names = {name for name, _ in changes}
    if names & set(SHARED) or any(name.startswith("templates/") for name in names):
        return []
    return [r for r in REGIONS if f"regions/{r}.yaml" not in names and "walkthrough.yaml" not in names]


def shipped_name(region: str) -> str:
    text = (bundled_content_dir() / "regions" / f"{region}.yaml").read_text(encoding="utf-8")
    return re.search(r"^name: (.+)$", text, re.MULTILINE).group(1)


def words_on(kiosk) -> str:
    window = kiosk.window
    shown = [w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton) if w.isVisible()]
    screen = kiosk.router.screen
    if screen is not None and hasattr(screen, "view"):
        shown.append(screen.view.toPlainText())
    return "\n".join(shown)


def shows_good_content(kiosk, untouched) -> None:
    """Home and every region screen open; a region nothing broke shows its shipped words; nothing
    shows Python's insides."""
    for region in REGIONS:
        kiosk.home.region_buttons[region].click()
        screen = kiosk.router.screen
        assert screen is not None and screen is not kiosk.home, f"{region} did not open"
        assert not any(inside in words_on(kiosk) for inside in INSIDES), words_on(kiosk)
        if region in untouched:
            assert screen.view.available and screen.text().startswith(shipped_name(region)), region
        screen.back_button.click()
    assert not any(inside in words_on(kiosk) for inside in INSIDES)


@settings(max_examples=12, derandomize=True, database=None, deadline=None, print_blob=False,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(changes=CHANGES)
def test_whatever_is_written_the_kiosk_starts_shows_good_content_and_the_check_ends(make_kiosk, qtbot, changes):
    note(f"changes: {changes!r}")
    with tempfile.TemporaryDirectory(prefix="kiosk-fuzz-") as private:
        folder = Path(shutil.copytree(SHIPPED_CONTENT, Path(private) / "content"))
        running = make_kiosk(folder)  # on good content; the broken files arrive while it runs
        apply(folder, changes)

        # A kiosk started on the broken folder.
        started = make_kiosk(folder)
        shows_good_content(started, untouched_regions(changes))

        # The running kiosk, reloading it: refused, it keeps the last good content whole.
        verdicts = []
        running.arrival.contentReady.connect(lambda: verdicts.append("taken"))
        running.arrival.contentRejected.connect(lambda problems: verdicts.append("refused"))
        running.reload_content()
        qtbot.waitUntil(lambda: bool(verdicts), timeout=40000)
        shows_good_content(running, REGIONS if verdicts == ["refused"] else untouched_regions(changes))

        # --check-content ends, and says what it found in words: one line per problem, naming a file.
        result = kiosk_command("--check-content", folder, "--quick")  # the fit check has tests of its own
        note(result.stdout + result.stderr)
        assert result.returncode in (0, 1)
        assert not any(inside in result.stdout + result.stderr for inside in INSIDES)
        problems = result.stdout.splitlines()
        if result.returncode == 0:
            assert problems.pop() == f"content OK: {folder}"
        else:
            errors = [line for line in problems if ": warning: " not in line]
            assert result.stderr.splitlines()[-1] == f"{len(errors)} problem(s) found in {folder}"
        for line in problems:
            assert PROBLEM_LINE.match(line) and str(folder) in line, line
