"""The QApplication (names, translations, style) and the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from lardesk.ui.i18n import install_language
from lardesk.ui.settings import ui_language

if TYPE_CHECKING:
    from lardesk.services import Services
    from lardesk.ui.main_window import MainWindow


def create_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("lardesk")
    app.setOrganizationName("lardesk")
    install_language(ui_language())
    return app


def show_main_window(services: Services | None = None) -> MainWindow:
    """The main window, shown; without services it waits for ``attach`` (see lardesk.app)."""
    from lardesk.ui.main_window import MainWindow

    window = MainWindow(services)
    window.show()
    return window
