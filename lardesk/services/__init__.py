"""Use cases: the only writers. Each call is one short transaction and returns what changed.

The values the UI needs at start-up (``Changed``, ``Changes``, ``InputError``, ``NewSession``…) import without
SQLAlchemy; :class:`Services` and the service classes load on first use, so the main window can paint before
the database layer is imported (see lardesk.app).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lardesk.services.base import Changed, Changes, InputError, NotFound
from lardesk.services.requests import NewParticipant, NewSession, OrganisationSessions
from lardesk.storage.errors import StorageError

if TYPE_CHECKING:
    from lardesk.services.facade import Services


def __getattr__(name: str) -> Any:
    if name == "Services":
        from lardesk.services.facade import Services

        return Services
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Changed",
    "Changes",
    "InputError",
    "NewParticipant",
    "NewSession",
    "NotFound",
    "OrganisationSessions",
    "Services",
    "StorageError",
]
