"""Without a screen, ``lardesk`` says so and exits with status 2 (issue 11, item 19) — Qt itself would abort
the process (SIGABRT, 134) blaming a library. Real processes, real environment variables."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from lardesk.display import display_problem

REPO = Path(__file__).resolve().parents[1]


def start_gui(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    environ.update(env, XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "lardesk", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=environ,
        timeout=60,
        check=False,
    )


def free_display() -> str:
    """A display number no X server uses (no socket file, nothing listening)."""
    for number in range(4100, 4200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            return f":{number}"
    pytest.skip("no free display number")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is checked on Linux")
def test_without_display_the_gui_exits_2_with_a_message(tmp_path: Path) -> None:
    done = start_gui(tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("lardesk: no display: the environment variable DISPLAY is not set")
    assert "Traceback" not in done.stderr and "xcb" not in done.stderr
    assert not (tmp_path / "data").exists()  # nothing was created on the way out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is checked on Linux")
def test_a_display_nobody_answers_at_exits_2_with_a_message(tmp_path: Path) -> None:
    display = free_display()
    done = start_gui(tmp_path, DISPLAY=display)
    assert done.returncode == 2, done.stderr
    assert f"lardesk: no display: nothing answers at DISPLAY='{display}'" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_check_asks_only_about_x11() -> None:
    assert display_problem({}, "win32") is None
    assert display_problem({}, "darwin") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "xcb"}, "linux") is not None  # xcb asked for, no DISPLAY
    assert display_problem({"DISPLAY": "not a display"}, "linux") is not None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is checked on Linux")
def test_a_listening_x_socket_counts_as_a_display(tmp_path: Path) -> None:
    """A server on a Unix socket, found the way an X client finds it (the socket file of display :N)."""
    from lardesk import display as module

    folder = tmp_path / "x"
    folder.mkdir()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(folder / "X7"))
        server.listen(1)
        assert module._x_server_answers(":7", folder)
        assert module._x_server_answers("unix:7.0", folder)
    assert not module._x_server_answers(":8", folder)
