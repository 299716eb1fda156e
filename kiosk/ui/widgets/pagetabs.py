"""A region screen's big tabs, heard by screen readers as what they are: page tabs in a tab
list, the shown one "selected". A checkable push button is otherwise announced as a check box,
"checked" or "not checked", which says nothing about pages.

QTabBar would be announced rightly but can't wrap a long title onto two lines, which the
Spanish titles need at large text; so the tabs stay wrapping buttons and tell assistive
technology their role through a small accessible interface of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface, QAccessibleStateChangeEvent
from PySide6.QtWidgets import QAccessibleWidget, QButtonGroup, QHBoxLayout, QWidget

from kiosk.ui.widgets.buttons import WrappingButton


class PageTab(WrappingButton):
    """One tab: stays down while its page is shown."""

    def __init__(self, title: str, parent: QWidget | None = None,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter):
        super().__init__(title, "pageTab", parent, align)
        self.setCheckable(True)
        announce_tabs_as_tabs()

    def set_current(self, current: bool) -> None:
        was = self.isChecked()
        super().set_current(current)
        if was != current:  # a screen reader on the tab hears it become selected, or not
            changed = QAccessible.State()
            changed.selected = True
            QAccessible.updateAccessibility(QAccessibleStateChangeEvent(self, changed))


class PageTabRow(QWidget):
    """The tabs side by side, sharing the width; ``chosen`` says which one a finger tapped."""

    chosen = Signal(int)  # 0-based

    def __init__(self, titles: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        announce_tabs_as_tabs()
        self.tabs: list[PageTab] = []
        group = QButtonGroup(self)
        group.setExclusive(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        for number, title in enumerate(titles):
            tab = PageTab(title)
            tab.clicked.connect(lambda _=False, n=number: self.chosen.emit(n))
            group.addButton(tab)
            self.tabs.append(tab)
            row.addWidget(tab, 1)


class _PageTabAccessible(QAccessibleWidget):
    def __init__(self, tab: PageTab):
        super().__init__(tab, QAccessible.Role.PageTab)
        self._tab = tab

    def state(self) -> QAccessible.State:
        state = super().state()
        state.selectable = True
        state.selected = self._tab.isChecked()
        return state

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction()]  # what a screen reader's "activate" calls

    def doAction(self, name: str) -> None:
        if name == QAccessibleActionInterface.pressAction():
            self._tab.click()


def _accessible(key: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, PageTab):
        return _PageTabAccessible(target)
    if isinstance(target, PageTabRow):
        return QAccessibleWidget(target, QAccessible.Role.PageTabList)
    return None  # every other widget: Qt's own interface


_installed = False


def announce_tabs_as_tabs() -> None:
    """Screen readers hear each PageTab as a page tab, selected or not (not as a check box)."""
    global _installed
    if not _installed:  # once per process: Qt asks each installed factory in turn
        QAccessible.installFactory(_accessible)
        _installed = True
