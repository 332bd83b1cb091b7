"""The new-session dialog: organisation, unit, date, period, facilitator, participants, anonymity, and
"continue from last year" when the organisation has an earlier session."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.logic import ItemKind
from lardesk.method.people import Gender
from lardesk.method.snapshot import Anonymity, ParticipantInfo
from lardesk.services import NewParticipant, NewSession
from lardesk.ui.participants import anonymity_box, fit_gender_column, gender_box, language_box

if TYPE_CHECKING:
    from lardesk.services import Services

ROLE, NAME, GENDER = 0, 1, 2


class DateField(QDateEdit):
    """A date: Tab and Shift+Tab leave the field, as in every other field (QDateEdit would step through
    year, month and day); the arrow keys and the calendar still move within it."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class RowEnterDelegate(QStyledItemDelegate):
    """The participants' cells: Enter commits the cell and asks for the next row (Ctrl+Enter for creating),
    instead of only closing the editor."""

    entered = Signal(bool)
    """True when Ctrl was held."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QWidget)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
            self.entered.emit(bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
            return True
        return super().eventFilter(watched, event)


class NewSessionDialog(QDialog):
    def __init__(self, services: Services, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.previous_id: int | None = None
        self.setWindowTitle(self.tr("Ny uppföljning"))
        self.setAccessibleName(self.tr("Ny uppföljning"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.organisation = QComboBox(self)
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        names = sorted({entry.organisation.name for entry in services.sessions.list_sessions()})
        self.organisation.addItems(names)
        self.organisation.setCurrentText("")
        self.organisation.setAccessibleName(self.tr("Organisation"))
        line_edit = self.organisation.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("t.ex. Exempelkommunen"))
        self.unit = QLineEdit(self)
        self.unit.setAccessibleName(self.tr("Enhet"))
        self.unit.setPlaceholderText(self.tr("förvaltning, enhet, skola … (frivilligt)"))
        self.date = DateField(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(self.tr("Datum"))
        self.period = QLineEdit(str(dt.date.today().year), self)
        self.period.setAccessibleName(self.tr("Period som följs upp"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Rubrik"))
        self.title_edit.setPlaceholderText(self.tr("frivilligt"))
        self.facilitator = QLineEdit(self)
        self.facilitator.setAccessibleName(self.tr("Samtalsledare"))
        self.language = language_box(self)
        self.language.setAccessibleName(self.tr("Frågeguidens språk"))
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.anonymity = anonymity_box(self)
        self.anonymity.setAccessibleName(self.tr("Anonymitet"))
        self.anonymity.currentIndexChanged.connect(self._anonymity_changed)
        for label, field in (
            (self.tr("&Organisation:"), self.organisation),
            (self.tr("&Enhet:"), self.unit),
            (self.tr("&Datum:"), self.date),
            (self.tr("&Period:"), self.period),
            (self.tr("&Rubrik:"), self.title_edit),
            (self.tr("&Samtalsledare:"), self.facilitator),
            (self.tr("Frågeguidens &språk:"), self.language),
            (self.tr("&Anonymitet:"), self.anonymity),
        ):
            form.addRow(label, field)

        people = QGroupBox(self.tr("Deltagare"), self)
        people_layout = QVBoxLayout(people)
        self.table = QTableWidget(0, 3, people)
        self.table.setAccessibleName(self.tr("Deltagare"))
        self.table.setHorizontalHeaderLabels([self.tr("Roll"), self.tr("Namn (frivilligt)"), self.tr("Kön")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        fit_gender_column(self.table, GENDER)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setToolTip(self.tr("Enter: nästa rad (en ny rad efter den sista)"))
        cells = RowEnterDelegate(self.table)
        cells.entered.connect(lambda ctrl: self._create_by_key() if ctrl else self.next_participant_row())
        self.table.setItemDelegate(cells)
        # the buttons above the table: they stay where they are however many rows are added
        buttons = QHBoxLayout()
        self.add_person = QPushButton(self.tr("Lägg till deltagare"), people)
        self.add_person.setAccessibleName(self.tr("Lägg till deltagare"))
        self.add_person.clicked.connect(self._add_blank)
        self.remove_person = QPushButton(self.tr("Ta bort markerad"), people)
        self.remove_person.setAccessibleName(self.tr("Ta bort markerad deltagare"))
        self.remove_person.clicked.connect(self._remove_participant)
        self.previous_people = QPushButton(people)
        self.previous_people.setAccessibleName(self.tr("Ta med deltagarna från föregående uppföljning"))
        self.previous_people.clicked.connect(self._add_previous_participants)
        self.previous_people.hide()
        buttons.addWidget(self.add_person)
        buttons.addWidget(self.remove_person)
        buttons.addStretch(1)
        buttons.addWidget(self.previous_people)
        people_layout.addLayout(buttons)
        people_layout.addWidget(self.table)
        self._previous_participants: tuple[ParticipantInfo, ...] = ()

        self.continue_box = QGroupBox(self.tr("Fortsätt från föregående uppföljning"), self)
        self.continue_box.setCheckable(True)
        self.continue_box.setChecked(True)
        self.continue_box.setAccessibleName(self.tr("Fortsätt från föregående uppföljning"))
        continue_layout = QVBoxLayout(self.continue_box)
        self.continue_label = QLabel(self.continue_box)
        self.continue_label.setWordWrap(True)
        continue_layout.addWidget(self.continue_label)
        self.previous_actions = QListWidget(self.continue_box)
        self.previous_actions.setAccessibleName(self.tr("Förbättringsåtgärder från föregående uppföljning"))
        self.previous_actions.setMaximumHeight(110)
        self.previous_actions.setWordWrap(True)
        self.previous_actions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        continue_layout.addWidget(self.previous_actions)
        self.unexpected_label = QLabel(
            self.tr(
                "Oförutsedda resultat och effekter förra gången – kryssa för dem som ska bli nya utgångspunkter "
                "(Blanksteg), hoppa över resten:"
            ),
            self.continue_box,
        )
        self.unexpected_label.setWordWrap(True)
        self.unexpected = QListWidget(self.continue_box)
        self.unexpected.setAccessibleName(self.tr("Oförutsedda resultat och effekter som nya utgångspunkter"))
        self.unexpected.setMaximumHeight(110)
        self.unexpected.setWordWrap(True)
        self.unexpected_label.setBuddy(self.unexpected)
        continue_layout.addWidget(self.unexpected_label)
        continue_layout.addWidget(self.unexpected)
        self.continue_box.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Skapa"))
            ok.setToolTip(self.tr("Skapa uppföljningen (Ctrl+Enter)"))
        create = QShortcut(QKeySequence("Ctrl+Return"), self)
        create.activated.connect(self._create_by_key)
        create_enter = QShortcut(QKeySequence("Ctrl+Enter"), self)
        create_enter.activated.connect(self._create_by_key)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(people, 1)
        layout.addWidget(self.continue_box)
        layout.addWidget(self.buttons)
        self.organisation.currentTextChanged.connect(self._find_previous)
        self.unit.textChanged.connect(self._find_previous)
        self._find_previous()
        self.resize(720, 640)

    # -- keys ---------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter never creates the session by accident: in the participants it goes to the next row (a new
        one after the last), elsewhere to the next field. Ctrl+Enter or the button creates it."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._create_by_key()
                return
            focus = self.focusWidget()
            if focus is self.table or (focus is not None and self.table.isAncestorOf(focus)):
                self.next_participant_row()
                return
            if not isinstance(focus, QPushButton):
                self.focusNextChild()
                return
        super().keyPressEvent(event)

    def next_participant_row(self) -> None:
        """Commit the cell being typed in and start typing the role on the next row (added if needed)."""
        row = self.table.currentRow()
        if row < 0 or row == self.table.rowCount() - 1:
            row = self.add_participant()
        else:
            row += 1
            self.table.setCurrentCell(row, ROLE)
        item = self.table.item(row, ROLE)
        if item is not None:
            self.table.setFocus()
            self.table.editItem(item)

    def _create_by_key(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None and ok.isEnabled():
            ok.setFocus()  # the cell being typed in is committed as it loses the focus
            self.accept()

    # -- participants -------------------------------------------------------------------------------------
    def add_participant(self, role: str = "", name: str = "", gender: Gender = Gender.UNSPECIFIED) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, ROLE, QTableWidgetItem(role))
        self.table.setItem(row, NAME, QTableWidgetItem(name))
        combo = gender_box(self.table)
        combo.setAccessibleName(self.tr("Kön, deltagare %1").replace("%1", str(row + 1)))
        combo.setCurrentIndex(combo.findData(gender.value))
        self.table.setCellWidget(row, GENDER, combo)
        # in the Tab order right after the row above (a new widget would come last, and Tab from the last
        # gender went back to the top of the dialog); the buttons below the table follow the last row
        above = self.table.cellWidget(row - 1, GENDER) if row else None
        QWidget.setTabOrder(above if above is not None else self.table, combo)
        self._anonymity_changed()
        self.table.setCurrentCell(row, ROLE)
        return row

    def _add_blank(self) -> None:
        self.add_participant()
        self.table.setFocus()

    def _add_previous_participants(self) -> None:
        """Last time's participants as rows (role, name, gender), except those already in the table."""
        have = {(self._cell(row, ROLE), self._cell(row, NAME)) for row in range(self.table.rowCount())}
        for row in reversed(range(self.table.rowCount())):  # rows left blank go
            if not self._cell(row, ROLE) and not self._cell(row, NAME):
                self.table.removeRow(row)
        for person in self._previous_participants:
            if (person.role, person.name or "") not in have:
                self.add_participant(person.role, person.name or "", person.gender)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _remove_participant(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def participants(self) -> tuple[NewParticipant, ...]:
        anonymous = self.anonymity.currentData() == Anonymity.ANONYMOUS.value
        result = []
        for row in range(self.table.rowCount()):
            role_item, name_item = self.table.item(row, ROLE), self.table.item(row, NAME)
            role = role_item.text().strip() if role_item else ""
            name = name_item.text().strip() if name_item and not anonymous else ""
            combo = self.table.cellWidget(row, GENDER)
            gender = Gender(combo.currentData()) if isinstance(combo, QComboBox) else Gender.UNSPECIFIED
            if role or name or gender is not Gender.UNSPECIFIED:
                result.append(NewParticipant(role=role, name=name or None, gender=gender))
        return tuple(result)

    def _anonymity_changed(self) -> None:
        anonymous = self.anonymity.currentData() == Anonymity.ANONYMOUS.value
        for row in range(self.table.rowCount()):
            item = self.table.item(row, NAME)
            if item is None:
                continue
            flags = item.flags()
            if anonymous:
                item.setText("")
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEditable & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsEnabled)

    # -- last year ---------------------------------------------------------------------------------------
    def _find_previous(self) -> None:
        name, unit = self.organisation.currentText().strip(), self.unit.text().strip()
        previous = self.services.sessions.latest_session_id(name, unit) if name else None
        self.previous_id = previous
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(name))
        if previous is None:
            self.continue_box.hide()
            self.previous_people.hide()
            self._previous_participants = ()
            return
        snapshot = self.services.sessions.snapshot(previous, with_previous=False)
        info = snapshot.session
        self._previous_participants = snapshot.participants
        self.previous_people.setText(
            self.tr("Ta med deltagarna från föregående uppföljning (%1)").replace("%1", str(len(snapshot.participants)))
        )
        self.previous_people.setVisible(bool(snapshot.participants))
        self.continue_label.setText(
            self.tr(
                "Förra uppföljningen (%1, %2) blir utgångspunkt: dess programlogik följer med, aktiviteterna som "
                "planerade och resultat och effekter som förväntade, med förra uppföljningens status bredvid. "
                "Vad sa vi förra gången?"
            )
            .replace("%1", info.date.isoformat())
            .replace("%2", info.period or info.title or "")
        )
        self.previous_actions.clear()
        for action in snapshot.improvements:
            extra = ", ".join(x for x in (action.owner, action.due.isoformat() if action.due else "") if x)
            self.previous_actions.addItem(f"{action.text} ({extra})" if extra else action.text)
        if not snapshot.improvements:
            self.previous_actions.addItem(self.tr("(inga förbättringsåtgärder antecknades)"))
        self.unexpected.clear()
        for item in snapshot.items:
            if item.unexpected and item.kind in (ItemKind.RESULT, ItemKind.EFFECT):
                kind = self.tr("Resultat") if item.kind is ItemKind.RESULT else self.tr("Effekt")
                entry = QListWidgetItem(f"{kind} {item.key}: {item.text}", self.unexpected)
                entry.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                )
                entry.setCheckState(Qt.CheckState.Unchecked)
                entry.setData(Qt.ItemDataRole.UserRole, item.id)
        self.unexpected_label.setVisible(self.unexpected.count() > 0)
        self.unexpected.setVisible(self.unexpected.count() > 0)
        if self.unexpected.count():
            self.unexpected.setCurrentRow(0)
        if not self.facilitator.text():
            self.facilitator.setText(info.facilitator)
        self.continue_box.show()

    def new_session(self) -> NewSession:
        # isHidden, not isVisible: after exec() the dialog itself is hidden, and the box with it
        continue_from = self.previous_id if not self.continue_box.isHidden() and self.continue_box.isChecked() else None
        return NewSession(
            organisation=self.organisation.currentText().strip(),
            unit=self.unit.text().strip(),
            date=self.date.date().toPython(),  # type: ignore[arg-type]
            title=self.title_edit.text().strip(),
            period=self.period.text().strip(),
            facilitator=self.facilitator.text().strip(),
            language=str(self.language.currentData()),
            anonymity=Anonymity(self.anonymity.currentData()),
            participants=self.participants(),
            continue_from=continue_from,
            starting_points_from=self.accepted_starting_points() if continue_from is not None else (),
        )

    def accepted_starting_points(self) -> tuple[int, ...]:
        """The ids of last time's unexpected results and effects ticked to become new starting points."""
        return tuple(
            int(self.unexpected.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.unexpected.count())
            if self.unexpected.item(row).checkState() == Qt.CheckState.Checked
        )

    @classmethod
    def ask(cls, parent: QWidget | None, services: Services, language: str) -> NewSession | None:
        dialog = cls(services, language, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.new_session()
