"""The HTTP contract of a phone round, spoken to a real server on 127.0.0.1 with a real HTTP client.

Every refusal is checked to leave the stored ratings exactly as they were."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import queue
import re
import socket
import sqlite3
import threading
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import pytest

from lardesk.method.guide import load_guide
from lardesk.method.snapshot import Anonymity
from lardesk.method.words import WORD_LANGUAGES, section, word
from lardesk.server.app import RoundApp
from lardesk.server.limits import Limits, RateLimiter
from lardesk.server.round import TOKEN_ALPHABET, TOKEN_BITS, NoFreeSeat, PhoneRound, UnknownSeat, grouped
from lardesk.server.runner import ListenError, parse_listen, start_round
from lardesk.services import Changed, Changes, InputError, NewParticipant, NotFound, Services, StorageError
from lardesk.storage import database
from tests.server.conftest import StartRound
from tests.server.phones import Client, at_the_next_write, make_session, stored

ALL = {str(s): 5 for s in range(1, 10)}


def seated(client: Client) -> str:
    reply = client.seat()
    assert reply.status == 200, reply.body
    seat: str = reply.json()["seat"]
    return seat


def answered_once(client: Client) -> str:
    """A seat with an answer stored, so that a refusal has something it could wrongly change."""
    seat = seated(client)
    assert client.answer(seat, {"1": 7, "2": None, "3": 4}).status == 200
    return seat


# -- the page ---------------------------------------------------------------------------------------------


def test_the_page_is_one_document_with_its_own_style_and_script(client: Client) -> None:
    reply = client.page()
    assert reply.status == 200
    assert reply.headers["content-type"] == "text/html; charset=utf-8"
    html = reply.body.decode("utf-8")
    assert '<html lang="sv">' in html
    assert "<title>Personlig bedömning</title>" in html
    assert "Ankeby kommun · omgång 1" in html
    # nothing from elsewhere: no external script, style, font or image, and no address to another host
    assert not re.search(r"\b(src|href)\s*=", html)
    assert "http://" not in html and "https://" not in html and "@import" not in html and "url(" not in html
    # the policy allows exactly the inline script and style that were served
    csp = reply.headers["content-security-policy"]
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert script is not None and style is not None
    for text, directive in ((script.group(1), "script-src"), (style.group(1), "style-src")):
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        assert f"{directive} 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert reply.headers["cache-control"] == "no-store"
    assert reply.headers["referrer-policy"] == "no-referrer"
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert "server" not in reply.headers


def test_the_page_data_cannot_close_its_script_block(services: Services, open_round: StartRound) -> None:
    sid = make_session(services, 2, Anonymity.OPEN)
    person = services.sessions.snapshot(sid).participants[0]
    services.sessions.update_participant(person.id, name="</script><script>alert(1)</script>")
    html = Client(open_round(sid).address.url).page().body.decode("utf-8")
    assert html.count("</script>") == 2  # the data block's and the script's own
    data = re.search(r'<script type="application/json" id="round-data">(.*?)</script>', html, re.S)
    assert data is not None
    names = [c["name"] for c in json.loads(data.group(1))["choices"]]
    assert "</script><script>alert(1)</script>" in names[0]


def test_an_english_session_gets_the_page_in_english(services: Services, open_round: StartRound) -> None:
    sid = make_session(services, 2, language="en")
    client = Client(open_round(sid).address.url)
    html = client.page().body.decode("utf-8")
    assert '<html lang="en">' in html and "<title>Personal assessment</title>" in html
    scales = client.seat().json()["scales"]
    assert scales[0] == {
        "scale": 1,
        "label": "Starting point",
        "question": scales[0]["question"],
    }
    assert scales[0]["question"].startswith("To what extent")


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_the_pages_words_are_the_catalogues_with_the_scales_counted_in_the_plural(
    services: Services, open_round: StartRound, language: str
) -> None:
    words = section("phone", language)
    for parts, scales in (((), 1), ((1, 5, 7), 4)):  # scale 9 is always asked
        sid = make_session(services, 2, parts=parts, language=language)
        html = Client(open_round(sid).address.url).page().body.decode("utf-8")
        data = re.search(r'<script type="application/json" id="round-data">(.*?)</script>', html, re.S)
        assert data is not None
        strings = json.loads(data.group(1))["strings"]
        intro = word("phone.intro_anonymous", language, n=scales)
        assert strings == {**words, "intro_anonymous": intro}  # every word, and round.js fills in the rest
        assert f"<title>{words['title']}</title>" in html and words["noscript"] in html
        where = word("phone.where", language, organisation="Ankeby kommun", round=1)
        assert f'<p class="where">{where}</p>' in html
        assert {"{name}", "{low}", "{high}", "{list}", "{status}"} <= set(
            re.findall(r"\{\w+\}", "".join(words.values()))
        )
    assert word("phone.intro_anonymous", language, n=1).startswith(("Du bedömer 1 skala ", "You rate 1 scale "))
    assert word("phone.intro_anonymous", language, n=4).startswith(("Du bedömer 4 skalor ", "You rate 4 scales "))


# -- seats and answers ------------------------------------------------------------------------------------


def test_an_answer_is_stored_and_a_second_one_replaces_it(services: Services, open_round: StartRound) -> None:
    told: list[Changes | None] = []
    sid = make_session(services, 3, parts=(1, 2, 3))
    server = start_round(services, sid, 1, "127.0.0.1", 0, listener=told.append)
    try:
        client = Client(server.address.url)
        reply = client.seat()
        assert reply.status == 200
        assert sorted(reply.json()) == ["scales", "seat"]
        assert [s["scale"] for s in reply.json()["scales"]] == [1, 2, 3, 9]  # the agreed scales, and scale 9
        nine = load_guide("sv").scale(9)
        assert reply.json()["scales"][3] == {"scale": 9, "label": nine.label, "question": nine.question}
        seat = reply.json()["seat"]
        assert client.answer(seat, {"1": 7, "2": None, "3": 10, "9": 1}).status == 200
        first = stored(services, sid)
        assert sorted((scale, value) for _, scale, _, value in first) == [(1, 7), (2, None), (3, 10), (9, 1)]
        person = first[0][0]
        assert {row[0] for row in first} == {person} and {row[2] for row in first} == {1}
        # a resubmission replaces the whole answer: a scale left out is no longer rated
        assert client.answer(seat, {"1": 3, "9": None}).json() == {"saved": True}
        assert stored(services, sid) == [(person, 1, 1, 3), (person, 9, 1, None)]
        assert server.round.answered == 1 and server.round.seated == 1
        assert told[0] is None  # the seat
        assert told[1:] == [Changes(Changed.RATINGS, sid)] * 2
    finally:
        server.stop()


def test_anonymous_seats_never_say_who_and_each_participant_is_given_once(
    services: Services, open_round: StartRound
) -> None:
    sid = make_session(services, 4)
    people = services.sessions.snapshot(sid).participants
    client = Client(open_round(sid).address.url)
    seats = []
    for _ in people:
        reply = client.seat()
        value = reply.json()
        assert sorted(value) == ["scales", "seat"]  # a random seat id and the scales: nothing about the person
        scales = json.dumps(value["scales"], ensure_ascii=False)
        for person in people:
            assert value["seat"] not in (person.key, str(person.id))
            assert person.key not in scales and (person.name or "") not in scales and person.role not in scales
        seats.append(value["seat"])
    assert len(set(seats)) == 4 and all(len(seat) >= 22 for seat in seats)
    for number, seat in enumerate(seats, start=1):
        assert client.answer(seat, {"1": number}).status == 200
    ratings = stored(services, sid)
    assert [row[3] for row in sorted(ratings, key=lambda row: row[3] or 0)] == [1, 2, 3, 4]
    assert sorted(row[0] for row in ratings) == sorted(p.id for p in people)  # one seat per person


def test_open_mode_phones_choose_their_name(services: Services, open_round: StartRound) -> None:
    sid = make_session(services, 3, Anonymity.OPEN)
    people = services.sessions.snapshot(sid).participants
    client = Client(open_round(sid).address.url)
    html = client.page().body.decode("utf-8")
    assert all(f'"name":"{p.name} ({p.role})"' in html for p in people)
    before = stored(services, sid)
    assert client.seat().status == 422  # a name must be chosen
    assert client.seat("nobody").status == 422
    assert client.post("seat", {"participant": 3}).status == 422
    seat = client.seat(people[1].key).json()["seat"]
    assert client.seat(people[1].key).status == 409  # that person already has a seat
    assert stored(services, sid) == before
    assert client.answer(seat, {"4": 8}).status == 200
    assert stored(services, sid) == [(people[1].id, 4, 1, 8)]
    html = client.page().body.decode("utf-8")
    assert f'"name":"{people[1].name} ({people[1].role})"' not in html  # no longer offered


def test_only_participants_present_and_not_yet_rated_are_seats(services: Services, open_round: StartRound) -> None:
    sid = make_session(services, 4)
    people = services.sessions.snapshot(sid).participants
    services.sessions.update_participant(people[0].id, present=False)
    services.ratings.set_rating(people[1].id, 1, 6, 1)  # typed in by the facilitator before the round
    server = open_round(sid)
    assert server.round.total == 2
    client = Client(server.address.url)
    seats = [seated(client), seated(client)]
    assert client.seat().status == 409
    for seat in seats:
        assert client.answer(seat, {"2": 9}).status == 200
    rated = {row[0] for row in stored(services, sid) if row[1] == 2}
    assert rated == {people[2].id, people[3].id}
    # round 2 is apart: everyone present is a seat again
    assert open_round(sid, round_=2).round.total == 3


def test_the_seats_follow_who_is_present_while_the_round_is_open(services: Services, open_round: StartRound) -> None:
    """Marked absent mid-round: no seat any more, and an anonymous answer already stored for that participant
    moves to someone present (it would not count otherwise). A late arrival is a seat, and N follows."""
    for _ in range(6):  # the seat is a participant at random: whichever it is, its answer moves
        sid = make_session(services, 3)
        server = open_round(sid)
        client = Client(server.address.url)
        seat = seated(client)
        assert client.answer(seat, {"1": 7, "2": None}).status == 200
        (holder,) = {row[0] for row in stored(services, sid)}
        services.sessions.update_participant(holder, present=False)
        moved = server.round.follow_participants()
        assert moved is not None and moved.what & Changed.RATINGS
        (now,) = {row[0] for row in stored(services, sid)}
        present = {p.id for p in services.sessions.snapshot(sid).present}
        assert now != holder and now in present
        assert stored(services, sid) == sorted([(now, 1, 1, 7), (now, 2, 1, None)])
        assert (server.round.answered, server.round.total) == (1, 2)
        assert client.answer(seat, {"1": 4}).status == 200  # a resubmission goes where the answer went
        assert stored(services, sid) == [(now, 1, 1, 4)]
        other = seated(client)  # the one seat left: never the absent participant
        assert client.answer(other, {"1": 2}).status == 200
        assert {row[0] for row in stored(services, sid)} == present
        assert client.seat().status == 409
        late = services.sessions.add_participant(sid, NewParticipant(role="Controller", name="Sen"))
        assert late.new_id is not None
        server.round.follow_participants()
        assert (server.round.answered, server.round.total) == (2, 3)
        assert client.answer(seated(client), {"1": 9}).status == 200
        assert (late.new_id, 1, 1, 9) in stored(services, sid)


def test_an_anonymous_answer_survives_the_removal_of_the_participant_it_was_stored_for(
    services: Services, open_round: StartRound
) -> None:
    """Removed rather than marked absent: the participant's ratings go with them, but the answer a phone stored
    there was someone else's in the room (the facilitator could not know whose): it is stored again, as sent."""
    for _ in range(4):  # the seat is a participant at random: whichever it is, the answer stays
        sid = make_session(services, 3)
        server = open_round(sid)
        client = Client(server.address.url)
        seat = seated(client)
        assert client.answer(seat, {"1": 7, "2": None, "3": 4}).status == 200
        (holder,) = {row[0] for row in stored(services, sid)}
        services.sessions.remove_participant(holder)
        moved = server.round.follow_participants()
        assert moved is not None and moved.what & Changed.RATINGS
        (now,) = {row[0] for row in stored(services, sid)}
        assert now != holder and now in {p.id for p in services.sessions.snapshot(sid).present}
        assert stored(services, sid) == [(now, 1, 1, 7), (now, 2, 1, None), (now, 3, 1, 4)]
        assert (server.round.answered, server.round.total) == (1, 2)
        assert client.answer(seat, {"1": 3}).status == 200  # the seat goes on where its answer went
        assert stored(services, sid) == [(now, 1, 1, 3)]


def test_a_list_changed_by_another_program_is_followed_without_waiting_for_a_phone(
    any_services: Services, database_url: str, tmp_path: Path
) -> None:
    """The participants list is changed outside the program that runs the round (another lardesk on the same
    database: the command line, another computer), and no phone asks for a seat: the round reads the list again
    on its own, in about a second. N follows, the anonymous answer stored for the participant marked absent
    moves to one present, and the listener is told, so that the facilitator's screen reads the list again."""
    services = any_services
    sid = make_session(services, 3)
    told: queue.Queue[Changes | None] = queue.Queue()
    server = start_round(services, sid, 1, "127.0.0.1", 0, listener=told.put)
    other = Services.open(database_url, tmp_path / "elsewhere")
    try:
        client = Client(server.address.url)
        seat = seated(client)
        assert client.answer(seat, {"1": 7}).status == 200
        (holder,) = {row[0] for row in stored(services, sid)}
        other.sessions.update_participant(holder, present=False)
        late = other.sessions.add_participant(sid, NewParticipant(role="Controller", name="Sen")).new_id
        heard: list[Changes | None] = []
        while (server.round.answered, server.round.total) != (1, 3) or not any(
            c is not None and Changed.PARTICIPANTS in c for c in heard
        ):
            heard.append(told.get(timeout=60))  # told by the round itself: no phone has asked anything
        (now,) = {row[0] for row in stored(services, sid)}
        assert now != holder and now in {p.id for p in services.sessions.present_participants(sid)}
        assert Changes(Changed.PARTICIPANTS | Changed.RATINGS, sid) in heard
        assert client.answer(seated(client), {"1": 2}).status == 200
        assert client.answer(seated(client), {"1": 3}).status == 200  # the late arrival is a seat too
        assert late in {row[0] for row in stored(services, sid)}
        assert (server.round.answered, server.round.total) == (3, 3)
    finally:
        server.stop()
        other.close()


def test_a_closed_round_moves_no_answer(services: Services, open_round: StartRound) -> None:
    """After the facilitator closed the round, a late seat request (or a change of the list) moves nothing: the
    ratings stay as they were when the round closed."""
    sid = make_session(services, 3)
    server = open_round(sid)
    client = Client(server.address.url)
    seat = seated(client)
    assert client.answer(seat, {"1": 7}).status == 200
    (holder,) = {row[0] for row in stored(services, sid)}
    server.round.close()
    services.sessions.update_participant(holder, present=False)
    before = stored(services, sid)
    assert server.round.follow_participants() is None
    with pytest.raises(UnknownSeat):
        server.round.take_seat()
    assert stored(services, sid) == before == [(holder, 1, 1, 7)]


def test_with_no_one_left_to_move_to_the_seat_is_given_up_and_open_mode_keeps_a_person(
    services: Services, open_round: StartRound
) -> None:
    sid = make_session(services, 1)
    (only,) = services.sessions.snapshot(sid).participants
    server = open_round(sid)
    client = Client(server.address.url)
    seat = seated(client)
    services.sessions.update_participant(only.id, present=False)
    assert server.round.follow_participants() is None
    assert client.answer(seat, {"1": 5}).status == 403  # the phone is told its seat is gone
    assert stored(services, sid) == [] and (server.round.answered, server.round.total) == (0, 0)
    sid = make_session(services, 2, Anonymity.OPEN)
    people = services.sessions.snapshot(sid).participants
    server = open_round(sid)
    client = Client(server.address.url)
    reply = client.seat(people[0].key)
    assert client.answer(reply.json()["seat"], {"1": 6}).status == 200
    services.sessions.update_participant(people[0].id, present=False)
    assert server.round.follow_participants() is None  # a named person's answer stays theirs
    assert stored(services, sid) == [(people[0].id, 1, 1, 6)]
    assert (server.round.answered, server.round.total) == (0, 1)  # and does not count while absent


def test_an_older_reading_of_the_list_never_undoes_a_newer_one(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two follow_participants at once: a phone's seat request read the list just before the facilitator marked
    someone absent, and the facilitator's own call read it just after. Whatever order they finish in, the seats
    end as the list stands: the absent participant is no seat and not counted in N."""
    sid = make_session(services, 3)
    people = services.sessions.snapshot(sid).participants
    round_ = PhoneRound(services, sid)
    real = services.sessions.present_participants
    read, go = threading.Event(), threading.Event()

    def present_participants(session_id: int) -> object:
        taken = real(session_id)
        if threading.current_thread().name == "older":  # the phone's call: it has read, and is slow to go on
            read.set()
            go.wait(10)
        return taken

    monkeypatch.setattr(services.sessions, "present_participants", present_participants)
    older = threading.Thread(target=round_.follow_participants, name="older", daemon=True)
    older.start()
    assert read.wait(10)
    services.sessions.update_participant(people[0].id, present=False)
    newer = threading.Thread(target=round_.follow_participants, name="newer", daemon=True)
    newer.start()
    newer.join(0.5)  # it waits for the older call to finish, or (without the lock) finishes first
    go.set()
    older.join(10)
    newer.join(10)
    assert not older.is_alive() and not newer.is_alive()
    assert (round_.answered, round_.total) == (0, 2)
    monkeypatch.undo()
    seats = [round_.take_seat(), round_.take_seat()]
    assert len(set(seats)) == 2
    with pytest.raises(NoFreeSeat):
        round_.take_seat()


def test_an_answer_moves_only_to_someone_free_of_the_same_session(services: Services) -> None:
    """move_answer_to_free: never onto someone rated, absent, excluded (another seat) or of another session; with
    nobody free nothing moves; the choice is one of those free, in the session's order."""
    sid = make_session(services, 5)
    a, rated, absent, seated_, free = (p.id for p in services.sessions.snapshot(sid).participants)
    make_session(services, 3)  # another session's participants are never offered
    services.ratings.set_ratings(a, {1: 5, 2: None}, 1)
    services.ratings.set_rating(rated, 1, 6, 1)
    services.sessions.update_participant(absent, present=False)
    offered: list[list[int]] = []

    def first(ids: Sequence[int]) -> int:
        offered.append(list(ids))
        return ids[0]

    placed = services.ratings.move_answer_to_free(a, 1, exclude={seated_}, choose=first)
    assert offered == [[free]] and placed.participant_id == free
    assert placed.changes == Changes(Changed.RATINGS, sid)
    assert stored(services, sid) == [(rated, 1, 1, 6), (free, 1, 1, 5), (free, 2, 1, None)]
    before = stored(services, sid)
    nobody = services.ratings.move_answer_to_free(free, 1, exclude={seated_, a}, choose=first)  # a: unrated now
    assert (nobody.participant_id, nobody.changes) == (None, None) and stored(services, sid) == before
    with pytest.raises(ValueError, match="one of the participants"):
        services.ratings.move_answer_to_free(free, 1, choose=lambda _ids: rated)
    assert stored(services, sid) == before
    with pytest.raises(NotFound):
        services.ratings.move_answer_to_free(a + 1000, 1)


@pytest.mark.parametrize("leaves", ["absent", "removed"])
def test_a_paper_form_typed_in_as_a_seat_moves_neither_strands_the_answer_nor_is_overwritten(
    any_services: Services, leaves: str
) -> None:
    """The race of a seat moving and a paper form typed in at the same instant, on SQLite and PostgreSQL.

    The round has read who is present and who has rated, and picked the one participant free then (x); the
    facilitator, at that instant, moves a paper form typed into the wrong row (y) to the right one (x). The
    move must see that: x's form stays as typed, and the phone's answer goes to y, free now, where it counts.
    (Before: the move onto x was refused and the answer stayed with the absent participant, or, the holder
    removed, it was stored again over x's paper form.)"""
    services = any_services
    sid = make_session(services, 3)
    round_ = PhoneRound(services, sid)
    seat = round_.take_seat()
    round_.answer(seat, {"1": 7, "2": None, "3": 4})
    (holder,) = {row[0] for row in stored(services, sid)}
    x, y = (p.id for p in services.sessions.snapshot(sid).participants if p.id != holder)
    services.ratings.set_ratings(y, {1: 3, 5: 5}, 1)  # typed into the wrong row while the round is open
    if leaves == "absent":
        services.sessions.update_participant(holder, present=False)
    else:
        services.sessions.remove_participant(holder)

    def retyped() -> None:
        services.ratings.set_ratings(y, {}, 1, clear=(1, 5))
        services.ratings.set_ratings(x, {1: 3, 5: 5}, 1)

    with at_the_next_write(services, retyped) as edit:
        round_.follow_participants()
    assert edit == [None]  # the facilitator's edit went through, at that instant
    assert stored(services, sid) == sorted([(x, 1, 1, 3), (x, 5, 1, 5), (y, 1, 1, 7), (y, 2, 1, None), (y, 3, 1, 4)])
    assert (round_.answered, round_.total) == (1, 2)
    round_.answer(seat, {"1": 2})  # the seat goes on where its answer went
    assert stored(services, sid) == sorted([(x, 1, 1, 3), (x, 5, 1, 5), (y, 1, 1, 2)])


def test_a_paper_form_typed_in_as_the_phone_answers_first_is_never_overwritten(any_services: Services) -> None:
    """The first answer of a seat and a paper form for its participant at the same instant: the round had read
    that the participant had no ratings; the form lands just before the answer is written. The form stays as
    typed: in open mode the phone is told 409, in anonymous and roles mode the answer goes to someone free."""
    services = any_services
    sid = make_session(services, 2, Anonymity.OPEN)
    a, b = services.sessions.snapshot(sid).participants
    round_ = PhoneRound(services, sid)
    seat = round_.take_seat(a.key)
    typed = a.id

    def typed_in() -> None:
        services.ratings.set_ratings(typed, {1: 3, 2: None}, 1)

    with at_the_next_write(services, typed_in) as edit, pytest.raises(NoFreeSeat):
        round_.answer(seat, {"1": 9, "4": 8})
    assert edit == [None]
    assert stored(services, sid) == [(a.id, 1, 1, 3), (a.id, 2, 1, None)]
    seat = round_.take_seat(b.key)
    services.sessions.remove_participant(b.id)  # removed before the answer: the seat is gone (403), not 409
    with pytest.raises(UnknownSeat):
        round_.answer(seat, {"1": 9})
    for _ in range(6):  # anonymous: the seat is either participant at random; the form is typed for the first
        sid = make_session(services, 2)
        a, b = services.sessions.snapshot(sid).participants
        round_ = PhoneRound(services, sid)
        seat = round_.take_seat()
        with at_the_next_write(services, partial(services.ratings.set_rating, a.id, 1, 3, 1)) as edit:
            round_.answer(seat, {"1": 9, "4": 8})
        assert edit == [None]
        assert stored(services, sid) == [(a.id, 1, 1, 3), (b.id, 1, 1, 9), (b.id, 4, 1, 8)]
        assert (round_.answered, round_.total) == (1, 2)


def test_a_paper_form_started_in_a_row_as_a_phone_answers_there_is_refused(any_services: Services) -> None:
    """The other way round: the facilitator's first value of a paper form (the grid showed the row empty, so it
    is typed with ``unrated``) and a phone's first answer for that participant at the same instant, the answer
    just before. The value is refused and the phone's answer stays whole; later values of a form go in."""
    services = any_services
    sid = make_session(services, 2, Anonymity.OPEN)
    a, b = services.sessions.snapshot(sid).participants
    round_ = PhoneRound(services, sid)
    seat = round_.take_seat(a.key)
    answered = partial(round_.answer, seat, {"1": 9, "4": 8})
    refused = pytest.raises(InputError, match="has just been given ratings in round 1 elsewhere")
    with at_the_next_write(services, answered) as edit, refused:
        services.ratings.set_rating(a.id, 1, 3, 1, unrated=True)
    assert edit == [None]
    assert stored(services, sid) == [(a.id, 1, 1, 9), (a.id, 4, 1, 8)]
    with pytest.raises(InputError, match="has just been given"):
        services.ratings.set_ratings(a.id, {2: 3}, 1, unrated=True)
    services.ratings.set_ratings(b.id, {1: 3}, 1, unrated=True)
    services.ratings.set_rating(b.id, 2, 4, 1)
    assert stored(services, sid) == [(a.id, 1, 1, 9), (a.id, 4, 1, 8), (b.id, 1, 1, 3), (b.id, 2, 1, 4)]


def test_a_form_typed_in_while_the_round_is_open_is_no_longer_a_seat(
    services: Services, open_round: StartRound
) -> None:
    """The facilitator types a paper form into the grid after the round opened: that participant is no free
    seat any more, so no phone is given it and no phone's answer replaces (or clears) what was typed."""
    sid = make_session(services, 2)
    people = services.sessions.snapshot(sid).participants
    server = open_round(sid)
    client = Client(server.address.url)
    services.ratings.set_ratings(people[0].id, {1: 3, 2: 4, 3: 5}, 1)  # typed in from paper
    typed = stored(services, sid)
    seat = seated(client)
    assert client.seat().status == 409  # the only seat left is taken
    assert client.answer(seat, {"1": 9}).status == 200
    assert [row for row in stored(services, sid) if row[0] == people[0].id] == typed
    assert [row for row in stored(services, sid) if row[0] == people[1].id] == [(people[1].id, 1, 1, 9)]


def test_a_seat_whose_participant_is_typed_in_before_it_answers_moves_or_is_refused(
    services: Services, open_round: StartRound
) -> None:
    """A phone took a seat, then the facilitator typed a paper form: whichever participant the seat had, the
    typed values stay, and the phone's answer goes to a participant still free (409 when there is none)."""
    for _ in range(8):  # the seat is one of two participants at random: both cases come up
        sid = make_session(services, 2)
        people = services.sessions.snapshot(sid).participants
        client = Client(open_round(sid).address.url)
        seat = seated(client)
        services.ratings.set_ratings(people[0].id, {1: 3, 2: None}, 1)  # typed in from paper
        assert client.answer(seat, {"1": 9}).status == 200
        assert client.answer(seat, {"1": 8}).status == 200  # a resubmission stays where the first went
        assert stored(services, sid) == sorted(
            [(people[0].id, 1, 1, 3), (people[0].id, 2, 1, None), (people[1].id, 1, 1, 8)]
        )
    sid = make_session(services, 1)
    (only,) = services.sessions.snapshot(sid).participants
    client = Client(open_round(sid).address.url)
    seat = seated(client)
    services.ratings.set_rating(only.id, 1, 2, 1)
    assert client.answer(seat, {"1": 9}).status == 409
    assert stored(services, sid) == [(only.id, 1, 1, 2)]
    sid = make_session(services, 2, Anonymity.OPEN)
    people = services.sessions.snapshot(sid).participants
    client = Client(open_round(sid).address.url)
    reply = client.seat(people[0].key)
    services.ratings.set_rating(people[0].id, 1, 2, 1)
    assert client.answer(reply.json()["seat"], {"1": 9}).status == 409
    assert stored(services, sid) == [(people[0].id, 1, 1, 2)]


def test_open_mode_does_not_offer_a_name_whose_form_was_typed_in(services: Services, open_round: StartRound) -> None:
    sid = make_session(services, 3, Anonymity.OPEN)
    people = services.sessions.snapshot(sid).participants
    server = open_round(sid)
    client = Client(server.address.url)
    services.ratings.set_rating(people[0].id, 1, 6, 1)
    assert [c.key for c in server.round.choices()] == [p.key for p in people[1:]]
    assert client.seat(people[0].key).status == 409
    assert client.seat(people[1].key).status == 200
    assert stored(services, sid) == [(people[0].id, 1, 1, 6)]


def test_a_round_needs_a_free_seat_and_round_1_or_2(services: Services) -> None:
    sid = make_session(services, 1)
    with pytest.raises(InputError, match="round 1 or 2"):
        PhoneRound(services, sid, 3)
    with pytest.raises(InputError, match=r"no session|there is no"):
        PhoneRound(services, sid + 99, 1)
    person = services.sessions.snapshot(sid).participants[0]
    services.ratings.set_rating(person.id, 9, 5, 1)
    with pytest.raises(InputError, match="no seat is left"):
        PhoneRound(services, sid, 1)
    assert PhoneRound(services, sid, 2).total == 1


def test_the_token_is_random_with_at_least_128_bits(services: Services, open_round: StartRound) -> None:
    sid = make_session(services, 2)
    tokens = {open_round(sid).round.token for _ in range(3)}
    assert len(tokens) == 3
    assert TOKEN_BITS >= 128
    for token in tokens:
        assert len(token) * 5 >= 128 and set(token) <= set(TOKEN_ALPHABET)


def test_the_grouped_address_is_the_same_round(client: Client) -> None:
    token = client.base.split("/")[2]
    typed = Client(client.url.replace(token, grouped(token).upper()))
    assert typed.page().status == 200
    assert typed.seat().status == 200


# -- every refusal, none of which changes a stored rating --------------------------------------------------


def test_a_wrong_token_or_another_path_is_404(services: Services, open_round: StartRound) -> None:
    server = open_round()
    client = Client(server.address.url)
    seat = answered_once(client)
    before = stored(services, server.round.session_id)
    token = server.round.token
    other = ("b" if token[0] != "b" else "c") + token[1:]
    wrong = Client(client.url.replace(token, other))
    assert wrong.page().status == 404
    assert wrong.seat().status == 404
    assert wrong.answer(seat, ALL).status == 404
    for path in ("/", "/r/", f"/r/{token}/other", f"/r/{token}/seat/x", f"/x/{token}/", f"/r/{token[:-1]}/"):
        assert client.request("GET", path).status == 404, path
        assert client.request("POST", path, b"{}").status == 404, path
    assert client.request("GET", f"/r/{token}/seat").status == 405
    assert stored(services, server.round.session_id) == before


def test_a_body_over_8_kb_is_413(services: Services, open_round: StartRound) -> None:
    server = open_round()
    client = Client(server.address.url)
    seat = answered_once(client)
    before = stored(services, server.round.session_id)
    big = json.dumps({"seat": seat, "ratings": {"1": 2}}).encode() + b" " * 8192
    assert len(big) > 8 * 1024
    assert client.request("POST", client.base + "answer", big).status == 413
    just = json.dumps({"seat": seat, "ratings": {"1": 2}}).encode()
    just += b" " * (8 * 1024 - len(just))
    # a body that says nothing of its length (chunked) is counted as it comes
    chunks = [b'{"seat": "' + seat.encode() + b'", "ratings": {"1": 2}}'] + [b" " * 1024] * 9
    assert client.request("POST", client.base + "answer", iter(chunks)).status == 413
    assert client.request("POST", client.base + "seat", b"[" * 9000).status == 413
    assert stored(services, server.round.session_id) == before
    assert client.request("POST", client.base + "answer", just).status == 200  # exactly 8 KB is allowed


MALFORMED: tuple[bytes, ...] = (
    b"{",
    b"not json",
    b"[]",
    b'"text"',
    b"\xff\xfe",
    b'{"seat": "S", "ratings": {"1": 0}}',
    b'{"seat": "S", "ratings": {"1": 11}}',
    b'{"seat": "S", "ratings": {"1": 7.5}}',
    b'{"seat": "S", "ratings": {"1": 7.0}}',
    b'{"seat": "S", "ratings": {"1": true}}',
    b'{"seat": "S", "ratings": {"1": "7"}}',
    b'{"seat": "S", "ratings": {"1": NaN}}',
    b'{"seat": "S", "ratings": {"1": -1}}',
    b'{"seat": "S", "ratings": {"10": 5}}',
    b'{"seat": "S", "ratings": {"0": 5}}',
    b'{"seat": "S", "ratings": {"01": 5}}',
    b'{"seat": "S", "ratings": {" 1": 5}}',
    b'{"seat": "S", "ratings": {"\xd9\xa1": 5}}',
    b'{"seat": "S", "ratings": {"5": 5}}',
    b'{"seat": "S", "ratings": {"1": 5, "1": 6}}',
    b'{"seat": "S", "ratings": [5]}',
    b'{"seat": "S"}',
    b'{"seat": 1, "ratings": {"1": 5}}',
    b'{"seat": "S", "ratings": {"1": 5}, "participant": "p1"}',
)
"""Bodies of an answer that are not JSON, not an object, have a value outside 1–10 (or not a whole number),
a scale not in the round (5 is not agreed; 10 and 0 are no scale), or members that do not belong."""


def test_malformed_json_or_a_bad_value_or_scale_is_422(services: Services, open_round: StartRound) -> None:
    sid = make_session(services, 2, parts=(1, 2, 3))  # scale 5 is not in this round
    client = Client(open_round(sid, limits=Limits(burst=100)).address.url)
    seat = answered_once(client)
    before = stored(services, sid)
    for body in MALFORMED:
        reply = client.request("POST", client.base + "answer", body.replace(b'"S"', json.dumps(seat).encode()))
        assert reply.status == 422, (body, reply.body)
        assert "error" in reply.json()
    for body in (b"{", b"[]", b'{"participant": "p1"}', b'{"other": 1}'):
        assert client.request("POST", client.base + "seat", body).status == 422, body
    assert stored(services, sid) == before


def test_an_unknown_seat_is_403(services: Services, open_round: StartRound) -> None:
    server = open_round()
    client = Client(server.address.url)
    seat = answered_once(client)
    before = stored(services, server.round.session_id)
    for other in ("", "x", seat[:-1], seat + "x", seat.upper() if seat.upper() != seat else seat.lower()):
        assert client.answer(other, {"1": 2}).status == 403
    assert stored(services, server.round.session_id) == before


def test_a_session_deleted_by_another_program_refuses_seats_and_answers_with_403(
    any_services: Services, database_url: str, tmp_path: Path
) -> None:
    """The round's session is deleted from another lardesk on the same database while phones are connected: a
    new phone asking for a seat, and a seated phone answering, are told the round is gone (403, as for a
    closed round), never a server error."""
    services = any_services
    sid = make_session(services, 3)
    server = start_round(services, sid, 1, "127.0.0.1", 0)
    other = Services.open(database_url, tmp_path / "elsewhere")
    try:
        client = Client(server.address.url)
        seat = seated(client)
        other.sessions.delete_session(sid)
        reply = client.seat()
        assert reply.status == 403 and reply.json() == {"error": "the session of this round was deleted"}
        assert client.answer(seat, {"1": 7}).status == 403
    finally:
        server.stop()
        other.close()


def test_a_pass_that_fails_half_way_still_tells_that_the_list_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list changes, and the pass that reads it cannot move the absent holder's answer: another program holds
    the database's write lock. The listener is still told the list changed (the next reading sees no change, so
    a change not told then would never be: the facilitator's screen would stay stale), and the next pass moves
    the answer and tells that."""
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 100)  # busy after 0.1 s, not 10 s
    path = tmp_path / "lardesk.sqlite"
    services = Services.open(f"sqlite:///{path}", tmp_path / "backups")
    try:
        sid = make_session(services, 3)
        told: list[Changes | None] = []
        round_ = PhoneRound(services, sid, listener=told.append)
        round_.answer(round_.take_seat(), {"1": 7})
        (holder,) = {row[0] for row in stored(services, sid)}
        services.sessions.update_participant(holder, present=False)
        told.clear()
        other = sqlite3.connect(path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # another program's write, under way
            with pytest.raises(StorageError):
                round_.follow_participants()
        finally:
            other.close()
        assert told == [Changes(Changed.PARTICIPANTS | Changed.RATINGS, sid)]
        assert {row[0] for row in stored(services, sid)} == {holder}  # nothing moved
        told.clear()
        moved = round_.follow_participants()
        (now,) = {row[0] for row in stored(services, sid)}
        assert now != holder and moved is not None and told == [Changes(moved.what, sid)]
        assert (round_.answered, round_.total) == (1, 2)
    finally:
        services.close()


def test_a_deleted_session_ends_the_rounds_reading_of_the_list(services: Services) -> None:
    """Once the round's session is deleted (from another program) the round stops reading the list, rather than
    failing, and logging it, every second for as long as the server runs."""
    sid = make_session(services, 3)
    app = RoundApp(PhoneRound(services, sid))
    try:
        services.sessions.delete_session(sid)
        asyncio.run(asyncio.wait_for(app.follow(0.01), 30))  # returns: it does not go on trying
    finally:
        app.close()


def test_when_every_seat_is_taken_it_is_409(services: Services, open_round: StartRound) -> None:
    server = open_round(people=2)
    client = Client(server.address.url)
    answered_once(client)
    seated(client)
    before = stored(services, server.round.session_id)
    reply = client.seat()
    assert reply.status == 409 and reply.json() == {"error": "all seats are taken"}
    assert stored(services, server.round.session_id) == before


def test_too_many_requests_from_one_address_is_429(services: Services, open_round: StartRound) -> None:
    server = open_round(limits=Limits(burst=6, per_second=0.001))
    client = Client(server.address.url)
    seat = answered_once(client)  # 2 requests
    before = stored(services, server.round.session_id)
    assert [client.page().status for _ in range(4)] == [200] * 4
    refused = client.answer(seat, {"1": 1})
    assert refused.status == 429 and refused.headers["retry-after"] == "30"
    assert client.seat().status == 429
    assert client.request("GET", "/r/guessing/").status == 429  # guessing tokens is throttled too
    assert stored(services, server.round.session_id) == before
    # another address (another phone) is not held up
    other = Client(server.address.url, source="127.0.0.2")
    assert other.answer(seat, {"1": 1}).status == 200


def test_silent_connections_are_closed_and_cannot_hold_every_place(services: Services, open_round: StartRound) -> None:
    """Someone on the network, without the token, opens connections and sends nothing (or half a request
    head): they are closed after the head deadline, so the phones are not turned away (503) for good."""
    # The deadline leaves a loaded machine time to ask for the page while the silent ones still hold every place
    # (at 0.5 s, a test process that got no CPU for 0.3 s found them closed already and its page served).
    server = open_round(limits=Limits(max_connections=3, head_timeout=3.0))
    client = Client(server.address.url)
    silent = [socket.create_connection(("127.0.0.1", server.port), timeout=30) for _ in range(3)]
    silent[0].sendall(b"GET /r/")  # half a request head
    try:
        time.sleep(0.2)
        assert client.page().status == 503  # every place is held (uvicorn's own limit)
        for sock in silent:
            assert sock.recv(4096) == b""  # closed by the server (within the 30 s socket timeout)
        assert client.page().status == 200
        seat = seated(client)
        assert client.answer(seat, {"1": 4}).status == 200  # a request being answered is not cut
    finally:
        for sock in silent:
            sock.close()


def test_the_rate_limiter_refills_and_forgets_the_oldest_address() -> None:
    now = [0.0]
    limiter = RateLimiter(Limits(burst=3, per_second=1.0, max_addresses=2), clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    now[0] = 1.0
    assert [limiter.allow("a") for _ in range(2)] == [True, False]
    assert limiter.allow("b") and limiter.allow("c")  # "a" is forgotten (the oldest): it starts full again
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]


# -- opening and closing -----------------------------------------------------------------------------------


def test_nothing_listens_once_the_round_is_closed(services: Services, open_round: StartRound) -> None:
    server = open_round()
    client = Client(server.address.url)
    seat = seated(client)
    server.stop()
    assert not server.running
    with pytest.raises(ConnectionRefusedError):
        client.page()
    assert server.round.closed and not server.round.matches(server.round.token)
    assert stored(services, server.round.session_id) == []
    # the round itself refuses too, should a request still be under way
    with pytest.raises(Exception, match="closed"):
        server.round.answer(seat, {"1": 5})
    assert [t.name for t in threading.enumerate() if t.name.startswith("lardesk-round")] == []


def test_a_port_in_use_is_bad_input(services: Services, open_round: StartRound) -> None:
    first = open_round()
    sid = first.round.session_id
    with pytest.raises(ListenError, match=r"cannot listen on 127\.0\.0\.1"):
        start_round(services, sid, 2, "127.0.0.1", first.port)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("127.0.0.1", "HOST:PORT"),
        (":8080", "HOST:PORT"),
        ("127.0.0.1:x", "HOST:PORT"),
        ("localhost:8080", "not an IP address"),
        ("0.0.0.0:8080", "every network"),
        ("[::]:8080", "every network"),
        ("127.0.0.1:70000", "not a port"),
    ],
)
def test_a_listen_address_is_one_address_of_this_computer(text: str, problem: str) -> None:
    with pytest.raises(ListenError, match=problem):
        parse_listen(text)


def test_listen_addresses_that_are_fine() -> None:
    assert parse_listen("127.0.0.1:0") == ("127.0.0.1", 0)
    assert parse_listen(" 192.168.1.20:8470 ") == ("192.168.1.20", 8470)
    assert parse_listen("[::1]:8470") == ("::1", 8470)


def test_a_body_cut_short_by_a_disconnect_stores_nothing(services: Services, open_round: StartRound) -> None:
    """A phone that promises more than it sends and goes away: its request is incomplete, so it is not taken,
    even if what arrived happens to be a whole JSON object."""
    server = open_round()
    client = Client(server.address.url)
    seat = answered_once(client)
    before = stored(services, server.round.session_id)
    body = json.dumps({"seat": seat, "ratings": {"1": 2, "2": 3}}).encode()
    head = (
        f"POST {client.base}answer HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body) + 100}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(head + body)
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(5)
        while sock.recv(4096):  # until the server closes its side
            pass
    time.sleep(0.2)  # a write, had one been started, has finished by now (it takes milliseconds)
    assert stored(services, server.round.session_id) == before
