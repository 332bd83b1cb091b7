"""The database schema as SQLAlchemy 2 typed models.

Constraints carry names (Alembic needs them for SQLite batch migrations); ranges are CHECK constraints and
"one per …" rules are UNIQUE constraints, so the database itself refuses an impossible row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    func,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from lardesk.storage.errors import UnreadableValue

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class SectionSet(TypeDecorator[frozenset[int]]):
    """A set of guide sections (1–9), stored as text such as "1,2,9"."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: frozenset[int] | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not all(type(n) is int and 1 <= n <= 9 for n in value):  # 1.0 or True would be stored as "1.0"/"True"
            raise ValueError(f"not a set of sections 1–9: {sorted(value, key=repr)!r}")
        return ",".join(str(n) for n in sorted(value))

    def process_result_value(self, value: Any | None, dialect: Dialect) -> frozenset[int] | None:
        if value is None:
            return None
        parts = str(value).split(",") if value != "" else []
        if not all(part.isascii() and part.isdigit() and 1 <= int(part) <= 9 for part in parts):
            raise UnreadableValue("session.parts", str(value))
        return frozenset(int(part) for part in parts)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Organisation(Base):
    __tablename__ = "organisation"
    __table_args__ = (UniqueConstraint("name", "unit", name="uq_organisation_name_unit"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(200), default="")

    sessions: Mapped[list[FollowUpSession]] = relationship(back_populates="organisation")


class FollowUpSession(Base):
    """One follow-up session (uppföljningstillfälle) of one organisation."""

    __tablename__ = "session"
    __table_args__ = (
        CheckConstraint("language IN ('sv', 'en')", name="language"),
        CheckConstraint("anonymity IN ('open', 'roles', 'anonymous')", name="anonymity"),
        Index("ix_session_organisation_date", "organisation_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200), default="")
    date: Mapped[dt.date] = mapped_column(Date)
    period: Mapped[str] = mapped_column(String(50), default="")
    facilitator: Mapped[str] = mapped_column(String(200), default="")
    case_number: Mapped[str] = mapped_column(String(100), default="")
    language: Mapped[str] = mapped_column(String(2), default="sv")
    anonymity: Mapped[str] = mapped_column(String(10), default="roles")
    """open: names shown beside ratings; roles: names kept, ratings shown without them; anonymous: no names."""
    parts: Mapped[frozenset[int]] = mapped_column(SectionSet, default=frozenset(range(1, 10)))
    defer_improvements: Mapped[bool] = mapped_column(Boolean, default=False)
    current_step: Mapped[str] = mapped_column(String(40), default="")
    revealed_rounds: Mapped[str] = mapped_column(String(40), default="")
    previous_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("session.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    extra: Mapped[str] = mapped_column(Text, default="")
    """JSON text of unknown 'x-' members of an imported exchange file, written back on export."""

    organisation: Mapped[Organisation] = relationship(back_populates="sessions")
    participants: Mapped[list[Participant]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Participant.position"
    )
    items: Mapped[list[LogicItem]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="LogicItem.position"
    )


class Participant(Base):
    __tablename__ = "participant"
    __table_args__ = (
        UniqueConstraint("session_id", "key", name="uq_participant_session_key"),
        CheckConstraint("gender IN ('woman', 'man', 'other', 'unspecified')", name="gender"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    role: Mapped[str] = mapped_column(String(200), default="")
    gender: Mapped[str] = mapped_column(String(12), default="unspecified")
    present: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class LogicItem(Base):
    """One box of the program logic: a starting point, resource, activity, result, mediator or effect."""

    __tablename__ = "logic_item"
    __table_args__ = (
        UniqueConstraint("session_id", "kind", "key", name="uq_logic_item_session_kind_key"),
        CheckConstraint(
            "kind IN ('starting_point', 'resource', 'activity', 'result', 'mediator', 'effect')", name="kind"
        ),
        CheckConstraint("budget_sek IS NULL OR budget_sek >= 0", name="budget"),
        CheckConstraint("spent_sek IS NULL OR spent_sek >= 0", name="spent"),
        CheckConstraint("category IS NULL OR category IN ('goal', 'problem', 'other')", name="category"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str | None] = mapped_column(String(24), nullable=True)
    unexpected: Mapped[bool] = mapped_column(Boolean, default=False)
    carried_over: Mapped[bool] = mapped_column(Boolean, default=False)
    """Copied from the previous follow-up's board (see previous_status, previous_outcome)."""
    previous_status: Mapped[str | None] = mapped_column(String(40), nullable=True)
    """The status the item had at the previous follow-up (read-only this time)."""
    previous_outcome: Mapped[str | None] = mapped_column(Text, nullable=True)
    """The outcome note the item had at the previous follow-up (read-only this time)."""
    dropped_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    """Struken: the reason the group dropped the item (NULL: not dropped)."""
    category: Mapped[str | None] = mapped_column(String(12), nullable=True)
    """A starting point's kind: goal, problem or other (NULL for the other kinds of item)."""
    indicators: Mapped[str] = mapped_column(Text, default="")
    """JSON text of the item's indicators (lardesk.method.indicators), checked by the services on the way in."""
    budget_sek: Mapped[float | None] = mapped_column(Float, nullable=True)
    spent_sek: Mapped[float | None] = mapped_column(Float, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class LogicLink(Base):
    """A link from the item that supports to the item supported (see lardesk.method.logic)."""

    __tablename__ = "logic_link"
    __table_args__ = (
        UniqueConstraint("source_id", "target_id", name="uq_logic_link_source_target"),
        CheckConstraint("source_id <> target_id", name="not_self"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("logic_item.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(ForeignKey("logic_item.id", ondelete="CASCADE"), index=True)


class Note(Base):
    """What was said on one question (question ≥ 1) or on a section as a whole (question 0)."""

    __tablename__ = "note"
    __table_args__ = (
        UniqueConstraint("session_id", "section", "question", name="uq_note_session_section_question"),
        CheckConstraint("section BETWEEN 1 AND 9", name="section"),
        CheckConstraint("question >= 0", name="question"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    section: Mapped[int] = mapped_column(Integer)
    question: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")


class Rating(Base):
    """One participant's value on one scale in one round; value NULL means the participant abstained."""

    __tablename__ = "rating"
    __table_args__ = (
        UniqueConstraint("participant_id", "scale", "round", name="uq_rating_participant_scale_round"),
        CheckConstraint("scale BETWEEN 1 AND 9", name="scale"),
        CheckConstraint("round >= 1", name="round"),
        CheckConstraint("value IS NULL OR value BETWEEN 1 AND 10", name="value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    scale: Mapped[int] = mapped_column(Integer)
    round: Mapped[int] = mapped_column(Integer, default=1)
    value: Mapped[int | None] = mapped_column(Integer, nullable=True)


class JointAssessment(Base):
    """The group's agreed value on one scale (samlad bedömning), with a comment."""

    __tablename__ = "joint_assessment"
    __table_args__ = (
        UniqueConstraint("session_id", "scale", name="uq_joint_assessment_session_scale"),
        CheckConstraint("scale BETWEEN 1 AND 9", name="scale"),
        CheckConstraint("value BETWEEN 1 AND 10", name="value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    scale: Mapped[int] = mapped_column(Integer)
    value: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class Improvement(Base):
    """An improvement action: an answer to "Vad kan göras för att ni ska få ett högre värde nästa år?"."""

    __tablename__ = "improvement"
    __table_args__ = (
        UniqueConstraint("session_id", "key", name="uq_improvement_session_key"),
        CheckConstraint("scale IS NULL OR scale BETWEEN 1 AND 9", name="scale"),
        CheckConstraint(
            "status IN ('open', 'in_progress', 'done', 'partly_done', 'not_done', 'dropped')", name="status"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    scale: Mapped[int | None] = mapped_column(Integer, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    key: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12), default="open")
    """lardesk.method.actions.ActionStatus"""
    status_comment: Mapped[str] = mapped_column(Text, default="")
    status_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    """When the status was last set."""
    position: Mapped[int] = mapped_column(Integer, default=0)


__all__ = [
    "Base",
    "FollowUpSession",
    "Improvement",
    "JointAssessment",
    "LogicItem",
    "LogicLink",
    "Note",
    "Organisation",
    "Participant",
    "Rating",
    "func",
]
