"""The spread on screen and on the projector (matplotlib's QtAgg canvas), and the history view.

One changed rating redraws only its row over a cached background (blitting); a reveal, a new order or a
new size builds the figure again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from matplotlib.backend_bases import DrawEvent, Event
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from lardesk.charts.spread import SpreadPlot, decimal, history_figure
from lardesk.method.guide import Guide
from lardesk.method.snapshot import PreviousSession, ScaleHistory, SessionSnapshot


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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # type: ignore[no-untyped-call]
        self._resized.start()

    def _rebuild(self) -> None:
        if self._last is not None:
            self.plot.invalidate()
            snapshot, options = self._last
            self.show_spread(snapshot, **options)


class HistoryView(QWidget):
    """An organisation's sessions: per scale the median, range and joint value, as a figure and a table."""

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.figure = Figure(figsize=(8, 6), dpi=100)
        self.canvas = FigureCanvasQTAgg(self.figure)  # type: ignore[no-untyped-call]
        self.canvas.setMinimumHeight(260)
        self.table = QTableWidget(self)
        self.table.setAccessibleName(self.tr("Historik per skala"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.canvas)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.sessions: tuple[PreviousSession, ...] = ()

    def load(self, sessions: Sequence[PreviousSession], scales: Sequence[int]) -> None:
        self.sessions = tuple(sessions)
        history_figure(self.sessions, self.guide, scales=scales, figure=self.figure)
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]
        ordered = sorted(self.sessions, key=lambda s: (s.date, s.id))
        self.table.clear()
        self.table.setRowCount(len(scales))
        self.table.setColumnCount(len(ordered))
        self.table.setHorizontalHeaderLabels([s.period or s.date.isoformat() for s in ordered])
        self.table.setVerticalHeaderLabels([f"{n} {self.guide.scale(n).label}" for n in scales])
        for column, session in enumerate(ordered):
            for row, scale in enumerate(scales):
                history = session.scale(scale)
                self.table.setItem(row, column, QTableWidgetItem(history_cell(history, self.guide.language)))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)


def history_cell(history: ScaleHistory | None, language: str = "sv") -> str:
    """Median (range), how many rated and the joint value, e.g. "5,5 (4–7), n=6  ◆ 5"; "–" when nobody rated."""
    if history is None or history.median is None:
        text = "–"
    else:
        text = f"{decimal(history.median, language)} ({history.minimum}–{history.maximum}), n={history.n}"
    if history is not None and history.joint is not None:
        text += f"  ◆ {history.joint}"
    return text
