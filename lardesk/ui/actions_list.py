"""Åtgärder: every improvement action across units, followed through the year.

Filter by owner, unit, status and "overdue only"; sort by any column. The status is set by keyboard: on a row,
the digits 1–6 set open, in progress, done, partly done, not done, dropped at once; F2 (or Enter) on the status
opens a list to choose from, and on the comment a line to type in. Each change is saved at once through the
services, dated today. An action past its date and still open or in progress shows "⚠ försenad" beside its
date (and in bold), not by colour alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.actions import ActionStatus
from lardesk.method.guide import load_guide
from lardesk.method.overview import ActionEntry
from lardesk.services import Changes
from lardesk.ui.bus import ChangeBus

if TYPE_CHECKING:
    from lardesk.services import Services

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
STATUS_KEYS: dict[int, ActionStatus] = {
    Qt.Key.Key_1.value: ActionStatus.OPEN,
    Qt.Key.Key_2.value: ActionStatus.IN_PROGRESS,
    Qt.Key.Key_3.value: ActionStatus.DONE,
    Qt.Key.Key_4.value: ActionStatus.PARTLY_DONE,
    Qt.Key.Key_5.value: ActionStatus.NOT_DONE,
    Qt.Key.Key_6.value: ActionStatus.DROPPED,
}
COLUMNS = ("unit", "session_date", "scale", "text", "owner", "due", "status", "status_comment", "status_date")
STATUS_COLUMN = COLUMNS.index("status")
COMMENT_COLUMN = COLUMNS.index("status_comment")


def status_label(status: ActionStatus) -> str:
    labels = {
        ActionStatus.OPEN: QCoreApplication.translate("ActionsModel", "Öppen"),
        ActionStatus.IN_PROGRESS: QCoreApplication.translate("ActionsModel", "Pågår"),
        ActionStatus.DONE: QCoreApplication.translate("ActionsModel", "Genomförd"),
        ActionStatus.PARTLY_DONE: QCoreApplication.translate("ActionsModel", "Delvis genomförd"),
        ActionStatus.NOT_DONE: QCoreApplication.translate("ActionsModel", "Inte genomförd"),
        ActionStatus.DROPPED: QCoreApplication.translate("ActionsModel", "Struken"),
    }
    return labels[status]


Commit = Callable[[ActionEntry, ActionStatus, str | None], ActionEntry | None]
"""commit(action, status, comment or None to keep it) → the action as saved, or None when it was refused."""


def add_labelled(layout: QHBoxLayout, fields: Iterable[tuple[str, QWidget]], stretch: int = 0) -> None:
    """Each field after its label: the label is its buddy (Alt+letter) and names it for screen readers."""
    for label_text, field in fields:
        label = QLabel(label_text, field.parentWidget())
        label.setBuddy(field)
        field.setAccessibleName(label_text.replace("&", "").rstrip(":"))
        layout.addWidget(label)
        layout.addWidget(field, stretch)


class ActionsModel(QAbstractTableModel):
    def __init__(self, commit: Commit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commit = commit
        self.actions: list[ActionEntry] = []
        self.today = dt.date.today()

    def load(self, actions: list[ActionEntry], today: dt.date) -> None:
        self.beginResetModel()
        self.actions = actions
        self.today = today
        self.endResetModel()

    def action(self, row: int) -> ActionEntry:
        return self.actions[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.actions)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.actions):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        action = self.actions[index.row()]
        column = COLUMNS[index.column()]
        overdue = action.is_overdue(self.today)
        if role == SORT_ROLE:
            return self._sort_value(action, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == "status":
                return action.status.value
            if column == "status_comment":
                return action.status_comment
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(action, column, overdue)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                nothing = self.tr("inget")
                return f"{self.headerData(index.column(), Qt.Orientation.Horizontal)}: {text or nothing}"
            if role == Qt.ItemDataRole.ToolTipRole and column not in ("text", "status_comment"):
                return None
            return text
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, action: ActionEntry, column: str, overdue: bool) -> str:
        if column == "unit":
            return action.display_unit
        if column == "session_date":
            return action.session_date.isoformat()
        if column == "scale":
            return "" if action.scale is None else str(action.scale)
        if column == "text":
            return action.text
        if column == "owner":
            return action.owner
        if column == "due":
            due = action.due.isoformat() if action.due else ""
            overdue_word = self.tr("försenad")
            return f"{due}  ⚠ {overdue_word}" if overdue else due
        if column == "status":
            return status_label(action.status)
        if column == "status_comment":
            return action.status_comment
        return action.status_date.isoformat() if action.status_date else ""

    @staticmethod
    def _sort_value(action: ActionEntry, column: str) -> object:
        if column == "scale":
            return -1 if action.scale is None else action.scale
        if column == "status":
            return list(ActionStatus).index(action.status)
        if column == "unit":
            return action.display_unit.casefold()
        if column in ("text", "owner", "status_comment"):
            return str(getattr(action, column)).casefold()
        value = getattr(action, column)
        return value.isoformat() if value else ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "unit": self.tr("Organisation – enhet"),
            "session_date": self.tr("Uppföljning"),
            "scale": self.tr("Skala"),
            "text": self.tr("Åtgärd"),
            "owner": self.tr("Ansvarig"),
            "due": self.tr("Klart senast"),
            "status": self.tr("Status"),
            "status_comment": self.tr("Kommentar"),
            "status_date": self.tr("Status satt"),
        }
        return titles[COLUMNS[section]] if 0 <= section < len(COLUMNS) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (STATUS_COLUMN, COMMENT_COLUMN):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        action = self.actions[index.row()]
        if index.column() == STATUS_COLUMN:
            try:
                status = ActionStatus(str(value))
            except ValueError:
                return False
            saved = self.commit(action, status, None)
        elif index.column() == COMMENT_COLUMN:
            if str(value) == action.status_comment:
                return False
            saved = self.commit(action, action.status, str(value))
        else:
            return False
        if saved is None:
            return False
        self.actions[index.row()] = saved
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(COLUMNS) - 1))
        return True

    def set_status(self, row: int, status: ActionStatus) -> bool:
        return self.setData(self.index(row, STATUS_COLUMN), status.value)


class StatusDelegate(QStyledItemDelegate):
    """The status as a list to choose from (arrows, or the first letter; Enter saves, Esc cancels)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QComboBox(parent)
        for status in ActionStatus:
            editor.addItem(status_label(status), status.value)
        editor.setAccessibleName(QCoreApplication.translate("ActionsModel", "Status"))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ActionsTable(QTableView):
    """The digits 1–6 set the current row's status at once."""

    def __init__(self, on_status: Callable[[QModelIndex, ActionStatus], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_status = on_status

    def keyPressEvent(self, event: QKeyEvent) -> None:
        status = STATUS_KEYS.get(event.key())
        no_modifier = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if status is not None and no_modifier and self.state() != QAbstractItemView.State.EditingState:
            current = self.currentIndex()
            if current.isValid():
                self.on_status(current, status)
                event.accept()
                return
        super().keyPressEvent(event)


class ActionsPanel(QWidget):
    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.writing = False
        """True while this panel saves a status: the change it caused needs no reload here."""
        self.everything: list[ActionEntry] = []
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.owner = QComboBox(self)
        self.unit = QComboBox(self)
        self.status = QComboBox(self)
        add_labelled(
            filters,
            (
                (self.tr("A&nsvarig:"), self.owner),
                (self.tr("&Enhet:"), self.unit),
                (self.tr("S&tatus:"), self.status),
            ),
            stretch=1,
        )
        self.overdue = QCheckBox(self.tr("Bara &försenade"), self)
        filters.addWidget(self.overdue)
        self.checkpoint_button = QPushButton(self.tr("Skriv &halvårsuppföljning…"), self)
        self.checkpoint_button.setAccessibleName(self.tr("Skriv ut åtgärderna för halvårsuppföljningen (PDF)"))
        self.checkpoint_button.clicked.connect(self.print_checkpoint)
        filters.addWidget(self.checkpoint_button)
        layout.addLayout(filters)
        self.model = ActionsModel(self._commit, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = ActionsTable(self._status_key, self)
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(STATUS_COLUMN, StatusDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.setAccessibleName(self.tr("Åtgärder i alla enheter"))
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(200)  # thousands of actions: measure the first rows, not all
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.setText(
            self.tr("Sätt status med tangenterna 1 Öppen, 2 Pågår, 3 Genomförd, 4 Delvis genomförd, 5 Inte "
                    "genomförd, 6 Struken — eller F2 för en lista. F2 på en kommentar skriver den.")
        )  # fmt: skip
        layout.addWidget(self.help)
        self.status.addItem(self.tr("Alla"), None)
        self.status.addItem(self.tr("Öppna och pågående"), "open+")
        for status in ActionStatus:
            self.status.addItem(status_label(status), status.value)
        for combo in (self.owner, self.unit, self.status):
            combo.currentIndexChanged.connect(lambda _i: self._filter())
        self.overdue.toggled.connect(lambda _on: self._filter())
        self.loaded = False
        """The actions are read when the tab is first shown (the overview opens without them)."""
        self.today = dt.date.today()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.refresh()

    def refresh(self, today: dt.date | None = None) -> None:
        self.loaded = True
        self.today = today or dt.date.today()
        self.everything = self.services.overview.actions(today=self.today)
        for combo, values, all_text in (
            (self.owner, sorted({a.owner for a in self.everything if a.owner}), self.tr("Alla ansvariga")),
            (self.unit, sorted({a.display_unit for a in self.everything}), self.tr("Alla enheter")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        owner = self.owner.currentData()
        unit = self.unit.currentData()
        status = self.status.currentData()
        overdue = self.overdue.isChecked()
        shown = [
            a
            for a in self.everything
            if (owner is None or a.owner == owner)
            and (unit is None or a.display_unit == unit)
            and (status is None or (a.status.is_open if status == "open+" else a.status.value == status))
            and (not overdue or a.is_overdue(self.today))
        ]
        self.model.load(shown, self.today)
        for column, name in enumerate(COLUMNS):
            if name != "text":
                self.table.resizeColumnToContents(column)

    def print_checkpoint(self) -> None:
        """The half-year checkpoint as PDF: the latest follow-up's actions of the unit chosen (or of all)."""
        from lardesk.reports.overview_pdf import render_checkpoint_pdf
        from lardesk.ui.i18n import current_language
        from lardesk.ui.overview import OverviewFiles, export_call

        path = OverviewFiles.ask_save(self, self.tr("halvårsuppföljning.pdf"), "PDF (*.pdf)")
        if not path:
            return
        unit = self.unit.currentData()
        guide = load_guide(current_language())
        today = self.today

        def write() -> None:
            actions = self.services.overview.checkpoint_actions([unit] if unit else [])
            render_checkpoint_pdf(actions, guide, path, today)

        self.bus.run(lambda: export_call(path, write), self)

    def _status_key(self, index: QModelIndex, status: ActionStatus) -> None:
        self.model.set_status(self.proxy.mapToSource(index).row(), status)

    def _commit(self, action: ActionEntry, status: ActionStatus, comment: str | None) -> ActionEntry | None:
        today = dt.date.today()

        def call() -> Changes:
            return self.services.sessions.set_action_status(action.id, status, comment, today)

        self.writing = True
        try:
            changes = self.bus.run(call, self)
        finally:
            self.writing = False
        if changes is None:
            return None
        saved = dataclasses.replace(
            action,
            status=status,
            status_comment=action.status_comment if comment is None else comment.strip(),
            status_date=today,
        )
        self.everything = [saved if a.id == action.id else a for a in self.everything]
        return saved
