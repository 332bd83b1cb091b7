"""The strategist's overview (översikt): every unit's latest follow-up side by side, and the improvement actions
followed through the year.

Plain, frozen values: the services build them in a fixed number of queries (never one per session), the
command line prints them as JSON, the GUI shows them as a heat-map table and the reports print them. The rules
that decide what may be shown live here, so that every place says the same:

- a median is shown only when at least :data:`~lardesk.method.stats.MIN_GROUP_SIZE` (3) rated the scale, and no
  spread at all (anonymity: small groups);
- no person's name appears in the overview (it counts actions; it does not list owners);
- an action is *overdue* when it is still open or in progress and its due date is before today.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from lardesk.method.actions import ActionStatus
from lardesk.method.guide import SECTIONS
from lardesk.method.logic import FINDING_CODES
from lardesk.method.stats import MIN_GROUP_SIZE, number


@dataclass(frozen=True, slots=True)
class SessionRef:
    """A follow-up session as the overview names it: its id and its date."""

    id: int
    date: dt.date


@dataclass(frozen=True, slots=True)
class ScaleOverview:
    """One scale of a unit's latest follow-up, beside the previous one's."""

    scale: int
    joint: int | None
    """The agreed value (samlad bedömning), or None when the group agreed none."""
    median: float | None
    """The median of the personal assessments (round 1, those present); None when fewer than 3 rated."""
    n: int
    """How many rated the scale (round 1, those present; abstentions not counted)."""
    previous_joint: int | None
    """The previous follow-up's agreed value on the scale (None: no previous follow-up, or no agreed value)."""

    @property
    def change(self) -> int | None:
        """The joint value's change since the previous follow-up (None when one of them is missing)."""
        if self.joint is None or self.previous_joint is None:
            return None
        return self.joint - self.previous_joint


@dataclass(frozen=True, slots=True)
class ActionCounts:
    """A unit's improvement actions by where they stand (open and in progress are counted apart)."""

    open: int = 0
    in_progress: int = 0
    overdue: int = 0
    """Open or in progress, and past the due date (counted again here: a subset of the two above)."""
    done: int = 0


@dataclass(frozen=True, slots=True)
class UnitOverview:
    """One row of the overview: an organisation's unit, with its latest follow-up."""

    organisation_id: int
    organisation: str
    unit: str
    latest: SessionRef
    previous: SessionRef | None
    scales: tuple[ScaleOverview, ...]
    """The nine scales, in order (a scale not rated nor agreed has None values and n = 0)."""
    findings: Mapping[str, int] = field(default_factory=dict)
    """Every finding code (G1…, S1…) with the number of items the latest follow-up's program logic shows it on."""
    actions: ActionCounts = ActionCounts()
    """The latest follow-up's improvement actions."""

    @property
    def display_name(self) -> str:
        return f"{self.organisation} – {self.unit}" if self.unit else self.organisation

    def scale(self, number_: int) -> ScaleOverview | None:
        for scale in self.scales:
            if scale.scale == number_:
                return scale
        return None

    @property
    def gaps(self) -> int:
        return sum(count for code, count in self.findings.items() if code.startswith("G"))

    @property
    def status_findings(self) -> int:
        return sum(count for code, count in self.findings.items() if code.startswith("S"))


@dataclass(frozen=True, slots=True)
class Overview:
    units: tuple[UnitOverview, ...]
    today: dt.date
    """The day "overdue" was judged against."""
    finding_codes: tuple[str, ...] = FINDING_CODES


@dataclass(frozen=True, slots=True)
class ActionEntry:
    """One improvement action in the list across units (`lardesk actions`)."""

    id: int
    organisation: str
    unit: str
    session_id: int
    session_date: dt.date
    key: str
    scale: int | None
    text: str
    owner: str
    due: dt.date | None
    status: ActionStatus
    status_comment: str = ""
    status_date: dt.date | None = None

    def is_overdue(self, today: dt.date) -> bool:
        return is_overdue(self.status, self.due, today)

    @property
    def display_unit(self) -> str:
        return f"{self.organisation} – {self.unit}" if self.unit else self.organisation


# -- the rules -----------------------------------------------------------------------------------------------


def is_overdue(status: ActionStatus, due: dt.date | None, today: dt.date) -> bool:
    """Past its date and still to be worked on (open or in progress); an action without a date never is."""
    return status.is_open and due is not None and due < today


def shown_median(values: Sequence[int]) -> float | None:
    """The median that may be shown: None when fewer than 3 rated (anonymity), 7 or 5.5 otherwise."""
    if len(values) < MIN_GROUP_SIZE:
        return None
    return float(statistics.median(values))


def count_actions(actions: Iterable[tuple[ActionStatus, dt.date | None]], today: dt.date) -> ActionCounts:
    """Counts of (status, due date) pairs: open, in progress, overdue (of those two) and done."""
    opened = in_progress = overdue = done = 0
    for status, due in actions:
        if status is ActionStatus.OPEN:
            opened += 1
        elif status is ActionStatus.IN_PROGRESS:
            in_progress += 1
        elif status is ActionStatus.DONE:
            done += 1
        if is_overdue(status, due, today):
            overdue += 1
    return ActionCounts(opened, in_progress, overdue, done)


def scale_overviews(
    joint: Mapping[int, int], ratings: Mapping[int, Sequence[int]], previous_joint: Mapping[int, int]
) -> tuple[ScaleOverview, ...]:
    """The nine scales of one unit: ``joint`` and ``previous_joint`` map a scale to its agreed value,
    ``ratings`` a scale to the values given (round 1, those present, abstentions left out)."""
    return tuple(
        ScaleOverview(
            scale=scale,
            joint=joint.get(scale),
            median=shown_median(ratings.get(scale, ())),
            n=len(ratings.get(scale, ())),
            previous_joint=previous_joint.get(scale),
        )
        for scale in SECTIONS
    )


def change_text(change: int | None) -> str:
    """A change shown without colour: "↑ +2", "↓ −1", "→ 0"; empty when there is nothing to compare."""
    if change is None:
        return ""
    if change > 0:
        return f"↑ +{change}"
    if change < 0:
        return f"↓ −{-change}"
    return "→ 0"


def median_text(median: float | None, decimal: str = ",") -> str:
    """7 or 5,5 (Swedish decimal comma by default); empty when the median may not be shown."""
    value = number(median)
    return "" if value is None else str(value).replace(".", decimal)


def overview_json(overview: Overview) -> dict[str, object]:
    """The overview as `lardesk overview --json` prints it (the command line's contract)."""
    return {
        "units": [
            {
                "organisation": unit.organisation,
                "unit": unit.unit,
                "latest": {"session": unit.latest.id, "date": unit.latest.date.isoformat()},
                "previous": (
                    {"session": unit.previous.id, "date": unit.previous.date.isoformat()} if unit.previous else None
                ),
                "scales": [
                    {
                        "scale": scale.scale,
                        "joint": scale.joint,
                        "median": number(scale.median),
                        "n": scale.n,
                        "previous_joint": scale.previous_joint,
                    }
                    for scale in unit.scales
                ],
                "findings": {code: unit.findings.get(code, 0) for code in overview.finding_codes},
                "actions": {
                    "open": unit.actions.open,
                    "in_progress": unit.actions.in_progress,
                    "overdue": unit.actions.overdue,
                    "done": unit.actions.done,
                },
            }
            for unit in overview.units
        ]
    }


def action_json(action: ActionEntry) -> dict[str, object]:
    """One action as `lardesk actions --json` prints it (the command line's contract)."""
    return {
        "organisation": action.organisation,
        "unit": action.unit,
        "session": action.session_id,
        "date": action.session_date.isoformat(),
        "key": action.key,
        "scale": action.scale,
        "text": action.text,
        "owner": action.owner,
        "due": action.due.isoformat() if action.due else None,
        "status": action.status.value,
        "status_comment": action.status_comment,
        "status_date": action.status_date.isoformat() if action.status_date else None,
    }


def select_actions(
    actions: Iterable[ActionEntry], today: dt.date, *, open_only: bool = False, overdue_only: bool = False
) -> list[ActionEntry]:
    """``--open`` keeps open and in-progress actions; ``--overdue`` those of them past their date."""
    return [
        action
        for action in actions
        if (not (open_only or overdue_only) or action.status.is_open) and (not overdue_only or action.is_overdue(today))
    ]
