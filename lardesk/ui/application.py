"""The QApplication (names, translations, style) and the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMainWindow

from lardesk.services import Services
from lardesk.ui.i18n import install_language
from lardesk.ui.settings import ui_language


def create_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("lardesk")
    app.setOrganizationName("lardesk")
    install_language(ui_language())
    return app


def show_main_window(services: Services) -> QMainWindow:
    from lardesk.ui.main_window import MainWindow

    window = MainWindow(services)
    window.show()
    return window
