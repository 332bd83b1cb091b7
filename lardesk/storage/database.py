"""The engine, its connection settings, and the one place where the schema is brought up to date."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from lardesk.method.messages import Message
from lardesk.storage.errors import (
    DatabaseDamaged,
    DatabaseReadOnly,
    DatabaseUnavailable,
    DiskFull,
    StorageError,
)

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10000
"""How long a writer waits for another process's transaction before it says the database is busy."""
WRITER_LOCK_KEY = 0x1A2DE5C
"""PostgreSQL advisory lock that writers take for the length of their transaction."""
BEGIN_OPTION = "lardesk_sqlite_begin"
"""Execution option: how a SQLite transaction begins ("IMMEDIATE" for writers, deferred for readers)."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver must not begin transactions on its own: SQLAlchemy's "begin" event does it (below), so that
    # a writer takes the write lock *before* it reads. Otherwise two processes could both read "the next key
    # is a11" and one of them would fail, or a deferred transaction could not be upgraded to a writer
    # (SQLITE_BUSY without waiting for the busy timeout).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed edit survives a power cut too, not only a crash of the program.
        cursor.execute("PRAGMA synchronous=FULL")
    except UnicodeDecodeError as error:
        # A damaged file can make SQLite's own error message unreadable: it is still a damaged file.
        raise sqlite3.DatabaseError("database disk image is malformed (unreadable error message)") from error
    finally:
        cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(BEGIN_OPTION, "")
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


def sqlite_file(url: URL) -> Path | None:
    """The database file of a SQLite URL (None for other backends and in-memory databases)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def explain(error: BaseException, url: URL | None = None) -> StorageError:
    """Turn a driver error into a message a facilitator can act on."""
    if isinstance(error, StorageError):
        return error
    text = str(getattr(error, "orig", None) or error)
    lowered = text.lower()
    file = sqlite_file(url) if url is not None else None
    where = f" ({file})" if file else ""  # a param, not the template: the file in brackets, or nothing
    if "file is not a database" in lowered or "malformed" in lowered or "file is encrypted" in lowered:
        return DatabaseDamaged(
            "The database file{where} is damaged or is not a lardesk database. It has not been changed. "
            "Restore a backup, or start with another data directory.",
            where=where,
        )
    if "readonly" in lowered or "read-only" in lowered:
        return DatabaseReadOnly(
            "The database{where} is read-only: lardesk cannot save changes to it. Nothing has been changed. "
            "Copy it to a folder you may write to, or ask for write permission.",
            where=where,
        )
    if "disk is full" in lowered or "disk full" in lowered or "no space" in lowered:
        return DiskFull(
            "The disk is full: the database{where} cannot take the change, which was not saved. "
            "Everything saved before is intact. Free some space and try again.",
            where=where,
        )
    if "disk i/o error" in lowered or "file too large" in lowered:
        return DiskFull(
            "The database{where} could not be written to the disk (is it full, or was it removed?). "
            "The change was not saved; everything saved before is intact. Free some space and try again.",
            where=where,
        )
    if "locked" in lowered or "busy" in lowered:
        return DatabaseUnavailable(
            "The database{where} is busy in another program and did not become free in time. Try again.",
            where=where,
        )
    if "unable to open" in lowered:
        return DatabaseUnavailable(
            "The database{where} cannot be opened: check that the folder exists.",
            where=where,
        )
    if "connection" in lowered or "could not connect" in lowered or "password" in lowered:
        return DatabaseUnavailable("The database server cannot be reached: {detail}", detail=text.splitlines()[0])
    return StorageError(
        "The database reported a problem: {detail}", detail=text.splitlines()[0] if text else repr(error)
    )


def explain_os_error(error: OSError, what: Message) -> StorageError:
    """An error of the operating system while lardesk handled one of its files (backups, copies).

    ``what`` names the work that failed, as a phrase that can be translated ("copying {source} to {target}").
    """
    import errno

    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull("The disk is full: {what} failed. Free some space and try again.", what=what)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return DatabaseReadOnly(
            "{what} failed: the folder or the file is read-only ({reason}).", what=what, reason=error.strerror
        )
    return StorageError("{what} failed: {reason}", what=what, reason=error.strerror or str(error))


class Database:
    """An engine with its session factory. One per process; share it."""

    def __init__(self, url: str | URL, *, echo: bool = False) -> None:
        try:
            self.url = make_url(url)
        except ArgumentError as error:
            raise DatabaseUnavailable("Not a database URL: {url}", url=str(url)) from error
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if self.url.get_backend_name() == "sqlite":
            kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine: Engine = create_engine(self.url, **kwargs)
        except (ArgumentError, ModuleNotFoundError) as error:
            raise DatabaseUnavailable(
                "lardesk cannot use the database {url!r}: {problem}", url=self.url, problem=str(error)
            ) from error
        writer = self.engine
        if self.url.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
            writer = self.engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writers = sessionmaker(writer, expire_on_commit=False)

    @property
    def file(self) -> Path | None:
        return sqlite_file(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short unit of work: commits on success, rolls back on any error.

        On SQLite it begins IMMEDIATE: it waits (up to the busy timeout) until no other process writes, then
        reads and writes on a stable state, so two lardesk processes never lose or refuse each other's edits.
        """
        try:
            with self._writers.begin() as session:
                if self.url.get_backend_name() == "postgresql":
                    # One writer at a time, as on SQLite: a use case reads ("the next key is a11"), then writes;
                    # under READ COMMITTED two writers could both read the same and one would be refused.
                    session.execute(text(f"SET LOCAL lock_timeout = '{SQLITE_BUSY_TIMEOUT_MS}ms'"))
                    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})
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


def check_sqlite_header(path: Path) -> None:
    """Refuse, without touching it, a file that is not a SQLite database at all (or is cut short)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(b"SQLite format 3\x00") or len(header) < 100:
        raise DatabaseDamaged(
            "The file {path} is not a lardesk database (or it is damaged). It has not been changed. "
            "Restore a backup, or start with another data directory.",
            path=str(path),
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if pages and page_size and path.stat().st_size < pages * page_size:
        wal = path.with_name(path.name + "-wal")
        if not wal.exists() or wal.stat().st_size == 0:
            raise DatabaseDamaged(
                "The database file {path} is cut short (truncated). It has not been changed. "
                "Restore a backup, or start with another data directory.",
                path=str(path),
            )


def check_writable(path: Path) -> None:
    """Refuse, before anything is written, a SQLite file (or folder) that cannot be written.

    ``os.access`` asks the kernel, so it also sees read-only media and immutable files (chattr +i), which
    stop even the superuser; SQLite itself would open such a file read-only and fail at the first save.
    """
    import os

    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseReadOnly(
            "The database file {path} is read-only: lardesk cannot save changes to it. It has not been "
            "changed. Copy it to a folder you may write to, or ask for write permission.",
            path=str(path),
        )
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseReadOnly(
            "The folder {folder} is read-only: lardesk cannot keep its database there (SQLite needs to write "
            "a journal beside the file). Nothing has been changed. Choose another data directory.",
            folder=str(folder),
        )


__all__ = [
    "Database",
    "check_sqlite_header",
    "check_writable",
    "explain",
    "explain_os_error",
]
