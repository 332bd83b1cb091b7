"""Storage errors a user can act on (as opposed to bugs): each carries a message to show as it is.

    StorageError                 a known problem with the database
    ├── DatabaseRefused          lardesk will not use this database as it is; the file has not been changed
    │   ├── DatabaseDamaged      truncated, not SQLite, malformed pages, tables of another program
    │   ├── DatabaseTooNew       written by a newer lardesk (an unknown schema revision)
    │   ├── DatabaseReadOnly     the file (or its folder) cannot be written
    │   ├── DiskFull             the disk (or a size limit) refuses to take more data
    │   └── DatabaseUnusable     the place cannot hold a database: a folder, a device, an unreadable file
    └── DatabaseUnavailable      busy in another program, server unreachable, folder missing…

The command line exits with status 2 for a refused database; the GUI shows a dialog per class and offers
to restore a backup when the file is damaged.

Each is raised with an English template and named params, like the errors of refused input (see
``lardesk.method.messages``): ``str(error)`` and ``error.message`` are the English text (the command line
and the logs), ``error.localized("sv")`` the Swedish one (the GUI), from ``resources/messages/sv.json``.
Always pass the template as a literal string; a param that is itself a phrase to translate is a
:class:`~lardesk.method.messages.Message`.
"""

from __future__ import annotations

from lardesk.method.messages import SOURCE_LANGUAGE, Message, localize


class StorageError(Exception):
    """A known problem with the database: shown to the user, never as a traceback."""

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params: dict[str, object] = params
        self.message = localize(template, params, SOURCE_LANGUAGE)
        """The English text."""
        super().__init__(self.message)

    def localized(self, language: str) -> str:
        """The message in ``language`` ("sv" or "en"; an unknown language gives English)."""
        return localize(self.template, self.params, language)

    def as_message(self) -> Message:
        """The message alone, to pass on to another error as a param."""
        return Message(self.template, **self.params)


class DatabaseRefused(StorageError):
    """lardesk will not (or cannot) use this database as it is. The file has not been changed."""


class DatabaseTooNew(DatabaseRefused):
    pass


class DatabaseDamaged(DatabaseRefused):
    pass


class DatabaseUnavailable(StorageError):
    """Locked by another program for too long, server unreachable, folder missing…"""


class DatabaseReadOnly(DatabaseRefused, DatabaseUnavailable):
    """The database file or its folder cannot be written (permissions, a read-only medium, immutable)."""


class DiskFull(DatabaseRefused, DatabaseUnavailable):
    """The disk is full (or a file size limit was reached): nothing of the failed change was kept."""


class DatabaseUnusable(DatabaseRefused):
    """The database's place cannot be used: a folder or a device where the file should be, a data folder that
    is a file, a file lardesk may not read."""


class UnreadableValue(ValueError):
    """A value stored in the database that lardesk cannot read back (written by another program, or damaged).

    Raised while rows are loaded; :class:`lardesk.storage.database.Database` reports it as a damaged database
    (a message, exit status 2), and lists skip the row it is in instead of failing as a whole.
    """

    def __init__(self, column: str, value: str) -> None:
        self.column = column
        self.value = value
        super().__init__(f"{column}: {value[:60]!r}")


__all__ = [
    "DatabaseDamaged",
    "DatabaseReadOnly",
    "DatabaseRefused",
    "DatabaseTooNew",
    "DatabaseUnavailable",
    "DatabaseUnusable",
    "DiskFull",
    "StorageError",
    "UnreadableValue",
]
