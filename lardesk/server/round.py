"""One rating round from phones: its token, its seats and its answers. No HTTP here (see lardesk.server.http).

A *seat* is one participant of the session who has not rated this round yet. A phone takes a seat (in
anonymous and roles mode the round picks a free participant at random and never tells the phone who it is; in
open mode the phone picks a name) and gets back an opaque seat id; its answer is written through the ratings
service, as any edit is, and a second answer from the same seat replaces the first.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lardesk.method.guide import SCALE_MAX, SCALE_MIN, Guide, GuideError, load_guide
from lardesk.method.snapshot import Anonymity
from lardesk.services import Changed, Changes, InputError, NotFound

if TYPE_CHECKING:
    from lardesk.services import Services

TOKEN_BITS = 140
"""The round's token: 28 base32 letters and digits, 140 random bits (at least 128, as the contract says), shown
in seven groups of four."""
TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"
"""Base32 (RFC 4648) in lower case: no 0/O or 1/l to mix up."""
SEAT_BYTES = 16
ROUNDS = (1, 2)
"""The rounds a phone round can collect: the personal assessment and the round after the discussion."""

RoundListener = Callable[["Changes | None"], None]
"""Told (from the server's thread) after a seat is taken (None) and after an answer is stored (its Changes)."""


class RoundRefused(Exception):
    """A request the round refuses; ``status`` is its HTTP status. Nothing was stored."""

    status = 400

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UnknownSeat(RoundRefused):
    status = 403


class NoFreeSeat(RoundRefused):
    status = 409


class BadAnswer(RoundRefused):
    status = 422


def new_token() -> str:
    """A fresh random token: lower-case base32 (a–z, 2–7), easy to read aloud and to type."""
    bits = secrets.randbits(TOKEN_BITS)
    return "".join(TOKEN_ALPHABET[(bits >> (5 * i)) & 31] for i in range(TOKEN_BITS // 5))


def normalize_token(text: str) -> str:
    """A token as typed: case and the dashes of the grouped form do not matter."""
    return text.replace("-", "").lower()


def grouped(token: str, size: int = 4) -> str:
    """The token in groups (``abcd-efgh-…``), for the address shown on the projector."""
    return "-".join(token[i : i + size] for i in range(0, len(token), size))


@dataclass(frozen=True, slots=True)
class RoundScale:
    scale: int
    label: str
    question: str


@dataclass(frozen=True, slots=True)
class Choice:
    """In open mode, a participant a phone may choose: its key (sent back) and how it is named."""

    key: str
    name: str


def _guide(language: str) -> Guide:
    try:
        return load_guide(language)
    except (GuideError, OSError, KeyError):
        return load_guide("sv")


class PhoneRound:
    """One open round of one session. Thread-safe: the server calls it from its own threads."""

    def __init__(
        self, services: Services, session_id: int, round_: int = 1, listener: RoundListener | None = None
    ) -> None:
        if type(round_) is not int or round_ not in ROUNDS:
            raise InputError("a round from phones is round 1 or 2, not {round!r}", round=round_)
        snapshot = services.sessions.snapshot(session_id, with_previous=False)  # NotFound for an unknown session
        info = snapshot.session
        self.services = services
        self.session_id = session_id
        self.round = round_
        self.language = info.language if info.language in ("sv", "en") else "sv"
        self.guide = _guide(self.language)
        self.organisation = info.organisation.display_name
        self.open_mode = info.anonymity is Anonymity.OPEN
        self.scales = tuple(
            RoundScale(s, self.guide.scale(s).label, self.guide.scale(s).question) for s in info.agreed_sections
        )
        rated = {rating.participant_id for rating in snapshot.ratings_in(round_)}
        self._rated_before = frozenset(rated)
        """Rated before the round opened (typed in): never a seat, whatever happens to the list later."""
        free = [p for p in snapshot.present if p.id not in rated]
        if not free:
            raise InputError(
                "every participant present has already rated round {round}: no seat is left for a phone",
                round=round_,
            )
        self._present = snapshot.present
        self._list_untold = False
        """The list read changed and the listener has not been told yet (kept until told, so that a pass that
        fails half-way, on a busy database, does not lose it: the next reading would see no change)."""
        self._moves_untold = Changed.NONE
        """What answers moved (committed) changed, not told yet."""
        self._free = {p.id: p for p in free}
        self._order = [p.id for p in free]
        self._by_key = {p.key: p.id for p in free}
        self.total = len(free)
        self.token = new_token()
        self._seats: dict[str, int] = {}
        self._answered: set[str] = set()
        self._answers: dict[str, dict[int, int | None]] = {}
        """Each seat's last answer as sent: stored again if its participant is removed (see follow_participants)."""
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._listener = listener
        self.closed = False

    # -- what the room and the page see ---------------------------------------------------------------
    def matches(self, text: str) -> bool:
        """Whether ``text`` (from the address) is this round's token; compared in constant time."""
        candidate = normalize_token(text).encode("ascii", "replace")
        return not self.closed and hmac.compare_digest(candidate, self.token.encode("ascii"))

    @property
    def answered(self) -> int:
        """How many seats of participants present have an answer stored (N is :attr:`total`)."""
        with self._lock:
            return sum(1 for seat in self._answered if self._seats.get(seat) in self._free)

    @property
    def seated(self) -> int:
        with self._lock:
            return len(self._seats)

    def choices(self) -> tuple[Choice, ...]:
        """Open mode only: the participants still free, in the session's order, by name."""
        if not self.open_mode:
            return ()
        typed = self._rated_elsewhere()
        with self._lock:
            taken = set(self._seats.values()) | typed
            return tuple(
                Choice(self._free[pid].key, self._free[pid].label(show_names=True))
                for pid in self._order
                if pid not in taken
            )

    def close(self) -> None:
        """No seat and no answer after this (the server stops too)."""
        self.closed = True

    def follow_participants(self, *, known: bool = False) -> Changes | None:
        """The participants list changed while the round is open (here, from the command line, or on another
        computer on the same database): the seats follow.

        A participant added or marked present is a free seat (and counts in N); one marked absent or removed
        is not. In anonymous and roles mode a seat whose participant is no longer present moves to a free
        participant (the phone never knew whom it had), and an answer it already gave moves with it, so the
        answer of a person in the room is never left with someone absent, where it would not count; with no
        free participant left the seat is given up (the phone is told to start again) and its answer stays.
        In open mode a seat is its person: marked absent, their answer stays theirs and does not count.
        A participant removed takes their stored ratings along; an anonymous answer that was stored for them is
        then stored again, as the phone last sent it, for the seat's new participant (nobody knew whose it was).
        Which participant is free is decided in the transaction that moves the answer (see
        :meth:`RatingService.move_answer_to_free`): a paper form typed in at that instant is never overwritten
        and never makes the move fail.

        The listener is told of answers moved and, unless ``known`` (the caller's own edit changed the list, and
        it is on the change bus already), of a change of the list. Returns the Changes of the answers moved."""
        try:
            with self._write_lock:  # no answer is stored while seats move, and the latest list is the one applied
                if self.closed:  # closed: nothing moves any more (a late seat request must not move an answer)
                    return None
                moved = self._follow()
        finally:  # also when the pass failed half-way: what it read and moved is told
            self._tell_followed(known=known)
        return moved

    def _follow(self) -> Changes | None:
        """follow_participants under the write lock: the Changes of the answers moved. What it changed is also
        kept to be told (``_untold``)."""
        self._read_list()
        with self._lock:
            gone = [seat for seat, pid in self._seats.items() if pid not in self._free]
        if self.open_mode or not gone:
            return None
        moved: Changes | None = None
        rated: frozenset[int] | None = None
        for seat in gone:
            with self._lock:
                old = self._seats[seat]
                answered = seat in self._answered
                exclude = self._others(seat)
            chosen: int | None
            if answered:
                chosen, changes = self._move(seat, old, exclude)
                if changes is not None:
                    moved = changes
                    with self._lock:
                        self._moves_untold |= changes.what
            else:  # no answer to move: its first answer checks again, in its own transaction
                if rated is None:
                    rated = self.services.ratings.rated_in_round(self.session_id, self.round)
                with self._lock:
                    spare = [pid for pid in self._order if pid not in exclude and pid not in rated]
                chosen = secrets.choice(spare) if spare else None
            with self._lock:
                if chosen is None:
                    del self._seats[seat]
                    self._answered.discard(seat)
                    self._answers.pop(seat, None)
                else:
                    self._seats[seat] = chosen
        with self._lock:
            newer = any(pid not in self._free for pid in self._seats.values())
        if newer:  # moved to someone marked present after the list was read: read it again, so that N counts them
            self._read_list()
        return moved

    def _read_list(self) -> None:
        """Read who is present (cheap: the participants alone); a change since the last reading is to be told."""
        present = self.services.sessions.present_participants(self.session_id)
        free = [p for p in present if p.id not in self._rated_before]
        with self._lock:
            changed = present != self._present
            self._present = present
            self._free = {p.id: p for p in free}
            self._order = [p.id for p in free]
            self._by_key = {p.key: p.id for p in free}
            self.total = len(free)
            self._list_untold = self._list_untold or changed

    def _others(self, seat: str) -> set[int]:
        """Never free for ``seat``: the participants of the other seats, and those rated before the round opened.
        Called with ``_lock`` held."""
        return {pid for other, pid in self._seats.items() if other != seat} | self._rated_before

    def _move(self, seat: str, old: int, exclude: set[int]) -> tuple[int | None, Changes | None]:
        """A seat's stored answer to a participant free now (decided in the transaction that moves it): that
        participant and the Changes, or (None, None) when nobody is free."""
        ratings = self.services.ratings
        try:
            placed = ratings.move_answer_to_free(old, self.round, exclude=exclude, choose=secrets.choice)
        except NotFound:  # removed, with the ratings: the phone's answer is stored again, as it was sent
            with self._lock:
                values = self._answers.get(seat)
            if values is None:
                return None, None
            scales = [s.scale for s in self.scales]
            placed = ratings.store_for_free(self.session_id, values, self.round, scales, exclude=exclude)
        return placed.participant_id, placed.changes

    def _tell_followed(self, *, known: bool = False) -> None:
        """Tell the listener what following the list changed and it was not told yet. ``known``: the caller's own
        edit changed the list and is on the change bus already; only answers moved are told."""
        with self._lock:
            what, listed = self._moves_untold, self._list_untold
            self._moves_untold, self._list_untold = Changed.NONE, False
        if listed and not known:  # another program changed the list: the grid and "n av N" read it again
            what |= Changed.PARTICIPANTS | Changed.RATINGS
        if what:
            self._tell(Changes(what, self.session_id))

    # -- the two calls --------------------------------------------------------------------------------
    def take_seat(self, participant: object = None) -> str:
        """A new seat: in open mode ``participant`` is the chosen participant's key; otherwise it must be
        absent and a free participant is taken at random (the phone is never told whom). A participant whose
        ratings of the round were typed in since the round opened (a paper form) is no longer free."""
        try:
            with self._write_lock:
                seat = self._seat(participant)
        finally:  # what following the list changed is told, also when no seat is given
            self._tell_followed()
        self._tell(None)
        return seat

    def _seat(self, participant: object) -> str:
        """take_seat under the write lock: the seats follow the list, then a free participant is seated."""
        if self.closed:
            raise UnknownSeat("the round is closed")
        try:
            self._follow()
            typed = self._rated_elsewhere()
        except NotFound as error:  # the session was deleted (from another program) while the round was open
            raise UnknownSeat("the session of this round was deleted") from error
        with self._lock:
            taken = set(self._seats.values()) | typed
            if self.open_mode:
                if not isinstance(participant, str) or participant not in self._by_key:
                    raise BadAnswer("open mode: 'participant' must be the key of a participant of the round")
                chosen = self._by_key[participant]
                if chosen in taken:
                    raise NoFreeSeat("that participant already has a seat")
            else:
                if participant is not None:
                    raise BadAnswer("a participant is chosen only in open mode")
                free = [pid for pid in self._order if pid not in taken]
                if not free:
                    raise NoFreeSeat("all seats are taken")
                chosen = secrets.choice(free)
            seat = secrets.token_urlsafe(SEAT_BYTES)
            self._seats[seat] = chosen
        return seat

    def answer(self, seat: object, ratings: object) -> Changes:
        """Store a seat's answer (``{"1": 7, "4": null, …}``), replacing its earlier one."""
        if not isinstance(seat, str):
            raise BadAnswer("'seat' must be the text the seat call returned")
        values = self.parse_ratings(ratings)
        scales = [s.scale for s in self.scales]
        with self._write_lock:  # one answer at a time: the last one accepted is the one stored
            with self._lock:
                if self.closed:
                    raise UnknownSeat("the round is closed")
                participant_id = self._seats.get(seat)
                first = seat not in self._answered
                exclude = self._others(seat)
            if participant_id is None:
                raise UnknownSeat("there is no such seat in this round")
            try:
                if first:
                    participant_id, changes = self._first_answer(participant_id, values, scales, exclude)
                else:
                    changes = self.services.ratings.replace_ratings(participant_id, values, self.round, scales)
            except NotFound as error:  # the participant (or the session) was removed while the round was open
                raise UnknownSeat(str(error)) from error
            except InputError as error:
                raise BadAnswer(str(error)) from error
            with self._lock:
                self._seats[seat] = participant_id
                self._answered.add(seat)
                self._answers[seat] = values
        self._tell(changes)
        return changes

    def _first_answer(
        self, participant_id: int, values: dict[int, int | None], scales: list[int], exclude: set[int]
    ) -> tuple[int, Changes]:
        """A seat's first answer, stored for its participant unless that participant's form was typed in (or, in
        anonymous and roles mode, they were marked absent) since the seat was taken. Then, in anonymous and roles
        mode the answer goes to another free participant (the phone never knew whom it had); in open mode, or
        with none left, NoFreeSeat. Decided in the transaction that stores it: typed values are never replaced."""
        ratings = self.services.ratings
        if self.open_mode:
            placed = ratings.store_for_free(
                self.session_id, values, self.round, scales, among={participant_id}, present_only=False
            )
            if placed.participant_id is None or placed.changes is None:
                raise NoFreeSeat("that participant's ratings were entered by the facilitator meanwhile")
        else:
            placed = ratings.store_for_free(
                self.session_id, values, self.round, scales, prefer=participant_id, exclude=exclude
            )
            if placed.participant_id is None or placed.changes is None:
                raise NoFreeSeat("all seats are taken")
        return placed.participant_id, placed.changes

    def _rated_elsewhere(self) -> set[int]:
        """Free participants of the round who have ratings of it stored now that no seat of this round gave."""
        rated = self.services.ratings.rated_in_round(self.session_id, self.round)
        with self._lock:
            seated = set(self._seats.values())
        return {pid for pid in rated if pid in self._free and pid not in seated}

    def parse_ratings(self, ratings: object) -> dict[int, int | None]:
        """``{"1": 7, "4": null}`` → ``{1: 7, 4: None}``; BadAnswer for anything else."""
        if not isinstance(ratings, Mapping):
            raise BadAnswer("'ratings' must be an object: scale number → value 1–10 or null")
        numbers = {s.scale for s in self.scales}
        values: dict[int, int | None] = {}
        for key, value in ratings.items():
            if not isinstance(key, str) or not key.isdigit() or not key.isascii() or str(int(key)) != key:
                raise BadAnswer(f"{key!r} is not a scale number")
            scale = int(key)
            if scale not in numbers:
                raise BadAnswer(f"scale {scale} is not in this round")
            if value is not None and (type(value) is not int or not SCALE_MIN <= value <= SCALE_MAX):
                raise BadAnswer(f"scale {scale}: a value is a whole number from {SCALE_MIN} to {SCALE_MAX} or null")
            values[scale] = value
        return values

    def _tell(self, changes: Changes | None) -> None:
        if self._listener is not None:
            self._listener(changes)
