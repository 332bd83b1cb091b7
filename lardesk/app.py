"""The GUI's composition root: paths → logging → QApplication → database (backup + migrate) → window.

Kept small: the application object and the main window come from ``lardesk.ui.application``; opening the
database with its dialogs (damaged file, newer schema, restore a backup) from ``lardesk.ui.storage_dialogs``.
"""

from __future__ import annotations

import logging
import sys

from lardesk.paths import Paths

log = logging.getLogger(__name__)


def run_gui(paths: Paths, argv: list[str] | None = None) -> int:
    from lardesk.ui.application import create_application, show_main_window
    from lardesk.ui.storage_dialogs import open_services_interactively

    app = create_application(argv if argv is not None else sys.argv)
    services = open_services_interactively(paths)
    if services is None:
        return 2
    window = show_main_window(services)
    try:
        return app.exec()
    finally:
        window.deleteLater()
        services.close()
