"""Fifty phones at once on loopback: a session of 50, every phone takes a seat, answers and answers again at
the same moment. Every final answer is stored exactly once (latency figures: tests/bench/bench_phones.py)."""

from __future__ import annotations

from lardesk.server.runner import RoundServer, start_round
from lardesk.services import Services
from tests.server.phones import make_session, run_phones, stored

PHONES = 50


def test_fifty_phones_at_once(any_services: Services) -> None:
    """On SQLite and on PostgreSQL."""
    services = any_services
    sid = make_session(services, PHONES)
    server = start_round(services, sid, 1, "127.0.0.1", 0)
    try:
        check_fifty_phones(services, sid, server)
    finally:
        server.stop()
    assert not server.running


def check_fifty_phones(services: Services, sid: int, server: RoundServer) -> None:
    scales = [s.scale for s in server.round.scales]
    result = run_phones(server.address.url, PHONES, scales, answers_each=2)
    assert result.failures == []
    assert len(result.final) == PHONES and server.round.answered == PHONES and server.round.seated == PHONES
    rows = stored(services, sid)
    by_person: dict[int, dict[str, int | None]] = {}
    for person, scale, round_, value in rows:
        assert round_ == 1
        assert str(scale) not in by_person.setdefault(person, {})  # once per person and scale
        by_person[person][str(scale)] = value
    assert len(by_person) == PHONES  # every participant exactly once
    # every phone's last answer is what is stored, and each is someone's (no answer twice, none lost)
    assert sorted(map(sorted_items, by_person.values())) == sorted(map(sorted_items, result.final.values()))


def sorted_items(ratings: dict[str, int | None]) -> list[tuple[str, int]]:
    """An answer in a sortable form (an abstention as 0, which no value is)."""
    return sorted((scale, 0 if value is None else value) for scale, value in ratings.items())
