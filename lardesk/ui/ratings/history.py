"""The history view: an organisation's sessions per scale, as a figure and a table.

matplotlib is imported when the figure is first drawn (the tab is opened), not with this module: opening a
session must not wait for it.

The session being held is part of its organisation's history; until its round 1 is shown to the room
(*Visa värdena*), its column says only how many have rated ("n av N har bedömt") and the figure leaves its
median and range out (``hidden``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.guide import Guide
from lardesk.method.snapshot import PreviousSession, ScaleHistory
from lardesk.method.stats import number

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure


class HistoryView(QWidget):
    """An organisation's sessions: per scale the median, range and joint value, as a figure and a table."""

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self._figure: Figure | None = None
        self._canvas: FigureCanvasQTAgg | None = None
        self.table = QTableWidget(self)
        self.table.setAccessibleName(self.tr("Historik per skala"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.hidden_note = QLabel(
            self.tr(
                "Den här uppföljningens värden visas efter Visa värdena (F8); tills dess bara hur många som har bedömt."
            ),
            self,
        )
        self.hidden_note.setObjectName("historyHiddenNote")
        self.hidden_note.setWordWrap(True)
        self.hidden_note.setStyleSheet("font-style:italic;")
        self.hidden_note.hide()
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hidden_note)
        layout.addWidget(self.splitter)
        self.sessions: tuple[PreviousSession, ...] = ()

    @property
    def figure(self) -> Figure:
        self._ensure_canvas()
        assert self._figure is not None
        return self._figure

    @property
    def canvas(self) -> FigureCanvasQTAgg:
        self._ensure_canvas()
        assert self._canvas is not None
        return self._canvas

    def _ensure_canvas(self) -> None:
        if self._canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self._figure = Figure(figsize=(8, 6), dpi=100)
        self._canvas = FigureCanvasQTAgg(self._figure)  # type: ignore[no-untyped-call]
        self._canvas.setMinimumHeight(260)
        self.splitter.insertWidget(0, self._canvas)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

    def load(
        self,
        sessions: Sequence[PreviousSession],
        scales: Sequence[int],
        *,
        hidden: tuple[int, Mapping[int, tuple[int, int]]] | None = None,
    ) -> None:
        """``hidden``: a session whose values are not shown yet, and per scale (how many rated, how many present):
        its cells say only that, and the figure leaves its median and range out."""
        from lardesk.charts.spread import history_figure

        counts: Mapping[int, tuple[int, int]] = {}
        if hidden is not None:
            hidden_id, counts = hidden
            sessions = [_without_values(s) if s.id == hidden_id else s for s in sessions]
        self.hidden_note.setVisible(hidden is not None)
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
                if hidden is not None and session.id == hidden[0]:
                    text = self._count_cell(history, *counts.get(scale, (0, 0)))
                else:
                    text = history_cell(history, self.guide.language)
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _count_cell(self, history: ScaleHistory | None, rated: int, present: int) -> str:
        text = self.tr("%1 av %2 har bedömt").replace("%1", str(rated)).replace("%2", str(present))
        if history is not None and history.joint is not None:  # the group's agreed value is no individual's
            text += f"  ◆ {history.joint}"
        return text


def _without_values(session: PreviousSession) -> PreviousSession:
    """The session with its medians and ranges taken out (its joint values kept)."""
    scales = tuple(dataclasses.replace(s, median=None, minimum=None, maximum=None, n=0) for s in session.scales)
    return dataclasses.replace(session, scales=scales)


def history_cell(history: ScaleHistory | None, language: str = "sv") -> str:
    """Median (range), how many rated and the joint value, e.g. "5,5 (4–7), n=6  ◆ 5"; "–" when nobody rated."""
    if history is None or history.median is None:
        text = "–"
    else:
        text = f"{_decimal(history.median, language)} ({history.minimum}–{history.maximum}), n={history.n}"
    if history is not None and history.joint is not None:
        text += f"  ◆ {history.joint}"
    return text


def _decimal(value: float, language: str) -> str:
    """As ``lardesk.charts.spread.decimal`` (which would bring matplotlib with it)."""
    text = str(number(value))
    return text.replace(".", ",") if language == "sv" else text
