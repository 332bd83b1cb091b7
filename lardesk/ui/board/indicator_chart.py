"""An indicator's chart on screen (matplotlib's QtAgg canvas), drawn by the same builder as the minutes'.

This module imports matplotlib: the indicator panel imports it only when it first shows a chart.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from lardesk.charts.indicators import alt_text, indicator_figure
from lardesk.method.indicators import Indicator

COMPACT_BELOW = 640
"""Narrower than this (pixels), the chart is drawn in small type."""


class IndicatorCanvas(FigureCanvasQTAgg):
    """One indicator: women, men and total over the periods, the baseline and the target marked."""

    def __init__(self, language: str = "sv", *, projector: bool = False, parent: QWidget | None = None) -> None:
        self.language = language
        self.projector = projector
        super().__init__(Figure(dpi=100))  # type: ignore[no-untyped-call]
        self.setParent(parent)
        self.indicator: Indicator | None = None
        self.setMinimumSize(260, 230)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Diagram över indikatorn"))

    def sizeHint(self) -> QSize:
        return QSize(320, 240)  # not the figure's own size: the panel gives the chart what room is left

    def show_indicator(self, indicator: Indicator) -> None:
        if indicator == self.indicator:
            return
        self.indicator = indicator
        self._draw()

    def _draw(self) -> None:
        if self.indicator is None:
            return
        compact = not self.projector and self.width() < COMPACT_BELOW
        indicator_figure(
            self.indicator, self.language, projector=self.projector, figure=self.figure, title=False, compact=compact
        )
        self.setAccessibleDescription(alt_text(self.indicator, self.language))
        self.draw_idle()  # type: ignore[no-untyped-call]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # type: ignore[no-untyped-call]
        self._draw()  # lay the labels out again for the new size
