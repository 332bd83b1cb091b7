"""One signal for "something changed" (Anki's loop, cut down to size).

Every service call made from the UI goes through :meth:`ChangeBus.run`, which shows a bad input as a
message instead of a traceback and emits the returned :class:`~lardesk.services.Changes`; each view
refreshes only when its part changed (``if Changed.LOGIC in changes``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from lardesk.services import Changes, InputError, StorageError
from lardesk.ui.i18n import current_language

if TYPE_CHECKING:
    from lardesk.services import Services


class ChangeBus(QObject):
    changed = Signal(object)
    """Emitted with a Changes value after every successful service call."""
    failed = Signal(str)
    """Emitted with a message when a call was refused (bad input, in the UI language) or the database failed."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services

    def run(self, call: Callable[[], Changes], parent: QWidget | None = None, *, quiet: bool = False) -> Changes | None:
        """Run a service call; on success emit its Changes, on a known error show why and return None."""
        try:
            changes = call()
        except InputError as error:
            self._fail(error.localized(current_language()), parent, quiet)
            return None
        except StorageError as error:
            self._fail(error.localized(current_language()), parent, quiet)
            return None
        self.changed.emit(changes)
        return changes

    def _fail(self, message: str, parent: QWidget | None, quiet: bool) -> None:
        self.failed.emit(message)
        if not quiet:
            QMessageBox.warning(parent, "lardesk", message)
