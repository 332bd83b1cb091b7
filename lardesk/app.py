"""The GUI's composition root: paths → QApplication → the main window, painted → database (backup +
migrate) → the sessions in the window.

The window is shown before the database is opened: importing SQLAlchemy and checking the schema take longer
than everything else at start-up, and a window that appears at once is what a facilitator in front of a
room needs. A database that cannot be opened gets its dialog (damaged, newer, read-only, full disk — with an
offer to restore a backup) over that window.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from lardesk.paths import Paths

if TYPE_CHECKING:
    from lardesk.services import Services

log = logging.getLogger(__name__)


def run_gui(paths: Paths, argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QTimer

    from lardesk.ui.application import create_application, show_main_window

    app = create_application(argv if argv is not None else sys.argv)
    window = show_main_window()
    opened: list[Services] = []

    def open_database() -> None:
        from lardesk.ui.storage_dialogs import open_services_interactively

        services = open_services_interactively(paths)
        if services is None:
            app.exit(2)
            return
        opened.append(services)
        window.attach(services)

    QTimer.singleShot(0, open_database)
    try:
        return app.exec()
    finally:
        window.deleteLater()
        for services in opened:
            services.close()
