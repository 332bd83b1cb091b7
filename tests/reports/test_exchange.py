"""The exchange file: the example's findings, a faithful round trip, and every kind of bad input."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from lardesk.importers.exchange import ExchangeError, read_exchange
from lardesk.method.actions import ActionStatus
from lardesk.method.indicators import Figures
from lardesk.method.logic import ItemKind, StartingPointKind
from lardesk.method.people import Gender
from lardesk.method.snapshot import Anonymity, SessionSnapshot
from lardesk.resources import resources_dir
from lardesk.services import InputError, NewParticipant, NewSession, Services
from lardesk.storage.models import FollowUpSession, LogicItem, Rating
from tests.conftest import EXAMPLE, EXAMPLE_FINDINGS, SHARED

EXPECTED_FINDINGS = EXAMPLE_FINDINGS


def findings_by_code(snapshot: SessionSnapshot) -> dict[str, list[str | None]]:
    result: dict[str, list[str | None]] = {code: [] for code in EXPECTED_FINDINGS}
    for finding in snapshot.findings:
        result[finding.code].append(finding.key)
    return result


DEFAULT_STATUS = {"activities": "planned", "results": "expected", "effects": "expected"}


def with_defaults(document: dict[str, Any]) -> dict[str, Any]:
    """The document with the schema's defaults written out and the keys of improvement actions left out (the
    reader gives actions without one a key), so that equal sessions compare equal."""
    filled = copy.deepcopy(document)
    for name, status in DEFAULT_STATUS.items():
        for entry in filled.get("logic", {}).get(name, []):
            entry.setdefault("status", status)
    for entry in filled.get("improvements", []):
        entry.setdefault("status", "open")
        entry.pop("key", None)
    filled["session"].setdefault("anonymity", "roles")
    filled.pop("format_version")
    return filled


def test_the_shipped_schema_is_the_shared_one() -> None:
    shipped = (resources_dir() / "exchange" / "session.schema.json").read_text(encoding="utf-8")
    shared = SHARED / "exchange" / "session.schema.json"
    if not shared.exists():
        pytest.skip("shared/ is not beside the checkout")
    assert json.loads(shipped) == json.loads(shared.read_text(encoding="utf-8"))


def test_the_shipped_example_is_the_shared_one() -> None:
    shared = SHARED / "exchange" / "example-bilaga1.json"
    if not shared.exists():
        pytest.skip("shared/ is not beside the checkout")
    assert EXAMPLE.read_bytes() == shared.read_bytes()


def test_example_gives_exactly_the_expected_findings(any_services: Services, example_bytes: bytes) -> None:
    session_id = any_services.exchange.import_bytes(example_bytes).new_id
    assert session_id is not None
    snapshot = any_services.sessions.snapshot(session_id)
    assert findings_by_code(snapshot) == EXPECTED_FINDINGS


def test_export_then_import_gives_the_same_session(any_services: Services, example_bytes: bytes) -> None:
    first_id = any_services.exchange.import_bytes(example_bytes).new_id
    assert first_id is not None
    exported = any_services.exchange.export_document(first_id)
    second_id = any_services.exchange.import_bytes(json.dumps(exported)).new_id
    assert second_id is not None and second_id != first_id
    again = any_services.exchange.export_document(second_id)
    assert again == exported
    # and the export carries everything of the original file, keys included
    original = json.loads(example_bytes)
    for member in ("organisation", "logic", "ratings", "joint", "improvements"):
        assert with_defaults(exported)[member] == with_defaults(original)[member], member
    # roles mode: a role or gender held by fewer than 3 is left out beside the ratings (issue 10, item 8)
    assert [p["key"] for p in exported["participants"]] == [p["key"] for p in original["participants"]]
    assert sorted(exported["notes"], key=lambda n: n["section"]) == sorted(
        original["notes"], key=lambda n: n["section"]
    )
    for name in ("title", "date", "period", "facilitator", "language"):
        assert exported["session"][name] == original["session"][name]
    assert findings_by_code(any_services.sessions.snapshot(second_id)) == EXPECTED_FINDINGS


FULL_V2 = Path(__file__).resolve().parents[1] / "fixtures" / "exchange-v2-full.json"


def test_a_version_2_file_with_every_new_member_imports_and_exports_equal(any_services: Services) -> None:
    data = FULL_V2.read_bytes()
    original = json.loads(data)
    sid = any_services.exchange.import_bytes(data).new_id
    assert sid is not None
    exported = any_services.exchange.export_document(sid)
    assert exported == original
    snapshot = any_services.sessions.snapshot(sid)
    info = snapshot.session
    assert (info.case_number, info.anonymity) == ("KFN 2013/123", Anonymity.OPEN)
    by_key = {(item.kind, item.key): item for item in snapshot.items}
    s1, s3 = by_key[(ItemKind.STARTING_POINT, "s1")], by_key[(ItemKind.STARTING_POINT, "s3")]
    assert (s1.category, s3.category, s3.dropped_reason) == (
        StartingPointKind.GOAL,
        StartingPointKind.OTHER,
        "Ersatt av s1",
    )
    (indicator,) = s1.indicators
    assert indicator.baseline == Figures("2010", women=36, men=64)
    assert repr(indicator.baseline.women) == "36"  # whole numbers stay whole numbers (not 36.0)
    assert indicator.values[0] == Figures("2011", women=36.5, men=63.5)
    assert indicator.target is not None and indicator.target.note == "40/60 först, sedan lika"
    a2 = by_key[(ItemKind.ACTIVITY, "a2")]
    assert (a2.carried_over, a2.previous_status, a2.previous_outcome) == (
        True,
        "partly_implemented",
        "Tre av fem föreningar",
    )
    assert by_key[(ItemKind.RESOURCE, "r1")].carried_over and not by_key[(ItemKind.RESOURCE, "r2")].carried_over
    e1 = by_key[(ItemKind.EFFECT, "e1")]
    assert {item.key for item in snapshot.targets_of(e1.id)} == {"s1", "s2"}
    actions = {action.key: action for action in snapshot.improvements}
    assert actions["i1"].status is ActionStatus.PARTLY_DONE
    assert (actions["i1"].status_comment, actions["i1"].status_date) == (
        "Ett av två beslut fattat",
        dt.date(2014, 5, 20),
    )
    assert actions["i2"].done and not actions["i1"].done
    assert [a.status for a in snapshot.improvements] == [
        ActionStatus.PARTLY_DONE,
        ActionStatus.DONE,
        ActionStatus.DROPPED,
        ActionStatus.IN_PROGRESS,
        ActionStatus.NOT_DONE,
        ActionStatus.OPEN,
    ]


def test_a_version_1_file_imports_as_before_and_is_written_as_version_2(services: Services) -> None:
    """What version 1 kept in x-lardesk (anonymity, case number, starting points, carried-over items, done
    actions) is read from there, and written where version 2 has a place for it."""
    document = {
        "format": "lardesk-session",
        "format_version": 1,
        "organisation": {"name": "Kommun"},
        "session": {"date": "2012-11-20"},
        "participants": [{"key": "p1", "name": "Anna", "role": "Chef", "gender": "woman"}, {"key": "p2"}],
        "logic": {
            "activities": [{"key": "a1", "text": "Utbildning", "results": ["res1"]}],
            "results": [{"key": "res1", "text": "Kunskap", "status": "achieved"}],
            "resources": [{"key": "r1", "text": "Tid", "activities": ["a1"]}],
        },
        "improvements": [{"text": "Först"}, {"text": "Sedan", "owner": "Chef"}],
        "x-lardesk": {
            "anonymity": "open",
            "case_number": "KS 2012/7",
            "starting_points": [{"key": "s1", "text": "KF:s mål", "outcome": "Nedbrutet"}],
            "carried_over": ["activity:a1", "resource:r1"],
            "absent": ["p2"],
            "done_improvements": [1],
        },
    }
    sid = services.exchange.import_bytes(json.dumps(document)).new_id
    assert sid is not None
    snapshot = services.sessions.snapshot(sid)
    assert (snapshot.session.anonymity, snapshot.session.case_number) == (Anonymity.OPEN, "KS 2012/7")
    assert [(a.key, a.status) for a in snapshot.improvements] == [("i1", ActionStatus.OPEN), ("i2", ActionStatus.DONE)]
    exported = services.exchange.export_document(sid)
    assert exported["format_version"] == 2
    assert exported["session"]["dnr"] == "KS 2012/7"
    assert exported["session"]["anonymity"] == "open"
    assert exported["participants"][0]["name"] == "Anna"
    assert exported["logic"]["starting_points"] == [{"key": "s1", "text": "KF:s mål"}]
    assert exported["logic"]["activities"][0]["carried_over"] is True
    assert exported["improvements"][1] == {"key": "i2", "text": "Sedan", "owner": "Chef", "status": "done"}
    assert exported["x-lardesk"] == {
        "carried_over": ["resource:r1"],
        "outcomes": {"starting_point:s1": "Nedbrutet"},
        "absent": ["p2"],
    }
    again = services.exchange.import_bytes(json.dumps(exported)).new_id
    assert again is not None
    assert services.exchange.export_document(again) == exported


@pytest.mark.parametrize(
    ("change", "place"),
    [
        ("d['session']['dnr'] = 'KS 1'", "/session/dnr"),
        ("d['logic']['activities'][0]['dropped'] = {'reason': 'x'}", "/logic/activities/0/dropped"),
        ("d['improvements'][0]['status'] = 'done'", "/improvements/0/status"),
        ("d['logic']['starting_points'] = []", "/logic/starting_points"),
    ],
)
def test_a_version_1_file_may_not_use_version_2_members(services: Services, change: str, place: str) -> None:
    with pytest.raises(InputError) as caught:
        services.exchange.import_bytes(json.dumps(_mutated(change)))
    assert caught.value.pointer == place
    assert "version 2" in caught.value.message


def _full(change: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(FULL_V2.read_bytes())
    exec(change, {"d": document})
    return document


@pytest.mark.parametrize(
    ("change", "place"),
    [
        ("d['ratings'][0]['value'] = 6.0", "/ratings/0/value"),
        ("d['joint'][0]['scale'] = 9.0", "/joint/0/scale"),
        ("d['notes'][0]['question'] = 1.0", "/notes/0/question"),
        ("d['ratings'][0]['value'] = True", "/ratings/0/value"),
        (
            "d['logic']['starting_points'][0]['indicators'][0]['baseline']['women'] = 10**400",
            "/logic/starting_points/0/indicators/0/baseline/women",
        ),
        (
            "d['logic']['effects'][0]['indicators'][0]['target']['men'] = 1e300",
            "/logic/effects/0/indicators/0/target/men",
        ),
        (
            "d['logic']['results'][0]['indicators'].append({'key': 'i1', 'text': 'igen'})",
            "/logic/results/0/indicators/1/key",
        ),
        ("d['logic']['effects'][0]['starting_points'] = ['s9']", "/logic/effects/0/starting_points/0"),
        ("d['logic']['starting_points'][1]['key'] = 's1'", "/logic/starting_points/1/key"),
        ("d['improvements'][3]['key'] = 'i1'", "/improvements/3/key"),
        ("d['improvements'][0]['status'] = 'finished'", "/improvements/0/status"),
        ("d['logic']['activities'][0]['dropped'] = {'reason': ''}", "/logic/activities/0/dropped/reason"),
        ("d['logic']['mediators'][0]['carried_over'] = True", "/logic/mediators/0"),
        ("d['logic']['resources'][0]['budget_sek'] = 10**400", "/logic/resources/0/budget_sek"),
        ("d['session']['anonymity'] = 'secret'", "/session/anonymity"),
        (
            "d['logic']['starting_points'][0]['indicators'][0]['values'][1]['men'] = 70",
            "/logic/starting_points/0/indicators/0",
        ),
        ("d['logic']['effects'][0]['indicators'][0]['baseline']['women'] = 101", "/logic/effects/0/indicators/0"),
    ],
)
def test_a_bad_version_2_file_is_rejected_with_its_place(services: Services, change: str, place: str) -> None:
    with pytest.raises(InputError) as caught:
        services.exchange.import_bytes(json.dumps(_full(change)))
    assert caught.value.pointer == place
    assert services.sessions.list_sessions() == []


def test_lardesk_extras_travel_in_the_format_and_x_lardesk(services: Services) -> None:

    created = services.sessions.create_session(
        NewSession(
            organisation="Kommun",
            date=dt.date(2026, 11, 25),
            case_number="KS 2026/123",
            anonymity=Anonymity.OPEN,
            parts=frozenset({1, 2}),
            participants=(NewParticipant("Chef", "Anna", Gender.WOMAN), NewParticipant("Controller")),
        )
    )
    sid = created.new_id
    assert sid is not None
    services.logic.add_item(sid, ItemKind.STARTING_POINT, "KF:s jämställdhetsmål")
    resource = services.logic.add_item(sid, ItemKind.RESOURCE, "Strateg 50 %").new_id
    assert resource is not None
    services.logic.update_item(resource, budget_sek=250000, spent_sek=180000.5)
    snapshot = services.sessions.snapshot(sid)
    services.sessions.update_participant(snapshot.participants[1].id, present=False)
    services.sessions.set_note(sid, 1, 2, "Problemet: & <olika> villkor")
    document = services.exchange.export_document(sid)
    assert document["session"]["dnr"] == "KS 2026/123"
    assert document["session"]["anonymity"] == "open"
    assert document["x-lardesk"]["absent"] == ["p2"]
    assert document["logic"]["starting_points"] == [{"key": "s1", "text": "KF:s jämställdhetsmål"}]
    assert document["logic"]["resources"][0]["budget_sek"] == 250000
    assert document["session"]["parts"] == [1, 2, 9]
    new_id = services.exchange.import_bytes(json.dumps(document)).new_id
    assert new_id is not None
    assert services.exchange.export_document(new_id) == document


def _example() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return loaded


def _mutated(change: str) -> dict[str, Any]:
    document = copy.deepcopy(_example())
    exec(change, {"d": document})  # the mutation is written out in the test's parameters, readable there
    return document


BAD_DOCUMENTS = [
    ("d['format'] = 'other'", "/format"),
    ("d['format_version'] = 3", "/format_version"),
    ("d['format_version'] = 1.0", "/format_version"),
    ("del d['session']['date']", "/session"),
    ("d['session']['date'] = '2011-13-40'", "/session/date"),
    ("d['surprise'] = 1", ""),
    ("d['logic']['activities'][3]['results'] = ['res99']", "/logic/activities/3/results/0"),
    ("d['logic']['resources'][0]['activities'] = ['nope']", "/logic/resources/0/activities/0"),
    ("d['logic']['mediators'][1]['results'] = ['e1']", "/logic/mediators/1/results/0"),
    ("d['logic']['results'][2]['key'] = 'res1'", "/logic/results/2/key"),
    ("d['participants'][3]['key'] = 'p1'", "/participants/3/key"),
    ("d['ratings'][4]['participant'] = 'p99'", "/ratings/4/participant"),
    ("d['ratings'][0]['value'] = 11", "/ratings/0/value"),
    ("d['ratings'][0]['value'] = 0", "/ratings/0/value"),
    ("d['ratings'][0]['value'] = 5.5", "/ratings/0/value"),
    ("d['ratings'].append(dict(d['ratings'][0]))", "/ratings/54"),
    ("d['joint'].append({'scale': 9, 'value': 3})", "/joint/1/scale"),
    ("d['joint'][0]['value'] = 12", "/joint/0/value"),
    ("d['notes'][0]['section'] = 10", "/notes/0/section"),
    ("d['logic']['activities'][0]['status'] = 'done'", "/logic/activities/0/status"),
    ("d['improvements'][0]['due'] = 'next year'", "/improvements/0/due"),
    ("d['logic']['resources'][0]['budget_sek'] = -5", "/logic/resources/0/budget_sek"),
    ("d['x-lardesk'] = {'anonymity': 'secret'}", "/x-lardesk/anonymity"),
]


@pytest.mark.parametrize(("change", "place"), BAD_DOCUMENTS)
def test_invalid_file_is_rejected_with_its_place_and_nothing_imported(
    services: Services, change: str, place: str
) -> None:
    data = json.dumps(_mutated(change))
    with pytest.raises(InputError) as caught:
        services.exchange.import_bytes(data)
    assert caught.value.pointer == (place or "/")
    with services.database.reading() as db:
        assert db.scalar(select(func.count(FollowUpSession.id))) == 0
        assert db.scalar(select(func.count(LogicItem.id))) == 0
        assert db.scalar(select(func.count(Rating.id))) == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{", "not valid JSON"),
        (b"", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"format": NaN}', "not a number JSON allows"),
        (b"[1, 2]", "is not of type 'object'"),
    ],
)
def test_undecodable_files_are_rejected(data: bytes, message: str) -> None:
    with pytest.raises(ExchangeError, match=message):
        read_exchange(data)


def test_a_member_given_twice_is_named() -> None:
    text = json.dumps(_example())
    text = text.replace('"facilitator": ', '"facilitator": "X", "facilitator": ', 1)
    with pytest.raises(ExchangeError) as caught:
        read_exchange(text)
    assert caught.value.pointer == "/session/facilitator"


def test_a_bad_file_leaves_an_existing_database_untouched(services: Services, example_bytes: bytes) -> None:
    first = services.exchange.import_bytes(example_bytes).new_id
    assert first is not None
    before = services.exchange.export_document(first)
    with pytest.raises(InputError):
        services.exchange.import_bytes(json.dumps(_mutated("d['ratings'][4]['participant'] = 'p99'")))
    assert [s.id for o in services.sessions.list_sessions() for s in o.sessions] == [first]
    assert services.exchange.export_document(first) == before


def test_names_leave_in_a_file_only_in_open_mode(services: Services) -> None:
    """An exchange file holds each person's ratings: in roles mode it carries roles, not names."""
    people = tuple(NewParticipant("Chef", name, Gender.WOMAN) for name in ("Anna", "Berit", "Cilla"))
    for mode, expected in ((Anonymity.ROLES, None), (Anonymity.OPEN, "Anna")):
        sid = services.sessions.create_session(
            NewSession(
                organisation=f"Kommun {mode.value}", date=dt.date(2026, 11, 25), anonymity=mode, participants=people
            )
        ).new_id
        assert sid is not None
        assert services.sessions.snapshot(sid).participants[0].name == "Anna"  # kept in the database
        participant = services.exchange.export_document(sid)["participants"][0]
        assert participant.get("name") == expected
        assert participant["role"] == "Chef"


def _group(services: Services, mode: Anonymity) -> int:
    """1 man (Controller) and 5 women (3 Rektor, 2 Chef), each rating all nine scales."""
    people = (
        NewParticipant("Controller", "Per", Gender.MAN),
        *(NewParticipant("Rektor", f"R{n}", Gender.WOMAN) for n in range(3)),
        *(NewParticipant("Chef", f"C{n}", Gender.WOMAN) for n in range(2)),
    )
    sid = services.sessions.create_session(
        NewSession(organisation=f"Kommun {mode.value}", date=dt.date(2026, 11, 25), anonymity=mode, participants=people)
    ).new_id
    assert sid is not None
    for participant in services.sessions.snapshot(sid).participants:
        for scale in range(1, 10):
            services.ratings.set_rating(participant.id, scale, 1 + (participant.position + scale) % 10)
    return sid


def test_an_anonymous_export_links_no_rating_to_a_role_or_gender(services: Services) -> None:
    """Issue 10, item 8: in a group of 1 man and 5 women the man's nine ratings could be read off."""
    sid = _group(services, Anonymity.ANONYMOUS)
    document = services.exchange.export_document(sid)
    assert all(set(p) == {"key"} for p in document["participants"])
    assert document["x-lardesk"]["gender_totals"] == {"man": 1, "woman": 5}
    assert len(document["ratings"]) == 54
    again = services.exchange.export_document(services.exchange.import_bytes(json.dumps(document)).new_id or 0)
    assert again["participants"] == document["participants"]
    assert again["x-lardesk"]["gender_totals"] == {"man": 1, "woman": 5}


def test_a_roles_export_keeps_only_roles_and_genders_held_by_three(services: Services) -> None:
    sid = _group(services, Anonymity.ROLES)
    document = services.exchange.export_document(sid)
    assert [(p.get("role"), p.get("gender")) for p in document["participants"]] == [
        (None, None),
        ("Rektor", None),
        ("Rektor", None),
        ("Rektor", None),
        (None, None),
        (None, None),
    ]
    assert document["x-lardesk"]["gender_totals"] == {"man": 1, "woman": 5}


@pytest.mark.parametrize("rounds", [[0], [1, 10], list(range(1, 21))])
def test_rounds_shown_to_the_room_must_be_1_to_9(services: Services, rounds: list[int]) -> None:
    document = _example()
    document["x-lardesk"] = {"revealed_rounds": rounds}
    with pytest.raises(InputError) as caught:
        services.exchange.import_bytes(json.dumps(document))
    assert caught.value.pointer.startswith("/x-lardesk/revealed_rounds/")
    assert services.sessions.list_sessions() == []


def test_revealing_a_round_beyond_9_is_refused(services: Services, example_bytes: bytes) -> None:
    sid = services.exchange.import_bytes(example_bytes).new_id
    assert sid is not None
    with pytest.raises(InputError, match="from 1 to 9"):
        services.ratings.set_revealed(sid, 10, True)
    services.ratings.set_revealed(sid, 9, True)
    assert services.sessions.session_info(sid).revealed_rounds == frozenset({9})
