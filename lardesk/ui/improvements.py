"""The improvement actions of "Vad kan göras för att ni ska få ett högre värde nästa år?": text, owner and
due date, written through as typed and undoable."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.snapshot import ImprovementInfo, SessionSnapshot
from lardesk.services import Changes, InputError
from lardesk.services.requests import ImprovementFields
from lardesk.ui.bus import ChangeBus
from lardesk.ui.write_through import ServiceCommand, WriteThrough

if TYPE_CHECKING:
    from lardesk.services import Services


class IdMap:
    """An action deleted and restored by undo comes back with a new id; older commands follow the alias."""

    def __init__(self) -> None:
        self._aliases: dict[int, int] = {}

    def resolve(self, id_: int) -> int:
        while id_ in self._aliases:
            id_ = self._aliases[id_]
        return id_

    def alias(self, old: int, new: int) -> None:
        if old != new:
            self._aliases[old] = new


class AddImprovement(QUndoCommand):
    def __init__(  # noqa: PLR0917 - the fields of the action
        self, bus: ChangeBus, ids: IdMap, session_id: int, text: str, scale: int | None, owner: str, due: str
    ) -> None:
        super().__init__(QCoreApplication.translate("ImprovementsEditor", "Ny åtgärd"))
        self.bus, self.ids, self.session_id = bus, ids, session_id
        self.fields = (text, scale, owner, due)
        self.first_id: int | None = None

    def redo(self) -> None:
        text, scale, owner, due = self.fields
        services = self.bus.services
        changes = self.bus.run(
            lambda: services.sessions.add_improvement(self.session_id, text, scale, owner, due or None)
        )
        if changes is None or changes.new_id is None:
            self.setObsolete(True)
            return
        if self.first_id is None:
            self.first_id = changes.new_id
        else:
            self.ids.alias(self.first_id, changes.new_id)

    def undo(self) -> None:
        if self.first_id is not None:
            target = self.ids.resolve(self.first_id)
            self.bus.run(lambda: self.bus.services.sessions.delete_improvement(target))


class DeleteImprovement(QUndoCommand):
    def __init__(self, bus: ChangeBus, ids: IdMap, session_id: int, info: ImprovementInfo) -> None:
        super().__init__(QCoreApplication.translate("ImprovementsEditor", "Ta bort åtgärd"))
        self.bus, self.ids, self.session_id, self.info = bus, ids, session_id, info

    def redo(self) -> None:
        target = self.ids.resolve(self.info.id)
        if self.bus.run(lambda: self.bus.services.sessions.delete_improvement(target)) is None:
            self.setObsolete(True)

    def undo(self) -> None:
        info, sessions = self.info, self.bus.services.sessions

        def restore() -> Changes:  # one transaction: the action comes back whole or not at all
            changes = sessions.add_improvement(
                self.session_id,
                info.text,
                info.scale,
                info.owner,
                info.due,
                position=info.position,
                status=info.status,
                status_comment=info.status_comment,
                status_date=info.status_date,
                key=info.key or None,
            )
            assert changes.new_id is not None
            self.ids.alias(self.ids.resolve(info.id), changes.new_id)
            return changes

        self.bus.run(restore)


class ActionRow:
    """The widgets of one improvement action."""

    def __init__(self, editor: ImprovementsEditor, info: ImprovementInfo, grid: QGridLayout, row: int) -> None:
        self.info = info
        parent = editor
        self.text = QLineEdit(info.text, parent)
        self.text.setAccessibleName(QCoreApplication.translate("ImprovementsEditor", "Åtgärd"))
        self.owner = QLineEdit(info.owner, parent)
        self.owner.setAccessibleName(QCoreApplication.translate("ImprovementsEditor", "Ansvarig"))
        self.owner.setPlaceholderText(QCoreApplication.translate("ImprovementsEditor", "Ansvarig"))
        self.due = QLineEdit(info.due.isoformat() if info.due else "", parent)
        self.due.setAccessibleName(QCoreApplication.translate("ImprovementsEditor", "Klart senast (ÅÅÅÅ-MM-DD)"))
        self.due.setPlaceholderText(QCoreApplication.translate("ImprovementsEditor", "ÅÅÅÅ-MM-DD"))
        self.due.setMaximumWidth(self.due.fontMetrics().horizontalAdvance("0000-00-00") + 24)
        self.remove = QPushButton(QCoreApplication.translate("ImprovementsEditor", "Ta bort"), parent)
        self.remove.setAccessibleName(QCoreApplication.translate("ImprovementsEditor", "Ta bort åtgärden"))
        self.remove.clicked.connect(lambda: editor.delete(self.info))
        self.fields = {
            "text": WriteThrough(self.text, lambda old, new: editor.update_action(self.info.id, "text", old, new)),
            "owner": WriteThrough(self.owner, lambda old, new: editor.update_action(self.info.id, "owner", old, new)),
            "due": WriteThrough(
                self.due, lambda old, new: editor.update_action(self.info.id, "due", old, new), debounce=False
            ),
        }
        for column, widget in enumerate((self.text, self.owner, self.due, self.remove)):
            grid.addWidget(widget, row, column)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.text, self.owner, self.due, self.remove)

    def show(self, info: ImprovementInfo) -> None:
        self.info = info
        self.fields["text"].show(info.text)
        self.fields["owner"].show(info.owner)
        self.fields["due"].show(info.due.isoformat() if info.due else "")


class ImprovementsEditor(QWidget):
    """The actions of one section (``scale``), with a line to add a new one (Enter adds it)."""

    def __init__(  # noqa: PLR0917 - what every step's editor is made of
        self,
        services: Services,
        bus: ChangeBus,
        undo: QUndoStack,
        ids: IdMap,
        session_id: int,
        scale: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.bus, self.undo_stack, self.ids = services, bus, undo, ids
        self.session_id, self.scale = session_id, scale
        self.rows: list[ActionRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        self.empty = QLabel(self.tr("Inga åtgärder ännu."), self)
        self.empty.setStyleSheet("color:palette(placeholder-text);")
        layout.addWidget(self.empty)
        add_row = QHBoxLayout()
        self.new_text = QLineEdit(self)
        self.new_text.setPlaceholderText(self.tr("Ny åtgärd – skriv och tryck Enter"))
        self.new_text.setAccessibleName(self.tr("Ny förbättringsåtgärd"))
        self.new_owner = QLineEdit(self)
        self.new_owner.setPlaceholderText(self.tr("Ansvarig"))
        self.new_owner.setAccessibleName(self.tr("Ansvarig för den nya åtgärden"))
        self.new_due = QLineEdit(self)
        self.new_due.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
        self.new_due.setAccessibleName(self.tr("Klart senast för den nya åtgärden (ÅÅÅÅ-MM-DD)"))
        self.new_due.setMaximumWidth(self.new_due.fontMetrics().horizontalAdvance("0000-00-00") + 24)
        self.add_button = QPushButton(self.tr("Lägg till"), self)
        self.add_button.setAccessibleName(self.tr("Lägg till åtgärden"))
        self.add_button.clicked.connect(self.add)
        for widget in (self.new_text, self.new_owner, self.new_due):
            widget.returnPressed.connect(self.add)
        add_row.addWidget(self.new_text, 3)
        add_row.addWidget(self.new_owner, 1)
        add_row.addWidget(self.new_due)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)

    def load(self, snapshot: SessionSnapshot) -> None:
        actions = snapshot.improvements_for(self.scale)
        if [row.info.id for row in self.rows] == [a.id for a in actions]:
            for row, info in zip(self.rows, actions, strict=True):
                row.show(info)
            return
        focused = self.focusWidget()
        had_focus = focused is not None and any(focused in row.widgets() for row in self.rows)
        for row in self.rows:
            for widget in row.widgets():
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.rows = [ActionRow(self, info, self.grid, index) for index, info in enumerate(actions)]
        self.empty.setVisible(not self.rows)
        if had_focus:
            self.new_text.setFocus()

    def add(self) -> None:
        text = self.new_text.text().strip()
        if not text:
            self.new_text.setFocus()
            return
        due = self.new_due.text().strip()
        if due:
            try:
                dt.date.fromisoformat(due)
            except ValueError:
                self.bus.run(lambda: _refuse(self.tr("Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2027-03-31.")), self)
                self.new_due.setFocus()
                return
        command = AddImprovement(self.bus, self.ids, self.session_id, text, self.scale, self.new_owner.text(), due)
        self.undo_stack.push(command)
        if command.first_id is not None:  # saved; a refused add keeps what was typed, to be put right
            self.new_text.clear()
            self.new_owner.clear()
            self.new_due.clear()
        self.new_text.setFocus()

    def update_action(self, improvement_id: int, field: str, old: str, new: str) -> bool:
        """Write a field of an action through; False when it was refused (it then stays unsaved on screen)."""
        sessions = self.services.sessions

        def call(value: str) -> Changes:
            # one field by name, as the table's column says (text, owner, due: each a str)
            return sessions.update_improvement(
                self.ids.resolve(improvement_id), **cast(ImprovementFields, {field: value})
            )

        command = ServiceCommand(
            self.bus,
            self.tr("Ändra åtgärd"),
            lambda: call(new),
            lambda: call(old),
            self,
            merge_key=("improvement", improvement_id, field),
        )
        self.undo_stack.push(command)
        return not command.refused

    def delete(self, info: ImprovementInfo) -> None:
        self.undo_stack.push(DeleteImprovement(self.bus, self.ids, self.session_id, info))


def _refuse(message: str) -> Changes:
    raise InputError(message)
