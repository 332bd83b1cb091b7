"""The CI scripts: the PostgreSQL that .ci/postgres starts is reported as started and stops again (so .ci/test
can leave the machine as it found it); a running one is reused, not restarted."""

from __future__ import annotations

import glob
import os
import socket
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO


def postgres(*args: str, folder: Path, port: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(REPO / ".ci" / "postgres"), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "LARDESK_PG_DIR": str(folder), "LARDESK_PG_PORT": str(port)},
    )


def test_the_test_server_is_started_reused_and_stopped(tmp_path: Path) -> None:
    if not glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"):
        pytest.skip("PostgreSQL is not installed")
    folder = Path("/tmp") / f"lardesk-pg-ci-{os.getpid()}"  # the postgres user must reach it (not in root's tmp)
    port = _free_port()
    try:
        started = postgres(folder=folder, port=port)
        assert started.returncode == 0, started.stderr
        assert "export LARDESK_PG_STARTED=1" in started.stdout
        again = postgres(folder=folder, port=port)
        assert "LARDESK_PG_STARTED" not in again.stdout  # reused: whoever started it stops it
        stopped = postgres("stop", folder=folder, port=port)
        assert stopped.returncode == 0, stopped.stderr
        assert "no server running" in _status(folder)
    finally:
        if "server is running" in _status(folder):
            postgres("stop", folder=folder, port=port)
        subprocess.run(["rm", "-rf", str(folder)], check=False)


def _free_port() -> int:
    """A loopback port no socket holds, below Linux's ephemeral range: a port in that range can be taken by one of
    the suite's own client connections between this choice and the server's start (it happened on CI)."""
    low = 32768
    ranges = Path("/proc/sys/net/ipv4/ip_local_port_range")
    if ranges.exists():
        low = int(ranges.read_text().split()[0])
    for port in range(max(1024, low - 2000) + os.getpid() % 1000, low):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise AssertionError(f"no free loopback port below {low}")


def _status(folder: Path) -> str:
    (pg_ctl,) = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1:]
    command = [pg_ctl, "-D", str(folder), "status"]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


def test_every_dependency_is_pinned_in_the_constraints() -> None:
    """.ci/test installs with .ci/constraints.txt: every dependency of pyproject.toml (the app's, the extras',
    the tools') has an exact version there that its own requirement allows. After adding or changing one:
    install it and run ``bash .ci/freeze``."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
    from packaging.version import Version

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *(r for extra in project["optional-dependencies"].values() for r in extra)]
    pins: dict[str, Version] = {}
    for line in (REPO / ".ci" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            pins[canonicalize_name(name)] = Version(version.strip())
    missing, outside = [], []
    for text in wanted:
        requirement = Requirement(text)
        pinned = pins.get(canonicalize_name(requirement.name))
        if pinned is None:
            missing.append(text)
        elif not requirement.specifier.contains(pinned, prereleases=True):
            outside.append(f"{text} (pinned {pinned})")
    assert missing == [], "not pinned in .ci/constraints.txt (run bash .ci/freeze)"
    assert outside == [], "pinned outside what pyproject.toml allows (run bash .ci/freeze)"
    assert "pip" in pins
