"""Is there a screen to open a window on? Asked before Qt is started, because Qt's answer to "no" is to abort
the process (SIGABRT, exit status 134) with a message about platform plugins and ``xcb-cursor0``.

Only the X11 platform (Qt's default on Linux) is checked: Windows and macOS always have a display, and a
platform chosen by ``QT_QPA_PLATFORM`` other than xcb (offscreen, wayland, vnc …) is Qt's own business.
Standard library only, and cheap (one socket connect, one ``dlopen``): it runs at every start of the GUI.
"""

from __future__ import annotations

import ctypes
import os
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

X_SOCKETS = Path("/tmp/.X11-unix")
XCB_CURSOR = "libxcb-cursor.so.0"
"""Since Qt 6.5 the xcb platform plugin will not load without it (Debian: libxcb-cursor0)."""


def _x_server_answers(display: str, sockets: Path = X_SOCKETS) -> bool:
    """True when an X server listens at ``display`` (``:0``, ``unix:1``, ``localhost:10.0``)."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not number.isdigit():
        return False
    if host in ("", "unix") or host.startswith("/"):
        path = Path(host) if host.startswith("/") else sockets / f"X{number}"
        names: list[str | bytes] = [b"\0" + str(path).encode(), str(path)]  # Linux's abstract socket first
        for name in names:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.settimeout(1.0)
                try:
                    probe.connect(name)
                except OSError:
                    continue
                return True
        return False
    try:
        socket.create_connection((host, 6000 + int(number)), timeout=1.0).close()
    except OSError:
        return False
    return True


def _library_loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def display_problem(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why the GUI cannot open a window here (an English sentence starting "no display:" or naming what is
    missing), or None when it can (or when it is not ours to know)."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    requested = environ.get("QT_QPA_PLATFORM", "").split(";", 1)[0].split(":", 1)[0].strip()
    if requested and requested != "xcb":
        return None
    display = environ.get("DISPLAY", "")
    if not display:
        if not requested and environ.get("WAYLAND_DISPLAY"):
            return None  # a Wayland session: Qt chooses its way in
        return (
            "no display: the environment variable DISPLAY is not set, so there is no screen to open the window on. "
            "Start lardesk from a desktop session (or over 'ssh -X'); from a terminal, the command line works "
            "without a display ('lardesk --help')."
        )
    if not _x_server_answers(display):
        return (
            f"no display: nothing answers at DISPLAY={display!r} (no X server is running there). "
            "Start lardesk from a desktop session, or check the DISPLAY variable."
        )
    if not _library_loads(XCB_CURSOR):
        return (
            f"the window system library {XCB_CURSOR} is missing, which Qt needs to open a window: install it "
            "(Debian/Ubuntu: 'sudo apt-get install libxcb-cursor0', or 'bash .ci/system-packages gui')."
        )
    return None


__all__ = ["display_problem"]
