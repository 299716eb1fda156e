"""The "show your therapist" card, driven through the real widgets."""

from kiosk.ui.screens.card import CardScreen
from kiosk.visit.card import TherapistCard, Tick
from kiosk.visit.screens import CARD, PRECAUTIONS, QUESTIONS, ScreenId
from tests.support.steps import tick_precautions


def test_spanish_patient_card_shows_english_beneath(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.home.language_buttons["es"].click()
    tick_precautions(kiosk, 2, 4)  # blood thinners and pregnancy, below the fear of needles
    kiosk.router.screen.ticks.card_button.click()
    assert kiosk.router.current == CARD
    card = kiosk.router.screen
    assert isinstance(card, CardScreen)
    (first, first_en), (second, second_en) = card.lines
    assert "Tomo anticoagulantes" in first.text() and first_en.text() == "In English: I take blood thinners"
    assert "Estoy embarazada" in second.text() and "I am pregnant" in second_en.text()


def test_english_patient_card_shows_english_alone(make_kiosk, qtbot):
    kiosk = make_kiosk()
    tick_precautions(kiosk, 2)
    kiosk.router.screen.ticks.card_button.click()
    (line, beneath), = kiosk.router.screen.lines
    assert "I take blood thinners" in line.text() and beneath is None


def test_questions_from_a_region_and_a_walkthrough_step_go_on_the_card(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.home.region_buttons["calves"].click()
    kiosk.router.screen.questions_button.click()
    assert kiosk.router.current == QUESTIONS
    kiosk.router.screen.ticks.boxes[Tick.question("run-tomorrow")].click()
    kiosk.router.screen.back_button.click()
    assert kiosk.router.current == ScreenId.for_region("calves")

    kiosk.router.screen.walkthrough_button.click()
    kiosk.router.screen.go_to(2)
    kiosk.router.screen.questions_button.click()
    # The tick made earlier is still shown as ticked.
    assert kiosk.router.screen.ticks.boxes[Tick.question("run-tomorrow")].isChecked()
    kiosk.router.screen.ticks.boxes[Tick.question("sessions")].click()
    kiosk.router.screen.back_button.click()
    assert kiosk.router.current == ScreenId.walkthrough("calves", 2)

    kiosk.router.show(CARD)
    texts = [patient.text() for patient, _ in kiosk.router.screen.lines]
    # In the questions' own order, not the order ticked.
    assert texts == ["\u2022  How many sessions will I need?", "\u2022  Can I run tomorrow?"]


def test_unticking_takes_a_line_off_and_one_tap_clears_the_card(make_kiosk, qtbot):
    kiosk = make_kiosk()
    tick_precautions(kiosk, 0, 1)
    kiosk.router.screen.ticks.boxes[Tick.precaution(0)].click()  # changed their mind
    kiosk.router.screen.ticks.card_button.click()
    assert len(kiosk.router.screen.lines) == 1
    kiosk.router.screen.clear_button.click()
    assert kiosk.router.current == CARD
    assert kiosk.router.screen.lines == [] and not kiosk.router.screen.clear_button.isVisible()
    kiosk.router.screen.back_button.click()
    assert kiosk.router.current == PRECAUTIONS
    assert not any(box.isChecked() for box in kiosk.router.screen.ticks.boxes.values())


def test_idle_reset_and_start_again_clear_the_card(make_kiosk, qtbot):
    kiosk = make_kiosk()
    tick_precautions(kiosk, 3)
    assert len(kiosk.card) == 1
    kiosk.reset_for_next_patient()  # what the idle countdown ends in
    assert kiosk.card == TherapistCard()
    tick_precautions(kiosk, 3)
    kiosk.reset_visit()
    assert kiosk.card == TherapistCard()
    kiosk.router.show(CARD)
    assert kiosk.router.screen.lines == []


def test_whole_row_of_a_tick_box_is_the_target(make_kiosk, qtbot):
    from PySide6.QtCore import QPoint, Qt

    kiosk = make_kiosk()
    kiosk.home.precautions_button.click()
    box = kiosk.router.screen.ticks.boxes[Tick.precaution(1)]
    assert box.height() >= 64
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 30, box.height() // 2))
    assert box.isChecked() and Tick.precaution(1) in kiosk.card


def test_the_card_never_names_its_ticks_when_printed():
    card = TherapistCard().with_tick(Tick.question("sessions"), True)
    assert "sessions" not in repr(card) and "sessions" not in str(card)


def test_a_finger_tap_ticks_a_box_and_a_finger_drag_scrolls_the_boxes(make_kiosk, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    kiosk = make_kiosk()
    kiosk.cycle_text_size()
    kiosk.cycle_text_size()  # extra-large text: the boxes need scrolling
    kiosk.home.precautions_button.click()
    panel = kiosk.router.screen.ticks
    handle, device = kiosk.window.windowHandle(), QTest.createTouchDevice()
    bar = panel.scroller.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    start = panel.scroller.viewport().mapTo(kiosk.window, QPoint(200, 400))
    QTest.touchEvent(handle, device).press(0, start).commit()
    for step in range(1, 11):
        QTest.touchEvent(handle, device).move(0, start - QPoint(0, 30 * step)).commit()
    QTest.touchEvent(handle, device).release(0, start - QPoint(0, 300)).commit()
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=3000)
    assert len(kiosk.card) == 0, "a drag scrolls; it ticks nothing"

    box = panel.boxes[Tick.precaution(0)]
    panel.scroller.ensureWidgetVisible(box)  # whole in view, above the "more below" band
    where = box.mapTo(kiosk.window, QPoint(box.width() // 2, box.height() // 2))
    QTest.touchEvent(handle, device).press(0, where).commit()
    QTest.touchEvent(handle, device).release(0, where).commit()
    qtbot.waitUntil(box.isChecked)
    assert Tick.precaution(0) in kiosk.card


def test_space_ticks_the_focused_box(make_kiosk, qtbot):
    from PySide6.QtCore import Qt

    kiosk = make_kiosk()
    kiosk.home.precautions_button.click()
    box = kiosk.router.screen.ticks.boxes[Tick.precaution(2)]
    kiosk.window.activateWindow()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert Tick.precaution(2) in kiosk.card
    assert box.accessibleName() == kiosk.language.precautions.items[2].heading
