"""The settings file on its own, in a folder of the test's: defaults, mistakes, and saving."""

from kiosk.settings import Settings, load_settings, save_settings
from kiosk.staffpin import hash_pin


def test_no_file_means_the_defaults_and_no_problem(tmp_path):
    assert load_settings(tmp_path / "settings.yaml") == (Settings(), ())


def test_a_mistake_keeps_the_defaults_and_names_file_line_and_field(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("default_language: es\nidle_seconds: 5\n", encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings()
    [problem] = problems
    assert problem.line == 2 and "'idle_seconds' must be between 15 and 3600 seconds, got 5" in str(problem)
    assert str(path.name) in problem.path


def test_what_staff_chose_is_saved_and_read_back_the_same(tmp_path):
    path = tmp_path / "nested" / "settings.yaml"
    chosen = Settings().with_changes(default_language="es", calm_by_default=True, idle_seconds=120,
                                     text_size_by_default="large", staff_pin=hash_pin("482913", iterations=100_000))
    save_settings(path, chosen)
    assert load_settings(path) == (chosen, ())
    assert "# Settings for the dry needling kiosk" in path.read_text(encoding="utf-8")
    assert [p.name for p in path.parent.iterdir()] == ["settings.yaml"], "no half-written file left behind"


def test_an_unreadable_file_is_a_problem_not_a_crash(tmp_path):
    folder = tmp_path / "settings.yaml"
    folder.mkdir()  # a folder where the file should be
    settings, problems = load_settings(folder)
    assert settings == Settings()
    assert len(problems) == 1 and "using the default settings" in problems[0].message
