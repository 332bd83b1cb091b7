"""The spread on screen and on the projector (matplotlib's QtAgg canvas).

This module imports matplotlib: the ratings step imports it only when the spread is first shown.
One changed rating redraws only its row over a cached background (blitting); a reveal, a new order or a
new size builds the figure again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib.backend_bases import DrawEvent, Event
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from lardesk.charts.spread import SpreadPlot
from lardesk.method.guide import Guide
from lardesk.method.snapshot import SessionSnapshot
from lardesk.ui.ratings.history import HistoryView, history_cell


class SpreadCanvas(FigureCanvasQTAgg):
    """The spread of one round; call :meth:`show_spread` with each new snapshot."""

    def __init__(self, guide: Guide, *, projector: bool = False, parent: QWidget | None = None) -> None:
        self.plot = SpreadPlot(guide, projector=projector, figure=Figure(dpi=100), animated=True)
        super().__init__(self.plot.figure)  # type: ignore[no-untyped-call]
        self.setParent(parent)
        self._background: Any = None
        self._last: tuple[SessionSnapshot, dict[str, Any]] | None = None
        self.full_draws = 0
        self.row_draws = 0
        self.mpl_connect("draw_event", self._on_draw)
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(120)
        self._resized.timeout.connect(self._rebuild)
        self.setMinimumSize(320, 240)
        self.setAccessibleName(self.tr("Spridningsdiagram"))

    def show_spread(
        self,
        snapshot: SessionSnapshot,
        *,
        round_: int = 1,
        revealed: bool = True,
        order: Sequence[int] | None = None,
        show_names: bool = False,
    ) -> None:
        options: dict[str, Any] = {
            "round_": round_,
            "revealed": revealed,
            "order": tuple(order) if order is not None else None,
            "show_names": show_names,
        }
        self._last = (snapshot, options)
        rebuilt = self.plot.show(snapshot, **options)
        if rebuilt or self._background is None:
            self._background = None
            self.draw_idle()  # type: ignore[no-untyped-call]
        elif self.plot.changed:
            self.row_draws += 1
            self.plot.redraw_changed(self, self._background)

    def _on_draw(self, event: Event) -> None:
        if not isinstance(event, DrawEvent):
            return
        self.full_draws += 1
        self._background = self.copy_from_bbox(self.figure.bbox)  # type: ignore[no-untyped-call]
        for artist in self.plot.dynamic_artists():
            self.figure.draw_artist(artist)

    @property
    def resize_pending(self) -> bool:
        """True from a resize until the figure is built again at the new size (120 ms later)."""
        return self._resized.isActive()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # type: ignore[no-untyped-call]
        self._resized.start()

    def _rebuild(self) -> None:
        if self._last is not None:
            self.plot.invalidate()
            snapshot, options = self._last
            self.show_spread(snapshot, **options)


__all__ = ["HistoryView", "SpreadCanvas", "history_cell"]
