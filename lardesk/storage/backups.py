"""Automatic, rotating backups of the SQLite database, and putting one back.

- At the first start of each day lardesk copies its database to ``<data dir>/backups`` (a *daily* backup) and
  keeps the daily backups of the last 7 days on which it was used. Before a schema upgrade it takes a copy
  too (*before-…*), and before a restore (*before-restore*); of those the newest few are kept.
- A copy is made with SQLite's online backup API (consistent even while another process writes), written
  under a temporary name, checked with ``PRAGMA quick_check``, flushed to the disk and only then given its
  final name: a crash or a full disk never leaves a half backup that looks like a good one.
- A restore never overwrites anything: the current file (damaged or not) and its ``-wal``/``-shm`` files are
  renamed aside (``lardesk.sqlite.replaced-<time>``), then the backup is copied into place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from lardesk.method.messages import Message
from lardesk.storage.database import explain, explain_os_error
from lardesk.storage.errors import DatabaseDamaged, StorageError

DAILY = "daily"
DAILY_DAYS_KEPT = 7
OTHERS_KEPT = 5
"""Of each other kind (before-<revision>, before-restore) the newest this many are kept."""
PREFIX = "lardesk-"
SUFFIX = ".sqlite"
_NAME = re.compile(r"^lardesk-(\d{8}-\d{6}-\d{6})-([A-Za-z0-9_.-]+)\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S-%f"
SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    created: dt.datetime
    reason: str
    """daily, before-<schema revision>, before-restore…"""
    size: int

    @property
    def label(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} ({self.reason}, {max(1, self.size // 1024)} kB)"


def list_backups(backup_dir: Path) -> list[Backup]:
    """The backups in ``backup_dir``, newest first (files that are not lardesk backups are left out)."""
    found: list[Backup] = []
    if not backup_dir.is_dir():
        return found
    for path in backup_dir.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            created = dt.datetime.strptime(match.group(1), _STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(Backup(path, created, match.group(2), size))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _quick_check(path: Path) -> str:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    finally:
        connection.close()
    return "; ".join(str(row[0]) for row in rows)


def copy_database(source: Path, target: Path) -> None:
    """A consistent, checked copy of ``source`` at ``target`` (replaced in one step only when complete)."""
    temp = target.with_name(f".{target.name}.partial")
    for stale in (temp, *(temp.with_name(temp.name + side) for side in SIDE_FILES)):
        stale.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        result = _quick_check(temp)
        if result != "ok":
            raise DatabaseDamaged(
                "The database file {path} is damaged ({detail}). It has not been changed. "
                "Restore a backup, or start with another data directory.",
                path=str(source),
                detail=result[:200],
            )
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
        _fsync_dir(target.parent)
    except sqlite3.DatabaseError as error:
        raise explain(error) from error
    except OSError as error:
        raise explain_os_error(
            error, Message("copying {source} to {target}", source=str(source), target=str(target))
        ) from error
    finally:
        temp.unlink(missing_ok=True)


def backup_sqlite(source: Path, backup_dir: Path, reason: str, now: dt.datetime | None = None) -> Path:
    """Copy ``source`` into ``backup_dir`` as ``lardesk-<time>-<reason>.sqlite``; prune old backups."""
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", reason):
        raise ValueError(f"not a backup reason: {reason!r}")
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise explain_os_error(error, Message("making the backup folder {folder}", folder=str(backup_dir))) from error
    stamp = (now or dt.datetime.now()).strftime(_STAMP)
    target = backup_dir / f"{PREFIX}{stamp}-{reason}{SUFFIX}"
    copy_database(source, target)
    prune(backup_dir)
    return target


def daily_backup(source: Path, backup_dir: Path, now: dt.datetime | None = None) -> Path | None:
    """The day's backup, if there is none yet for today; returns the new backup (None if there was one)."""
    now = now or dt.datetime.now()
    if not source.exists() or source.stat().st_size == 0:
        return None
    if any(b.reason == DAILY and b.created.date() == now.date() for b in list_backups(backup_dir)):
        return None
    return backup_sqlite(source, backup_dir, DAILY, now)


def prune(backup_dir: Path) -> list[Path]:
    """Keep the daily backups of the last DAILY_DAYS_KEPT days with one, and OTHERS_KEPT of each other kind."""
    removed: list[Path] = []
    days: set[dt.date] = set()
    kept_of: dict[str, int] = {}
    for backup in list_backups(backup_dir):  # newest first
        if backup.reason == DAILY:
            day = backup.created.date()
            if day in days or len(days) >= DAILY_DAYS_KEPT:
                removed.append(backup.path)
            else:
                days.add(day)
            continue
        kept_of[backup.reason] = kept_of.get(backup.reason, 0) + 1
        if kept_of[backup.reason] > OTHERS_KEPT:
            removed.append(backup.path)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def check_backup(path: Path) -> None:
    """Refuse a file that is not a sound lardesk database (before it is put in place of the current one)."""
    if not path.is_file():
        raise DatabaseDamaged("There is no backup {path}.", path=str(path))
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
        if header != b"SQLite format 3\x00":
            raise DatabaseDamaged("The backup {path} is not a lardesk database.", path=str(path))
        result = _quick_check(path)
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            has_version = connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseDamaged("The backup {path} is damaged: {detail}", path=str(path), detail=str(error)) from error
    except OSError as error:
        raise explain_os_error(error, Message("reading the backup {path}", path=str(path))) from error
    if result != "ok":
        raise DatabaseDamaged("The backup {path} is damaged ({detail}).", path=str(path), detail=result[:200])
    if not has_version:
        raise DatabaseDamaged("The backup {path} is not a lardesk database.", path=str(path))


def restore(backup: Path, target: Path, now: dt.datetime | None = None) -> Path | None:
    """Put ``backup`` in place of the database ``target``. Returns where the replaced file was kept.

    Nothing is overwritten: the current file and its -wal/-shm files are renamed aside first. Call it only
    while no lardesk process has the database open.
    """
    check_backup(backup)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            kept = target.with_name(f"{target.name}.replaced-{stamp}")
            counter = 1
            while kept.exists():
                kept = target.with_name(f"{target.name}.replaced-{stamp}-{counter}")
                counter += 1
            os.rename(target, kept)
            for side in SIDE_FILES:
                side_file = target.with_name(target.name + side)
                if side_file.exists():
                    os.rename(side_file, kept.with_name(kept.name + side))
        copy_database(backup, target)
    except OSError as error:
        raise explain_os_error(error, Message("restoring {backup}", backup=str(backup))) from error
    except StorageError:
        if kept is not None and not target.exists():  # put the old file back where it was
            os.rename(kept, target)
            for side in SIDE_FILES:
                moved = kept.with_name(kept.name + side)
                if moved.exists():
                    os.rename(moved, target.with_name(target.name + side))
        raise
    return kept


__all__ = [
    "DAILY_DAYS_KEPT",
    "Backup",
    "backup_sqlite",
    "check_backup",
    "copy_database",
    "daily_backup",
    "list_backups",
    "prune",
    "restore",
]
