"""An impossible date in a content file (2026-13-01, 2026-02-30) is a content problem like any other:
named with its file, line and field in staff words, by --check-content and by the running kiosk,
never an "unexpected error" (PyYAML's own date reader raises a bare ValueError there)."""

import os
import subprocess
import sys

import pytest

from kiosk.model.problems import ContentError
from kiosk.reading import yamltext
from tests.support.content import REPO, edit, line_of


@pytest.mark.parametrize(("text", "line", "said"), [
    ("title: Sources\nreviewed: {by: Ana, date: 2026-13-01}\n", 2,
     "'reviewed.date': 2026-13-01 is not a real date (there is no month 13). Dates are written "
     "year-month-day: 13 January 2026 is 2026-01-13"),
    ("title: Sources\nreviewed:\n  by: Ana\n  date: 2026-02-30\n", 4,
     "'reviewed.date': 2026-02-30 is not a real date (February 2026 has 28 days); write it as "
     "year-month-day, like 2026-02-28"),
    ("steps:\n  - {hours: 0}\n  - when: 2026-04-31\n", 3,
     "'steps[1].when': 2026-04-31 is not a real date (April 2026 has 30 days); write it as "
     "year-month-day, like 2026-04-30"),
    ("date: 2026-00-10\n", 1, "'date': 2026-00-10 is not a real date (there is no month 0); write it as "
     "year-month-day, like 2026-11-30"),
    ("date: 2026-11-30 25:00:00\n", 1, "'date': 2026-11-30 25:00:00 is not a real time of day; write the "
     "date alone, like 2026-11-30"),
], ids=["no-month-13", "no-30-february", "in-a-list", "no-month-0", "no-hour-25"])
def test_an_impossible_date_is_named_with_its_line_and_field(text, line, said):
    with pytest.raises(ContentError) as caught:
        yamltext.parse(text, "sources.yaml")
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.message) == ("sources.yaml", line, said)


@pytest.mark.parametrize("day", ["2028-02-29", "2026-12-31", "2026-01-01"])
def test_real_dates_still_read_as_dates(day):
    import datetime

    assert yamltext.parse(f"date: {day}\n", "f.yaml") == {"date": datetime.date.fromisoformat(day)}


def add_review(path, date: str) -> int:
    """A clinician's sign-off at the end of ``path``, dated ``date`` as staff would type it; its line."""
    with path.open("a", encoding="utf-8") as f:
        f.write(f'reviewed: {{by: "Ana Ruiz, lead physiotherapist", date: {date}}}\n')
    return line_of(path, "reviewed:")


@pytest.mark.slow
def test_check_content_names_the_file_line_and_field(content_copy):
    path = content_copy / "regions" / "calves.yaml"
    line = add_review(path, "2026-13-01")
    result = subprocess.run([sys.executable, "-m", "kiosk", "--check-content", str(content_copy)],
                            capture_output=True, text=True, cwd=REPO, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 1
    assert (f"{path}:{line}: 'reviewed.date': 2026-13-01 is not a real date (there is no month 13)"
            in result.stdout), result.stdout + result.stderr
    assert "unexpected error" not in result.stderr and "Traceback" not in result.stdout + result.stderr


def test_a_live_edit_with_an_impossible_date_keeps_the_last_good_page(make_kiosk, qtbot, content_copy):
    kiosk = make_kiosk(content_copy)
    calves = content_copy / "regions" / "calves.yaml"
    edit(calves, "name: Calves and shins", "name: Calf muscles")
    with qtbot.waitSignal(kiosk.contentSwapped, timeout=20000):  # a good edit is taken
        kiosk.reload_content()
    edit(calves, "name: Calf muscles", "name: Calf")
    line = add_review(calves, "2026-02-30")
    with qtbot.waitSignal(kiosk.arrival.contentRejected, timeout=20000) as rejected:
        kiosk.reload_content()
    assert [str(p) for p in rejected.args[0]] == [
        f"{calves}:{line}: 'reviewed.date': 2026-02-30 is not a real date (February 2026 has 28 days); "
        "write it as year-month-day, like 2026-02-28"]
    assert kiosk.staff_corner.marker.isVisible(), "staff are told there is something in the menu"
    # Patients see the last good page, as if nothing had happened.
    assert kiosk.home.region_buttons["calves"].text() == "Calf muscles"
    kiosk.home.region_buttons["calves"].click()
    assert kiosk.router.screen.text().startswith("Calf muscles")
    assert "being updated" not in kiosk.router.screen.text()


def test_the_kiosk_starts_with_an_impossible_date_and_says_where_it_is(make_kiosk, content_copy):
    """At start-up there is no last good copy: the Spanish page with the bad date is shown in English
    (as any broken translation is), every other page as usual, and staff get the file and line."""
    path = content_copy / "lang" / "es" / "regions" / "calves.yaml"
    line = add_review(path, "2026-13-01")
    kiosk = make_kiosk(content_copy)
    assert any(str(p).startswith(f"{path}:{line}: 'reviewed.date': 2026-13-01 is not a real date")
               for p in kiosk.arrival.problems), [str(p) for p in kiosk.arrival.problems]
    kiosk.home.language_buttons["es"].click()
    kiosk.home.region_buttons["calves"].click()
    assert kiosk.router.screen.text().startswith("Calves"), "shown whole in English"
    kiosk.router.screen.back_button.click()
    kiosk.home.region_buttons["foot"].click()
    assert kiosk.router.screen.text().startswith("Pie")
