"""``lardesk rate SESSION --listen HOST:PORT [--round N]``: a rating round from phones, from a terminal.

Prints the participants' address (with its token) as the first line of stdout, serves until SIGINT or SIGTERM,
then closes the round and prints how many answered. Registered with :func:`lardesk.cli.command`; it never
imports Qt.
"""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType
from typing import TextIO

from lardesk.cli import EXIT_OK, command, session_id
from lardesk.services import Services

WAIT_STEP = 0.5
"""Seconds between looks at the stop flag (signals are handled in between, on every platform)."""


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", type=session_id, help="the session's id")
    parser.add_argument(
        "--listen",
        required=True,
        metavar="HOST:PORT",
        help="the address of this computer on the room's network (port 0: any free port), e.g. 192.168.1.20:8470",
    )
    parser.add_argument("--round", type=int, default=1, dest="round_", choices=(1, 2), help="the round (default 1)")


@command("rate", "serve a rating round to the participants' phones until Ctrl+C; print the address", _configure)
def _rate(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from lardesk.server.runner import parse_listen, start_round  # uvicorn loads only when a round starts

    host, port = parse_listen(args.listen)
    stop = threading.Event()

    def on_signal(_number: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server = start_round(services, args.session, args.round_, host, port)
        try:
            out.write(server.address.url + "\n")
            out.flush()
            while not stop.wait(WAIT_STEP):
                pass
        finally:
            server.stop()
        phone_round = server.round
        out.write(f"{phone_round.answered} of {phone_round.total} answered\n")
        out.flush()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return EXIT_OK
