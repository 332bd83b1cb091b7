"""A session as plain frozen data: what the snapshot derives (findings, statistics, notes, agreed parts)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from lardesk.method.guide import SECTIONS
from lardesk.method.logic import Finding, ItemKind
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
)

ORG = OrganisationInfo(1, "Exempelkommunen", "Socialförvaltningen")


def session(parts: frozenset[int] = frozenset(SECTIONS)) -> SessionInfo:
    return SessionInfo(id=1, organisation=ORG, date=dt.date(2025, 11, 20), parts=parts)


# -- session info ------------------------------------------------------------------------------------------------


def test_session_defaults() -> None:
    info = session()
    assert info.language == "sv"
    assert info.anonymity is Anonymity.ROLES
    assert info.parts == frozenset(SECTIONS)
    assert info.agreed_sections == (1, 2, 3, 4, 5, 6, 7, 8, 9)


@pytest.mark.parametrize(
    ("parts", "agreed"),
    [
        (frozenset({2, 5}), (2, 5, 9)),
        (frozenset({9}), (9,)),
        (frozenset(), (9,)),
        (frozenset({8, 1, 9, 3}), (1, 3, 8, 9)),
        (frozenset({7}), (7, 9)),
    ],
)
def test_agreed_sections_always_contain_9(parts: frozenset[int], agreed: tuple[int, ...]) -> None:
    assert session(parts=parts).agreed_sections == agreed


def test_organisation_display_name() -> None:
    assert ORG.display_name == "Exempelkommunen – Socialförvaltningen"
    assert OrganisationInfo(2, "Region Exempel").display_name == "Region Exempel"


def test_participant_label() -> None:
    named = ParticipantInfo(1, "p1", name="Anna", role="Controller")
    assert named.label(show_names=True) == "Anna (Controller)"
    assert named.label(show_names=False) == "Controller"
    assert ParticipantInfo(2, "p2", name="Bo").label(show_names=True) == "Bo"
    assert ParticipantInfo(2, "p2", name="Bo").label(show_names=False) == "p2"
    assert ParticipantInfo(3, "p3").label(show_names=True) == "p3"


# -- ratings and participants -----------------------------------------------------------------------------------------


def _rated() -> SessionSnapshot:
    people = (
        ParticipantInfo(1, "p1", gender=Gender.WOMAN),
        ParticipantInfo(2, "p2", gender=Gender.WOMAN),
        ParticipantInfo(3, "p3", gender=Gender.MAN),
        ParticipantInfo(4, "p4", gender=Gender.MAN, present=False),
    )
    ratings = (
        RatingInfo(1, 1, 1, 2),
        RatingInfo(2, 1, 1, 4),
        RatingInfo(3, 1, 1, None),
        RatingInfo(4, 1, 1, 10),  # absent: must not count
        RatingInfo(1, 9, 1, 5),
        RatingInfo(4, 9, 1, 1),
        RatingInfo(1, 1, 2, 3),  # a second round after the discussion
        RatingInfo(2, 1, 2, 3),
        RatingInfo(3, 1, 2, 4),
        RatingInfo(99, 1, 1, 9),  # nobody: must not count
    )
    return SessionSnapshot(session=session(), participants=people, ratings=ratings)


def test_present_participants() -> None:
    snapshot = _rated()
    assert [p.key for p in snapshot.present] == ["p1", "p2", "p3"]
    assert snapshot.participation_sentence() == "3 deltagare, varav 2 kvinnor och 1 man"
    assert snapshot.participation_sentence("en") == "3 participants, of whom 2 women and 1 man"


def test_stats_ignore_absent_participants() -> None:
    stats = {s.scale: s for s in _rated().stats()}
    assert list(stats) == list(SECTIONS)
    assert stats[1].values == (2, 4)
    assert stats[1].present == 3
    assert stats[1].median == 3.0
    assert stats[9].values == (5,)
    assert stats[5].values == ()
    assert all(s.present == 3 for s in stats.values())


def test_stats_of_a_later_round_and_of_some_scales() -> None:
    snapshot = _rated()
    [one] = snapshot.stats(round_=2, scales=(1,))
    assert (one.scale, one.values, one.present) == (1, (3, 3, 4), 3)
    assert [s.scale for s in snapshot.stats(scales=(9, 1))] == [9, 1]
    assert all(s.n == 0 for s in snapshot.stats(round_=3))


def test_rounds_and_lookup() -> None:
    snapshot = _rated()
    assert snapshot.rounds() == (1, 2)
    assert len(snapshot.ratings_in(1)) == 7
    assert len(snapshot.ratings_in(2)) == 3
    assert snapshot.rating(1, 1) == RatingInfo(1, 1, 1, 2)
    assert snapshot.rating(1, 1, 2) == RatingInfo(1, 1, 2, 3)
    assert snapshot.rating(3, 1) == RatingInfo(3, 1, 1, None)
    assert snapshot.rating(3, 9) is None


def test_no_ratings_is_round_1() -> None:
    empty = SessionSnapshot(session=session())
    assert empty.rounds() == (1,)
    assert empty.present == ()
    assert empty.participation_sentence() == "0 deltagare"
    assert all(s.n == 0 and s.present == 0 for s in empty.stats())


def test_joint_and_improvements() -> None:
    snapshot = SessionSnapshot(
        session=session(),
        joint=(JointInfo(9, 5, "Enig"), JointInfo(4, 3)),
        improvements=(
            ImprovementInfo(1, "Koppla resultat till beslut", scale=4),
            ImprovementInfo(2, "Allmänt"),
            ImprovementInfo(3, "Fler beslut", scale=4, owner="Förvaltningschef"),
        ),
    )
    assert snapshot.joint_for(9) == JointInfo(9, 5, "Enig")
    assert snapshot.joint_for(4) == JointInfo(4, 3)
    assert snapshot.joint_for(1) is None
    assert [i.id for i in snapshot.improvements_for(4)] == [1, 3]
    assert [i.id for i in snapshot.improvements_for(None)] == [2]
    assert snapshot.improvements_for(9) == ()


def test_previous_session_scale_lookup() -> None:
    previous = PreviousSession(
        id=7,
        date=dt.date(2024, 11, 1),
        period="2024",
        scales=(ScaleHistory(9, 4.5, 3, 6, 5, 4), ScaleHistory(1, 6.0, 5, 8, 5, None)),
    )
    assert previous.scale(9) == ScaleHistory(9, 4.5, 3, 6, 5, 4)
    assert previous.scale(1) is not None
    assert previous.scale(2) is None


# -- notes ------------------------------------------------------------------------------------------------------------


def test_note_lookup() -> None:
    snapshot = SessionSnapshot(
        session=session(),
        notes=(
            NoteInfo(3, 0, "Om avsnittet"),
            NoteInfo(3, 2, "Om fråga 3.2"),
            NoteInfo(8, 9, "Om fråga 8.9"),
        ),
    )
    assert snapshot.note(3) == "Om avsnittet"
    assert snapshot.note(3, 0) == "Om avsnittet"
    assert snapshot.note(3, 2) == "Om fråga 3.2"
    assert snapshot.note(8, 9) == "Om fråga 8.9"
    assert snapshot.note(8) == ""
    assert snapshot.note(3, 1) == ""
    assert snapshot.note(2, 2) == ""


# -- program logic ----------------------------------------------------------------------------------------------------


def _logic() -> SessionSnapshot:
    items = (
        ItemInfo(10, ItemKind.RESOURCE, "r1", "Tid"),
        ItemInfo(11, ItemKind.RESOURCE, "r2", "Konsult"),
        ItemInfo(20, ItemKind.ACTIVITY, "a1", "Utbildning", status="implemented"),
        ItemInfo(21, ItemKind.ACTIVITY, "a2", "Seminarium", status="not_implemented"),
        ItemInfo(30, ItemKind.RESULT, "res1", "Kunskap", status="not_achieved"),
        ItemInfo(40, ItemKind.MEDIATOR, "m1", "Beslut i nämnden"),
        ItemInfo(50, ItemKind.EFFECT, "e1", "Likvärdig service"),
        ItemInfo(51, ItemKind.EFFECT, "e2", "Förtroende"),
    )
    links = (
        LinkInfo(10, 20),
        LinkInfo(20, 30),
        LinkInfo(30, 50),
        LinkInfo(40, 30),
        LinkInfo(30, 51),
    )
    return SessionSnapshot(session=session(), items=items, links=links)


def test_items_of_and_item_by_id() -> None:
    snapshot = _logic()
    assert [i.key for i in snapshot.items_of(ItemKind.RESOURCE)] == ["r1", "r2"]
    assert [i.key for i in snapshot.items_of(ItemKind.EFFECT)] == ["e1", "e2"]
    assert snapshot.items_of(ItemKind.STARTING_POINT) == ()
    assert snapshot.item_by_id[21].text == "Seminarium"
    assert set(snapshot.item_by_id) == {10, 11, 20, 21, 30, 40, 50, 51}


def test_targets_and_sources() -> None:
    snapshot = _logic()
    assert [i.key for i in snapshot.targets_of(30)] == ["e1", "e2"]
    assert [i.key for i in snapshot.sources_of(30)] == ["a1", "m1"]
    assert snapshot.targets_of(51) == ()
    assert snapshot.sources_of(10) == ()


def test_findings_on_a_small_snapshot() -> None:
    findings = _logic().findings
    assert isinstance(findings, tuple)
    assert [(f.code, f.key) for f in findings] == [
        ("G1", "a2"),
        ("G6", "a2"),
        ("G7", "r2"),
        ("S1", "a2"),
        ("S2", "res1"),
    ]
    assert findings[0] == Finding("G1", 21, ItemKind.ACTIVITY, "Seminarium", "a2")


def test_item_node() -> None:
    item = ItemInfo(30, ItemKind.RESULT, "res1", "Kunskap", status="achieved", outcome="Klart")
    node = item.node()
    assert (node.id, node.kind, node.text, node.status, node.key) == (
        30,
        ItemKind.RESULT,
        "Kunskap",
        "achieved",
        "res1",
    )


# -- the example, as a snapshot built by hand -------------------------------------------------------------------------

LISTS = (
    ("resources", ItemKind.RESOURCE, "activities"),
    ("activities", ItemKind.ACTIVITY, "results"),
    ("results", ItemKind.RESULT, "effects"),
    ("mediators", ItemKind.MEDIATOR, "results"),
    ("effects", ItemKind.EFFECT, None),
)


def example_snapshot(path: Path, absent: frozenset[str] = frozenset()) -> SessionSnapshot:
    data = json.loads(path.read_text(encoding="utf-8"))
    participants = tuple(
        ParticipantInfo(i, p["key"], role=p.get("role", ""), gender=Gender(p["gender"]), present=p["key"] not in absent)
        for i, p in enumerate(data["participants"], start=1)
    )
    pid = {p.key: p.id for p in participants}
    items: list[ItemInfo] = []
    for list_name, kind, _ in LISTS:
        for raw in data["logic"][list_name]:
            items.append(ItemInfo(len(items) + 1, kind, raw["key"], raw["text"], status=raw.get("status")))
    iid = {item.key: item.id for item in items}
    links = tuple(
        LinkInfo(iid[raw["key"]], iid[target])
        for list_name, _, member in LISTS
        if member
        for raw in data["logic"][list_name]
        for target in raw.get(member, [])
    )
    ratings = tuple(RatingInfo(pid[r["participant"]], r["scale"], 1, r["value"]) for r in data["ratings"])
    notes = tuple(NoteInfo(n["section"], n.get("question", 0), n["text"]) for n in data["notes"])
    return SessionSnapshot(
        session=session(), participants=participants, items=tuple(items), links=links, ratings=ratings, notes=notes
    )


def test_example_snapshot(example_path: Path) -> None:
    snapshot = example_snapshot(example_path)
    assert snapshot.participation_sentence() == "6 deltagare, varav 4 kvinnor och 2 män"
    stats = {s.scale: s for s in snapshot.stats()}
    assert (stats[1].median, stats[4].median, stats[9].median) == (7, 3, 5.5)
    assert (stats[7].n, stats[7].present) == (5, 6)
    assert [(f.code, f.key) for f in snapshot.findings if f.code in ("S1", "S2")] == [("S1", "a6"), ("S2", "res2")]
    assert [f.key for f in snapshot.findings if f.code == "G1"] == ["a6", "a8", "a9", "a10"]
    assert snapshot.note(5) == "Det finns aktiviteter som inte direkt kan kopplas till förväntat kortsiktigt resultat."


def test_example_snapshot_with_someone_absent(example_path: Path) -> None:
    # p4 (a man who rated 9 on scale 1) leaves: his ratings no longer count and there are five present.
    snapshot = example_snapshot(example_path, absent=frozenset({"p4"}))
    assert snapshot.participation_sentence() == "5 deltagare, varav 4 kvinnor och 1 man"
    stats = {s.scale: s for s in snapshot.stats()}
    assert stats[1].values == (5, 6, 7, 7, 8)
    assert stats[1].present == 5
    assert stats[7].values == (4, 6, 6, 7)
    assert stats[9].median == 5.0
