"""Power-cut safety, made visible: an edit lardesk acknowledges must be on the disk, not only in the
operating system's cache. A SIGKILL cannot tell the two apart (the cache survives a killed process), so the
crash test alone would pass with ``synchronous=OFF``. Here a real lardesk process runs under ``strace`` and
every acknowledgement must come after an ``fdatasync``/``fsync`` of the database's ``-wal`` that followed
the previous acknowledgement. The same check run with ``synchronous=OFF`` or ``NORMAL`` (set by the child
itself, after lardesk's own settings) must find acknowledgements without one: the test can see the absence.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

CHILD = """
import datetime as dt, os, sys
from lardesk.services import NewSession, Services
services = Services.open(f"sqlite:///{sys.argv[1]}")
if sys.argv[2] != "lardesk":
    from sqlalchemy import event
    def weaken(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA synchronous={sys.argv[2]}")
    event.listen(services.database.engine, "connect", weaken)
    services.database.engine.dispose()
session = services.sessions.create_session(NewSession(organisation="Strömavbrott", date=dt.date(2026, 11, 25)))
os.write(1, b"BEGIN\\n")
for n in range(8):
    services.sessions.set_note(session.new_id, 1 + n % 9, 1, f"anteckning {n}")
    os.write(1, f"ACK {n}\\n".encode())
services.close()
"""
STRACE = ("strace", "-f", "-y", "-e", "trace=fsync,fdatasync,write")
SYNC = re.compile(r"\b(?:fsync|fdatasync)\(\d+<(?P<path>[^>]*)>\)\s*=\s*0")
ACK = re.compile(r'\bwrite\(1<[^>]*>, "ACK (?P<n>\d+)')
BEGIN = re.compile(r'\bwrite\(1<[^>]*>, "BEGIN')


def acknowledged_without_sync(database: Path, synchronous: str) -> tuple[int, list[int]]:
    """(acknowledgements seen, those with no flush of the -wal since the one before)."""
    log = database.with_name("strace.log")
    done = subprocess.run(
        [
            "strace",
            "-f",
            "-y",
            "-e",
            "trace=fsync,fdatasync,write",
            "-o",
            str(log),
            sys.executable,
            "-c",
            CHILD,
            str(database),
            synchronous,
        ],
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    wal = f"{database}-wal"
    started, synced, acks, missing = False, False, 0, []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if BEGIN.search(line):
            started, synced = True, False
        elif (match := SYNC.search(line)) and match["path"] == wal:
            synced = True
        elif started and (match := ACK.search(line)):
            acks += 1
            if not synced:
                missing.append(int(match["n"]))
            synced = False
    return acks, missing


@pytest.fixture(autouse=True)
def _strace() -> None:
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed (.ci/system-packages test installs it)")


def test_every_acknowledged_edit_was_flushed_to_the_disk_first(tmp_path: Path) -> None:
    acks, missing = acknowledged_without_sync(tmp_path / "lardesk.sqlite", "lardesk")
    assert acks == 8
    assert missing == []


@pytest.mark.parametrize("weaker", ["OFF", "NORMAL"])
def test_the_check_sees_a_weaker_synchronous_setting(tmp_path: Path, weaker: str) -> None:
    acks, missing = acknowledged_without_sync(tmp_path / "lardesk.sqlite", weaker)
    assert acks == 8
    assert len(missing) >= 7, f"with synchronous={weaker} the edits were acknowledged unflushed: {missing}"
