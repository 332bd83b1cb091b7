"""Keeping the data safe: the automatic backups, listing them, and putting one back.

These work on the paths, not on open Services: a damaged database cannot be opened, and that is exactly
when a backup is wanted. Restore only while no lardesk process has the database open.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from lardesk.paths import Paths
from lardesk.storage.backups import DAILY_DAYS_KEPT, Backup, backup_sqlite, check_backup, list_backups, restore
from lardesk.storage.database import sqlite_file
from lardesk.storage.errors import (
    DatabaseDamaged,
    DatabaseReadOnly,
    DatabaseRefused,
    DatabaseTooNew,
    DatabaseUnavailable,
    DiskFull,
    StorageError,
)
from lardesk.storage.migrate import judge_file


def database_file(paths: Paths) -> Path | None:
    """The SQLite file these paths use (None for a database server)."""
    try:
        return sqlite_file(make_url(paths.database_url))
    except Exception:  # an unparsable URL: Services.open reports it
        return None


def backups(paths: Paths) -> list[Backup]:
    """The backups kept for this database, newest first (none for a database server)."""
    if database_file(paths) is None:
        return []
    return list_backups(paths.backup_dir)


def backup_now(paths: Paths, reason: str = "manual") -> Path:
    file = database_file(paths)
    if file is None or not file.exists():
        raise DatabaseUnavailable("There is no database file to back up (lardesk backs up SQLite files only).")
    return backup_sqlite(file, paths.backup_dir, reason)


def restore_backup(paths: Paths, backup: Path) -> Path | None:
    """Put ``backup`` in place of the database file; returns where the replaced file was kept (renamed)."""
    file = database_file(paths)
    if file is None:
        raise DatabaseUnavailable("Backups are kept for SQLite databases only; restore a server from its dumps.")
    check_backup(Path(backup))
    judge_file(Path(backup))  # a sound lardesk database of a schema this lardesk knows (not a newer one)
    return restore(Path(backup), file)


def can_restore(error: StorageError) -> bool:
    """Whether a backup may help: for a damaged file, yes; for a read-only file or a full disk, no."""
    return isinstance(error, DatabaseDamaged)


__all__ = [
    "DAILY_DAYS_KEPT",
    "Backup",
    "DatabaseDamaged",
    "DatabaseReadOnly",
    "DatabaseRefused",
    "DatabaseTooNew",
    "DatabaseUnavailable",
    "DiskFull",
    "StorageError",
    "backup_now",
    "backups",
    "can_restore",
    "check_backup",
    "database_file",
    "restore_backup",
]
