"""Running a round's server: uvicorn in its own thread, on one address the facilitator chose, until stopped."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import socket
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from lardesk.server.app import RoundApp
from lardesk.server.limits import DEFAULT_LIMITS, Limits
from lardesk.server.round import PhoneRound, RoundListener, grouped
from lardesk.services import InputError

if TYPE_CHECKING:
    from lardesk.services import Services

log = logging.getLogger(__name__)

START_TIMEOUT = 10.0
STOP_TIMEOUT = 10.0
FOLLOW_EVERY = 1.0
"""Seconds between two readings of who is present while a round is open (see RoundApp.follow): a list changed
outside this program (the command line, another computer on the same database) shows in "n av N" within about a
second, for one small query a second."""


class ListenError(InputError):
    """The address cannot be listened on (not an address of this computer, a port in use…)."""


def parse_listen(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[v6]:PORT`` for IPv6) → (host, port). The host is one address of this computer, not a
    wildcard (0.0.0.0, ::): a round is served on the one network the facilitator picked."""
    host, sep, port_text = text.strip().rpartition(":")
    if not sep or not host or not port_text.isdigit():
        raise ListenError("{listen!r}: write the address as HOST:PORT, e.g. 192.168.1.20:8470", listen=text)
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        address = ipaddress.ip_address(host)
    except ValueError as error:
        raise ListenError("{host!r} is not an IP address (such as 192.168.1.20 or 127.0.0.1)", host=host) from error
    if address.is_unspecified:
        raise ListenError(
            "{host} means every network of this computer: give the address of the one network to serve", host=host
        )
    port = int(port_text)
    if not 0 <= port <= 65535:
        raise ListenError("{port} is not a port number (0–65535)", port=port)
    return str(address), port


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@dataclass(frozen=True, slots=True)
class Address:
    host: str
    port: int
    token: str

    @property
    def url(self) -> str:
        """What the phones open (and the QR code holds)."""
        return f"http://{url_host(self.host)}:{self.port}/r/{self.token}/"

    @property
    def short(self) -> str:
        """The same address to type by hand: without ``http://``, the token in groups of four."""
        return f"{url_host(self.host)}:{self.port}/r/{grouped(self.token)}"


def _protocol(head_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a deadline for each request head: a connection that has sent no whole
    request head ``head_timeout`` seconds after it opened (or after its last answer) is closed."""

    class HeadDeadline(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            self._disarm()
            if not self.transport.is_closing():
                self._deadline = self.loop.call_later(head_timeout, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            self._deadline = None
            waiting = self.cycle is None or self.cycle.response_complete  # no request being answered
            if waiting and not self.transport.is_closing():
                self.transport.close()

    return HeadDeadline


class RoundServer:
    """Serves one :class:`PhoneRound` on (host, port) with uvicorn in a thread, from start() to stop()."""

    def __init__(
        self,
        round_: PhoneRound,
        host: str,
        port: int = 0,
        limits: Limits = DEFAULT_LIMITS,
        follow_every: float = FOLLOW_EVERY,
    ) -> None:
        self.round = round_
        self.host, self.port = host, port
        self.follow_every = follow_every
        self.app = RoundApp(round_, limits)
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> Address:
        return Address(self.host, self.port, self.round.token)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> Address:
        """Bind (here, so that a port in use is reported at once), then serve in a new thread."""
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        try:
            sock = socket.create_server((self.host, self.port), family=family, backlog=128)
        except OSError as error:
            raise ListenError(
                "cannot listen on {host}:{port}: {reason}",
                host=url_host(self.host),
                port=self.port,
                reason=error.strerror or str(error),
            ) from error
        self.port = sock.getsockname()[1]
        self._socket = sock
        limits = self.app.limits
        config = uvicorn.Config(
            self.app,
            http=_protocol(limits.head_timeout),
            loop="asyncio",
            ws="none",
            lifespan="off",
            interface="asgi3",
            log_config=None,
            access_log=False,
            server_header=False,
            limit_concurrency=limits.max_connections,
            timeout_keep_alive=5,
            timeout_graceful_shutdown=3,
            h11_max_incomplete_event_size=16 * 1024,
        )
        server = uvicorn.Server(config)
        self._server = server
        args = (server, sock, self.app, self.follow_every)
        thread = threading.Thread(target=self._serve, args=args, name="lardesk-round-server", daemon=True)
        self._thread = thread
        thread.start()
        started = threading.Event()
        for _ in range(int(START_TIMEOUT / 0.01)):  # bounded: 10 s
            if server.started or not thread.is_alive():
                break
            started.wait(0.01)
        if not server.started:
            self.stop()
            raise ListenError("the server for the round did not start on {host}:{port}", host=self.host, port=self.port)
        return self.address

    @staticmethod
    def _serve(server: uvicorn.Server, sock: socket.socket, app: RoundApp, follow_every: float) -> None:
        """uvicorn's loop (as ``server.run`` makes it), with the round following the participants list beside it."""

        async def serve_and_follow() -> None:
            follower = asyncio.create_task(app.follow(follow_every))
            try:
                await server.serve(sockets=[sock])
            finally:
                follower.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await follower

        try:
            with asyncio.Runner(loop_factory=server.config.get_loop_factory()) as runner:
                runner.run(serve_and_follow())
        except BaseException:  # a crash here must not pass silently: the round would look open
            log.exception("the round's server stopped unexpectedly")

    def stop(self) -> None:
        """Close the round (no seat, no answer after this), stop listening and wait for the thread."""
        self.round.close()
        server, thread = self._server, self._thread
        if server is not None:
            server.should_exit = True
        if thread is not None and thread is not threading.current_thread():
            thread.join(STOP_TIMEOUT)
            if thread.is_alive() and server is not None:
                server.force_exit = True
                thread.join(STOP_TIMEOUT)
        if self._socket is not None:
            self._socket.close()
        self.app.close()
        self._server = None
        self._thread = None


def start_round(
    services: Services,
    session_id: int,
    round_: int,
    host: str,
    port: int = 0,
    *,
    listener: RoundListener | None = None,
    limits: Limits = DEFAULT_LIMITS,
    follow_every: float = FOLLOW_EVERY,
) -> RoundServer:
    """Open a round of ``session_id`` and serve it on ``host:port`` (port 0: any free port)."""
    phone_round = PhoneRound(services, session_id, round_, listener)
    server = RoundServer(phone_round, host, port, limits, follow_every)
    server.start()
    return server
