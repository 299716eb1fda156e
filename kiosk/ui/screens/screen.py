"""What the window, the self-test and the soak may ask of any screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kiosk.ui.widgets.pageview import PageView


class Screen(QWidget):
    """A whole-window screen. Screens get their data through the constructor and report
    upward through signals; the window wires them."""

    def start_over(self) -> None:
        """Show it as a new patient first sees it: at its top."""

    def page_view(self) -> PageView | None:
        """The reading pane that shows this screen's page, if it has one."""
        return None
