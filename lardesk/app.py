"""The GUI's composition root: paths → QApplication → the main window, painted → the list of sessions (read
with the standard library's sqlite3, lardesk.services.listing) → database (backup + migrate, SQLAlchemy) →
the services in the window.

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


FIRST_PAINT_WAIT_MS = 400
"""How long to wait for the window's first paint before opening the database anyway (a hidden window)."""


EXIT_NO_DISPLAY = 2
"""No screen to open the window on: bad input from the user's point of view, told in one line (Qt itself
would abort the process with SIGABRT)."""


def run_gui(paths: Paths, argv: list[str] | None = None) -> int:
    from lardesk.display import display_problem

    problem = display_problem()
    if problem is not None:
        sys.stderr.write(f"lardesk: {problem}\n")
        return EXIT_NO_DISPLAY
    from PySide6.QtCore import QEvent, QObject, QTimer

    from lardesk.ui.application import create_application, install_error_dialog, log_to_file, show_main_window

    app = create_application(argv if argv is not None else sys.argv)
    install_error_dialog(log_to_file(paths.log_dir))
    window = show_main_window()
    opened: list[Services] = []

    def open_database() -> None:
        if opened or window.property("lardesk_opening"):
            return
        window.setProperty("lardesk_opening", True)
        from lardesk.services.listing import quick_listing

        listing = quick_listing(paths.database_url)
        if listing is None:
            attach_services()
        else:  # the list at once (the standard library reads it); the database layer loads right after
            window.show_listing(listing)
            QTimer.singleShot(0, attach_services)

    def attach_services() -> None:
        from lardesk.ui.storage_dialogs import open_services_interactively

        services = open_services_interactively(paths)
        if services is None:
            app.exit(2)
            return
        opened.append(services)
        window.attach(services)

    class AfterFirstPaint(QObject):
        """Opens the database once the window has painted itself (so the facilitator sees it at once)."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, open_database)
            return False

    after_paint = AfterFirstPaint(window)
    window.installEventFilter(after_paint)
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, open_database)
    try:
        return app.exec()
    finally:
        window.deleteLater()
        for services in opened:
            services.close()
