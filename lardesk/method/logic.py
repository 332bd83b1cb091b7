"""The program logic (programlogik) and its gap rules G1–G7 and status findings S1–S2.

Items run left to right: resources → activities → results → (mediating instances) → effects. A link
points from the item that supports to the item supported, as in the exchange format: a resource to an
activity, an activity to a result, a result to an effect, a mediating instance to the result it carries
on. Position in a list is never a link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class ItemKind(StrEnum):
    STARTING_POINT = "starting_point"
    """Utgångspunkt: a goal or the problem to solve (not part of the gap rules)."""
    RESOURCE = "resource"
    ACTIVITY = "activity"
    RESULT = "result"
    MEDIATOR = "mediator"
    EFFECT = "effect"


# Left to right, as the board draws them.
BOARD_ORDER: tuple[ItemKind, ...] = (
    ItemKind.STARTING_POINT,
    ItemKind.RESOURCE,
    ItemKind.ACTIVITY,
    ItemKind.RESULT,
    ItemKind.MEDIATOR,
    ItemKind.EFFECT,
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
    """G1–G7 (a gap) or S1–S2 (a status finding)."""
    item_id: int
    kind: ItemKind
    text: str
    key: str | None = None

    @property
    def is_gap(self) -> bool:
        return self.code.startswith("G")


GAP_CODES: tuple[str, ...] = ("G1", "G2", "G3", "G4", "G5", "G6", "G7")
STATUS_CODES: tuple[str, ...] = ("S1", "S2")
FINDING_CODES: tuple[str, ...] = GAP_CODES + STATUS_CODES
FINDING_KIND: dict[str, ItemKind] = {
    "G1": ItemKind.ACTIVITY,
    "G2": ItemKind.RESULT,
    "G3": ItemKind.EFFECT,
    "G4": ItemKind.RESULT,
    "G5": ItemKind.RESULT,
    "G6": ItemKind.ACTIVITY,
    "G7": ItemKind.RESOURCE,
    "S1": ItemKind.ACTIVITY,
    "S2": ItemKind.RESULT,
}


def find_findings(nodes: Sequence[LogicNode], links: Iterable[tuple[int, int]]) -> list[Finding]:
    """Every gap G1–G7 and status finding S1–S2, ordered by code and then by the items' order.

    ``links`` are (source id, target id) pairs; a link whose ends are not both among ``nodes`` or whose
    kinds the method does not know is ignored.
    """
    kind_of = {node.id: node.kind for node in nodes}
    outgoing: dict[int, set[ItemKind]] = {}
    incoming: dict[int, set[ItemKind]] = {}
    for source, target in links:
        source_kind, target_kind = kind_of.get(source), kind_of.get(target)
        if source_kind is None or target_kind is None or not can_link(source_kind, target_kind):
            continue
        outgoing.setdefault(source, set()).add(target_kind)
        incoming.setdefault(target, set()).add(source_kind)

    def has_out(node: LogicNode, kind: ItemKind) -> bool:
        return kind in outgoing.get(node.id, ())

    def has_in(node: LogicNode, kind: ItemKind) -> bool:
        return kind in incoming.get(node.id, ())

    rules: dict[str, tuple[ItemKind, Callable[[LogicNode], bool]]] = {
        "G1": (ItemKind.ACTIVITY, lambda n: not has_out(n, ItemKind.RESULT)),
        "G2": (ItemKind.RESULT, lambda n: not has_in(n, ItemKind.ACTIVITY)),
        "G3": (ItemKind.EFFECT, lambda n: not has_in(n, ItemKind.RESULT)),
        "G4": (ItemKind.RESULT, lambda n: not has_out(n, ItemKind.EFFECT)),
        "G5": (ItemKind.RESULT, lambda n: not has_in(n, ItemKind.MEDIATOR)),
        "G6": (ItemKind.ACTIVITY, lambda n: not has_in(n, ItemKind.RESOURCE)),
        "G7": (ItemKind.RESOURCE, lambda n: not has_out(n, ItemKind.ACTIVITY)),
        "S1": (ItemKind.ACTIVITY, lambda n: n.status == ActivityStatus.NOT_IMPLEMENTED),
        "S2": (ItemKind.RESULT, lambda n: n.status == ResultStatus.NOT_ACHIEVED),
    }
    findings: list[Finding] = []
    for code in FINDING_CODES:
        kind, rule = rules[code]
        for node in nodes:
            if node.kind is kind and rule(node):
                findings.append(Finding(code, node.id, kind, node.text, node.key))
    return findings


def count_by_code(findings: Iterable[Finding]) -> dict[str, int]:
    counts = dict.fromkeys(FINDING_CODES, 0)
    for finding in findings:
        counts[finding.code] += 1
    return counts
