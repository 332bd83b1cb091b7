"""What every service shares: the database, the "what changed" value, and input errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Flag, auto
from typing import TYPE_CHECKING, TypeVar

from lardesk.method.messages import LocalizedError, Message

if TYPE_CHECKING:  # kept out of the import so the UI can start without SQLAlchemy (see lardesk.app)
    from sqlalchemy.exc import IntegrityError
    from sqlalchemy.orm import InstrumentedAttribute, Session

    from lardesk.storage.database import Database
    from lardesk.storage.models import Base

T = TypeVar("T", bound="Base")


class InputError(LocalizedError):
    """Bad input from a user or a file: shown as it is, nothing changed (exit status 2 on the CLI).

    Raised with an English template and its params (see :mod:`lardesk.method.messages`):
    ``str(error)`` is the English text with the place in front, ``error.localized("sv")`` the Swedish.
    """

    def __init__(self, template: str, /, pointer: str = "", **params: object) -> None:
        self.pointer = pointer
        super().__init__(template, **params)

    def _placed(self, text: str) -> str:
        return f"{self.pointer}: {text}" if self.pointer else text


class NotFound(InputError):
    pass


class Changed(Flag):
    NONE = 0
    SESSIONS = auto()
    """The list of organisations and sessions."""
    SESSION = auto()
    """A session's own fields (date, parts, anonymity, current step…)."""
    PARTICIPANTS = auto()
    LOGIC = auto()
    NOTES = auto()
    RATINGS = auto()
    JOINT = auto()
    IMPROVEMENTS = auto()
    ALL = SESSIONS | SESSION | PARTICIPANTS | LOGIC | NOTES | RATINGS | JOINT | IMPROVEMENTS


@dataclass(frozen=True, slots=True)
class Changes:
    """What a service call changed: the UI emits it on one signal and each view refreshes its part."""

    what: Changed
    session_id: int | None = None
    new_id: int | None = None
    """The id of a row the call created (a session, an item, a participant…)."""
    new_key: str | None = None
    """The key of a thing the call created that has no row of its own (an indicator)."""

    def __contains__(self, flag: Changed) -> bool:
        return bool(self.what & flag)


MAX_ID = 2**63 - 1
"""The largest id a database column can hold (a larger one cannot name anything)."""


def check_id(id_: int) -> int:
    """``id_`` if it can be an id; an id past 64 bits (``lardesk findings 9223372036854775808``) names nothing."""
    if type(id_) is not int or not 1 <= id_ <= MAX_ID:
        raise NotFound("there is no such id: {id}", id=id_)
    return id_


class ServiceBase:
    def __init__(self, database: Database) -> None:
        self.database = database

    @staticmethod
    def _get(session: Session, model: type[T], id_: int, what: Message) -> T:
        """The row ``id_`` of ``model``; ``what`` names it in the message (``Message("session")``)."""
        row = session.get(model, check_id(id_))
        if row is None:
            raise NotFound("there is no {what} with id {id}", what=what, id=id_)
        return row

    @staticmethod
    def _flush(session: Session, what: Message) -> None:
        from sqlalchemy.exc import IntegrityError

        try:
            session.flush()
        except IntegrityError as error:
            raise InputError("{what}: {problem}", what=what, problem=_integrity_message(error)) from error


def _integrity_message(error: IntegrityError) -> Message:
    text = str(error.orig).lower()
    if "unique" in text or "duplicate" in text:
        return Message("it already exists")
    if "check" in text:
        return Message("a value is out of range")
    if "foreign key" in text:
        return Message("it refers to something that does not exist")
    return Message("the database refused it")


def check_room(
    db: Session, column: InstrumentedAttribute[int], session_id: int, limit: int, what: Message, *, adding: int = 1
) -> None:
    """Refuse adding ``adding`` rows to a session that holds ``limit`` of them already; ``column`` is the rows'
    ``session_id`` (the limits of :mod:`lardesk.method.limits` keep every command, the minutes above all, fast)."""
    from sqlalchemy import func, select

    count = db.scalar(select(func.count(column)).where(column == session_id)) or 0
    if count + adding > limit:
        raise InputError("a session holds at most {limit} {what}", limit=limit, what=what)


def check_text(value: str, what: Message, *, max_length: int, required: bool = False) -> str:
    """``value`` if it is text of at most ``max_length`` characters; ``what`` names it (``Message("the note")``)."""
    if not isinstance(value, str):
        raise InputError("{what} must be text", what=what)
    if required and not value.strip():
        raise InputError("{what} must not be empty", what=what)
    if len(value) > max_length:
        raise InputError(
            "{what} is too long ({length} characters; at most {limit})", what=what, length=len(value), limit=max_length
        )
    return value


def parse_date(value: str | dt.date, what: Message | None = None) -> dt.date:
    """A date as typed: ISO (2026-11-25); Swedish users type exactly that."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except (ValueError, AttributeError) as error:
        raise InputError(
            "{what} must be a date such as 2026-11-25, not {value!r}", what=what or Message("date"), value=value
        ) from error
