"""The selected item's indicators, in the board's side panel: entered and corrected by keyboard.

Choose an indicator (or "Ny indikator"), type what is measured, its unit and source; then the figures, one
period a line: the kind (baseline, measurement, target), the period, women, men and total, Enter saves
("38,5" and "1 200" as Swedish users type them). The figures are listed below (Delete removes the chosen
line, Enter puts it back in the fields to correct), with what they say and the chart. Esc goes back to the
board.

The panel holds no data of its own: it shows the indicators it is given and asks its
:class:`IndicatorActions` to change them (the board step does it through the services). A refused entry
stays in the fields, so nothing typed is lost.

matplotlib is imported when the first chart is drawn, not when the panel is made (start-up stays light).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.indicators import (
    UNITS,
    Figures,
    FiguresKind,
    Group,
    Indicator,
    format_number,
    summarize,
    summary_lines,
)

if TYPE_CHECKING:
    from lardesk.ui.board.indicator_chart import IndicatorCanvas

KIND_ROLE = int(Qt.ItemDataRole.UserRole)
PERIOD_ROLE = int(Qt.ItemDataRole.UserRole) + 1
TABLE_HEIGHT = 125
"""The list of figures scrolls beyond about six periods; the chart below gets the rest of the height."""
NEW = ""
"""The chooser's data for "a new indicator"."""


class IndicatorActions(Protocol):
    """What the panel asks for; each returns whether it was done (False: refused, and the user was told)."""

    def add_indicator(self, item_id: int, text: str, unit: str, source: str) -> str | None:
        """The new indicator's key, or None."""

    def update_indicator(self, item_id: int, key: str, **fields: str) -> bool: ...

    def remove_indicator(self, item_id: int, key: str) -> bool: ...

    def enter_figures(self, item_id: int, key: str, kind: FiguresKind, figures: dict[str, str]) -> bool:
        """``figures``: the texts typed for period, women, men, total and note."""

    def remove_figures(self, item_id: int, key: str, kind: FiguresKind, period: str) -> bool: ...


class IndicatorPanel(QWidget):
    back_to_board = Signal()

    def __init__(self, actions: IndicatorActions, language: str = "sv", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doer = actions
        self.language = language
        self.item_id: int | None = None
        self.indicators: tuple[Indicator, ...] = ()
        self.key: str = NEW
        """The indicator shown ("" while a new one is being written)."""
        self.canvas: IndicatorCanvas | None = None

        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(self.tr("Indikator"))
        # as narrow as the panel allows, not as wide as the longest indicator (the side panel's width is the board's)
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(12)
        self.text = QLineEdit()
        self.text.setAccessibleName(self.tr("Vad mäts"))
        self.text.setPlaceholderText(self.tr("Till exempel: andel av bidraget som går till flickor"))
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(list(UNITS))
        self.unit.setAccessibleName(self.tr("Enhet"))
        self.source = QLineEdit()
        self.source.setAccessibleName(self.tr("Källa"))
        self.remove = QPushButton(self.tr("Ta bort indikatorn"))
        self.form = QFormLayout()
        chooser_row = QHBoxLayout()
        chooser_row.addWidget(self.chooser, 1)
        chooser_row.addWidget(self.remove)
        self.form.addRow(self.tr("Indikator"), chooser_row)
        self.form.addRow(self.tr("Vad mäts"), self.text)
        self.form.addRow(self.tr("Enhet"), self.unit)
        self.form.addRow(self.tr("Källa"), self.source)

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Sorts värde"))
        for kind, label in (
            (FiguresKind.BASELINE, self.tr("Utgångsvärde")),
            (FiguresKind.MEASUREMENT, self.tr("Mätvärde")),
            (FiguresKind.TARGET, self.tr("Mål")),
        ):
            self.kind.addItem(label, kind.value)
        self.period = QLineEdit()
        self.period.setAccessibleName(self.tr("Period"))
        self.period.setPlaceholderText(self.tr("2013"))
        self.women = QLineEdit()
        self.women.setAccessibleName(self.tr("Kvinnor"))
        self.men = QLineEdit()
        self.men.setAccessibleName(self.tr("Män"))
        self.total = QLineEdit()
        self.total.setAccessibleName(self.tr("Totalt"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Kommentar till värdet"))
        self.note.setPlaceholderText(self.tr("Kommentar (valfri)"))
        self.save = QPushButton(self.tr("Spara värdena (Enter)"))
        entry = QGridLayout()
        entry.addWidget(self.kind, 0, 0, 1, 2)
        entry.addWidget(QLabel(self.tr("Period")), 0, 2)
        entry.addWidget(self.period, 0, 3)
        for column, (label, edit) in enumerate(
            ((self.tr("Kvinnor"), self.women), (self.tr("Män"), self.men), (self.tr("Totalt"), self.total))
        ):
            caption = QLabel(label)
            caption.setBuddy(edit)
            entry.addWidget(caption, 1, column)
            entry.addWidget(edit, 2, column)
        entry.addWidget(self.note, 3, 0, 1, 3)
        entry.addWidget(self.save, 3, 3)

        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Värden per period"))
        self.table.setRootIsDecorated(False)
        self.table.setColumnCount(5)
        self.table.setHeaderLabels(
            [self.tr("Period"), self.tr("Kvinnor"), self.tr("Män"), self.tr("Totalt"), self.tr("Kv − män")]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setToolTip(self.tr("Enter: ändra värdena · Delete: ta bort raden"))
        self.table.installEventFilter(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Vad värdena säger"))
        self.chart_box = QVBoxLayout()
        self.chart_box.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addLayout(entry)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        layout.addLayout(self.chart_box, 1)
        order: list[QWidget] = [self.chooser, self.remove, self.text, self.unit, self.source, self.kind, self.period]
        order += [self.women, self.men, self.total, self.note, self.save, self.table]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        for widget in (self.text, self.unit, self.source, self.kind, self.period, self.women, self.men, self.total):
            widget.installEventFilter(self)
        self.note.installEventFilter(self)

        self.chooser.activated.connect(self._chosen)
        self.text.returnPressed.connect(self._text_done)
        self.text.editingFinished.connect(self._text_done)
        unit_edit = self.unit.lineEdit()
        assert unit_edit is not None
        unit_edit.editingFinished.connect(self._unit_done)
        self.unit.activated.connect(lambda _index: self._unit_done())
        self.source.editingFinished.connect(self._source_done)
        self.remove.clicked.connect(self._remove_indicator)
        for edit in (self.period, self.women, self.men, self.total, self.note):
            edit.returnPressed.connect(self.save_figures)
        self.save.clicked.connect(self.save_figures)
        self.table.itemActivated.connect(lambda entry, _column: self._load_row(entry))
        self.show_item(None, "", ())

    # -- showing ------------------------------------------------------------------------------------------
    def show_item(self, item_id: int | None, title: str, indicators: Sequence[Indicator]) -> None:
        """Show the indicators of ``item_id`` (None: no item chosen); keeps the indicator shown if it is
        still there, and what is typed in the fields."""
        if item_id != self.item_id:
            self.key = indicators[0].key if indicators else NEW
            self._clear_entry()
        self.item_id = item_id
        self.indicators = tuple(indicators)
        if self.key and self.key not in {i.key for i in self.indicators}:
            self.key = self.indicators[0].key if self.indicators else NEW
        enabled = item_id is not None
        for widget in self.findChildren(QWidget):
            widget.setEnabled(enabled)
        if item_id is None:
            self.title.setText(
                self.tr("Välj ett resultat, en effekt eller en utgångspunkt för att se dess indikatorer.")
            )
        else:
            self.title.setText(self.tr("Indikatorer – {0}").format(title))
        self._fill()

    def current(self) -> Indicator | None:
        return next((i for i in self.indicators if i.key == self.key), None)

    def _fill(self) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for each in self.indicators:
            self.chooser.addItem(f"{each.key}  {each.text}", each.key)
        self.chooser.addItem(self.tr("＋ Ny indikator"), NEW)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(self.key)))
        self.chooser.blockSignals(False)
        indicator = self.current()
        if not self.text.hasFocus():
            self.text.setText(indicator.text if indicator else "")
        if not self.unit.hasFocus():
            self.unit.setCurrentText(indicator.unit if indicator else "")
        if not self.source.hasFocus():
            self.source.setText(indicator.source if indicator else "")
        has = indicator is not None and self.item_id is not None
        for widget in (self.remove, self.kind, self.period, self.women, self.men, self.total, self.note, self.save):
            widget.setEnabled(has)
        self.table.setEnabled(has)
        if indicator is not None and has and not self.period.text() and not self.women.text():
            baseline = indicator.baseline is None
            self.kind.setCurrentIndex(self.kind.findData(FiguresKind.BASELINE if baseline else FiguresKind.MEASUREMENT))
        self._fill_table(indicator)
        self._fill_summary(indicator)
        self._fill_chart(indicator)

    def _fill_table(self, indicator: Indicator | None) -> None:
        selected = self.table.currentItem()
        was = (selected.data(0, KIND_ROLE), selected.data(0, PERIOD_ROLE)) if selected is not None else None
        self.table.clear()
        if indicator is None:
            return
        language = self.language
        rows: list[tuple[FiguresKind, Figures]] = []
        if indicator.baseline is not None:
            rows.append((FiguresKind.BASELINE, indicator.baseline))
        rows += [(FiguresKind.MEASUREMENT, figures) for figures in indicator.values]
        if indicator.target is not None:
            rows.append((FiguresKind.TARGET, indicator.target))
        marks = {FiguresKind.BASELINE: self.tr("utgångsvärde"), FiguresKind.TARGET: self.tr("mål")}
        for kind, figures in rows:
            period = f"{figures.period} ({marks[kind]})" if kind in marks else figures.period
            cells = [period, *(format_number(figures.value(g), language) for g in Group)]
            cells.append(format_number(figures.gap, language))
            entry = QTreeWidgetItem(cells)
            entry.setData(0, KIND_ROLE, kind.value)
            entry.setData(0, PERIOD_ROLE, figures.period)
            if figures.note:
                entry.setToolTip(0, figures.note)
            for column in range(1, 5):
                entry.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(entry)
            if was == (kind.value, figures.period):
                self.table.setCurrentItem(entry)
        for column in range(5):
            self.table.resizeColumnToContents(column)
        lines = max(self.table.topLevelItemCount(), 2)
        first = self.table.topLevelItem(0)
        row = self.table.visualItemRect(first).height() if first is not None else 0
        row = row or self.table.fontMetrics().height() + 4
        header = self.table.header().sizeHint().height()
        self.table.setFixedHeight(min(TABLE_HEIGHT, header + lines * row + 2 * self.table.frameWidth() + 2))

    def _fill_summary(self, indicator: Indicator | None) -> None:
        lines = summary_lines(summarize(indicator), self.language) if indicator is not None else []
        self.summary.setText("\n".join(lines))

    def _fill_chart(self, indicator: Indicator | None) -> None:
        if indicator is None or not (indicator.series or indicator.target):
            if self.canvas is not None:
                self.canvas.hide()
            return
        if self.canvas is None:
            from lardesk.ui.board.indicator_chart import IndicatorCanvas  # matplotlib: on first use

            self.canvas = IndicatorCanvas(self.language, parent=self)
            self.chart_box.addWidget(self.canvas)
        self.canvas.show()
        self.canvas.show_indicator(indicator)

    def rows(self) -> list[list[str]]:
        """The figures as the table shows them (for tests)."""
        result = []
        for index in range(self.table.topLevelItemCount()):
            entry = self.table.topLevelItem(index)
            if entry is not None:
                result.append([entry.text(column) for column in range(self.table.columnCount())])
        return result

    # -- editing ------------------------------------------------------------------------------------------
    def focus_first(self) -> None:
        """Where the keyboard goes from the board (I): the indicator chosen, or what a new one measures."""
        if self.item_id is None:
            return
        if self.current() is None:
            self.text.setFocus()
        else:
            self.period.setFocus()

    def _chosen(self, index: int) -> None:
        self.key = str(self.chooser.itemData(index) or NEW)
        self._clear_entry()
        self._fill()
        if self.key == NEW:
            self.text.setFocus()

    def _text_done(self) -> None:
        text = self.text.text().strip()
        if self.item_id is None or not text:
            return
        indicator = self.current()
        if indicator is None:
            key = self.doer.add_indicator(self.item_id, text, self.unit.currentText().strip(), self.source.text())
            if key is not None:
                self.key = key
                self._fill()
                self.unit.setFocus()
        elif text != indicator.text:
            self.doer.update_indicator(self.item_id, indicator.key, text=text)

    def _unit_done(self) -> None:
        indicator = self.current()
        unit = self.unit.currentText().strip()
        if (
            self.item_id is not None
            and indicator is not None
            and unit != indicator.unit
            and not self.doer.update_indicator(self.item_id, indicator.key, unit=unit)
        ):
            self.unit.setCurrentText(unit)  # refused: keep what was typed

    def _source_done(self) -> None:
        indicator = self.current()
        if self.item_id is not None and indicator is not None and self.source.text() != indicator.source:
            self.doer.update_indicator(self.item_id, indicator.key, source=self.source.text())

    def _remove_indicator(self) -> None:
        indicator = self.current()
        if self.item_id is not None and indicator is not None:
            self.doer.remove_indicator(self.item_id, indicator.key)

    def save_figures(self) -> None:
        """Save the figures typed (Enter in any of the fields); on success clear them for the next period."""
        indicator = self.current()
        if self.item_id is None or indicator is None:
            return
        kind = FiguresKind(self.kind.currentData())
        typed = {
            "period": self.period.text(),
            "women": self.women.text(),
            "men": self.men.text(),
            "total": self.total.text(),
            "note": self.note.text(),
        }
        if not any(value.strip() for value in typed.values()):
            return
        if self.doer.enter_figures(self.item_id, indicator.key, kind, typed):
            self._clear_entry()
            self.kind.setCurrentIndex(self.kind.findData(FiguresKind.MEASUREMENT))
            self.period.setFocus()

    def _clear_entry(self) -> None:
        for edit in (self.period, self.women, self.men, self.total, self.note):
            edit.clear()

    def _load_row(self, entry: QTreeWidgetItem) -> None:
        """Enter on a line: its figures back in the fields, to correct and save again."""
        indicator = self.current()
        if indicator is None:
            return
        kind, period = FiguresKind(entry.data(0, KIND_ROLE)), str(entry.data(0, PERIOD_ROLE))
        figures = _figures_of(indicator, kind, period)
        if figures is None:
            return
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.period.setText(figures.period)
        for group, edit in ((Group.WOMEN, self.women), (Group.MEN, self.men), (Group.TOTAL, self.total)):
            value = figures.value(group)
            edit.setText(format_number(value, self.language, grouping=False, missing=""))
        self.note.setText(figures.note)
        self.women.setFocus()
        self.women.selectAll()

    def _remove_row(self) -> None:
        indicator, entry = self.current(), self.table.currentItem()
        if self.item_id is None or indicator is None or entry is None:
            return
        row = self.table.indexOfTopLevelItem(entry)
        kind, period = FiguresKind(entry.data(0, KIND_ROLE)), str(entry.data(0, PERIOD_ROLE))
        if self.doer.remove_figures(self.item_id, indicator.key, kind, period):
            following = self.table.topLevelItem(min(row, self.table.topLevelItemCount() - 1))
            if following is not None:
                self.table.setCurrentItem(following)
            self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.back_to_board.emit()
                return True
            if watched is self.table and event.key() == Qt.Key.Key_Delete:
                self._remove_row()
                return True
        return super().eventFilter(watched, event)


def _figures_of(indicator: Indicator, kind: FiguresKind, period: str) -> Figures | None:
    if kind is FiguresKind.BASELINE:
        return indicator.baseline
    if kind is FiguresKind.TARGET:
        return indicator.target
    return next((f for f in indicator.values if f.period == period), None)
