"""Damaged databases on the command line: each gets a clear message on stderr, a non-zero exit status (2 for
a refused database), no traceback, and the file's bytes are unchanged.

The cases are made for real: a file cut short, a file that is not SQLite, pages overwritten with noise, a
schema revision from a newer lardesk, a read-only file and folder, and a full disk.

Read-only as the superuser: the tests run as root here, and root ignores file permissions (chmod 0444 does
not stop it). The tests therefore mark the file (or folder) *immutable* with ``chattr +i``, which the kernel
enforces for root too (and which ``os.access`` reports); as another user a plain ``chmod`` is used. Where
neither is possible (a file system without attributes, as root) the test is skipped, never faked.

A full disk: ``RLIMIT_FSIZE`` (``ulimit -f``) on the lardesk process makes the kernel refuse every write past
a size, exactly as a full disk refuses it (SQLite then reports an I/O error); no privileges are needed. The
honest SQLITE_FULL of SQLite itself is tested at the service level with ``PRAGMA max_page_count``.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import event, text

from lardesk.services import InputError, Services
from lardesk.storage.errors import DiskFull

REPO = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return "; ".join(str(row[0]) for row in connection.execute("PRAGMA integrity_check"))
    finally:
        connection.close()


@pytest.fixture(scope="session", name="demo_database")
def demo_database_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A lardesk database with the demo sessions in it (copied by each test)."""
    path = tmp_path_factory.mktemp("template") / "lardesk.sqlite"
    services = Services.open(f"sqlite:///{path}", path.parent / "backups")
    services.exchange.load_demo()
    services.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path


@dataclass
class Place:
    """A data directory with a copy of the demo database."""

    data_dir: Path

    @property
    def file(self) -> Path:
        return self.data_dir / "lardesk.sqlite"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"


@pytest.fixture(name="place")
def place_fixture(tmp_path: Path, demo_database: Path) -> Place:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(demo_database, data_dir / "lardesk.sqlite")
    return Place(data_dir)


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def not_sqlite(path: Path) -> None:
    path.write_bytes(b"Minnesanteckningar fr\xc3\xa5n ledningsgruppens m\xc3\xb6te\n" * 400)


def noise_in_pages(path: Path) -> None:
    """Page 1 (the header and the schema) stays; the pages after it are overwritten with noise."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page * 2, len(data), 97):
        data[offset] = (data[offset] * 31 + 7) % 256
    path.write_bytes(bytes(data))


def newer_schema(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    connection.commit()
    connection.close()


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make ``path`` (a file or a folder) truly unwritable for this process, also as root; undo afterwards."""
    if os.geteuid() == 0:
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"cannot make a file read-only for root here (chattr: {done.stderr.decode().strip()})")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


def _limit_file_size(limit: int) -> Callable[[], None]:
    def apply() -> None:  # in the child, before exec: a full disk at ``limit`` bytes per file
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def run_cli(
    place: Place, *args: str, file_size_limit: int | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lardesk", "--data-dir", str(place.data_dir), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
        preexec_fn=_limit_file_size(file_size_limit) if file_size_limit else None,
    )


def assert_clear_refusal(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("lardesk: "), result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    assert result.returncode == 2, result
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (truncate, ("cut short", "has not been changed")),
        (not_sqlite, ("not a lardesk database", "has not been changed")),
        (noise_in_pages, ("damaged", "has not been changed")),
        (newer_schema, ("newer version of lardesk", "has not been changed")),
    ],
    ids=["truncated", "not-sqlite", "noise-in-pages", "newer-lardesk"],
)
def test_a_damaged_database_is_refused_with_a_message_and_left_as_it_was(
    place: Place, damage: Callable[[Path], None], words: tuple[str, ...]
) -> None:
    damage(place.file)
    before = digest(place.file)
    result = run_cli(place, "sessions")
    assert_clear_refusal(result, *words)
    assert digest(place.file) == before
    assert not place.file.with_name("lardesk.sqlite-wal").exists() or damage is newer_schema


def test_the_message_names_the_newest_backup(place: Place) -> None:
    assert run_cli(place, "sessions").returncode == 0  # the first start of the day makes the daily backup
    (backup,) = sorted(place.backup_dir.glob("lardesk-*-daily.sqlite"))
    truncate(place.file)
    result = run_cli(place, "sessions")
    assert_clear_refusal(result, "cut short", str(backup))


def test_a_read_only_file_is_refused_untouched(place: Place) -> None:
    before = digest(place.file)
    with read_only(place.file):
        result = run_cli(place, "sessions")
    assert_clear_refusal(result, "read-only", str(place.file))
    assert digest(place.file) == before


def test_a_read_only_folder_is_refused_untouched(place: Place) -> None:
    before = digest(place.file)
    with read_only(place.data_dir):
        result = run_cli(place, "sessions")
    assert_clear_refusal(result, "read-only")
    assert digest(place.file) == before
    assert sorted(p.name for p in place.data_dir.iterdir()) == ["lardesk.sqlite"]


def test_a_full_disk_at_start_is_refused_untouched(place: Place) -> None:
    """The day's first start copies the database (the daily backup); the disk takes 40 kB, not the copy."""
    before = digest(place.file)
    result = run_cli(place, "sessions", file_size_limit=40_000)
    assert_clear_refusal(result, "disk")
    assert digest(place.file) == before
    assert not list(place.backup_dir.glob("lardesk-*.sqlite"))  # no half backup that looks like one
    assert integrity(place.file) == "ok"


def _big_exchange_file(directory: Path, example: bytes) -> Path:
    import json

    document = json.loads(example)
    document["session"]["date"] = "2012-11-20"
    document["notes"] = [  # 96,000 characters: within what a session may hold (lardesk.method.limits)
        {"section": 1 + i % 9, "question": 1 + i // 9, "text": "Vi diskuterade. " * 500} for i in range(12)
    ]
    path = directory / "stor.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_full_disk_during_an_import_keeps_everything_saved_before(
    place: Place, tmp_path: Path, example_bytes: bytes
) -> None:
    assert run_cli(place, "sessions").returncode == 0  # today's backup exists: the start writes nothing
    listing = run_cli(place, "sessions", "--json").stdout
    big = _big_exchange_file(tmp_path, example_bytes)
    before = digest(place.file)
    limit = place.file.stat().st_size + 64_000  # the WAL file may grow to 64 kB beyond the size of the database
    result = run_cli(place, "import", str(big), file_size_limit=limit)
    assert "Traceback" not in result.stderr, result.stderr
    assert "disk" in result.stderr, result.stderr
    assert result.returncode != 0
    assert digest(place.file) == before
    assert integrity(place.file) == "ok"
    assert run_cli(place, "sessions", "--json").stdout == listing  # nothing of the import was kept
    assert run_cli(place, "import", str(big)).returncode == 0  # with space again, the same import works


def test_sqlite_full_is_explained_and_rolls_back(tmp_path: Path, example_bytes: bytes) -> None:
    """SQLITE_FULL itself, from SQLite's page limit: the error says the disk is full; nothing is half saved."""
    services = Services.open(f"sqlite:///{tmp_path / 'lardesk.sqlite'}", tmp_path / "backups")
    try:
        services.exchange.import_bytes(example_bytes)
        with services.database.connect() as connection:
            pages = connection.execute(text("PRAGMA page_count")).scalar_one()

        def cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

        event.listen(services.database.engine, "connect", cap)
        services.database.engine.dispose()
        listing = services.sessions.list_sessions()
        document = _big_exchange_file(tmp_path, example_bytes).read_bytes()
        with pytest.raises(DiskFull, match="disk is full"):
            services.exchange.import_bytes(document)
        assert services.sessions.list_sessions() == listing
    finally:
        services.close()
    assert integrity(tmp_path / "lardesk.sqlite") == "ok"


def test_bad_input_and_damage_are_told_apart(place: Place, tmp_path: Path) -> None:
    """A bad exchange file is bad input (exit 2), and the database is left as it was."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "lardesk-session"', encoding="utf-8")
    assert run_cli(place, "sessions").returncode == 0
    before = run_cli(place, "sessions", "--json").stdout
    result = run_cli(place, "import", str(bad))
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr
    assert run_cli(place, "sessions", "--json").stdout == before
    services = Services.open(f"sqlite:///{place.file}", place.backup_dir)
    try:
        with pytest.raises(InputError, match="not valid JSON"):
            services.exchange.import_file(bad)
    finally:
        services.close()
