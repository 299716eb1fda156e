"""A clumsy edit of the settings file, as the kiosk and staff meet it: the PIN still opens the
staff menu, staff see which line is wrong, --set-pin keeps the other settings, and no file,
however random or cut short, loses the PIN or stops the reset for the next patient."""

import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.settings.file import load_settings, read_settings, save_settings
from kiosk.settings.pin import PinGuard, PinResult, hash_pin
from kiosk.settings.values import Settings
from kiosk.ui.staff.menu import StaffMenu
from kiosk.visit.card import TherapistCard
from kiosk.visit.patient import fresh_visit
from tests.support.content import REPO, SHIPPED_CONTENT, line_of

PIN = "482913"
CHOSEN = dict(default_language="es", calm_by_default=True, idle_seconds=120, kiosk_name="waiting-room-2")


@pytest.fixture(scope="module")
def staff_pin():
    return hash_pin(PIN, iterations=100_000)


@pytest.fixture
def settings_file(tmp_path, staff_pin):
    path = tmp_path / "settings.yaml"
    save_settings(path, Settings(staff_pin=staff_pin, **CHOSEN))
    return path


def set_pin(config, pin="583104"):
    return subprocess.run([sys.executable, "-m", "kiosk", "--set-pin", "--config", str(config)],
                          input=f"{pin}\n{pin}\n", capture_output=True, text=True, cwd=REPO, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_a_bad_line_still_lets_staff_in_and_shows_them_the_line(make_kiosk, qtbot, settings_file):
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(text.replace("idle_seconds: 120", "idle_seconds: 5"), encoding="utf-8")
    line = line_of(settings_file, "idle_seconds: 5")
    settings, problems = load_settings(settings_file)
    kiosk = make_kiosk(SHIPPED_CONTENT, settings, settings_path=settings_file, settings_problems=problems)
    assert kiosk.staff_corner.marker is not None and kiosk.staff_corner.marker.isVisible()

    kiosk.open_pin_pad()
    assert kiosk.staff.overlay.title.text() == kiosk.book.content.staff.pin_title, "the PIN is still set"
    kiosk.staff.overlay.enter(PIN)
    menu = kiosk.staff.overlay
    assert isinstance(menu, StaffMenu)
    listed = menu.problems_view.toPlainText()
    assert f"{settings_file}:{line}: 'idle_seconds' must be between 15 and 3600 seconds, got 5" in listed
    assert "the kiosk uses 120 (the last good setting)" in listed
    assert kiosk.settings.default_language == "es" and kiosk.settings.idle_seconds == 120

    menu.calm_default.click()  # staff change a setting: the file is written whole, the mistake gone
    assert not kiosk.staff_corner.marker.isVisible()
    assert "idle_seconds: 120" in settings_file.read_text(encoding="utf-8")
    assert [p for p in settings_file.parent.iterdir() if ".broken-" in p.name], "what staff typed is kept"
    assert load_settings(settings_file)[1] == ()


@pytest.mark.slow
def test_set_pin_on_a_file_with_a_mistake_keeps_every_other_setting(settings_file):
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(text.replace("calm_by_default: true", "calm_by_default: maybe"), encoding="utf-8")
    result = set_pin(settings_file)
    assert result.returncode == 0, result.stderr
    assert "'calm_by_default' must be yes or no" in result.stderr
    settings, problems = load_settings(settings_file)
    assert problems == ()
    for name, value in CHOSEN.items():
        assert getattr(settings, name) == value, name
    assert PinGuard(settings.staff_pin).check("583104") is PinResult.OK


@pytest.mark.slow
def test_set_pin_on_a_file_it_cant_read_uses_the_last_good_settings(settings_file):
    settings_file.write_text("idle_seconds: [\n", encoding="utf-8")
    result = set_pin(settings_file)
    assert result.returncode == 0, result.stderr
    settings, _ = load_settings(settings_file)
    assert {name: getattr(settings, name) for name in CHOSEN} == CHOSEN
    assert PinGuard(settings.staff_pin).check("583104") is PinResult.OK


@pytest.mark.slow
def test_set_pin_leaves_alone_a_file_it_cant_read_and_has_no_copy_of(tmp_path):
    config = tmp_path / "settings.yaml"
    config.write_text("default_language: es\nkiosk_name: 'front desk\n", encoding="utf-8")
    result = set_pin(config)
    assert result.returncode == 1
    assert f"{config}:2: the quote (') opened on this line is never closed" in result.stderr
    assert "Nothing was changed" in result.stderr and "Traceback" not in result.stderr
    assert config.read_text(encoding="utf-8") == "default_language: es\nkiosk_name: 'front desk\n"


# --- whatever is in the file --------------------------------------------------------------------

GOOD = None  # the good file's text, made once (hashing a PIN is slow on purpose)


def good_text(staff_pin, tmp_path_factory):
    global GOOD
    if GOOD is None:
        path = tmp_path_factory.mktemp("good") / "settings.yaml"
        save_settings(path, Settings(staff_pin=staff_pin, **CHOSEN))
        GOOD = path.read_text(encoding="utf-8")
    return GOOD


edits = st.one_of(
    st.integers(0, 2_000).map(lambda n: ("cut short", n)),
    st.binary(max_size=400).map(lambda data: ("random bytes", data)),
    st.text(max_size=300).map(lambda text: ("random text", text)),
    st.tuples(st.integers(0, 40), st.text(max_size=60)).map(lambda change: ("a line replaced", change)),
    st.tuples(st.integers(0, 40), st.sampled_from([" ", "  ", "\t", "- ", ": ", "'", '"', "[", "{", "#"]))
      .map(lambda change: ("a line begun with", change)),
)


def damaged(text, edit):
    kind, how = edit
    if kind == "cut short":
        return text[:how % (len(text) + 1)].encode()
    if kind == "random bytes":
        return how
    if kind == "random text":
        return how.encode()
    lines = text.splitlines(keepends=True)
    index, words = how
    index %= len(lines)
    lines[index] = words + "\n" if kind == "a line replaced" else words + lines[index]
    return "".join(lines).encode()


@pytest.fixture(scope="module")
def quiet_window(qapp, staff_pin):
    """One real kiosk, reset for each example with the settings that example's file gave."""
    from kiosk.ui.app import read_content
    from kiosk.ui.look.theme import app_font
    from kiosk.ui.wiring import build_kiosk

    qapp.setFont(app_font())
    kiosk = build_kiosk(*read_content(SHIPPED_CONTENT), Settings(idle_seconds=600))
    kiosk.window.resize(1280, 800)
    kiosk.window.show()
    yield kiosk
    kiosk.window.close()
    kiosk.window.deleteLater()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edit=edits)
def test_no_edit_loses_the_pin_or_stops_the_reset(edit, tmp_path, tmp_path_factory, staff_pin, quiet_window):
    path = tmp_path / "settings.yaml"
    path.with_name("settings.yaml.last-good").write_text(good_text(staff_pin, tmp_path_factory), encoding="utf-8")
    path.write_bytes(damaged(good_text(staff_pin, tmp_path_factory), edit))
    loaded = read_settings(path)
    assert loaded.settings.staff_pin == staff_pin
    assert all(problem.path == str(path) for problem in loaded.problems)

    kiosk = quiet_window
    kiosk.staff.settings = loaded.settings  # as the kiosk starts with them
    kiosk.show_home()
    kiosk.home.precautions_button.click()
    next(iter(kiosk.router.screen.ticks.boxes.values())).click()
    kiosk.set_language("es")
    assert len(kiosk.card) == 1
    kiosk.reset_for_next_patient()
    assert kiosk.card == TherapistCard()
    assert kiosk.visit == fresh_visit(loaded.settings, kiosk.book.content.languages)
