"""The readability measure (kiosk/checks/readability.py): syllables counted right, and each rule can fail."""

import pytest

from kiosk.checks.readability import measure, page_text, syllables_en, syllables_es


@pytest.mark.parametrize("word, count", [
    # diphthongs join (strong + weak, weak + weak), hiatus splits (two strong, or an accented í/ú)
    ("fisioterapeuta", 6), ("cuidado", 3), ("pantorrilla", 4), ("isquiotibiales", 5), ("río", 2),
    ("leía", 3), ("creer", 2), ("aéreo", 4), ("país", 2), ("baúl", 2), ("oído", 3), ("ciudad", 2),
    # the u of que/qui/gue/gui is silent, but not in güi; a final y after a vowel is a vowel
    ("que", 1), ("guía", 2), ("agüita", 3), ("hoy", 1), ("muy", 1), ("molestias", 3), ("agujetas", 4),
    ("punción", 2), ("cuádriceps", 3),
])
def test_spanish_syllables(word, count):
    assert syllables_es(word) == count


@pytest.mark.parametrize("word, count", [
    ("the", 1), ("time", 1), ("tube", 1), ("helped", 1), ("tapped", 1), ("needed", 2), ("people", 2),
    ("little", 2), ("muscle", 2), ("muscles", 2), ("therapist", 3), ("physiotherapy", 6), ("soreness", 3),
    ("being", 2), ("quiet", 2), ("science", 2), ("video", 3), ("light-headed", 3), ("evidence", 3),
])
def test_english_syllables(word, count):
    assert syllables_en(word) == count


def page(*paragraphs, extra=""):
    return "<html><head><style>p { color: red; }</style></head><body>" + "".join(
        f"<p>{p}</p>" for p in paragraphs) + extra + "</body></html>"


def test_plain_english_passes_and_styles_and_references_are_not_read():
    html = page("You lie on the couch.", "Your therapist cleans your skin.",
                extra='<ul><li><span class="reference"><b>A randomized controlled trial of intramuscular '
                      'stimulation.</b></span><br>It did not help.</li></ul>')
    assert page_text(html) == ["You lie on the couch.", "Your therapist cleans your skin.", "It did not help."]
    reading = measure(html, "en")
    assert reading.problems == () and reading.score <= 6 and reading.sentences == 3


def test_hard_english_fails_the_grade():
    reading = measure(page("Intramuscular stimulation demonstrated considerable musculoskeletal improvement "
                           "notwithstanding methodological heterogeneity."), "en")
    assert reading.score > 6
    assert any("Flesch-Kincaid" in p for p in reading.problems)


def test_hard_spanish_fails_the_ease_score():
    reading = measure(page("La electroestimulación percutánea intramuscular demostró considerables "
                           "mejorías musculoesqueléticas."), "es")
    assert reading.score < 70
    assert any("Fernández-Huerta" in p for p in reading.problems)


def test_a_sentence_over_22_words_is_named():
    long = " ".join(["word"] * 23) + "."
    assert any("23 words" in p for p in measure(page(long), "en").problems)
    assert not any("words (at most" in p for p in measure(page(" ".join(["word"] * 22) + "."), "en").problems)


@pytest.mark.parametrize("lang, bad, good", [
    ("en", "You have lymphoedema in your leg.", "You have lymphoedema, a lasting swelling, in your leg."),
    ("en", "One trial found it helped.", "One trial, a study that compares two groups, found it helped."),
    ("es", "Tienes linfedema en la pierna.", "Tienes linfedema (una hinchazón que dura) en la pierna."),
])
def test_jargon_needs_a_plain_explanation_on_first_use(lang, bad, good):
    assert any("plain explanation" in p for p in measure(page(bad), lang).problems)
    assert not any("plain explanation" in p for p in measure(page(good, bad), lang).problems)
