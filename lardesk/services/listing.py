"""The list of sessions read straight from the SQLite file with the standard library, for the first moments
after start-up: the main window shows its list at once, while SQLAlchemy and the services load (about a
third of a second on a laptop). Read-only; the same rows and order as ``SessionService.list_sessions``
(tests compare them). Anything unusual — not SQLite, no file yet, another schema revision (an upgrade is
due), a damaged or locked file — gives None, and the window waits for the services as before (which then
say what is wrong).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from lardesk.method.snapshot import OrganisationInfo, SessionSummary
from lardesk.services.requests import OrganisationSessions
from lardesk.storage.revisions import head_revision

SESSIONS = """
SELECT s.id, s.title, s.date, s.period, s.facilitator, o.id, o.name, o.unit,
       (SELECT count(*) FROM participant AS p WHERE p.session_id = s.id)
FROM session AS s JOIN organisation AS o ON o.id = s.organisation_id
ORDER BY o.name, o.unit, s.date DESC, s.id DESC
"""
ORGANISATIONS = "SELECT id, name, unit FROM organisation ORDER BY name, unit"


def sqlite_path(database_url: str) -> Path | None:
    """The file of a plain ``sqlite:///FILE`` URL (None for anything else)."""
    prefix = "sqlite:///"
    if not database_url.startswith(prefix) or "?" in database_url:
        return None
    name = database_url[len(prefix) :]
    return Path(name) if name and name != ":memory:" else None


def quick_listing(database_url: str) -> list[OrganisationSessions] | None:
    """Organisations with their sessions, newest first, without SQLAlchemy; None when not sure (see above)."""
    path = sqlite_path(database_url)
    if path is None or not path.is_file():
        return None
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not path.with_name(path.name + "-wal").exists():  # no writer: read it as it is, leave no -wal/-shm behind
        uri += "&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:
        versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if versions != [(head_revision(),)]:
            return None
        organisations: dict[int, OrganisationInfo] = {}
        grouped: dict[int, list[SessionSummary]] = {}
        for session_id, title, date, period, facilitator, org_id, name, unit, n in connection.execute(SESSIONS):
            info = organisations.get(org_id)
            if info is None:
                info = organisations[org_id] = OrganisationInfo(org_id, name, unit)
            grouped.setdefault(org_id, []).append(
                SessionSummary(session_id, info, title, dt.date.fromisoformat(date), period, facilitator, int(n))
            )
        for org_id, name, unit in connection.execute(ORGANISATIONS):
            organisations.setdefault(org_id, OrganisationInfo(org_id, name, unit))
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        connection.close()
    return [
        OrganisationSessions(info, tuple(grouped.get(org_id, ())))
        for org_id, info in sorted(organisations.items(), key=lambda kv: (kv[1].name, kv[1].unit))
    ]


__all__ = ["quick_listing", "sqlite_path"]
