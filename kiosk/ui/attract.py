"""The attract screen: what the kiosk shows between patients. Any tap starts a fresh visit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.content import Clinic, UiText
from kiosk.ui.screen import Screen
from kiosk.ui.widgets import named


class AttractScreen(Screen):
    tapped = Signal()

    def __init__(self, ui: UiText, clinic: Clinic, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        title = named(QLabel(ui.title), "attractTitle")
        invite = named(QLabel(ui.attract), "attract")
        invite.setWordWrap(True)
        clinic_name = named(QLabel(clinic.name), "clinicName")
        for label in (title, invite, clinic_name):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 60, 80, 60)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(30)
        layout.addWidget(invite)
        layout.addStretch(3)
        layout.addWidget(clinic_name)
        self.invite = invite

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.tapped.emit()
