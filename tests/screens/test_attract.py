"""The attract screen: the body map, "Tap to start" in every language, the clinic's name."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.visit.screens import ATTRACT, HOME


def test_attract_shows_the_map_every_languages_invitation_and_the_clinic(make_kiosk):
    kiosk = make_kiosk()
    kiosk.reset_for_next_patient()
    assert kiosk.router.current == ATTRACT
    screen = kiosk.router.screen
    words = [label.text() for label in screen.findChildren(QLabel) if label.isVisible()]
    assert "Tap to start" in words
    assert "Toca para empezar" in words
    assert "Riverside Sports Physiotherapy" in words
    body_map = screen.body_map
    assert body_map.isVisible() and body_map.art_rect().height() > 400
    assert {rid for rid, _ in body_map.name_labels()} == {"quads", "hamstrings", "calves", "foot"}
    assert not body_map.buttons, "the picture only: no region opens from the attract screen"


def test_a_new_language_folder_adds_its_invitation(make_kiosk, content_copy):
    import shutil

    shutil.copytree(content_copy / "lang" / "es", content_copy / "lang" / "pt")
    ui = content_copy / "lang" / "pt" / "ui.yaml"
    text = ui.read_text(encoding="utf-8").replace("Toca para empezar", "Toque para começar")
    ui.write_text(text.replace("language_name: Español", "language_name: Português"), encoding="utf-8")
    kiosk = make_kiosk(content_copy)
    kiosk.show_attract()
    words = [label.text() for label in kiosk.router.screen.findChildren(QLabel)]
    assert {"Tap to start", "Toca para empezar", "Toque para começar"} <= set(words)


def test_a_tap_on_the_map_of_the_attract_screen_starts_the_visit(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.show_attract()
    body_map = kiosk.router.screen.body_map
    # Where the calves are drawn: on home this would open them; here it starts at home.
    shape = body_map.region_shapes("calves")[-1]
    at = body_map.mapTo(kiosk.window, shape.boundingRect().center().toPoint())
    with qtbot.waitSignal(kiosk.window.screenChanged) as changed:
        qtbot.mouseClick(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=at)
    assert changed.args == ["home"]
    assert kiosk.router.current == HOME


def test_the_attract_map_lights_one_region_after_another_slowly(make_kiosk, qtbot):
    import shiboken6

    from tests.support.steps import point_inside

    kiosk = make_kiosk()
    kiosk.show_attract()
    screen = kiosk.router.screen
    body_map = screen.body_map
    unlit = body_map.grab().toImage()
    qtbot.waitUntil(lambda: body_map.glow is not None and body_map.glow[1] > 0.6, timeout=5000)
    first = body_map.glow[0]
    spot = point_inside(body_map.region_shapes(first)[0])
    assert body_map.grab().toImage().pixelColor(spot) != unlit.pixelColor(spot), "the region lights up"
    qtbot.waitUntil(lambda: body_map.glow[0] != first, timeout=8000)  # then the next one
    from kiosk.ui.screens.attract import GLOW_MS

    assert GLOW_MS >= 2000, "calm: one slow swell, never a flash"

    at = body_map.mapTo(kiosk.window, body_map.rect().center())
    with qtbot.waitSignal(kiosk.window.screenChanged):
        qtbot.mouseClick(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=at)
    # Gone (deleted) or at least still: nothing keeps running once the patient has started.
    assert not shiboken6.isValid(screen.glow) or not screen.glow.isActive()


def shown_lines(label: QLabel) -> list[str]:
    """The lines a wrapping label's words are broken into at the width it got, as Qt lays them out."""
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.contentsRect().width())
        lines.append(label.text()[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_line_of_the_attract_words_is_one_word_alone_at_any_text_size(make_kiosk, language):
    kiosk = make_kiosk()
    kiosk.set_language(language)
    for size in range(3):
        kiosk.show_attract()
        screen = kiosk.router.screen
        for label in (screen.title, screen.invite):
            lines = shown_lines(label)
            # the model of the label's lines is the label's own: as many lines as it is high
            assert len(lines) * label.fontMetrics().lineSpacing() <= label.height() + 2
            assert label.heightForWidth(label.width()) <= label.height()
            lonely = [line for line in lines[1:] if len(line.split()) == 1]
            assert not lonely, f"size {size}: {lines} has a line of one word"
        kiosk.cycle_text_size()
