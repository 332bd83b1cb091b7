"""The program logic (programlogik), its gap rules G1–G8 and status findings S1–S4 (shared/domain.md).

Items run left to right: starting points ← effects ← (mediating instances) ← results ← activities ←
resources, read the other way. A link points from the item that supports to the item supported, as in the
exchange format: a resource to an activity, an activity to a result, a result to an effect, a mediating
instance to the result it carries on, an effect to the starting point it answers to. Position in a list is
never a link. A dropped item (struken) takes no part in any rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class ItemKind(StrEnum):
    STARTING_POINT = "starting_point"
    """Utgångspunkt: a goal or the problem to solve; effects link to them (G8)."""
    RESOURCE = "resource"
    ACTIVITY = "activity"
    RESULT = "result"
    MEDIATOR = "mediator"
    EFFECT = "effect"


# Left to right, as the board draws them: the starting points sit beyond the effects (domain.md), so that an
# effect's link to the starting point it answers to points the method's way, left to right.
BOARD_ORDER: tuple[ItemKind, ...] = (
    ItemKind.RESOURCE,
    ItemKind.ACTIVITY,
    ItemKind.RESULT,
    ItemKind.MEDIATOR,
    ItemKind.EFFECT,
    ItemKind.STARTING_POINT,
)
# Right to left, as the session walks them (the guide: "från förväntade effekter till resurser").
WALK_ORDER: tuple[ItemKind, ...] = (
    ItemKind.EFFECT,
    ItemKind.RESULT,
    ItemKind.MEDIATOR,
    ItemKind.ACTIVITY,
    ItemKind.RESOURCE,
)
# The guide section that discusses each kind of item.
SECTION_OF_KIND: dict[ItemKind, int] = {
    ItemKind.STARTING_POINT: 1,
    ItemKind.EFFECT: 2,
    ItemKind.RESULT: 3,
    ItemKind.MEDIATOR: 4,
    ItemKind.ACTIVITY: 5,
    ItemKind.RESOURCE: 6,
}


class StartingPointKind(StrEnum):
    """What a starting point is: a gender-equality goal, the problem the work aims to solve, or other."""

    GOAL = "goal"
    PROBLEM = "problem"
    OTHER = "other"


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    IMPLEMENTED = "implemented"
    PARTLY_IMPLEMENTED = "partly_implemented"
    NOT_IMPLEMENTED = "not_implemented"


class ResultStatus(StrEnum):
    EXPECTED = "expected"
    ACHIEVED = "achieved"
    PARTLY_ACHIEVED = "partly_achieved"
    NOT_ACHIEVED = "not_achieved"


class EffectStatus(StrEnum):
    EXPECTED = "expected"
    ON_TRACK = "on_track"
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"


STATUSES: dict[ItemKind, tuple[str, ...]] = {
    ItemKind.ACTIVITY: tuple(ActivityStatus),
    ItemKind.RESULT: tuple(ResultStatus),
    ItemKind.EFFECT: tuple(EffectStatus),
}
DEFAULT_STATUS: dict[ItemKind, str] = {kind: values[0] for kind, values in STATUSES.items()}

# (source kind, target kind) of every link the method knows.
LINK_KINDS: frozenset[tuple[ItemKind, ItemKind]] = frozenset(
    {
        (ItemKind.RESOURCE, ItemKind.ACTIVITY),
        (ItemKind.ACTIVITY, ItemKind.RESULT),
        (ItemKind.RESULT, ItemKind.EFFECT),
        (ItemKind.MEDIATOR, ItemKind.RESULT),
        (ItemKind.EFFECT, ItemKind.STARTING_POINT),
    }
)


MAX_AMOUNT_SEK = 1e15
"""The largest amount (kronor) a resource may carry: more is a typing error, and the exchange file refuses it."""


def link_target_kind(source: ItemKind) -> ItemKind | None:
    """The kind of item an item of kind ``source`` may link to (None: it links to nothing)."""
    for src, dst in LINK_KINDS:
        if src is source:
            return dst
    return None


def can_link(source: ItemKind, target: ItemKind) -> bool:
    return (source, target) in LINK_KINDS


def status_allowed(kind: ItemKind, status: str | None) -> bool:
    if status is None:
        return True
    return status in STATUSES.get(kind, ())


@dataclass(frozen=True, slots=True)
class LogicNode:
    """What the gap rules need of an item."""

    id: int
    kind: ItemKind
    text: str
    status: str | None = None
    key: str | None = None
    dropped: bool = False
    """Struken: takes no part in any rule, and links to it do not count."""
    carried_over: bool = False
    """Copied from the previous follow-up's board."""


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    """G1–G8 (a gap) or S1–S4 (a status finding)."""
    item_id: int
    kind: ItemKind
    text: str
    key: str | None = None

    @property
    def is_gap(self) -> bool:
        return self.code.startswith("G")


GAP_CODES: tuple[str, ...] = ("G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8")
STATUS_CODES: tuple[str, ...] = ("S1", "S2", "S3", "S4")
FINDING_CODES: tuple[str, ...] = GAP_CODES + STATUS_CODES
FINDING_KINDS: dict[str, tuple[ItemKind, ...]] = {
    "G1": (ItemKind.ACTIVITY,),
    "G2": (ItemKind.RESULT,),
    "G3": (ItemKind.EFFECT,),
    "G4": (ItemKind.RESULT,),
    "G5": (ItemKind.RESULT,),
    "G6": (ItemKind.ACTIVITY,),
    "G7": (ItemKind.RESOURCE,),
    "G8": (ItemKind.EFFECT,),
    "S1": (ItemKind.ACTIVITY,),
    "S2": (ItemKind.RESULT,),
    "S3": (ItemKind.RESULT,),
    "S4": (ItemKind.ACTIVITY, ItemKind.RESULT),
}
"""The kinds of item each finding can be about."""
ASSESSED_ACHIEVED: frozenset[str] = frozenset({ResultStatus.ACHIEVED, ResultStatus.PARTLY_ACHIEVED})
"""G5 asks only of the results the group found achieved or partly achieved (§4: "de *uppnådda* resultaten")."""


def find_findings(nodes: Sequence[LogicNode], links: Iterable[tuple[int, int]]) -> list[Finding]:
    """Every gap G1–G8 and status finding S1–S4, ordered by code, then by kind (S4: activities first), then by
    the items' order.

    ``links`` are (source id, target id) pairs; a link whose ends are not both among ``nodes`` or whose
    kinds the method does not know is ignored. A dropped item (struken) takes no part in any rule, and a link
    to or from it does not count.
    """
    live = [node for node in nodes if not node.dropped]
    by_id = {node.id: node for node in live}
    outgoing: dict[int, set[ItemKind]] = {}
    incoming: dict[int, list[LogicNode]] = {}
    for source, target in links:
        source_node, target_node = by_id.get(source), by_id.get(target)
        if source_node is None or target_node is None or not can_link(source_node.kind, target_node.kind):
            continue
        outgoing.setdefault(source, set()).add(target_node.kind)
        if source_node not in incoming.setdefault(target, []):
            incoming[target].append(source_node)
    has_starting_points = any(node.kind is ItemKind.STARTING_POINT for node in live)

    def has_out(node: LogicNode, kind: ItemKind) -> bool:
        return kind in outgoing.get(node.id, ())

    def sources(node: LogicNode, kind: ItemKind) -> list[LogicNode]:
        return [source for source in incoming.get(node.id, ()) if source.kind is kind]

    def has_in(node: LogicNode, kind: ItemKind) -> bool:
        return bool(sources(node, kind))

    def rests_on_nothing_done(node: LogicNode) -> bool:
        activities = sources(node, ItemKind.ACTIVITY)
        return bool(activities) and all(a.status == ActivityStatus.NOT_IMPLEMENTED for a in activities)

    def not_followed_up(node: LogicNode) -> bool:
        return node.carried_over and node.status in (None, DEFAULT_STATUS.get(node.kind))

    rules: dict[str, Callable[[LogicNode], bool]] = {
        "G1": lambda n: not has_out(n, ItemKind.RESULT),
        "G2": lambda n: not has_in(n, ItemKind.ACTIVITY),
        "G3": lambda n: not has_in(n, ItemKind.RESULT),
        "G4": lambda n: not has_out(n, ItemKind.EFFECT),
        "G5": lambda n: n.status in ASSESSED_ACHIEVED and not has_in(n, ItemKind.MEDIATOR),
        "G6": lambda n: not has_in(n, ItemKind.RESOURCE),
        "G7": lambda n: not has_out(n, ItemKind.ACTIVITY),
        "G8": lambda n: has_starting_points and not has_out(n, ItemKind.STARTING_POINT),
        "S1": lambda n: n.status == ActivityStatus.NOT_IMPLEMENTED,
        "S2": lambda n: n.status == ResultStatus.NOT_ACHIEVED,
        "S3": rests_on_nothing_done,
        "S4": not_followed_up,
    }
    findings: list[Finding] = []
    for code in FINDING_CODES:
        rule = rules[code]
        for kind in FINDING_KINDS[code]:
            for node in live:
                if node.kind is kind and rule(node):
                    findings.append(Finding(code, node.id, kind, node.text, node.key))
    return findings


def count_by_code(findings: Iterable[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(FINDING_CODES, 0)
    for finding in findings:
        counts[finding.code] += 1
    return counts
