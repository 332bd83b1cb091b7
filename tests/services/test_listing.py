"""The list of sessions read with the standard library at start-up (issue 11, item 20) is the services' list,
row for row, and gives up (None) whenever it cannot be sure."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from lardesk.services import NewParticipant, NewSession, Services
from lardesk.services.listing import quick_listing, sqlite_path


def fill(services: Services) -> None:
    for organisation, unit, years in (("Ankeby kommun", "", 3), ("Ankeby kommun", "Skola", 1), ("Bortby", "", 2)):
        for year in range(years):
            services.sessions.create_session(
                NewSession(
                    organisation=organisation,
                    unit=unit,
                    date=dt.date(2020 + year, 11, 1),
                    period=str(2020 + year),
                    facilitator="Eva",
                    participants=tuple(NewParticipant(role=f"Roll {n}") for n in range(year + 1)),
                )
            )
    services.sessions.update_session(1, title="Ledningsgruppen")


def test_the_quick_list_is_the_services_list(services: Services, sqlite_url: str) -> None:
    fill(services)
    listing = quick_listing(sqlite_url)
    assert listing is not None and listing == services.sessions.list_sessions()
    assert [len(entry.sessions) for entry in listing] == [3, 1, 2]


def test_an_empty_database_lists_nothing(services: Services, sqlite_url: str) -> None:
    assert quick_listing(sqlite_url) == services.sessions.list_sessions() == []


def test_it_gives_up_when_it_cannot_be_sure(services: Services, sqlite_url: str, tmp_path: Path) -> None:
    fill(services)
    path = sqlite_path(sqlite_url)
    assert path is not None
    assert quick_listing(f"sqlite:///{tmp_path / 'missing.sqlite'}") is None
    assert quick_listing("postgresql+psycopg://user@host/lardesk") is None
    assert quick_listing(f"{sqlite_url}?timeout=5") is None
    services.close()
    with sqlite3.connect(path) as connection:  # another schema revision: an upgrade (or a newer lardesk)
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    assert quick_listing(sqlite_url) is None
    noise = tmp_path / "noise.sqlite"
    noise.write_bytes(b"not a database at all" * 100)
    assert quick_listing(f"sqlite:///{noise}") is None
