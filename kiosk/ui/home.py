"""Home: the body map, and a row of labelled buttons for people who'd rather not use a map."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.bodyart import BodyArt
from kiosk.content import Clinic, UiText
from kiosk.ui.bodymap import BodyMap


class HomeScreen(QWidget):
    regionChosen = Signal(str)

    def __init__(self, ui: UiText, clinic: Clinic, art: BodyArt, region_names: dict[str, str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # paint the clinic's background

        title = QLabel(ui.title, objectName="title")
        clinic_name = QLabel(clinic.name, objectName="clinicName")
        clinic_name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(clinic_name)

        prompt = QLabel(ui.home_prompt, objectName="prompt")
        prompt.setWordWrap(True)
        prompt.setMaximumWidth(380)
        self.body_map = BodyMap(art, region_names, (ui.front_label, ui.back_label),
                                clinic.colours.highlight, clinic.colours.text)
        self.body_map.regionChosen.connect(self.regionChosen)

        choose = QLabel(ui.choose_heading, objectName="choose")
        choose.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.setSpacing(18)
        buttons.addWidget(prompt)
        buttons.addStretch(1)
        buttons.addWidget(choose)
        self.region_buttons: dict[str, QPushButton] = {}
        for region_id, name in region_names.items():
            button = QPushButton(name, objectName="regionButton")
            button.setMinimumWidth(320)
            button.clicked.connect(lambda _=False, rid=region_id: self.regionChosen.emit(rid))
            buttons.addWidget(button)
            self.region_buttons[region_id] = button
        buttons.addStretch(2)

        body = QHBoxLayout()
        body.setSpacing(40)
        body.addWidget(self.body_map, 1)
        body.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 20)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addLayout(body, 1)
