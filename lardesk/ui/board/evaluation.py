"""The evaluation view (the guide's figure 2): planned beside implemented activities, expected beside
achieved results, for the part "hur gick det?"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableWidget, QTableWidgetItem, QWidget

from lardesk.method.guide import Guide
from lardesk.method.indicators import indicator_lines
from lardesk.method.logic import ItemKind
from lardesk.method.snapshot import ItemInfo
from lardesk.ui.board.look import kroner, status_label
from lardesk.ui.board.state import BoardState

COLUMNS = ("resources", "planned_activities", "implemented_activities", "expected_results", "achieved_results")


class EvaluationView(QTableWidget):
    """Six columns as in figure 2: resources | planned | implemented | expected | achieved | effects."""

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.setColumnCount(6)
        self.titles = [guide.term(key) for key in COLUMNS] + [guide.term("expected_effects")]
        self.setHorizontalHeaderLabels(self.titles)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(self.tr("Hur gick det? Planerat och genomfört"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_headers()

    def fit_headers(self) -> None:
        """Break the column titles onto as many lines as their columns' widths need ("Förväntat resultat
        (kortsiktigt)" is wider than a sixth of a laptop's table): a title is never cut."""
        header = self.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8
        for column, title in enumerate(self.titles):
            room = max(header.sectionSize(column) - margin, 40)
            lines: list[str] = []
            for word in title.split():
                if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= room:
                    lines[-1] = f"{lines[-1]} {word}"
                else:
                    lines.append(word)
            text = "\n".join(lines)
            item = self.horizontalHeaderItem(column)
            if item is not None and item.text() != text:
                item.setText(text)

    def show_state(self, state: BoardState) -> None:
        columns = [
            [self._resource(state.items[i]) for i in state.columns[ItemKind.RESOURCE]],
            [self._plain(state.items[i]) for i in state.columns[ItemKind.ACTIVITY]],
            [self._outcome(state.items[i]) for i in state.columns[ItemKind.ACTIVITY]],
            [self._plain(state.items[i]) for i in state.columns[ItemKind.RESULT]],
            [self._outcome(state.items[i]) for i in state.columns[ItemKind.RESULT]],
            [self._effect(state.items[i]) for i in state.columns[ItemKind.EFFECT]],
        ]
        self.setRowCount(max(len(column) for column in columns))
        self.clearContents()
        for col, cells in enumerate(columns):
            for row, cell in enumerate(cells):
                self.setItem(row, col, cell)
        self.resizeRowsToContents()

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item else ""

    @staticmethod
    def _cell(text: str, *, bold: bool = False, faded: bool = False) -> QTableWidgetItem:
        cell = QTableWidgetItem(text)
        cell.setToolTip(text)
        cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if bold:
            font = QFont()
            font.setBold(True)
            cell.setFont(font)
        if faded:
            cell.setForeground(QColor("#6b7780"))
        return cell

    def _plain(self, item: ItemInfo) -> QTableWidgetItem:
        return self._cell(f"{item.key}  {item.text}")

    def _resource(self, item: ItemInfo) -> QTableWidgetItem:
        text = f"{item.key}  {item.text}"
        if item.budget_sek is not None or item.spent_sek is not None:
            text += (
                f"\n{self.guide.term('budget_sek')}: {kroner(item.budget_sek)}"
                f"\n{self.guide.term('spent_sek')}: {kroner(item.spent_sek)}"
            )
        return self._cell(text)

    def _outcome(self, item: ItemInfo) -> QTableWidgetItem:
        text = f"{item.key}  {status_label(self.guide, item.status)}"
        if item.unexpected:
            text += f" ({self.guide.term('unexpected').lower()})"
        if item.outcome:
            text += f"\n{item.outcome}"
        pending = item.status in ("planned", "expected")
        bad = item.status in ("not_implemented", "not_achieved")
        text += self._indicators(item)
        return self._cell(text, bold=bad, faded=pending)

    def _indicators(self, item: ItemInfo) -> str:
        """Per indicator: women and men from the baseline to the latest, the change, what is left to the
        target, whether the gap narrowed and where the figures moved."""
        return "".join("\n▁▃▅ " + "\n• ".join(indicator_lines(i, self.guide.language)) for i in item.indicators)

    def _effect(self, item: ItemInfo) -> QTableWidgetItem:
        text = f"{item.key}  {item.text}\n{status_label(self.guide, item.status)}"
        if item.outcome:
            text += f"\n{item.outcome}"
        return self._cell(text + self._indicators(item))
