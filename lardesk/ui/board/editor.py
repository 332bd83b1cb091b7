"""The panel beside the board for the selected item: its fields, and the list of what it leads to."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lardesk.charts.palette import PLURAL
from lardesk.method.guide import Guide
from lardesk.method.indicators import format_number
from lardesk.method.logic import STATUSES, ItemKind, StartingPointKind, link_target_kind
from lardesk.method.snapshot import ItemInfo
from lardesk.ui.board.look import category_label, previous_text, status_label
from lardesk.ui.board.state import BoardState
from lardesk.ui.wrapping import WrappingList

ITEM_ID_ROLE = int(Qt.ItemDataRole.UserRole)


class NoteEdit(QPlainTextEdit):
    """A note that is saved when it loses focus or on Ctrl+Enter."""

    committed = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.committed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ItemEditor(QWidget):
    field_changed = Signal(int, str, object)
    """(item id, field name, new value): text, status, outcome, unexpected, budget_sek, spent_sek."""
    link_toggled = Signal(int, int, bool)
    """(source id, target id, linked)."""
    move_wanted = Signal(int, int)
    delete_wanted = Signal(int)
    drop_wanted = Signal(int, bool)
    """(item id, True to drop it / False to restore it)."""
    back_to_board = Signal()

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.item: ItemInfo | None = None
        self._links_of: int | None = None
        """The item whose targets the list shows: its row is kept when the same item's list is filled again."""
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLineEdit()
        self.text.setAccessibleName(self.tr("Text"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Typ av utgångspunkt"))
        for category in StartingPointKind:
            self.category.addItem(category_label(guide, category.value), category.value)
        self.previous = QLabel()
        self.previous.setWordWrap(True)
        self.previous.setAccessibleName(self.tr("Förra uppföljningen"))
        self.previous.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.previous.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.previous.setObjectName("previousFollowUp")
        self.previous.setStyleSheet("#previousFollowUp { background:#eef3f7; border-radius:3px; padding:3px; }")
        self.dropped = QLabel()
        self.dropped.setWordWrap(True)
        self.dropped.setObjectName("droppedReason")
        self.dropped.setStyleSheet("#droppedReason { background:#eeeeee; border-radius:3px; padding:3px; }")
        self.outcome = NoteEdit()
        self.outcome.setAccessibleName(self.tr("Utfall"))
        self.outcome.setTabChangesFocus(True)
        self.outcome.setMaximumHeight(70)
        self.unexpected = QCheckBox(guide.term("unexpected"))
        self.budget = QLineEdit()
        self.budget.setAccessibleName(guide.term("budget_sek"))
        self.spent = QLineEdit()
        self.spent.setAccessibleName(guide.term("spent_sek"))
        self.links_label = QLabel()
        self.links_label.setWordWrap(True)
        self.links = WrappingList()
        self.links.setAccessibleName(self.tr("Leder till"))
        self.links.installEventFilter(self)
        self.up = QPushButton(self.tr("▲ Upp"))
        self.down = QPushButton(self.tr("▼ Ned"))
        self.delete = QPushButton(self.tr("Ta bort"))
        self.drop = QPushButton(self.tr("Stryk…"))
        self.drop.setToolTip(
            self.tr("Stryk punkten med en motivering: den står kvar, gråad, men räknas inte i luckorna")
        )
        self.up.setToolTip(self.tr("Flytta upp i kolumnen (Ctrl+Upp)"))
        self.down.setToolTip(self.tr("Flytta ned i kolumnen (Ctrl+Ned)"))
        self.delete.setToolTip(self.tr("Ta bort punkten och dess kopplingar (Delete)"))
        self.form = QFormLayout()
        self.form.addRow(self.tr("Text"), self.text)
        self.form.addRow(self.tr("Typ"), self.category)
        self.form.addRow(self.tr("Status"), self.status)
        self.form.addRow("", self.previous)
        self.form.addRow("", self.dropped)
        self.form.addRow(guide.term("outcome"), self.outcome)
        self.form.addRow("", self.unexpected)
        self.form.addRow(guide.term("budget_sek"), self.budget)
        self.form.addRow(guide.term("spent_sek"), self.spent)
        buttons = QHBoxLayout()
        for button in (self.up, self.down, self.drop, self.delete):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.links_label)
        layout.addWidget(self.links, 1)
        layout.addStretch(0)
        layout.addLayout(buttons)
        self.text.editingFinished.connect(self._text_done)
        self.status.activated.connect(self._status_done)
        self.category.activated.connect(self._category_done)
        self.drop.clicked.connect(self._drop)
        self.outcome.committed.connect(self._outcome_done)
        self.unexpected.toggled.connect(self._unexpected_done)
        self.budget.editingFinished.connect(lambda: self._amount_done("budget_sek", self.budget))
        self.spent.editingFinished.connect(lambda: self._amount_done("spent_sek", self.spent))
        self.links.itemChanged.connect(self._link_changed)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.delete.clicked.connect(self._delete)
        self.show_item(None, BoardState())

    # -- showing ------------------------------------------------------------------------------------------
    def show_item(self, item: ItemInfo | None, state: BoardState) -> None:
        self.item = item
        widgets: list[QWidget] = [self.text, self.status, self.outcome, self.unexpected, self.budget, self.spent]
        widgets.extend([self.category, self.links, self.up, self.down, self.drop, self.delete])
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self._fill(item, state)
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def _fill(self, item: ItemInfo | None, state: BoardState) -> None:
        guide = self.guide
        enabled = item is not None
        for widget in (self.text, self.outcome, self.links, self.up, self.down, self.drop, self.delete):
            widget.setEnabled(enabled)
        if item is None:
            self.title.setText(self.tr("Välj en punkt på tavlan (klicka eller använd piltangenterna)."))
            self.text.clear()
            self.outcome.clear()
            self.status.clear()
            self.links.clear()
            self._links_of = None
            self.links_label.clear()
            for other in (self.status, self.unexpected, self.budget, self.spent, self.category):
                other.setEnabled(False)
            self.form.setRowVisible(self.previous, False)
            self.form.setRowVisible(self.dropped, False)
            self.form.setRowVisible(self.category, False)
            return
        carried = f" – ↻ {guide.term('carried_over')}" if item.carried_over else ""
        self.title.setText(f"{guide.term(item.kind.value)} {item.key}{carried}")
        if self.text.text() != item.text or not self.text.hasFocus():
            self.text.setText(item.text)
        statuses = STATUSES.get(item.kind, ())
        self.status.clear()
        for status in statuses:
            self.status.addItem(status_label(guide, status), status)
        self.status.setEnabled(bool(statuses))
        if item.status in statuses:
            self.status.setCurrentIndex(statuses.index(item.status))
        if self.outcome.toPlainText() != item.outcome and not self.outcome.hasFocus():
            self.outcome.setPlainText(item.outcome)
        self.form.setRowVisible(self.status, bool(statuses))
        is_start = item.kind is ItemKind.STARTING_POINT
        self.form.setRowVisible(self.category, is_start)
        self.category.setEnabled(is_start)
        if is_start:
            index = self.category.findData(item.category.value if item.category else StartingPointKind.GOAL.value)
            self.category.setCurrentIndex(max(0, index))
        shows_previous = item.carried_over and bool(item.previous_status or item.previous_outcome)
        self.previous.setText(
            previous_text(guide, item.previous_status, item.previous_outcome) if shows_previous else ""
        )
        self.form.setRowVisible(self.previous, shows_previous)
        self.dropped.setText(f"{guide.term('dropped')}: {item.dropped_reason}" if item.dropped else "")
        self.form.setRowVisible(self.dropped, item.dropped)
        self.drop.setText(self.tr("Återställ") if item.dropped else self.tr("Stryk…"))
        self.drop.setAccessibleName(self.drop.text().rstrip("…"))
        self.form.setRowVisible(self.outcome, item.kind in STATUSES)
        self.form.setRowVisible(self.unexpected, item.kind in (ItemKind.RESULT, ItemKind.EFFECT))
        self.form.setRowVisible(self.budget, item.kind is ItemKind.RESOURCE)
        self.form.setRowVisible(self.spent, item.kind is ItemKind.RESOURCE)
        self.unexpected.setEnabled(item.kind in (ItemKind.RESULT, ItemKind.EFFECT))
        self.unexpected.setChecked(item.unexpected)
        is_resource = item.kind is ItemKind.RESOURCE
        self.budget.setEnabled(is_resource)
        self.spent.setEnabled(is_resource)
        self.budget.setText(self._amount_text(item.budget_sek))
        self.spent.setText(self._amount_text(item.spent_sek))
        self._fill_links(item, state)

    def _fill_links(self, item: ItemInfo, state: BoardState) -> None:
        target_kind = link_target_kind(item.kind)
        # a tick fills the list again and keeps its row; another item's list starts at the top, so that L and
        # Space never tick the row the previous item's list was left at
        current = self.links.currentRow() if item.id == self._links_of else 0
        self._links_of = item.id
        self.links.clear()
        if target_kind is None:
            self.links_label.setText(
                self.tr("Den här sortens punkt leder inte vidare; koppla till den från punkterna till vänster om den.")
            )
            self.links.setEnabled(False)
            self.links.hide()
            return
        self.links.show()
        if target_kind is ItemKind.STARTING_POINT:
            self.links_label.setText(
                self.tr("Svarar mot – {0} (L, sedan Blanksteg för att koppla):").format(
                    self.guide.term(PLURAL[target_kind]).lower()
                )
            )
        else:
            self.links_label.setText(
                self.tr("Leder till – {0} (L, sedan Blanksteg för att koppla):").format(
                    self.guide.term(PLURAL[target_kind]).lower()
                )
            )
        linked = {t for s, t in state.links if s == item.id}
        for target_id in state.columns[target_kind]:
            target = state.items[target_id]
            entry = QListWidgetItem(f"{target.key}  {target.text}")
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if target_id in linked else Qt.CheckState.Unchecked)
            entry.setData(ITEM_ID_ROLE, target_id)
            entry.setToolTip(target.text)
            self.links.addItem(entry)
        if self.links.count():
            self.links.setCurrentRow(max(0, min(current, self.links.count() - 1)))

    def focus_links(self) -> None:
        if self.links.isEnabled() and self.links.count():
            self.links.setFocus()
            if self.links.currentRow() < 0:
                self.links.setCurrentRow(0)

    def linked_targets(self) -> list[int]:
        return [
            int(self.links.item(row).data(ITEM_ID_ROLE))
            for row in range(self.links.count())
            if self.links.item(row).checkState() == Qt.CheckState.Checked
        ]

    # -- editing ------------------------------------------------------------------------------------------
    def _text_done(self) -> None:
        if self.item is not None and self.text.text().strip() and self.text.text().strip() != self.item.text:
            self.field_changed.emit(self.item.id, "text", self.text.text().strip())

    def _status_done(self, index: int) -> None:
        value = self.status.itemData(index)
        if self.item is not None and value and value != self.item.status:
            self.field_changed.emit(self.item.id, "status", value)

    def _category_done(self, index: int) -> None:
        value = self.category.itemData(index)
        current = self.item.category.value if self.item is not None and self.item.category else None
        if self.item is not None and value and value != current:
            self.field_changed.emit(self.item.id, "category", value)

    def _drop(self) -> None:
        if self.item is not None:
            self.drop_wanted.emit(self.item.id, not self.item.dropped)

    def _outcome_done(self) -> None:
        if self.item is not None and self.outcome.toPlainText() != self.item.outcome:
            self.field_changed.emit(self.item.id, "outcome", self.outcome.toPlainText())

    def _unexpected_done(self, checked: bool) -> None:
        if self.item is not None and checked != self.item.unexpected:
            self.field_changed.emit(self.item.id, "unexpected", checked)

    def _amount_text(self, value: float | None) -> str:
        """12 500 000 in Swedish (grouped as the minutes print it), 12500000 in English (no comma to misread)."""
        if value is None:
            return ""
        return format_number(value, self.guide.language, grouping=self.guide.language == "sv")

    def _amount_done(self, name: str, edit: QLineEdit) -> None:
        if self.item is None:
            return
        old = self.item.budget_sek if name == "budget_sek" else self.item.spent_sek
        text = edit.text().strip()
        if text == self._amount_text(old):
            return
        self.field_changed.emit(self.item.id, name, text or None)

    def _link_changed(self, entry: QListWidgetItem) -> None:
        if self.item is not None:
            target = int(entry.data(ITEM_ID_ROLE))
            self.link_toggled.emit(self.item.id, target, entry.checkState() == Qt.CheckState.Checked)

    def _move(self, step: int) -> None:
        if self.item is not None:
            self.move_wanted.emit(self.item.id, step)

    def _delete(self) -> None:
        if self.item is not None:
            self.delete_wanted.emit(self.item.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.links and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self.back_to_board.emit()
            return True
        return super().eventFilter(watched, event)
