"""Ratings, joint values and dates as a facilitator may type them (or a widget may pass them on): any value
is either stored exactly as meant or refused with an InputError, never another exception, and a refused
value changes nothing.

``LARDESK_FUZZ_EXAMPLES`` raises the number of cases here as in the exchange-file fuzzing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from lardesk.services import InputError, NewParticipant, NewSession, Services
from lardesk.services.base import parse_date
from lardesk.storage.models import FollowUpSession, Improvement, JointAssessment, Rating

TOTAL = int(os.environ.get("LARDESK_FUZZ_EXAMPLES", "240"))
TYPED = settings(
    max_examples=max(1, TOTAL // 8),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-2, 12),
    st.floats(),
    st.floats(0, 11),
    st.text(max_size=12),
    st.sampled_from(["7", " 5 ", "10", "", "sju", "٣", "5.0", "1e1"]),
    st.lists(st.integers(), max_size=2),
)
typed_dates = st.one_of(
    st.text(max_size=30),
    st.dates().map(dt.date.isoformat),
    st.dates().map(lambda d: f" {d.isoformat()}\n"),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.sampled_from(["2026-02-30", "2026-13-01", "0000-01-01", "9999-12-31", "2026-1-5", "20261125", "2026-W48-3"]),
)


class Place:
    def __init__(self, services: Services) -> None:
        self.services = services
        changes = services.sessions.create_session(
            NewSession(
                organisation="Skrivkommunen",
                date=dt.date(2026, 11, 25),
                participants=(NewParticipant(role="chef"), NewParticipant(role="strateg")),
            )
        )
        assert changes.new_id is not None
        self.session_id = changes.new_id
        self.participant_ids = [p.id for p in services.sessions.snapshot(self.session_id).participants]


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Place]:
    directory = tmp_path_factory.mktemp("typed")
    services = Services.open(f"sqlite:///{directory / 'lardesk.sqlite'}", directory / "backups")
    yield Place(services)
    services.close()


def _rows(place: Place) -> list[tuple[Any, ...]]:
    with place.services.database.reading() as db:
        ratings = [
            (r.participant_id, r.scale, r.round, r.value) for r in db.scalars(select(Rating).order_by(Rating.id))
        ]
        joint = [
            (j.scale, j.value, j.comment) for j in db.scalars(select(JointAssessment).order_by(JointAssessment.id))
        ]
        sessions = [(s.id, s.date) for s in db.scalars(select(FollowUpSession).order_by(FollowUpSession.id))]
        actions = [(i.id, i.due) for i in db.scalars(select(Improvement).order_by(Improvement.id))]
    return [*ratings, *joint, *sessions, *actions]


def _attempt(place: Place, call: Any) -> bool:
    """Run ``call``; True if it was accepted, False if refused with an InputError (and nothing changed)."""
    before = _rows(place)
    try:
        call()
    except InputError as error:
        refused: InputError | None = error
    else:
        refused = None
    if refused is None:
        return True
    assert refused.message.strip()
    assert _rows(place) == before
    return False


@TYPED
@given(value=anything, scale=anything | st.integers(1, 9), round_=st.integers(-1, 3) | anything)
def test_any_rating_is_stored_as_meant_or_refused(place: Place, value: Any, scale: Any, round_: Any) -> None:
    participant = place.participant_ids[0]
    if _attempt(place, lambda: place.services.ratings.set_rating(participant, scale, value, round_)):
        assert value is None or (type(value) is int and 1 <= value <= 10)
        assert scale in range(1, 10)  # an int, or an equal value such as 1.0 or True (stored as the int)
        with place.services.database.reading() as db:
            stored = db.scalar(
                select(Rating.value).where(
                    Rating.participant_id == participant, Rating.scale == scale, Rating.round == round_
                )
            )
        assert stored == value


@TYPED
@given(value=anything, scale=anything | st.integers(1, 9), comment=st.text(max_size=20))
def test_any_joint_value_is_stored_as_meant_or_refused(place: Place, value: Any, scale: Any, comment: str) -> None:
    if _attempt(place, lambda: place.services.ratings.set_joint(place.session_id, scale, value, comment)):
        assert type(value) is int and 1 <= value <= 10
        assert scale in range(1, 10)


@TYPED
@given(typed=typed_dates)
def test_any_typed_date_is_a_date_or_a_message(typed: str) -> None:
    try:
        parsed = parse_date(typed)
    except InputError as error:
        assert typed in error.message or repr(typed) in error.message  # noqa: PT017 - the message names it
        return
    assert isinstance(parsed, dt.date)
    assert parsed.isoformat() in typed or parsed == dt.date.fromisoformat(typed.strip())


@TYPED
@given(date=st.dates())
def test_every_date_typed_in_iso_form_is_read_back(date: dt.date) -> None:
    assert parse_date(date.isoformat()) == date
    assert parse_date(f"  {date.isoformat()} ") == date


@TYPED
@given(typed=typed_dates)
def test_any_typed_session_date_is_stored_or_refused(place: Place, typed: str) -> None:
    if _attempt(place, lambda: place.services.sessions.update_session(place.session_id, date=typed)):
        assert place.services.sessions.session_info(place.session_id).date == dt.date.fromisoformat(typed.strip())


@TYPED
@given(typed=typed_dates | st.none())
def test_any_typed_due_date_is_stored_or_refused(place: Place, typed: str | None) -> None:
    call = lambda: place.services.sessions.add_improvement(place.session_id, "Åtgärd", due=typed)  # noqa: E731
    if _attempt(place, call):
        with place.services.database.reading() as db:
            due = db.scalar(select(Improvement.due).order_by(Improvement.id.desc()).limit(1))
        assert due == (dt.date.fromisoformat(typed.strip()) if typed else None)
