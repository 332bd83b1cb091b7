"""The CI scripts: the PostgreSQL that .ci/postgres starts is reported as started and stops again (so .ci/test
can leave the machine as it found it); a running one is reused, not restarted."""

from __future__ import annotations

import glob
import os
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
    port = 54400 + os.getpid() % 500
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


def _status(folder: Path) -> str:
    (pg_ctl,) = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1:]
    command = [pg_ctl, "-D", str(folder), "status"]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout
