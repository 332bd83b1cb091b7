"""The GUI's composition root: paths → logging → database (backup + migrate) → QApplication → window."""

from __future__ import annotations

import logging
import sys

from lardesk.paths import Paths
from lardesk.services import Services, StorageError

log = logging.getLogger(__name__)


def run_gui(paths: Paths, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from lardesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("lardesk")
    app.setOrganizationName("lardesk")
    try:
        services = Services.for_paths(paths)
    except StorageError as error:
        QMessageBox.critical(None, "lardesk", error.message)
        return 2
    window = MainWindow(services)
    window.show()
    try:
        return app.exec()
    finally:
        services.close()
