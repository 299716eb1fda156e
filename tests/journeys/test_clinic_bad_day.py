"""A clinic's bad day: a broken clinic file, live fixes, a vanishing share, exiting on
purpose, guessable PINs and a lock that outlasts a restart, through the real widgets and command line."""

import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTextEdit

from kiosk.model.problems import ContentError
from kiosk.pages.book import QR, load_pages
from kiosk.reading import yamltext
from kiosk.reading.bodyart import load_art
from kiosk.settings.file import load_settings
from kiosk.settings.pin import (
    LOCK_SECONDS,
    MAX_TRIES,
    PinGuard,
    PinResult,
    load_pin_lock,
    pin_matches,
    save_pin_lock,
)
from kiosk.settings.pinrules import guessable
from kiosk.settings.values import PinLock, Settings, log_file
from kiosk.ui.kiosk import STAFF_EXIT_CODE
from kiosk.ui.offscreen.tour import every_screen
from kiosk.ui.staff.exitconfirm import ExitConfirm
from kiosk.ui.staff.menu import StaffMenu
from kiosk.ui.updates.watcher import ContentWatcher
from kiosk.visit.screens import ATTRACT, HOME, PRECAUTIONS, ScreenId
from tests.support.commands import kiosk_command
from tests.support.content import SHIPPED_CONTENT, edit, line_of
from tests.support.pins import PIN

EXAMPLE = ("Riverside", "0123 456 7890", "example.com")
WHAT_CAN_HELP = 3  # the region tab with the phone number and the after-care QR code (region-pages.yaml)




def break_clinic_as_in_the_issue(content):
    """The exact edit a clinic made: the clinic's own name, and the phone's closing quote left off."""
    clinic = content / "clinic.yaml"
    edit(clinic, "name: Riverside Sports Physiotherapy", "name: Northside Physio")
    edit(clinic, 'phone: "0123 456 7890"', 'phone: "0123 456 7890')
    return clinic


def text_on_screen(kiosk):
    """Every word the kiosk shows now: labels, buttons, pages, title."""
    words = [kiosk.window.windowTitle()]
    for widget in kiosk.window.findChildren(QLabel) + kiosk.window.findChildren(QAbstractButton):
        if widget.isVisible():
            words.append(widget.text())
    for widget in kiosk.window.findChildren(QTextEdit):  # pages and the staff menu's problem lists
        if widget.isVisible():
            words.append(widget.toPlainText())
    return "\n".join(words)




# --- 1. never another clinic's identity ------------------------------------------------


def test_a_broken_clinic_file_never_shows_the_example_clinic_anywhere(make_kiosk, qtbot, content_copy):
    clinic = break_clinic_as_in_the_issue(content_copy)
    kiosk = make_kiosk(content_copy, settings=Settings(), locked=True)
    assert kiosk.book.content.clinic_broken
    seen_reception = False
    for name in every_screen(kiosk):
        text = text_on_screen(kiosk)
        for example in EXAMPLE:
            assert example not in text, f"{name} shows the example clinic's {example!r}"
        seen_reception = seen_reception or "Please ask at reception" in text
        if name.endswith("region-calves-4"):  # the "What can help" tab, where the phone number goes
            assert "Pregunta en recepción" in text if name.startswith("es/") else "ask at reception" in text
    assert seen_reception
    assert all(QR not in kiosk.book.region(lang, False, "calves", WHAT_CAN_HELP).images
               for lang in ("en", "es")), "no QR code"
    # Staff see it: a marker in the staff corner and a notice in the menu naming the line.
    kiosk.reset_visit()
    marker = kiosk.staff_corner.marker
    assert marker is not None and marker.isVisible()
    assert kiosk.staff_corner.rect().contains(marker.geometry().center())
    kiosk.open_staff_menu()
    menu = kiosk.staff.overlay
    assert menu.notice.isVisible() and "clinic.yaml can't be read" in menu.notice.text()
    assert f"clinic.yaml:{line_of(clinic, 'phone:')}:" in menu.problems_view.toPlainText()


def test_the_unclosed_quote_is_named_where_it_opens(content_copy):
    clinic = break_clinic_as_in_the_issue(content_copy)
    result = kiosk_command("--check-content", content_copy)
    assert result.returncode == 1
    line = line_of(clinic, 'phone: "0123')
    assert f"clinic.yaml:{line}: the quote (\") opened on this line is never closed" in result.stdout


def test_fixing_the_clinic_file_takes_the_marker_away(make_kiosk, qtbot, content_copy):
    clinic = break_clinic_as_in_the_issue(content_copy)
    kiosk = make_kiosk(content_copy, settings=Settings(), locked=True)
    ContentWatcher(content_copy, kiosk).changed.connect(kiosk.reload_content)
    with qtbot.waitSignal(kiosk.contentSwapped, timeout=10000):
        edit(clinic, 'phone: "0123 456 7890', 'phone: "0161 555 0100"')
    assert not kiosk.book.content.clinic_broken and not kiosk.staff_corner.marker.isVisible()
    assert "Northside Physio" in text_on_screen(kiosk)
    kiosk.home.region_buttons["calves"].click()
    kiosk.router.screen.tabs[WHAT_CAN_HELP].click()
    assert "0161 555 0100" in kiosk.router.screen.text()


def test_self_test_fails_on_a_content_error_in_any_language(content_copy):
    edit(content_copy / "lang" / "es" / "regions" / "calves.yaml", "name:", "nombre:")
    result = kiosk_command("--self-test", "--content", content_copy)
    assert result.returncode == 1 and "calves.yaml" in result.stderr and "self-test: ok" not in result.stdout


def test_self_test_fails_on_a_broken_clinic_file(content_copy):
    break_clinic_as_in_the_issue(content_copy)
    result = kiosk_command("--self-test", "--content", content_copy)
    assert result.returncode == 1 and "clinic.yaml:" in result.stderr


def test_check_content_warns_while_the_example_phone_and_address_are_used(content_copy):
    shipped = kiosk_command("--check-content", "--quick")  # the warnings, not the layout
    assert shipped.returncode == 0 and shipped.stdout.splitlines()[-1].startswith("content OK")
    assert "warning: 'phone' is still the example's number" in shipped.stdout
    assert "warning: 'aftercare_url' is still the example's address" in shipped.stdout
    edit(content_copy / "clinic.yaml", '"0123 456 7890"', '"0161 555 0100"')
    edit(content_copy / "clinic.yaml", "https://www.example.com/riverside-physio/after-needling",
         "https://northside-physio.test/after")
    own = kiosk_command("--check-content", content_copy, "--quick")
    # Only the example clinic's warnings go; the pages' "not yet checked by a clinician" stay.
    assert own.returncode == 0 and "still the example's" not in own.stdout and "clinic.yaml" not in own.stdout


# --- 5. YAML messages in staff words ----------------------------------------------------


@pytest.mark.parametrize(("text", "line", "words"), [
    ("name: A\ncolours:\n\tprimary: x\n", 3, "a tab character: use spaces to indent"),
    ("name: A\ntext: Note: this is it\n", 2, "put this text in quotes"),
    ("name: A\nphone: \"0123\nlogo: x\n", 2, "the quote (\") opened on this line"),
    ("helps_with:\n  - one\n  - two\n  three\nname: x\n", 4, "in a list but has no dash"),
])
def test_common_yaml_mistakes_are_said_in_staff_words(text, line, words):
    with pytest.raises(ContentError) as caught:
        yamltext.parse(text, "f.yaml")
    [problem] = caught.value.problems
    assert problem.line == line and words in problem.message


# --- 3. fixes show at once; a vanishing network share -----------------------------------


@pytest.mark.parametrize("where", [HOME, ATTRACT])
def test_a_fix_shows_at_once_when_nobody_is_reading(make_kiosk, qtbot, content_copy, where):
    kiosk = make_kiosk(content_copy, settings=Settings(), locked=True)
    ContentWatcher(content_copy, kiosk).changed.connect(kiosk.reload_content)
    if where == ATTRACT:
        kiosk.show_attract()
    with qtbot.waitSignal(kiosk.contentSwapped, timeout=10000):
        edit(content_copy / "regions" / "calves.yaml", "name: Calves and shins", "name: Calf muscles")
    assert kiosk.router.current == where
    if where == ATTRACT:
        kiosk.router.screen.tapped.emit()
    assert kiosk.home.region_buttons["calves"].text() == "Calf muscles"


def test_a_save_seen_after_the_kiosk_has_closed_starts_no_check(make_kiosk, qtbot, content_copy):
    # The folder watcher outlives the window; a check started then would run on, a child of nothing.
    kiosk = make_kiosk(content_copy, settings=Settings())
    watcher = ContentWatcher(content_copy, kiosk)
    watcher.changed.connect(kiosk.reload_content)
    kiosk.window.close()
    with qtbot.waitSignal(watcher.changed, timeout=10000):
        edit(content_copy / "regions" / "calves.yaml", "name: Calves and shins", "name: Calf muscles")
    assert not kiosk.arrival.content_check.running and not kiosk.arrival.layout_check.running


def test_a_content_folder_that_vanishes_keeps_the_last_good_content_and_recovers(make_kiosk, qtbot, content_copy):
    kiosk = make_kiosk(content_copy, settings=Settings(), locked=True)
    watcher = ContentWatcher(content_copy, kiosk, presence_ms=100)
    watcher.changed.connect(kiosk.reload_content)
    away = content_copy.with_name("content-away")
    with qtbot.waitSignal(kiosk.arrival.contentRejected, timeout=10000):
        content_copy.rename(away)  # the share drops
    kiosk.home.region_buttons["calves"].click()
    assert kiosk.router.screen.text().startswith("Calves"), "the last good content is still shown"
    kiosk.router.screen.back_button.click()
    edit(away / "regions" / "calves.yaml", "name: Calves and shins", "name: Calf muscles")
    with qtbot.waitSignal(kiosk.contentSwapped, timeout=10000):
        away.rename(content_copy)  # and comes back, edited meanwhile
    assert kiosk.home.region_buttons["calves"].text() == "Calf muscles"


# --- 4. staff exit on purpose --------------------------------------------------------------


def gap(a, b):
    """The empty space between two rectangles, in px (0 when they touch or overlap)."""
    dx = max(0, max(a.left(), b.left()) - min(a.right(), b.right()))
    dy = max(0, max(a.top(), b.top()) - min(a.bottom(), b.bottom()))
    return (dx * dx + dy * dy) ** 0.5


def on_window(widget, kiosk):
    return QRect(widget.mapTo(kiosk.window, QPoint(0, 0)), widget.size())


def test_exit_asks_first_and_sits_well_apart(make_kiosk, qtbot, fast_pin, monkeypatch):
    codes = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(codes.append))
    kiosk = make_kiosk(settings=Settings(staff_pin=fast_pin), locked=True)
    kiosk.open_pin_pad()
    kiosk.staff.overlay.enter(PIN)
    menu = kiosk.staff.overlay
    assert isinstance(menu, StaffMenu)
    exit_box = on_window(menu.exit_button, kiosk)
    others = [b for b in menu.findChildren(QAbstractButton) if b is not menu.exit_button and b.isVisible()]
    assert others and min(gap(exit_box, on_window(b, kiosk)) for b in others) >= 100
    assert kiosk.window.rect().contains(exit_box), "the whole button is on the screen"

    menu.exit_button.click()
    confirm = kiosk.staff.overlay
    assert isinstance(confirm, ExitConfirm) and codes == []
    assert confirm.question.text() == ("Exit the kiosk? The screen will stay empty until someone "
                                       "starts it again.")
    assert (confirm.exit_button.text(), confirm.stay_button.text()) == ("Exit", "Stay")
    assert gap(on_window(confirm.exit_button, kiosk), on_window(confirm.stay_button, kiosk)) >= 100
    confirm.stay_button.click()
    assert isinstance(kiosk.staff.overlay, StaffMenu) and kiosk.window.isVisible() and codes == []
    kiosk.staff.overlay.exit_button.click()
    kiosk.staff.overlay.exit_button.click()
    assert codes == [STAFF_EXIT_CODE] and not kiosk.window.isVisible()


# --- 8. PINs ---------------------------------------------------------------------------------


@pytest.mark.parametrize("pin", ["0000", "7777", "1234", "4321", "0123", "3210", "7890", "123456", "1212",
                                 "6969", "1984", "2015", "19841231"])
def test_easily_guessed_pins_are_refused(pin):
    assert guessable(pin)


@pytest.mark.parametrize("pin", ["5813", "482913", "7294"])
def test_other_pins_are_allowed(pin):
    assert guessable(pin) is None


def test_set_pin_refuses_1234(tmp_path):
    config = tmp_path / "settings.yaml"
    result = subprocess.run([sys.executable, "-m", "kiosk", "--set-pin", "--config", str(config)],
                            input="1234\n1234\n", capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "too easy to guess" in result.stderr and not config.exists()


def test_the_lock_survives_a_restart_and_a_clock_set_back(tmp_path, fast_pin):
    lock_file = tmp_path / "pin-lock.yaml"
    wall, mono = [1_800_000_000.0], [50.0]

    def guard():
        return PinGuard(fast_pin, clock=lambda: mono[0], wall_clock=lambda: wall[0], lock=load_pin_lock(lock_file),
                        save_lock=lambda lock: save_pin_lock(lock_file, lock))

    first = guard()
    for _ in range(MAX_TRIES - 2):
        first.check("0000")
    restarted = guard()  # the kiosk restarts (or is restarted) mid-way: no fresh tries
    assert restarted.tries_left == 2
    restarted.check("0000")
    assert restarted.check("0000") is PinResult.LOCKED
    mono[0] = 1.0  # a reboot starts the monotonic clock again
    wall[0] += 60
    again = guard()
    assert again.check(PIN) is PinResult.LOCKED and again.seconds_locked() == LOCK_SECONDS - 60
    wall[0] -= 86_400  # someone sets the clock a day back: the full lock, never none
    back = guard()
    assert back.check(PIN) is PinResult.LOCKED and back.seconds_locked() == LOCK_SECONDS
    wall[0] += 10 * 365 * 86_400  # and while it runs, ten years forward changes nothing
    assert back.check(PIN) is PinResult.LOCKED
    mono[0] += LOCK_SECONDS
    assert back.check(PIN) is PinResult.OK
    assert load_pin_lock(lock_file) == PinLock(0, None)


def test_a_damaged_lock_file_locks_rather_than_opens(tmp_path, fast_pin):
    lock_file = tmp_path / "pin-lock.yaml"
    lock_file.write_text("wrong: [\n", encoding="utf-8")
    guard = PinGuard(fast_pin, lock=load_pin_lock(lock_file))
    assert guard.check(PIN) is PinResult.LOCKED


def test_the_kiosk_window_keeps_wrong_tries_across_a_restart(make_kiosk, qtbot, fast_pin, tmp_path):
    lock_file = tmp_path / "pin-lock.yaml"
    kiosk = make_kiosk(settings=Settings(staff_pin=fast_pin), locked=True, pin_lock_file=lock_file)
    kiosk.open_pin_pad()
    for _ in range(3):
        kiosk.staff.overlay.enter("0000")
    kiosk.staff.close()
    restarted = make_kiosk(settings=Settings(staff_pin=fast_pin), locked=True, pin_lock_file=lock_file)
    restarted.open_pin_pad()
    restarted.staff.overlay.enter("0000")
    assert restarted.staff.overlay.message.text() == "That PIN is not right. 1 tries left."


def test_staff_change_the_pin_with_the_old_one(make_kiosk, qtbot, fast_pin):
    saved = []
    kiosk = make_kiosk(settings=Settings(staff_pin=fast_pin), locked=True, saved=saved)
    kiosk.open_pin_pad()
    kiosk.staff.overlay.enter(PIN)
    kiosk.staff.overlay.change_pin_button.click()
    pad = kiosk.staff.overlay
    assert pad.title.text() == "Enter the current PIN."
    pad.enter("1357")
    assert "not right" in pad.message.text() and pad.title.text() == "Enter the current PIN."
    pad.enter(PIN)
    assert pad.title.text().startswith("Enter the new PIN")
    pad.enter("1234")
    assert "too easy to guess" in pad.message.text()
    pad.enter("5813")
    assert pad.title.text() == "Enter the new PIN again."
    pad.enter("5831")
    assert "different" in pad.message.text() and pad.title.text().startswith("Enter the new PIN")
    pad.enter("5813")
    pad.enter("5813")
    menu = kiosk.staff.overlay
    assert isinstance(menu, StaffMenu) and menu.status.text() == "The PIN was changed."
    assert pin_matches("5813", saved[-1].staff_pin)
    menu.close_button.click()
    kiosk.open_pin_pad()
    kiosk.staff.overlay.enter(PIN)
    assert "not right" in kiosk.staff.overlay.message.text(), "the old PIN no longer opens"
    kiosk.staff.overlay.enter("5813")
    assert isinstance(kiosk.staff.overlay, StaffMenu)


def test_staff_set_contrast_and_text_size_defaults_and_see_the_logs_problems(make_kiosk, qtbot, fast_pin):
    log = log_file()
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("2026-11-30 05:00:00,000 INFO kiosk: starting\n"
                   "2026-11-30 05:01:00,000 ERROR kiosk.checks.reload: content problem: calves.yaml:4: oops\n",
                   encoding="utf-8")
    saved = []
    kiosk = make_kiosk(settings=Settings(staff_pin=fast_pin), locked=True, saved=saved)
    kiosk.open_pin_pad()
    kiosk.staff.overlay.enter(PIN)
    menu = kiosk.staff.overlay
    assert "calves.yaml:4: oops" in menu.log_view.toPlainText() and "starting" not in menu.log_view.toPlainText()
    menu.contrast_default.click()
    menu.text_size_buttons["large"].click()
    assert (saved[-1].high_contrast_by_default, saved[-1].text_size_by_default) == (True, "large")
    menu.close_button.click()
    kiosk.reset_for_next_patient()
    assert kiosk.visit.high_contrast and kiosk.visit.text_scale == 1.4
    log.unlink()


def test_settings_file_round_trip_keeps_the_new_defaults(tmp_path):
    from kiosk.settings.file import save_settings

    path = tmp_path / "settings.yaml"
    save_settings(path, Settings(high_contrast_by_default=True, text_size_by_default="extra-large"))
    assert load_settings(path)[0].text_size_by_default == "extra-large"


# --- 6. honest language fallback; 7. after-care address per language -----------------------


def test_a_page_missing_or_broken_in_spanish_is_shown_whole_in_english_and_says_so(make_kiosk, content_copy):
    (content_copy / "lang" / "es" / "precautions.yaml").unlink()
    edit(content_copy / "lang" / "es" / "regions" / "calves.yaml", "name:", "nombre:")
    kiosk = make_kiosk(content_copy)
    kiosk.set_language("es")
    note = "Esta página aún no está traducida al español, así que se muestra en inglés."
    kiosk.router.show(ScreenId.for_region("calves"))
    text = kiosk.router.screen.text()  # the region's name, its tabs, then the page shown
    assert kiosk.router.screen.view.toPlainText().startswith(note)
    assert "What dry needling does here" in text and "Qué hace aquí" not in text
    kiosk.router.show(PRECAUTIONS)
    text = kiosk.router.screen.text()
    assert note in text and "Tell your therapist first if..." in text and "Antes, cuéntale" not in text
    kiosk.router.show(ScreenId.walkthrough("calves"))  # a step about an untranslated region: all English too
    assert note in kiosk.router.screen.text()
    kiosk.router.show(ScreenId.for_region("quads"))  # a translated page: Spanish, without the note
    assert "Qué hace aquí la punción seca" in kiosk.router.screen.text() and note not in kiosk.router.screen.text()


def test_the_aftercare_address_may_differ_per_language(content_copy):
    clinic = content_copy / "clinic.yaml"
    edit(clinic, "# aftercare_urls:\n#   es:", "aftercare_urls:\n  es:")
    book = load_pages(content_copy, load_art().region_ids)
    english, spanish = (book.region(lang, False, "calves", WHAT_CAN_HELP).images[QR] for lang in ("en", "es"))
    assert english != spanish
    assert book.content.clinic.aftercare_for("es").endswith("/es/despues-de-la-puncion")
    assert book.content.clinic.aftercare_for("fr") == book.content.clinic.aftercare_url
    edit(clinic, "  es: https://", "  es: htps://")
    broken = load_pages(content_copy, load_art().region_ids).content
    assert broken.clinic_broken and any("'aftercare_urls.es' must be a web address" in p.message
                                        for p in broken.problems)


# --- 2. the clinic's pictures live with its content ---------------------------------------


def test_a_clinic_replaces_a_picture_in_its_content_folder_and_the_rest_come_from_the_shipped_ones(
        make_kiosk, content_copy):
    own = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>northside card</title></svg>'
    (content_copy / "illustrations" / "aftercare-card.svg").write_text(own, encoding="utf-8")
    (content_copy / "illustrations" / "couch-face-down.svg").unlink()  # not the clinic's: the shipped one
    book = load_pages(content_copy, load_art().region_ids)
    assert book.content.problems == ()
    pages = dict(book.every_page())
    images = {name: svg for page in pages.values() for name, svg in page.images.items()}
    assert images["asset:illustrations/aftercare-card.svg"] == own
    shipped = (SHIPPED_CONTENT / "illustrations" / "couch-face-down.svg").read_text(encoding="utf-8")
    assert images["asset:illustrations/couch-face-down.svg"] == shipped
    # And the screen shows the clinic's logo from its own folder.
    logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><rect width="20" height="20"/></svg>'
    (content_copy / "illustrations" / "clinic-logo.svg").write_text(logo, encoding="utf-8")
    kiosk = make_kiosk(content_copy)
    assert kiosk.home.findChild(QLabel, "clinicName") is not None
    from kiosk.ui.widgets.logo import ClinicLogo

    [drawn] = kiosk.home.findChildren(ClinicLogo)
    assert drawn.isVisible()


def test_a_missing_or_unreadable_picture_is_named_with_the_line_that_uses_it(content_copy):
    walkthrough = content_copy / "walkthrough.yaml"
    (content_copy / "illustrations" / "aftercare-card.svg").write_text("<svg><unclosed", encoding="utf-8")
    edit(content_copy / "clinic.yaml", "illustrations/clinic-logo.svg", "illustrations/our-logo.svg")
    result = kiosk_command("--check-content", content_copy)
    assert result.returncode == 1
    line = line_of(walkthrough, "illustrations/aftercare-card.svg")
    assert (f"walkthrough.yaml:{line}: the picture illustrations/aftercare-card.svg can't be read as an SVG "
            "drawing") in result.stdout
    logo_line = line_of(content_copy / "clinic.yaml", "logo:")
    assert (f"clinic.yaml:{logo_line}: 'logo': the picture illustrations/our-logo.svg is not in the content "
            "folder") in result.stdout


def test_an_older_staff_file_kept_by_an_upgrade_gets_the_new_words_from_the_shipped_one(content_copy):
    staff = content_copy / "staff.yaml"
    text = staff.read_text(encoding="utf-8")
    staff.write_text(text[: text.index("# A clinic's bad day")], encoding="utf-8")  # as a clinic's older staff.yaml was
    edit(staff, "menu_title: Staff menu", "menu_title: Northside staff menu")
    content = load_pages(content_copy, load_art().region_ids).content
    assert content.staff.menu_title == "Northside staff menu", "the clinic's own words are kept"
    assert content.staff.exit_question.startswith("Exit the kiosk?")
    missing = [p for p in content.problems if p.path.endswith("staff.yaml")]
    assert missing and all(p.warning for p in missing)
    assert any("'exit_question' is missing; the shipped words are used" in p.message for p in missing)


def test_a_two_step_save_never_shows_a_half_read_file(make_kiosk, qtbot, content_copy):
    kiosk = make_kiosk(content_copy, settings=Settings(), locked=True)
    ContentWatcher(content_copy, kiosk).changed.connect(kiosk.reload_content)
    calves = content_copy / "regions" / "calves.yaml"
    text = calves.read_text(encoding="utf-8").replace("name: Calves and shins", "name: Calf muscles")
    with qtbot.assertNotEmitted(kiosk.arrival.contentRejected), qtbot.waitSignal(kiosk.contentSwapped, timeout=10000):
        calves.write_text("", encoding="utf-8")  # the editor truncates...
        calves.write_text(text, encoding="utf-8")  # ...then writes
    assert kiosk.home.region_buttons["calves"].text() == "Calf muscles"


def test_a_live_edit_that_breaks_the_clinic_file_keeps_the_last_good_clinic(make_kiosk, qtbot, content_copy):
    clinic = content_copy / "clinic.yaml"
    edit(clinic, "name: Riverside Sports Physiotherapy", "name: Northside Physio")
    edit(clinic, '"0123 456 7890"', '"0161 555 0100"')
    kiosk = make_kiosk(content_copy, settings=Settings(), locked=True)
    ContentWatcher(content_copy, kiosk).changed.connect(kiosk.reload_content)
    with qtbot.waitSignal(kiosk.arrival.contentRejected, timeout=10000):
        edit(clinic, '"0161 555 0100"', '"0161 555 0100')
    assert "Northside Physio" in text_on_screen(kiosk) and not kiosk.book.content.clinic_broken
    kiosk.home.region_buttons["calves"].click()
    kiosk.router.screen.tabs[WHAT_CAN_HELP].click()
    assert "0161 555 0100" in kiosk.router.screen.text()
    assert kiosk.staff_corner.marker.isVisible(), "staff are told something is waiting in the menu"
