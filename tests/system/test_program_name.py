"""Staff messages name the command this tablet has: kiosk-console.exe on Windows, kiosk elsewhere,
decided in one place; and the machine-wide content folder IT sets."""

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.settings.values import StaffPin
from kiosk.system.machinesettings import content_folder, machine_settings_path
from kiosk.system.programname import program_name, staff_command


def test_the_name_per_platform():
    assert program_name(platform="win32", frozen=True) == "kiosk-console.exe"
    assert program_name(platform="win32", frozen=False) == "kiosk"  # pip's kiosk.exe is on the venv's path
    assert program_name(platform="linux", frozen=True) == "kiosk"
    folder = Path("C:/Program Files/Dry Needling Kiosk")
    assert staff_command("--set-pin", platform="win32", frozen=True, folder=folder) == \
        f'"{folder / "kiosk-console.exe"}" --set-pin'
    assert staff_command("--check-content", platform="linux", frozen=False) == "kiosk --check-content"


def test_the_pin_pad_names_the_command_of_this_machine(make_kiosk):
    kiosk = make_kiosk()
    kiosk.open_pin_pad()
    assert kiosk.staff.overlay.title.text().endswith(f"run: {staff_command('--set-pin')}")


def test_a_damaged_pin_names_the_command_that_writes_it():
    said = [message for _, message in StaffPin(salt="zz", hash="00", iterations=600_000).check()]
    assert all(staff_command("--set-pin") in message for message in said) and len(said) == 2


def test_command_line_mistakes_are_said_in_the_programs_name(tmp_path, capsys):
    assert main(["--config", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(f"{program_name()}: --config needs a file")


def test_a_clinics_old_words_without_the_command_get_the_shipped_words_and_a_problem(content_copy):
    from kiosk.pages.book import load_pages
    from kiosk.reading.bodyart import load_art

    staff = content_copy / "staff.yaml"
    text = staff.read_text(encoding="utf-8").replace("and run: {command}", "and run: kiosk --set-pin")
    staff.write_text(text, encoding="utf-8")
    content = load_pages(content_copy, load_art().region_ids).content
    assert "{command}" in content.staff.pin_not_set
    assert any("pin_not_set" in str(problem) for problem in content.problems)


@pytest.fixture
def machine_ini():
    path = machine_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    yield path
    path.unlink(missing_ok=True)


def test_the_machine_wide_content_folder_is_used_unless_the_command_line_names_one(machine_ini, content_copy,
                                                                                    tmp_path, capsys):
    machine_ini.write_text(f"[kiosk]\ncontent = {content_copy}\n", encoding="utf-8")
    assert content_folder() == content_copy
    assert main(["--check-content", "--quick"]) == 0
    assert f"content OK: {content_copy}" in capsys.readouterr().out
    assert main(["--check-content", "--content", str(tmp_path / "other")]) == 1


@pytest.mark.parametrize("text", ["", "[kiosk]\n", "no section\ncontent = x\n", "[kiosk]\ncontent = \n",
                                  "\x00\x01 binary"])
def test_a_machine_file_without_a_usable_folder_is_ignored(machine_ini, text):
    machine_ini.write_text(text, encoding="utf-8")
    assert content_folder() is None


def test_a_huge_machine_file_is_not_read(machine_ini, caplog):
    machine_ini.write_text("[kiosk]\ncontent = x\n" + "#" * 100_000, encoding="utf-8")
    assert content_folder() is None and "too large" in caplog.text
