"""``.ci/system-packages`` waits for another package manager instead of failing at once (issue 11, item 19).

The script runs for real (bash); only the programs it calls to change the system (apt-get, dpkg-query, sudo)
are stand-ins on PATH, since a test must not install packages. The stand-in apt-get answers as apt does
while unattended-upgrades holds the lock, a given number of times, then succeeds.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / ".ci" / "system-packages"
LOCKED = (
    "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (unattended-upgr)\n"
    "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?"
)


def stand_ins(folder: Path, busy_calls: int, failure: str = LOCKED) -> Path:
    folder.mkdir()
    calls = folder / "calls"
    programs = {
        "dpkg-query": "exit 1\n",  # every package missing
        "sudo": 'exec "$@"\n',
        "apt-get": (
            f'echo "$*" >> "{calls}"\n'
            f'n=$(wc -l < "{calls}")\n'
            f'if [ "$n" -le {busy_calls} ]; then printf "%s\\n" "{failure}" >&2; exit 100; fi\n'
            "exit 0\n"
        ),
    }
    for name, body in programs.items():
        path = folder / name
        path.write_text("#!/usr/bin/env bash\n" + body)
        path.chmod(0o755)
    return calls


def run_script(bin_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "LARDESK_APT_RETRY_SECONDS": "0", **env}
    return subprocess.run(
        ["bash", str(SCRIPT), "gui"], capture_output=True, text=True, env=environ, timeout=60, check=False
    )


@pytest.mark.skipif(not Path("/bin/bash").exists(), reason="needs bash")
def test_it_waits_while_another_package_manager_holds_the_lock(tmp_path: Path) -> None:
    calls = stand_ins(tmp_path / "bin", busy_calls=3)
    done = run_script(tmp_path / "bin")
    assert done.returncode == 0, done.stderr
    made = calls.read_text().splitlines()
    assert [line.split()[-2:] for line in made[:4]] == [["update", "-qq"]] * 4  # three refusals, then through
    assert "install" in made[4] and "libxcb-cursor0" in made[4]
    assert all("DPkg::Lock::Timeout=" in line for line in made)  # apt's own wait for the dpkg lock
    assert "waiting for it" in done.stderr


@pytest.mark.skipif(not Path("/bin/bash").exists(), reason="needs bash")
def test_it_gives_up_after_the_wait_and_on_other_errors(tmp_path: Path) -> None:
    calls = stand_ins(tmp_path / "bin", busy_calls=1000)
    done = run_script(tmp_path / "bin", LARDESK_APT_WAIT="3")
    assert done.returncode != 0
    assert len(calls.read_text().splitlines()) == 4  # waited 3 "seconds" (one per try with no pause), then failed
    assert "Could not get lock" in done.stderr

    calls = stand_ins(tmp_path / "bin2", busy_calls=1, failure="E: Unable to locate package libxcb-cursor0")
    done = run_script(tmp_path / "bin2")
    assert done.returncode != 0 and len(calls.read_text().splitlines()) == 1  # not a lock: no waiting
    assert "Unable to locate package" in done.stderr
