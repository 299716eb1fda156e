"""A language a clinic adds that is written right to left (its ui.yaml says ``direction: rtl``):
the screens, pages, tabs, arrows and swipes mirror, the body map keeps its anatomy, and the kiosk
goes back to the default language's way for the next patient. Driven through the real widgets, in
the right-to-left pseudo-language (tests/support/pseudo.py)."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QWidget

from kiosk.settings.values import Settings
from kiosk.ui.offscreen.tour import inside
from kiosk.visit.screens import ATTRACT, HOME, ScreenId
from tests.support.finger import click, drag
from tests.support.pseudo import RTL_PSEUDO, add_rtl_pseudo_language

LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft


@pytest.fixture
def mirrored(content_copy):
    add_rtl_pseudo_language(content_copy)
    return content_copy


def on_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def arrow_side(button) -> str:
    """Where the arrow on ``button`` is drawn beside its words, "left" or "right". On a screen read
    right to left, the same whichever way its paragraph is laid out: a push button lays its words
    out left to right whatever its direction, a label (a button whose words wrap) as its screen reads."""
    text = button.text()
    arrow = next(i for i, c in enumerate(text) if c in "\u2190\u2192")
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    # Cursor positions inside a run of one direction, where Qt's x is never ambiguous: between the
    # arrow and the spaces beside it, and between two letters in the middle of the words.
    arrow, letter = (arrow + 1 if text[arrow + 1:arrow + 2] == " " else arrow), letters[len(letters) // 2]
    sides = set()
    for direction in (LTR, RTL) if button.isRightToLeft() else (LTR,):
        layout = QTextLayout(text, button.font())
        option = QTextOption()
        option.setTextDirection(direction)
        layout.setTextOption(option)
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        x = [line.cursorToX(i)[0] for i in (arrow, letter)]
        sides.add("right" if x[0] > x[1] else "left")
    assert len(sides) == 1, f"{text!r}: its arrow moves with the paragraph's direction"
    return sides.pop()


def choose(kiosk, code):
    click(kiosk.home.language_buttons[code])  # a finger on home's language button
    assert kiosk.visit.language == code


def test_home_mirrors_but_the_body_map_keeps_its_anatomy(make_kiosk, mirrored, qtbot):
    kiosk = make_kiosk(mirrored)
    english = kiosk.home
    map_box = on_window(english.body_map)
    shapes = {rid: [s.boundingRect() for s in english.body_map.region_shapes(rid)] for rid in english.body_map.names()}
    labels = [(rid, box.center()) for rid, box in english.body_map.name_labels()]
    transform = english.body_map.art_transform()
    assert on_window(english.column_scroller).left() > map_box.right()  # English: the column on the right

    choose(kiosk, RTL_PSEUDO)
    home = kiosk.home
    assert kiosk.window.layoutDirection() == RTL and home.isRightToLeft()
    body_map = home.body_map
    assert on_window(home.column_scroller).right() < on_window(body_map).left()  # the column on the left
    assert body_map.size() == map_box.size()
    # The legs as drawn in English: front, back and soles where they were, each region where it was,
    # its name on it, in the same place.
    assert {rid: [s.boundingRect() for s in body_map.region_shapes(rid)] for rid in body_map.names()} == shapes
    assert [(rid, box.center()) for rid, box in body_map.name_labels()] == labels
    assert body_map.art_transform() == transform  # so "Front", "Back" and "Soles" are written where they were
    # Qt's own hit-testing still finds each region where it is drawn.
    for region_id in ("calves", "quads"):
        [shape, *_] = body_map.region_shapes(region_id)
        assert body_map.region_at(inside(shape)) == region_id
    [calves, *_] = body_map.region_shapes("calves")
    with qtbot.waitSignal(body_map.regionChosen) as chosen:
        click(body_map, inside(calves).toPoint())
    assert chosen.args == ["calves"]
    assert kiosk.router.current.region == "calves"


def test_a_region_screen_reads_from_the_right(make_kiosk, mirrored):
    kiosk = make_kiosk(mirrored)
    choose(kiosk, RTL_PSEUDO)
    kiosk.router.show(ScreenId.for_region("calves"))
    screen = kiosk.router.screen
    assert screen.isRightToLeft()
    width = kiosk.window.width()
    back = on_window(screen.back_button)
    assert back.left() > width / 2, "the way back is on the right, where a line starts"
    assert "\u2192" in screen.back_button.text() and arrow_side(screen.back_button) == "right", \
        "its arrow points right, the way back, beside the words"
    tabs = [on_window(tab).center().x() for tab in screen.tabs]
    assert tabs == sorted(tabs, reverse=True), "the first tab on the right"
    walkthrough = screen.walkthrough_button
    assert on_window(walkthrough).right() < width / 2
    assert "\u2190" in walkthrough.text() and arrow_side(walkthrough) == "left"
    # The page itself: the template says dir="rtl", and its paragraphs read from the right.
    page = screen.view.page
    assert 'dir="rtl"' in page.html
    block = screen.view.document().begin()
    assert block.textDirection() == RTL
    assert block.layout().lineAt(0).naturalTextRect().right() >= screen.view.document().textWidth() - 40
    click(screen.tabs[1])  # a finger on the second tab, left of the first
    assert screen.index == 1


def test_the_walkthrough_turns_the_other_way(make_kiosk, mirrored, qtbot):
    kiosk = make_kiosk(mirrored)
    choose(kiosk, RTL_PSEUDO)
    kiosk.router.show(ScreenId.walkthrough())
    screen = kiosk.router.screen
    width = kiosk.window.width()
    assert on_window(screen.next_button).right() < width / 2
    assert "\u2190" in screen.next_button.text() and arrow_side(screen.next_button) == "left"
    assert on_window(screen.previous_button).left() > width / 2
    assert "\u2192" in screen.previous_button.text() and arrow_side(screen.previous_button) == "right"
    assert on_window(screen.home_button).left() > width / 2
    viewport = screen.view.viewport()
    middle = viewport.rect().center()
    with qtbot.waitSignal(screen.stepChanged) as turned:
        drag(viewport, middle - QPoint(150, 0), QPoint(300, 0))  # a swipe to the right: the next step
    assert turned.args == [1]
    with qtbot.waitSignal(screen.stepChanged) as turned:
        drag(viewport, middle + QPoint(150, 0), QPoint(-300, 0))  # to the left: the step before
    assert turned.args == [0]
    with qtbot.waitSignal(screen.stepChanged) as turned:
        qtbot.keyClick(screen.view, Qt.Key.Key_Left)  # Left, the way the lines go, is on
    assert turned.args == [1]
    with qtbot.waitSignal(screen.stepChanged) as turned:
        click(screen.next_button)
    assert turned.args == [2]


def test_english_turns_as_it_did(make_kiosk, mirrored, qtbot):
    kiosk = make_kiosk(mirrored)
    kiosk.router.show(ScreenId.walkthrough())
    screen = kiosk.router.screen
    assert not screen.isRightToLeft()
    assert screen.next_button.text().endswith("\u2192") and arrow_side(screen.next_button) == "right"
    assert screen.previous_button.text().startswith("\u2190") and arrow_side(screen.previous_button) == "left"
    viewport = screen.view.viewport()
    middle = viewport.rect().center()
    with qtbot.waitSignal(screen.stepChanged) as turned:
        drag(viewport, middle + QPoint(150, 0), QPoint(-300, 0))  # to the left: the next step
    assert turned.args == [1]
    with qtbot.waitSignal(screen.stepChanged) as turned:
        qtbot.keyClick(screen.view, Qt.Key.Key_Right)
    assert turned.args == [2]


def test_switching_to_right_to_left_and_back_mirrors_and_unmirrors(make_kiosk, mirrored):
    kiosk = make_kiosk(mirrored)
    for code, direction in ((RTL_PSEUDO, RTL), ("en", LTR), (RTL_PSEUDO, RTL), ("en", LTR)):
        choose(kiosk, code)
        assert kiosk.router.current == HOME
        assert kiosk.window.layoutDirection() == direction and kiosk.home.layoutDirection() == direction
        kiosk.router.show(ScreenId.for_region("foot"))
        back = kiosk.router.screen.back_button
        assert (on_window(back).left() > kiosk.window.width() / 2) == (direction == RTL)
        click(back)
        assert kiosk.router.current == HOME


def test_the_language_switch_in_the_walkthrough_keeps_the_step_and_mirrors(make_kiosk, mirrored):
    kiosk = make_kiosk(mirrored)
    kiosk.router.show(ScreenId.walkthrough(None, 2))
    kiosk.set_language(RTL_PSEUDO, keep_place=True)
    screen = kiosk.router.screen
    assert screen.index == 2 and screen.isRightToLeft() and kiosk.window.isRightToLeft()
    assert 'dir="rtl"' in screen.view.page.html


def test_the_next_patient_gets_the_default_languages_direction(make_kiosk, mirrored, fake_clock):
    kiosk = make_kiosk(mirrored, Settings(idle_seconds=90, countdown_seconds=30), clock=fake_clock)
    choose(kiosk, RTL_PSEUDO)
    click(kiosk.home.region_buttons["calves"])
    fake_clock.advance(90)  # nobody touches the screen
    countdown = kiosk.idle_reset.countdown
    assert countdown is not None and countdown.isRightToLeft(), "'Still reading?' in the patient's way"
    fake_clock.advance(30)  # nor then: the reset for the next patient
    assert kiosk.router.current == ATTRACT
    assert kiosk.window.layoutDirection() == LTR and not kiosk.router.screen.isRightToLeft()
    kiosk.show_home()
    assert kiosk.visit.language == "en" and not kiosk.home.isRightToLeft()


def test_a_clinic_whose_default_language_is_right_to_left_starts_each_visit_in_it(make_kiosk, mirrored):
    kiosk = make_kiosk(mirrored, Settings(default_language=RTL_PSEUDO))
    assert kiosk.home.isRightToLeft() and kiosk.window.isRightToLeft()
    choose(kiosk, "en")
    assert not kiosk.window.isRightToLeft()
    kiosk.reset_for_next_patient()
    assert kiosk.window.isRightToLeft() and kiosk.router.screen.isRightToLeft()


def test_staff_screens_keep_the_clinics_own_direction(make_kiosk, mirrored):
    kiosk = make_kiosk(mirrored)
    choose(kiosk, RTL_PSEUDO)
    kiosk.open_pin_pad()
    assert kiosk.staff.overlay is not None and not kiosk.staff.overlay.isRightToLeft()


def test_the_clinics_phone_number_reads_as_it_is_dialled(make_kiosk, mirrored):
    kiosk = make_kiosk(mirrored)
    phone = kiosk.book.content.clinic.phone
    groups = phone.split()
    assert len(groups) > 1  # "0123 456 7890": the case right-to-left text turns round
    choose(kiosk, RTL_PSEUDO)
    kiosk.router.show(ScreenId.walkthrough(None, 7))  # "When to call us"
    for screen in (kiosk.router.screen, None):
        if screen is None:
            kiosk.router.show(ScreenId.for_region("calves", 3))  # the soreness tab ends with it
            screen = kiosk.router.screen
        view = screen.view
        found = view.document().find(phone)
        assert not found.isNull(), "the phone number is on the page"
        xs = []
        for group in groups:  # the x of a place inside each group, where Qt's x is never ambiguous
            cursor = view.document().find(group, found.selectionStart())
            cursor.setPosition(cursor.selectionStart() + 1)
            xs.append(view.cursorRect(cursor).x())
        assert xs == sorted(xs), f"{phone} is shown in another order on {kiosk.router.current.name}"
