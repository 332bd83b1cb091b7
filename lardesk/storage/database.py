"""The engine, its connection settings, and the one place where the schema is brought up to date."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from lardesk.storage.errors import DatabaseDamaged, DatabaseTooNew, DatabaseUnavailable, StorageError

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 5000
BACKUPS_KEPT = 14


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed edit survives a power cut too, not only a crash of the program.
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def sqlite_file(url: URL) -> Path | None:
    """The database file of a SQLite URL (None for other backends and in-memory databases)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def explain(error: BaseException, url: URL | None = None) -> StorageError:
    """Turn a driver error into a message a facilitator can act on."""
    text = str(getattr(error, "orig", None) or error)
    lowered = text.lower()
    where = f" ({sqlite_file(url)})" if url is not None and sqlite_file(url) else ""
    if "file is not a database" in lowered or "malformed" in lowered or "file is encrypted" in lowered:
        return DatabaseDamaged(
            f"The database file{where} is damaged or is not a lardesk database. It has not been changed. "
            "Restore a backup, or start with another data directory."
        )
    if "readonly" in lowered or "read-only" in lowered:
        return DatabaseUnavailable(f"The database{where} is read-only: lardesk cannot save changes to it.")
    if "disk is full" in lowered or "disk full" in lowered or "no space" in lowered:
        return DatabaseUnavailable(f"The disk is full: the database{where} cannot be changed. Free some space.")
    if "locked" in lowered or "busy" in lowered:
        return DatabaseUnavailable(
            f"The database{where} is busy in another program and did not become free in time. Try again."
        )
    if "unable to open" in lowered:
        return DatabaseUnavailable(f"The database{where} cannot be opened: check that the folder exists.")
    if "connection" in lowered or "could not connect" in lowered or "password" in lowered:
        return DatabaseUnavailable(f"The database server cannot be reached: {text.splitlines()[0]}")
    return StorageError(f"The database reported a problem: {text.splitlines()[0] if text else error!r}")


class Database:
    """An engine with its session factory. One per process; share it."""

    def __init__(self, url: str | URL, *, echo: bool = False) -> None:
        try:
            self.url = make_url(url)
        except ArgumentError as error:
            raise DatabaseUnavailable(f"Not a database URL: {url}") from error
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if self.url.get_backend_name() == "sqlite":
            kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine: Engine = create_engine(self.url, **kwargs)
        except (ArgumentError, ModuleNotFoundError) as error:
            raise DatabaseUnavailable(f"lardesk cannot use the database {self.url!r}: {error}") from error
        if self.url.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def file(self) -> Path | None:
        return sqlite_file(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short unit of work: commits on success, rolls back on any error."""
        try:
            with self._sessions.begin() as session:
                yield session
        except (OperationalError, DatabaseError) as error:
            raise explain(error, self.url) from error

    @contextmanager
    def reading(self) -> Iterator[Session]:
        try:
            with self._sessions() as session:
                yield session
        except (OperationalError, DatabaseError) as error:
            raise explain(error, self.url) from error

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as connection:
                yield connection
        except (OperationalError, DatabaseError) as error:
            raise explain(error, self.url) from error

    def dispose(self) -> None:
        self.engine.dispose()

    def table_names(self) -> list[str]:
        with self.connect() as connection:
            return inspect(connection).get_table_names()


def backup_sqlite(source: Path, backup_dir: Path, reason: str) -> Path:
    """A consistent copy of a SQLite file (the online backup API, safe with WAL and other readers)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"lardesk-{stamp}-{reason}.sqlite"
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.DatabaseError as error:
        target.unlink(missing_ok=True)
        raise explain(error) from error
    finally:
        src.close()
    _prune_backups(backup_dir)
    return target


def _prune_backups(backup_dir: Path, keep: int = BACKUPS_KEPT) -> None:
    backups = sorted(backup_dir.glob("lardesk-*.sqlite"))
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)


def check_sqlite_header(path: Path) -> None:
    """Refuse, without touching it, a file that is not a SQLite database at all (or is cut short)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(b"SQLite format 3\x00") or len(header) < 100:
        raise DatabaseDamaged(
            f"The file {path} is not a lardesk database (or it is damaged). It has not been changed. "
            "Restore a backup, or start with another data directory."
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages and page_size and path.stat().st_size < pages * page_size:
        wal = path.with_name(path.name + "-wal")
        if not wal.exists() or wal.stat().st_size == 0:
            raise DatabaseDamaged(
                f"The database file {path} is cut short (truncated). It has not been changed. "
                "Restore a backup, or start with another data directory."
            )


__all__ = [
    "Database",
    "DatabaseDamaged",
    "DatabaseTooNew",
    "DatabaseUnavailable",
    "StorageError",
    "backup_sqlite",
    "check_sqlite_header",
    "explain",
]
