"""No file can break the database, damage is caught on every open, and a refused file is left byte for byte.

Each test makes the damage for real (a flipped byte, a missing file, another program's database, a pending
``-wal``) and compares the bytes of the database *and* its ``-wal`` before and after lardesk looked at it.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from sqlalchemy import event, text

from lardesk.paths import resolve_paths
from lardesk.services import Services
from lardesk.storage.backups import list_backups
from lardesk.storage.errors import DatabaseDamaged
from tests.conftest import EXAMPLE
from tests.storage.test_damaged import (
    REPO,
    Place,
    assert_clear_refusal,
    demo_database_fixture,  # noqa: F401
    digest,
    integrity,
    place_fixture,  # noqa: F401
    run_cli,
)


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def state(path: Path) -> tuple[str | None, str | None]:
    """The bytes of a database file and of its -wal (None for a file that is not there)."""
    wal = wal_of(path)
    return (digest(path) if path.exists() else None, digest(wal) if wal.exists() else None)


def first_start(place: Place) -> None:
    """The day's first start: the daily backup is taken."""
    assert run_cli(place, "sessions").returncode == 0
    assert list_backups(place.backup_dir)


# -- 1. one file must not break the database ---------------------------------------------------------------


def test_floats_for_parts_never_break_the_list(place: Place, tmp_path: Path) -> None:
    """``"parts": [1.0, 2.0, 9.0]`` was stored as "1.0,2.0,9.0" and every listing crashed afterwards."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["session"]["parts"] = [1.0, 2.0, 9.0]
    document["session"]["date"] = "2013-01-01"
    path = tmp_path / "floats.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    imported = run_cli(place, "import", str(path))
    assert "Traceback" not in imported.stderr, imported.stderr
    listing = run_cli(place, "sessions", "--json")
    assert listing.returncode == 0, listing.stderr
    sessions = [s for org in json.loads(listing.stdout) for s in org["sessions"]]
    assert len(sessions) == 2 + (imported.returncode == 0)
    if imported.returncode == 0:  # normalised to whole numbers (the reader's choice), never stored as 1.0
        exported = tmp_path / "back.json"
        assert run_cli(place, "export", imported.stdout.strip(), str(exported)).returncode == 0
        assert json.loads(exported.read_text(encoding="utf-8"))["session"]["parts"] == [1, 2, 9]
    else:
        assert imported.returncode == 2


def write_into_first_session(place: Place, assignment: str) -> list[int]:
    """Write into the first session's row as another program could (behind lardesk's back); the session ids."""
    connection = sqlite3.connect(place.file)
    try:
        ids = [row[0] for row in connection.execute("SELECT id FROM session ORDER BY id")]
        connection.execute(f"UPDATE session SET {assignment} WHERE id = ?", (ids[0],))
        connection.commit()
    finally:
        connection.close()
    return ids


def test_a_stored_value_lardesk_cannot_read_is_skipped_in_the_list_and_refused_alone(place: Place) -> None:
    """A row written by another program (or damaged) never takes the list down, and can still be deleted."""
    ids = write_into_first_session(place, "parts = '1.0,2.0,9.0'")
    listing = run_cli(place, "sessions", "--json")
    assert listing.returncode == 0, listing.stderr
    assert sorted(s["id"] for org in json.loads(listing.stdout) for s in org["sessions"]) == ids
    refused = run_cli(place, "findings", str(ids[0]))
    assert_clear_refusal(refused, "cannot be read", "session.parts")
    assert run_cli(place, "findings", str(ids[1])).returncode == 0
    services = Services.for_paths(resolve_paths(place.data_dir))
    try:
        services.sessions.delete_session(ids[0])
        assert [s.id for o in services.sessions.list_sessions() for s in o.sessions] == ids[1:]
    finally:
        services.close()


def test_a_stored_date_lardesk_cannot_read_leaves_the_rest_of_the_list(place: Place) -> None:
    ids = write_into_first_session(place, "date = 'igår'")
    listing = run_cli(place, "sessions", "--json")
    assert listing.returncode == 0, listing.stderr
    assert [s["id"] for org in json.loads(listing.stdout) for s in org["sessions"]] == ids[1:]


def test_the_list_reads_neither_the_parts_nor_the_x_members(services: Services, tmp_path: Path) -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["x-big"] = "x" * 100_000
    services.exchange.import_bytes(json.dumps(document))
    statements: list[str] = []

    def remember(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(services.database.engine, "before_cursor_execute", remember)
    assert services.sessions.list_sessions()
    listing = " ".join(statements)
    assert "session.extra" not in listing
    assert "session.parts" not in listing


# -- 2. an empty or missing database where one was is damage ----------------------------------------------


@pytest.mark.parametrize("how", ["empty", "missing"])
def test_an_empty_or_missing_database_beside_its_backups_is_refused(place: Place, how: str) -> None:
    first_start(place)
    before = sorted(p.name for p in place.backup_dir.iterdir())
    if how == "empty":
        place.file.write_bytes(b"")
    else:
        place.file.unlink()
    result = run_cli(place, "sessions")
    assert_clear_refusal(result, how, "Restore the newest backup")
    assert (place.file.exists(), place.file.exists() and place.file.stat().st_size) == (
        (True, 0) if how == "empty" else (False, False)
    )
    assert not wal_of(place.file).exists()
    assert sorted(p.name for p in place.backup_dir.iterdir()) == before  # no empty daily backup pushing out
    newest = list_backups(place.backup_dir)[0].path
    assert run_cli(place, "backups", "--restore", str(newest)).returncode == 0
    listing = run_cli(place, "sessions", "--json")
    assert listing.returncode == 0
    assert len([s for org in json.loads(listing.stdout) for s in org["sessions"]]) == 2


def test_a_database_given_by_url_is_judged_by_its_own_backups(place: Place, tmp_path: Path) -> None:
    """A new database elsewhere is not "lost" because the default data folder has backups."""
    first_start(place)
    other = tmp_path / "elsewhere" / "ny.sqlite"
    other.parent.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "lardesk", "--database", f"sqlite:///{other}", "sessions"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        env={**os.environ, "LARDESK_DATA_DIR": str(place.data_dir)},
    )
    assert result.returncode == 0, result.stderr
    assert other.exists()


def _restore_in_child(place: Place, backup: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "lardesk", "--data-dir", str(place.data_dir), "backups", "--restore", str(backup)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_restore_killed_at_any_moment_leaves_a_whole_database(place: Place) -> None:
    """SIGKILL during ``backups --restore``: the database is the old one or the restored one, never missing
    or empty, and the next start opens it."""
    first_start(place)
    backup = list_backups(place.backup_dir)[0].path
    started = time.perf_counter()
    child = _restore_in_child(place, backup)
    assert child.wait(timeout=60) == 0
    duration = time.perf_counter() - started
    seed = int.from_bytes(os.urandom(4), "big")
    print(f"kill times: seed {seed}, a whole restore {duration:.2f} s")  # shown with a failure
    rng = random.Random(seed)
    for _ in range(8):
        child = _restore_in_child(place, backup)
        time.sleep(rng.uniform(duration * 0.3, duration * 1.05))
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=60) in (-signal.SIGKILL, 0)
        assert place.file.exists()
        assert place.file.stat().st_size > 0
        assert integrity(place.file) == "ok"
    assert run_cli(place, "sessions").returncode == 0
    for stale in place.data_dir.glob(".lardesk.sqlite.restoring*"):  # a kill may leave the copy in progress
        stale.unlink()


# -- 3. damage is caught on every open, and never stored as the day's backup -------------------------------


def test_damage_after_the_days_first_start_is_caught_on_the_next_open(place: Place) -> None:
    first_start(place)
    data = bytearray(place.file.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    last = len(data) - page
    for offset in range(last + 8, len(data), 13):  # the last page: the list does not read it
        data[offset] ^= 0x5A
    place.file.write_bytes(bytes(data))
    before = state(place.file)
    result = run_cli(place, "sessions")
    assert_clear_refusal(result, "damaged", "newest backup")
    assert state(place.file) == before


def _flip_in_schema(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    assert len(old) == len(new)
    assert data.count(old) == 1, old
    path.write_bytes(data.replace(old, new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"value IS NULL OR value BETWEEN 1 AND 10", b"value IS NULL OR value BETWEEN 1 AND 19"),
        (b"CREATE TABLE organisation", b"CREATE TABLE organisatiom"),
    ],
    ids=["check-limit", "table-name"],
)
def test_a_flipped_byte_in_the_schema_text_is_damage_and_no_backup_of_it_is_kept(
    place: Place, old: bytes, new: bytes
) -> None:
    first_start(place)
    for backup in list_backups(place.backup_dir):
        backup.path.rename(backup.path.with_name(backup.path.name.replace("-daily", "-before-test")))
    _flip_in_schema(place.file, old, new)
    before = state(place.file)
    result = run_cli(place, "sessions")
    assert_clear_refusal(result, "It has not been changed")
    assert "damaged" in result.stderr or "not those of its schema" in result.stderr
    assert "newest backup" in result.stderr  # the GUI offers it; the CLI names it
    assert state(place.file) == before
    assert [b.reason for b in list_backups(place.backup_dir)] == ["before-test"]  # no daily copy of the damage


# -- 4. "not changed" is true: read-only until judged ------------------------------------------------------


def test_another_programs_rollback_journal_database_is_left_byte_for_byte(place: Place) -> None:
    place.file.unlink()
    connection = sqlite3.connect(place.file)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("CREATE TABLE kund (id INTEGER PRIMARY KEY, namn TEXT)")
    connection.execute("INSERT INTO kund (namn) VALUES ('Ada')")
    connection.commit()
    connection.close()
    before = state(place.file)
    assert before[1] is None
    result = run_cli(place, "sessions")
    assert_clear_refusal(result, "not lardesk's")
    assert state(place.file) == before
    assert sorted(p.name for p in place.data_dir.iterdir()) == ["lardesk.sqlite"]


def _with_pending_wal(place: Place, change: str) -> None:
    """Leave ``change`` committed in the -wal only, as a crashed process leaves it."""
    connection = sqlite3.connect(place.file)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    connection.execute(change)
    connection.commit()
    saved = place.file.read_bytes(), wal_of(place.file).read_bytes()
    connection.close()  # this checkpoints and deletes the -wal: put back the state before it
    place.file.write_bytes(saved[0])
    wal_of(place.file).write_bytes(saved[1])


def test_a_newer_lardesks_database_with_a_pending_wal_is_not_checkpointed(place: Place) -> None:
    _with_pending_wal(place, "UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    before = state(place.file)
    assert before[1] is not None
    result = run_cli(place, "sessions")
    assert_clear_refusal(result, "newer version of lardesk")
    assert state(place.file) == before


def test_a_truncated_file_with_a_wal_is_not_written_into(place: Place) -> None:
    _with_pending_wal(place, "UPDATE session SET title = 'ändrad'")
    data = place.file.read_bytes()
    place.file.write_bytes(data[: len(data) // 2])
    before = state(place.file)
    result = run_cli(place, "sessions")
    assert_clear_refusal(result, "It has not been changed")
    assert state(place.file) == before


def test_a_sound_file_with_a_pending_wal_opens_with_the_edit(place: Place) -> None:
    _with_pending_wal(place, "UPDATE session SET title = 'ändrad i wal'")
    result = run_cli(place, "sessions")
    assert result.returncode == 0, result.stderr
    assert "ändrad i wal" in result.stdout


# -- 6. the place of the database ---------------------------------------------------------------------------


def test_a_folder_as_the_database_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lardesk", "--database", f"sqlite:///{tmp_path}", "sessions"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert_clear_refusal(result, "is a folder")


def test_a_file_as_the_data_folder_is_refused_as_such(tmp_path: Path) -> None:
    file = tmp_path / "inte-en-mapp"
    file.write_text("x", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lardesk", "--data-dir", str(file), "sessions"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert_clear_refusal(result, "is a file, not a folder")
    assert "read-only" not in result.stderr
    assert file.read_text(encoding="utf-8") == "x"


def test_a_fifo_as_the_database_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "lardesk.sqlite"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "lardesk", "--data-dir", str(tmp_path), "sessions"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=60,
    )
    assert_clear_refusal(result, "not a regular file")


def test_an_unreadable_database_is_refused_for_a_normal_user(place: Place) -> None:
    """chmod 000 as a normal user (root reads anything: the test then runs lardesk as 'nobody')."""
    reachable = Path(tempfile.mkdtemp(prefix="lardesk-chmod-"))  # the pytest folders are root's alone
    reachable.chmod(0o777)
    shutil.copyfile(place.file, reachable / "lardesk.sqlite")
    place = Place(reachable)
    before = state(place.file)
    place.file.chmod(0o000)
    command = [sys.executable, "-m", "lardesk", "--data-dir", str(place.data_dir), "sessions"]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("no setpriv to run lardesk as a normal user")
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        probe = subprocess.run(
            [*command[:4], sys.executable, "-c", "import lardesk"], capture_output=True, cwd=REPO, check=False
        )
        if probe.returncode != 0:
            shutil.rmtree(reachable)
            pytest.skip("this Python cannot be run as a normal user here (it lives in root's home)")
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, cwd=REPO, check=False, env={**os.environ, "HOME": "/tmp"}
        )
    finally:
        place.file.chmod(0o600)
    try:
        assert_clear_refusal(result, "cannot be read")
        assert state(place.file) == before
    finally:
        shutil.rmtree(reachable)


def test_a_backup_of_a_newer_lardesk_is_not_restored(place: Place, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(place.file, newer)
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    connection.commit()
    connection.close()
    before = state(place.file)
    result = run_cli(place, "backups", "--restore", str(newer))
    assert_clear_refusal(result, "newer version of lardesk")
    assert state(place.file) == before


def test_services_refuse_a_damaged_schema_in_process(place: Place) -> None:
    _flip_in_schema(place.file, b"CREATE TABLE organisation", b"CREATE TABLE organisatiom")
    with pytest.raises(DatabaseDamaged):
        Services.for_paths(resolve_paths(place.data_dir))


def test_a_legacy_database_is_stamped_once_and_then_checked(place: Place) -> None:
    connection = sqlite3.connect(place.file)
    connection.execute("PRAGMA application_id = 0")
    connection.execute("PRAGMA user_version = 0")
    connection.commit()
    connection.close()
    services = Services.for_paths(resolve_paths(place.data_dir))
    with services.database.connect() as db:
        assert db.execute(text("PRAGMA application_id")).scalar_one() != 0
        assert db.execute(text("PRAGMA user_version")).scalar_one() != 0
    services.close()
    _flip_in_schema(place.file, b"value IS NULL OR value BETWEEN 1 AND 10", b"value IS NULL OR value BETWEEN 1 AND 19")
    assert_clear_refusal(run_cli(place, "sessions"), "damaged")


def test_the_quick_start_listing_leaves_no_side_files(place: Place) -> None:
    """The main window's first list (read with sqlite3 before the services load) changes nothing either."""
    from lardesk.services.listing import quick_listing

    before = state(place.file)
    listing = quick_listing(f"sqlite:///{place.file}")
    assert listing is not None and listing[0].sessions
    assert state(place.file) == before
    assert sorted(p.name for p in place.data_dir.iterdir()) == ["lardesk.sqlite"]
