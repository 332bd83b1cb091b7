"""Revision 0002 turns an improvement action's done flag into a status, on SQLite and on PostgreSQL: a done
action of a 0001 database must stay done (and one not done stay open), with every action keyed i1, i2, … ."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import MetaData, create_engine, select, text

from lardesk.storage.database import Database
from lardesk.storage.migrate import prepare, upgrade_to

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema-b0f261786787.sqlite"
REVISION_0001 = "b0f261786787"
TABLES = ("organisation", "session", "improvement")


def test_done_actions_of_a_0001_database_become_status_done(database_url: str, tmp_path: Path) -> None:
    source = create_engine(f"sqlite:///file:{FIXTURE}?mode=ro&uri=true")
    metadata = MetaData()
    metadata.reflect(source, only=TABLES)
    with source.connect() as connection:
        before = {
            name: [dict(r._mapping) for r in connection.execute(select(metadata.tables[name]))] for name in TABLES
        }
    source.dispose()
    for row in before["session"]:
        row["previous_session_id"] = None  # only these three tables are copied
    improvements = before["improvement"]
    assert len(improvements) >= 4
    for index, row in enumerate(improvements):
        row["done"] = index % 2 == 0  # the fixture has none done: half of them are, here
    database = Database(database_url)
    try:
        upgrade_to(database, REVISION_0001)
        target = MetaData()
        target.reflect(database.engine, only=TABLES)
        with database.engine.begin() as connection:
            for name in TABLES:
                connection.execute(target.tables[name].insert(), before[name])
        prepare(database, tmp_path / "backups")
        with database.engine.connect() as connection:
            after = {
                row.id: (row.status, row.key, row.session_id)
                for row in connection.execute(text("SELECT id, status, key, session_id FROM improvement"))
            }
    finally:
        database.dispose()
    assert {row["id"]: ("done" if row["done"] else "open") for row in improvements} == {
        row_id: status for row_id, (status, _, _) in after.items()
    }
    keys = [(session, key) for _, key, session in after.values()]
    assert len(set(keys)) == len(keys) and all(key.startswith("i") for _, key in keys)
