"""Use cases on sessions: list, create, continue from last year, agree on parts, participants, notes,
improvement actions, and the snapshot everything else reads."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import re
from collections.abc import Iterable
from typing import Unpack

from sqlalchemy import String, delete, func, or_, select, type_coerce, update
from sqlalchemy.orm import Session

from lardesk.method.actions import ActionStatus
from lardesk.method.guide import JOINT_SCALE, SECTIONS
from lardesk.method.indicators import indicators_from_json
from lardesk.method.limits import MAX_IMPROVEMENTS, MAX_NOTES_TEXT, MAX_PARTICIPANTS
from lardesk.method.logic import DEFAULT_STATUS, ItemKind, StartingPointKind
from lardesk.method.messages import Message
from lardesk.method.people import Gender
from lardesk.method.snapshot import (
    Anonymity,
    ImprovementInfo,
    ItemInfo,
    JointInfo,
    LinkInfo,
    NoteInfo,
    OrganisationInfo,
    ParticipantInfo,
    PreviousSession,
    RatingInfo,
    ScaleHistory,
    SessionInfo,
    SessionSnapshot,
    SessionSummary,
)
from lardesk.services.base import (
    Changed,
    Changes,
    InputError,
    NotFound,
    ServiceBase,
    check_id,
    check_room,
    check_text,
    parse_date,
)
from lardesk.services.requests import (
    ImprovementFields,
    NewParticipant,
    NewSession,
    OrganisationSessions,
    ParticipantFields,
    SessionFields,
)
from lardesk.storage.models import (
    FollowUpSession,
    Improvement,
    JointAssessment,
    LogicItem,
    LogicLink,
    Note,
    Organisation,
    Participant,
    Rating,
)

log = logging.getLogger(__name__)

KEY_PATTERN = re.compile(r"[A-Za-z0-9_.-]{1,64}")
"""A key as the exchange format allows it."""
NOTE_MAX = 20000
NAME_MAX = 200
SESSION = Message("session")
PARTICIPANT = Message("participant")
IMPROVEMENT = Message("improvement action")


def organisation_info(row: Organisation) -> OrganisationInfo:
    return OrganisationInfo(row.id, row.name, row.unit)


def session_info(row: FollowUpSession) -> SessionInfo:
    return SessionInfo(
        id=row.id,
        organisation=organisation_info(row.organisation),
        date=row.date,
        title=row.title,
        period=row.period,
        facilitator=row.facilitator,
        case_number=row.case_number,
        language=row.language,
        anonymity=Anonymity(row.anonymity),
        parts=row.parts,
        defer_improvements=row.defer_improvements,
        current_step=row.current_step,
        revealed_rounds=frozenset(int(r) for r in row.revealed_rounds.split(",") if r),
        previous_session_id=row.previous_session_id,
    )


def participant_info(row: Participant) -> ParticipantInfo:
    return ParticipantInfo(row.id, row.key, row.name, row.role, Gender(row.gender), row.present, row.position)


def item_info(row: LogicItem) -> ItemInfo:
    return ItemInfo(
        id=row.id,
        kind=ItemKind(row.kind),
        key=row.key,
        text=row.text,
        outcome=row.outcome,
        status=row.status,
        unexpected=row.unexpected,
        carried_over=row.carried_over,
        budget_sek=row.budget_sek,
        spent_sek=row.spent_sek,
        position=row.position,
        dropped_reason=row.dropped_reason,
        previous_status=row.previous_status,
        previous_outcome=row.previous_outcome,
        indicators=indicators_from_json(row.indicators),
        category=StartingPointKind(row.category) if row.category else None,
    )


def improvement_info(row: Improvement) -> ImprovementInfo:
    return ImprovementInfo(
        id=row.id,
        text=row.text,
        scale=row.scale,
        owner=row.owner,
        due=row.due,
        position=row.position,
        key=row.key,
        status=ActionStatus(row.status),
        status_comment=row.status_comment,
        status_date=row.status_date,
    )


def action_status(value: object) -> ActionStatus:
    try:
        return ActionStatus(str(value))
    except ValueError as error:
        raise InputError("unknown status of an improvement action {value!r}", value=value) from error


def next_key(existing: Iterable[str], prefix: str) -> str:
    """The next free key such as "a11" after a1…a10 (keys of imported items are kept as they were)."""
    taken = set(existing)
    numbers = [int(k[len(prefix) :]) for k in taken if k.startswith(prefix) and k[len(prefix) :].isdigit()]
    candidate = max(numbers, default=0) + 1
    while f"{prefix}{candidate}" in taken:
        candidate += 1
    return f"{prefix}{candidate}"


def check_parts(parts: Iterable[int]) -> frozenset[int]:
    values = list(parts)
    # type() and not isinstance(): True is an int, and 1.0 == 1 would otherwise pass and be stored as "1.0"
    if not all(type(part) is int for part in values) or not set(values) <= set(SECTIONS):
        raise InputError("the agreed parts must be sections 1–9")
    return frozenset(values) | {JOINT_SCALE}


class SessionService(ServiceBase):
    # -- listing --------------------------------------------------------------------------------------
    def list_sessions(self, search: str = "") -> list[OrganisationSessions]:
        """Organisations (by name) with their sessions, newest first; ``search`` filters on any text."""
        with self.database.reading() as db:
            counts = (
                select(Participant.session_id, func.count(Participant.id).label("n"))
                .group_by(Participant.session_id)
                .subquery()
            )
            # Columns, not entities: the list of a large database (1,000 sessions) is read at every start, and
            # building ORM objects for it took most of the time. Not the session's parts or its x- members (which
            # can be large), and the date as stored, so that one row that cannot be read is skipped, not the list.
            query = (
                select(
                    FollowUpSession.id,
                    FollowUpSession.title,
                    type_coerce(FollowUpSession.date, String),
                    FollowUpSession.period,
                    FollowUpSession.facilitator,
                    Organisation.id,
                    Organisation.name,
                    Organisation.unit,
                    func.coalesce(counts.c.n, 0),
                )
                .join(Organisation, FollowUpSession.organisation_id == Organisation.id)
                .outerjoin(counts, counts.c.session_id == FollowUpSession.id)
                .order_by(Organisation.name, Organisation.unit, FollowUpSession.date.desc(), FollowUpSession.id.desc())
            )
            if search.strip():
                pattern = f"%{search.strip()}%"
                query = query.where(
                    or_(
                        Organisation.name.ilike(pattern),
                        Organisation.unit.ilike(pattern),
                        FollowUpSession.title.ilike(pattern),
                        FollowUpSession.period.ilike(pattern),
                        FollowUpSession.facilitator.ilike(pattern),
                    )
                )
            grouped: dict[int, list[SessionSummary]] = {}
            organisations: dict[int, OrganisationInfo] = {}
            for session_id, title, stored_date, period, facilitator, org_id, name, unit, n in db.execute(query):
                info = organisations.get(org_id)
                if info is None:
                    info = organisations[org_id] = OrganisationInfo(org_id, name, unit)
                try:
                    date = stored_date if isinstance(stored_date, dt.date) else dt.date.fromisoformat(stored_date)
                except (TypeError, ValueError):
                    log.warning(
                        "session %s: the stored date %r cannot be read; left out of the list", session_id, stored_date
                    )
                    continue
                grouped.setdefault(org_id, []).append(
                    SessionSummary(session_id, info, title, date, period, facilitator, int(n))
                )
            if not search.strip():
                for org_id, name, unit in db.execute(
                    select(Organisation.id, Organisation.name, Organisation.unit).order_by(
                        Organisation.name, Organisation.unit
                    )
                ):
                    organisations.setdefault(org_id, OrganisationInfo(org_id, name, unit))
            return [
                OrganisationSessions(info, tuple(grouped.get(org_id, ())))
                for org_id, info in sorted(organisations.items(), key=lambda kv: (kv[1].name, kv[1].unit))
            ]

    def session_info(self, session_id: int) -> SessionInfo:
        with self.database.reading() as db:
            return session_info(self._get(db, FollowUpSession, session_id, SESSION))

    def previous_session_id(self, session_id: int) -> int | None:
        """The latest earlier session of the same organisation ("last year's")."""
        with self.database.reading() as db:
            row = self._get(db, FollowUpSession, session_id, SESSION)
            return self._previous_id(db, row.organisation_id, row.date, row.id)

    def latest_session_id(self, organisation: str, unit: str = "") -> int | None:
        with self.database.reading() as db:
            return db.scalar(
                select(FollowUpSession.id)
                .join(Organisation)
                .where(Organisation.name == organisation, Organisation.unit == unit)
                .order_by(FollowUpSession.date.desc(), FollowUpSession.id.desc())
                .limit(1)
            )

    @staticmethod
    def _previous_id(db: Session, organisation_id: int, date: dt.date, exclude: int | None) -> int | None:
        """The session of the same organisation just before (``date``, ``exclude``): an earlier date, or the
        same date and created before it — so two sessions on one day are never each other's "last year"."""
        earlier = FollowUpSession.date < date
        if exclude is not None:
            earlier = or_(earlier, (FollowUpSession.date == date) & (FollowUpSession.id < exclude))
        else:
            earlier = FollowUpSession.date <= date
        query = (
            select(FollowUpSession.id)
            .where(FollowUpSession.organisation_id == organisation_id, earlier)
            .order_by(FollowUpSession.date.desc(), FollowUpSession.id.desc())
            .limit(1)
        )
        return db.scalar(query)

    # -- creating and changing sessions ---------------------------------------------------------------
    @staticmethod
    def _organisation(db: Session, name: str, unit: str) -> Organisation:
        name = check_text(name, Message("the organisation"), max_length=NAME_MAX, required=True).strip()
        unit = check_text(unit, Message("the unit"), max_length=NAME_MAX).strip()
        row = db.scalar(select(Organisation).where(Organisation.name == name, Organisation.unit == unit))
        if row is None:
            row = Organisation(name=name, unit=unit)
            db.add(row)
            db.flush()
        return row

    def create_session(self, new: NewSession) -> Changes:
        if new.language not in ("sv", "en"):
            raise InputError("the language must be sv or en")
        if len(new.participants) > MAX_PARTICIPANTS:
            raise InputError(
                "a session holds at most {limit} {what}", limit=MAX_PARTICIPANTS, what=Message("participants")
            )
        for what, value, limit in (
            (Message("the title"), new.title, 200),
            (Message("the period"), new.period, 50),
            (Message("the facilitator"), new.facilitator, NAME_MAX),
            (Message("the case number"), new.case_number, 100),
        ):
            check_text(value, what, max_length=limit)
        with self.database.transaction() as db:
            organisation = self._organisation(db, new.organisation, new.unit)
            row = FollowUpSession(
                organisation=organisation,
                date=parse_date(new.date),
                title=new.title,
                period=new.period,
                facilitator=new.facilitator,
                case_number=new.case_number,
                language=new.language,
                anonymity=Anonymity(new.anonymity).value,
                parts=check_parts(new.parts),
                defer_improvements=False,
                current_step="",
                revealed_rounds="",
                extra="",
            )
            db.add(row)
            db.flush()
            for position, participant in enumerate(new.participants):
                self._add_participant(db, row, participant, position)
            if new.continue_from is not None:
                self._continue_from(db, row, new.continue_from, new.starting_points_from)
            elif new.starting_points_from:
                raise InputError("new starting points come from the follow-up this one continues from")
            db.flush()
            return Changes(Changed.SESSIONS | Changed.SESSION | Changed.PARTICIPANTS, row.id, row.id)

    def _continue_from(
        self, db: Session, row: FollowUpSession, previous_id: int, starting_points_from: Iterable[int] = ()
    ) -> None:
        """Last year's program logic becomes this year's starting point (Behöver förra årets … uppdateras?):
        each item carried with last time's status and outcome beside it, starting as planned / expected;
        the unexpected results and effects the facilitator accepted become new starting points."""
        previous = self._get(db, FollowUpSession, previous_id, SESSION)
        if previous.organisation_id != row.organisation_id:
            raise InputError("a session can only continue from a session of the same organisation")
        row.previous_session_id = previous.id
        mapping: dict[int, LogicItem] = {}
        old_items = list(
            db.scalars(select(LogicItem).where(LogicItem.session_id == previous.id).order_by(LogicItem.position))
        )
        unexpected = {
            item.id: item
            for item in old_items
            if item.unexpected and item.kind in (ItemKind.RESULT.value, ItemKind.EFFECT.value)
        }
        accepted = list(dict.fromkeys(starting_points_from))
        for item_id in accepted:
            if item_id not in unexpected:
                raise InputError(
                    "only an unexpected result or effect of the previous follow-up can become a starting point"
                )
        for item in old_items:
            kind = ItemKind(item.kind)
            copy = LogicItem(
                session_id=row.id,
                kind=item.kind,
                key=item.key,
                text=item.text,
                outcome="",
                status=DEFAULT_STATUS.get(kind),
                unexpected=False,
                carried_over=True,
                previous_status=item.status,
                previous_outcome=item.outcome or None,
                dropped_reason=item.dropped_reason,
                category=item.category,
                indicators=item.indicators,
                budget_sek=None,
                spent_sek=None,
                position=item.position,
            )
            db.add(copy)
            mapping[item.id] = copy
        keys = [item.key for item in old_items if item.kind == ItemKind.STARTING_POINT.value]
        position = 1 + max(
            (item.position for item in old_items if item.kind == ItemKind.STARTING_POINT.value), default=-1
        )
        for item_id in accepted:
            source = unexpected[item_id]
            key = next_key(keys, "s")
            keys.append(key)
            db.add(
                LogicItem(
                    session_id=row.id,
                    kind=ItemKind.STARTING_POINT.value,
                    key=key,
                    text=source.text,
                    outcome="",
                    status=None,
                    unexpected=False,
                    carried_over=False,
                    category=StartingPointKind.OTHER.value,
                    indicators="",
                    position=position,
                )
            )
            position += 1
        db.flush()
        for link in db.scalars(select(LogicLink).where(LogicLink.session_id == previous.id)):
            db.add(
                LogicLink(session_id=row.id, source_id=mapping[link.source_id].id, target_id=mapping[link.target_id].id)
            )

    def update_session(self, session_id: int, **fields: Unpack[SessionFields]) -> Changes:
        """Change a session's own fields: title, date, period, facilitator, case_number, language,
        anonymity, parts, defer_improvements, current_step, organisation, unit."""
        allowed = {
            "title": (200, Message("title")),
            "period": (50, Message("period")),
            "facilitator": (NAME_MAX, Message("facilitator")),
            "case_number": (100, Message("case number")),
            "current_step": (40, Message("current step")),
        }
        what = Changed.SESSION
        with self.database.transaction() as db:
            row = self._get(db, FollowUpSession, session_id, SESSION)
            org_name = fields.pop("organisation", None)
            org_unit = fields.pop("unit", None)
            left: Organisation | None = None
            if org_name is not None or org_unit is not None:
                left = row.organisation
                row.organisation = self._organisation(
                    db,
                    str(org_name if org_name is not None else left.name),
                    str(org_unit if org_unit is not None else left.unit),
                )
                what |= Changed.SESSIONS
            for name, value in fields.items():
                if name in allowed:
                    limit, label = allowed[name]
                    setattr(row, name, check_text(str(value), label, max_length=limit))
                    what |= Changed.SESSIONS if name in ("title", "period", "facilitator") else Changed.NONE
                elif name == "date":
                    row.date = parse_date(fields["date"])
                    what |= Changed.SESSIONS
                elif name == "language":
                    if value not in ("sv", "en"):
                        raise InputError("the language must be sv or en")
                    row.language = str(value)
                elif name == "anonymity":
                    try:
                        mode = Anonymity(str(value))
                    except ValueError as error:
                        raise InputError("unknown anonymity mode {value!r}", value=value) from error
                    row.anonymity = mode.value
                    if mode is Anonymity.ANONYMOUS:
                        for participant in row.participants:
                            participant.name = None
                        what |= Changed.PARTICIPANTS
                elif name == "parts":
                    row.parts = check_parts(fields["parts"])
                elif name == "defer_improvements":
                    row.defer_improvements = bool(value)
                else:
                    raise InputError("a session has no field {name!r}", name=name)
            self._flush(db, Message("the session"))
            if left is not None and left is not row.organisation:
                self._drop_if_empty(db, left)
            names_removed = Changed.PARTICIPANTS in what
        if names_removed:
            self._forget_removed_names()
        return Changes(what, session_id)

    def _forget_removed_names(self) -> None:
        """After names were removed (a switch to anonymous mode), make them gone from the disk too: the file
        zeroes deleted content (``secure_delete``), the ``-wal`` that still holds the old pages is emptied by a
        checkpoint, and today's backup is taken afresh without them."""
        from lardesk.storage.backups import renew_daily_backup

        file, folder = self.database.file, self.database.backup_dir
        if file is None:
            return
        with self.database.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        if folder is not None:
            renew_daily_backup(file, folder)

    @staticmethod
    def _drop_if_empty(db: Session, organisation: Organisation) -> None:
        """Delete an organisation that has no session left (it would stay in the list, empty, for good)."""
        remaining = db.scalar(
            select(func.count(FollowUpSession.id)).where(FollowUpSession.organisation_id == organisation.id)
        )
        if not remaining:
            db.delete(organisation)

    def delete_session(self, session_id: int) -> Changes:
        with self.database.transaction() as db:
            # The row is not loaded (a session with a value lardesk cannot read can still be deleted).
            organisation_id = db.scalar(
                select(FollowUpSession.organisation_id).where(FollowUpSession.id == check_id(session_id))
            )
            if organisation_id is None:
                raise NotFound("there is no {what} with id {id}", what=SESSION, id=session_id)
            # Explicit deletes: SQLite only cascades when foreign keys are on, and a PostgreSQL database
            # may have been created by hand; this way both behave the same.
            for model in (Rating, LogicLink, Note, JointAssessment, Improvement):
                db.execute(delete(model).where(model.session_id == session_id))
            db.execute(delete(LogicItem).where(LogicItem.session_id == session_id))
            db.execute(delete(Participant).where(Participant.session_id == session_id))
            db.execute(
                update(FollowUpSession)
                .where(FollowUpSession.previous_session_id == session_id)
                .values(previous_session_id=None)
            )
            db.execute(delete(FollowUpSession).where(FollowUpSession.id == session_id))
            db.flush()
            self._drop_if_empty(db, self._get(db, Organisation, organisation_id, Message("organisation")))
            return Changes(Changed.SESSIONS, session_id)

    def duplicate_as_next_year(self, session_id: int, date: dt.date | None = None) -> Changes:
        """A new session of the same organisation that continues from this one (next year's follow-up)."""
        info = self.session_info(session_id)
        snapshot = self.snapshot(session_id)
        next_date = date or _add_year(info.date)
        period = str(int(info.period) + 1) if info.period.isdigit() else info.period
        return self.create_session(
            NewSession(
                organisation=info.organisation.name,
                unit=info.organisation.unit,
                date=next_date,
                title=info.title,
                period=period,
                facilitator=info.facilitator,
                case_number="",
                language=info.language,
                anonymity=info.anonymity,
                parts=info.parts,
                participants=tuple(NewParticipant(p.role, p.name, p.gender, p.key) for p in snapshot.participants),
                continue_from=session_id,
            )
        )

    # -- participants --------------------------------------------------------------------------------
    def _add_participant(
        self, db: Session, session: FollowUpSession, new: NewParticipant, position: int
    ) -> Participant:
        keys = db.scalars(select(Participant.key).where(Participant.session_id == session.id)).all()
        key = new.key or next_key(keys, "p")
        name = new.name.strip() if new.name else None
        if session.anonymity == Anonymity.ANONYMOUS.value:
            name = None
        try:
            gender = Gender(new.gender)
        except ValueError as error:
            raise InputError("unknown gender {value!r}", value=new.gender) from error
        row = Participant(
            session_id=session.id,
            key=key,
            name=check_text(name, Message("the name"), max_length=NAME_MAX) if name else None,
            role=check_text(new.role, Message("the role"), max_length=NAME_MAX).strip(),
            gender=gender.value,
            present=True,
            position=position,
        )
        db.add(row)
        self._flush(db, Message("participant {key}", key=key))
        return row

    def add_participant(self, session_id: int, new: NewParticipant) -> Changes:
        with self.database.transaction() as db:
            session = self._get(db, FollowUpSession, session_id, SESSION)
            check_room(db, Participant.session_id, session_id, MAX_PARTICIPANTS, Message("participants"))
            position = db.scalar(
                select(func.coalesce(func.max(Participant.position) + 1, 0)).where(Participant.session_id == session_id)
            )
            row = self._add_participant(db, session, new, int(position or 0))
            return Changes(Changed.PARTICIPANTS | Changed.SESSIONS, session_id, row.id)

    def update_participant(self, participant_id: int, **fields: Unpack[ParticipantFields]) -> Changes:
        with self.database.transaction() as db:
            row = self._get(db, Participant, participant_id, PARTICIPANT)
            session = self._get(db, FollowUpSession, row.session_id, SESSION)
            what = Changed.PARTICIPANTS
            for name, value in fields.items():
                if name == "name":
                    text = str(value).strip() if value else None
                    if text and session.anonymity == Anonymity.ANONYMOUS.value:
                        raise InputError("this session is anonymous: no names are stored")
                    row.name = check_text(text, Message("the name"), max_length=NAME_MAX) if text else None
                elif name == "role":
                    row.role = check_text(str(value), Message("the role"), max_length=NAME_MAX).strip()
                elif name == "gender":
                    try:
                        row.gender = Gender(str(value)).value
                    except ValueError as error:
                        raise InputError("unknown gender {value!r}", value=value) from error
                elif name == "present":
                    row.present = bool(value)
                    what |= Changed.RATINGS
                else:
                    raise InputError("a participant has no field {name!r}", name=name)
            return Changes(what, row.session_id)

    def remove_participant(self, participant_id: int) -> Changes:
        with self.database.transaction() as db:
            row = self._get(db, Participant, participant_id, PARTICIPANT)
            session_id = row.session_id
            db.execute(delete(Rating).where(Rating.participant_id == participant_id))
            db.delete(row)
            return Changes(Changed.PARTICIPANTS | Changed.RATINGS | Changed.SESSIONS, session_id)

    # -- notes ----------------------------------------------------------------------------------------
    def set_note(self, session_id: int, section: int, question: int, text: str) -> Changes:
        """Write a note through (called as the facilitator types); empty text removes it."""
        if section not in SECTIONS:
            raise InputError("there is no section {section}", section=section)
        if not isinstance(question, int) or question < 0:
            raise InputError("there is no question {question}", question=question)
        check_text(text, Message("the note"), max_length=NOTE_MAX)
        with self.database.transaction() as db:
            self._get(db, FollowUpSession, session_id, SESSION)
            others = db.scalar(
                select(func.coalesce(func.sum(func.length(Note.text)), 0)).where(
                    Note.session_id == session_id, ~((Note.section == section) & (Note.question == question))
                )
            )
            if int(others or 0) + len(text) > MAX_NOTES_TEXT:
                raise InputError(
                    "the notes of a session hold at most {limit} characters together", limit=MAX_NOTES_TEXT
                )
            row = db.scalar(
                select(Note).where(Note.session_id == session_id, Note.section == section, Note.question == question)
            )
            if row is None:
                if text:
                    db.add(Note(session_id=session_id, section=section, question=question, text=text))
            elif text:
                row.text = text
            else:
                db.delete(row)
            return Changes(Changed.NOTES, session_id)

    # -- improvement actions --------------------------------------------------------------------------
    def add_improvement(
        self,
        session_id: int,
        text: str,
        scale: int | None = None,
        owner: str = "",
        due: dt.date | str | None = None,
        *,
        position: int | None = None,
        done: bool = False,
        status: ActionStatus | str | None = None,
        status_comment: str = "",
        status_date: dt.date | str | None = None,
        key: str | None = None,
    ) -> Changes:
        """A new action, last in the list unless ``position`` says where (undoing a delete puts it back there,
        with its status and key, in the same transaction). ``done`` is the old way to say status done."""
        check_text(text, Message("the action"), max_length=5000, required=True)
        check_text(owner, Message("the owner"), max_length=NAME_MAX)
        if scale is not None and scale not in SECTIONS:
            raise InputError("there is no section {section}", section=scale)
        state = action_status(status) if status is not None else (ActionStatus.DONE if done else ActionStatus.OPEN)
        check_text(status_comment, Message("the comment"), max_length=5000)
        with self.database.transaction() as db:
            check_room(db, Improvement.session_id, session_id, MAX_IMPROVEMENTS, Message("improvement actions"))
            self._get(db, FollowUpSession, session_id, SESSION)
            keys = db.scalars(select(Improvement.key).where(Improvement.session_id == session_id)).all()
            if key is not None and (not KEY_PATTERN.fullmatch(key) or key in keys):
                raise InputError("{key!r} is not a free key for an improvement action", key=key)
            if position is None:
                position = db.scalar(
                    select(func.coalesce(func.max(Improvement.position) + 1, 0)).where(
                        Improvement.session_id == session_id
                    )
                )
            row = Improvement(
                session_id=session_id,
                scale=scale,
                text=text.strip(),
                owner=owner.strip(),
                due=parse_date(due, Message("the due date")) if due else None,
                key=key or next_key(keys, "i"),
                status=state.value,
                status_comment=status_comment,
                status_date=parse_date(status_date, Message("the date")) if status_date else None,
                position=int(position or 0),
            )
            db.add(row)
            db.flush()
            return Changes(Changed.IMPROVEMENTS, session_id, row.id)

    def update_improvement(self, improvement_id: int, **fields: Unpack[ImprovementFields]) -> Changes:
        with self.database.transaction() as db:
            row = self._get(db, Improvement, improvement_id, IMPROVEMENT)
            for name, value in fields.items():
                if name == "text":
                    row.text = check_text(str(value), Message("the action"), max_length=5000, required=True).strip()
                elif name == "owner":
                    row.owner = check_text(str(value), Message("the owner"), max_length=NAME_MAX).strip()
                elif name == "due":
                    due = fields["due"]
                    row.due = parse_date(due, Message("the due date")) if due else None
                elif name == "scale":
                    if value is not None and value not in SECTIONS:
                        raise InputError("there is no section {section}", section=value)
                    row.scale = value
                elif name == "done":  # the old way to say status done / open
                    row.status = (ActionStatus.DONE if value else ActionStatus.OPEN).value
                elif name == "status":
                    row.status = action_status(value).value
                    if "status_date" not in fields:
                        row.status_date = dt.date.today()
                elif name == "status_comment":
                    row.status_comment = check_text(str(value), Message("the comment"), max_length=5000)
                elif name == "status_date":
                    when = fields["status_date"]
                    row.status_date = parse_date(when, Message("the date")) if when else None
                elif name == "position":
                    row.position = int(fields["position"])
                else:
                    raise InputError("an improvement action has no field {name!r}", name=name)
            return Changes(Changed.IMPROVEMENTS, row.session_id)

    def set_action_status(
        self,
        improvement_id: int,
        status: ActionStatus | str,
        comment: str | None = None,
        date: dt.date | str | None = None,
    ) -> Changes:
        """Set an action's status (the review at the next follow-up, or a checkpoint during the year), with a
        comment when given, and the date it was set (today unless ``date`` says otherwise)."""
        state = action_status(status)
        if comment is not None:
            check_text(comment, Message("the comment"), max_length=5000)
        when = parse_date(date, Message("the date")) if date else dt.date.today()
        with self.database.transaction() as db:
            row = self._get(db, Improvement, improvement_id, IMPROVEMENT)
            row.status = state.value
            if comment is not None:
                row.status_comment = comment
            row.status_date = when
            return Changes(Changed.IMPROVEMENTS, row.session_id)

    def review_previous_action(
        self, session_id: int, improvement_id: int, status: ActionStatus | str, comment: str | None = None
    ) -> Changes:
        """The group reviews one of the previous follow-up's actions in this session: its status (done, partly
        done, not done, dropped …) and a comment, dated this session's date. The change is this session's."""
        state = action_status(status)
        with self.database.reading() as db:
            session = self._get(db, FollowUpSession, session_id, SESSION)
            previous_id = session.previous_session_id or self._previous_id(
                db, session.organisation_id, session.date, session.id
            )
            action = self._get(db, Improvement, improvement_id, IMPROVEMENT)
            if previous_id is None or action.session_id != previous_id:
                raise InputError("this action is not one of the previous follow-up's")
            when = session.date
        self.set_action_status(improvement_id, state, comment, when)
        return Changes(Changed.IMPROVEMENTS, session_id)

    def delete_improvement(self, improvement_id: int) -> Changes:
        with self.database.transaction() as db:
            row = self._get(db, Improvement, improvement_id, IMPROVEMENT)
            db.delete(row)
            return Changes(Changed.IMPROVEMENTS, row.session_id)

    # -- the snapshot ---------------------------------------------------------------------------------
    def snapshot(self, session_id: int, *, with_previous: bool = True) -> SessionSnapshot:
        with self.database.reading() as db:
            row = db.get(FollowUpSession, session_id)
            if row is None:
                raise NotFound("there is no {what} with id {id}", what=SESSION, id=session_id)
            snapshot = self._snapshot(db, row)
            if with_previous:
                previous_id = row.previous_session_id or self._previous_id(db, row.organisation_id, row.date, row.id)
                previous = db.get(FollowUpSession, previous_id) if previous_id else None
                if previous is not None:
                    snapshot = _with_previous(snapshot, self._snapshot(db, previous))
            return snapshot

    def present_participants(self, session_id: int) -> tuple[ParticipantInfo, ...]:
        """The session's participants present, in order: the snapshot's ``present`` without reading the rest
        (a phone round asks at every seat request)."""
        with self.database.reading() as db:
            if db.get(FollowUpSession, session_id) is None:
                raise NotFound("there is no {what} with id {id}", what=SESSION, id=session_id)
            return tuple(p for p in self._participants(db, session_id) if p.present)

    @staticmethod
    def _participants(db: Session, session_id: int) -> tuple[ParticipantInfo, ...]:
        query = select(Participant).where(Participant.session_id == session_id)
        return tuple(participant_info(p) for p in db.scalars(query.order_by(Participant.position, Participant.id)))

    def _snapshot(self, db: Session, row: FollowUpSession) -> SessionSnapshot:
        sid = row.id
        participants = self._participants(db, sid)
        items = tuple(
            item_info(i)
            for i in db.scalars(
                select(LogicItem).where(LogicItem.session_id == sid).order_by(LogicItem.position, LogicItem.id)
            )
        )
        links = tuple(
            LinkInfo(source, target)
            for source, target in db.execute(
                select(LogicLink.source_id, LogicLink.target_id)
                .where(LogicLink.session_id == sid)
                .order_by(LogicLink.id)
            )
        )
        notes = tuple(
            NoteInfo(n.section, n.question, n.text)
            for n in db.scalars(select(Note).where(Note.session_id == sid).order_by(Note.section, Note.question))
        )
        ratings = tuple(
            RatingInfo(participant, scale, round_, value)
            for participant, scale, round_, value in db.execute(
                select(Rating.participant_id, Rating.scale, Rating.round, Rating.value)
                .where(Rating.session_id == sid)
                .order_by(Rating.round, Rating.scale, Rating.participant_id)
            )
        )
        joint = tuple(
            JointInfo(j.scale, j.value, j.comment)
            for j in db.scalars(
                select(JointAssessment).where(JointAssessment.session_id == sid).order_by(JointAssessment.scale)
            )
        )
        improvements = tuple(
            improvement_info(i)
            for i in db.scalars(
                select(Improvement).where(Improvement.session_id == sid).order_by(Improvement.position, Improvement.id)
            )
        )
        extra: dict[str, object] = json.loads(row.extra) if row.extra else {}
        return SessionSnapshot(
            session=session_info(row),
            participants=participants,
            items=items,
            links=links,
            notes=notes,
            ratings=ratings,
            joint=joint,
            improvements=improvements,
            extra=extra,
        )


def _with_previous(snapshot: SessionSnapshot, previous: SessionSnapshot) -> SessionSnapshot:
    """``snapshot`` with last year's per-scale summary (round 1, present participants) and actions beside it."""
    histories = []
    for stats in previous.stats(1):
        joint = previous.joint_for(stats.scale)
        histories.append(ScaleHistory.of(stats, joint.value if joint else None))
    summary = PreviousSession(
        id=previous.session.id,
        date=previous.session.date,
        period=previous.session.period,
        scales=tuple(histories),
        improvements=previous.improvements,
    )
    return dataclasses.replace(snapshot, previous=summary)


def _add_year(date: dt.date) -> dt.date:
    try:
        return date.replace(year=date.year + 1)
    except ValueError:  # 29 February
        return date.replace(year=date.year + 1, day=28)
