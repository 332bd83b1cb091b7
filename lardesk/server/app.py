"""The round's HTTP face: a small ASGI app (uvicorn parses HTTP; this only routes and answers).

Served, and nothing else::

    GET  /r/TOKEN/         the page
    POST /r/TOKEN/seat     {} (open mode: {"participant": KEY})  ->  {"seat": SEAT, "scales": [...]}
    POST /r/TOKEN/answer   {"seat": SEAT, "ratings": {"1": 7, "4": null}}  ->  {"saved": true}

Refused: a wrong token or any other path 404, a body over the limit 413, malformed JSON or a bad value 422,
an unknown seat 403, no free seat 409, too many requests from one address 429 (checked first, before the
token, so that guessing is throttled too). None of them changes a stored rating.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from lardesk.server import page
from lardesk.server.limits import DEFAULT_LIMITS, Limits, RateLimiter
from lardesk.server.round import BadAnswer, PhoneRound, RoundRefused
from lardesk.services import InputError, NotFound, StorageError

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

COMMON_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"cache-control", b"no-store"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


class TooLarge(Exception):
    pass


class ClientGone(Exception):
    """The client disconnected before its whole body arrived: the request is incomplete and is not taken."""


def _no_constants(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"{key!r} is given twice")
        result[key] = value
    return result


def parse_json(body: bytes) -> dict[str, Any]:
    """A JSON object from a request body; BadAnswer (422) for anything else."""
    try:
        value = json.loads(body.decode("utf-8"), parse_constant=_no_constants, object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise BadAnswer(f"the body is not JSON: {error}") from error
    if not isinstance(value, dict):
        raise BadAnswer("the body must be a JSON object")
    return value


class RoundApp:
    """The ASGI app of one round. Database writes run in one worker thread, so the event loop stays free."""

    def __init__(self, round_: PhoneRound, limits: Limits = DEFAULT_LIMITS) -> None:
        self.round = round_
        self.limits = limits
        self.limiter = RateLimiter(limits)
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lardesk-round-writer")

    def close(self) -> None:
        self.writer.shutdown(wait=True)

    async def follow(self, every: float) -> None:
        """While the server runs, every ``every`` seconds: the round reads who is present and its seats follow
        (PhoneRound.follow_participants, on the writer thread like every seat and answer), so that a list
        changed outside this program shows in "n av N" and on the facilitator's screen without waiting for a
        phone. Cancelled when the server stops."""
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(every)
            try:
                await loop.run_in_executor(self.writer, self.round.follow_participants)
            except NotFound as error:  # the session was deleted: nothing is left to follow (seats are refused)
                log.warning("the round stopped following the participants list: %s", error)
                return
            except (StorageError, InputError) as error:  # busy, or a limit: the next tick tries again
                log.warning("the round could not read the participants list: %s", error)
            except Exception:  # a fault must not pass silently, nor repeat every second: seat requests still follow
                log.exception("the round stopped following the participants list")
                return

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan is off and websockets are not served; nothing else is expected
            return
        client = scope.get("client")
        address = str(client[0]) if client else "?"
        if not self.limiter.allow(address):
            await self._json(send, 429, {"error": "too many requests from this address"}, retry=True)
            return
        parts = str(scope.get("path", "")).split("/")
        # ["", "r", TOKEN] or ["", "r", TOKEN, ""|"seat"|"answer"]
        if len(parts) not in (3, 4) or parts[:2] != ["", "r"] or not self.round.matches(parts[2]):
            await self._json(send, 404, {"error": "not found"})
            return
        action = parts[3] if len(parts) == 4 else ""
        method = scope.get("method", "")
        if action == "":
            if method != "GET":
                await self._json(send, 405, {"error": "only GET"}, allow=b"GET")
                return
            await self._page(send)
            return
        if action not in ("seat", "answer"):
            await self._json(send, 404, {"error": "not found"})
            return
        if method != "POST":
            await self._json(send, 405, {"error": "only POST"}, allow=b"POST")
            return
        try:
            body = await asyncio.wait_for(self._body(scope, receive), self.limits.body_timeout)
        except TooLarge:
            await self._json(send, 413, {"error": f"the body is larger than {self.limits.max_body} bytes"})
            return
        except TimeoutError:
            await self._json(send, 408, {"error": "the body took too long"})
            return
        except ClientGone:
            return  # nobody to answer, and a cut-short body must not be stored even if it parses
        try:
            request = {} if action == "seat" and not body.strip() else parse_json(body)
            loop = asyncio.get_running_loop()
            if action == "seat":
                unknown = set(request) - {"participant"}
                if unknown:
                    raise BadAnswer(f"unknown member {sorted(unknown)[0]!r}")
                seat = await loop.run_in_executor(self.writer, self.round.take_seat, request.get("participant"))
                scales = [{"scale": s.scale, "label": s.label, "question": s.question} for s in self.round.scales]
                await self._json(send, 200, {"seat": seat, "scales": scales})
                return
            unknown = set(request) - {"seat", "ratings"}
            if unknown:
                raise BadAnswer(f"unknown member {sorted(unknown)[0]!r}")
            await loop.run_in_executor(self.writer, self.round.answer, request.get("seat"), request.get("ratings"))
            await self._json(send, 200, {"saved": True})
        except RoundRefused as refused:
            await self._json(send, refused.status, {"error": refused.reason})
        except StorageError as error:  # the database could not take it (full disk, busy): nothing was stored
            log.warning("an answer from a phone could not be stored: %s", error)
            await self._json(send, 503, {"error": "the answer could not be stored; try again"}, retry=True)

    async def _body(self, scope: Scope, receive: Receive) -> bytes:
        limit = self.limits.max_body
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    if int(value) > limit:
                        raise TooLarge
                except ValueError:
                    pass  # uvicorn (h11) has already refused a malformed length
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise ClientGone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise TooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    async def _page(self, send: Send) -> None:
        try:  # in open mode the names still free are read from the database: not on the event loop
            body = await asyncio.get_running_loop().run_in_executor(self.writer, page.render, self.round)
        except StorageError as error:
            log.warning("the page of a round could not be made: %s", error)
            await self._json(send, 503, {"error": "the page could not be made; try again"}, retry=True)
            return
        headers = [
            (b"content-type", b"text/html; charset=utf-8"),
            (b"content-security-policy", page.parts().csp.encode("ascii")),
        ]
        await self._send(send, 200, body, headers)

    async def _json(
        self, send: Send, status: int, value: object, *, allow: bytes | None = None, retry: bool = False
    ) -> None:
        headers = [(b"content-type", b"application/json")]
        if allow is not None:
            headers.append((b"allow", allow))
        if retry:
            headers.append((b"retry-after", b"30"))
        await self._send(send, status, json.dumps(value, ensure_ascii=False).encode("utf-8"), headers)

    async def _send(self, send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
        all_headers = [*headers, *COMMON_HEADERS, (b"content-length", str(len(body)).encode("ascii"))]
        await send({"type": "http.response.start", "status": status, "headers": all_headers})
        await send({"type": "http.response.body", "body": body})
