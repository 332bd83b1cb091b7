"""Crash safety: a real lardesk process makes edits through the services and is killed with SIGKILL at
random moments; every edit it acknowledged must be there afterwards, and the file must be sound.

The child writes an *intent* line before each service call and an *ack* line after the call returned (that
is: after the commit). The parent kills it at a random moment — three times in ten while it starts and opens
the database (with its daily backup), otherwise a random 0–250 ms after it is ready, in the middle of its
edits — and starts the next one on the same file. Finally it checks, with a fresh engine:

- ``PRAGMA integrity_check`` is ok and lardesk opens the file normally;
- every acknowledged new item is there, and nothing that was never attempted;
- every note and rating that was changed over and over holds the value of its last acknowledged edit, or of
  an edit attempted after it (the one in flight at the kill may or may not have been committed).

Children come from a fork server that has lardesk imported already, so a kill costs tens of milliseconds:
the normal suite kills 100 times in a few seconds. ``LARDESK_CRASH_KILLS=1000`` runs the larger loop.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import random
import signal
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from lardesk.services import NewParticipant, NewSession, Services

KILLS = int(os.environ.get("LARDESK_CRASH_KILLS", "100"))
SCALES = range(1, 10)


@dataclass(frozen=True)
class Target:
    url: str
    session_id: int
    participant_ids: tuple[int, ...]


def child(target: Target, journal: str, run: int, seed: int) -> None:
    """Edit until killed. Each intent is written before its call, each ack after the call returned."""
    fd = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    rng = random.Random(seed)
    services = Services.open(target.url)
    # Items go to a session of this run's own: a session holds at most MAX_ITEMS, and a hundred runs add more.
    made = services.sessions.create_session(
        NewSession(organisation="Kraschkommunen", date=dt.date(2026, 11, 26), title=f"körning {run}")
    )
    assert made.new_id is not None
    item_session = made.new_id
    Path(f"{journal}.ready-{run}").touch()
    for i in range(1_000_000):
        seq = run * 1_000_000 + i
        choice = rng.random()
        if choice < 0.4:
            os.write(fd, f"T {seq} item - {seq}\n".encode())
            services.logic.add_item(item_session, "activity", f"aktivitet {seq}")
        elif choice < 0.7:
            section = rng.choice(SCALES)
            os.write(fd, f"T {seq} note {section} {seq}\n".encode())
            services.sessions.set_note(target.session_id, section, 1, f"anteckning {seq} " + "x" * rng.randrange(2000))
        else:
            participant = rng.choice(target.participant_ids)
            scale = rng.choice(SCALES)
            value = 1 + seq % 10
            os.write(fd, f"T {seq} rating {participant}:{scale} {value}\n".encode())
            services.ratings.set_rating(participant, scale, value)
        os.write(fd, f"A {seq}\n".encode())


@dataclass
class Journal:
    intents: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    acked: set[int] = field(default_factory=set)

    @classmethod
    def read(cls, path: Path) -> Journal:
        journal = cls()
        for line in path.read_text().splitlines():
            parts = line.split()
            if parts[:1] == ["T"] and len(parts) == 5:
                journal.intents[int(parts[1])] = (parts[2], parts[3], parts[4])
            elif parts[:1] == ["A"] and len(parts) == 2:
                journal.acked.add(int(parts[1]))
        return journal


def prepare_target(directory: Path) -> Target:
    url = f"sqlite:///{directory / 'lardesk.sqlite'}"
    services = Services.open(url, directory / "backups")
    try:
        changes = services.sessions.create_session(
            NewSession(
                organisation="Kraschkommunen",
                date=dt.date(2026, 11, 25),
                participants=tuple(NewParticipant(role=f"roll {n}") for n in range(6)),
            )
        )
        assert changes.new_id is not None
        snapshot = services.sessions.snapshot(changes.new_id)
        return Target(url, changes.new_id, tuple(p.id for p in snapshot.participants))
    finally:
        services.close()


def kill_repeatedly(target: Target, journal: Path, kills: int, seed: int) -> dict[str, float]:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["lardesk.services", __name__])
    rng = random.Random(seed)
    started = time.perf_counter()
    ended_early = 0
    for run in range(kills):
        process = context.Process(target=child, args=(target, str(journal), run, rng.randrange(2**32)))
        process.start()
        if rng.random() < 0.3:  # while it starts and opens the database (and makes its daily backup)
            time.sleep(rng.uniform(0.0, 0.15))
        else:  # while it edits: a few milliseconds to a few dozen edits after it opened the database
            ready = Path(f"{journal}.ready-{run}")
            waited = time.perf_counter()
            while not ready.exists() and process.is_alive() and time.perf_counter() - waited < 30:
                time.sleep(0.002)
            time.sleep(rng.uniform(0.0, 0.25))
        if not process.is_alive():
            ended_early += 1
        process.kill()
        process.join(30)
        # each child edits until it is killed: any other end (an exception in the child) is a failure here,
        # not a run that quietly proved nothing
        assert process.exitcode == -signal.SIGKILL, f"run {run}: the child ended with {process.exitcode}"
    return {"kills": kills, "seconds": time.perf_counter() - started, "ended_before_kill": ended_early}


def verify(target: Target, journal_path: Path) -> dict[str, int]:
    journal = Journal.read(journal_path)
    path = Path(target.url.removeprefix("sqlite:///"))
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        items = {text.removeprefix("aktivitet ") for (text,) in connection.execute("SELECT text FROM logic_item")}
        notes = {
            str(section): text.split()[1]
            for section, text in connection.execute(
                "SELECT section, text FROM note WHERE session_id = ?", (target.session_id,)
            )
        }
        ratings = {
            f"{participant}:{scale}": str(value)
            for participant, scale, value in connection.execute(
                "SELECT participant_id, scale, value FROM rating WHERE session_id = ?", (target.session_id,)
            )
        }
    finally:
        connection.close()
    attempted_items = {key for seq, (kind, _, key) in journal.intents.items() if kind == "item"}
    acked_items = {journal.intents[seq][2] for seq in journal.acked if journal.intents[seq][0] == "item"}
    assert acked_items <= items, f"lost acknowledged items: {sorted(acked_items - items)[:10]}"
    assert items <= attempted_items, f"items nobody made: {sorted(items - attempted_items)[:10]}"
    for kind, found in (("note", notes), ("rating", ratings)):
        keys = {key for k, key, _ in journal.intents.values() if k == kind}
        for key in keys:
            edits = sorted((seq, value) for seq, (k, kk, value) in journal.intents.items() if k == kind and kk == key)
            last_acked = max((seq for seq, _ in edits if seq in journal.acked), default=None)
            allowed = {value for seq, value in edits if last_acked is None or seq >= last_acked}
            have = found.get(key)
            if last_acked is None and have is None:
                continue
            assert have in allowed, f"{kind} {key}: {have!r}, expected one of {sorted(allowed)[:5]}"
    # lardesk itself opens the file after all that, and can still write
    services = Services.open(target.url)
    try:
        services.sessions.set_note(target.session_id, 9, 0, "efter kraschen")
    finally:
        services.close()
    return {"edits_acknowledged": len(journal.acked), "edits_attempted": len(journal.intents), "items": len(items)}


def test_acknowledged_edits_survive_sigkill(tmp_path: Path) -> None:
    target = prepare_target(tmp_path)
    journal = tmp_path / "journal.txt"
    seed = int.from_bytes(os.urandom(4), "big")
    print(f"crash safety: seed {seed}")  # shown with a failure: the same kill times again (kill_repeatedly)
    figures = kill_repeatedly(target, journal, KILLS, seed=seed)
    result = verify(target, journal)
    print(f"crash safety: {figures} {result}")
    assert figures["kills"] == KILLS
    assert figures["ended_before_kill"] == 0
    assert result["edits_acknowledged"] > 0
