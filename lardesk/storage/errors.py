"""Storage errors a user can act on (as opposed to bugs): each carries a message to show as it is."""

from __future__ import annotations


class StorageError(Exception):
    """A known problem with the database: shown to the user, never as a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseTooNew(StorageError):
    pass


class DatabaseDamaged(StorageError):
    pass


class DatabaseUnavailable(StorageError):
    """Read-only, locked by another program, disk full, server unreachable…"""
