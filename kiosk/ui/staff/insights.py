"""'How the kiosk is used': the staff's look at the last 30 days of anonymous counts, as charts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.model.clinic import Colours
from kiosk.model.wording import fill
from kiosk.model.words import StaffText
from kiosk.ui.staff.overlay import StaffOverlay
from kiosk.ui.widgets.pageview import svg_image
from kiosk.ui.widgets.words import Words, named
from kiosk.usage.charts import UsageSummary, bars_svg, visits_svg


class InsightsOverlay(StaffOverlay):
    closed = Signal()

    def __init__(self, words: StaffText, summary: UsageSummary, region_names: dict[str, str],
                 language_names: dict[str, str], colours: Colours, retention_days: int, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("staffOverlay")
        title = named(Words(words.insights_title), "staffTitle")
        self.charts: dict[str, str] = {}  # heading -> SVG, for tests and a closer look
        grid = QGridLayout()
        grid.setHorizontalSpacing(30)
        grid.setVerticalSpacing(6)
        if summary.empty:
            grid.addWidget(named(Words(words.insights_empty), "pinMessage"), 0, 0)
        else:
            walkthrough = ((words.insights_started, summary.walkthrough_started),
                           (words.insights_finished, summary.walkthrough_finished))
            charts = (
                (words.insights_visits, visits_svg(summary, colours)),
                (words.insights_regions, bars_svg([(region_names.get(r, r), n) for r, n in summary.regions], colours)),
                (words.insights_walkthrough, bars_svg(walkthrough, colours)),
                (words.insights_languages,
                 bars_svg([(language_names.get(code, code), n) for code, n in summary.languages], colours)),
            )
            dpr = self.devicePixelRatioF()
            for i, (heading, svg) in enumerate(charts):
                self.charts[heading] = svg
                picture = Words()
                picture.setPixmap(QPixmap.fromImage(svg_image(svg.encode("utf-8"), dpr)))
                picture.setAccessibleName(heading)
                grid.addWidget(named(Words(heading), "choose"), (i // 2) * 2, i % 2)
                grid.addWidget(picture, (i // 2) * 2 + 1, i % 2)
        kept = named(Words(fill(words.insights_kept, days=retention_days)), "pinMessage")
        kept.setWordWrap(True)
        self.close_button = QPushButton(words.close)
        self.close_button.clicked.connect(self.closed)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(30, 18, 30, 18)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addLayout(grid, 1)
        layout.addWidget(kept)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.card.setFixedSize(1240, 780)

    def escape(self) -> None:
        self.closed.emit()
