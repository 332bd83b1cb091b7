"""The QApplication (names, translations, style) and the main window."""

from __future__ import annotations

import io
import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from lardesk.ui.i18n import install_language
from lardesk.ui.settings import ui_language

if TYPE_CHECKING:
    from lardesk.services import Services
    from lardesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def install_error_dialog(log_file: Path | None) -> None:
    """A bug must not end the meeting silently: log it (with its traceback) and tell the facilitator.

    Everything typed is already in the database (it is written as it is typed), so the message can say so.
    """

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.error("unexpected error", exc_info=(kind, error, trace))
        where = (
            QCoreApplication.translate("Application", "Detaljerna finns i {file}.").format(file=log_file)
            if log_file
            else ""
        )
        QMessageBox.critical(
            QApplication.activeWindow(),
            "lardesk",
            QCoreApplication.translate(
                "Application",
                "Ett oväntat fel inträffade: {error}\n\nDet du har skrivit är redan sparat. "
                "Starta om lardesk om något ser fel ut.",
            ).format(error=error)
            + (f"\n\n{where}" if where else ""),
        )

    sys.excepthook = hook


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files only their owner may read (0600, whatever the umask): a log can quote a
    participant's name or a note."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)
        return io.TextIOWrapper(io.FileIO(fd, "a"), encoding=self.encoding, errors=self.errors)


def log_to_file(log_dir: Path) -> Path | None:
    """Warnings and errors to ``log_dir/lardesk.log`` (rotated, private); None if the folder cannot be written."""
    try:
        missing = [p for p in (log_dir, *log_dir.parents) if not p.exists()]
        log_dir.mkdir(parents=True, exist_ok=True)
        for made in missing:
            os.chmod(made, 0o700)
        handler = PrivateRotatingFileHandler(
            log_dir / "lardesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return log_dir / "lardesk.log"


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
