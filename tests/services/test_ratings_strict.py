"""Scales and rounds are whole numbers of type int: ``True`` (which equals 1) and ``1.0`` are refused with a
message in both languages, and nothing is saved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from lardesk.services import InputError, NewParticipant, NewSession, Services


@pytest.fixture
def person(services: Services) -> tuple[int, int]:
    changes = services.sessions.create_session(
        NewSession(organisation="Kommun", date=dt.date(2026, 11, 25), participants=(NewParticipant("Roll"),))
    )
    assert changes.new_id is not None
    return changes.new_id, services.sessions.snapshot(changes.new_id).participants[0].id


def refused(call: Callable[[], object]) -> InputError:
    with pytest.raises(InputError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize("scale", [True, False, 1.0, 9.0, "1", None], ids=repr)
def test_a_scale_that_is_not_an_int_is_refused(services: Services, person: tuple[int, int], scale: object) -> None:
    sid, pid = person
    ratings = services.ratings
    for call in (
        lambda: ratings.set_rating(pid, scale, 5),  # type: ignore[arg-type]
        lambda: ratings.set_ratings(pid, {scale: 5}),  # type: ignore[dict-item]
        lambda: ratings.set_joint(sid, scale, 5),  # type: ignore[arg-type]
    ):
        error = refused(call)
        assert str(error) == f"a scale is a whole number from 1 to 9, not {scale!r}"
        assert error.localized("sv") == f"En skala anges med ett heltal från 1 till 9, inte {scale!r}."
    snapshot = services.sessions.snapshot(sid)
    assert snapshot.ratings == () and snapshot.joint == ()


@pytest.mark.parametrize("round_", [True, 1.0, 2.0, "1"], ids=repr)
def test_a_round_that_is_not_an_int_is_refused(services: Services, person: tuple[int, int], round_: object) -> None:
    sid, pid = person
    for call in (
        lambda: services.ratings.set_rating(pid, 1, 5, round_),  # type: ignore[arg-type]
        lambda: services.ratings.set_ratings(pid, {1: 5}, round_),  # type: ignore[arg-type]
    ):
        error = refused(call)
        assert str(error) == f"a round is a whole number, 1 or more, not {round_!r}"
        assert error.localized("sv") == f"En omgång anges med ett heltal, 1 eller mer, inte {round_!r}."
    assert services.sessions.snapshot(sid).ratings == ()


def test_ints_are_taken_and_bad_ints_keep_their_messages(services: Services, person: tuple[int, int]) -> None:
    sid, pid = person
    services.ratings.set_rating(pid, 1, 5, 2)
    services.ratings.set_ratings(pid, {9: 7})
    assert {(r.scale, r.round, r.value) for r in services.sessions.snapshot(sid).ratings} == {(1, 2, 5), (9, 1, 7)}
    assert str(refused(lambda: services.ratings.set_rating(pid, 10, 5))) == "there is no scale 10; the scales are 1–9"
    assert str(refused(lambda: services.ratings.set_rating(pid, 1, 5, 0))) == "the round must be 1 or more"
    assert refused(lambda: services.ratings.set_ratings(pid, {1: 5}, -1)).localized("sv") == (
        "Omgången måste vara 1 eller högre."
    )
