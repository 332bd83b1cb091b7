"""What every service shares: the database, the "what changed" value, and input errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Flag, auto
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lardesk.storage.database import Database
from lardesk.storage.models import Base

T = TypeVar("T", bound=Base)


class InputError(ValueError):
    """Bad input from a user or a file: shown as it is, nothing changed (exit status 2 on the CLI)."""

    def __init__(self, message: str, pointer: str = "") -> None:
        super().__init__(f"{pointer}: {message}" if pointer else message)
        self.message = message
        self.pointer = pointer


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

    def __contains__(self, flag: Changed) -> bool:
        return bool(self.what & flag)


class ServiceBase:
    def __init__(self, database: Database) -> None:
        self.database = database

    @staticmethod
    def _get(session: Session, model: type[T], id_: int, what: str) -> T:
        row = session.get(model, id_)
        if row is None:
            raise NotFound(f"there is no {what} with id {id_}")
        return row

    @staticmethod
    def _flush(session: Session, what: str) -> None:
        try:
            session.flush()
        except IntegrityError as error:
            raise InputError(f"{what}: {_integrity_message(error)}") from error


def _integrity_message(error: IntegrityError) -> str:
    text = str(error.orig).lower()
    if "unique" in text or "duplicate" in text:
        return "it already exists"
    if "check" in text:
        return "a value is out of range"
    if "foreign key" in text:
        return "it refers to something that does not exist"
    return "the database refused it"


def check_text(value: str, what: str, *, max_length: int, required: bool = False) -> str:
    if not isinstance(value, str):
        raise InputError(f"{what} must be text")
    if required and not value.strip():
        raise InputError(f"{what} must not be empty")
    if len(value) > max_length:
        raise InputError(f"{what} is too long ({len(value)} characters; at most {max_length})")
    return value


def parse_date(value: str | dt.date, what: str = "date") -> dt.date:
    """A date as typed: ISO (2026-11-25); Swedish users type exactly that."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except (ValueError, AttributeError) as error:
        raise InputError(f"{what} must be a date such as 2026-11-25, not {value!r}") from error
