"""Sessions, participants, notes and improvement actions through the service layer (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from typing import cast

import pytest

from lardesk.method.logic import ItemKind
from lardesk.method.people import Gender
from lardesk.method.snapshot import Anonymity
from lardesk.services import Changed, InputError, NewParticipant, NewSession, NotFound, Services
from lardesk.services.requests import SessionFields

D = dt.date(2026, 11, 25)


def new_session(services: Services, **overrides: object) -> int:
    fields: dict[str, object] = {
        "organisation": "Botkyrka kommun",
        "unit": "Socialförvaltningen",
        "date": D,
        "period": "2026",
        "facilitator": "Jämställdhetsstrateg",
        "participants": (
            NewParticipant("Förvaltningschef", "Anna", Gender.WOMAN),
            NewParticipant("Controller", None, Gender.MAN),
            NewParticipant("HR"),
        ),
    }
    fields.update(overrides)
    changes = services.sessions.create_session(NewSession(**fields))  # type: ignore[arg-type]
    assert Changed.SESSIONS in changes and changes.new_id is not None
    return changes.new_id


def test_create_and_read_back(any_services: Services) -> None:
    sid = new_session(any_services, parts=frozenset({2, 3}))
    snapshot = any_services.sessions.snapshot(sid)
    info = snapshot.session
    assert info.organisation.name == "Botkyrka kommun"
    assert info.organisation.unit == "Socialförvaltningen"
    assert info.date == D
    assert info.agreed_sections == (2, 3, 9)  # the joint assessment is always part of it
    assert [p.key for p in snapshot.participants] == ["p1", "p2", "p3"]
    assert [p.name for p in snapshot.participants] == ["Anna", None, None]
    assert snapshot.participation_sentence() == "3 deltagare, varav 1 kvinna, 1 man och 1 med ej angivet kön"


def test_anonymous_mode_stores_no_names(any_services: Services) -> None:
    sid = new_session(any_services, anonymity=Anonymity.ANONYMOUS)
    snapshot = any_services.sessions.snapshot(sid)
    assert all(p.name is None for p in snapshot.participants)
    with pytest.raises(InputError, match="anonymous"):
        any_services.sessions.update_participant(snapshot.participants[0].id, name="Anna")
    # switching a session to anonymous forgets the names it had
    open_id = new_session(any_services, anonymity=Anonymity.OPEN, date=dt.date(2025, 1, 1))
    any_services.sessions.update_session(open_id, anonymity="anonymous")
    assert all(p.name is None for p in any_services.sessions.snapshot(open_id).participants)


def test_list_is_grouped_newest_first_and_searchable(services: Services) -> None:
    older = new_session(services, date=dt.date(2024, 11, 1), period="2024")
    newer = new_session(services, date=dt.date(2025, 11, 1), period="2025")
    other = new_session(services, organisation="Umeå kommun", unit="")
    listing = services.sessions.list_sessions()
    assert [entry.organisation.name for entry in listing] == ["Botkyrka kommun", "Umeå kommun"]
    assert [s.id for s in listing[0].sessions] == [newer, older]
    assert listing[0].sessions[0].participants == 3
    found = services.sessions.list_sessions("umeå")
    assert [s.id for entry in found for s in entry.sessions] == [other]


def test_notes_are_written_through_and_removed_when_emptied(any_services: Services) -> None:
    sid = new_session(any_services)
    any_services.sessions.set_note(sid, 3, 2, "Kvinnor nås i högre grad än män.")
    any_services.sessions.set_note(sid, 3, 2, "Kvinnor nås i högre grad än män. Varför?")
    any_services.sessions.set_note(sid, 4, 0, "Hela avsnittet: beslut saknas.")
    snapshot = any_services.sessions.snapshot(sid)
    assert snapshot.note(3, 2) == "Kvinnor nås i högre grad än män. Varför?"
    assert snapshot.note(4) == "Hela avsnittet: beslut saknas."
    any_services.sessions.set_note(sid, 3, 2, "")
    assert any_services.sessions.snapshot(sid).note(3, 2) == ""
    with pytest.raises(InputError):
        any_services.sessions.set_note(sid, 10, 1, "x")
    with pytest.raises(InputError, match="too long"):
        any_services.sessions.set_note(sid, 1, 1, "x" * 20001)


def test_improvement_actions(any_services: Services) -> None:
    sid = new_session(any_services)
    first = any_services.sessions.add_improvement(sid, "Bryt ned målen", scale=1, owner="Chef", due="2027-06-30")
    assert first.new_id is not None
    any_services.sessions.add_improvement(sid, "Avsätt tid", scale=6)
    any_services.sessions.update_improvement(first.new_id, done=True, owner="Förvaltningschef")
    snapshot = any_services.sessions.snapshot(sid)
    assert [(i.text, i.owner, i.due, i.done) for i in snapshot.improvements] == [
        ("Bryt ned målen", "Förvaltningschef", dt.date(2027, 6, 30), True),
        ("Avsätt tid", "", None, False),
    ]
    with pytest.raises(InputError, match="date"):
        any_services.sessions.add_improvement(sid, "X", due="nästa år")
    with pytest.raises(InputError, match="empty"):
        any_services.sessions.add_improvement(sid, "   ")


def test_continue_from_last_year_carries_the_logic(any_services: Services, example_bytes: bytes) -> None:
    last_year = any_services.exchange.import_bytes(example_bytes).new_id
    assert last_year is not None
    changes = any_services.sessions.duplicate_as_next_year(last_year)
    assert changes.new_id is not None
    this_year = any_services.sessions.snapshot(changes.new_id)
    before = any_services.sessions.snapshot(last_year, with_previous=False)
    assert this_year.session.date == dt.date(2012, 11, 15)
    assert this_year.session.period == "2012"
    assert this_year.session.previous_session_id == last_year
    assert len(this_year.items) == len(before.items) and all(item.carried_over for item in this_year.items)
    # activities are planned again, results expected again
    assert {i.status for i in this_year.items_of(ItemKind.ACTIVITY)} == {"planned"}
    assert {i.status for i in this_year.items_of(ItemKind.RESULT)} == {"expected"}
    assert len(this_year.links) == len(before.links)
    # the gaps travel; S1/S2 start afresh, G5 waits for results assessed achieved, and every carried activity and
    # result is S4 (not followed up) until the group assesses it
    assert {f.code for f in this_year.findings} == {"G1", "G2", "S4"}
    not_followed_up = [f.key for f in this_year.findings if f.code == "S4"]
    carried = [*this_year.items_of(ItemKind.ACTIVITY), *this_year.items_of(ItemKind.RESULT)]
    assert not_followed_up == [i.key for i in carried]
    assert this_year.items_of(ItemKind.ACTIVITY)[5].previous_status == "not_implemented"
    assert this_year.ratings == () and this_year.notes == ()
    assert this_year.previous is not None and this_year.previous.id == last_year
    assert [i.text for i in this_year.previous.improvements] == [i.text for i in before.improvements]
    assert this_year.previous.scale(9) is not None and this_year.previous.scale(9).joint == 5  # type: ignore[union-attr]


def test_delete_session_removes_everything(any_services: Services, example_bytes: bytes) -> None:
    sid = any_services.exchange.import_bytes(example_bytes).new_id
    assert sid is not None
    any_services.sessions.delete_session(sid)
    assert any_services.sessions.list_sessions() == []
    with pytest.raises(NotFound):
        any_services.sessions.snapshot(sid)


def test_bad_session_fields(services: Services) -> None:
    with pytest.raises(InputError, match="organisation"):
        new_session(services, organisation="  ")
    sid = new_session(services)
    with pytest.raises(InputError, match="date"):
        services.sessions.update_session(sid, date="25/11/2026")
    with pytest.raises(InputError, match="no field"):
        services.sessions.update_session(sid, **cast(SessionFields, {"colour": "red"}))
    with pytest.raises(InputError, match="sections"):
        services.sessions.update_session(sid, parts={0, 3})
    services.sessions.update_session(sid, parts={7, 8}, current_step="section-7", case_number="Dnr 2026/1")
    info = services.sessions.session_info(sid)
    assert info.agreed_sections == (7, 8, 9)
    assert (info.current_step, info.case_number) == ("section-7", "Dnr 2026/1")


def test_moving_a_session_to_another_organisation_leaves_no_empty_one_behind(any_services: Services) -> None:
    sid = new_session(any_services, organisation="Botkyrk kommun")  # a typo, put right afterwards
    any_services.sessions.update_session(sid, organisation="Botkyrka kommun")
    listing = any_services.sessions.list_sessions()
    assert [(entry.organisation.name, [s.id for s in entry.sessions]) for entry in listing] == [
        ("Botkyrka kommun", [sid])
    ]


def test_two_sessions_on_one_day_are_not_each_others_last_year(any_services: Services) -> None:
    first = new_session(any_services, date=dt.date(2026, 3, 1))
    second = new_session(any_services, date=dt.date(2026, 3, 1))
    earlier = new_session(any_services, date=dt.date(2025, 3, 1))
    assert any_services.sessions.previous_session_id(second) == first
    assert any_services.sessions.previous_session_id(first) == earlier
    assert any_services.sessions.previous_session_id(earlier) is None


def test_an_action_put_back_keeps_its_place_and_state(any_services: Services) -> None:
    """What undoing a delete needs: one call puts the action back where it was, done or not."""
    sid = new_session(any_services)
    for text in ("Först", "Mitten", "Sist"):
        any_services.sessions.add_improvement(sid, text)
    middle = any_services.sessions.snapshot(sid).improvements[1]
    any_services.sessions.update_improvement(middle.id, done=True)
    any_services.sessions.delete_improvement(middle.id)
    any_services.sessions.add_improvement(sid, middle.text, position=middle.position, done=True)
    actions = any_services.sessions.snapshot(sid).improvements
    assert [(a.text, a.done) for a in actions] == [("Först", False), ("Mitten", True), ("Sist", False)]


def test_the_participants_present_are_read_alone_as_the_snapshot_has_them(
    any_services: Services, example_bytes: bytes
) -> None:
    sid = any_services.exchange.import_bytes(example_bytes).new_id
    assert sid is not None
    people = any_services.sessions.snapshot(sid).participants
    any_services.sessions.update_participant(people[1].id, present=False)
    snapshot = any_services.sessions.snapshot(sid)
    assert any_services.sessions.present_participants(sid) == snapshot.present
    assert people[1].id not in {p.id for p in snapshot.present} and len(snapshot.present) == len(people) - 1
    with pytest.raises(NotFound):
        any_services.sessions.present_participants(sid + 1000)
