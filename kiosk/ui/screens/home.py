"""Home: the body map, a column of labelled buttons, and the patient's choices (language, calm mode)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.reading.bodyart import BodyArt
from kiosk.ui.screens.context import ScreenContext
from kiosk.ui.screens.screen import Screen
from kiosk.ui.speech.controls import AudioModeToggle, ReadAloudButton
from kiosk.ui.widgets.bodymap import BodyMap
from kiosk.ui.widgets.buttons import TextSizeButton, WrappingButton, checkable
from kiosk.ui.widgets.column import ScrollingColumn
from kiosk.ui.widgets.logo import clinic_logo
from kiosk.ui.widgets.ticks import TickBox
from kiosk.ui.widgets.words import Words, named, no_lonely_word


class HomeScreen(Screen):
    regionChosen = Signal(str)
    textSizeRequested = Signal()
    walkthroughRequested = Signal()
    precautionsRequested = Signal()
    sourcesRequested = Signal()
    languageChosen = Signal(str)
    calmToggled = Signal(bool)
    contrastToggled = Signal(bool)
    cardRequested = Signal()

    """Home for one language: ``languages`` are every language's name in itself, ``language`` the
    one shown; ``logo`` the clinic's own (SVG text), if it has one."""

    def __init__(self, context: ScreenContext, clinic_name: str, art: BodyArt, region_names: dict[str, str],
                 languages: dict[str, str], language: str, logo: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        ui, colours = context.ui, context.colours
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # paint the clinic's background

        title = named(Words(ui.title), "title")
        title.setWordWrap(True)  # a long title (or a translation) wraps instead of widening the window
        title.setMinimumWidth(200)
        clinic_label = named(Words(clinic_name), "clinicName")
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(title)
        names.addWidget(clinic_label)
        header = QHBoxLayout()
        header.setSpacing(10)
        # The clinic's own logo as read with its content (kiosk.reading.pictures), never a file looked up now.
        shown_logo = clinic_logo(logo, clinic_name) if logo else None
        if shown_logo is not None:
            header.addWidget(shown_logo)
        header.addLayout(names, 1)

        # The patient's own choices, at the top of the side column (two rows, so they fit
        # beside a full-height map at every text size); both are cleared for the next patient.
        # Its words wrap: at extra-large text "Alto contraste" and "Tamaño del texto" don't both fit
        # on one line in the column's width, and the text-size words were cut off.
        self.contrast_toggle = WrappingButton(ui.contrast_toggle, "languageButton")
        self.contrast_toggle.setCheckable(True)
        self.contrast_toggle.set_current(context.high_contrast)
        self.contrast_toggle.toggled.connect(self.contrast_toggle.set_current)
        self.contrast_toggle.toggled.connect(self.contrastToggled)
        self.text_size_button = TextSizeButton(ui, context.text_scale)
        self.text_size_button.clicked.connect(self.textSizeRequested)
        choices = QGridLayout()
        choices.setSpacing(8)
        # Six even columns: the two settings take three each, and two or three languages share a
        # row (a third language on a row of its own pushed home's last button below the screen).
        for column in range(6):
            choices.setColumnStretch(column, 1)
        choices.addWidget(self.contrast_toggle, 0, 0, 1, 3)
        choices.addWidget(self.text_size_button, 0, 3, 1, 3)
        per_row = _languages_per_row(list(languages.values()), context.text_scale)
        # Not an exclusive button group: choosing rebuilds home anyway, and in a group Tab
        # would reach only the chosen language.
        self.language_buttons: dict[str, QPushButton] = {}
        for i, (code, name) in enumerate(languages.items()):
            button = named(checkable(QPushButton(name)), "languageButton")
            button.setChecked(code == language)
            if code == language:  # a tap on the language already chosen leaves it chosen, not let go
                button.clicked.connect(lambda _=False, b=button: b.setChecked(True))
            button.clicked.connect(lambda _=False, c=code: self.languageChosen.emit(c))
            choices.addWidget(button, 1 + i // per_row, (i % per_row) * (6 // per_row), 1, 6 // per_row)
            self.language_buttons[code] = button

        self.body_map = BodyMap(art, region_names,
                                {"front": ui.front_label, "back": ui.back_label, "soles": ui.soles_label},
                                colours.highlight, colours.text, hint=ui.map_hint,
                                label_words={"shins": ui.shins_label, "calves": ui.calves_label})
        self.body_map.regionChosen.connect(self.regionChosen)
        self.body_map.setAccessibleName(ui.home_prompt)  # screen readers announce the map by its purpose

        # The prompt is written beside the legs it is about, in the picture's empty corner: the
        # column keeps its room for buttons that hold a fingertip's 64 px square (theme.py).
        self.prompt = prompt = named(Words(no_lonely_word(ui.home_prompt)), "prompt")
        prompt.setWordWrap(True)
        choose = named(Words(ui.choose_heading), "choose")
        choose.setWordWrap(True)
        side = QVBoxLayout()
        side.setSpacing(8)
        side.addWidget(choose)
        self.region_buttons: dict[str, QPushButton] = {}
        for region_id, name in region_names.items():
            # Its words wrap: "Pantorrillas y espinillas" at extra-large text is wider than the column.
            button = WrappingButton(name, "regionButton", align=Qt.AlignmentFlag.AlignLeft)
            button.clicked.connect(lambda _=False, rid=region_id: self.regionChosen.emit(rid))
            side.addWidget(button)
            self.region_buttons[region_id] = button
        side.addStretch(1)

        self.walkthrough_button = WrappingButton(ui.walkthrough_button, "secondary")
        self.walkthrough_button.clicked.connect(self.walkthroughRequested)
        self.precautions_button = WrappingButton(ui.precautions_button, "secondary")
        self.precautions_button.clicked.connect(self.precautionsRequested)
        self.sources_button = WrappingButton(ui.sources_button, "secondary")
        self.sources_button.clicked.connect(self.sourcesRequested)
        for button in (self.walkthrough_button, self.precautions_button, self.sources_button):
            side.addWidget(button)
        # A tick box whose words wrap: at extra-large Spanish text "Ocultar imágenes de agujas" on one
        # line was wider than the column, and pushed every button in it past the screen's edge.
        self.calm_toggle = TickBox(ui.calm_toggle)
        self.calm_toggle.setChecked(context.calm)
        self.calm_toggle.toggled.connect(self.calmToggled)
        side.addWidget(self.calm_toggle)
        self.read_aloud_button = ReadAloudButton(ui, context.speech)  # shown where a voice exists
        self.offer_read_aloud(self.read_aloud_button)
        self.audio_mode_toggle = AudioModeToggle(ui, context.speech)  # speak what is touched
        self.audio_mode_toggle.toggled.connect(self.audioModeToggled)
        # Read aloud and audio mode above the prompt, in the picture's empty corner: in the column
        # they pushed "No needle pictures" and audio mode itself below the bottom of the screen,
        # and above the map they made it smaller.
        # The card, once something is ticked: at the top of the corner beside the title, where a
        # patient back from the list looks first, and out of the column (which has no room for it).
        self.card_button = _CornerButton(ui.card_from_home or ui.card_button, "homeCardButton")
        self.card_button.clicked.connect(self.cardRequested)
        self.card_button.hide()
        corner = QWidget()
        corner_rows = QVBoxLayout(corner)
        corner_rows.setContentsMargins(0, 0, 0, 0)
        corner_rows.setSpacing(6)
        corner_rows.addWidget(self.card_button)
        corner_rows.addWidget(self.read_aloud_button)
        corner_rows.addWidget(self.audio_mode_toggle)
        corner_rows.addSpacing(10)
        corner_rows.addWidget(prompt)
        # Audio mode's own words take the prompt's place while it is on (how to use the screen
        # now), and so does the card's button: a patient with something ticked has used the map,
        # and at the larger text sizes the corner has no room for both.
        self.audio_mode_toggle.checkbox.toggled.connect(self._show_prompt)
        self.body_map.set_caption(corner)
        self._corner_rows = corner_rows
        if context.speech is not None:  # Read aloud and audio mode show once a voice is found
            context.speech.changed.connect(self._place_corner_again)

        margins = side.contentsMargins()
        side.setContentsMargins(margins.left(), 0, margins.right(), 0)  # every px of height to the buttons
        # With large text the column can be taller than the screen: it scrolls rather than
        # squeezing its buttons below a fingertip's size.
        self.column_scroller = scroller = ScrollingColumn("homeColumnScroll", "homeColumn", side)
        scroller.setFixedWidth(COLUMN_PX)
        # Not a stop of its own (a screen reader heard a nameless "filler"): Tab reaches its
        # controls, and the column scrolls to show the one with the focus.
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The map keeps the whole height beside the column: larger text makes the column
        # scroll, never the map smaller (it is as wide as it can be at every text size).
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addLayout(header)
        left.addWidget(self.body_map, 1)

        choices_box = named(QWidget(), "homeChoices")
        choices_box.setLayout(choices)
        choices_box.setFixedWidth(scroller.width())
        margins = side.contentsMargins()  # line up with the column's buttons below
        choices.setContentsMargins(margins.left(), 0, margins.right(), 0)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(choices_box)

        # Added in this order so Tab reaches the patient's choices first, then the map's regions,
        # then the column; and screen readers meet the map before the prompt that names it.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 10, 24, 8)
        layout.setSpacing(20)
        layout.addLayout(right)
        layout.insertLayout(0, left, 1)
        right.addWidget(scroller, 1)
        self.setAccessibleName(ui.title)

    def _place_corner_again(self) -> None:
        """The corner's buttons were shown or hidden: it is laid out and placed again (its layout
        hears of it only when the map is next resized, and squeezed audio mode's words)."""
        self._corner_rows.invalidate()
        self._corner_rows.activate()
        self.body_map.place_caption()

    def show_card(self, ticked: bool) -> None:
        """The card's button shown while the patient has something ticked (or added), else out of the way."""
        if self.card_button.isHidden() == ticked:
            self.card_button.setVisible(ticked)
            self._show_prompt()

    def _show_prompt(self) -> None:
        self.prompt.setHidden(self.card_button.isVisibleTo(self) or self.audio_mode_toggle.checkbox.isChecked())
        self._place_corner_again()

    def show_choices(self, language: str, calm: bool) -> None:
        """Show the visit's language and calm mode on a kept home (chosen on another screen, or on
        another language's home) without asking for them again."""
        for code, button in self.language_buttons.items():
            _set_quietly(button, code == language)
        _set_quietly(self.calm_toggle, calm)


COLUMN_PX = 452  # the side column's width: choices above, the column of buttons below


class _CornerButton(WrappingButton):
    """A wrapping button never narrower than its longest word: the corner is set as narrow as
    its words allow, and "fisioterapeuta" at extra-large text was cut at a wrapping button's least width."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        metrics = self._label.fontMetrics()  # as the style sheet sets its words
        margins = self.contentsMargins()
        words = self._label.text().split(" ")  # the last two held together (no_lonely_word) count as one
        longest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        room = longest + margins.left() + margins.right() + 2 * 14 + 2 * 4  # its padding and border
        return QSize(max(hint.width(), room), hint.height())


def _languages_per_row(names: list[str], text_scale: float) -> int:
    """Three languages to a row where each name fits a third of the column in the style sheet's
    font (21 px, grown with the text size as theme.py grows it), else two."""
    if len(names) in (1, 2, 4):
        return 2
    font = QFont()
    font.setPixelSize(round(21 * text_scale**0.5))
    font.setBold(True)
    widest = max(QFontMetrics(font).horizontalAdvance(name) for name in names)
    room = (COLUMN_PX - 2 * 8) // 3 - 2 * (14 + 4)  # the grid's gaps; the button's padding and border
    return 3 if widest <= room else 2


def _set_quietly(button: QAbstractButton, checked: bool) -> None:
    if button.isChecked() != checked:
        button.blockSignals(True)
        button.setChecked(checked)
        button.blockSignals(False)
