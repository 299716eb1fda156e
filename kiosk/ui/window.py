"""The kiosk's window: one screen at a time, and the only place screens are wired together."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from kiosk.bodyart import BodyArt
from kiosk.content import Content
from kiosk.pages import Page
from kiosk.ui.home import HomeScreen
from kiosk.ui.region import RegionScreen
from kiosk.ui.theme import stylesheet

HOME = "home"


class KioskWindow(QMainWindow):
    screenChanged = Signal(str)

    def __init__(self, content: Content, art: BodyArt, pages: dict[str, Page], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(content.ui.title)
        self.setStyleSheet(stylesheet(content.clinic.colours))
        self._stack = QStackedWidget()
        self.setCentralWidget(self._stack)
        self.screens: dict[str, QWidget] = {}

        names = {rid: content.regions[rid].name if rid in content.regions else rid.replace("_", " ").title()
                 for rid in content.region_ids}
        self.home = HomeScreen(content.ui, content.clinic, art, names)
        self.home.regionChosen.connect(self.show_region)
        self._add(HOME, self.home)
        for region_id in content.region_ids:
            screen = RegionScreen(names[region_id], pages[f"region-{region_id}"], content.ui)
            screen.backRequested.connect(self.show_home)
            self._add(f"region-{region_id}", screen)

    def _add(self, name: str, screen: QWidget) -> None:
        self.screens[name] = screen
        self._stack.addWidget(screen)

    def current_screen(self) -> str:
        current = self._stack.currentWidget()
        return next(name for name, screen in self.screens.items() if screen is current)

    def show_screen(self, name: str) -> None:
        screen = self.screens[name]
        if hasattr(screen, "reset"):
            screen.reset()
        self._stack.setCurrentWidget(screen)
        self.screenChanged.emit(name)

    def show_home(self) -> None:
        self.show_screen(HOME)

    def show_region(self, region_id: str) -> None:
        self.show_screen(f"region-{region_id}")
