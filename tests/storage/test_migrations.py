"""The migrations produce exactly the models' schema, on SQLite and PostgreSQL; start-up upgrades safely."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from lardesk.services import Services
from lardesk.storage.database import Database
from lardesk.storage.errors import DatabaseDamaged, DatabaseTooNew
from lardesk.storage.migrate import current_revision, head_revision, prepare
from lardesk.storage.models import Base


def test_upgrade_of_an_empty_database_gives_exactly_the_models(database_url: str, tmp_path: Path) -> None:
    database = Database(database_url)
    try:
        assert prepare(database, tmp_path / "backups") is None  # a new database needs no backup
        assert current_revision(database) == head_revision()
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
        assert differences == []
    finally:
        database.dispose()


def test_second_start_does_nothing(sqlite_url: str, tmp_path: Path) -> None:
    database = Database(sqlite_url)
    prepare(database, tmp_path / "backups")
    assert prepare(database, tmp_path / "backups") is None
    assert not (tmp_path / "backups").exists()
    database.dispose()


def test_a_database_newer_than_the_app_is_refused_untouched(database_url: str, tmp_path: Path) -> None:
    database = Database(database_url)
    prepare(database)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffffffffffff'"))
    before = Path(database.file).read_bytes() if database.file else None
    with pytest.raises(DatabaseTooNew, match="newer version of lardesk"):
        prepare(database, tmp_path / "backups")
    if database.file:
        assert Path(database.file).read_bytes() == before
    database.dispose()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lardesk.sqlite"
    path.write_bytes(b"Minnesanteckningar fran motet\n" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseDamaged, match="not a lardesk database"):
        Services.open(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_tables_of_another_program_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseDamaged, match="not lardesk's"):
        Services.open(f"sqlite:///{path}")


def test_schema_refuses_impossible_rows(sqlite_url: str) -> None:
    services = Services.open(sqlite_url)
    try:
        with services.database.engine.connect() as connection, pytest.raises(Exception, match="CHECK"):
            connection.execute(text("INSERT INTO organisation (name, unit) VALUES ('O', '')"))
            connection.execute(
                text(
                    "INSERT INTO session (organisation_id, title, date, period, facilitator, case_number, language,"
                    " anonymity, parts, defer_improvements, current_step, revealed_rounds, created_at, updated_at,"
                    " extra) VALUES (1, '', '2026-01-01', '', '', '', 'fr', 'roles', '9', 0, '', '',"
                    " '2026-01-01', '2026-01-01', '')"
                )
            )
    finally:
        services.close()
