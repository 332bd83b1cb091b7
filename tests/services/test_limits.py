"""What one session may hold (issue 10, item 7): at the limit everything is accepted, one more is refused with
a message, at import (nothing stored) and when added one by one (as the GUI adds). The minutes of a session
at every limit at once are measured in tests/bench/bench_limits.py."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from lardesk.method import limits
from lardesk.method.logic import ItemKind
from lardesk.services import InputError, NewParticipant, NewSession, Services


def document(activities: int = 0, results: int = 0, links: int = 0, people: int = 0, notes: int = 0) -> dict[str, Any]:
    logic: dict[str, list[dict[str, Any]]] = {
        "activities": [{"key": f"a{n}", "text": f"aktivitet {n}"} for n in range(activities)],
        "results": [{"key": f"r{n}", "text": f"resultat {n}"} for n in range(results)],
    }
    for n in range(links):
        logic["activities"][n % activities].setdefault("results", []).append(f"r{n // activities}")
    return {
        "format": "lardesk-session",
        "format_version": 2,
        "organisation": {"name": "Gränsby"},
        "session": {"date": "2026-11-25"},
        "participants": [{"key": f"p{n}"} for n in range(people)],
        "logic": {name: entries for name, entries in logic.items() if entries},
        "notes": [{"section": 1 + n % 9, "question": 1 + n // 9, "text": "x" * 10_000} for n in range(notes)],
    }


def sessions(services: Services) -> int:
    return sum(len(o.sessions) for o in services.sessions.list_sessions())


@pytest.mark.parametrize(
    ("at_limit", "over", "place"),
    [
        ({"activities": limits.MAX_ITEMS}, {"activities": limits.MAX_ITEMS + 1}, "/logic"),
        (
            {"activities": 30, "results": 20, "links": limits.MAX_LINKS},
            {"activities": 31, "results": 20, "links": limits.MAX_LINKS + 1},
            "/logic",
        ),
        ({"people": limits.MAX_PARTICIPANTS}, {"people": limits.MAX_PARTICIPANTS + 1}, "/participants"),
        ({"notes": limits.MAX_NOTES_TEXT // 10_000}, {"notes": limits.MAX_NOTES_TEXT // 10_000 + 1}, "/notes"),
    ],
    ids=["items", "links", "participants", "notes"],
)
def test_an_import_over_a_limit_is_refused_whole(
    services: Services, at_limit: dict[str, int], over: dict[str, int], place: str
) -> None:
    assert services.exchange.import_bytes(json.dumps(document(**at_limit))).new_id is not None
    with pytest.raises(InputError, match="at most") as refused:
        services.exchange.import_bytes(json.dumps(document(**over)))
    assert refused.value.pointer == place
    assert sessions(services) == 1


def test_adding_past_a_limit_is_refused_one_by_one(services: Services) -> None:
    full = document(
        activities=limits.MAX_ITEMS - 20, results=20, links=limits.MAX_LINKS, people=limits.MAX_PARTICIPANTS
    )
    sid = services.exchange.import_bytes(json.dumps(full)).new_id
    assert sid is not None
    with pytest.raises(InputError, match="at most 200 items"):
        services.logic.add_item(sid, ItemKind.ACTIVITY, "en till")
    snapshot = services.sessions.snapshot(sid)
    activity = next(i for i in snapshot.items if i.kind is ItemKind.ACTIVITY and i.key == f"a{limits.MAX_ITEMS - 21}")
    result = next(i for i in snapshot.items if i.kind is ItemKind.RESULT and i.key == "r19")
    linked = {(link.source_id, link.target_id) for link in snapshot.links}
    assert (activity.id, result.id) not in linked
    with pytest.raises(InputError, match="at most 600 links"):
        services.logic.add_link(activity.id, result.id)
    with pytest.raises(InputError, match="at most 60 participants"):
        services.sessions.add_participant(sid, NewParticipant(role="en till"))
    services.sessions.set_note(sid, 1, 1, "x" * 20_000)
    for question in range(2, 6):
        services.sessions.set_note(sid, 1, question, "x" * 20_000)
    with pytest.raises(InputError, match="100000 characters"):
        services.sessions.set_note(sid, 2, 1, "x")
    services.sessions.set_note(sid, 1, 1, "kortare")  # replacing a note counts its new length, not both
    services.sessions.set_note(sid, 2, 1, "x")
    for _ in range(limits.MAX_IMPROVEMENTS):
        services.sessions.add_improvement(sid, "åtgärd")
    with pytest.raises(InputError, match="at most 200 improvement actions"):
        services.sessions.add_improvement(sid, "en till")


def test_a_new_session_with_too_many_participants_is_refused(services: Services) -> None:
    people = tuple(NewParticipant(role=f"roll {n}") for n in range(limits.MAX_PARTICIPANTS + 1))
    with pytest.raises(InputError, match="at most 60 participants"):
        services.sessions.create_session(
            NewSession(organisation="Gränsby", date=dt.date(2026, 11, 25), participants=people)
        )
    assert sessions(services) == 0
