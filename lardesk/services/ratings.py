"""Use cases on the personal assessments (Bilaga 2) and the joint assessment (samlad bedömning)."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from lardesk.method.guide import SECTIONS
from lardesk.method.messages import Message
from lardesk.method.snapshot import PreviousSession, ScaleHistory
from lardesk.method.stats import MAX_REVEALED_ROUND, RatingError, check_value, scale_stats
from lardesk.services.base import Changed, Changes, InputError, NotFound, ServiceBase, check_text
from lardesk.storage.models import FollowUpSession, JointAssessment, Organisation, Participant, Rating

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Chooser = Callable[[Sequence[int]], int]
"""Picks one participant id of those given (a phone round: at random, ``secrets.choice``)."""


@dataclass(frozen=True, slots=True)
class Placed:
    """Where an answer went: its participant and the Changes, or (None, None) when nobody was free."""

    participant_id: int | None
    changes: Changes | None


def _check_scale(scale: int) -> int:
    """A scale number 1–9, an ``int`` itself: ``True`` (== 1) and ``1.0`` are refused, not taken as scale 1."""
    if type(scale) is not int:
        raise InputError("a scale is a whole number from 1 to 9, not {scale!r}", scale=scale)
    if scale not in SECTIONS:
        raise InputError("there is no scale {scale}; the scales are 1–9", scale=scale)
    return scale


def _check_round(round_: int) -> int:
    """A round 1, 2, …, an ``int`` itself (``True`` and ``1.0`` are refused)."""
    if type(round_) is not int:
        raise InputError("a round is a whole number, 1 or more, not {round!r}", round=round_)
    if round_ < 1:
        raise InputError("the round must be 1 or more")
    return round_


class RatingService(ServiceBase):
    def set_rating(
        self, participant_id: int, scale: int, value: int | None, round_: int = 1, *, unrated: bool = False
    ) -> Changes:
        """Record a value 1–10, or None for "abstained" (a participant may abstain on a scale).

        ``unrated``: the one who types saw no rating of this participant in the round (the first value of a paper
        form typed into an empty row); refused if one has been stored since (a phone's answer, another computer),
        so that a paper form is never mixed into someone else's answer."""
        _check_scale(scale)
        try:
            value = check_value(value)
        except RatingError as error:
            raise InputError(error.template, "", **error.params) from error
        _check_round(round_)
        return self._write(participant_id, {scale: value}, round_, unrated=unrated)

    def set_ratings(
        self,
        participant_id: int,
        values: Mapping[int, int | None],
        round_: int = 1,
        *,
        clear: Iterable[int] = (),
        unrated: bool = False,
    ) -> Changes:
        """One participant's form at once (scale → value, None = abstained), in one transaction; the scales in
        ``clear`` lose their rating (not given yet), as undo needs to put a form back as it was. ``unrated`` as
        in :meth:`set_rating`."""
        checked: dict[int, int | None] = {}
        for scale, value in values.items():
            _check_scale(scale)
            try:
                checked[scale] = check_value(value)
            except RatingError as error:
                raise InputError("scale {scale}: {problem}", scale=scale, problem=error) from error
        cleared = {_check_scale(scale) for scale in clear}
        _check_round(round_)
        return self._write(participant_id, checked, round_, clear=cleared - set(checked), unrated=unrated)

    def replace_ratings(
        self, participant_id: int, values: Mapping[int, int | None], round_: int, scales: Collection[int]
    ) -> Changes:
        """One participant's whole answer on ``scales`` (a phone's, see lardesk.server), in one transaction: the
        values given are set (None = abstained) and the other scales of ``scales`` forgotten, so that a second
        answer replaces the first instead of mixing with it."""
        checked, clear = self._answer(values, round_, scales)
        return self._write(participant_id, checked, round_, clear=clear)

    @staticmethod
    def _answer(
        values: Mapping[int, int | None], round_: int, scales: Collection[int]
    ) -> tuple[dict[int, int | None], frozenset[int]]:
        """A whole answer on ``scales`` checked: its values, and the scales it leaves out (forgotten)."""
        for scale in scales:
            _check_scale(scale)
        extra = sorted(set(values) - set(scales))
        if extra:
            raise InputError("scale {scale} is not one of the scales asked", scale=extra[0])
        checked: dict[int, int | None] = {}
        for scale, value in values.items():
            try:
                checked[scale] = check_value(value)
            except RatingError as error:
                raise InputError("scale {scale}: {problem}", scale=scale, problem=error) from error
        _check_round(round_)
        return checked, frozenset(scales) - set(checked)

    def _write(
        self,
        participant_id: int,
        checked: Mapping[int, int | None],
        round_: int,
        clear: Collection[int] = (),
        *,
        unrated: bool = False,
    ) -> Changes:
        """Store already checked values (scale → value) of one participant and round, and forget the ratings
        on the scales in ``clear``, in one transaction (with ``unrated``, only if the participant has no rating
        of the round: checked in that transaction)."""
        with self.database.transaction() as db:
            participant = self._get(db, Participant, participant_id, Message("participant"))
            has = select(Rating.id).where(Rating.participant_id == participant_id, Rating.round == round_)
            if unrated and db.scalars(has).first() is not None:
                raise InputError(
                    "participant {key} has just been given ratings in round {round} elsewhere (a phone's answer, "
                    "or another computer): nothing was typed over them",
                    key=participant.key,
                    round=round_,
                )
            self._store(db, participant.session_id, participant_id, checked, round_=round_, clear=clear)
            return Changes(Changed.RATINGS, participant.session_id)

    @staticmethod
    def _store(
        db: Session,
        session_id: int,
        participant_id: int,
        checked: Mapping[int, int | None],
        *,
        round_: int,
        clear: Collection[int],
    ) -> None:
        rows = {
            row.scale: row
            for row in db.scalars(select(Rating).where(Rating.participant_id == participant_id, Rating.round == round_))
        }
        for scale, value in checked.items():
            row = rows.get(scale)
            if row is None:
                db.add(
                    Rating(session_id=session_id, participant_id=participant_id, scale=scale, round=round_, value=value)
                )
            else:
                row.value = value
        for scale in clear:
            row = rows.get(scale)
            if row is not None:
                db.delete(row)

    def move_answer_to_free(
        self, from_participant: int, round_: int, *, exclude: Collection[int] = (), choose: Chooser = secrets.choice
    ) -> Placed:
        """A phone's whole answer of ``round_`` goes to a participant of the same session who is free *now*:
        present, not in ``exclude`` (the round's other seats) and without ratings of the round. The choice
        (``choose`` among the free, in the session's order) is made in the transaction that moves, after the
        write lock, so that a paper form typed in at the same instant is either seen (its participant is not
        free) or comes after the move; the answer is never moved onto a participant that has just been typed
        in, nor left behind because the one picked a moment earlier was. Nothing moves when nobody is free.
        NotFound when ``from_participant`` was removed (with its ratings)."""
        _check_round(round_)
        with self.database.transaction() as db:
            source = self._get(db, Participant, from_participant, Message("participant"))
            free = self._free(db, source.session_id, round_, exclude={*exclude, from_participant})
            if not free:
                return Placed(None, None)
            chosen = choose(free)
            if chosen not in free:
                raise ValueError("choose() must return one of the participants it is given")
            rows = db.scalars(select(Rating).where(Rating.participant_id == from_participant, Rating.round == round_))
            for row in rows:
                row.participant_id = chosen
            return Placed(chosen, Changes(Changed.RATINGS, source.session_id))

    def store_for_free(
        self,
        session_id: int,
        values: Mapping[int, int | None],
        round_: int,
        scales: Collection[int],
        *,
        prefer: int | None = None,
        among: Collection[int] | None = None,
        exclude: Collection[int] = (),
        present_only: bool = True,
        choose: Chooser = secrets.choice,
    ) -> Placed:
        """A phone's first answer (as :meth:`replace_ratings`) stored for a participant who is free *now*, chosen
        in the one transaction that writes: ``prefer`` if it is free, else one of the free (``choose``), where
        free is of the session, in ``among`` (when given), not in ``exclude``, present (unless ``present_only``
        is False: open mode, where a person answers for themselves) and without ratings of the round. A paper
        form typed in for that participant a moment before is seen here and never replaced; nothing is stored
        when nobody is free. NotFound when none of ``among`` is a participant of the session any more."""
        checked, clear = self._answer(values, round_, scales)
        with self.database.transaction() as db:
            self._get(db, FollowUpSession, session_id, Message("session"))
            free = self._free(db, session_id, round_, exclude=exclude, present_only=present_only)
            if among is not None:
                free = [pid for pid in free if pid in among]
                known = select(Participant.id).where(Participant.session_id == session_id, Participant.id.in_(among))
                if not free and db.scalars(known).first() is None:
                    raise NotFound(
                        "there is no {what} with id {id}", what=Message("participant"), id=min(among, default=0)
                    )
            if not free:
                return Placed(None, None)
            chosen = prefer if prefer in free else choose(free)
            if chosen not in free:
                raise ValueError("choose() must return one of the participants it is given")
            self._store(db, session_id, chosen, checked, round_=round_, clear=clear)
            return Placed(chosen, Changes(Changed.RATINGS, session_id))

    @staticmethod
    def _free(
        db: Session, session_id: int, round_: int, *, exclude: Collection[int], present_only: bool = True
    ) -> list[int]:
        """The session's participants without ratings of ``round_`` and not in ``exclude``, in its order (read in
        the caller's transaction: after the write lock, what it says stays true until the commit)."""
        rated = select(Rating.participant_id).where(Rating.session_id == session_id, Rating.round == round_)
        query = select(Participant.id).where(Participant.session_id == session_id, Participant.id.not_in(rated))
        if present_only:
            query = query.where(Participant.present)
        ids = db.scalars(query.order_by(Participant.position, Participant.id))
        return [pid for pid in ids if pid not in exclude]

    def rated_in_round(self, session_id: int, round_: int) -> frozenset[int]:
        """The participants of a session with at least one rating (or abstention) stored in ``round_``."""
        with self.database.reading() as db:
            ids = db.scalars(
                select(Rating.participant_id).where(Rating.session_id == session_id, Rating.round == round_).distinct()
            )
            return frozenset(ids)

    def history(self, organisation_id: int) -> tuple[PreviousSession, ...]:
        """Each session of an organisation, oldest first, with every scale's round-1 median, range and joint
        value (present participants only): what the history figure and table show."""
        with self.database.reading() as db:
            if db.get(Organisation, organisation_id) is None:
                raise NotFound("there is no {what} with id {id}", what=Message("organisation"), id=organisation_id)
            sessions = list(
                db.scalars(
                    select(FollowUpSession)
                    .where(FollowUpSession.organisation_id == organisation_id)
                    .order_by(FollowUpSession.date, FollowUpSession.id)
                )
            )
            ids = [row.id for row in sessions]
            values: dict[tuple[int, int], list[int | None]] = {}
            for session_id, scale, value in db.execute(
                select(Rating.session_id, Rating.scale, Rating.value)
                .join(Participant, Participant.id == Rating.participant_id)
                .where(Rating.session_id.in_(ids), Rating.round == 1, Participant.present)
            ):
                values.setdefault((session_id, scale), []).append(value)
            present: dict[int, int] = {}
            for (session_id,) in db.execute(
                select(Participant.session_id).where(Participant.session_id.in_(ids), Participant.present)
            ):
                present[session_id] = present.get(session_id, 0) + 1
            joints = {
                (session_id, scale): value
                for session_id, scale, value in db.execute(
                    select(JointAssessment.session_id, JointAssessment.scale, JointAssessment.value).where(
                        JointAssessment.session_id.in_(ids)
                    )
                )
            }
            result = []
            for row in sessions:
                scales = []
                for scale in SECTIONS:
                    stats = scale_stats(scale, values.get((row.id, scale), ()), present.get(row.id, 0))
                    scales.append(ScaleHistory.of(stats, joints.get((row.id, scale))))
                result.append(PreviousSession(id=row.id, date=row.date, period=row.period, scales=tuple(scales)))
            return tuple(result)

    def clear_rating(self, participant_id: int, scale: int, round_: int = 1) -> Changes:
        """Forget a rating (not given yet), as opposed to an abstention."""
        with self.database.transaction() as db:
            participant = self._get(db, Participant, participant_id, Message("participant"))
            row = db.scalar(
                select(Rating).where(
                    Rating.participant_id == participant_id, Rating.scale == scale, Rating.round == round_
                )
            )
            if row is not None:
                db.delete(row)
            return Changes(Changed.RATINGS, participant.session_id)

    def set_revealed(self, session_id: int, round_: int, revealed: bool) -> Changes:
        """Whether the values of a round are shown to the room (until then only who has rated)."""
        _check_round(round_)
        if round_ > MAX_REVEALED_ROUND:
            raise InputError("a round shown to the room is from 1 to {limit}", limit=MAX_REVEALED_ROUND)
        with self.database.transaction() as db:
            row = self._get(db, FollowUpSession, session_id, Message("session"))
            rounds = {int(r) for r in row.revealed_rounds.split(",") if r}
            if revealed:
                rounds.add(round_)
            else:
                rounds.discard(round_)
            row.revealed_rounds = ",".join(str(r) for r in sorted(rounds))
            return Changes(Changed.SESSION | Changed.RATINGS, session_id)

    def set_joint(
        self, session_id: int, scale: int, value: int, comment: str = "", *, keep_without_comment: bool = False
    ) -> Changes:
        """The group's agreed value on a scale; outside the individual range a comment must say why.

        With ``keep_without_comment`` (the screen writes each value as it is typed) a value outside the range
        is kept even before its comment is written; the snapshot then marks it
        (``SessionSnapshot.joint_needs_comment``) until the comment is there."""
        _check_scale(scale)
        try:
            checked = check_value(value)
        except RatingError as error:
            raise InputError(error.template, "", **error.params) from error
        if checked is None:
            raise InputError("a joint assessment needs a value from 1 to 10")
        check_text(comment, Message("the comment"), max_length=20000)
        with self.database.transaction() as db:
            self._get(db, FollowUpSession, session_id, Message("session"))
            values = [
                v
                for v in db.scalars(
                    select(Rating.value)
                    .join(Participant, Participant.id == Rating.participant_id)
                    .where(
                        Rating.session_id == session_id, Rating.scale == scale, Rating.round == 1, Participant.present
                    )
                )
                if v is not None
            ]
            outside = bool(values) and not min(values) <= checked <= max(values)
            if outside and not comment.strip() and not keep_without_comment:
                raise InputError(
                    "the agreed value {value} lies outside the individual range {low}–{high}: "
                    "write a comment that says why",
                    value=checked,
                    low=min(values),
                    high=max(values),
                )
            row = db.scalar(
                select(JointAssessment).where(JointAssessment.session_id == session_id, JointAssessment.scale == scale)
            )
            if row is None:
                db.add(JointAssessment(session_id=session_id, scale=scale, value=checked, comment=comment))
            else:
                row.value = checked
                row.comment = comment
            return Changes(Changed.JOINT, session_id)

    def clear_joint(self, session_id: int, scale: int) -> Changes:
        with self.database.transaction() as db:
            row = db.scalar(
                select(JointAssessment).where(JointAssessment.session_id == session_id, JointAssessment.scale == scale)
            )
            if row is not None:
                db.delete(row)
            return Changes(Changed.JOINT, session_id)
