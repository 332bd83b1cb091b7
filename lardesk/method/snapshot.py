"""A session as plain, frozen data: what services return, what the UI shows and what exporters render.

Nothing here is tied to the database; ids are the database's, keys are the exchange file's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from lardesk.method.actions import ActionStatus
from lardesk.method.guide import JOINT_SCALE, SECTIONS
from lardesk.method.indicators import Indicator
from lardesk.method.logic import Finding, ItemKind, LogicNode, StartingPointKind, find_findings
from lardesk.method.people import Gender, participation_sentence
from lardesk.method.stats import ScaleStats, all_scale_stats
from lardesk.method.words import word


class Anonymity(StrEnum):
    OPEN = "open"
    """Names are kept and may be shown beside ratings (the group chose open mode)."""
    ROLES = "roles"
    """Names may be kept, but ratings are shown without them (the default)."""
    ANONYMOUS = "anonymous"
    """No names are stored at all."""


@dataclass(frozen=True, slots=True)
class OrganisationInfo:
    id: int
    name: str
    unit: str = ""

    @property
    def display_name(self) -> str:
        return f"{self.name} – {self.unit}" if self.unit else self.name


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """A line in the list of sessions."""

    id: int
    organisation: OrganisationInfo
    title: str
    date: dt.date
    period: str
    facilitator: str
    participants: int


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: int
    organisation: OrganisationInfo
    date: dt.date
    title: str = ""
    period: str = ""
    facilitator: str = ""
    case_number: str = ""
    language: str = "sv"
    anonymity: Anonymity = Anonymity.ROLES
    parts: frozenset[int] = frozenset(SECTIONS)
    defer_improvements: bool = False
    current_step: str = ""
    revealed_rounds: frozenset[int] = frozenset()
    previous_session_id: int | None = None

    @property
    def agreed_sections(self) -> tuple[int, ...]:
        """The agreed parts in the guide's order; scale 9 is always included."""
        return tuple(sorted(self.parts | {JOINT_SCALE}))


@dataclass(frozen=True, slots=True)
class ParticipantInfo:
    id: int
    key: str
    name: str | None = None
    role: str = ""
    gender: Gender = Gender.UNSPECIFIED
    present: bool = True
    position: int = 0

    def label(self, show_names: bool) -> str:
        if show_names and self.name:
            return f"{self.name} ({self.role})" if self.role else self.name
        return self.role or self.key


@dataclass(frozen=True, slots=True)
class ItemInfo:
    id: int
    kind: ItemKind
    key: str
    text: str
    outcome: str = ""
    status: str | None = None
    unexpected: bool = False
    carried_over: bool = False
    budget_sek: float | None = None
    spent_sek: float | None = None
    position: int = 0
    dropped_reason: str | None = None
    """Struken: the reason the group dropped the item (None: not dropped)."""
    previous_status: str | None = None
    """A carried item's status at the previous follow-up (read-only this time)."""
    previous_outcome: str | None = None
    """A carried item's outcome note at the previous follow-up (read-only this time)."""
    indicators: tuple[Indicator, ...] = ()
    """Gender-disaggregated indicators (starting points, results and effects)."""
    category: StartingPointKind | None = None
    """A starting point's kind: goal, problem or other (None for the other kinds of item)."""

    @property
    def dropped(self) -> bool:
        return self.dropped_reason is not None

    def node(self) -> LogicNode:
        return LogicNode(
            self.id, self.kind, self.text, self.status, self.key, dropped=self.dropped, carried_over=self.carried_over
        )


@dataclass(frozen=True, slots=True)
class LinkInfo:
    source_id: int
    target_id: int


@dataclass(frozen=True, slots=True)
class NoteInfo:
    section: int
    question: int
    """0: a note on the section as a whole."""
    text: str


@dataclass(frozen=True, slots=True)
class RatingInfo:
    participant_id: int
    scale: int
    round: int
    value: int | None
    """None: the participant abstained."""


@dataclass(frozen=True, slots=True)
class JointInfo:
    scale: int
    value: int
    comment: str = ""


@dataclass(frozen=True, slots=True)
class ImprovementInfo:
    id: int
    text: str
    scale: int | None = None
    owner: str = ""
    due: dt.date | None = None
    position: int = 0
    key: str = ""
    status: ActionStatus = ActionStatus.OPEN
    status_comment: str = ""
    status_date: dt.date | None = None
    """When the status was last set."""

    @property
    def done(self) -> bool:
        return self.status is ActionStatus.DONE


@dataclass(frozen=True, slots=True)
class ScaleHistory:
    """One scale of an earlier session, for "last year beside this year"."""

    scale: int
    median: float | None
    minimum: int | None
    maximum: int | None
    n: int
    joint: int | None

    @classmethod
    def of(cls, stats: ScaleStats, joint: int | None) -> ScaleHistory:
        return cls(stats.scale, stats.median, stats.minimum, stats.maximum, stats.n, joint)


@dataclass(frozen=True, slots=True)
class PreviousSession:
    id: int
    date: dt.date
    period: str
    scales: tuple[ScaleHistory, ...]
    improvements: tuple[ImprovementInfo, ...] = ()

    def label(self, current: dt.date, language: str = "sv", *, in_text: bool = False) -> str:
        """ "Förra året (2010)" when this follow-up was about a year before ``current``, else "Föregående
        uppföljning (2011-11-15)": "last year" only where it was last year (``in_text``: inside a sentence)."""
        return previous_label(current, self.date, self.period, language, in_text=in_text)

    def scale(self, number: int) -> ScaleHistory | None:
        for history in self.scales:
            if history.scale == number:
                return history
        return None


A_YEAR_OR_SO = range(300, 431)
"""Days between two follow-ups that still make the earlier one "last year's"."""


def previous_label(
    current: dt.date, previous: dt.date, period: str = "", language: str = "sv", *, in_text: bool = False
) -> str:
    """How the UI, the figures and the minutes name the previous follow-up (see PreviousSession.label);
    ``in_text``: as it reads inside a sentence ("förra året (2010)"), each language with its own casing."""
    if (current - previous).days in A_YEAR_OR_SO:
        what = period or previous.isoformat()
        return word("last_year_in_text" if in_text else "last_year", language, period=what)
    return word("previous_follow_up_in_text" if in_text else "previous_follow_up", language, date=previous.isoformat())


@dataclass(frozen=True)
class SessionSnapshot:
    """Everything about one session, as it stands."""

    session: SessionInfo
    participants: tuple[ParticipantInfo, ...] = ()
    items: tuple[ItemInfo, ...] = ()
    links: tuple[LinkInfo, ...] = ()
    notes: tuple[NoteInfo, ...] = ()
    ratings: tuple[RatingInfo, ...] = ()
    joint: tuple[JointInfo, ...] = ()
    improvements: tuple[ImprovementInfo, ...] = ()
    previous: PreviousSession | None = None
    extra: dict[str, object] = field(default_factory=dict)
    """Unknown 'x-' members of an imported exchange file, kept to be written back."""

    # -- program logic -------------------------------------------------------------------------------
    def items_of(self, kind: ItemKind) -> tuple[ItemInfo, ...]:
        return tuple(item for item in self.items if item.kind is kind)

    @cached_property
    def item_by_id(self) -> dict[int, ItemInfo]:
        return {item.id: item for item in self.items}

    def targets_of(self, item_id: int) -> tuple[ItemInfo, ...]:
        return tuple(self.item_by_id[link.target_id] for link in self.links if link.source_id == item_id)

    def sources_of(self, item_id: int) -> tuple[ItemInfo, ...]:
        return tuple(self.item_by_id[link.source_id] for link in self.links if link.target_id == item_id)

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        nodes = [item.node() for item in self.items]
        return tuple(find_findings(nodes, ((link.source_id, link.target_id) for link in self.links)))

    # -- notes --------------------------------------------------------------------------------------
    def note(self, section: int, question: int = 0) -> str:
        for note in self.notes:
            if note.section == section and note.question == question:
                return note.text
        return ""

    # -- participants and ratings ---------------------------------------------------------------------
    @property
    def present(self) -> tuple[ParticipantInfo, ...]:
        return tuple(p for p in self.participants if p.present)

    def participation_sentence(self, language: str = "sv") -> str:
        return participation_sentence((p.gender for p in self.present), language)

    def rounds(self) -> tuple[int, ...]:
        return tuple(sorted({rating.round for rating in self.ratings})) or (1,)

    def ratings_in(self, round_: int = 1) -> tuple[RatingInfo, ...]:
        return tuple(rating for rating in self.ratings if rating.round == round_)

    def rating(self, participant_id: int, scale: int, round_: int = 1) -> RatingInfo | None:
        for rating in self.ratings:
            if (rating.participant_id, rating.scale, rating.round) == (participant_id, scale, round_):
                return rating
        return None

    def stats(self, round_: int = 1, scales: Iterable[int] = SECTIONS) -> list[ScaleStats]:
        present_ids = {p.id for p in self.present}
        by_scale: dict[int, list[int | None]] = {}
        for rating in self.ratings_in(round_):
            if rating.participant_id in present_ids:
                by_scale.setdefault(rating.scale, []).append(rating.value)
        return all_scale_stats(by_scale, len(present_ids), scales)

    def joint_for(self, scale: int) -> JointInfo | None:
        for joint in self.joint:
            if joint.scale == scale:
                return joint
        return None

    def joint_needs_comment(self, scale: int) -> bool:
        """The agreed value lies outside the individual range (round 1, those present) and no comment says
        why: kept, but marked until the comment is written."""
        joint = self.joint_for(scale)
        if joint is None or joint.comment.strip():
            return False
        (stats,) = self.stats(1, [scale])
        low, high = stats.minimum, stats.maximum
        return low is not None and high is not None and not low <= joint.value <= high

    def improvements_for(self, scale: int | None) -> tuple[ImprovementInfo, ...]:
        return tuple(improvement for improvement in self.improvements if improvement.scale == scale)
