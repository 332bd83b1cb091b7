"""The engine, its connection settings, and the one place where the schema is brought up to date."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
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
    DatabaseUnusable,
    DiskFull,
    StorageError,
    UnreadableValue,
)

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10000
"""How long a writer waits for another process's transaction before it says the database is busy."""
WRITER_LOCK_KEY = 0x1A2DE5C
"""PostgreSQL advisory lock that writers take for the length of their transaction."""
BEGIN_OPTION = "lardesk_sqlite_begin"
"""Execution option: how a SQLite transaction begins ("IMMEDIATE" for writers, deferred for readers)."""


class _UnreadableError(sqlite3.DatabaseError):
    """A damaged file whose error message SQLite could not even decode."""

    sqlite_errorcode = 11  # SQLITE_CORRUPT


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
        # Deleted content (a name removed when a group switches to anonymous mode) is overwritten with zeros,
        # not left in free pages of the file.
        cursor.execute("PRAGMA secure_delete=ON")
    except UnicodeDecodeError as error:
        # A damaged file can make SQLite's own error message unreadable: it is still a damaged file.
        raise _UnreadableError("database disk image is malformed (unreadable error message)") from error
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


# SQLite's primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low byte.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_TOOBIG = 18
SQLITE_AUTH = 23
SQLITE_NOTADB = 26

# PostgreSQL SQLSTATE codes and classes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
_PG_DISK_FULL = ("53100", "53200")
_PG_READ_ONLY = ("25006",)
_PG_BUSY = ("55P03", "40P01", "57014")
_PG_UNAVAILABLE_CLASSES = ("08", "28", "3D", "53", "57")


def _sqlite_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def explain(error: BaseException, url: URL | None = None) -> StorageError:
    """Turn a driver error into a message a facilitator can act on.

    The driver's own error code decides (SQLite's result code, PostgreSQL's SQLSTATE), never the words of
    its message; an error without a code the table knows is reported as it is (and logged as a bug).
    """
    if isinstance(error, StorageError):
        return error
    original: BaseException = getattr(error, "orig", None) or error
    text = str(original)
    file = sqlite_file(url) if url is not None else None
    where = f" ({file})" if file else ""  # a param, not the template: the file in brackets, or nothing
    code = _sqlite_code(original)
    sqlstate = getattr(original, "sqlstate", None)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or isinstance(original, UnicodeDecodeError):
        return DatabaseDamaged(
            "The database file{where} is damaged or is not a lardesk database. It has not been changed. "
            "Restore a backup, or start with another data directory.",
            where=where,
        )
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH) or sqlstate in _PG_READ_ONLY:
        return DatabaseReadOnly(
            "The database{where} is read-only: lardesk cannot save changes to it. Nothing has been changed. "
            "Copy it to a folder you may write to, or ask for write permission.",
            where=where,
        )
    if code in (SQLITE_FULL, SQLITE_TOOBIG) or sqlstate in _PG_DISK_FULL:
        return DiskFull(
            "The disk is full: the database{where} cannot take the change, which was not saved. "
            "Everything saved before is intact. Free some space and try again.",
            where=where,
        )
    if code == SQLITE_IOERR:
        return DiskFull(
            "The database{where} could not be written to the disk (is it full, or was it removed?). "
            "The change was not saved; everything saved before is intact. Free some space and try again.",
            where=where,
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or sqlstate in _PG_BUSY:
        return DatabaseUnavailable(
            "The database{where} is busy in another program and did not become free in time. Try again.",
            where=where,
        )
    if code == SQLITE_CANTOPEN:
        return DatabaseUnavailable(
            "The database{where} cannot be opened: check that the folder exists.",
            where=where,
        )
    psycopg_operational = type(original).__module__.startswith("psycopg") and "Operational" in type(original).__name__
    if (isinstance(sqlstate, str) and sqlstate[:2] in _PG_UNAVAILABLE_CLASSES) or (
        sqlstate is None and psycopg_operational
    ):
        # Class 08 (connection), 28 (authorisation), 3D (no such database), 53 (resources), 57 (shut down);
        # a psycopg OperationalError without a SQLSTATE is a connection that never reached the server.
        return DatabaseUnavailable("The database server cannot be reached: {detail}", detail=text.splitlines()[0])
    log.warning("unclassified database error: %r", original)
    return StorageError(
        "The database reported a problem: {detail}", detail=text.splitlines()[0] if text else repr(error)
    )


def unreadable(error: UnreadableValue) -> DatabaseDamaged:
    return DatabaseDamaged(
        "A value stored in the database cannot be read ({column}: {value}); it was not written by lardesk, or "
        "the file is damaged. Nothing has been changed. Delete that session, or restore a backup.",
        column=error.column,
        value=repr(error.value[:60]),
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
        self.backup_dir: Path | None = None
        """Where this database's backups go (set when it is prepared; None for none)."""
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
        except UnreadableValue as error:
            raise unreadable(error) from error

    @contextmanager
    def reading(self) -> Iterator[Session]:
        try:
            with self._sessions() as session:
                yield session
        except (OperationalError, DatabaseError) as error:
            raise explain(error, self.url) from error
        except UnreadableValue as error:
            raise unreadable(error) from error

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


LARDESK_APPLICATION_ID = 0x6C617264
"""``PRAGMA application_id`` of a lardesk database ("lard"): another program's SQLite file is told apart."""
_SCHEMA_TEXT = (
    "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master "
    "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
)
_COLUMNS = (
    "SELECT m.name, p.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p "
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
)


def schema_fingerprint(rows: Iterable[Sequence[object]]) -> int:
    """A CRC-32 of the schema's text (``sqlite_master``), kept in ``PRAGMA user_version``: a byte changed in
    the schema (a table's name, a CHECK constraint's limit) no longer matches and the file counts as damaged."""
    crc = 0
    for row in rows:
        crc = zlib.crc32("\x00".join(str(part) for part in row).encode("utf-8") + b"\n", crc)
    return (crc & 0x7FFFFFFF) or 1


def stamp_schema(connection: Connection) -> None:
    """Record lardesk's application id and the fingerprint of the schema as it is now (in the caller's
    transaction: after a migration, in the same one)."""
    rows = connection.exec_driver_sql(_SCHEMA_TEXT).fetchall()
    connection.exec_driver_sql(f"PRAGMA application_id = {LARDESK_APPLICATION_ID}")
    connection.exec_driver_sql(f"PRAGMA user_version = {schema_fingerprint(rows)}")


def readonly_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` read-only (no journal change, no checkpoint, nothing written)."""
    return f"{Path(os.path.abspath(path)).as_uri()}?mode=ro"


@dataclass(frozen=True, slots=True)
class FileState:
    """What a read-only look at a SQLite file found (see :func:`inspect_sqlite_file`)."""

    revision: str | None
    columns: dict[str, frozenset[str]]
    """Each table's column names."""
    application_id: int
    stamp: int
    """``PRAGMA user_version``: the schema fingerprint lardesk recorded (0 before lardesk recorded one)."""
    fingerprint: int
    """The fingerprint of the schema as it is in the file now."""


def inspect_sqlite_file(path: Path, url: URL | None = None) -> FileState:
    """Judge an existing SQLite file without changing a byte of it or of its ``-wal``.

    Opened read-only (``mode=ro``): SQLite does not switch the journal mode, does not checkpoint a ``-wal`` into
    the main file and does not delete it. Without a ``-wal`` the file is read as *immutable*, so that not even
    an empty ``-wal`` or ``-shm`` appears beside it; a problem found that way is looked at once more (another
    lardesk may have begun writing meanwhile) before it counts. The header is checked first, then ``PRAGMA
    quick_check`` (every page and index, without the costlier cross-checks of integrity_check), then the schema.
    """
    check_sqlite_header(path)
    try:
        return _inspect(path)
    except DatabaseDamaged:
        return _inspect(path)  # only a second look counts (immutable reads do not see a writer's changes)
    except (sqlite3.Error, UnicodeDecodeError) as error:  # a damaged page can make even the message unreadable
        try:
            return _inspect(path)
        except (sqlite3.Error, UnicodeDecodeError):
            raise explain(error, url) from error


def untouched_uri(path: Path) -> str:
    """A read-only URI that leaves no ``-wal``/``-shm`` behind: *immutable* while there is no ``-wal`` (no
    process has the file open for writing), plain read-only otherwise (then the ``-wal`` is read, not changed)."""
    uri = readonly_uri(path)
    return uri if path.with_name(path.name + "-wal").exists() else uri + "&immutable=1"


def _inspect(path: Path) -> FileState:
    connection = sqlite3.connect(untouched_uri(path), uri=True)
    try:
        problems = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise DatabaseDamaged(
                "The database file {path} is damaged ({detail}). It has not been changed. "
                "Restore a backup, or start with another data directory.",
                path=str(path),
                detail="; ".join(problems)[:200],
            )
        application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
        stamp = int(connection.execute("PRAGMA user_version").fetchone()[0])
        schema_rows = connection.execute(_SCHEMA_TEXT).fetchall()
        columns: dict[str, set[str]] = {}
        for table, column in connection.execute(_COLUMNS):
            columns.setdefault(str(table), set()).add(str(column))
        revision = None
        if "alembic_version" in columns:
            versions = [str(row[0]) for row in connection.execute("SELECT version_num FROM alembic_version")]
            if len(versions) > 1:
                raise DatabaseDamaged("This database records more than one schema version. It has not been changed.")
            revision = versions[0] if versions else None
    finally:
        connection.close()
    return FileState(
        revision=revision,
        columns={table: frozenset(names) for table, names in columns.items()},
        application_id=application_id,
        stamp=stamp,
        fingerprint=schema_fingerprint(schema_rows),
    )


def check_location(path: Path) -> None:
    """Refuse a database path that cannot be a database file: a folder, a device or pipe, a data folder that
    is a file, a file that cannot be read. Nothing is created or changed."""
    try:
        _check_location(path)
    except OSError as error:  # a folder on the way that may not be entered (permission denied)…
        raise DatabaseUnusable(
            "The database {path} cannot be reached ({reason}). Nothing has been changed. "
            "Ask for permission, or start with another data directory.",
            path=str(path),
            reason=error.strerror or str(error),
        ) from error


def _check_location(path: Path) -> None:
    folder = path.parent
    for ancestor in (folder, *folder.parents):
        if ancestor.exists():
            if not ancestor.is_dir():
                raise DatabaseUnusable(
                    "The data folder {folder} is a file, not a folder. Nothing has been changed. "
                    "Choose another data directory.",
                    folder=str(ancestor),
                )
            break
    if not path.exists():
        return
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise DatabaseUnusable(
            "{path} is a folder, not a database file. Nothing has been changed. Give the database file's name.",
            path=str(path),
        )
    if not stat.S_ISREG(mode):
        raise DatabaseUnusable(
            "{path} is not a regular file (a device or a pipe?): lardesk keeps its database only in a regular "
            "file. Nothing has been changed.",
            path=str(path),
        )
    if not os.access(path, os.R_OK):
        raise DatabaseUnusable(
            "The database file {path} cannot be read (permission denied). It has not been changed. "
            "Ask for read and write permission, or start with another data directory.",
            path=str(path),
        )


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
    "LARDESK_APPLICATION_ID",
    "Database",
    "FileState",
    "check_location",
    "check_sqlite_header",
    "check_writable",
    "explain",
    "explain_os_error",
    "inspect_sqlite_file",
    "readonly_uri",
    "schema_fingerprint",
    "stamp_schema",
    "untouched_uri",
]
