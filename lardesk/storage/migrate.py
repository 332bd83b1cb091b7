"""Bring a database to the schema of this lardesk (Alembic, in code, at start-up).

A fresh database takes the same ``upgrade head`` path as an old one. A SQLite file is copied before any
upgrade; a database written by a newer lardesk is refused, untouched. Once a day the SQLite file is also
copied to the backup folder (see ``lardesk.storage.backups``).

Alembic is imported only when the schema must change: an up-to-date database (every start but the first
after an update) reads its revision with one query, and the revisions this lardesk knows are read from the
migration files' own ``revision = "…"`` lines, which keeps start-up fast.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError

from lardesk.method.messages import Message
from lardesk.resources import migrations_dir
from lardesk.storage.backups import (
    backup_sqlite,
    create_private_file,
    daily_backup,
    had_database,
    list_backups,
    make_private_folder,
)
from lardesk.storage.database import (
    LARDESK_APPLICATION_ID,
    Database,
    FileState,
    check_location,
    check_writable,
    explain,
    inspect_sqlite_file,
    stamp_schema,
)
from lardesk.storage.errors import DatabaseDamaged, DatabaseTooNew
from lardesk.storage.revisions import revision_chain

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


def alembic_config(database: Database | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if database is not None:
        config.set_main_option("sqlalchemy.url", database.url.render_as_string(hide_password=False))
    return config


def head_revision() -> str:
    return revision_chain()[-1]


def known_revisions() -> set[str]:
    return set(revision_chain())


def current_revision(database: Database) -> str | None:
    with database.connect() as connection:
        return _current(connection)


def _current(connection: object) -> str | None:
    from sqlalchemy.engine import Connection

    assert isinstance(connection, Connection)
    if not inspect(connection).has_table("alembic_version"):
        return None
    versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(versions) > 1:
        raise DatabaseDamaged("This database records more than one schema version. It has not been changed.")
    return versions[0] if versions else None


def _with_hint(error: DatabaseDamaged, backup_dir: Path | None) -> DatabaseDamaged:
    """``error`` with the newest backup named after it (the same error when there is none)."""
    backups = list_backups(backup_dir) if backup_dir is not None else []
    if not backups:
        return error
    return DatabaseDamaged(
        "{problem} The newest backup is {backup} ({created}).",
        problem=error.as_message(),
        backup=str(backups[0].path),
        created=f"{backups[0].created:%Y-%m-%d %H:%M}",
    )


def _judge_file(file: Path, database: Database, folder: Path | None) -> FileState | None:
    """Judge the SQLite file read-only before anything may change it: None for a new (absent or empty) file.

    Raises a DatabaseRefused error, with the newest backup named when the file is damaged, and refuses an
    absent or empty file where a database was before (see :func:`check_not_lost`).
    """
    check_location(file)
    check_writable(file)  # also before the read-only look: SQLite needs the folder for a -shm beside a -wal
    if not file.exists() or file.stat().st_size == 0:
        check_not_lost(file, folder)
        return None
    try:
        state = inspect_sqlite_file(file, database.url)
        judge(state)
    except DatabaseDamaged as error:
        raise _with_hint(error, folder) from error
    return state


def judge(state: FileState) -> None:
    """Refuse a SQLite file (looked at by :func:`inspect_sqlite_file`) that is not a sound lardesk database of a
    schema this lardesk knows: another program's, a newer lardesk's, or one whose schema text was changed."""
    head = head_revision()
    if state.application_id not in (0, LARDESK_APPLICATION_ID) or (
        state.revision is None and set(state.columns) - {"alembic_version"}
    ):
        raise DatabaseDamaged(
            "This database holds tables that are not lardesk's. It has not been changed: "
            "choose another database or data directory."
        )
    if state.revision is not None and state.revision not in known_revisions():
        raise DatabaseTooNew(
            "This database was written by a newer version of lardesk "
            "(schema {current}; this lardesk knows up to {head}). It has not been changed: "
            "update lardesk to open it.",
            current=state.revision,
            head=head,
        )
    if state.application_id == LARDESK_APPLICATION_ID and state.stamp != state.fingerprint:
        raise DatabaseDamaged(
            "The database's schema has been changed or damaged (its text no longer matches what lardesk "
            "recorded). It has not been changed. Restore a backup."
        )
    if state.revision == head:
        from lardesk.storage.models import Base

        expected = {table.name: frozenset(table.columns.keys()) for table in Base.metadata.sorted_tables}
        found = {table: columns for table, columns in state.columns.items() if table != "alembic_version"}
        if found != expected:
            differing = sorted(name for name in expected.keys() | found.keys() if expected.get(name) != found.get(name))
            raise DatabaseDamaged(
                "The database's tables are not those of its schema version ({tables}). It has not been changed. "
                "Restore a backup.",
                tables=", ".join(differing),
            )


def judge_file(path: Path) -> str | None:
    """Judge a SQLite file (a backup to restore) read-only; returns its schema revision."""
    state = inspect_sqlite_file(path)
    judge(state)
    if state.revision is None:
        raise DatabaseDamaged("The backup {path} is not a lardesk database.", path=str(path))
    return state.revision


def check_not_lost(file: Path, folder: Path | None) -> None:
    """Refuse to start afresh where a database was before: an empty or missing file beside backups of it is
    damage (a crash, a failed copy, a disk error), never a reason to create an empty database there."""
    if folder is None:
        return
    beside = folder == file.parent / "backups" and bool(list_backups(folder))  # the data folder's own backups
    if not (had_database(file, folder) or beside):
        return
    state = Message("empty") if file.exists() else Message("missing")
    newest = list_backups(folder)
    raise DatabaseDamaged(
        "The database file {path} is {state}, but lardesk kept a database there before (its backups are in "
        "{folder}). Nothing has been created in its place. Restore the newest backup{newest}; to start with "
        "an empty database instead, move the backup folder away first.",
        path=str(file),
        state=state,
        folder=str(folder),
        newest=f" ({newest[0].path.name})" if newest else "",
    )


def prepare(database: Database, backup_dir: Path | None = None) -> Path | None:
    """Check, back up if needed and upgrade ``database`` to head. Returns the backup made, if any.

    Raises a DatabaseRefused error (damaged, too new, read-only, disk full, lost) without changing the file:
    a SQLite file is judged read-only (quick_check, schema revision, schema fingerprint, tables) on every
    open, before a read-write connection may switch its journal or checkpoint its ``-wal``.
    """
    file = database.file
    folder = Path(backup_dir) if backup_dir else (file.parent / "backups" if file is not None else None)
    database.backup_dir = folder
    state: FileState | None = None
    if file is not None:
        state = _judge_file(file, database, folder)
        make_private_folder(file.parent)
        if state is None:
            create_private_file(file)
    try:
        with database.connect() as connection:
            current = _current(connection)
            tables = set(inspect(connection).get_table_names())
    except DatabaseDamaged as error:
        raise _with_hint(error, folder) from error
    except DatabaseError as error:  # pragma: no cover - explain() already wraps most
        raise explain(error, database.url) from error
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(
            "This database was written by a newer version of lardesk "
            "(schema {current}; this lardesk knows up to {head}). It has not been changed: "
            "update lardesk to open it.",
            current=current,
            head=head,
        )
    if current is None and tables - {"alembic_version"}:
        raise DatabaseDamaged(
            "This database holds tables that are not lardesk's. It has not been changed: "
            "choose another database or data directory."
        )
    backup = None
    if current != head:
        if file is not None and folder is not None and current is not None and file.exists():
            backup = backup_sqlite(file, folder, f"before-{head[:12]}")
            log.info("backed up %s to %s before upgrading from %s", file, backup, current)
        _upgrade(database)
    elif database.is_sqlite and (state is None or state.application_id == 0):
        _stamp(database)  # a database of a lardesk from before the fingerprint: record it once
    if file is not None and folder is not None and _has_data(database):
        try:
            made = daily_backup(file, folder)
        except DatabaseDamaged as error:
            raise _with_hint(error, folder) from error
        if made is not None:
            log.info("daily backup: %s", made)
    return backup


def _stamp(database: Database) -> None:
    try:
        with database.engine.begin() as connection:
            stamp_schema(connection)
    except (OperationalError, DatabaseError) as error:
        raise explain(error, database.url) from error


def _has_data(database: Database) -> bool:
    """Whether there is anything to back up (an empty new database is not copied every day)."""
    with database.connect() as connection:
        return connection.execute(text("SELECT 1 FROM organisation LIMIT 1")).first() is not None


def _upgrade(database: Database, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config(database)
    try:
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            if database.is_sqlite:
                stamp_schema(connection)  # the new schema's fingerprint, in the migration's own transaction
    except (OperationalError, DatabaseError) as error:
        raise explain(error, database.url) from error


def upgrade_to(database: Database, revision: str) -> None:
    """Bring ``database`` to one given revision (tests of old schema revisions use it)."""
    _upgrade(database, revision)
