"""Undo and redo on the board: adding, editing, moving, dropping, restoring and deleting items (with their
links), linking, and changing an item's indicators.

Each change is made as before (the board shows it at once) and then recorded as a command whose first redo
does nothing; undo and redo run the service calls again. An item deleted and put back by undo gets a new id:
the commands follow it through an :class:`~lardesk.ui.improvements.IdMap`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from lardesk.method.indicators import Indicator
from lardesk.method.logic import ItemKind
from lardesk.method.snapshot import ItemInfo
from lardesk.services import Changes
from lardesk.ui.bus import ChangeBus
from lardesk.ui.improvements import IdMap

Run = Callable[[Callable[[], Changes]], Changes | None]
"""Runs a service call through the bus (and the board takes the change); the Changes, or None if refused."""


class Recorded(QUndoCommand):
    """A change already made on the board: the first redo is the change itself, so it does nothing."""

    def __init__(self, text: str, run: Run, redo: Callable[[], Changes], undo: Callable[[], Changes]) -> None:
        super().__init__(text)
        self._run, self._redo, self._undo = run, redo, undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)


class BoardHistory:
    """Makes the commands of one board (its session, its services, its id map) and puts them on a stack."""

    def __init__(self, bus: ChangeBus, session_id: int, run: Run) -> None:
        self.bus, self.session_id, self.run = bus, session_id, run
        self.ids = IdMap()

    def added(self, kind: ItemKind, text: str, new_id: int) -> QUndoCommand:
        ids, logic, session_id = self.ids, self.bus.services.logic, self.session_id

        def again() -> Changes:
            changes: Changes = logic.add_item(session_id, kind, text)
            if changes.new_id is not None:
                ids.alias(ids.resolve(new_id), changes.new_id)
            return changes

        return Recorded(
            QCoreApplication.translate("BoardHistory", "Ny punkt"),
            self.run,
            again,
            lambda: logic.delete_item(ids.resolve(new_id)),
        )

    def edited(self, before: ItemInfo, fields: dict[str, object]) -> QUndoCommand:
        ids, logic = self.ids, self.bus.services.logic
        old = {name: getattr(before, name) for name in fields}
        return Recorded(
            QCoreApplication.translate("BoardHistory", "Ändra punkt"),
            self.run,
            lambda: logic.update_item(ids.resolve(before.id), **fields),
            lambda: logic.update_item(ids.resolve(before.id), **old),
        )

    def moved(self, item_id: int, old_row: int, new_row: int) -> QUndoCommand:
        ids, logic = self.ids, self.bus.services.logic
        return Recorded(
            QCoreApplication.translate("BoardHistory", "Flytta punkt"),
            self.run,
            lambda: logic.move_item(ids.resolve(item_id), new_row),
            lambda: logic.move_item(ids.resolve(item_id), old_row),
        )

    def deleted(self, info: ItemInfo, links: Iterable[tuple[int, int]]) -> QUndoCommand:
        ids, logic, session_id = self.ids, self.bus.services.logic, self.session_id
        kept = tuple(links)

        def put_back() -> Changes:  # one transaction: the item and its links come back together
            current = ids.resolve(info.id)
            item = dataclasses.replace(info, id=current)
            changes: Changes = logic.put_back_item(
                session_id, item, [(ids.resolve(a), ids.resolve(b)) for a, b in kept]
            )
            if changes.new_id is not None:
                ids.alias(current, changes.new_id)
            return changes

        return Recorded(
            QCoreApplication.translate("BoardHistory", "Ta bort punkt"),
            self.run,
            lambda: logic.delete_item(ids.resolve(info.id)),
            put_back,
        )

    def dropped(self, item_id: int, reason: str, dropped: bool) -> QUndoCommand:
        """Struken with ``reason`` (``dropped``) or restored: undo does the other, with the same reason."""
        ids, logic = self.ids, self.bus.services.logic

        def drop() -> Changes:
            result: Changes = logic.drop_item(ids.resolve(item_id), reason)
            return result

        def restore() -> Changes:
            result: Changes = logic.restore_item(ids.resolve(item_id))
            return result

        if dropped:
            return Recorded(QCoreApplication.translate("BoardHistory", "Stryk punkt"), self.run, drop, restore)
        return Recorded(QCoreApplication.translate("BoardHistory", "Återställ punkt"), self.run, restore, drop)

    def linked(self, source: int, target: int, linked: bool) -> QUndoCommand:
        ids, logic = self.ids, self.bus.services.logic

        def link() -> Changes:
            result: Changes = logic.add_link(ids.resolve(source), ids.resolve(target))
            return result

        def unlink() -> Changes:
            result: Changes = logic.remove_link(ids.resolve(source), ids.resolve(target))
            return result

        if linked:
            return Recorded(QCoreApplication.translate("BoardHistory", "Koppla"), self.run, link, unlink)
        return Recorded(QCoreApplication.translate("BoardHistory", "Ta bort koppling"), self.run, unlink, link)

    def indicators_changed(
        self, item_id: int, before: tuple[Indicator, ...], after: tuple[Indicator, ...]
    ) -> QUndoCommand:
        """An indicator added, changed or removed, or its figures: the item's indicators written back whole."""
        ids, logic = self.ids, self.bus.services.logic
        return Recorded(
            QCoreApplication.translate("BoardHistory", "Ändra indikatorer"),
            self.run,
            lambda: logic.set_indicators(ids.resolve(item_id), after),
            lambda: logic.set_indicators(ids.resolve(item_id), before),
        )
