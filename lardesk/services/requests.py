"""What the UI hands to the services and gets back as lists: plain values, importable without SQLAlchemy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypedDict

from lardesk.method.actions import ActionStatus
from lardesk.method.guide import SECTIONS
from lardesk.method.people import Gender
from lardesk.method.snapshot import Anonymity, OrganisationInfo, SessionSummary


@dataclass(frozen=True, slots=True)
class NewParticipant:
    role: str = ""
    name: str | None = None
    gender: Gender = Gender.UNSPECIFIED
    key: str | None = None


@dataclass(frozen=True, slots=True)
class NewSession:
    organisation: str
    date: dt.date
    unit: str = ""
    title: str = ""
    period: str = ""
    facilitator: str = ""
    case_number: str = ""
    language: str = "sv"
    anonymity: Anonymity = Anonymity.ROLES
    parts: frozenset[int] = frozenset(SECTIONS)
    participants: tuple[NewParticipant, ...] = ()
    continue_from: int | None = None
    """An earlier session whose program logic becomes this session's starting point."""
    starting_points_from: tuple[int, ...] = ()
    """Unexpected results and effects of ``continue_from`` (their ids) that the facilitator accepted as new
    starting points of this session."""


@dataclass(frozen=True, slots=True)
class OrganisationSessions:
    organisation: OrganisationInfo
    sessions: tuple[SessionSummary, ...] = field(default=())


class SessionFields(TypedDict, total=False):
    """What ``SessionService.update_session`` may change (each one optional)."""

    title: str
    period: str
    facilitator: str
    case_number: str
    current_step: str
    date: dt.date | str
    language: str
    anonymity: Anonymity | str
    parts: Iterable[int]
    defer_improvements: bool
    organisation: str
    unit: str


class ParticipantFields(TypedDict, total=False):
    """What ``SessionService.update_participant`` may change."""

    name: str | None
    role: str
    gender: Gender | str
    present: bool


class ImprovementFields(TypedDict, total=False):
    """What ``SessionService.update_improvement`` may change."""

    text: str
    owner: str
    due: dt.date | str | None
    scale: int | None
    done: bool
    status: ActionStatus | str
    status_comment: str
    status_date: dt.date | str | None
    position: int
