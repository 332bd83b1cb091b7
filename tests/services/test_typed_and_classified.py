"""Issue 10, item 13: the services' update functions are typed (no ``**fields: object``, no ``type: ignore``),
and a storage error is classified by the driver's error code, never by the words of its message."""

from __future__ import annotations

import inspect
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from lardesk.services import Services
from lardesk.services.sessions import SessionService
from lardesk.storage.database import explain
from lardesk.storage.errors import DatabaseReadOnly, DatabaseUnavailable, DiskFull, StorageError

PACKAGE = Path(__file__).resolve().parents[2] / "lardesk" / "services"


def test_no_type_ignore_in_the_services() -> None:
    found = [
        f"{p.name}:{n}"
        for p in PACKAGE.glob("*.py")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if "type: ignore" in line
    ]
    assert found == []


@pytest.mark.parametrize("name", ["update_session", "update_participant", "update_improvement"])
def test_update_functions_take_typed_fields(name: str) -> None:
    fields = inspect.signature(getattr(SessionService, name)).parameters["fields"]
    assert str(fields.annotation).startswith("Unpack["), fields.annotation


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT * FROM connection",  # "connection" in the message: not a server that cannot be reached
        "SELECT disk_full FROM organisation",  # "disk full": not a full disk
        "SELECT readonly FROM organisation",  # "readonly": not a read-only file
        "SELECT * FROM locked",  # "locked": not a busy database
    ],
)
def test_words_in_a_message_do_not_classify_an_error(services: Services, statement: str) -> None:
    with pytest.raises(StorageError) as caught, services.database.reading() as db:
        db.execute(text(statement))
    assert type(caught.value) is StorageError, caught.value
    assert not isinstance(caught.value, (DiskFull, DatabaseReadOnly, DatabaseUnavailable))


def test_a_real_read_only_error_is_classified_by_its_code(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            connection.execute("INSERT INTO t VALUES (1)")
    finally:
        connection.close()
    assert isinstance(explain(caught.value), DatabaseReadOnly)
