"""``lardesk rate`` in its own process, as a script runs it: the address on the first line of stdout, real
answers from a real HTTP client, and SIGINT or SIGTERM closing the round with how many answered."""

from __future__ import annotations

import os
import selectors
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lardesk.services import Services
from tests.server.phones import Client, make_session, stored

REPO = Path(__file__).resolve().parents[2]
WAIT = 30.0


def first_line(process: subprocess.Popen[str]) -> str:
    """The first line of the child's stdout, waiting at most WAIT seconds."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(WAIT):
            process.kill()
            pytest.fail(f"lardesk rate printed nothing within {WAIT} s")
    return process.stdout.readline().strip()


@pytest.fixture
def rate(sqlite_url: str) -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(WAIT)


def start(started: list[subprocess.Popen[str]], url: str, *args: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "lardesk", "--database", url, "rate", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    started.append(process)
    return process


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_round_from_the_terminal(
    services: Services, sqlite_url: str, rate: list[subprocess.Popen[str]], stop: signal.Signals
) -> None:
    sid = make_session(services, 3, parts=(2, 7))
    process = start(rate, sqlite_url, str(sid), "--listen", "127.0.0.1:0", "--round", "2")
    url = first_line(process)
    assert url.startswith("http://127.0.0.1:") and "/r/" in url and url.endswith("/")
    client = Client(url)
    assert client.page().status == 200
    first = client.seat().json()["seat"]
    second = client.seat().json()["seat"]
    assert client.answer(first, {"2": 8, "7": None, "9": 6}).status == 200
    assert client.answer(first, {"2": 9, "7": 3, "9": 6}).status == 200  # replaces the first
    assert client.answer(second, {"9": 1}).status == 200
    assert client.answer("no such seat", {"9": 1}).status == 403
    process.send_signal(stop)
    out, err = process.communicate(timeout=WAIT)
    assert process.returncode == 0, err
    assert out.strip().splitlines() == ["2 of 3 answered"]
    assert "Traceback" not in err
    values = sorted((scale, rnd, value) for _, scale, rnd, value in stored(services, sid))
    assert values == [(2, 2, 9), (7, 2, 3), (9, 2, 1), (9, 2, 6)]
    with pytest.raises(ConnectionRefusedError):  # nothing listens once the round is closed
        client.page()


def test_bad_input_exits_2_with_a_message(
    services: Services, sqlite_url: str, rate: list[subprocess.Popen[str]]
) -> None:
    sid = make_session(services, 1)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        cases = [
            ((str(sid), "--listen", "0.0.0.0:8470"), "every network"),
            ((str(sid), "--listen", "nowhere"), "HOST:PORT"),
            ((str(sid + 50), "--listen", "127.0.0.1:0"), "no session"),
            ((str(sid), "--listen", f"127.0.0.1:{port}"), "cannot listen on 127.0.0.1"),
            ((str(sid), "--listen", "127.0.0.1:0", "--round", "3"), "invalid choice"),
        ]
        for args, message in cases:
            process = start(rate, sqlite_url, *args)
            out, err = process.communicate(timeout=WAIT)
            assert process.returncode == 2, (args, err)
            assert message in err and "Traceback" not in err and out == "", (args, err)


def test_the_command_never_imports_qt(services: Services, sqlite_url: str, rate: list[subprocess.Popen[str]]) -> None:
    sid = make_session(services, 1)
    code = (
        "import sys\n"
        "import lardesk.cli\n"
        f"code = lardesk.cli.main(['--database', {sqlite_url!r}, 'rate', '{sid}', '--listen', '127.0.0.1:0'])\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-u", "-c", code], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    rate.append(process)
    # Ctrl+C once the round is served (a timer of 1 s fired before that on a loaded machine: the interrupt came
    # while the database was still opening, before the round's own handler was there)
    assert first_line(process).startswith("http://127.0.0.1:")
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=WAIT)
    lines = out.strip().splitlines()
    assert lines[-2:] == ["0 of 1 answered", "0 []"], err
