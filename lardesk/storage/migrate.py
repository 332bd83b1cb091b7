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
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError

from lardesk.method.messages import Message
from lardesk.resources import migrations_dir
from lardesk.storage.backups import backup_sqlite, daily_backup, list_backups
from lardesk.storage.database import Database, check_sqlite_header, check_writable, explain, explain_os_error
from lardesk.storage.errors import DatabaseDamaged, DatabaseTooNew

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

_REVISION = re.compile(r"^revision\s*(?::\s*str)?\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]+)?=\s*(None|[\"']([^\"']+)[\"'])", re.MULTILINE)


def alembic_config(database: Database | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if database is not None:
        config.set_main_option("sqlalchemy.url", database.url.render_as_string(hide_password=False))
    return config


@cache
def revision_chain() -> tuple[str, ...]:
    """The schema revisions this lardesk knows, oldest first (read from db_migrations/versions/*.py)."""
    parents: dict[str, str | None] = {}
    for path in sorted((migrations_dir() / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision = _REVISION.search(source)
        down = _DOWN.search(source)
        if revision is None or down is None:
            continue
        parents[revision.group(1)] = down.group(2)
    chain: list[str] = []
    current: str | None = next((r for r, p in parents.items() if p is None), None)
    children = {parent: child for child, parent in parents.items()}
    while current is not None:
        chain.append(current)
        current = children.get(current)
    assert chain and len(chain) == len(parents), "db_migrations/versions/ is not one straight line of revisions"
    return tuple(chain)


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


def prepare(database: Database, backup_dir: Path | None = None) -> Path | None:
    """Check, back up if needed and upgrade ``database`` to head. Returns the backup made, if any.

    Raises a DatabaseRefused error (damaged, too new, read-only, disk full) without changing the file.
    """
    file = database.file
    folder = backup_dir or (file.parent / "backups" if file is not None else None)
    if file is not None:
        try:
            check_sqlite_header(file)
        except DatabaseDamaged as error:
            raise _with_hint(error, folder) from error
        check_writable(file)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise explain_os_error(
                error, Message("making the data folder {folder}", folder=str(file.parent))
            ) from error
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
    if file is not None and folder is not None and _has_data(database):
        try:
            made = daily_backup(file, folder)
        except DatabaseDamaged as error:
            raise _with_hint(error, folder) from error
        if made is not None:
            log.info("daily backup: %s", made)
    return backup


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
    except (OperationalError, DatabaseError) as error:
        raise explain(error, database.url) from error


def upgrade_to(database: Database, revision: str) -> None:
    """Bring ``database`` to one given revision (tests of old schema revisions use it)."""
    _upgrade(database, revision)
