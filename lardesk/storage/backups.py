"""Automatic, rotating backups of the SQLite database, and putting one back.

- At the first start of each day lardesk copies its database to ``<data dir>/backups`` (a *daily* backup) and
  keeps the daily backups of the last 7 days on which it was used. Before a schema upgrade it takes a copy
  too (*before-…*), and before a restore (*before-restore*); of those the newest few are kept.
- A copy is made with SQLite's online backup API (consistent even while another process writes), written
  under a temporary name, checked with ``PRAGMA quick_check``, flushed to the disk and only then given its
  final name: a crash or a full disk never leaves a half backup that looks like a good one.
- A restore never overwrites anything, and the database file is never missing on the way: the backup is
  copied beside the database (checked, flushed), the current file is kept under a second name
  (``lardesk.sqlite.replaced-<time>``, a hard link) and its ``-wal``/``-shm`` files are moved beside it, then
  the copy is renamed over the database in one step. A crash at any moment leaves the old or the new file.
- Every file and folder made here is private to its owner (0600, 0700) whatever the umask: the database
  holds names and each person's ratings.
- ``databases.txt`` in the backup folder lists the database files that had data: such a file that is later
  empty or missing is damage (see ``lardesk.storage.migrate.check_not_lost``), not a new start.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from lardesk.method.messages import Message
from lardesk.storage.database import explain, explain_os_error, untouched_uri
from lardesk.storage.errors import DatabaseDamaged

DAILY = "daily"
DAILY_DAYS_KEPT = 7
OTHERS_KEPT = 5
"""Of each other kind (before-<revision>, before-restore) the newest this many are kept."""
PREFIX = "lardesk-"
SUFFIX = ".sqlite"
_NAME = re.compile(r"^lardesk-(\d{8}-\d{6}-\d{6})-([A-Za-z0-9_.-]+)\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S-%f"
SIDE_FILES = ("-wal", "-shm", "-journal")
KNOWN_DATABASES = "databases.txt"
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def make_private_folder(folder: Path) -> None:
    """Make ``folder`` (and missing parents) readable by the owner only; an existing folder is left as it is."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for made in missing:
            os.chmod(made, PRIVATE_FOLDER)
    except OSError as error:
        raise explain_os_error(error, Message("making the data folder {folder}", folder=str(folder))) from error


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and private (0600) if it does not exist, so that SQLite (which gives its ``-wal``
    and ``-shm`` the database file's permissions) never makes it readable by others."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    except OSError as error:
        raise explain_os_error(error, Message("creating {path}", path=str(path))) from error
    os.close(fd)
    os.chmod(path, PRIVATE_FILE)  # os.open's mode passes through the umask, which may take bits, never add


def had_database(file: Path, backup_dir: Path) -> bool:
    """Whether lardesk recorded ``file`` as a database with data (in the backup folder's list)."""
    try:
        known = (backup_dir / KNOWN_DATABASES).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    return os.path.abspath(file) in known


def _remember_database(file: Path, backup_dir: Path) -> None:
    path = backup_dir / KNOWN_DATABASES
    if had_database(file, backup_dir):
        return
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        try:
            os.write(fd, (os.path.abspath(file) + "\n").encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)


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
    connection = sqlite3.connect(untouched_uri(path), uri=True)
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
        src = sqlite3.connect(untouched_uri(source), uri=True)
        try:
            create_private_file(temp)
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
        os.chmod(temp, PRIVATE_FILE)
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
    make_private_folder(backup_dir)
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
    made = backup_sqlite(source, backup_dir, DAILY, now)
    _remember_database(source, backup_dir)
    return made


def renew_daily_backup(source: Path, backup_dir: Path, now: dt.datetime | None = None) -> Path | None:
    """Replace today's daily backup with a fresh copy (after names were removed from the database, the day's
    backup must not keep them). Returns the new backup (None when there was no daily backup of today)."""
    now = now or dt.datetime.now()
    todays = [b for b in list_backups(backup_dir) if b.reason == DAILY and b.created.date() == now.date()]
    if not todays or not source.exists():
        return None
    made = backup_sqlite(source, backup_dir, DAILY, now)
    for old in todays:
        if old.path != made:
            old.path.unlink(missing_ok=True)
    return made


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
        connection = sqlite3.connect(untouched_uri(path), uri=True)
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

    Nothing is overwritten and ``target`` is never missing or half written: the backup is copied beside it
    first (checked and flushed), the current file is kept under a second name (a hard link) with its -wal/-shm
    files moved beside that, and then the copy is renamed over ``target`` in one step. Call it only while no
    lardesk process has the database open.
    """
    check_backup(backup)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    incoming = target.with_name(f".{target.name}.restoring")
    kept: Path | None = None
    try:
        make_private_folder(target.parent)
        copy_database(backup, incoming)
        if target.exists():
            kept = target.with_name(f"{target.name}.replaced-{stamp}")
            counter = 1
            while kept.exists():
                kept = target.with_name(f"{target.name}.replaced-{stamp}-{counter}")
                counter += 1
            try:
                os.link(target, kept)
            except OSError:  # a file system without hard links: a copy (the file is closed: no lardesk runs)
                shutil.copy2(target, kept)
            for side in SIDE_FILES:
                side_file = target.with_name(target.name + side)
                if side_file.exists():
                    os.replace(side_file, kept.with_name(kept.name + side))
            _fsync_dir(target.parent)
        os.replace(incoming, target)
        _fsync_dir(target.parent)
    except OSError as error:
        raise explain_os_error(error, Message("restoring {backup}", backup=str(backup))) from error
    finally:
        incoming.unlink(missing_ok=True)
    return kept


__all__ = [
    "DAILY_DAYS_KEPT",
    "Backup",
    "backup_sqlite",
    "check_backup",
    "copy_database",
    "create_private_file",
    "daily_backup",
    "had_database",
    "list_backups",
    "make_private_folder",
    "prune",
    "renew_daily_backup",
    "restore",
]
