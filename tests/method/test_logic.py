"""The program logic's gap rules G1–G8 and status findings S1–S4, each on small boards."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lardesk.method.logic import (
    BOARD_ORDER,
    DEFAULT_STATUS,
    FINDING_CODES,
    FINDING_KINDS,
    GAP_CODES,
    LINK_KINDS,
    SECTION_OF_KIND,
    STATUS_CODES,
    STATUSES,
    WALK_ORDER,
    ActivityStatus,
    Finding,
    ItemKind,
    LogicNode,
    ResultStatus,
    can_link,
    count_by_code,
    find_findings,
    link_target_kind,
    status_allowed,
)
from tests.conftest import EXAMPLE_FINDINGS

R, A, RES, M, E, SP = (
    ItemKind.RESOURCE,
    ItemKind.ACTIVITY,
    ItemKind.RESULT,
    ItemKind.MEDIATOR,
    ItemKind.EFFECT,
    ItemKind.STARTING_POINT,
)


def node(
    id_: int, kind: ItemKind, status: str | None = None, *, dropped: bool = False, carried: bool = False
) -> LogicNode:
    return LogicNode(id_, kind, f"{kind.value} {id_}", status, f"k{id_}", dropped=dropped, carried_over=carried)


def codes(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(f.code, f.item_id) for f in findings]


def of(code: str, findings: list[Finding]) -> list[int]:
    return [f.item_id for f in findings if f.code == code]


# A complete chain: resource 1 → activity 2 → result 3 → effect 4, mediator 5 → result 3.
CHAIN = [node(1, R), node(2, A), node(3, RES), node(4, E), node(5, M)]
CHAIN_LINKS = [(1, 2), (2, 3), (3, 4), (5, 3)]


# -- constants and link kinds ---------------------------------------------------------------------------------


def test_link_kinds() -> None:
    assert {(s.value, t.value) for s, t in LINK_KINDS} == {
        ("resource", "activity"),
        ("activity", "result"),
        ("result", "effect"),
        ("mediator", "result"),
        ("effect", "starting_point"),
    }


@pytest.mark.parametrize(
    ("source", "target"),
    [(R, A), (A, RES), (RES, E), (M, RES), (E, SP)],
)
def test_can_link_left_to_right(source: ItemKind, target: ItemKind) -> None:
    assert can_link(source, target)
    assert link_target_kind(source) is target


@pytest.mark.parametrize(
    ("source", "target"),
    [(A, R), (RES, A), (E, RES), (RES, M), (R, RES), (A, E), (R, E), (E, E), (A, A), (SP, E), (SP, RES), (M, E)],
)
def test_cannot_link_backwards_or_skipping(source: ItemKind, target: ItemKind) -> None:
    assert not can_link(source, target)


def test_starting_points_link_to_nothing() -> None:
    """Effects link to the starting points they answer to; a starting point is where the chain ends."""
    assert link_target_kind(SP) is None


def test_orders() -> None:
    assert BOARD_ORDER == (R, A, RES, M, E, SP)
    assert WALK_ORDER == (E, RES, M, A, R)
    assert SECTION_OF_KIND == {SP: 1, E: 2, RES: 3, M: 4, A: 5, R: 6}


def test_codes_and_kinds() -> None:
    assert GAP_CODES == ("G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8")
    assert STATUS_CODES == ("S1", "S2", "S3", "S4")
    assert FINDING_CODES == GAP_CODES + STATUS_CODES
    assert FINDING_KINDS == {
        "G1": (A,),
        "G2": (RES,),
        "G3": (E,),
        "G4": (RES,),
        "G5": (RES,),
        "G6": (A,),
        "G7": (R,),
        "G8": (E,),
        "S1": (A,),
        "S2": (RES,),
        "S3": (RES,),
        "S4": (A, RES),
    }


def test_statuses() -> None:
    assert STATUSES[A] == ("planned", "implemented", "partly_implemented", "not_implemented")
    assert STATUSES[RES] == ("expected", "achieved", "partly_achieved", "not_achieved")
    assert STATUSES[E] == ("expected", "on_track", "achieved", "not_achieved")
    assert DEFAULT_STATUS == {A: "planned", RES: "expected", E: "expected"}
    assert status_allowed(A, "not_implemented")
    assert status_allowed(A, None)
    assert not status_allowed(A, "achieved")
    assert not status_allowed(RES, "implemented")
    assert status_allowed(E, "on_track")
    assert not status_allowed(RES, "on_track")
    assert not status_allowed(R, "planned")  # resources carry no status
    assert status_allowed(R, None)


def test_finding_is_gap() -> None:
    assert Finding("G5", 1, RES, "x").is_gap
    assert not Finding("S1", 1, A, "x").is_gap


# -- the gap rules, one at a time --------------------------------------------------------------------------------


def test_complete_chain_has_no_findings() -> None:
    assert find_findings(CHAIN, CHAIN_LINKS) == []


def test_nothing_at_all() -> None:
    assert find_findings([], []) == []
    assert find_findings([], [(1, 2)]) == []


def test_g1_activity_linked_to_no_result() -> None:
    nodes = [*CHAIN, node(6, A)]
    findings = find_findings(nodes, [*CHAIN_LINKS, (1, 6)])
    assert codes(findings) == [("G1", 6)]
    assert findings[0] == Finding("G1", 6, A, "activity 6", "k6")


def test_g2_result_that_no_activity_is_linked_to() -> None:
    nodes = [*CHAIN, node(6, RES)]
    assert codes(find_findings(nodes, [*CHAIN_LINKS, (6, 4), (5, 6)])) == [("G2", 6)]


def test_g3_effect_that_no_result_is_linked_to() -> None:
    nodes = [*CHAIN, node(6, E)]
    assert codes(find_findings(nodes, CHAIN_LINKS)) == [("G3", 6)]


def test_g4_result_linked_to_no_effect() -> None:
    nodes = [*CHAIN, node(6, RES)]
    assert codes(find_findings(nodes, [*CHAIN_LINKS, (2, 6), (5, 6)])) == [("G4", 6)]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (None, []),
        ("expected", []),  # not yet achieved: §4 asks only of the achieved results
        ("not_achieved", [("S2", 6)]),
        ("achieved", [("G5", 6)]),
        ("partly_achieved", [("G5", 6)]),
    ],
)
def test_g5_achieved_result_without_mediating_instance(status: str | None, expected: list[tuple[str, int]]) -> None:
    nodes = [*CHAIN, node(6, RES, status)]
    assert codes(find_findings(nodes, [*CHAIN_LINKS, (2, 6), (6, 4)])) == expected


def test_g5_an_achieved_result_with_a_mediating_instance_is_no_gap() -> None:
    nodes = [node(1, R), node(2, A), node(3, RES, "achieved"), node(4, E), node(5, M)]
    assert find_findings(nodes, CHAIN_LINKS) == []


def test_g6_activity_without_resource() -> None:
    nodes = [*CHAIN, node(6, A)]
    assert codes(find_findings(nodes, [*CHAIN_LINKS, (6, 3)])) == [("G6", 6)]


def test_g7_resource_linked_to_no_activity() -> None:
    nodes = [*CHAIN, node(6, R)]
    assert codes(find_findings(nodes, CHAIN_LINKS)) == [("G7", 6)]


def test_a_mediator_alone_is_no_gap() -> None:
    nodes = [*CHAIN, node(6, M)]
    assert find_findings(nodes, CHAIN_LINKS) == []


def test_g8_effect_that_answers_to_no_starting_point() -> None:
    nodes = [node(0, SP), *CHAIN, node(6, E)]
    links = [*CHAIN_LINKS, (3, 6), (4, 0)]
    assert codes(find_findings(nodes, links)) == [("G8", 6)]
    assert find_findings(nodes, [*links, (6, 0)]) == []


def test_g8_only_in_a_session_that_has_starting_points() -> None:
    assert find_findings(CHAIN, CHAIN_LINKS) == []
    # a dropped starting point is no starting point
    assert find_findings([node(0, SP, dropped=True), *CHAIN], CHAIN_LINKS) == []


def test_g8_a_link_from_a_starting_point_to_an_effect_is_the_wrong_way() -> None:
    nodes = [node(0, SP), *CHAIN]
    assert codes(find_findings(nodes, [*CHAIN_LINKS, (0, 4)])) == [("G8", 4)]


def test_a_starting_point_itself_is_no_finding() -> None:
    nodes = [node(0, SP), *CHAIN]
    assert find_findings(nodes, [*CHAIN_LINKS, (4, 0)]) == []


def test_a_lone_result_has_g2_and_g4() -> None:
    assert codes(find_findings([node(1, RES)], [])) == [("G2", 1), ("G4", 1)]
    assert codes(find_findings([node(1, RES, "achieved")], [])) == [("G2", 1), ("G4", 1), ("G5", 1)]


def test_a_lone_activity_has_g1_and_g6() -> None:
    assert codes(find_findings([node(1, A)], [])) == [("G1", 1), ("G6", 1)]


def test_lone_items_of_each_kind() -> None:
    nodes = [node(1, R), node(2, A), node(3, RES, "achieved"), node(4, M), node(5, E), node(6, SP)]
    assert codes(find_findings(nodes, [])) == [
        ("G1", 2),
        ("G2", 3),
        ("G3", 5),
        ("G4", 3),
        ("G5", 3),
        ("G6", 2),
        ("G7", 1),
        ("G8", 5),
    ]


def test_one_link_serves_both_ends() -> None:
    # activity → result: the activity is not G1 and the result is not G2.
    nodes = [node(1, A), node(2, RES)]
    assert codes(find_findings(nodes, [(1, 2)])) == [("G4", 2), ("G6", 1)]


def test_many_to_many_links() -> None:
    nodes = [node(1, R), node(2, A), node(3, A), node(4, RES), node(5, RES), node(6, E), node(7, M)]
    links = [(1, 2), (1, 3), (2, 4), (3, 4), (3, 5), (4, 6), (5, 6), (7, 4), (7, 5)]
    assert find_findings(nodes, links) == []


def test_duplicate_links_count_once() -> None:
    nodes = [*CHAIN]
    assert find_findings(nodes, CHAIN_LINKS * 3) == []


# -- status findings ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (None, []),
        (ActivityStatus.PLANNED, []),
        (ActivityStatus.IMPLEMENTED, []),
        (ActivityStatus.PARTLY_IMPLEMENTED, []),
        (ActivityStatus.NOT_IMPLEMENTED, [("S1", 2), ("S3", 3)]),  # the result rests on it alone: S3
        ("not_implemented", [("S1", 2), ("S3", 3)]),
    ],
)
def test_s1_activity_not_implemented(status: str | None, expected: list[tuple[str, int]]) -> None:
    nodes = [node(1, R), node(2, A, status), node(3, RES), node(4, E), node(5, M)]
    assert codes(find_findings(nodes, CHAIN_LINKS)) == expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (None, []),
        (ResultStatus.EXPECTED, []),
        (ResultStatus.ACHIEVED, []),
        (ResultStatus.PARTLY_ACHIEVED, []),
        (ResultStatus.NOT_ACHIEVED, [("S2", 3)]),
        ("not_achieved", [("S2", 3)]),
    ],
)
def test_s2_result_not_achieved(status: str | None, expected: list[tuple[str, int]]) -> None:
    nodes = [node(1, R), node(2, A), node(3, RES, status), node(4, E), node(5, M)]
    assert codes(find_findings(nodes, CHAIN_LINKS)) == expected


def test_status_findings_only_for_their_kind() -> None:
    # An effect that is "not_achieved" is not S2; S2 is about results.
    nodes = [node(1, R), node(2, A), node(3, RES), node(4, E, "not_achieved"), node(5, M)]
    assert find_findings(nodes, CHAIN_LINKS) == []


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("not_implemented", "not_implemented", [("S1", 2), ("S1", 6), ("S3", 3)]),
        ("not_implemented", "implemented", [("S1", 2)]),
        ("not_implemented", "planned", [("S1", 2)]),
        ("partly_implemented", "not_implemented", [("S1", 6)]),
    ],
)
def test_s3_result_resting_only_on_activities_not_implemented(
    first: str, second: str, expected: list[tuple[str, int]]
) -> None:
    nodes = [node(1, R), node(2, A, first), node(3, RES), node(4, E), node(5, M), node(6, A, second)]
    links = [*CHAIN_LINKS, (1, 6), (6, 3)]
    assert codes(find_findings(nodes, links)) == expected


def test_s3_needs_a_linked_activity() -> None:
    # a result no activity is linked to is G2, not S3
    assert codes(find_findings([node(3, RES), node(4, E), node(5, M)], [(3, 4), (5, 3)])) == [("G2", 3)]


@pytest.mark.parametrize(
    ("kind", "status", "carried", "expected"),
    [
        (A, "planned", True, [("S4", 2)]),
        (A, "implemented", True, []),
        (A, "not_implemented", True, [("S1", 2), ("S3", 3)]),
        (A, "planned", False, []),
        (RES, "expected", True, [("S4", 3)]),
        (RES, "achieved", True, []),
        (RES, "expected", False, []),
    ],
)
def test_s4_carried_over_and_not_yet_assessed(
    kind: ItemKind, status: str, carried: bool, expected: list[tuple[str, int]]
) -> None:
    nodes = [node(1, R), node(2, A), node(3, RES), node(4, E), node(5, M)]
    index = 1 if kind is A else 2
    nodes[index] = node(nodes[index].id, kind, status, carried=carried)
    assert codes(find_findings(nodes, CHAIN_LINKS)) == expected


def test_s4_effects_and_resources_are_not_followed_up_this_way() -> None:
    nodes = [node(1, R, carried=True), node(2, A), node(3, RES), node(4, E, "expected", carried=True), node(5, M)]
    assert find_findings(nodes, CHAIN_LINKS) == []


def test_s4_lists_activities_before_results() -> None:
    nodes = [node(3, RES, "expected", carried=True), node(2, A, "planned", carried=True)]
    assert [(f.code, f.item_id) for f in find_findings(nodes, [(2, 3)]) if f.code == "S4"] == [("S4", 2), ("S4", 3)]


# -- dropped items ------------------------------------------------------------------------------------------------


def test_a_dropped_item_takes_no_part_in_any_rule() -> None:
    nodes = [*CHAIN, node(6, A, "not_implemented", dropped=True), node(7, RES, "not_achieved", dropped=True)]
    assert find_findings(nodes, CHAIN_LINKS) == []
    carried = [*CHAIN, node(8, A, "planned", dropped=True, carried=True)]
    assert find_findings(carried, CHAIN_LINKS) == []


@pytest.mark.parametrize(
    ("dropped", "expected"),
    [(1, [("G6", 2)]), (2, [("G2", 3), ("G7", 1)]), (4, [("G4", 3)]), (5, [("G5", 3)])],
)
def test_links_to_a_dropped_item_do_not_count(dropped: int, expected: list[tuple[str, int]]) -> None:
    """Drop the only resource, activity, effect or mediating instance: what it supported shows its gap again."""
    nodes = [node(n.id, n.kind, "achieved" if n.kind is RES else None, dropped=n.id == dropped) for n in CHAIN]
    assert codes(find_findings(nodes, CHAIN_LINKS)) == expected


def test_s3_ignores_a_dropped_activity() -> None:
    nodes = [node(1, R), node(2, A, "not_implemented"), node(3, RES), node(4, E), node(5, M), node(6, A, dropped=True)]
    links = [*CHAIN_LINKS, (1, 6), (6, 3)]
    assert codes(find_findings(nodes, links)) == [("S1", 2), ("S3", 3)]


def test_status_findings_are_not_gaps() -> None:
    nodes = [node(1, R), node(2, A, "not_implemented"), node(3, RES, "not_achieved"), node(4, E), node(5, M)]
    findings = find_findings(nodes, CHAIN_LINKS)
    assert codes(findings) == [("S1", 2), ("S2", 3), ("S3", 3)]
    assert [f.is_gap for f in findings] == [False, False, False]


# -- links that are ignored ------------------------------------------------------------------------------------


def test_links_to_unknown_items_are_ignored() -> None:
    nodes = [node(1, R), node(2, A)]
    findings = find_findings(nodes, [(1, 99), (99, 2), (98, 97), (2, 96)])
    assert codes(findings) == [("G1", 2), ("G6", 2), ("G7", 1)]


def test_links_of_the_wrong_direction_are_ignored() -> None:
    # Every link reversed: nothing counts.
    reversed_links = [(target, source) for source, target in CHAIN_LINKS]
    findings = find_findings(CHAIN, reversed_links)
    assert codes(findings) == [("G1", 2), ("G2", 3), ("G3", 4), ("G4", 3), ("G6", 2), ("G7", 1)]


def test_links_skipping_a_column_are_ignored() -> None:
    nodes = [node(1, R), node(2, RES), node(3, A), node(4, E)]
    # resource → result, activity → effect, resource → effect, mediator-less: none of them is a known link.
    findings = find_findings(nodes, [(1, 2), (3, 4), (1, 4)])
    assert codes(findings) == [("G1", 3), ("G2", 2), ("G3", 4), ("G4", 2), ("G6", 3), ("G7", 1)]


def test_a_self_link_is_ignored() -> None:
    assert codes(find_findings([node(1, A)], [(1, 1)])) == [("G1", 1), ("G6", 1)]


def test_result_to_mediator_is_not_a_mediator_link() -> None:
    nodes = [node(1, R), node(2, A), node(3, RES, "achieved"), node(4, E), node(5, M)]
    assert codes(find_findings(nodes, [(1, 2), (2, 3), (3, 4), (3, 5)])) == [("G5", 3)]


def test_links_may_be_a_one_shot_iterable() -> None:
    assert find_findings(CHAIN, iter(CHAIN_LINKS)) == []
    assert find_findings(CHAIN, (link for link in CHAIN_LINKS)) == []


# -- ordering and counting ----------------------------------------------------------------------------------------


def test_ordered_by_code_then_item_order() -> None:
    # Items deliberately not in id order: the nodes' order is the order reported.
    nodes = [
        node(30, A),
        node(10, A, "not_implemented"),
        node(20, A),
        node(5, RES, "partly_achieved"),
        node(2, RES, "achieved"),
    ]
    findings = find_findings(nodes, [])
    assert codes(findings) == [
        ("G1", 30),
        ("G1", 10),
        ("G1", 20),
        ("G2", 5),
        ("G2", 2),
        ("G4", 5),
        ("G4", 2),
        ("G5", 5),
        ("G5", 2),
        ("G6", 30),
        ("G6", 10),
        ("G6", 20),
        ("S1", 10),
    ]


def test_findings_carry_kind_text_and_key() -> None:
    nodes = [LogicNode(7, R, "Tid och pengar", key="r7")]
    assert find_findings(nodes, []) == [Finding("G7", 7, R, "Tid och pengar", "r7")]
    assert find_findings([LogicNode(8, R, "Utan nyckel")], []) == [Finding("G7", 8, R, "Utan nyckel", None)]


def test_count_by_code() -> None:
    nodes = [node(1, A, "not_implemented"), node(2, A), node(3, RES)]
    counts = count_by_code(find_findings(nodes, [(1, 3)]))
    assert counts == {
        "G1": 1,
        "G2": 0,
        "G3": 0,
        "G4": 1,
        "G5": 0,
        "G6": 2,
        "G7": 0,
        "G8": 0,
        "S1": 1,
        "S2": 0,
        "S3": 1,
        "S4": 0,
    }
    assert list(counts) == list(FINDING_CODES)


def test_count_by_code_of_nothing_lists_every_code() -> None:
    assert count_by_code([]) == dict.fromkeys(FINDING_CODES, 0)


# -- the guide's own worksheet (Bilaga 1) ------------------------------------------------------------------------

EXPECTED_EXAMPLE = EXAMPLE_FINDINGS

# Exchange-file list → (kind, the member naming the items it links to).
EXAMPLE_LISTS: list[tuple[str, ItemKind, str | None]] = [
    ("resources", R, "activities"),
    ("activities", A, "results"),
    ("results", RES, "effects"),
    ("mediators", M, "results"),
    ("effects", E, None),
]


def example_logic(path: Path) -> tuple[list[LogicNode], list[tuple[int, int]]]:
    """The example's program logic as nodes and links, parsed by hand (no lardesk reader involved)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    logic = data["logic"]
    nodes: list[LogicNode] = []
    id_of: dict[str, int] = {}
    for list_name, kind, _ in EXAMPLE_LISTS:
        for raw in logic.get(list_name, []):
            new_id = 100 + len(nodes)
            id_of[raw["key"]] = new_id
            nodes.append(LogicNode(new_id, kind, raw["text"], raw.get("status"), raw["key"]))
    links: list[tuple[int, int]] = []
    for list_name, _, member in EXAMPLE_LISTS:
        if member is None:
            continue
        for raw in logic.get(list_name, []):
            links.extend((id_of[raw["key"]], id_of[target]) for target in raw.get(member, []))
    return nodes, links


def test_example_counts(example_path: Path) -> None:
    nodes, links = example_logic(example_path)
    kinds = [n.kind for n in nodes]
    assert (kinds.count(R), kinds.count(A), kinds.count(RES), kinds.count(M), kinds.count(E)) == (10, 10, 8, 2, 3)
    assert len(links) == 10 + 7 + 24 + 2


def test_example_findings_are_the_readme_table(example_path: Path) -> None:
    nodes, links = example_logic(example_path)
    findings = find_findings(nodes, links)
    by_code = {code: [f.key for f in findings if f.code == code] for code in FINDING_CODES}
    assert by_code == EXPECTED_EXAMPLE
    assert count_by_code(findings) == {code: len(keys) for code, keys in EXPECTED_EXAMPLE.items()}
    assert len(findings) == 12
    for finding in findings:
        assert finding.kind in FINDING_KINDS[finding.code]


def test_example_findings_in_order(example_path: Path) -> None:
    nodes, links = example_logic(example_path)
    keys = [(f.code, f.key) for f in find_findings(nodes, links)]
    assert keys == [(code, key) for code in FINDING_CODES for key in EXPECTED_EXAMPLE[code]]


def test_example_texts(example_path: Path) -> None:
    nodes, links = example_logic(example_path)
    findings = find_findings(nodes, links)
    [s1] = [f for f in findings if f.code == "S1"]
    assert s1.text == "Utbilda förvaltningschefsgruppen"
    [s2] = [f for f in findings if f.code == "S2"]
    assert s2.text == "Det finns en jämställdhetsstrateg i varje förvaltning på minst 50%"


def test_example_without_mediators_has_every_achieved_result_in_g5(example_path: Path) -> None:
    nodes, links = example_logic(example_path)
    kept = [n for n in nodes if n.kind is not M]
    findings = find_findings(kept, links)  # the mediators' links now dangle and are ignored
    achieved = [n.id for n in nodes if n.kind is RES and n.status in ("achieved", "partly_achieved")]
    assert of("G5", findings) == achieved and len(achieved) == 5


def test_example_with_every_mediator_dropped_is_the_same(example_path: Path) -> None:
    nodes, links = example_logic(example_path)
    dropped = [LogicNode(n.id, n.kind, n.text, n.status, n.key, dropped=n.kind is M) for n in nodes]
    without = [n for n in nodes if n.kind is not M]
    assert find_findings(dropped, links) == find_findings(without, links)
