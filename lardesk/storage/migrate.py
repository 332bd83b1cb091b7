"""Bring a database to the schema of this lardesk (Alembic, in code, at start-up).

A fresh database takes the same ``upgrade head`` path as an old one. A SQLite file is copied before any
upgrade; a database written by a newer lardesk is refused, untouched.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.exc import DatabaseError, OperationalError

from lardesk.resources import migrations_dir
from lardesk.storage.database import Database, backup_sqlite, check_sqlite_header, explain
from lardesk.storage.errors import DatabaseDamaged, DatabaseTooNew

log = logging.getLogger(__name__)


def alembic_config(database: Database | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if database is not None:
        config.set_main_option("sqlalchemy.url", database.url.render_as_string(hide_password=False))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "db_migrations/ has no revision"
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(database: Database) -> str | None:
    with database.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def prepare(database: Database, backup_dir: Path | None = None) -> Path | None:
    """Check, back up if needed and upgrade ``database`` to head. Returns the backup made, if any."""
    file = database.file
    if file is not None:
        check_sqlite_header(file)
        file.parent.mkdir(parents=True, exist_ok=True)
    try:
        with database.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            tables = set(inspect(connection).get_table_names())
    except DatabaseError as error:  # pragma: no cover - explain() already wraps most
        raise explain(error, database.url) from error
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(
            "This database was written by a newer version of lardesk "
            f"(schema {current}; this lardesk knows up to {head}). It has not been changed: "
            "update lardesk to open it."
        )
    if current is None and tables - {"alembic_version"}:
        raise DatabaseDamaged(
            "This database holds tables that are not lardesk's. It has not been changed: "
            "choose another database or data directory."
        )
    backup = None
    if file is not None and current is not None and file.exists():
        backup = backup_sqlite(file, backup_dir or file.parent / "backups", f"before-{head[:12]}")
        log.info("backed up %s to %s before upgrading from %s", file, backup, current)
    config = alembic_config(database)
    try:
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except (OperationalError, DatabaseError) as error:
        raise explain(error, database.url) from error
    return backup
