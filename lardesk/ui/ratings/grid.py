"""Way 1: the facilitator types everyone's values into a grid, participants × agreed scales.

Digits only; "10" is typed as 1 then 0; "-" or "x" abstains; Tab saves and moves right (to the next
participant's first scale at the end of a row), Enter saves and moves down (to the next scale at the
bottom, which suits reading a scale round the table); the arrows save and move; Delete forgets a value;
Escape drops what was typed. A typed value is shown in italics until it is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from lardesk.method.guide import Guide
from lardesk.method.snapshot import Anonymity, ParticipantInfo, SessionSnapshot
from lardesk.ui.ratings.keys import BLANK, Blank, parse, shown, type_key

AnyIndex = QModelIndex | QPersistentModelIndex
HIDDEN = "●"
"""A saved value (or abstention) before the round is revealed: that it was entered, not what it is."""
CLEAR = "clear"
"""Passed to the commit callback instead of a value: forget the rating."""
PEEK_COLOUR = "#ffd7a8"
"""The one cell whose hidden value the facilitator is looking at."""
Commit = Callable[[int, int, int | str | None], bool]
"""commit(participant_id, scale, value | None (abstained) | CLEAR) → whether it was saved."""


def participant_labels(snapshot: SessionSnapshot) -> dict[int, str]:
    """Row labels: a number and the role (or key); names only in open mode. Numbers keep two people with
    the same role apart."""
    show_names = snapshot.session.anonymity is Anonymity.OPEN
    return {p.id: f"{index}. {p.label(show_names)}" for index, p in enumerate(snapshot.present, start=1)}


class RatingsModel(QAbstractTableModel):
    """Present participants (rows) × agreed scales (columns) of one round; typed, unsaved text beside."""

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.participants: tuple[ParticipantInfo, ...] = ()
        self.scales: tuple[int, ...] = ()
        self.labels: dict[int, str] = {}
        self.values: dict[tuple[int, int], int | None] = {}
        self.pending: dict[tuple[int, int], str] = {}
        self.revealed = False
        """Until the round is revealed a saved value shows as ●, so that those beside the screen (or a mirrored
        screen) do not read it; the facilitator can look at one cell on purpose (``peek``)."""
        self.peek: tuple[int, int] | None = None

    def load(self, snapshot: SessionSnapshot, round_: int) -> None:
        participants = snapshot.present
        scales = snapshot.session.agreed_sections
        values = {(r.participant_id, r.scale): r.value for r in snapshot.ratings_in(round_)}
        labels = participant_labels(snapshot)
        self.revealed = round_ in snapshot.session.revealed_rounds
        if (participants, scales) != (self.participants, self.scales):
            self.beginResetModel()
            self.participants, self.scales, self.values, self.labels = participants, scales, values, labels
            self.pending.clear()
            self.peek = None
            self.endResetModel()
            return
        self.values, self.labels = values, labels
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def key(self, index: AnyIndex) -> tuple[int, int]:
        return self.participants[index.row()].id, self.scales[index.column()]

    def shown_value(self, key: tuple[int, int]) -> str:
        """What the cell shows of its saved value: the value once revealed (or peeked at), else ●."""
        if key not in self.values:
            return ""
        if not self.revealed and key != self.peek:
            return HIDDEN
        return shown(self.values[key])

    def set_peek(self, key: tuple[int, int] | None) -> None:
        """Show the saved value of one cell before the reveal (None: hide it again)."""
        changed = {k for k in (self.peek, key) if k is not None}
        self.peek = key
        for participant, scale in changed:
            ids = [p.id for p in self.participants]
            if participant in ids and scale in self.scales:
                index = self.index(ids.index(participant), self.scales.index(scale))
                self.dataChanged.emit(index, index)

    # -- Qt --------------------------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.participants)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.scales)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.participants)):
            return None
        if not 0 <= index.column() < len(self.scales):
            return None
        key = self.key(index)
        typed = self.pending.get(key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if typed is not None:
                return typed
            return self.shown_value(key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and typed is not None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and typed is not None:
            return QBrush(QColor("#fff4c2"))
        if role == Qt.ItemDataRole.BackgroundRole and key == self.peek and not self.revealed:
            return QBrush(QColor(PEEK_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole:
            scale = self.guide.scale(key[1])
            return f"{scale.number} {scale.label}: {scale.question}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            value = typed if typed is not None else self.shown_value(key)
            participant = self.labels.get(key[0], "")
            if value == HIDDEN:
                value = self.tr("bedömt, dolt tills värdena visas")
            return self.tr("{participant}, skala {scale}: {value}").format(
                participant=participant, scale=key[1], value=value or self.tr("ej bedömt")
            )
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.scales):
            scale = self.guide.scale(self.scales[section])
            if role == Qt.ItemDataRole.DisplayRole:
                return str(scale.number)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{scale.number} {scale.label}: {scale.question}"
        vertical = orientation == Qt.Orientation.Vertical and 0 <= section < len(self.participants)
        if vertical and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.labels.get(self.participants[section].id, "")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


ROW_LABELS_LEAST, ROW_LABELS_MOST = 120, 300
"""The width of the row labels, in pixels: at least, and at most."""


class RatingGrid(QTableView):
    """The grid's keys (see the module's text); saving goes through ``commit``."""

    peek_changed = Signal(bool)
    """True while the current cell's hidden value is shown (the step shows that clearly)."""

    def __init__(self, model: RatingsModel, commit: Commit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ratings = model
        self.commit = commit
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(30)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.fit_row_labels()
        model.modelReset.connect(self.fit_row_labels)
        model.headerDataChanged.connect(lambda *_: self.fit_row_labels())
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAccessibleName(self.tr("Bedömningar: deltagare × skalor"))
        self._saving = False

    def fit_row_labels(self) -> None:
        """The row labels as wide as the longest ("6. Verksamhetsutvecklare" whole), up to ``ROW_LABELS_MOST``;
        only a longer one is elided (its tooltip and the forms show it whole)."""
        header = self.verticalHeader()
        bold = QFont(header.font())
        bold.setBold(True)  # the current row's label is bold
        metrics = QFontMetrics(bold)
        widest = max((metrics.horizontalAdvance(label) for label in self.ratings.labels.values()), default=0)
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 14
        header.setFixedWidth(min(max(widest + margin, ROW_LABELS_LEAST), ROW_LABELS_MOST))

    def needed_width(self) -> int:
        """The width that shows the row labels and nine value columns whole."""
        columns = max(self.ratings.columnCount(), 1)
        return self.verticalHeader().width() + columns * 36 + 2 * self.frameWidth() + 4

    def start(self) -> None:
        """Focus on the first cell without a value (or the first cell)."""
        model = self.ratings
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                if model.key(model.index(row, column)) not in model.values:
                    self._go(row, column)
                    return
        if model.rowCount() and model.columnCount():
            self._go(0, 0)

    def _go(self, row: int, column: int) -> None:
        self.setCurrentIndex(self.ratings.index(row, column))
        self.setFocus()

    # -- saving ------------------------------------------------------------------------------------------
    def save(self, index: AnyIndex | None = None) -> bool:
        """Save what was typed in ``index`` (default: the current cell); True when nothing failed."""
        index = index if index is not None else self.currentIndex()
        if not index.isValid() or self._saving:
            return True
        key = self.ratings.key(index)
        typed = self.ratings.pending.get(key)
        if typed is None:
            return True
        value = parse(typed)
        self._saving = True
        try:
            if isinstance(value, Blank):
                self.ratings.pending.pop(key, None)
                self.ratings.dataChanged.emit(index, index)
                return True
            ok = self.commit(key[0], key[1], value)
        finally:
            self._saving = False
        if ok:
            self.ratings.pending.pop(key, None)
            self.ratings.dataChanged.emit(index, index)
        return ok

    def currentChanged(self, current: AnyIndex, previous: AnyIndex) -> None:
        if previous.isValid() and self.ratings.key(previous) in self.ratings.pending:
            self.save(previous)
        if self.ratings.peek is not None:  # a peek is at one cell: moving on hides it again
            self.peek_changed.emit(False)
            self.ratings.set_peek(None)
        super().currentChanged(current, previous)

    def set_peek(self, peek: bool) -> None:
        """Show (or hide again) the current cell's saved value before the reveal."""
        index = self.currentIndex()
        key = self.ratings.key(index) if index.isValid() and peek else None
        self.ratings.set_peek(key)
        self.peek_changed.emit(key is not None)

    # -- keys ---------------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        tab = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in tab:
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.ratings
        index = self.currentIndex()
        if not index.isValid():
            if model.rowCount() and model.columnCount():
                self._go(0, 0)
                index = self.currentIndex()
            else:
                super().keyPressEvent(event)
                return
        key, text = event.key(), event.text()
        row, column = index.row(), index.column()
        rows, columns = model.rowCount(), model.columnCount()
        cell = model.key(index)
        if text and (text.isdigit() or text in "-xX") and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            model.pending[cell] = type_key(model.pending.get(cell, ""), text)
            model.dataChanged.emit(index, index)
            return
        if key == Qt.Key.Key_Tab:
            if self.save():
                position = row * columns + column + 1
                if position < rows * columns:
                    self._go(position // columns, position % columns)
            return
        if key == Qt.Key.Key_Backtab:
            if self.save():
                position = row * columns + column - 1
                if position >= 0:
                    self._go(position // columns, position % columns)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.save():
                if row + 1 < rows:
                    self._go(row + 1, column)
                elif column + 1 < columns:
                    self._go(0, column + 1)
            return
        if key == Qt.Key.Key_Escape and cell in model.pending:
            model.pending.pop(cell)
            model.dataChanged.emit(index, index)
            return
        if key == Qt.Key.Key_Backspace and cell in model.pending:
            model.pending[cell] = model.pending[cell][:-1]
            model.dataChanged.emit(index, index)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            model.pending.pop(cell, None)
            if cell in model.values:
                self.commit(cell[0], cell[1], CLEAR)
            return
        super().keyPressEvent(event)


__all__ = ["BLANK", "CLEAR", "HIDDEN", "RatingGrid", "RatingsModel", "participant_labels"]
