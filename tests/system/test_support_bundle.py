"""--support-bundle: one zip with what support needs, and never the staff PIN's hash or salt."""

import zipfile

import pytest

from kiosk.cli import main
from kiosk.settings.file import save_settings
from kiosk.settings.pin import hash_pin
from kiosk.settings.values import Settings, default_path, log_dir, pin_lock_path
from kiosk.system.supportbundle import REMOVED, without_pin, write_bundle
from tests.conftest import SHIPPED_CONTENT


@pytest.fixture(scope="module")
def pin():
    return hash_pin("2468")


def everything_in(path):
    with zipfile.ZipFile(path) as bundle:
        return {name: bundle.read(name).decode("utf-8", "replace") for name in bundle.namelist()}


def test_the_bundle_has_logs_dumps_settings_and_the_content_check_but_no_pin(tmp_path, pin, content_copy):
    settings = tmp_path / "config" / "settings.yaml"
    save_settings(settings, Settings(staff_pin=pin, kiosk_name="reception"))
    (settings.parent / "settings.yaml.broken-2026-12-01").write_text(
        f"staff_pin:\n  salt: {pin.salt}\n  hash: {pin.hash}\nidle_seconds: [\n", encoding="utf-8")
    pin_lock_path(settings).write_text("wrong: 2\n", encoding="utf-8")
    logs = tmp_path / "logs"
    (logs / "dumps").mkdir(parents=True)
    (logs / "kiosk.log").write_text("2026-12-07 10:40:00,000 WARNING kiosk: something\n", encoding="utf-8")
    (logs / "crash.log.1").write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    for number in range(5):
        (logs / "dumps" / f"kiosk.exe.{number}.dmp").write_bytes(b"MDMP" + bytes(number))
    machine = tmp_path / "machine.ini"
    machine.write_text("[kiosk]\ncontent = \\\\server\\share\\kiosk\n", encoding="utf-8")
    (content_copy / "clinic.yaml").write_text("name: [unclosed\n", encoding="utf-8")

    out = tmp_path / "out" / "support.zip"
    names = write_bundle(out, content_dir=content_copy, settings_path=settings, log_folder=logs,
                         machine_settings=machine)
    inside = everything_in(out)
    assert set(names) == set(inside)
    assert {"about.txt", "content-check.txt", "logs/kiosk.log", "logs/crash.log.1", "settings/settings.yaml",
            "settings/settings.yaml.last-good", "settings/settings.yaml.broken-2026-12-01",
            "settings/pin-lock.yaml", "settings/machine.ini"} <= set(inside)
    assert sorted(n for n in inside if n.startswith("logs/dumps/")) == [
        f"logs/dumps/kiosk.exe.{n}.dmp" for n in (2, 3, 4)], "the newest three minidumps"
    everything = "\n".join(inside.values())
    assert pin.hash not in everything and pin.salt not in everything
    assert REMOVED in inside["settings/settings.yaml"] and "kiosk_name: reception" in inside["settings/settings.yaml"]
    check = inside["content-check.txt"]
    assert "1 problem(s)" in check
    assert any("clinic.yaml" in line and "warning" not in line for line in check.splitlines())
    assert "Dry needling kiosk" in inside["about.txt"] and "platform:" in inside["about.txt"]
    assert " 10  stay ended" in inside["about.txt"]
    assert not list(out.parent.glob("*.partial"))


def test_the_pin_is_removed_from_any_shape_of_settings_file(pin):
    for text in (f"staff_pin: {{salt: {pin.salt}, hash: {pin.hash}, iterations: 600000}}\n",
                 f"staff_pin:\n    salt:    {pin.salt}\n    hash: '{pin.hash}'\n",
                 f"# copied by hand: {pin.hash}\n"):
        cleaned = without_pin(text)
        assert pin.hash not in cleaned and pin.salt not in cleaned, cleaned


def test_the_command_writes_the_bundle_for_the_settings_in_use(tmp_path, pin, capsys):
    save_settings(default_path(), Settings(staff_pin=pin))
    log_dir().mkdir(parents=True, exist_ok=True)
    out = tmp_path / "for support.zip"
    try:
        assert main(["--support-bundle", str(out), "--content", str(SHIPPED_CONTENT)]) == 0
    finally:
        default_path().unlink()
    said = capsys.readouterr().out
    assert f"support bundle written to {out}" in said and "the staff PIN is not in it" in said
    inside = everything_in(out)
    assert "content OK" in inside["content-check.txt"]
    assert pin.hash not in "\n".join(inside.values())


def test_a_folder_given_as_the_bundle_is_refused_with_a_message(tmp_path, capsys):
    assert main(["--support-bundle", str(tmp_path)]) == 2
    assert "needs a file" in capsys.readouterr().err


def test_a_missing_content_folder_is_reported_inside_the_bundle_not_refused(tmp_path):
    out = tmp_path / "support.zip"
    assert main(["--support-bundle", str(out), "--content", str(tmp_path / "the share is down")]) == 0
    assert "the share is down" in everything_in(out)["content-check.txt"]
