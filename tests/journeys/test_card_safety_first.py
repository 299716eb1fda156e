"""Safety first: the needle-fear and fainting item heads the precautions, and the card puts every
precaution ticked above the questions, under its own marked heading, whatever the order ticked."""

from kiosk.visit.card import Tick
from kiosk.visit.screens import CARD, PRECAUTIONS, QUESTIONS
from tests.support.finger import tap


def test_fear_of_needles_and_fainting_come_first_in_every_language(make_kiosk):
    kiosk = make_kiosk()
    for code, fear, before in (("en", "afraid of needles", "bad reaction to needling"),
                               ("es", "miedo las agujas", "mala reacción a la punción")):
        items = kiosk.book.content.language(code).precautions.items
        assert fear in items[0].heading and before in items[1].heading
        assert len(items) == len(kiosk.book.content.language("en").precautions.items)
    kiosk.router.show(PRECAUTIONS)
    first = list(kiosk.router.screen.ticks.boxes.values())[0]
    assert "afraid of needles" in first.text()
    assert first.visibleRegion().boundingRect().height() == first.height(), "in view without scrolling"


def test_the_card_puts_the_precautions_above_the_questions_under_a_marker(make_kiosk):
    kiosk = make_kiosk(locked=True)
    tap(kiosk.home.region_buttons["calves"])
    tap(kiosk.router.screen.questions_button)
    assert kiosk.router.current == QUESTIONS
    tap(kiosk.router.screen.ticks.boxes[Tick.question("run-tomorrow")])  # a question first
    kiosk.router.show(PRECAUTIONS)
    ticks = kiosk.router.screen.ticks
    for index in (2, 0):  # blood thinners, then the fear of needles: each scrolled to, then tapped
        ticks.scroller.ensureWidgetVisible(ticks.boxes[Tick.precaution(index)])
        tap(ticks.boxes[Tick.precaution(index)])
    kiosk.router.show(CARD)
    card = kiosk.router.screen
    texts = [patient.text() for patient, _ in card.lines]
    assert texts == ["\u2022  I am afraid of needles, or feel faint easily", "\u2022  I take blood thinners",
                     "\u2022  Can I run tomorrow?"]
    safety, questions = card.headings
    assert (safety.text(), safety.objectName()) == ("Safety first", "cardSafety")
    assert questions.text() == "My questions"
    assert safety.y() < card.lines[0][0].y() < card.lines[1][0].y() < questions.y() < card.lines[2][0].y()


def test_a_spanish_card_names_its_groups_in_english_beneath(make_kiosk):
    kiosk = make_kiosk()
    tap(kiosk.home.language_buttons["es"])
    kiosk.router.show(PRECAUTIONS)
    tap(kiosk.router.screen.ticks.boxes[Tick.precaution(0)])
    kiosk.router.show(CARD)
    card = kiosk.router.screen
    assert [h.text() for h in card.headings] == ["Primero, la seguridad"]
    assert "In English: Safety first" in [w.text() for w in card.findChildren(type(card.headings[0]))]
    assert card.lines[0][1].text() == "In English: I am afraid of needles, or feel faint easily"
