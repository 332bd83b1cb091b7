"""Opening the database from the GUI: a clear dialog for every known problem, never a traceback.

A damaged database comes with the list of automatic backups and a button to put one back (the damaged file
is renamed aside, never overwritten); a newer, read-only or full database says what to do instead. The
problem is told in the UI language (``StorageError.localized``); the command line keeps the English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from lardesk.paths import Paths
from lardesk.services import StorageError
from lardesk.services.maintenance import (
    Backup,
    DatabaseDamaged,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    backups,
    can_restore,
    restore_backup,
)
from lardesk.ui.i18n import current_language

if TYPE_CHECKING:
    from lardesk.services import Services


def problem_title(error: StorageError) -> str:
    if isinstance(error, DatabaseTooNew):
        return QCoreApplication.translate("StorageProblemDialog", "Databasen kommer från en nyare lardesk")
    if isinstance(error, DatabaseReadOnly):
        return QCoreApplication.translate("StorageProblemDialog", "Databasen är skrivskyddad")
    if isinstance(error, DiskFull):
        return QCoreApplication.translate("StorageProblemDialog", "Disken är full")
    if isinstance(error, DatabaseDamaged):
        return QCoreApplication.translate("StorageProblemDialog", "Databasen är skadad")
    return QCoreApplication.translate("StorageProblemDialog", "Databasen kan inte öppnas")


class StorageProblemDialog(QDialog):
    """One problem with the database; for a damaged one, the backups to choose from."""

    def __init__(self, error: StorageError, offered: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.setWindowTitle(f"lardesk – {problem_title(error)}")
        layout = QVBoxLayout(self)
        self.title = QLabel(f"<b>{problem_title(error)}</b>", self)
        self.message = QLabel(error.localized(current_language()), self)
        self.message.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        self.backups = QListWidget(self)
        self.backups.setAccessibleName(self.tr("Säkerhetskopior"))
        for backup in offered:
            item = QListWidgetItem(backup.label)
            item.setData(256, str(backup.path))
            self.backups.addItem(item)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = None
        if offered:
            layout.addWidget(
                QLabel(
                    self.tr("Återställ en säkerhetskopia? Den skadade filen byts inte ut förrän du väljer, och sparas.")
                )
            )
            layout.addWidget(self.backups)
            self.backups.setCurrentRow(0)
            self.restore_button = self.buttons.addButton(
                self.tr("Återställ vald kopia"), QDialogButtonBox.ButtonRole.AcceptRole
            )
        self.quit_button = self.buttons.addButton(self.tr("Avsluta"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._offered = {str(b.path): b for b in offered}

    def chosen(self) -> Backup | None:
        item = self.backups.currentItem()
        return self._offered.get(str(item.data(256))) if item is not None else None

    @classmethod
    def inform(cls, text: str, *, problem: bool = False) -> None:
        """A message with one button (tests replace it, as they replace ``ask``)."""
        if problem:
            QMessageBox.critical(None, "lardesk", text)
        else:
            QMessageBox.information(None, "lardesk", text)

    @classmethod
    def ask(cls, error: StorageError, offered: list[Backup], parent: QWidget | None = None) -> Backup | None:
        """Show the problem; the backup to restore, or None to quit."""
        dialog = cls(error, offered, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.chosen()
        return None


def open_services_interactively(paths: Paths) -> Services | None:
    """Services for ``paths``, after a dialog per problem (and a restore, if the user chose one)."""
    from lardesk.services import Services  # the database layer loads here, after the first paint

    while True:
        try:
            return Services.for_paths(paths)
        except StorageError as error:
            offered = backups(paths) if can_restore(error) else []
            choice = StorageProblemDialog.ask(error, offered)
            if choice is None:
                return None
            try:
                kept = restore_backup(paths, choice.path)
            except StorageError as failed:
                StorageProblemDialog.inform(failed.localized(current_language()), problem=True)
                return None
            if kept is not None:
                StorageProblemDialog.inform(
                    QCoreApplication.translate(
                        "StorageProblemDialog",
                        "Säkerhetskopian är återställd. Den tidigare filen finns kvar, oförändrad, som {kept}.",
                    ).format(kept=kept)
                )
