"""Fixtures for the phone round: a session and its round served on 127.0.0.1 (a free port)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from lardesk.method.snapshot import Anonymity
from lardesk.server.limits import DEFAULT_LIMITS, Limits
from lardesk.server.runner import RoundServer, start_round
from lardesk.services import Services
from tests.server.phones import Client, make_session

StartRound = Callable[..., RoundServer]


@pytest.fixture
def open_round(services: Services) -> Iterator[StartRound]:
    """Start rounds on loopback; each is stopped after the test (nothing is left listening)."""
    started: list[RoundServer] = []

    def start(
        session_id: int | None = None,
        round_: int = 1,
        limits: Limits = DEFAULT_LIMITS,
        people: int = 4,
        anonymity: Anonymity = Anonymity.ROLES,
    ) -> RoundServer:
        sid = session_id if session_id is not None else make_session(services, people, anonymity)
        server = start_round(services, sid, round_, "127.0.0.1", 0, limits=limits)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def client(open_round: StartRound) -> Client:
    return Client(open_round().address.url)
