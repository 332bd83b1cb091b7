"""Use cases on the personal assessments (Bilaga 2) and the joint assessment (samlad bedömning)."""

from __future__ import annotations

from sqlalchemy import select

from lardesk.method.guide import SECTIONS
from lardesk.method.stats import RatingError, check_value
from lardesk.services.base import Changed, Changes, InputError, ServiceBase, check_text
from lardesk.storage.models import FollowUpSession, JointAssessment, Participant, Rating


def _check_scale(scale: int) -> int:
    if scale not in SECTIONS:
        raise InputError(f"there is no scale {scale}; the scales are 1–9")
    return scale


class RatingService(ServiceBase):
    def set_rating(self, participant_id: int, scale: int, value: int | None, round_: int = 1) -> Changes:
        """Record a value 1–10, or None for "abstained" (a participant may abstain on a scale)."""
        _check_scale(scale)
        try:
            value = check_value(value)
        except RatingError as error:
            raise InputError(str(error)) from error
        if not isinstance(round_, int) or round_ < 1:
            raise InputError("the round must be 1 or more")
        with self.database.transaction() as db:
            participant = self._get(db, Participant, participant_id, "participant")
            row = db.scalar(
                select(Rating).where(
                    Rating.participant_id == participant_id, Rating.scale == scale, Rating.round == round_
                )
            )
            if row is None:
                db.add(
                    Rating(
                        session_id=participant.session_id,
                        participant_id=participant_id,
                        scale=scale,
                        round=round_,
                        value=value,
                    )
                )
            else:
                row.value = value
            return Changes(Changed.RATINGS, participant.session_id)

    def clear_rating(self, participant_id: int, scale: int, round_: int = 1) -> Changes:
        """Forget a rating (not given yet), as opposed to an abstention."""
        with self.database.transaction() as db:
            participant = self._get(db, Participant, participant_id, "participant")
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
        with self.database.transaction() as db:
            row = self._get(db, FollowUpSession, session_id, "session")
            rounds = {int(r) for r in row.revealed_rounds.split(",") if r}
            if revealed:
                rounds.add(round_)
            else:
                rounds.discard(round_)
            row.revealed_rounds = ",".join(str(r) for r in sorted(rounds))
            return Changes(Changed.SESSION | Changed.RATINGS, session_id)

    def set_joint(self, session_id: int, scale: int, value: int, comment: str = "") -> Changes:
        """The group's agreed value on a scale; outside the individual range a comment must say why."""
        _check_scale(scale)
        try:
            checked = check_value(value)
        except RatingError as error:
            raise InputError(str(error)) from error
        if checked is None:
            raise InputError("a joint assessment needs a value from 1 to 10")
        check_text(comment, "the comment", max_length=20000)
        with self.database.transaction() as db:
            self._get(db, FollowUpSession, session_id, "session")
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
            if values and not min(values) <= checked <= max(values) and not comment.strip():
                raise InputError(
                    f"the agreed value {checked} lies outside the individual range {min(values)}–{max(values)}: "
                    "write a comment that says why"
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
