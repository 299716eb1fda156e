"""The body map: a runner's legs, front and back, and the soles, with tappable muscle regions.

Each region is a real button masked to the outlines the SVG draws (read by
``kiosk.reading.bodyart``): a tap just outside a muscle opens nothing, and keyboards, touch
and screen readers reach every region as a button in its own right.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.reading.bodyart import BodyArt, Label
from kiosk.ui.widgets.maphint import MapHint
from kiosk.ui.widgets.mappicture import draw_picture, label_font
from kiosk.ui.widgets.regionbutton import NameBubble, RegionButton, painter_path, pressed_colour

NAME_PX = 21  # region names written on the map, at normal text (theme.py: #bodyMap)
FULL_SIZE_SCALE = 0.68  # screen px per art unit on home at 1280x800: the words' full size
VIEW_PX = 24  # "Front", "Back", "Soles" under each view
GLOW_ALPHA = 0.4  # the most a softly lit region is brightened
# A fingertip is wider than a mouse pointer: a tap this close to a muscle's edge still
# counts. Kept below half the narrowest gap between regions so a tap never lands on two.
TOUCH_SLOP_PX = 6
CAPTION_GAP_PX = 16  # between a caption and the drawn legs or soles


class BodyMap(QWidget):
    """The legs with one RegionButton per region; emits ``regionChosen(id)``.

    Region names are written on the map (where the art's ``data-label`` markers say), and a
    name's label is part of its region's touch area: a finger on "Calves" opens the calves.
    ``label_words`` are the other words a marker may ask for (``data-words``): "shins" on the
    front of the lower leg, which opens the calves too.
    A tap on the map that opens no region shows ``hint`` beside the finger instead of nothing.
    With ``interactive`` off it is only the picture (the attract screen's).
    """

    regionChosen = Signal(str)

    def __init__(self, art: BodyArt, names: dict[str, str], view_labels: dict[str, str],
                 highlight: str, text_colour: str, hint: str = "", interactive: bool = True,
                 label_words: dict[str, str] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._art = art
        self._names = names
        self._label_words = label_words or {}
        self._view_labels = view_labels
        self._highlight = QColor(highlight)
        self._text_colour = QColor(text_colour)
        self._renderer = QSvgRenderer(QByteArray(art.svg), self)
        self._picture: QImage | None = None  # the artwork and its labels, drawn at the current size
        self._outlines = {rid: [painter_path(o) for o in outlines] for rid, outlines in art.outlines.items()}
        self.setObjectName("bodyMap")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 420)
        self.buttons: dict[str, RegionButton] = {}
        for region_id in self._outlines if interactive else ():
            button = RegionButton(region_id, names.get(region_id, region_id), pressed_colour(self._highlight), self)
            button.clicked.connect(lambda _=False, rid=region_id: self.regionChosen.emit(rid))
            button.stepped.connect(lambda step, b=button: self.focus_region(b, step))
            self.buttons[region_id] = button
        self.glow: tuple[str, float] | None = None  # the region softly lit, and how much
        self._bubble = NameBubble(self._highlight, self)
        self.hint = MapHint(hint, self)
        for button in self.buttons.values():
            button.pressed.connect(lambda b=button: self._show_bubble(b))
            button.pressed.connect(self.hint.hide)
            button.released.connect(self._bubble.update)
        self._caption: QWidget | None = None
        # The buttons' touch areas for the size and name size they were last placed at: working
        # them out costs about 25 ms, and a restyle sends changes that alter neither.
        # Placed when first sized (a resize always comes before the map is shown or grabbed), not
        # here at a size it never has.
        self._placed_for: tuple[int, int, int] | None = None

    def names(self) -> dict[str, str]:
        return dict(self._names)

    # --- geometry ---------------------------------------------------------------

    def art_rect(self) -> QRectF:
        """Where the artwork is drawn: as large as fits, centred, aspect kept."""
        _, _, vw, vh = self._art.view_box
        avail = QRectF(self.rect())
        scale = min(avail.width() / vw, avail.height() / vh)
        w, h = vw * scale, vh * scale
        return QRectF(avail.x() + (avail.width() - w) / 2, avail.y() + (avail.height() - h) / 2, w, h)

    def art_transform(self) -> QTransform:
        vx, vy, vw, _ = self._art.view_box
        rect = self.art_rect()
        scale = rect.width() / vw
        return QTransform(scale, 0, 0, scale, rect.x() - vx * scale, rect.y() - vy * scale)

    def region_shapes(self, region_id: str) -> list[QPainterPath]:
        """The region's drawn outlines in widget coordinates (one per leg and view)."""
        transform = self.art_transform()
        return [transform.map(path) for path in self._outlines[region_id]]

    def name_labels(self) -> list[tuple[str, QRectF]]:
        """Each region name written on the map: (region id, its box in widget coordinates)."""
        metrics = QFontMetricsF(label_font(self._words_px(self._name_px())))
        transform = self.art_transform()
        labels = []
        for label in self._art.labels:
            text = self.label_text(label)
            box = QRectF(0, 0, metrics.horizontalAdvance(text) + 24, metrics.height() + 10)
            box.moveCenter(transform.map(QPointF(label.x, label.y)))
            labels.append((label.region, box))
        return labels

    def label_text(self, label: Label) -> str:
        """The words written at one of the art's name markers."""
        if label.words and label.words in self._label_words:
            return self._label_words[label.words]
        return self._names.get(label.region, label.region)

    def _name_px(self) -> int:
        """Region names grow with the patient's text size: the style sheet sizes this widget's
        font (``#bodyMap``) like every other control's."""
        return self.font().pixelSize() if self.font().pixelSize() > 0 else NAME_PX

    def _words_px(self, pixels: int) -> int:
        """Words on the map at full size on home at 1280x800, smaller only on a smaller drawing
        (the attract screen's), so names never run into each other."""
        return round(pixels * min(1.0, self.art_transform().m11() / FULL_SIZE_SCALE))

    def caption_room(self) -> QRectF:
        """The picture's empty corner: right of the back view, above the soles, in widget coordinates."""
        transform = self.art_transform()
        back = transform.mapRect(self._renderer.boundsOnElement("legs-back"))
        soles = transform.mapRect(self._renderer.boundsOnElement("soles"))
        art = self.art_rect()
        return QRectF(QPointF(back.right() + CAPTION_GAP_PX, art.top()),
                      QPointF(min(art.right(), self.width()), soles.top() - CAPTION_GAP_PX))

    def set_caption(self, caption: QWidget) -> None:
        """Words for the picture, written in its empty corner (home's prompt: "Tap the part of your
        leg..." beside the legs it is about, which leaves the column room for larger buttons)."""
        caption.setParent(self)
        self._caption = caption
        self.place_caption()
        caption.show()

    def place_caption(self) -> None:
        if self._caption is None:
            return
        room = self.caption_room().toRect()
        caption = self._caption
        if not caption.hasHeightForWidth():
            caption.setGeometry(QRect(room.topLeft(), caption.sizeHint().boundedTo(room.size())))
        else:  # lines of even length, as a caption is set: the narrowest width that needs no more lines
            height = caption.heightForWidth(room.width())
            narrow, wide = min(max(1, caption.minimumSizeHint().width()), room.width()), room.width()
            while narrow < wide:
                middle = (narrow + wide) // 2
                narrow, wide = (narrow, middle) if caption.heightForWidth(middle) <= height else (middle + 1, wide)
            # A space more: read right to left, Qt keeps a wrapped line's last space at its left
            # end, and a line as wide as the caption lost its last letter there.
            wide = min(wide + caption.fontMetrics().horizontalAdvance(" "), room.width())
            caption.setGeometry(room.x(), room.y(), wide, min(height, room.height()))
        self._bubble.raise_()  # a pressed region's name and the gentle answer stay on top
        self.hint.raise_()

    def region_at(self, pos: QPointF) -> str | None:
        """The region a tap at ``pos`` opens, judged by Qt itself from the buttons' masks."""
        child = self.childAt(QPointF(pos).toPoint())
        return child.region_id if isinstance(child, RegionButton) else None

    def _place_buttons(self) -> None:
        self._bubble.setGeometry(self.rect())
        placed_for = (self.width(), self.height(), self._words_px(self._name_px()))
        if placed_for == self._placed_for:
            return
        self._placed_for = placed_for
        stroker = QPainterPathStroker()
        stroker.setWidth(2 * TOUCH_SLOP_PX)
        stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        labels = self.name_labels()
        for region_id, button in self.buttons.items():
            drawn = QPainterPath()
            for shape in self.region_shapes(region_id):
                drawn.addPath(shape)
            touch = [stroker.createStroke(drawn), drawn]
            for label_region, box in labels:
                if label_region == region_id:
                    name = QPainterPath()
                    name.addRoundedRect(box, box.height() / 2, box.height() / 2)
                    touch.append(name)
            button.set_outlines(drawn, touch)
        self._bubble.raise_()
        self.hint.hide()
        self.hint.raise_()
        self.place_caption()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the caption's words changed size (text size)
            self.place_caption()
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._placed_for is not None:
            if self._placed_for[2] != self._words_px(self._name_px()):  # the names' pills change size
                self._picture = None
                self._place_buttons()
                self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._picture = None
        self._place_buttons()

    def focus_region(self, button: RegionButton, step: int) -> None:
        """Arrow keys walk the regions head to toe, wrapping round."""
        order = list(self.buttons.values())
        order[(order.index(button) + step) % len(order)].setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_bubble(self, button: RegionButton) -> None:
        self._bubble.button = button
        self._bubble.update()

    # --- a tap that opens no region -------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # Region buttons take every tap on a region; what reaches the map itself missed them.
        if self.buttons and self.hint.text() and self.rect().contains(event.position().toPoint()):
            self.show_hint(event.position())
        super().mouseReleaseEvent(event)

    def show_hint(self, at: QPointF) -> None:
        """The gentle answer, beside the finger and the caption's words, for a while."""
        caption = QRectF(self._caption.geometry()) if self._caption is not None else QRectF()
        self.hint.show_at(at, caption, self.size())

    # --- painting ---------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        # Drawing the SVG takes ~6 ms, and a tap repaints the map up to three times (press,
        # release, back home): draw it once per size and paint the picture after that.
        dpr = self.devicePixelRatioF()
        if self._picture is None or self._picture.size() != self.size() * dpr:
            self._picture = self._draw(dpr)
        painter = QPainter(self)
        painter.drawImage(0, 0, self._picture)
        if self.glow is not None and self.glow[1] > 0:
            # Brightened, and ringed in the highlight: the region's own colour stays true.
            region_id, strength = self.glow
            wash, ring = QColor("#ffffff"), QColor(self._highlight)
            wash.setAlphaF(GLOW_ALPHA * strength)
            ring.setAlphaF(strength)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(ring, 5))
            painter.setBrush(wash)
            around_names = QPainterPath()
            around_names.addRect(QRectF(self.rect()))
            for _, box in self.name_labels():  # the names stay crisp on top
                name = QPainterPath()
                name.addRoundedRect(box, box.height() / 2, box.height() / 2)
                around_names = around_names.subtracted(name)
            painter.setClipPath(around_names)
            for shape in self.region_shapes(region_id):
                painter.drawPath(shape)
        painter.end()

    def set_glow(self, region_id: str, strength: float) -> None:
        """A soft wash of the highlight over one region (0 none, 1 the most): the attract
        screen's slow invitation."""
        self.glow = (region_id, strength)
        self.update()

    def _draw(self, dpr: float) -> QImage:
        transform = self.art_transform()
        names = [(self.label_text(label), box) for label, (_, box) in zip(self._art.labels, self.name_labels())]
        views = [(self._view_labels.get(view, ""), transform.map(QPointF(x, y))) for view, x, y in self._art.views]
        return draw_picture(self.size(), dpr, self._renderer, self.art_rect(), names,
                            self._words_px(self._name_px()), views, self._words_px(VIEW_PX), self._text_colour)
