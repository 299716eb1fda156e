"""Only the clinic's own identity, ever, and its words shown as words: a vanished content folder keeps
the clinic's own logo beside its own name, and markup in a name is shown as written, everywhere."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from kiosk.ui.offscreen.tour import every_screen
from kiosk.ui.updates.watcher import ContentWatcher
from kiosk.ui.widgets.logo import ClinicLogo
from tests.support.content import edit, line_of

RED_LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" width="200" height="200">'
            '<rect width="20" height="20" fill="#ff0000"/></svg>')


def own_clinic(content):
    edit(content / "clinic.yaml", "name: Riverside Sports Physiotherapy", "name: Northside Physio")
    (content / "illustrations" / "clinic-logo.svg").write_text(RED_LOGO, encoding="utf-8")


def logo_colour(kiosk):
    [logo] = kiosk.home.findChildren(ClinicLogo)
    assert logo.isVisible()
    picture = logo.grab().toImage()
    return picture.pixelColor(picture.width() // 2, picture.height() // 2).name()


def test_a_vanished_folder_keeps_the_clinics_own_logo_beside_its_name(make_kiosk, qtbot, content_copy):
    own_clinic(content_copy)
    kiosk = make_kiosk(content_copy, locked=True)
    assert logo_colour(kiosk) == "#ff0000"
    watcher = ContentWatcher(content_copy, kiosk.window, presence_ms=100)
    watcher.changed.connect(kiosk.reload_content)
    with qtbot.waitSignal(kiosk.arrival.contentRejected, timeout=20000):
        content_copy.rename(content_copy.with_name("gone"))  # the share drops
    kiosk.reset_for_next_patient()  # the next patient's home is made while the folder is gone
    kiosk.router.screen.tapped.emit()
    assert kiosk.home.findChild(QLabel, "clinicName").text() == "Northside Physio"
    assert logo_colour(kiosk) == "#ff0000", "the clinic's own logo, not the shipped example's"


def test_a_logo_missing_from_the_clinics_folder_is_named_never_the_examples(make_kiosk, content_copy):
    own_clinic(content_copy)
    (content_copy / "illustrations" / "clinic-logo.svg").unlink()
    kiosk = make_kiosk(content_copy)
    assert kiosk.home.findChildren(ClinicLogo) == [], "no logo rather than another clinic's"
    clinic = content_copy / "clinic.yaml"
    [problem] = [p for p in kiosk.book.content.problems if p.path == str(clinic)]
    assert problem.line == line_of(clinic, "logo:") and "is not in the content folder" in problem.message


MARKUP = '<span style="font-size:160px; color:red">Northside</span><img src="/etc/hostname">'


def heard(label):
    """What a screen reader says for a label: the words shown, markup taken out if Qt obeyed it."""
    return QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name)


def test_markup_in_a_clinic_name_is_shown_as_written_on_home_and_the_attract_screen(make_kiosk, content_copy):
    edit(content_copy / "clinic.yaml", "name: Riverside Sports Physiotherapy", f"name: '{MARKUP}'")
    kiosk = make_kiosk(content_copy)
    assert heard(kiosk.home.findChild(QLabel, "clinicName")) == MARKUP
    kiosk.show_attract()
    assert heard(kiosk.router.screen.findChild(QLabel, "attractClinic")) == MARKUP


def test_markup_in_a_title_and_a_region_name_is_shown_as_written(make_kiosk, content_copy):
    title = '<b style="font-size:160px">Big</b>'
    edit(content_copy / "ui.yaml", "title: Dry needling for runners", f"title: '{title}'")
    edit(content_copy / "regions" / "calves.yaml", "name: Calves and shins", "name: '<i>Calves</i>'")
    kiosk = make_kiosk(content_copy)
    assert heard(kiosk.home.findChild(QLabel, "title")) == title
    kiosk.home.region_buttons["calves"].click()
    assert heard(kiosk.router.screen.title) == "<i>Calves</i>"
    assert kiosk.home.region_buttons["calves"].text() == "<i>Calves</i>", "as the buttons show it"


def test_every_label_on_every_screen_shows_plain_text(make_kiosk):
    kiosk = make_kiosk()
    seen = 0
    for name in every_screen(kiosk):
        for label in kiosk.window.findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText, f"{name}: {label.objectName()} {label.text()!r}"
            seen += 1
    assert seen > 100


def test_in_high_contrast_the_logo_sits_on_a_light_plate_and_its_art_is_unchanged(make_kiosk):
    """The shipped logo is a dark disc: on high contrast's black it nearly vanished."""
    from PySide6.QtGui import QColor

    from kiosk.pages.palette import HIGH_CONTRAST, contrast_ratio

    def seen(kiosk):
        from PySide6.QtCore import QPoint, QRect

        [logo] = kiosk.home.findChildren(ClinicLogo)
        assert logo.isVisible()
        # As the screen shows it, with what is behind it.
        picture = kiosk.window.grab(QRect(logo.mapTo(kiosk.window, QPoint(0, 0)), logo.size())).toImage()
        pixels = [picture.pixelColor(x, y) for x in range(picture.width()) for y in range(picture.height())]
        plain = [QColor(p.red(), p.green(), p.blue()).name() for p in pixels]
        stands_out = sum(contrast_ratio(p, HIGH_CONTRAST.background) >= 3 for p in plain) / len(plain)
        return stands_out, picture.pixelColor(picture.width() // 2, picture.height() // 2).name()

    kiosk = make_kiosk()
    _, art = seen(kiosk)
    kiosk.set_high_contrast(True)
    stands_out, art_in_contrast = seen(kiosk)
    assert stands_out >= 0.5, f"only {stands_out:.0%} of the logo stands out from black"
    assert art_in_contrast == art, "the clinic's art is drawn as it is, not recoloured"
