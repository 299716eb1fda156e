"""Pictures have a bounded cost: file size, the size they say they are, the parts they draw. Past a
limit the picture is named with the line that uses it and the page shows without it; nothing a
page names outside its own pictures is read."""

import base64

import pytest
from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QImage, QTextDocument

from kiosk.reading.limits import MAX_DRAWN_PIXELS, MAX_PICTURE_BYTES
from kiosk.ui.widgets.pageview import svg_image
from tests.support.content import edit, line_of

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" {size}>{body}</svg>'
SMALL = 'width="480" height="300"'
PICTURE = "illustrations/aftercare-card.svg"  # on one step of the walkthrough, and nowhere else


# The start of a PNG that says it is 20,000 pixels square (1.6 GB drawn): a few bytes in the file.
PNG_20000 = base64.b64encode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" + (20000).to_bytes(4, "big") * 2
                             + b"\x08\x06\x00\x00\x00").decode()


def use_inside_use(levels: int) -> str:
    """A couple of KB that stand for 10**levels rectangles: each level uses the one below ten times."""
    groups = ['<g id="l0"><rect width="1" height="1"/></g>']
    for level in range(1, levels + 1):
        groups.append(f'<g id="l{level}">' + "".join(f'<use xlink:href="#l{level - 1}" x="{k}"/>' for k in range(10))
                      + "</g>")
    return f"<defs>{''.join(groups)}</defs><use xlink:href=\"#l{levels}\"/>"


@pytest.mark.parametrize("size, body, said", [
    ('width="30000" height="30000"', "", "says it is 30,000 by 30,000 pixels"),
    ('width="2000mm" height="10in"', "", "says it is 7,559 by 960 pixels"),
    ('viewBox="0 0 90000 10"', "", "says it is 90,000 by 10 pixels"),
    (SMALL, use_inside_use(7), "too many parts to draw"),
    (SMALL, '<g id="a"><use xlink:href="#a"/></g>', "repeats itself without end"),
    (SMALL, '<image xlink:href="file:///etc/hostname" width="10" height="10"/>', "draws another file"),
    (SMALL, '<image href="../../secret.png" width="10" height="10"/>', "draws another file"),
    (SMALL, f'<image href="data:image/png;base64,{PNG_20000}" width="10" height="10"/>',
     "has a photo inside it of 20,000 by 20,000 pixels"),
])
def test_a_costly_picture_is_named_with_its_line_and_the_page_shows_without_it(make_kiosk, content_copy,
                                                                               size, body, said):
    (content_copy / PICTURE).write_text(SVG.format(size=size, body=body), encoding="utf-8")
    kiosk = make_kiosk(content_copy)
    walkthrough = content_copy / "walkthrough.yaml"
    [problem] = [p for p in kiosk.book.content.problems if p.path == str(walkthrough)]
    assert problem.line == line_of(walkthrough, PICTURE) and said in problem.message
    steps = kiosk.book.content.base.walkthrough.steps
    kiosk.home.walkthrough_button.click()
    kiosk.router.screen.go_to(next(i for i, step in enumerate(steps) if step.picture and step.picture.file == PICTURE))
    view = kiosk.router.screen.view
    assert view.available and f"asset:{PICTURE}" not in view.page.images


def test_a_picture_file_too_large_is_refused_before_it_is_read(content_copy, make_kiosk):
    (content_copy / PICTURE).write_text(SVG.format(size=SMALL, body="<!--" + "x" * MAX_PICTURE_BYTES + "-->"),
                                        encoding="utf-8")
    kiosk = make_kiosk(content_copy)
    [problem] = [p for p in kiosk.book.content.problems if p.path == str(content_copy / "walkthrough.yaml")]
    assert "too large to use (1,025 KB): the most a picture may be is 1 MB" in problem.message


def test_a_picture_that_says_it_is_huge_is_drawn_no_larger_than_the_limit(qapp):
    huge = SVG.format(size='width="4000" height="4000"', body='<rect width="4000" height="4000"/>').encode()
    image = svg_image(huge, 2.0)
    assert image.width() * image.height() <= MAX_DRAWN_PIXELS
    assert abs(image.width() - image.height()) <= 1, "in proportion"
    logo = svg_image(huge, 2.0, QSize(56, 56))
    assert (logo.width(), logo.height()) == (112, 112), "drawn at the size it is shown"


def test_a_page_naming_a_picture_by_its_path_reads_nothing(make_kiosk, content_copy, tmp_path):
    outside = tmp_path / "outside.png"
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(outside))
    template = content_copy / "templates" / "region-page.html.j2"
    names = f'<img src="{outside}"><img src="{outside.as_uri()}">'
    edit(template, "{{ region.muscles }}", "{{ region.muscles }}" + names)
    kiosk = make_kiosk(content_copy)
    kiosk.home.region_buttons["calves"].click()
    document = kiosk.router.screen.view.document()
    document.documentLayout().documentSize()  # lays the page out, loading what it names
    for name in (str(outside), outside.as_uri()):
        loaded = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
        assert loaded is None or QImage(loaded).isNull(), f"{name} was read"
