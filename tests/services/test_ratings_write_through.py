"""What the screen needs from the rating services: a joint value outside the range kept (and marked) before
its comment is written, and a form put back as it was (values, abstentions and ratings not given)."""

from __future__ import annotations

from lardesk.services import Services
from tests.services.test_logic_and_ratings import session_with


def test_a_joint_value_outside_the_range_is_kept_and_marked(any_services: Services) -> None:
    s = any_services
    sid = session_with(s, participants=3)
    people = s.sessions.snapshot(sid).participants
    for person, value in zip(people, (4, 5, 7), strict=True):
        s.ratings.set_rating(person.id, 9, value)
    s.ratings.set_joint(sid, 9, 9, keep_without_comment=True)
    snapshot = s.sessions.snapshot(sid)
    assert snapshot.joint_for(9) is not None and snapshot.joint_for(9).value == 9  # type: ignore[union-attr]
    assert snapshot.joint_needs_comment(9)
    s.ratings.set_joint(sid, 9, 9, "Efter mätningen har mycket hänt", keep_without_comment=True)
    assert not s.sessions.snapshot(sid).joint_needs_comment(9)
    s.ratings.set_joint(sid, 9, 6, keep_without_comment=True)  # inside: no comment needed
    assert not s.sessions.snapshot(sid).joint_needs_comment(9)


def test_a_form_is_put_back_as_it_was(any_services: Services) -> None:
    s = any_services
    sid = session_with(s, participants=1)
    (person,) = s.sessions.snapshot(sid).participants
    s.ratings.set_ratings(person.id, {1: 4, 2: None})
    s.ratings.set_ratings(person.id, {1: 8, 2: 3, 9: 5})
    s.ratings.set_ratings(person.id, {1: 4, 2: None}, clear=[9])  # what undo does
    snapshot = s.sessions.snapshot(sid)
    assert [(r.scale, r.value) for r in sorted(snapshot.ratings, key=lambda r: r.scale)] == [(1, 4), (2, None)]
