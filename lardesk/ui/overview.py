"""Översikt: every unit's latest follow-up side by side (a heat-map table for a strategists' network meeting),
and the improvement actions across units (tab *Åtgärder*).

The table is model/view: :class:`OverviewModel` over the service's frozen :class:`~lardesk.method.overview.Overview`,
sorted by a proxy on numbers (not on the text). Each scale's cell shows the agreed value with the change since
the previous follow-up as a sign and an arrow ("6 ↑ +2"), and the median under it when at least three rated;
the background's lightness follows the value, but the number is always written, so nothing depends on colour.
No names appear: the overview counts actions, it does not list owners.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QCloseEvent, QColor, QFont, QFontMetrics, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lardesk.charts.palette import heat_colour, readable_text
from lardesk.method.guide import SECTIONS, Guide, load_guide
from lardesk.method.overview import Overview, UnitOverview, change_text, median_text
from lardesk.services import Changed, Changes
from lardesk.ui.actions_list import ActionsPanel, add_labelled
from lardesk.ui.bus import ChangeBus
from lardesk.ui.i18n import current_language
from lardesk.ui.settings import restore_window, save_window

if TYPE_CHECKING:
    from lardesk.services import Services

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
SESSION_ROLE = Qt.ItemDataRole.UserRole + 1
SETTINGS_KEY = "overview"
FIXED = ("organisation", "unit", "latest")
ACTION_COLUMNS = ("open", "in_progress", "overdue", "done")
REFRESH_DELAY_MS = 800
"""Edits in a session window arrive as they are typed: the overview reads again once they pause."""
BASE_POINT_SIZE = 13.0
"""Large by default: the table is read from the back of a room."""


class OverviewModel(QAbstractTableModel):
    """Units (rows) × organisation, unit, dates, the nine scales, the finding codes and the action counts."""

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.overview = Overview((), dt.date.today())
        self.columns: list[tuple[str, object]] = []
        self._set_columns()

    def _set_columns(self) -> None:
        self.columns = [(name, None) for name in FIXED]
        self.columns += [("scale", scale) for scale in SECTIONS]
        self.columns += [("finding", code) for code in self.overview.finding_codes]
        self.columns += [("actions", name) for name in ACTION_COLUMNS]

    def load(self, overview: Overview) -> None:
        self.beginResetModel()
        self.overview = overview
        self._set_columns()
        self.endResetModel()

    def unit(self, row: int) -> UnitOverview:
        return self.overview.units[row]

    def scale_column(self, scale: int) -> int:
        return self.columns.index(("scale", scale))

    # -- Qt --------------------------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.overview.units)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.overview.units):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        unit = self.overview.units[index.row()]
        kind, what = self.columns[index.column()]
        if role == SESSION_ROLE:
            return unit.latest.id
        if kind == "scale":
            assert isinstance(what, int)
            return self._scale_data(unit, what, role)
        if kind == "latest" and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # The latest follow-up's date, the previous one's under it in brackets.
            latest = unit.latest.date.isoformat()
            previous = unit.previous.date.isoformat() if unit.previous else ""
            if role == Qt.ItemDataRole.AccessibleTextRole:
                words = self.tr("Senaste %1, föregående %2").replace("%1", latest)
                return words.replace("%2", previous or self.tr("ingen"))
            return f"{latest}\n({previous})" if previous else latest
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, SORT_ROLE):
            value = self._value(unit, kind, what)
            if role == SORT_ROLE:
                return value if value is not None else ""
            text = "" if value is None else str(value)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                none = self.tr("ingen")
                return f"{self._title(kind, what)}: {text or none}"
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if kind in ("finding", "actions"):
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and kind == "actions" and what == "overdue" and unit.actions.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and kind == "finding":
            return f"{what} {self.guide.findings.get(str(what), '')}"
        return None

    def _value(self, unit: UnitOverview, kind: str, what: object) -> object:
        if kind == "organisation":
            return unit.organisation
        if kind == "unit":
            return unit.unit
        if kind == "latest":
            return unit.latest.date.isoformat()
        if kind == "finding":
            return unit.findings.get(str(what), 0)
        return int(getattr(unit.actions, str(what)))

    def _scale_data(self, unit: UnitOverview, number: int, role: int) -> Any:
        scale = unit.scale(number)
        if scale is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            first = "–" if scale.joint is None else str(scale.joint)
            if scale.change is not None:
                first += f"  {change_text(scale.change)}"
            median = median_text(scale.median, self._decimal())
            second = self.tr("md %1").replace("%1", median) if median else ""
            return f"{first}\n{second}" if second else first
        if role == SORT_ROLE:
            # Agreed value first, the median breaking ties; a unit without either sorts below every value.
            joint = -1 if scale.joint is None else scale.joint
            return joint * 100 + (scale.median or 0)
        colour = heat_colour(scale.joint if scale.joint is not None else scale.median)
        if role == Qt.ItemDataRole.BackgroundRole and colour:
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.ForegroundRole and colour:
            return QBrush(QColor(readable_text(colour)))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(scale.joint is not None)
            return font
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self.describe(unit, number)
        return None

    def describe(self, unit: UnitOverview, number: int) -> str:
        """The cell in words, for a screen reader and the tooltip."""
        scale = unit.scale(number)
        label = self.guide.scale(number).label
        if scale is None:
            return label
        parts = [self.tr("Skala %1 %2").replace("%1", str(number)).replace("%2", label)]
        if scale.joint is None:
            parts.append(self.tr("ingen samlad bedömning"))
        else:
            parts.append(self.tr("samlad bedömning %1").replace("%1", str(scale.joint)))
        if scale.previous_joint is not None:
            parts.append(
                self.tr("föregående %1 (%2)")
                .replace("%1", str(scale.previous_joint))
                .replace("%2", change_text(scale.change) or "–")
            )
        if scale.median is not None:
            parts.append(self.tr("median %1").replace("%1", median_text(scale.median, self._decimal())))
        parts.append(self.tr("%1 har bedömt").replace("%1", str(scale.n)))
        return ", ".join(parts)

    def _decimal(self) -> str:
        return "," if self.guide.language == "sv" else "."

    def _title(self, kind: str, what: object) -> str:
        titles = {
            "organisation": self.tr("Organisation"),
            "unit": self.tr("Enhet"),
            "latest": self.tr("Senaste\n(föregående)"),
        }
        if kind in titles:
            return titles[kind]
        if kind == "scale":
            return f"{what} {self.guide.scale(int(str(what))).label}"
        if kind == "finding":
            return str(what)
        actions = {
            "open": self.tr("Öppna"),
            "in_progress": self.tr("Pågår"),
            "overdue": self.tr("Försenade"),
            "done": self.tr("Klara"),
        }
        return actions[str(what)]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        kind, what = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == "scale":
                return f"{what}\n{self.guide.scale(int(str(what))).label}"
            return self._title(kind, what)
        if role == Qt.ItemDataRole.ToolTipRole:
            if kind == "scale":
                scale = self.guide.scale(int(str(what)))
                return (
                    self.tr("Skala %1 %2: samlad bedömning, förändring sedan föregående uppföljning och median")
                    .replace("%1", str(scale.number))
                    .replace("%2", scale.label)
                )
            if kind == "finding":
                return f"{what} {self.guide.findings.get(str(what), '')}"
            if kind == "actions":
                return self.tr("Åtgärder från den senaste uppföljningen: %1").replace("%1", self._title(kind, what))
        return None


class OverviewTab(QWidget):
    """The table with its filters (organisation, year, scale) and its exports."""

    open_session = Signal(int)
    """Enter or a double click on a row: open that unit's latest follow-up."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.guide = load_guide(current_language())
        self.point_size = BASE_POINT_SIZE
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.organisation = QComboBox(self)
        self.year = QComboBox(self)
        self.scale = QComboBox(self)
        add_labelled(
            filters,
            (
                (self.tr("&Organisation:"), self.organisation),
                (self.tr("Å&r:"), self.year),
                (self.tr("S&kala:"), self.scale),
            ),
        )
        # Sorting by keyboard too (the header's clicks are the mouse's way): a column and an order.
        self.sort = QComboBox(self)
        sort_label = QLabel(self.tr("Sor&tera:"), self)
        sort_label.setBuddy(self.sort)
        self.sort.setAccessibleName(self.tr("Sortera efter"))
        self.descending = QCheckBox(self.tr("&Högst först"), self)
        filters.addWidget(sort_label)
        filters.addWidget(self.sort)
        filters.addWidget(self.descending)
        filters.addStretch(1)
        self.csv_button = QPushButton(self.tr("Spara &CSV…"), self)
        self.csv_button.setAccessibleName(self.tr("Spara översikten som CSV"))
        self.csv_button.clicked.connect(self.export_csv)
        filters.addWidget(self.csv_button)
        self.pdf_button = QPushButton(self.tr("Spara &PDF…"), self)
        self.pdf_button.setAccessibleName(self.tr("Spara översikten som PDF"))
        self.pdf_button.clicked.connect(self.export_pdf)
        filters.addWidget(self.pdf_button)
        layout.addLayout(filters)
        self.model = OverviewModel(self.guide, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(True)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Översikt över enheternas senaste uppföljningar"))
        self.table.activated.connect(self._activated)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(60)  # widths from the first rows, not all 300 (or 3,000)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsClickable(True)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # two lines each: no row measured
        header.setSortIndicatorShown(True)
        layout.addWidget(self.table, 1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self._fill_filters()
        self.organisation.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.scale.currentIndexChanged.connect(lambda _i: self._show_scales())
        self._fill_sort()
        self.sort.currentIndexChanged.connect(lambda _i: self._sort_chosen())
        self.descending.toggled.connect(lambda _on: self._sort_chosen())
        header.sortIndicatorChanged.connect(self._sorted_by_header)
        self._apply_font()
        self.refresh()

    # -- filters ---------------------------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        organisations, years = self.services.overview.overview_choices()
        for combo, values, all_text in (
            (self.organisation, organisations, self.tr("Alla organisationer")),
            (self.year, tuple(str(y) for y in years), self.tr("Alla år (senaste)")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for value in values:
                combo.addItem(value, value)
            found = combo.findData(current)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
        if not self.scale.count():
            self.scale.addItem(self.tr("Alla skalor"), None)
            for number in SECTIONS:
                self.scale.addItem(f"{number} {self.guide.scale(number).label}", number)

    def _fill_sort(self) -> None:
        self.sort.addItem(self.tr("Organisation och enhet"), -1)
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "").replace("\n", " ")
            self.sort.addItem(title, column)

    def _sort_chosen(self) -> None:
        column = self.sort.currentData()
        order = Qt.SortOrder.DescendingOrder if self.descending.isChecked() else Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(int(column) if column is not None else -1, order)

    def _sorted_by_header(self, column: int, order: Qt.SortOrder) -> None:
        """A click on a header shows in the sort controls (without sorting again)."""
        for widget in (self.sort, self.descending):
            widget.blockSignals(True)
        self.sort.setCurrentIndex(max(self.sort.findData(column), 0))
        self.descending.setChecked(order == Qt.SortOrder.DescendingOrder)
        for widget in (self.sort, self.descending):
            widget.blockSignals(False)

    def selected_filters(self) -> tuple[str | None, int | None, int | None]:
        organisation = self.organisation.currentData()
        year = self.year.currentData()
        scale = self.scale.currentData()
        return organisation, int(year) if year else None, scale

    def refresh(self) -> None:
        organisation, year, _scale = self.selected_filters()
        overview = self.services.overview.overview(organisation=organisation, year=year)
        self.model.load(overview)
        self._show_scales()
        self._fit_columns()
        units = len(overview.units)
        self.summary.setText(
            self.tr("Enheter: %1. Samlad bedömning med förändring (↑ upp, ↓ ned, → oförändrad) och median (md) när "
                    "minst tre har bedömt. Enter öppnar den senaste uppföljningen.").replace("%1", str(units))
        )  # fmt: skip

    def reload_filters(self) -> None:
        self._fill_filters()

    def _show_scales(self) -> None:
        _organisation, _year, chosen = self.selected_filters()
        for number in SECTIONS:
            self.table.setColumnHidden(self.model.scale_column(number), chosen is not None and number != chosen)

    # -- looks -----------------------------------------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        self.point_size = max(8.0, min(32.0, self.point_size + 2 * steps))
        self._apply_font()

    def _apply_font(self) -> None:
        font = self.table.font()
        font.setPointSizeF(self.point_size)
        self.table.setFont(font)
        self.table.horizontalHeader().setFont(font)
        lines = self.table.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(2 * lines + 8)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column as wide as its widest text, measured here rather than by asking every cell (the
        view's own "resize to contents" asks each cell for each role: slow with hundreds of units)."""
        plain = self.table.fontMetrics()
        bold_font = QFont(self.table.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        header = self.table.horizontalHeader()
        header_metrics = QFontMetrics(header.font())
        pad = 2 * plain.horizontalAdvance("M")
        units = self.model.overview.units
        for column, (kind, _what) in enumerate(self.model.columns):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max((header_metrics.horizontalAdvance(line) for line in title.split("\n")), default=0)
            if kind in ("organisation", "unit"):
                texts = {u.organisation if kind == "organisation" else u.unit for u in units}
                width = max([width, *(plain.horizontalAdvance(text) for text in texts)])
            elif kind == "latest":
                width = max(width, plain.horizontalAdvance("2026-12-31"))
            elif kind == "scale":
                width = max(width, bold.horizontalAdvance("10  ↑ +10"), plain.horizontalAdvance("md 10,5"))
            else:
                width = max(width, plain.horizontalAdvance("000"))
            header.resizeSection(column, width + pad)

    # -- actions ---------------------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        session_id = index.data(SESSION_ROLE)
        if isinstance(session_id, int):
            self.open_session.emit(session_id)

    def export_csv(self) -> None:
        from lardesk.reports.overview_csv import write_overview_csv

        path = OverviewFiles.ask_save(self, self.tr("översikt.csv"), "CSV (*.csv)")
        if path:
            overview, scales = self.model.overview, self.shown_scales()
            self._export(path, lambda: write_overview_csv(overview, self.guide, path, scales))

    def export_pdf(self) -> None:
        from lardesk.reports.overview_pdf import render_overview_pdf

        path = OverviewFiles.ask_save(self, self.tr("översikt.pdf"), "PDF (*.pdf)")
        if path:
            overview, scales = self.model.overview, self.shown_scales()
            self._export(path, lambda: render_overview_pdf(overview, self.guide, path, scales))

    def shown_scales(self) -> tuple[int, ...]:
        _organisation, _year, chosen = self.selected_filters()
        return (chosen,) if chosen else SECTIONS

    def _export(self, path: str, write: Callable[[], None]) -> None:
        """Write what is shown; a file that cannot be written is said so (and an earlier file is kept)."""
        if self.bus.run(lambda: export_call(path, write), self) is not None:
            self.summary.setText(self.tr("Sparad: %1").replace("%1", path))


def export_call(path: str, write: Callable[[], None]) -> Changes:
    """Run an export as a service call would: an error of the file system becomes a message to show."""
    from lardesk.reports.typst_pdf import PublishError
    from lardesk.services import InputError

    try:
        write()
    except (OSError, PublishError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise InputError("{path}: could not be written ({reason})", path=path, reason=reason) from error
    return Changes(Changed.NONE)


class OverviewFiles:
    """The save dialog (a class so tests can choose the file)."""

    @classmethod
    def ask_save(cls, parent: QWidget | None, suggested: str, filter_: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, "lardesk", str(Path.home() / suggested), filter_)
        return path


class OverviewWindow(QMainWindow):
    """Översikt: the table of units and the list of actions, as two tabs (Ctrl+1, Ctrl+2)."""

    open_session = Signal(int)

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.tabs = QTabWidget(self)
        self.overview_tab = OverviewTab(services, bus, self.tabs)
        self.actions_panel = ActionsPanel(services, bus, self.tabs)
        self.tabs.addTab(self.overview_tab, self.tr("&Översikt"))
        self.tabs.addTab(self.actions_panel, self.tr("&Åtgärder"))
        self.setCentralWidget(self.tabs)
        self.setWindowTitle(self.tr("Översikt – lardesk"))
        self.overview_tab.open_session.connect(self.open_session)
        self._overview_stale = False
        self._actions_stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh_if_stale)
        bus.changed.connect(self._changed)
        for keys, slot in (
            ("Ctrl+1", lambda: self.tabs.setCurrentIndex(0)),
            ("Ctrl+2", lambda: self.tabs.setCurrentIndex(1)),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.overview_tab.zoom(1)),
            ("Ctrl+=", lambda: self.overview_tab.zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.overview_tab.zoom(-1)),
            (QKeySequence.StandardKey.Close, self.close),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.addAction(action)
        if not restore_window(self, SETTINGS_KEY):
            self.resize(1300, 720)

    def _changed(self, changes: Changes) -> None:
        relevant = Changed.SESSIONS | Changed.RATINGS | Changed.JOINT | Changed.LOGIC | Changed.IMPROVEMENTS
        relevant |= Changed.PARTICIPANTS
        if not changes.what & relevant:
            return
        self._overview_stale = True  # a status set in the actions tab changes the overview's counts too
        if not self.actions_panel.writing:  # … but the actions tab already shows what it saved
            self._actions_stale = True
        self._timer.start()

    def _refresh_if_stale(self) -> None:
        if not self.isVisible():
            return
        if self._overview_stale:
            self._overview_stale = False
            self.overview_tab.reload_filters()
            self.overview_tab.refresh()
        if self._actions_stale:
            self._actions_stale = False
            if self.actions_panel.loaded:
                self.actions_panel.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._overview_stale or self._actions_stale:
            self._timer.start(0)

    def closeEvent(self, event: QCloseEvent) -> None:
        save_window(self, SETTINGS_KEY)
        super().closeEvent(event)
