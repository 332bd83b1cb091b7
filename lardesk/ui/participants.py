"""Who is in the room: the participants of a session, edited on the day (someone is away, someone joins)."""

from __future__ import annotations

from typing import Unpack

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.guide import LANGUAGES
from lardesk.method.people import Gender
from lardesk.method.snapshot import Anonymity, ParticipantInfo, SessionSnapshot
from lardesk.services import Changes, NewParticipant
from lardesk.services.requests import ParticipantFields
from lardesk.ui.bus import ChangeBus

ROLE, NAME, GENDER, PRESENT = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole


def gender_box(parent: QWidget | None) -> QComboBox:
    """The gender of a participant (the same choices in the dialog and in the session)."""
    box = QComboBox(parent)
    for value, text in (
        (Gender.UNSPECIFIED, QCoreApplication.translate("Gender", "Ej angivet")),
        (Gender.WOMAN, QCoreApplication.translate("Gender", "Kvinna")),
        (Gender.MAN, QCoreApplication.translate("Gender", "Man")),
        (Gender.OTHER, QCoreApplication.translate("Gender", "Annat")),
    ):
        box.addItem(text, value.value)
    return box


OPENNESS = {Anonymity.ANONYMOUS: 0, Anonymity.ROLES: 1, Anonymity.OPEN: 2}
"""How much of who said what a mode shows: going up asks the group first, going down removes names."""


def anonymity_box(parent: QWidget | None) -> QComboBox:
    """The anonymity modes, from the most closed to the most open (so that the arrow keys move one way),
    with the default chosen; the same choices when a session is created and later, in the room."""
    box = QComboBox(parent)
    for mode, text in (
        (Anonymity.ANONYMOUS, QCoreApplication.translate("Anonymity", "Anonymt: inga namn sparas alls")),
        (Anonymity.ROLES, QCoreApplication.translate("Anonymity", "Namn sparas, bedömningar visas utan namn")),
        (Anonymity.OPEN, QCoreApplication.translate("Anonymity", "Öppet: namn visas vid bedömningarna")),
    ):
        box.addItem(text, mode.value)
    box.setCurrentIndex(box.findData(Anonymity.ROLES.value))
    return box


def language_box(parent: QWidget | None) -> QComboBox:
    """The languages of the question guide."""
    box = QComboBox(parent)
    for code, name in (
        ("sv", QCoreApplication.translate("Language", "Svenska")),
        ("en", QCoreApplication.translate("Language", "Engelska")),
    ):
        if code in LANGUAGES:
            box.addItem(name, code)
    return box


def fit_gender_column(table: QTableWidget, column: int) -> None:
    """The gender column as wide as its longest choice (a cell widget does not count for ResizeToContents,
    which left the column about 30 px wide)."""
    probe = gender_box(None)
    width = max(probe.sizeHint().width(), table.horizontalHeader().sectionSizeHint(column)) + 4
    probe.deleteLater()
    table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    table.horizontalHeader().resizeSection(column, width)


class ParticipantsEditor(QWidget):
    """Role, name (not in anonymous mode), gender and presence; each change is written at once."""

    def __init__(self, bus: ChangeBus, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bus, self.session_id = bus, session_id
        self.people: tuple[ParticipantInfo, ...] = ()
        self.rated: set[int] = set()
        self.anonymous = False
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Deltagare"))
        self.table.setHorizontalHeaderLabels([self.tr("Roll"), self.tr("Namn"), self.tr("Kön"), self.tr("Närvarande")])
        header = self.table.horizontalHeader()
        for column, mode in (
            (ROLE, QHeaderView.ResizeMode.Stretch),
            (NAME, QHeaderView.ResizeMode.Stretch),
            (PRESENT, QHeaderView.ResizeMode.ResizeToContents),
        ):
            header.setSectionResizeMode(column, mode)
        fit_gender_column(self.table, GENDER)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda *_: self._enable())
        self.add_button = QPushButton(self.tr("Lägg till deltagare"), self)
        self.add_button.setAccessibleName(self.tr("Lägg till deltagare"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Ta bort markerad"), self)
        self.remove_button.setAccessibleName(self.tr("Ta bort markerad deltagare"))
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def load(self, snapshot: SessionSnapshot) -> None:
        anonymous = snapshot.session.anonymity is Anonymity.ANONYMOUS
        if anonymous != self.anonymous:  # the mode changed in the room: the name column changes with it
            self.people = ()
        self.anonymous = anonymous
        self.rated = {rating.participant_id for rating in snapshot.ratings}
        if snapshot.participants == self.people:
            self._enable()
            return
        same_rows = [p.id for p in snapshot.participants] == [p.id for p in self.people]
        self.people = snapshot.participants
        if same_rows:
            self._update_rows()
            return
        row_now = self.table.currentRow()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            role = QTableWidgetItem(person.role)
            role.setData(ID_ROLE, person.id)
            name = QTableWidgetItem(person.name or "")
            if self.anonymous:
                name.setFlags(Qt.ItemFlag.NoItemFlags)
                name.setToolTip(self.tr("Anonym uppföljning: inga namn sparas."))
            present = QTableWidgetItem()
            present.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            present.setCheckState(Qt.CheckState.Checked if person.present else Qt.CheckState.Unchecked)
            present.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("Närvarande"))
            for column, item in ((ROLE, role), (NAME, name), (PRESENT, present)):
                self.table.setItem(row, column, item)
            self.table.setCellWidget(row, GENDER, self._gender_box(person))
        self.table.blockSignals(False)
        if 0 <= row_now < len(self.people):
            self.table.setCurrentCell(row_now, ROLE)
        self._fit()
        self._enable()

    def _update_rows(self) -> None:
        """The same people, changed values: update the cells in place (a widget being used stays)."""
        self.table.blockSignals(True)
        for row, person in enumerate(self.people):
            for column, text in ((ROLE, person.role), (NAME, person.name or "")):
                item = self.table.item(row, column)
                if item is not None and item.text() != text:
                    item.setText(text)
            present = self.table.item(row, PRESENT)
            if present is not None:
                present.setCheckState(Qt.CheckState.Checked if person.present else Qt.CheckState.Unchecked)
            box = self.table.cellWidget(row, GENDER)
            if isinstance(box, QComboBox) and box.currentData() != person.gender.value:
                box.blockSignals(True)
                box.setCurrentIndex(box.findData(person.gender.value))
                box.blockSignals(False)
        self.table.blockSignals(False)
        self._enable()

    def _gender_box(self, person: ParticipantInfo) -> QComboBox:
        box = gender_box(self.table)
        box.setAccessibleName(self.tr("Kön"))
        box.setCurrentIndex(box.findData(person.gender.value))
        box.currentIndexChanged.connect(
            lambda _index, pid=person.id, combo=box: self._update(pid, gender=str(combo.currentData()))
        )
        return box

    def _fit(self) -> None:
        rows = max(2, min(8, self.table.rowCount()))
        height = self.table.horizontalHeader().height() + rows * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 2)

    def _person_id(self, row: int) -> int | None:
        item = self.table.item(row, ROLE)
        value = item.data(ID_ROLE) if item is not None else None
        return int(value) if isinstance(value, int) else None

    def _enable(self) -> None:
        pid = self._person_id(self.table.currentRow())
        removable = pid is not None and pid not in self.rated
        self.remove_button.setEnabled(removable)
        self.remove_button.setToolTip(
            "" if removable or pid is None else self.tr("Har redan bedömningar: markera som frånvarande i stället.")
        )

    def _item_changed(self, item: QTableWidgetItem) -> None:
        pid = self._person_id(item.row())
        if pid is None:
            return
        if item.column() == ROLE:
            self._update(pid, role=item.text())
        elif item.column() == NAME and not self.anonymous:
            self._update(pid, name=item.text())
        elif item.column() == PRESENT:
            self._update(pid, present=item.checkState() == Qt.CheckState.Checked)

    def _update(self, participant_id: int, **fields: Unpack[ParticipantFields]) -> None:
        sessions = self.bus.services.sessions
        if self.bus.run(lambda: sessions.update_participant(participant_id, **fields), self) is None:
            self.people = ()  # show what is stored again on the next load

    def add(self) -> None:
        sessions = self.bus.services.sessions

        def call() -> Changes:
            return sessions.add_participant(self.session_id, NewParticipant(role=self.tr("Deltagare")))

        if self.bus.run(call, self) is not None:
            row = self.table.rowCount() - 1
            self.table.setCurrentCell(row, ROLE)
            self.table.setFocus()

    def remove(self) -> None:
        pid = self._person_id(self.table.currentRow())
        if pid is None or pid in self.rated:
            return
        sessions = self.bus.services.sessions
        self.bus.run(lambda: sessions.remove_participant(pid), self)
