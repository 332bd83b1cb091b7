"""Program-logic items and links, ratings and the joint assessment through the service layer."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from lardesk.method.logic import ItemKind
from lardesk.services import Changed, InputError, NewParticipant, NewSession, Services


def session_with(services: Services, participants: int = 0) -> int:
    changes = services.sessions.create_session(
        NewSession(
            organisation="Kommun",
            date=dt.date(2026, 11, 25),
            participants=tuple(NewParticipant(f"Roll {i}") for i in range(participants)),
        )
    )
    assert changes.new_id is not None
    return changes.new_id


def add(services: Services, sid: int, kind: ItemKind, text: str, status: str | None = None) -> int:
    changes = services.logic.add_item(sid, kind, text, status=status)
    assert Changed.LOGIC in changes and changes.new_id is not None
    return changes.new_id


def codes(services: Services, sid: int) -> list[tuple[str, str | None]]:
    return [(f.code, f.key) for f in services.sessions.snapshot(sid).findings]


def test_links_close_gaps_one_by_one(any_services: Services) -> None:
    s = any_services
    sid = session_with(s)
    resource = add(s, sid, ItemKind.RESOURCE, "Strateg 50 %")
    activity = add(s, sid, ItemKind.ACTIVITY, "Utbilda chefer")
    result = add(s, sid, ItemKind.RESULT, "Alla chefer utbildade", status="achieved")
    mediator = add(s, sid, ItemKind.MEDIATOR, "Beslut i nämnden")
    effect = add(s, sid, ItemKind.EFFECT, "Likvärdig service")
    assert codes(s, sid) == [
        ("G1", "a1"),
        ("G2", "res1"),
        ("G3", "e1"),
        ("G4", "res1"),
        ("G5", "res1"),
        ("G6", "a1"),
        ("G7", "r1"),
    ]
    s.logic.add_link(resource, activity)
    assert ("G6", "a1") not in codes(s, sid) and ("G7", "r1") not in codes(s, sid)
    s.logic.add_link(result, activity)  # given backwards: the direction is put right
    s.logic.add_link(result, effect)
    s.logic.add_link(mediator, result)
    assert codes(s, sid) == []
    s.logic.add_link(mediator, result)  # twice is once
    assert len(s.sessions.snapshot(sid).links) == 4
    goal = add(s, sid, ItemKind.STARTING_POINT, "KF:s mål")
    assert codes(s, sid) == [("G8", "e1")]  # a session with starting points: the effect answers to none
    s.logic.add_link(goal, effect)  # given backwards: the effect answers to the goal
    assert codes(s, sid) == []
    s.logic.drop_item(mediator, "Nämnden avböjde")
    assert codes(s, sid) == [("G5", "res1")]  # a link to a dropped item does not count
    s.logic.restore_item(mediator)
    assert codes(s, sid) == []
    s.logic.remove_link(result, effect)
    assert codes(s, sid) == [("G3", "e1"), ("G4", "res1")]
    s.logic.update_item(activity, status="not_implemented", outcome="Skjuts upp")
    assert ("S1", "a1") in codes(s, sid)
    s.logic.delete_item(result)
    assert [c for c, _ in codes(s, sid)] == ["G1", "G3", "S1"]


def test_impossible_links_and_values_are_refused(services: Services) -> None:
    sid = session_with(services)
    resource = add(services, sid, ItemKind.RESOURCE, "Tid")
    effect = add(services, sid, ItemKind.EFFECT, "Effekt")
    with pytest.raises(InputError, match="cannot be linked"):
        services.logic.add_link(resource, effect)
    with pytest.raises(InputError, match="status"):
        services.logic.update_item(effect, status="implemented")
    with pytest.raises(InputError, match="only resources"):
        services.logic.update_item(effect, budget_sek=100)
    with pytest.raises(InputError, match="zero or more"):
        services.logic.update_item(resource, budget_sek=-1)
    with pytest.raises(InputError, match="kronor"):
        services.logic.update_item(resource, budget_sek="mycket")
    services.logic.update_item(resource, budget_sek="12 500,50")
    assert services.sessions.snapshot(sid).item_by_id[resource].budget_sek == 12500.5
    # "1,500" is 1 500 kronor to an English reader and 1,5 to a Swedish one: refused, nothing changed
    for typed in ("1,500", "1.500", "12,000", "250.000"):
        with pytest.raises(InputError, match="can be read two ways") as refused:
            services.logic.update_item(resource, budget_sek=typed)
        assert "skriv" in refused.value.localized("sv")
        assert services.sessions.snapshot(sid).item_by_id[resource].budget_sek == 12500.5
    for typed, amount in (("1 500", 1500), ("1,5", 1.5), ("1.50", 1.5), ("0,500", 0.5), ("1500", 1500)):
        services.logic.update_item(resource, budget_sek=typed)
        assert services.sessions.snapshot(sid).item_by_id[resource].budget_sek == amount, typed
    with pytest.raises(InputError, match="empty"):
        services.logic.add_item(sid, ItemKind.ACTIVITY, "  ")
    with pytest.raises(InputError, match="unknown kind"):
        services.logic.add_item(sid, "goal", "x")


def test_move_item_reorders_its_column(services: Services) -> None:
    sid = session_with(services)
    ids = [add(services, sid, ItemKind.ACTIVITY, f"A{i}") for i in range(4)]
    services.logic.move_item(ids[3], 0)
    assert [i.text for i in services.sessions.snapshot(sid).items_of(ItemKind.ACTIVITY)] == ["A3", "A0", "A1", "A2"]
    inserted = services.logic.add_item(sid, ItemKind.ACTIVITY, "Ny", position=1).new_id
    order = [i.id for i in services.sessions.snapshot(sid).items_of(ItemKind.ACTIVITY)]
    assert order[1] == inserted and len(order) == 5


def test_ratings_rounds_abstentions_and_joint(any_services: Services) -> None:
    s = any_services
    sid = session_with(s, participants=4)
    people = s.sessions.snapshot(sid).participants
    for person, value in zip(people, (3, 5, 6, None), strict=True):
        s.ratings.set_rating(person.id, 9, value)
    s.ratings.set_rating(people[0].id, 9, 5, round_=2)
    s.ratings.set_rating(people[1].id, 9, 7)  # changed mind before the reveal
    snapshot = s.sessions.snapshot(sid)
    (stats,) = snapshot.stats(1, scales=[9])
    assert (stats.n, stats.present, stats.values, stats.median) == (3, 4, (3, 6, 7), 6.0)
    (second,) = snapshot.stats(2, scales=[9])
    assert second.values == (5,)
    for bad in (0, 11, 5.5, True, "7"):
        with pytest.raises(InputError):
            s.ratings.set_rating(people[0].id, 9, bad)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="scale"):
        s.ratings.set_rating(people[0].id, 10, 5)
    with pytest.raises(InputError, match="outside the individual range"):
        s.ratings.set_joint(sid, 9, 9)
    s.ratings.set_joint(sid, 9, 9, "Gruppen ser mer än var och en")
    s.ratings.set_joint(sid, 9, 6)
    assert s.sessions.snapshot(sid).joint_for(9) is not None
    # an absent participant's value does not count
    s.sessions.update_participant(people[2].id, present=False)
    (after,) = s.sessions.snapshot(sid).stats(1, scales=[9])
    assert (after.values, after.present) == ((3, 7), 3)


def test_reveal_is_remembered_per_round(services: Services) -> None:
    sid = session_with(services, participants=1)
    services.ratings.set_revealed(sid, 1, True)
    services.ratings.set_revealed(sid, 2, True)
    services.ratings.set_revealed(sid, 1, False)
    assert services.sessions.session_info(sid).revealed_rounds == frozenset({2})


def test_an_amount_the_exchange_file_refuses_is_refused_when_typed(services: Services) -> None:
    """What can be typed can be exported and imported again: the exchange reader refuses amounts over 10^15."""
    sid = session_with(services)
    resource = add(services, sid, ItemKind.RESOURCE, "Pengar")
    with pytest.raises(InputError):
        services.logic.update_item(resource, budget_sek="1e16")
    services.logic.update_item(resource, spent_sek="1000000000000000")
    text = json.dumps(services.exchange.export_document(sid))
    assert services.exchange.import_bytes(text).new_id is not None
