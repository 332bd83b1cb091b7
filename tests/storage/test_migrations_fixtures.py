"""Every released schema revision has a fixture database with realistic data (``tests/fixtures/schema-<revision>
.sqlite``, made by ``tests/fixtures/make_fixtures.py``). Each is upgraded to head, on SQLite (the file as a
user has it) and on PostgreSQL (the same rows loaded into a server database at that revision), and every row
is found again, with every value it had in the columns that still exist.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, create_engine, func, select, text
from sqlalchemy.engine import Engine

from lardesk.services import Services
from lardesk.storage.backups import list_backups
from lardesk.storage.database import Database
from lardesk.storage.migrate import alembic_config, head_revision, prepare, upgrade_to
from lardesk.storage.revisions import revision_chain

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE_FILES = sorted(FIXTURES.glob("schema-*.sqlite"))


def _revision(path: Path) -> str:
    return path.stem.removeprefix("schema-")


def rows(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table but alembic_version, as plain values, in primary-key order."""
    metadata = MetaData()
    metadata.reflect(engine)
    found: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            found[table.name] = [dict(row._mapping) for row in connection.execute(select(table).order_by(*order))]
    return found


def assert_every_row_found(before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]]) -> None:
    for table, old_rows in before.items():
        assert table in after, f"table {table} is gone after the upgrade"
        new_by_id = {row.get("id"): row for row in after[table]}
        assert len(after[table]) >= len(old_rows), table
        for old in old_rows:
            new = new_by_id.get(old.get("id"))
            assert new is not None, f"{table} row {old.get('id')} is gone"
            for column, value in old.items():
                if column in new:
                    assert _plain(new[column]) == _plain(value), (table, old.get("id"), column)


def _plain(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    return value


def test_every_schema_revision_has_a_fixture_database() -> None:
    assert {_revision(path) for path in FIXTURE_FILES} >= set(revision_chain()), (
        "a schema revision without a fixture database: run tests/fixtures/make_fixtures.py and commit the file"
    )


def test_the_revisions_read_without_alembic_are_alembics() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert list(revision_chain()) == [s.revision for s in reversed(list(script.walk_revisions()))]


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=_revision)
def test_a_fixture_upgrades_on_sqlite_and_keeps_every_row(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "lardesk.sqlite"
    shutil.copyfile(fixture, path)
    engine = create_engine(f"sqlite:///{path}")
    before = rows(engine)
    engine.dispose()
    assert sum(len(r) for r in before.values()) > 1000  # realistic: thousands of rows
    services = Services.open(f"sqlite:///{path}", tmp_path / "backups")
    try:
        sessions = services.sessions.list_sessions()
        for organisation in sessions:
            for summary in organisation.sessions:
                services.sessions.snapshot(summary.id)
                services.exchange.export_document(summary.id)
    finally:
        services.close()
    if _revision(fixture) != head_revision():
        assert [b.reason for b in list_backups(tmp_path / "backups")][-1].startswith("before-")
    engine = create_engine(f"sqlite:///{path}")
    try:
        assert_every_row_found(before, rows(engine))
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    finally:
        engine.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=_revision)
def test_a_fixture_upgrades_on_postgres_and_keeps_every_row(fixture: Path, postgres_url: str) -> None:
    source = create_engine(f"sqlite:///file:{fixture}?mode=ro&uri=true")
    before = rows(source)
    database = Database(postgres_url)
    try:
        upgrade_to(database, _revision(fixture))  # the server database at the fixture's revision
        metadata = MetaData()
        metadata.reflect(database.engine)
        with database.engine.begin() as connection:
            for table in metadata.sorted_tables:
                if before.get(table.name):
                    connection.execute(table.insert(), before[table.name])
            for table in metadata.sorted_tables:
                if "id" in table.columns and before.get(table.name):
                    top = connection.execute(select(func.max(table.c.id))).scalar()
                    connection.execute(
                        text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :v)"), {"t": table.name, "v": top}
                    )
        prepare(database)
        services = Services.over(database)
        for organisation in services.sessions.list_sessions():
            for summary in organisation.sessions:
                services.exchange.export_document(summary.id)
        assert_every_row_found(before, rows(database.engine))
        services.sessions.set_note(organisation.sessions[0].id, 1, 1, "efter uppgraderingen")  # still writable
    finally:
        database.dispose()
        source.dispose()
