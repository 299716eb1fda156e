"""--check-content's promises: calm mode holds in every language, citations' doubts stay off screen,
every page's sources exist, and reviews are kept honest."""

from pathlib import Path

from kiosk.checks.folder import check_content, fingerprint
from kiosk.pages.book import load_pages
from kiosk.reading.bodyart import load_art
from kiosk.system.programname import staff_command
from tests.support.content import edit, line_of


def errors(folder):
    return [str(p) for p in check_content(folder) if not p.warning]


def warnings(folder):
    return [str(p) for p in check_content(folder) if p.warning]


def test_shipped_content_has_no_errors(content_copy):
    assert errors(content_copy) == []


def test_needle_words_without_the_graphic_flag_are_an_error_with_file_and_line(content_copy):
    path = content_copy / "walkthrough.yaml"
    edit(path, "Some people feel tired or a little light-headed afterwards.",
         "Some people feel the muscle twitch for a while afterwards.")
    line = line_of(path, "the muscle twitch for a while")
    found = errors(content_copy)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:{line - 1}: 'steps[6].passages[2]' describes a needle going in")
    assert '("twitch")' in found[0] and "graphic: true" in found[0]


def test_spanish_needle_words_are_caught_too(content_copy):
    path = content_copy / "lang" / "es" / "precautions.yaml"
    edit(path, "Puedes hacer preguntas en cualquier momento", "Notarás un pinchazo. Puedes hacer preguntas")
    found = errors(content_copy)
    assert len(found) == 1 and str(path) in found[0] and '("pinchazo")' in found[0]


def test_calm_wording_that_still_describes_it_is_an_error(content_copy):
    path = content_copy / "regions" / "calves.yaml"
    edit(path, "Your calf may tighten for a moment, then relax.", "Your calf may twitch, then relax.")
    found = errors(content_copy)
    assert len(found) == 1 and "'session_steps.twitch.passages[1].calm' still describes it" in found[0]


def test_a_passage_graphic_in_one_language_only_is_an_error(content_copy):
    path = content_copy / "lang" / "es" / "regions" / "foot.yaml"
    text = path.read_text(encoding="utf-8")
    # The Spanish twitch paragraph loses its flag but keeps calm words that need no flag.
    start = text.index("    - text: >-\n        Cuando la aguja llega")
    end = text.index("    - >-\n      Cada aguja")
    path.write_text(text[:start] + "    - >-\n      A veces el músculo reacciona un momento.\n" + text[end:],
                    encoding="utf-8")
    found = errors(content_copy)
    assert found == [f"{path}:{line_of(path, 'A veces el músculo reacciona un momento.') - 1}: "
                     "'feels_like.paragraphs[2]' is graphic in English but not graphic here; calm mode must "
                     "hide the same passages in every language"]


def sign(path, by="Ana Ruiz, lead physiotherapist", on="2026-11-30", folder=None):
    book = load_pages(folder, load_art().region_ids)
    page = book.content.base.sources
    with path.open("a", encoding="utf-8") as f:
        f.write(f'reviewed: {{by: "{by}", date: {on}, fingerprint: {fingerprint(page)}}}\n')


def test_a_signed_file_is_quiet_until_a_word_changes(content_copy):
    path = content_copy / "sources.yaml"
    assert any(str(path) in w and "not yet checked by a clinician" in w for w in warnings(content_copy))
    sign(path, folder=content_copy)
    assert not any(f"{path}:" in w or w.startswith(f"{path}: ") for w in warnings(content_copy))
    # Comments and line breaks are not the words a clinician checked: still quiet.
    edit(path, "title: Where this comes from", "# a comment\ntitle: Where this comes from")
    assert not any(w.startswith(str(path)) for w in warnings(content_copy))
    edit(path, "Many studies were small or short", "Most studies were small or short")
    line = line_of(path, "reviewed:")
    found = [w for w in warnings(content_copy) if w.startswith(str(path))]
    assert len(found) == 1
    assert found[0].startswith(f"{path}:{line}: warning: changed since Ana Ruiz, lead physiotherapist checked it "
                               "on 2026-11-30")


def test_a_review_date_must_be_a_real_date(content_copy):
    path = content_copy / "sources.yaml"
    with path.open("a", encoding="utf-8") as f:
        f.write("reviewed: {by: Ana, date: 30/11/2026}\n")
    found = errors(content_copy)
    assert found == [f"{path}:{line_of(path, 'reviewed:')}: 'reviewed.date' must be a date written like "
                     "2026-11-30, got \"30/11/2026\""]


def test_the_sources_page_shows_who_checked_it(content_copy):
    sign(content_copy / "sources.yaml", folder=content_copy)
    book = load_pages(content_copy, load_art().region_ids)
    assert "Checked by Ana Ruiz, lead physiotherapist on 2026-11-30." in book.sources("en", False).html
    assert "Revisado por" not in book.sources("es", False).html  # the Spanish file is not signed


def test_a_hard_page_is_a_warning_naming_the_file_and_page(content_copy):
    path = content_copy / "lang" / "es" / "precautions.yaml"
    edit(path, "Puedes hacer preguntas en cualquier momento, antes de la sesión o durante ella.",
         "Puedes hacer preguntas en cualquier momento, antes de la sesión o durante ella, y también después, cuando "
         "vuelvas a casa, si algo no te queda claro o si notas cualquier cosa rara.")
    assert errors(content_copy) == []
    found = [w for w in warnings(content_copy) if "words (at most 22)" in w]
    assert len(found) == 1 and found[0].startswith(f"{path}: warning: a sentence has 3")  # once, not per mode
    assert "(page es/standard/precautions)" in found[0]


def test_a_hard_sentence_on_a_region_tab_is_named_on_that_region_file(content_copy):
    # The soreness tips are on the 4th tab (region-calves-4): the warning names calves.yaml, not "calves-4.yaml".
    path = content_copy / "regions" / "calves.yaml"
    edit(path, "Taping did not help.", "Taping did not help, and nobody can say yet which of them would help "
         "you the most after your own first session with your own therapist this week.")
    found = [w for w in warnings(content_copy) if "a sentence has" in w]
    assert found and all(w.startswith(f"{path}: warning: a sentence has") for w in found), found
    assert any("(page en/standard/region-calves-4)" in w for w in found), found


def test_a_translation_with_a_precaution_missing_is_an_error_naming_its_file_and_line(content_copy):
    """The therapist card shows a ticked precaution beneath in English by its place in the list:
    one item fewer in Spanish would put the wrong English precaution under every later tick."""
    path = content_copy / "lang" / "es" / "precautions.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - heading: Tienes diabetes")
    end = text.index("  - heading: Tienes problemas de circulación")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert errors(content_copy) == [
        f"{path}:{line_of(path, 'items:')}: 'items' has 13 precautions but the English file has 14; give both "
        "the same items in the same order, because the therapist card shows each ticked one beneath in the "
        "clinic's language by its place in the list"]


def test_key_line_finds_a_top_level_key_and_nothing_for_an_unreadable_file(tmp_path):
    from kiosk.reading.folder import key_line

    path = tmp_path / "clinic.yaml"
    path.write_text("# a comment\nname: Clinic\n  phone: nested\nphone: 0123\n", encoding="utf-8")
    assert key_line(path, "phone") == 4  # the top-level key, not the indented one
    assert key_line(path, "logo") is None
    assert key_line(tmp_path / "missing.yaml", "phone") is None


# --- calm mode: blood, electricity, a punctured lung, titles and the precautions page ---------


def test_electricity_blood_and_a_punctured_lung_need_calm_words_in_both_languages(content_copy):
    walk, spanish = content_copy / "walkthrough.yaml", content_copy / "lang" / "es" / "walkthrough.yaml"
    edit(walk, "You can also call about anything that worries you.",
         "A tiny electrical current may be used. You can also call about anything that worries you.")
    edit(walk, "No question is too small", "A spot of blood is normal. No question is too small")
    edit(spanish, "Puedes llamar por cualquier otra cosa que te preocupe.",
         "Se puede perforar la piel. Puedes llamar por cualquier otra cosa que te preocupe.")
    found = errors(content_copy)
    assert len(found) == 2, found  # the English passage once, naming its first vivid words
    assert found[0].startswith(f"{walk}:") and '("electrical current")' in found[0] and "graphic: true" in found[0]
    assert found[1].startswith(f"{spanish}:") and '("perfora")' in found[1]


def test_a_calm_title_is_needed_where_a_title_names_the_needle(content_copy):
    path = content_copy / "walkthrough.yaml"
    edit(path, "    calm_title: Starting the treatment\n", "")
    assert errors(content_copy) == [
        f"{path}:{line_of(path, 'title: The needle')}: 'steps[3].title' names the needle (\"needle\"), and a title is "
        "what a nervous reader sees first; add calm_title: with gentler words for calm mode"]


def test_words_with_no_calm_version_must_not_describe_it(content_copy):
    """A precaution's heading, a list item and the screens' own words have no calm wording: calm mode shows them."""
    precautions = content_copy / "precautions.yaml"
    edit(precautions, "heading: You are pregnant, or might be", "heading: You bleed easily")
    edit(content_copy / "regions" / "foot.yaml", "  - Pain under your heel", "  - Twitches under your heel")
    edit(content_copy / "lang" / "es" / "ui.yaml", "keep_reading: Seguir leyendo", "keep_reading: Sin pinchazos")
    found = errors(content_copy)
    assert len(found) == 3, found
    assert found[0].startswith(f"{precautions}:{line_of(precautions, 'You bleed easily')}: 'items[5].heading' "
                               'describes a needle going in, a twitch, electricity or blood ("bleed") and has no '
                               "calm wording, so calm mode shows it; reword it")
    assert "'helps_with[1]'" in found[1] and '("Twitch")' in found[1]
    assert found[2].startswith(f"{content_copy / 'lang' / 'es' / 'ui.yaml'}:") and "'keep_reading'" in found[2]


def test_names_a_patient_must_recognise_are_not_descriptions(content_copy):
    assert errors(content_copy) == []  # "blood thinners", "a bleeding or clotting disorder", "blood vessels"...
    book = load_pages(content_copy, load_art().region_ids)
    calm = book.precautions("en", True).html
    assert "blood thinners" in calm and "bleeding or clotting disorder" in calm and "pacemaker" in calm


def test_the_precautions_page_honours_calm_mode(content_copy):
    book = load_pages(content_copy, load_art().region_ids)
    for lang, vivid, gentle in (("en", "put needles through that skin", "will not treat that patch of skin"),
                                ("es", "pondrá agujas a través de esa piel", "no tratará esa zona de la piel")):
        standard, calm = book.precautions(lang, False).html, book.precautions(lang, True).html
        assert vivid in standard and gentle not in standard
        assert vivid not in calm and gentle in calm


def test_a_not_confirmed_note_shown_to_patients_is_an_error_and_belongs_in_note(content_copy):
    path = content_copy / "sources.yaml"
    edit(path, "Dommerholt J, Doody C.", "Dommerholt J, Doody C (year not confirmed).")
    es_sources = content_copy / "lang" / "es" / "sources.yaml"
    edit(es_sources, "No hubo un grupo con el que comparar.", "No hubo un grupo con el que comparar (sin confirmar).")
    found = errors(content_copy)
    assert len(found) == 2, found
    assert found[0].startswith(f"{path}:{line_of(path, 'Doody C (year not confirmed)')}: 'sources[10].reference' tells "
                               'patients a detail is "not confirmed"; a note like that is for the clinician')
    assert found[1].startswith(f"{es_sources}:") and '"sin confirmar"' in found[1] and "'note:'" in found[1]
    # The same doubt in the source's note is for the review pack only: no error.
    edit(path, 'Doody C (year not confirmed).', 'Doody C.')
    edit(es_sources, "comparar (sin confirmar).", "comparar.")
    assert errors(content_copy) == []


# --- sources named by each page --------------------------------------------------------


def test_a_page_naming_a_source_that_does_not_exist_is_an_error_with_its_line(content_copy):
    path = content_copy / "regions" / "calves.yaml"
    edit(path, "evidence: [lucena-anton-2022,", "evidence: [lucena-2022,")
    edit(path, "  session_steps: [clinic-practice]", "  session_steps: [clinic-practice]\n  tips: [clinic-practice]")
    found = errors(content_copy)
    sources_file = content_copy / "sources.yaml"
    assert found[0].startswith(f"{path}:{line_of(path, 'lucena-2022')}: 'sources.evidence' names the source "
                               f"'lucena-2022', but {sources_file} has no source with that id; check the spelling")
    assert found[1] == (f"{path}:{line_of(path, 'sources:')}: 'sources.tips' is not a part of this page; name "
                        "sources for: muscles, helps_with, does_here, evidence, feels_like, soreness, session_steps")
    assert len(found) == 2


def test_a_translation_must_have_every_source_its_pages_name(content_copy):
    path = content_copy / "lang" / "es" / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: singh-2025")
    end = text.index("  - id: solomons-2020")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert errors(content_copy) == [
        f"{path}: has no source with the id 'singh-2025', which {Path('regions', 'calves.yaml')} names "
        "('sources.evidence', in English); add it, translated"]


def test_a_page_that_names_no_sources_is_a_warning(content_copy):
    path = content_copy / "precautions.yaml"
    edit(path, "sources: [munoz-2022, apta-2013, ahpcsa-bn121, jenkins-2024, clinic-practice]\n", "")
    assert errors(content_copy) == []
    found = [w for w in warnings(content_copy) if "no sources are named" in w]
    assert found == [f"{path}: warning: no sources are named for this page; add their sources.yaml ids in "
                     "'sources:' so the review pack shows the clinician what backs them"]


def test_the_questions_and_the_screens_words_are_checked_too(content_copy):
    questions, ui = content_copy / "questions.yaml", content_copy / "ui.yaml"
    edit(questions, "text: Can I run tomorrow?", "text: Will I bleed?")
    edit(ui, "keep_reading: Keep reading", "keep_reading: Keep reading (wording not confirmed)")
    found = errors(content_copy)
    assert len(found) == 2, found
    assert found[0].startswith(f"{questions}:{line_of(questions, 'Will I bleed?')}: 'items[2].text' describes")
    assert found[1].startswith(f"{ui}:{line_of(ui, 'keep_reading:')}: 'keep_reading' tells patients a detail is "
                               '"not confirmed"')


# --- what --check-content prints: short, the most important first ---------------------------


def check_lines(folder=None):
    from tests.support.commands import kiosk_command as kiosk

    # The report, not the layout (tests/system/test_fit.py): --quick keeps each test to seconds.
    result = kiosk("--check-content", *([folder] if folder else []), "--quick")
    return result.returncode, result.stdout.splitlines()


def sign_everything(folder):
    from kiosk.reading.contentfiles import content_files

    content = load_pages(folder, load_art().region_ids).content
    for language in content.languages.values():
        for path, page in content_files(content, language):
            with path.open("a", encoding="utf-8") as f:
                f.write(f'\nreviewed: {{by: "Ana Ruiz", date: 2026-11-30, fingerprint: "{fingerprint(page)}"}}\n')


def test_the_shipped_content_is_summed_up_in_a_few_lines_the_example_clinic_first():
    code, lines = check_lines()
    assert code == 0 and len(lines) == 4, lines
    phone, address, unsigned, verdict = lines
    clinic, content = Path("kiosk/content/clinic.yaml"), Path("kiosk/content")  # the system's separator
    assert phone.startswith(f"{clinic}:13: warning: 'phone' is still the example's number")
    assert address.startswith(f"{clinic}:22: warning: 'aftercare_url' is still the example's")
    assert unsigned.startswith(f"{content}: warning: 14 pages not yet checked by a clinician: Your session, "
                               "step by step; Tell your therapist first if...; Where this comes from; Quads; ")
    assert "Calves and shins; Foot, in English and Español." in unsigned
    export = staff_command("--export-pages", "FOLDER")  # "kiosk ..." here, "kiosk-console.exe ..." on Windows
    assert unsigned.endswith(f"Run {export} for the review pack: it lists each file with its fingerprint")
    assert verdict.startswith("content OK: ")


def test_clean_content_prints_only_the_verdict(content_copy):
    edit(content_copy / "clinic.yaml", '"0123 456 7890"', '"0161 555 0100"')
    edit(content_copy / "clinic.yaml", "https://www.example.com/riverside-physio/after-needling",
         "https://northside-physio.test/after")
    sign_everything(content_copy)
    assert check_lines(content_copy) == (0, [f"content OK: {content_copy}"])


def test_errors_first_then_the_example_clinic_then_each_kind_together(content_copy):
    edit(content_copy / "precautions.yaml",  # a warning of another kind: the pack can't show what backs it
         "sources: [munoz-2022, apta-2013, ahpcsa-bn121, jenkins-2024, clinic-practice]\n", "")
    sign_everything(content_copy)
    calves, spanish_foot = content_copy / "regions" / "calves.yaml", content_copy / "lang/es/regions/foot.yaml"
    edit(calves, "name: Calves and shins\n", "")  # an error: the page can't be shown
    edit(spanish_foot, "\nreviewed: {", "\nnot_reviewed_any_more: {")  # an error too: an unknown key
    for region in ("quads", "hamstrings"):  # changed since they were signed: two pages, one line
        edit(content_copy / "regions" / f"{region}.yaml", "  The ", "  These ")
    code, lines = check_lines(content_copy)
    assert code == 1
    warnings = [i for i, line in enumerate(lines) if ": warning: " in line]
    errors = [i for i, line in enumerate(lines) if ": warning: " not in line]
    assert errors and max(errors) < min(warnings), lines  # errors first
    assert any(str(calves) in lines[i] and "'name' is missing" in lines[i] for i in errors)
    order = [line for line in lines if ": warning: " in line]
    assert "'phone' is still the example's number" in order[0] and "'aftercare_url'" in order[1]
    assert order[2].startswith(f"{content_copy / 'regions'}: warning: 2 pages changed since a clinician checked "
                               "them; have them checked again: Quads; Hamstrings, in English.")
    assert order[3].startswith(f"{content_copy / 'precautions.yaml'}: warning: no sources are named")
    assert len(order) == 4, order  # nothing else: the rest is signed, and the broken pages can't be judged


def test_one_page_of_a_kind_keeps_its_own_line_with_its_fingerprint(content_copy):
    from kiosk.checks.report import ReviewKind, ReviewWarning, report_lines

    lone = ReviewWarning("x/regions/foot.yaml", None, "changed since Ana checked it", True, ReviewKind.CHANGED,
                         "Foot", "English")
    assert report_lines([lone]) == ["x/regions/foot.yaml: warning: changed since Ana checked it"]
    pair = [ReviewWarning("x/regions/foot.yaml", None, "", True, ReviewKind.NOT_CHECKED, "Foot", "English"),
            ReviewWarning("x/lang/es/regions/foot.yaml", None, "", True, ReviewKind.NOT_CHECKED, "Foot", "Español"),
            ReviewWarning("x/walkthrough.yaml", None, "", True, ReviewKind.NOT_CHECKED, "Walkthrough", "English")]
    assert report_lines(pair)[0].startswith(
        "x: warning: 3 pages not yet checked by a clinician: Foot (English and Español); Walkthrough (English).")
    mixed = [ReviewWarning("/elsewhere/regions/foot.yaml", None, "", True, ReviewKind.NOT_CHECKED, "Foot", "English"),
             ReviewWarning("x/walkthrough.yaml", None, "", True, ReviewKind.NOT_CHECKED, "Walkthrough", "English")]
    assert report_lines(mixed)[0].startswith(".: warning: 2 pages not yet checked by a clinician: Foot; Walkthrough")
