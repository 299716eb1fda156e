"""The content-folder watcher on its own, over a folder of the test's."""

import os

from kiosk.ui.updates.watcher import ContentWatcher


def test_a_burst_of_saves_is_one_change_once_the_folder_is_quiet(qtbot, tmp_path):
    (tmp_path / "regions").mkdir()
    calves = tmp_path / "regions" / "calves.yaml"
    calves.write_text("name: Calves\n", encoding="utf-8")
    watcher = ContentWatcher(tmp_path)
    with qtbot.waitSignal(watcher.changed, timeout=5000) as changed:
        for i in range(3):  # an editor saving in steps
            calves.write_text(f"name: Calves {i}\n", encoding="utf-8")
    assert changed.signal_triggered
    with qtbot.assertNotEmitted(watcher.changed, wait=1200):
        pass  # nothing more: one change for the burst


def test_a_file_replaced_by_rename_is_still_watched(qtbot, tmp_path):
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text("name: A\n", encoding="utf-8")
    watcher = ContentWatcher(tmp_path)
    for name in ("B", "C"):  # as editors save: write a new file, rename it over the old one
        with qtbot.waitSignal(watcher.changed, timeout=5000):
            new = tmp_path / "clinic.yaml.tmp"
            new.write_text(f"name: {name}\n", encoding="utf-8")
            os.replace(new, clinic)
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        clinic.write_text("name: D\n", encoding="utf-8")  # and an edit in place after that


def test_a_new_file_in_a_new_folder_is_noticed(qtbot, tmp_path):
    watcher = ContentWatcher(tmp_path)
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        (tmp_path / "lang" / "fr").mkdir(parents=True)
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        (tmp_path / "lang" / "fr" / "ui.yaml").write_text("language_name: Français\n", encoding="utf-8")
