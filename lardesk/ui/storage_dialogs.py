"""Opening the database from the GUI: a clear dialog for every known problem, never a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from lardesk.paths import Paths
from lardesk.services import Services, StorageError


def open_services_interactively(paths: Paths) -> Services | None:
    try:
        return Services.for_paths(paths)
    except StorageError as error:
        QMessageBox.critical(None, "lardesk", error.message)
        return None
