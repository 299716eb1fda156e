"""The settings file on its own, in a folder of the test's: defaults, mistakes, the last good
copy, and writing it whole."""

import logging
import os

import pytest

from kiosk.settings.file import last_good_path, load_settings, read_settings, save_settings
from kiosk.settings.pin import PinGuard, PinResult, hash_pin, load_pin_lock, save_pin_lock
from kiosk.settings.values import Settings
from kiosk.system import atomicfile

PIN = "482913"
CHOSEN = dict(default_language="es", calm_by_default=True, idle_seconds=120, text_size_by_default="large",
              kiosk_name="waiting-room-2", staff_corner="bottom-right")


@pytest.fixture(scope="module")
def staff_pin():
    return hash_pin(PIN, iterations=100_000)


@pytest.fixture
def saved(tmp_path, staff_pin):
    """A settings file as the kiosk writes it, with a PIN and the clinic's choices (and so a last good copy)."""
    path = tmp_path / "settings.yaml"
    save_settings(path, Settings(staff_pin=staff_pin, **CHOSEN))
    return path


def rewrite(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_no_file_means_the_defaults_and_no_problem(tmp_path):
    assert load_settings(tmp_path / "settings.yaml") == (Settings(), ())


def test_a_mistake_costs_only_its_own_field_and_names_file_line_and_field(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("default_language: es\nidle_seconds: 5\n", encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings(default_language="es")
    [problem] = problems
    assert problem.line == 2 and "'idle_seconds' must be between 15 and 3600 seconds, got 5" in str(problem)
    assert "the kiosk uses 90 (the default)" in problem.message
    assert str(path.name) in problem.path


@pytest.mark.parametrize("old, new, field", [
    ("idle_seconds: 120", "idle_seconds: 5", "idle_seconds"),  # out of range
    ("countdown_seconds: 10", "countdown_seconds: soon", "countdown_seconds"),
    ("text_size_by_default: large", "text_size_by_default: huge", "text_size_by_default"),
    ("calm_by_default: true", "calm_by_default: maybe", "calm_by_default"),
    ("kiosk_name: waiting-room-2", "kiosk_name: waiting-room-2\nidle_secnds: 30", "idle_secnds"),  # a misspelt name
    ("iterations: 100000", "iterations: 99", "staff_pin.iterations"),
])
def test_a_bad_field_keeps_the_pin_and_every_other_field(saved, staff_pin, old, new, field, caplog):
    rewrite(saved, old, new)
    with caplog.at_level(logging.WARNING):
        loaded = read_settings(saved)
    assert loaded.settings.staff_pin == staff_pin
    for name, value in CHOSEN.items():
        assert getattr(loaded.settings, name) == value, name  # the bad one too: its last good value
    [problem] = loaded.problems
    assert problem.path == str(saved) and f"'{field}'" in problem.message
    assert f"'{field}'" in caplog.text and str(saved) in caplog.text


def test_a_bad_field_without_a_last_good_copy_takes_its_default(saved, staff_pin):
    last_good_path(saved).unlink()
    rewrite(saved, "idle_seconds: 120", "idle_seconds: 5")
    loaded = read_settings(saved)
    assert loaded.settings.idle_seconds == 90 and loaded.settings.staff_pin == staff_pin
    assert "the kiosk uses 90 (the default)" in loaded.problems[0].message


def test_a_damaged_pin_keeps_the_last_good_pin(saved, staff_pin):
    rewrite(saved, f"salt: {staff_pin.salt}", "salt: not a salt")
    loaded = read_settings(saved)
    assert loaded.settings.staff_pin == staff_pin
    assert PinGuard(loaded.settings.staff_pin).check(PIN) is PinResult.OK
    assert "'staff_pin.salt' is damaged" in loaded.problems[0].message
    assert "the staff PIN from the last good settings" in loaded.problems[0].message


def test_an_emptied_pin_keeps_the_last_good_pin(saved, staff_pin):
    text = saved.read_text(encoding="utf-8")
    start = text.index("staff_pin:")
    saved.write_text(text[:start] + "staff_pin:\n0:\n" + text[text.index("  hash:"):], encoding="utf-8")
    loaded = read_settings(saved)
    assert loaded.settings.staff_pin == staff_pin
    assert any("'staff_pin' is empty" in p.message for p in loaded.problems)


@pytest.mark.parametrize("damage", [
    lambda text: text.replace("  salt:", " salt:"),  # mis-indented
    lambda text: text.replace("idle_seconds: 120", "idle_seconds: [120"),
    lambda text: text + "\t- stray\n",
    lambda text: "- a list\n- not settings\n",
    lambda text: "",
    lambda text: "# only a comment\n",
])
def test_a_file_that_cant_be_read_keeps_the_last_good_settings(saved, staff_pin, damage):
    saved.write_text(damage(saved.read_text(encoding="utf-8")), encoding="utf-8")
    loaded = read_settings(saved)
    assert loaded.unreadable and loaded.from_last_good
    assert loaded.settings == Settings(staff_pin=staff_pin, **CHOSEN)
    assert "the kiosk uses the last good settings, kept in settings.yaml.last-good" in loaded.problems[0].message


def test_a_file_that_cant_be_read_and_no_copy_says_the_defaults_and_no_pin(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_bytes(b"staff_pin: \xff\xfe\n")
    loaded = read_settings(path)
    assert loaded.unreadable and not loaded.from_last_good and loaded.settings == Settings()
    assert "not saved as UTF-8" in loaded.problems[0].message
    assert "uses the default settings (no staff PIN)" in loaded.problems[0].message


def test_lines_cut_off_the_end_keep_their_last_good_values(saved, staff_pin):
    """A file cut short (a half-finished copy, an editor that crashed) still reads as YAML."""
    text = saved.read_text(encoding="utf-8")
    saved.write_text(text[:text.index("staff_corner")], encoding="utf-8")
    loaded = read_settings(saved)
    assert loaded.settings == Settings(staff_pin=staff_pin, **CHOSEN)
    assert {p.message.split(";")[0] for p in loaded.problems} == {"'staff_corner' is missing", "'staff_pin' is missing",
                                                                 "'kiosk_name' is missing"}


def test_an_empty_file_never_saved_is_the_defaults_without_a_problem(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("# nothing chosen yet\n", encoding="utf-8")
    assert load_settings(path) == (Settings(), ())


def test_a_good_load_and_every_save_keep_a_last_good_copy(tmp_path, staff_pin):
    path = tmp_path / "settings.yaml"
    typed = b"\xef\xbb\xbfidle_seconds: 120\r\n"  # as Notepad may save it: a byte-order mark, Windows' line ends
    path.write_bytes(typed)
    assert load_settings(path) == (Settings(idle_seconds=120), ())
    assert last_good_path(path).read_bytes() == typed, "the file's own bytes, not its text written again"
    path.write_text("idle_seconds: 5\n", encoding="utf-8")
    load_settings(path)
    assert last_good_path(path).read_bytes() == typed, "a bad load never replaces it"
    save_settings(path, Settings(staff_pin=staff_pin))
    assert last_good_path(path).read_bytes() == path.read_bytes()


def test_writing_over_a_file_with_mistakes_keeps_it_beside_the_new_one(saved, staff_pin):
    rewrite(saved, "idle_seconds: 120", "idle_seconds: [")
    broken = saved.read_bytes()
    save_settings(saved, Settings(staff_pin=staff_pin, **CHOSEN))
    [aside] = [p for p in saved.parent.iterdir() if p.name.startswith("settings.yaml.broken-")]
    assert aside.read_bytes() == broken, "kept byte for byte, line ends and all"
    assert load_settings(saved) == (Settings(staff_pin=staff_pin, **CHOSEN), ())
    save_settings(saved, Settings(staff_pin=staff_pin))
    assert len([p for p in saved.parent.iterdir() if ".broken-" in p.name]) == 1, "a good file is not kept aside"


def test_what_staff_chose_is_saved_and_read_back_the_same(tmp_path):
    path = tmp_path / "nested" / "settings.yaml"
    chosen = Settings().with_changes(default_language="es", calm_by_default=True, idle_seconds=120,
                                     text_size_by_default="large", staff_pin=hash_pin("482913", iterations=100_000))
    save_settings(path, chosen)
    assert load_settings(path) == (chosen, ())
    assert "# Settings for the dry needling kiosk" in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.yaml", "settings.yaml.last-good"], \
        "no half-written file left behind"


def test_an_unreadable_file_is_a_problem_not_a_crash(tmp_path):
    folder = tmp_path / "settings.yaml"
    folder.mkdir()  # a folder where the file should be
    loaded = read_settings(folder)
    assert loaded.settings == Settings() and loaded.unreadable
    assert len(loaded.problems) == 1 and "can't be opened" in loaded.problems[0].message


# --- written whole or not at all ------------------------------------------------------------


def test_settings_and_the_pin_lock_are_synced_to_disk_before_they_replace_the_old_file(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: events.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(os, "replace",
                        lambda a, b: events.append(f"replace {os.path.basename(b)}") or real_replace(a, b))
    save_pin_lock(tmp_path / "pin-lock.yaml", load_pin_lock(tmp_path / "pin-lock.yaml"))
    save_settings(tmp_path / "settings.yaml", Settings())
    writes = [e for e in events if e.startswith("replace")]
    assert writes == ["replace pin-lock.yaml", "replace settings.yaml", "replace settings.yaml.last-good"]
    for write in writes:
        assert events[events.index(write) - 1] == "fsync" or events[events.index(write) - 2] == "fsync"


def test_a_write_that_fails_leaves_the_old_file_whole_and_no_temporary_file(saved, monkeypatch):
    before = saved.read_bytes()

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        save_settings(saved, Settings())
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["settings.yaml", "settings.yaml.last-good"]


def test_on_windows_a_file_held_open_for_a_moment_is_replaced_on_a_later_try(tmp_path, monkeypatch):
    """Windows refuses to replace a file a virus scanner or backup holds open; it is tried again."""
    tries = []
    real_replace = os.replace

    def held_twice(a, b):
        tries.append(b)
        if len(tries) < 3:
            raise PermissionError(13, "The process cannot access the file because it is being used")
        real_replace(a, b)

    monkeypatch.setattr(atomicfile.sys, "platform", "win32")
    monkeypatch.setattr(atomicfile.time, "sleep", lambda seconds: None)
    monkeypatch.setattr(os, "replace", held_twice)
    atomicfile.write_atomically(tmp_path / "settings.yaml", "idle_seconds: 120\n")
    assert len(tries) == 3 and (tmp_path / "settings.yaml").read_text(encoding="utf-8") == "idle_seconds: 120\n"
