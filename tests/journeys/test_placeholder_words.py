"""Words with placeholders ({seconds}, {phone}...) are checked when loaded: a broken one gives way to
the shipped word with a warning naming the file and line, so filling it in can never fail."""

import ast
from pathlib import Path

import pytest

from kiosk.model.wording import fill, placeholder_trouble
from kiosk.reading.folder import load_content
from kiosk.settings.values import Settings
from kiosk.system.resources import bundled_content_dir
from tests.support.content import REPO, edit, line_of
from tests.support.steps import tick_precautions

REGIONS = ("quads", "hamstrings", "calves", "foot")
SHIPPED_COUNTDOWN = "The screen will reset in {seconds}..."


def test_a_stray_brace_in_the_countdown_falls_back_and_the_reset_still_clears_the_card(make_kiosk, qtbot,
                                                                                         content_copy):
    ui = content_copy / "ui.yaml"
    edit(ui, SHIPPED_COUNTDOWN, "The screen will reset in {seconds}}...")  # the typo from the issue
    kiosk = make_kiosk(content_copy, settings=Settings(idle_seconds=0.3, countdown_seconds=2), locked=True)
    [warning] = [p for p in kiosk.book.content.problems if p.path == str(ui)]
    assert warning.warning and warning.line == line_of(ui, "idle_countdown:")
    assert "'idle_countdown' has a { or } without its partner" in warning.message
    assert SHIPPED_COUNTDOWN in warning.message

    tick_precautions(kiosk, 0)
    qtbot.waitUntil(lambda: kiosk.idle_reset.countdown is not None, timeout=5000)
    assert kiosk.idle_reset.countdown.message.text() == "The screen will reset in 2..."
    with qtbot.waitSignal(kiosk.idle_reset.resetDue, timeout=5000):
        pass
    assert kiosk.card.ticks == (), "the next patient sees no ticks of the last"


@pytest.mark.parametrize("written, said", [
    ("Step {number} of {total}}", "without its partner"),
    ("Step {number} of {}", "has {}, which it can't fill in"),
    ("Step {0} of {total}", "has {0}, which"),
    ("Step {number.__class__} of {total}", "has {number.__class__}, which"),
    ("Step {number[0]} of {total}", "has {number[0]}, which"),
    ("Step {number:>99999999} of {total}", "exactly like that"),
    ("Step {number!r} of {total}", "exactly like that"),
    ("Step {number} of {all}", "has {all}, which it can't fill in; it can use only {number}, {total}"),
    ("Step {number}", "must keep {total}"),
    ("Step {{number}} of {total}", "must keep {number}"),
])
def test_each_kind_of_broken_placeholder_is_a_warning_and_the_shipped_word_is_used(content_copy, written, said):
    ui = content_copy / "ui.yaml"
    edit(ui, "step_of: Step {number} of {total}", f'step_of: "{written}"')
    loaded = load_content(content_copy, REGIONS, fallback=bundled_content_dir())
    [warning] = [p for p in loaded.problems if p.path == str(ui)]
    assert warning.warning and warning.line == line_of(ui, "step_of:") and said in warning.message
    assert loaded.base.ui.step_of == "Step {number} of {total}"
    assert loaded.base.ui.title != "" and loaded.base.ui.home_prompt, "the rest of the file is the clinic's"


def test_a_broken_staff_word_falls_back_and_the_pin_pad_still_counts_tries(make_kiosk, content_copy):
    staff = content_copy / "staff.yaml"
    text = staff.read_text(encoding="utf-8")
    line = next(row for row in text.splitlines() if row.startswith("pin_wrong:"))
    edit(staff, line, 'pin_wrong: "Wrong PIN, {tries left"')
    kiosk = make_kiosk(content_copy, settings=Settings(), locked=True)
    [warning] = [p for p in kiosk.book.content.problems if p.path == str(staff)]
    assert warning.line == line_of(staff, "pin_wrong:") and "'pin_wrong'" in warning.message
    assert "{tries}" in kiosk.book.content.staff.pin_wrong


def test_the_shipped_content_has_no_broken_placeholder_and_no_warnings_for_them():
    loaded = load_content(bundled_content_dir(), REGIONS)
    assert [p for p in loaded.problems if "placeholder" in p.message or "curly" in p.message] == []


def test_a_broken_word_in_the_shipped_folder_itself_is_an_error(tmp_path, content_copy):
    edit(content_copy / "ui.yaml", SHIPPED_COUNTDOWN, "The screen will reset in {seconds}}...")
    with pytest.raises(Exception) as caught:  # no shipped word to fall back on: the file can't be used
        load_content(content_copy, REGIONS)
    assert "'idle_countdown' has a { or } without its partner" in str(caught.value)


def test_fill_never_fails():
    assert fill("In {seconds}...", seconds=5) == "In 5..."
    for broken in ("{seconds}}", "{", "{0.__class__}", "{}", "{seconds:>9}", "{seconds!r}", "{other}"):
        assert isinstance(fill(broken, seconds=5), str)
    assert fill("{other} and {seconds}", seconds=5) == "{other} and 5"
    assert placeholder_trouble("In {seconds}...", ("seconds",)) is None


def test_no_screen_fills_a_word_with_str_format():
    """Content words are filled with kiosk.model.wording.fill; str.format on them could fail at run time."""
    offenders = []
    for path in (REPO / "kiosk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("format", "format_map") and not isinstance(node.func.value, ast.Constant)):
                offenders.append(f"{Path(path).relative_to(REPO)}:{node.lineno}")
    assert offenders == []
