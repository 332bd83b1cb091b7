"""Two lardesk processes on one database (two windows, or the GUI and the command line) both work safely:
no edit is refused or lost, keys stay unique, and the file stays sound.

Real processes write at the same moments into the same session (the same kind of item, so both compute "the
next key" at once; the same note; the same ratings) while a third one reads snapshots. On SQLite a writer
begins IMMEDIATE and waits up to the busy timeout; on PostgreSQL the row locks and constraints do the same.
A second test runs two command-line imports at once.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import random
import sqlite3
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from lardesk.services import NewParticipant, NewSession, Services

EDITS = int(os.environ.get("LARDESK_CONCURRENT_EDITS", "60"))
REPO = Path(__file__).resolve().parents[2]


def writer(url: str, session_id: int, participants: list[int], name: str, start: Any, report: str) -> None:  # noqa: PLR0917
    try:
        services = Services.open(url)
        start.wait(120)  # all three begin together, each with its database open
        keys = []
        for i in range(EDITS):
            changes = services.logic.add_item(session_id, "activity", f"{name} {i}")
            assert changes.new_id is not None
            keys.append(str(changes.new_id))
            services.sessions.set_note(session_id, 1, 1, f"{name} {i}")
            services.ratings.set_rating(participants[i % len(participants)], 1 + i % 9, 1 + i % 10)
            time.sleep(random.uniform(0, 0.004))  # people type: the other process gets its turn now and then
        services.close()
        Path(report).write_text(" ".join(keys))
    except BaseException:
        Path(report).write_text("FAILED\n" + traceback.format_exc())
        raise


def reader(url: str, session_id: int, start: Any, stop: Any, report: str) -> None:
    try:
        services = Services.open(url)
        start.wait(120)  # all three begin together, each with its database open
        reads = 0
        while not stop.is_set():
            snapshot = services.sessions.snapshot(session_id)
            assert len({item.key for item in snapshot.items}) == len(snapshot.items)
            reads += 1
        services.close()
        Path(report).write_text(str(reads))
    except BaseException:
        Path(report).write_text("FAILED\n" + traceback.format_exc())
        raise


def _session(url: str, directory: Path) -> tuple[int, list[int]]:
    services = Services.open(url, directory / "backups")
    try:
        changes = services.sessions.create_session(
            NewSession(
                organisation="Samtidiga kommunen",
                date=dt.date(2026, 11, 25),
                participants=tuple(NewParticipant(role=f"roll {n}") for n in range(5)),
            )
        )
        assert changes.new_id is not None
        return changes.new_id, [p.id for p in services.sessions.snapshot(changes.new_id).participants]
    finally:
        services.close()


def test_two_processes_write_at_once_without_losing_anything(database_url: str, tmp_path: Path) -> None:
    session_id, participants = _session(database_url, tmp_path)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["lardesk.services", __name__])
    # The reader starts reading as the writers start writing: with an event the test set at once, a reader whose
    # database took longer to open than the writers' edits on a loaded machine read nothing before the stop.
    start, stop = context.Barrier(3), context.Event()
    reports = [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "reader.txt"]
    writers = [
        context.Process(target=writer, args=(database_url, session_id, participants, name, start, str(report)))
        for name, report in zip(("A", "B"), reports, strict=False)
    ]
    looker = context.Process(target=reader, args=(database_url, session_id, start, stop, str(reports[2])))
    for process in (*writers, looker):
        process.start()
    for process in writers:
        process.join(120)
    stop.set()
    looker.join(60)
    texts = [report.read_text() for report in reports]
    for text_ in texts:
        assert not text_.startswith("FAILED"), text_
    assert [p.exitcode for p in (*writers, looker)] == [0, 0, 0]
    services = Services.open(database_url)
    try:
        snapshot = services.sessions.snapshot(session_id)
    finally:
        services.close()
    made = {int(i) for text_ in texts[:2] for i in text_.split()}
    assert len(made) == 2 * EDITS
    assert {item.id for item in snapshot.items} == made
    assert len({item.key for item in snapshot.items}) == 2 * EDITS
    assert sorted(item.text for item in snapshot.items) == sorted(f"{n} {i}" for n in "AB" for i in range(EDITS))
    assert snapshot.notes[0].text in (f"A {EDITS - 1}", f"B {EDITS - 1}")
    assert int(texts[2]) > 0
    if database_url.startswith("sqlite"):
        connection = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            connection.close()


def test_two_command_lines_import_at_once(tmp_path: Path, example_bytes: bytes) -> None:
    data_dir = tmp_path / "data"
    example = tmp_path / "example.json"
    example.write_bytes(example_bytes)
    command = [sys.executable, "-m", "lardesk", "--data-dir", str(data_dir)]
    assert subprocess.run([*command, "demo"], capture_output=True, check=False, cwd=REPO).returncode == 0
    runs = [
        subprocess.Popen(
            [*command, "import", str(example)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO
        )
        for _ in range(2)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    ids = {int(out) for out, _ in results}
    assert len(ids) == 2
    listing = subprocess.run([*command, "sessions", "--json"], capture_output=True, text=True, check=True, cwd=REPO)
    assert ids <= {s["id"] for o in json.loads(listing.stdout) for s in o["sessions"]}
