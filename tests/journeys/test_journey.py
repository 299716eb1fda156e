"""The patient's journey through the real widgets: walkthrough, precautions, sources,
a second language, calm mode, the soreness chart and the take-home QR code."""

import io
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from kiosk.model.parts import Passage, Picture, parts
from kiosk.pages.book import CHART, QR, PageBook
from kiosk.pages.render import Renderer
from kiosk.reading.folder import load_content
from kiosk.ui.offscreen.tour import every_screen
from kiosk.visit.screens import HOME, PRECAUTIONS, SOURCES, ScreenId
from tests.support.content import edit
from tests.support.steps import drag, open_walkthrough

REGIONS = ("quads", "hamstrings", "calves", "foot")
SORENESS, AFTERCARE = 2, 3  # region pages (tabs), as region-pages.yaml lays them out




def test_walkthrough_from_home_pages_through_eight_steps(make_kiosk, qtbot):
    kiosk = make_kiosk()
    walk = open_walkthrough(kiosk, qtbot)
    assert kiosk.router.current == ScreenId.walkthrough(None, 0)
    assert walk.progress.text() == "Step 1 of 8"
    assert walk.stop_banner.text() == "You can ask to stop at any time." and walk.stop_banner.isVisible()
    assert not walk.previous_button.isEnabled()

    for number in range(2, 9):
        with qtbot.waitSignal(kiosk.window.screenChanged) as changed:
            walk.next_button.click()
        assert changed.args == [f"walkthrough-general-{number}"]
        assert walk.progress.text() == f"Step {number} of 8"
        assert walk.stop_banner.isVisible()
    assert not walk.next_button.isVisible() and walk.done_button.isVisible()  # the last step ends it
    assert walk.done_button.text().startswith("Done")
    assert "call" in walk.text().lower()

    walk.previous_button.click()
    assert walk.progress.text() == "Step 7 of 8"
    walk.home_button.click()
    assert kiosk.router.current == HOME




def test_swiping_left_and_right_turns_the_steps(make_kiosk, qtbot):
    kiosk = make_kiosk()
    walk = open_walkthrough(kiosk, qtbot)
    viewport = walk.view.viewport()
    middle = viewport.rect().center()
    with qtbot.waitSignal(walk.stepChanged) as changed:
        drag(qtbot, viewport, middle + QPoint(150, 0), middle - QPoint(150, 0))
    assert changed.args == [1] and walk.progress.text() == "Step 2 of 8"
    with qtbot.waitSignal(walk.stepChanged) as changed:
        drag(qtbot, viewport, middle - QPoint(150, 0), middle + QPoint(150, 0))
    assert changed.args == [0]
    # A mostly vertical drag is scrolling, not a swipe.
    drag(qtbot, viewport, middle - QPoint(0, 150), middle + QPoint(60, 150))
    assert walk.index == 0


def test_walkthrough_from_a_region_is_tailored_to_it(make_kiosk, qtbot):
    kiosk = make_kiosk()
    region = kiosk.book.content.base.regions["quads"]
    walk = open_walkthrough(kiosk, qtbot, from_region="quads")
    assert kiosk.router.current == ScreenId.walkthrough("quads", 0)
    walk.go_to(1)  # on the couch
    couch = region.session_steps["couch"]
    assert couch.passages[0].text[:40] in " ".join(walk.text().split())
    assert couch.picture.file in walk.view.page.html


def test_next_72_hours_step_shows_the_regions_chart(make_kiosk, qtbot):
    kiosk = make_kiosk()
    walk = open_walkthrough(kiosk, qtbot, from_region="calves")
    walk.go_to(6)
    assert CHART in walk.view.page.images
    assert f'src="{CHART}"' in walk.view.page.html
    image = walk.view.loadResource(2, __import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl(CHART))
    assert not image.isNull() and image.width() >= 500  # beside the step's words


@pytest.mark.parametrize("start", ["home", "region"])
def test_precautions_reachable_from_home_and_regions(make_kiosk, qtbot, start):
    kiosk = make_kiosk()
    if start == "region":
        kiosk.home.region_buttons["foot"].click()
        kiosk.router.screen.precautions_button.click()
    else:
        kiosk.home.precautions_button.click()
    assert kiosk.router.current.kind is PRECAUTIONS.kind
    text = kiosk.router.screen.text()
    assert text.startswith("Tell your therapist first if")
    for worry in ("blood thinners", "pregnant", "lymphoedema", "diabetes", "infection", "afraid of needles"):
        assert worry in text.lower(), worry
    kiosk.router.screen.back_button.click()
    assert kiosk.router.current == (ScreenId.for_region("foot") if start == "region" else HOME)


def test_sources_list_the_research(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.home.sources_button.click()
    assert kiosk.router.current == SOURCES
    text = kiosk.router.screen.text()
    for author in ("Gattie", "Cotchett", "Boyce", "Diciolla", "Chys"):
        assert author in text


def test_switching_to_spanish_changes_every_word(make_kiosk, qtbot):
    kiosk = make_kiosk()
    assert kiosk.home.language_buttons["es"].text() == "Español"
    assert kiosk.home.language_buttons["en"].text() == "English"
    kiosk.home.language_buttons["es"].click()
    spanish = kiosk.book.content.languages["es"]
    assert kiosk.visit.language == "es"
    assert kiosk.home.calm_toggle.text() == spanish.ui.calm_toggle
    assert kiosk.home.region_buttons["calves"].text() == spanish.regions["calves"].name

    kiosk.home.region_buttons["calves"].click()
    assert kiosk.router.screen.text().startswith(spanish.regions["calves"].name)
    assert spanish.ui.section_does in kiosk.router.screen.text()
    kiosk.router.screen.walkthrough_button.click()
    assert kiosk.router.screen.progress.text() == spanish.ui.step_of.format(number=1, total=8)
    assert kiosk.router.screen.stop_banner.text() == spanish.ui.stop_any_time


def graphic_bits(language):
    """Every passage and picture marked graphic in one language's content."""
    found = list(parts([language.walkthrough, language.precautions, language.sources, *language.regions.values()]))
    texts = [p.text for p in found if isinstance(p, Passage) and p.graphic]
    files = [p.file for p in found if isinstance(p, Picture) and p.graphic]
    return texts, files


def test_calm_mode_hides_everything_marked_graphic_on_every_screen(make_kiosk, qtbot):
    kiosk = make_kiosk()
    shown_when_not_calm = set()
    checked = 0
    for name in every_screen(kiosk, lambda v: not v.high_contrast and not v.size_steps):
        screen = kiosk.router.screen
        if not hasattr(screen, "view"):
            continue
        language = kiosk.language
        texts, files = graphic_bits(language)
        assert texts and files, "the shipped content marks graphic passages and pictures"
        plain = " ".join(screen.text().split())
        html = screen.view.page.html if screen.view is not None else ""  # the precautions: words, no page
        found = [t for t in texts if " ".join(t.split()) in plain] + [f for f in files if f in html]
        if "/calm/" in name:
            assert found == [], name
            checked += 1
        else:
            shown_when_not_calm.update(found)
    # regions' pages (4 tabs each), walkthrough steps (general and per region), the overview of
    # every step, a step with the therapist's words, precautions, sources, and a region under the countdown
    assert checked == 2 * (4 * 4 + 5 * 8 + 1 + 1 + 2 + 1), "every reading screen in both languages"
    assert shown_when_not_calm, "the graphic content does appear when calm mode is off"


def test_calm_toggle_on_home_switches_the_needle_picture_for_a_gentle_one(make_kiosk, qtbot):
    kiosk = make_kiosk()
    needle_step = next(i for i, s in enumerate(kiosk.book.content.base.walkthrough.steps) if s.id == "needle")
    picture = kiosk.book.content.base.walkthrough.steps[needle_step].picture
    kiosk.home.walkthrough_button.click()
    kiosk.router.screen.go_to(needle_step)
    assert picture.file in kiosk.router.screen.view.page.html
    kiosk.router.screen.home_button.click()

    kiosk.home.calm_toggle.click()
    assert kiosk.visit.calm and kiosk.home.calm_toggle.isChecked()
    kiosk.home.walkthrough_button.click()
    kiosk.router.screen.go_to(needle_step)
    assert picture.file not in kiosk.router.screen.view.page.html
    assert picture.calm_file in kiosk.router.screen.view.page.html


def book_for(folder):
    content = load_content(folder, REGIONS)
    return PageBook(content, Renderer(folder / "templates"))


def test_chart_is_drawn_from_the_yaml_numbers(content_copy):
    before = book_for(content_copy).region("en", False, "calves", SORENESS).images[CHART]
    edit(content_copy / "regions" / "calves.yaml", "{hours: 6, level: 4}", "{hours: 6, level: 9}")
    after = book_for(content_copy).region("en", False, "calves", SORENESS).images[CHART]
    assert before != after
    assert "Right after" in after and "Tonight" in after and "Tomorrow" in after and "Day 3" in after


def test_region_screen_shows_chart_and_caption(make_kiosk):
    kiosk = make_kiosk()
    kiosk.home.region_buttons["hamstrings"].click()
    kiosk.router.screen.tabs[SORENESS].click()
    assert CHART in kiosk.router.screen.view.page.images
    assert "This is what is typical, not a promise." in kiosk.router.screen.text()


def test_qr_code_only_when_the_clinic_sets_an_aftercare_page(content_copy):
    page = book_for(content_copy).region("en", False, "foot", AFTERCARE)
    assert QR in page.images and f'src="{QR}"' in page.html
    text = (content_copy / "clinic.yaml").read_text(encoding="utf-8")
    (content_copy / "clinic.yaml").write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("aftercare_url")), encoding="utf-8")
    page = book_for(content_copy).region("en", False, "foot", AFTERCARE)
    assert QR not in page.images and QR not in page.html


def test_qr_code_encodes_only_the_clinics_address(content_copy):
    import segno

    url = book_for(content_copy).content.clinic.aftercare_url
    svg = book_for(content_copy).region("en", False, "foot", AFTERCARE).images[QR]

    def modules(svg_text: str) -> str:
        """The dark modules a phone's camera reads: the path's data."""
        [data] = re.findall(r'class="qrline"[^>]* d="([^"]+)"', svg_text)
        return data

    def drawn(address: str) -> str:
        out = io.BytesIO()
        segno.make(address, error="m").save(out, kind="svg", scale=8, border=2)
        return out.getvalue().decode("utf-8")

    # Exactly the modules of the address alone: nothing else is packed into it.
    assert modules(svg) == modules(drawn(url)) != modules(drawn(url + "?from=kiosk"))


def test_a_region_missing_in_spanish_falls_back_to_english_with_a_warning(content_copy):
    (content_copy / "lang" / "es" / "regions" / "foot.yaml").unlink()
    content = load_content(content_copy, REGIONS)
    assert content.languages["es"].regions["foot"] is content.base.regions["foot"]
    missing = (content_copy / "lang" / "es" / "regions" / "foot.yaml").resolve()
    [warning] = [p for p in content.problems if Path(p.path).resolve() == missing]
    assert warning.warning and "the English page is shown" in warning.message


def test_a_third_language_is_just_a_folder(content_copy, make_kiosk):
    shutil.copytree(content_copy / "lang" / "es", content_copy / "lang" / "fr")
    edit(content_copy / "lang" / "fr" / "ui.yaml", "language_name: Español", "language_name: Français")
    kiosk = make_kiosk(content_copy)
    assert [b.text() for b in kiosk.home.language_buttons.values()] == ["English", "Español", "Français"]


def test_a_missing_picture_is_reported_and_the_page_still_shows(content_copy, make_kiosk):
    path = content_copy / "walkthrough.yaml"
    edit(path, "illustrations/aftercare-card.svg", "illustrations/aftercare-crad.svg")
    content = load_content(content_copy, REGIONS)
    [problem] = [p for p in content.problems if p.path == str(path)]
    text = path.read_text(encoding="utf-8").splitlines()
    assert "aftercare-crad" in text[problem.line - 1]  # the line where that picture is written
    assert problem.message == "the picture illustrations/aftercare-crad.svg is not in the content folder; " \
                              "check the file name"
    kiosk = make_kiosk(content_copy)
    kiosk.home.walkthrough_button.click()
    step = next(i for i, s in enumerate(content.base.walkthrough.steps) if s.id == "afterwards")
    kiosk.router.screen.go_to(step)
    assert kiosk.router.screen.view.available
    assert content.base.walkthrough.steps[step].title in kiosk.router.screen.text()
