"""What format version 2 stores: dropped items, previous status and outcome of carried items, a starting point's
kind, indicators, links from effects to starting points, and improvement actions' key and status."""

from __future__ import annotations

import datetime as dt

import pytest

from lardesk.method.actions import ActionStatus
from lardesk.method.indicators import Figures, Indicator
from lardesk.method.logic import ItemKind, StartingPointKind
from lardesk.services import InputError, NewSession, Services


def new_session(services: Services) -> int:
    sid = services.sessions.create_session(NewSession(organisation="Kommun", date=dt.date(2026, 11, 25))).new_id
    assert sid is not None
    return sid


def add(services: Services, sid: int, kind: ItemKind, text: str, **fields: object) -> int:
    new_id = services.logic.add_item(sid, kind, text, **fields).new_id  # type: ignore[arg-type]
    assert new_id is not None
    return new_id


def test_dropping_and_restoring_an_item(any_services: Services) -> None:
    sid = new_session(any_services)
    activity = add(any_services, sid, ItemKind.ACTIVITY, "Seminarium")
    with pytest.raises(InputError, match="empty"):
        any_services.logic.drop_item(activity, "  ")
    any_services.logic.drop_item(activity, " Ersatt av webbinarium ")
    (item,) = any_services.sessions.snapshot(sid).items
    assert (item.dropped, item.dropped_reason) == (True, "Ersatt av webbinarium")
    any_services.logic.restore_item(activity)
    (item,) = any_services.sessions.snapshot(sid).items
    assert (item.dropped, item.dropped_reason) == (False, None)


def test_starting_points_have_a_kind_and_effects_link_to_them(any_services: Services) -> None:
    sid = new_session(any_services)
    goal = add(any_services, sid, ItemKind.STARTING_POINT, "KF:s mål", category="goal")
    problem = add(any_services, sid, ItemKind.STARTING_POINT, "Ojämn fördelning")
    any_services.logic.update_item(problem, category=StartingPointKind.PROBLEM)
    effect = add(any_services, sid, ItemKind.EFFECT, "Likvärdig service")
    any_services.logic.add_link(goal, effect)  # put the right way round: the effect answers to the goal
    snapshot = any_services.sessions.snapshot(sid)
    assert [i.category for i in snapshot.items_of(ItemKind.STARTING_POINT)] == [
        StartingPointKind.GOAL,
        StartingPointKind.PROBLEM,
    ]
    assert [i.id for i in snapshot.targets_of(effect)] == [goal]
    with pytest.raises(InputError, match="goal"):
        any_services.logic.update_item(problem, category="wish")
    with pytest.raises(InputError, match="only a starting point"):
        any_services.logic.update_item(effect, category="goal")


INDICATOR = Indicator(
    key="i1",
    text="Andel av bidraget till flickors aktiviteter",
    unit="%",
    source="Föreningsregistret",
    baseline=Figures("2010", women=36, men=64),
    target=Figures("2015", women=40, men=60),
    values=(Figures("2013", women=38.5, men=61.5, note="i genomsnitt"),),
)


def test_indicators_are_stored_as_given(any_services: Services) -> None:
    sid = new_session(any_services)
    result = add(any_services, sid, ItemKind.RESULT, "Bidragen fördelas lika")
    any_services.logic.set_indicators(result, [INDICATOR])
    (item,) = any_services.sessions.snapshot(sid).items
    assert item.indicators == (INDICATOR,)
    assert item.indicators[0].baseline is not None
    assert repr(item.indicators[0].baseline.women) == "36"  # a whole number stays one (not 36.0)
    any_services.logic.set_indicators(result, [])
    assert any_services.sessions.snapshot(sid).items[0].indicators == ()


@pytest.mark.parametrize(
    ("indicators", "message"),
    [
        ([INDICATOR, INDICATOR], "not a free key"),
        ([Indicator("i 1", "x")], "not a free key"),
        ([Indicator("i1", " ")], "empty"),
        ([Indicator("i1", "x", baseline=Figures("2010"))], "women, men or in total"),
        ([Indicator("i1", "x", values=(Figures("", total=3),))], "empty"),
        ([Indicator("i1", "x", values=(Figures("2010", total=float("nan")),))], "sensible"),
        ([Indicator("i1", "x", target=Figures("2010", women=1e300))], "sensible"),
        ([Indicator("i1", "x", unit="%", values=(Figures("2010", women=60, men=50),))], "more than the whole"),
    ],
)
def test_impossible_indicators_are_refused_and_nothing_changes(
    services: Services, indicators: list[Indicator], message: str
) -> None:
    sid = new_session(services)
    result = add(services, sid, ItemKind.RESULT, "Resultat")
    services.logic.set_indicators(result, [INDICATOR])
    with pytest.raises(InputError, match=message):
        services.logic.set_indicators(result, indicators)
    assert services.sessions.snapshot(sid).items[0].indicators == (INDICATOR,)


def test_only_starting_points_results_and_effects_carry_indicators(services: Services) -> None:
    sid = new_session(services)
    activity = add(services, sid, ItemKind.ACTIVITY, "Utbildning")
    with pytest.raises(InputError, match="only starting points"):
        services.logic.set_indicators(activity, [INDICATOR])


def test_improvement_actions_have_keys_and_statuses(any_services: Services) -> None:
    sid = new_session(any_services)
    first = any_services.sessions.add_improvement(sid, "Först").new_id
    second = any_services.sessions.add_improvement(sid, "Sedan", status="in_progress").new_id
    assert first is not None and second is not None
    any_services.sessions.set_action_status(first, ActionStatus.PARTLY_DONE, "Ett av två beslut", "2027-05-20")
    actions = any_services.sessions.snapshot(sid).improvements
    assert [(a.key, a.status) for a in actions] == [("i1", ActionStatus.PARTLY_DONE), ("i2", ActionStatus.IN_PROGRESS)]
    assert (actions[0].status_comment, actions[0].status_date) == ("Ett av två beslut", dt.date(2027, 5, 20))
    any_services.sessions.update_improvement(second, done=True)  # the old way still works
    assert any_services.sessions.snapshot(sid).improvements[1].status is ActionStatus.DONE
    assert any_services.sessions.snapshot(sid).improvements[1].done
    before = dt.date.today()
    any_services.sessions.set_action_status(second, "not_done")  # the date it was set: today
    after = dt.date.today()  # the same day (or, set as midnight passed, the next)
    assert any_services.sessions.snapshot(sid).improvements[1].status_date in {before, after}
    with pytest.raises(InputError, match="status"):
        any_services.sessions.set_action_status(second, "finished")
    with pytest.raises(InputError, match="free key"):
        any_services.sessions.add_improvement(sid, "Samma nyckel", key="i1")


def test_continuing_keeps_last_times_status_and_outcome_beside_each_item(any_services: Services) -> None:
    sid = new_session(any_services)
    add(any_services, sid, ItemKind.ACTIVITY, "Kartläggning", status="implemented", outcome="Tre av fem")
    result = add(any_services, sid, ItemKind.RESULT, "Kunskap", status="not_achieved")
    dropped = add(any_services, sid, ItemKind.ACTIVITY, "Studiebesök")
    any_services.logic.drop_item(dropped, "Ingen budget")
    any_services.logic.set_indicators(result, [INDICATOR])
    next_id = any_services.sessions.duplicate_as_next_year(sid).new_id
    assert next_id is not None
    items = {item.key: item for item in any_services.sessions.snapshot(next_id).items}
    a1 = items["a1"]
    assert (a1.status, a1.outcome, a1.previous_status, a1.previous_outcome) == (
        "planned",
        "",
        "implemented",
        "Tre av fem",
    )
    res1 = items["res1"]
    assert (res1.status, res1.previous_status, res1.previous_outcome) == ("expected", "not_achieved", None)
    assert res1.indicators == (INDICATOR,)  # carried with their history
    assert items["a2"].dropped_reason == "Ingen budget"
    assert all(item.carried_over for item in items.values())
