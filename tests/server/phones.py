"""Helpers for the phone-round tests and the load benchmark: a session to rate, and a real HTTP client.

Every address used here is on this machine (127.0.0.0/8); a simulated phone binds its own loopback source
address (127.0.0.N), as phones on a network each have their own.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import math
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import event

from lardesk.method.snapshot import Anonymity
from lardesk.services import NewParticipant, NewSession, Services

ROLES = ("Förvaltningschef", "Avdelningschef", "Controller", "HR-strateg", "Utvecklare", "Rektor")


def make_session(
    services: Services,
    people: int = 4,
    anonymity: Anonymity = Anonymity.ROLES,
    parts: Sequence[int] = tuple(range(1, 10)),
    language: str = "sv",
) -> int:
    changes = services.sessions.create_session(
        NewSession(
            organisation="Ankeby kommun",
            date=dt.date(2026, 11, 25),
            anonymity=anonymity,
            parts=frozenset(parts),
            language=language,
            participants=tuple(
                NewParticipant(role=ROLES[i % len(ROLES)], name=f"Person {i + 1}") for i in range(people)
            ),
        )
    )
    assert changes.new_id is not None
    return changes.new_id


def stored(services: Services, session_id: int) -> list[tuple[int, int, int, int | None]]:
    """Every stored rating of the session as (participant, scale, round, value), sorted."""
    snapshot = services.sessions.snapshot(session_id, with_previous=False)
    return sorted((r.participant_id, r.scale, r.round, r.value) for r in snapshot.ratings)


@contextmanager
def at_the_next_write(services: Services, edit: Callable[[], object]) -> Iterator[list[BaseException | None]]:
    """Another user's ``edit`` lands at the very instant this thread writes next: the next write transaction
    begun by this thread waits, just before it takes the database's write lock (BEGIN IMMEDIATE on SQLite, the
    writers' advisory lock on PostgreSQL), while ``edit`` runs to its end in a thread of its own (the
    facilitator typing into the grid, the command line, another computer). Whatever the thread read before
    that write is then out of date. Yields a list that holds, once the edit ran, None or the edit's error."""
    owner = threading.get_ident()
    outcome: list[BaseException | None] = []

    def before(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if outcome or threading.get_ident() != owner:
            return
        if statement.strip().upper() != "BEGIN IMMEDIATE" and "pg_advisory_xact_lock" not in statement:
            return
        errors: list[BaseException] = []

        def run() -> None:
            try:
                edit()
            except BaseException as error:  # reported to the test through ``outcome``
                errors.append(error)

        other = threading.Thread(target=run, name="other-user", daemon=True)
        other.start()
        other.join(60)
        outcome.append(errors[0] if errors else None if not other.is_alive() else TimeoutError("the edit hung"))

    engine = services.database.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield outcome
    finally:
        event.remove(engine, "before_cursor_execute", before)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float = 0.0

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


@dataclass
class Client:
    """A real HTTP client (http.client) for one round's address, from one loopback source address."""

    url: str
    source: str = "127.0.0.1"
    timeout: float = 15.0
    _connection: http.client.HTTPConnection | None = field(default=None, repr=False)

    @property
    def base(self) -> str:
        """The path of the round: /r/TOKEN/."""
        return urlsplit(self.url).path

    def request(
        self,
        method: str,
        path: str,
        body: bytes | Iterable[bytes] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        """One request on a new connection; an iterable body is sent chunked (no Content-Length)."""
        parts = urlsplit(self.url)
        assert parts.hostname is not None and parts.hostname.startswith("127."), "tests talk to loopback only"
        started = time.perf_counter()
        connection = http.client.HTTPConnection(
            parts.hostname, parts.port, timeout=self.timeout, source_address=(self.source, 0)
        )
        try:
            chunked = body is not None and not isinstance(body, bytes)
            connection.request(method, path, body=body, headers=headers or {}, encode_chunked=chunked)
            response = connection.getresponse()
            data = response.read()
            return Reply(
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                data,
                time.perf_counter() - started,
            )
        finally:
            connection.close()

    def post(self, action: str, value: object) -> Reply:
        body = json.dumps(value).encode("utf-8")
        return self.request("POST", self.base + action, body, {"Content-Type": "application/json"})

    def page(self) -> Reply:
        return self.request("GET", self.base)

    def seat(self, participant: str | None = None) -> Reply:
        return self.post("seat", {} if participant is None else {"participant": participant})

    def answer(self, seat: str, ratings: Mapping[str, int | None]) -> Reply:
        return self.post("answer", {"seat": seat, "ratings": ratings})


def phone_source(number: int) -> str:
    """The loopback source address of simulated phone ``number`` (0-based): 127.0.1.1, 127.0.1.2, …"""
    return f"127.0.{1 + number // 250}.{1 + number % 250}"


@dataclass
class LoadResult:
    latencies: dict[str, list[float]]
    final: dict[str, dict[str, int | None]]
    """Each phone's last answer (seat → ratings)."""
    failures: list[str]


def run_phones(url: str, phones: int, scales: Sequence[int], answers_each: int = 2) -> LoadResult:
    """``phones`` threads, released at once: each loads the page, takes a seat and sends ``answers_each``
    answers (the later ones replace the first). Bounded: every request has a timeout."""
    latencies: dict[str, list[float]] = {"page": [], "seat": [], "answer": []}
    final: dict[str, dict[str, int | None]] = {}
    failures: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(phones)

    def phone(number: int) -> None:
        client = Client(url, source=phone_source(number))
        try:
            start.wait(30)
            replies = [("page", client.page())]
            seat_reply = client.seat()
            replies.append(("seat", seat_reply))
            if seat_reply.status != 200:
                raise AssertionError(f"seat: {seat_reply.status} {seat_reply.body!r}")
            seat = seat_reply.json()["seat"]
            ratings: dict[str, int | None] = {}
            for attempt in range(answers_each):
                ratings = {
                    str(s): None if (number + s + attempt) % 7 == 0 else 1 + (number * s + attempt) % 10 for s in scales
                }
                reply = client.answer(seat, ratings)
                replies.append(("answer", reply))
                if reply.status != 200:
                    raise AssertionError(f"answer: {reply.status} {reply.body!r}")
            with lock:
                for kind, reply in replies:
                    latencies[kind].append(reply.seconds)
                final[seat] = ratings
        except Exception as error:  # collected and reported by the test
            with lock:
                failures.append(f"phone {number}: {error!r}")

    threads = [threading.Thread(target=phone, args=(n,), name=f"phone-{n}") for n in range(phones)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    if any(thread.is_alive() for thread in threads):
        failures.append("a phone did not finish within 120 s")
    return LoadResult(latencies, final, failures)


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (share 0.99 → the 99th)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), math.ceil(share * len(ordered))))
    return ordered[rank - 1]
