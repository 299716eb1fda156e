"""--check-content's promises from issue 14: calm mode holds in every language, and reviews are kept honest."""

from kiosk.bodyart import load_art
from kiosk.check import check_content, fingerprint
from kiosk.pages import load_pages
from tests.helpers import edit, line_of


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
    assert found[0].startswith(f"{path}:{line - 1}: 'steps[6].passages[2]' describes the needle going in")
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
    edit(path, "Puedes hacer preguntas en cualquier momento, antes o durante tu sesión.",
         "Puedes hacer preguntas en cualquier momento, antes o durante tu sesión, y también después, cuando "
         "vuelvas a casa, si algo no te queda claro o si notas cualquier cosa rara.")
    assert errors(content_copy) == []
    found = [w for w in warnings(content_copy) if "words (at most 22)" in w]
    assert len(found) == 1 and found[0].startswith(f"{path}: warning: a sentence has 3")  # once, not per mode
    assert "(page es/standard/precautions)" in found[0]


def test_a_hard_sentence_on_a_region_tab_is_named_on_that_region_file(content_copy):
    # The soreness tips are on the 4th tab (region-calves-4): the warning names calves.yaml, not "calves-4.yaml".
    path = content_copy / "regions" / "calves.yaml"
    edit(path, "but taping did not.", "but taping did not, and nobody can say yet which of them would help "
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
    end = text.index("  - heading: Tienes un problema en los vasos")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert errors(content_copy) == [
        f"{path}:{line_of(path, 'items:')}: 'items' has 10 precautions but the English file has 11; give both "
        "the same items in the same order, because the therapist card shows each ticked one beneath in the "
        "clinic's language by its place in the list"]


def test_key_line_finds_a_top_level_key_and_nothing_for_an_unreadable_file(tmp_path):
    from kiosk.content import key_line

    path = tmp_path / "clinic.yaml"
    path.write_text("# a comment\nname: Clinic\n  phone: nested\nphone: 0123\n", encoding="utf-8")
    assert key_line(path, "phone") == 4  # the top-level key, not the indented one
    assert key_line(path, "logo") is None
    assert key_line(tmp_path / "missing.yaml", "phone") is None
