"""The strategist's overview across units, and the improvement actions followed through the year.

The overview is read in a fixed number of queries, whatever the number of units and sessions: one for the
units with their latest and previous follow-up (a window function ranks each organisation's sessions), then
one per table — agreed values, absent participants, ratings, logic items, links, actions — for all the chosen
sessions at once (their ids as one list, read through each table's session index). Nothing is read per
session; the medians and the findings are computed here from those rows (the gap rules are
:func:`lardesk.method.logic.find_findings`, the same as everywhere else).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Select, and_, case, func, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.selectable import CTE

from lardesk.method.actions import ActionStatus
from lardesk.method.logic import ItemKind, LogicNode, count_by_code, find_findings
from lardesk.method.messages import Message
from lardesk.method.overview import (
    ActionEntry,
    Overview,
    SessionRef,
    UnitOverview,
    count_actions,
    scale_overviews,
    select_actions,
)
from lardesk.services.base import InputError, NotFound, ServiceBase
from lardesk.storage.models import (
    FollowUpSession,
    Improvement,
    JointAssessment,
    LogicItem,
    LogicLink,
    Organisation,
    Participant,
    Rating,
)

SESSION = Message("session")
KINDS = {kind.value: kind for kind in ItemKind}
IDS_PER_QUERY = 5000
"""Session ids sent in one statement (SQLite takes 32,766 parameters, PostgreSQL 65,535)."""


STATUSES = {status.value: status for status in ActionStatus}


class OverviewService(ServiceBase):
    # -- the overview ---------------------------------------------------------------------------------------
    def overview(
        self, *, organisation: str | None = None, year: int | None = None, today: dt.date | None = None
    ) -> Overview:
        """One row per organisation and unit with its latest follow-up (of ``year``, when given: the latest
        session dated that year, beside the one before it), ordered by organisation then unit."""
        today = today or dt.date.today()
        with self._consistent() as db:
            picked = self._picked(organisation, year)
            units = db.execute(
                select(
                    picked.c.latest_id,
                    picked.c.latest_date,
                    picked.c.previous_id,
                    picked.c.previous_date,
                    Organisation.id,
                    Organisation.name,
                    Organisation.unit,
                )
                .join(Organisation, Organisation.id == picked.c.organisation_id)
                .order_by(Organisation.name, Organisation.unit, Organisation.id)
            ).all()
            # Then each table once for all the units: the chosen sessions' ids go to the server as one list
            # (a few thousand at most per statement), and each table is read through its session index.
            latest_ids = [row[0] for row in units]
            both_ids = latest_ids + [row[2] for row in units if row[2] is not None]

            def rows_of(query: Any, column: Any, ids: list[int]) -> list[Any]:
                found: list[Any] = []
                for start in range(0, len(ids), IDS_PER_QUERY):
                    found += db.execute(query.where(column.in_(ids[start : start + IDS_PER_QUERY]))).all()
                return found

            joint: dict[int, dict[int, int]] = defaultdict(dict)
            for session_id, scale, value in rows_of(
                select(JointAssessment.session_id, JointAssessment.scale, JointAssessment.value),
                JointAssessment.session_id,
                both_ids,
            ):
                joint[session_id][scale] = value
            # Only those present count (as in the session's own statistics): the few absent are read apart,
            # so the ratings need no join with the participants.
            absent = {
                row[0]
                for row in rows_of(
                    select(Participant.id).where(Participant.present.is_(False)), Participant.session_id, latest_ids
                )
            }
            ratings: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
            for session_id, participant_id, scale, given in rows_of(
                select(Rating.session_id, Rating.participant_id, Rating.scale, Rating.value).where(
                    Rating.round == 1, Rating.value.is_not(None)
                ),
                Rating.session_id,
                latest_ids,
            ):
                if participant_id not in absent and given is not None:
                    ratings[session_id][scale].append(given)
            nodes: dict[int, list[LogicNode]] = defaultdict(list)
            for item_id, session_id, kind, status, dropped_reason, carried_over in rows_of(
                select(
                    LogicItem.id,
                    LogicItem.session_id,
                    LogicItem.kind,
                    LogicItem.status,
                    LogicItem.dropped_reason,
                    LogicItem.carried_over,
                ),
                LogicItem.session_id,
                latest_ids,
            ):
                node = LogicNode(
                    item_id, KINDS[kind], "", status, dropped=dropped_reason is not None, carried_over=carried_over
                )
                nodes[session_id].append(node)
            links: dict[int, list[tuple[int, int]]] = defaultdict(list)
            for session_id, source, target in rows_of(
                select(LogicLink.session_id, LogicLink.source_id, LogicLink.target_id), LogicLink.session_id, latest_ids
            ):
                links[session_id].append((source, target))
            actions: dict[int, list[tuple[ActionStatus, dt.date | None]]] = defaultdict(list)
            for session_id, status, due in rows_of(
                select(Improvement.session_id, Improvement.status, Improvement.due), Improvement.session_id, latest_ids
            ):
                actions[session_id].append((STATUSES[status], due))
        rows = []
        for latest_id, latest_date, previous_id, previous_date, org_id, name, unit in units:
            rows.append(
                UnitOverview(
                    organisation_id=org_id,
                    organisation=name,
                    unit=unit,
                    latest=SessionRef(latest_id, latest_date),
                    previous=SessionRef(previous_id, previous_date) if previous_id is not None else None,
                    scales=scale_overviews(
                        joint.get(latest_id, {}),
                        ratings.get(latest_id, {}),
                        joint.get(previous_id, {}) if previous_id is not None else {},
                    ),
                    findings=count_by_code(find_findings(nodes.get(latest_id, []), links.get(latest_id, []))),
                    actions=count_actions(actions.get(latest_id, []), today),
                )
            )
        return Overview(tuple(rows), today)

    def overview_years(self) -> tuple[int, ...]:
        """Every year that has a follow-up, newest first (for the overview's year filter)."""
        return self.overview_choices()[1]

    def overview_choices(self) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """The organisations (by name) and the years (newest first) the overview can be filtered by."""
        with self.database.reading() as db:
            names = db.scalars(
                select(Organisation.name).where(
                    select(FollowUpSession.id).where(FollowUpSession.organisation_id == Organisation.id).exists()
                )
            ).all()
            dates = db.scalars(select(FollowUpSession.date).distinct()).all()
        return tuple(sorted(set(names))), tuple(sorted({date.year for date in dates}, reverse=True))

    @contextmanager
    def _consistent(self) -> Iterator[Connection]:
        """A read in which every query sees the same state (SQLite: one read transaction; PostgreSQL: one
        snapshot for the whole transaction, not one per statement), on Core rows (no ORM objects to build)."""
        with self.database.reading() as db:
            options = {} if self.database.is_sqlite else {"isolation_level": "REPEATABLE READ"}
            yield db.connection(execution_options=options)

    @staticmethod
    def _picked(organisation: str | None, year: int | None) -> CTE:
        """Per organisation and unit: the latest session (of ``year``) and the previous one, as a CTE with
        organisation_id, latest_id, latest_date, previous_id, previous_date.

        "Previous" is the session the latest one continues from when it names one of the same unit, else the
        one just before it (an earlier date, or the same date and created before) — as the session window's
        "last year beside this year"."""
        s = FollowUpSession
        ranked_query: Select[tuple[int, int, dt.date, int | None, int]] = select(
            s.id,
            s.organisation_id,
            s.date,
            s.previous_session_id,
            func.row_number().over(partition_by=s.organisation_id, order_by=(s.date.desc(), s.id.desc())).label("rn"),
        )
        if year is not None:
            ranked_query = ranked_query.where(s.date <= dt.date(year, 12, 31))
        if organisation is not None:
            ranked_query = ranked_query.join(Organisation, Organisation.id == s.organisation_id).where(
                Organisation.name == organisation
            )
        ranked = ranked_query.cte("ranked")
        latest = ranked.alias("latest")
        second = ranked.alias("second")
        named = aliased(FollowUpSession, name="named")
        query = (
            select(
                latest.c.organisation_id,
                latest.c.id.label("latest_id"),
                latest.c.date.label("latest_date"),
                func.coalesce(named.id, second.c.id).label("previous_id"),
                case((named.id.is_not(None), named.date), else_=second.c.date).label("previous_date"),
            )
            .select_from(latest)
            .outerjoin(
                named,
                and_(named.id == latest.c.previous_session_id, named.organisation_id == latest.c.organisation_id),
            )
            .outerjoin(second, and_(second.c.organisation_id == latest.c.organisation_id, second.c.rn == 2))
            .where(latest.c.rn == 1)
        )
        if year is not None:
            query = query.where(latest.c.date >= dt.date(year, 1, 1))
        return query.cte("picked")

    # -- the actions ----------------------------------------------------------------------------------------
    def actions(
        self,
        *,
        open_only: bool = False,
        overdue_only: bool = False,
        today: dt.date | None = None,
    ) -> list[ActionEntry]:
        """Every improvement action of every session, by organisation, unit, session date and the order
        the group wrote them in. ``open_only``: open or in progress; ``overdue_only``: those of them whose
        date is before ``today``."""
        today = today or dt.date.today()
        with self.database.reading() as db:
            entries = self._action_entries(db.connection(), None)
        return select_actions(entries, today, open_only=open_only, overdue_only=overdue_only)

    def checkpoint_actions(self, units: Sequence[str] = ()) -> list[ActionEntry]:
        """The half-year checkpoint's actions: those of each unit's latest follow-up, by organisation and unit.
        ``units`` chooses units by name, by "organisation – unit" or by organisation (all its units); a name
        that matches nothing is refused."""
        with self._consistent() as db:
            entries = self._action_entries(db, self._picked(None, None))
        if not units:
            return entries
        wanted = {name.strip().casefold() for name in units}
        known = {name for entry in entries for name in _unit_names(entry)}
        unknown = sorted(name for name in units if name.strip().casefold() not in known)
        if unknown:
            raise InputError("there is no unit named {names} with improvement actions", names=", ".join(unknown))
        return [entry for entry in entries if wanted & _unit_names(entry)]

    @staticmethod
    def _action_entries(db: Connection, picked: CTE | None) -> list[ActionEntry]:
        query = (
            select(
                Improvement.id,
                Improvement.session_id,
                Improvement.key,
                Improvement.scale,
                Improvement.text,
                Improvement.owner,
                Improvement.due,
                Improvement.status,
                Improvement.status_comment,
                Improvement.status_date,
                FollowUpSession.date,
                Organisation.name,
                Organisation.unit,
            )
            .join(FollowUpSession, FollowUpSession.id == Improvement.session_id)
            .join(Organisation, Organisation.id == FollowUpSession.organisation_id)
            .order_by(
                Organisation.name,
                Organisation.unit,
                FollowUpSession.date,
                FollowUpSession.id,
                Improvement.position,
                Improvement.id,
            )
        )
        if picked is not None:
            query = query.join(picked, picked.c.latest_id == Improvement.session_id)
        return [
            ActionEntry(
                id=row.id,
                organisation=row.name,
                unit=row.unit,
                session_id=row.session_id,
                session_date=row.date,
                key=row.key,
                scale=row.scale,
                text=row.text,
                owner=row.owner,
                due=row.due,
                status=STATUSES[row.status],
                status_comment=row.status_comment,
                status_date=row.status_date,
            )
            for row in db.execute(query).all()
        ]

    def action_id(self, session_id: int, key: str) -> int:
        """The id of the improvement action ``key`` of session ``session_id`` (refused when there is none)."""
        with self.database.reading() as db:
            self._get(db, FollowUpSession, session_id, SESSION)
            found = db.scalar(
                select(Improvement.id).where(Improvement.session_id == session_id, Improvement.key == key)
            )
        if found is None:
            raise NotFound(
                "session {session} has no improvement action with the key {key!r}", session=session_id, key=key
            )
        return found


def _unit_names(entry: ActionEntry) -> set[str]:
    """What a user may call the entry's unit: its name, "organisation – unit", or the organisation."""
    return {name.casefold() for name in (entry.unit, entry.display_unit, entry.organisation) if name}


__all__ = ["OverviewService"]
