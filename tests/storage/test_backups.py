"""The automatic backups: one a day (only of a database with something in it), the last 7 days kept, copies
checked before they count, a restore that keeps the replaced file, and ``lardesk backups`` on the command line."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from lardesk.cli import main
from lardesk.paths import resolve_paths
from lardesk.services import Services
from lardesk.services.maintenance import backup_now, backups, restore_backup
from lardesk.storage.backups import DAILY_DAYS_KEPT, OTHERS_KEPT, backup_sqlite, daily_backup, list_backups
from lardesk.storage.errors import DatabaseDamaged
from tests.storage.test_damaged import (
    Place,
    demo_database_fixture,  # noqa: F401
    digest,
    integrity,
    place_fixture,  # noqa: F401
    truncate,
)


def test_one_backup_a_day_and_the_last_seven_days_kept(place: Place) -> None:
    start = dt.datetime(2026, 11, 1, 9, 0)
    for day in range(12):
        for hour in (9, 13):  # two starts a day: one backup
            daily_backup(place.file, place.backup_dir, start + dt.timedelta(days=day, hours=hour - 9))
    kept = list_backups(place.backup_dir)
    assert [b.created.date() for b in kept] == [(start + dt.timedelta(days=d)).date() for d in range(11, 4, -1)]
    assert len(kept) == DAILY_DAYS_KEPT
    assert all(integrity(b.path) == "ok" for b in kept)


def test_other_kinds_of_backup_are_kept_apart(place: Place) -> None:
    now = dt.datetime(2026, 11, 1, 9, 0)
    for n in range(OTHERS_KEPT + 3):
        backup_sqlite(place.file, place.backup_dir, "before-abc", now + dt.timedelta(minutes=n))
    daily_backup(place.file, place.backup_dir, now)
    reasons = [b.reason for b in list_backups(place.backup_dir)]
    assert reasons.count("before-abc") == OTHERS_KEPT
    assert reasons.count("daily") == 1


def test_an_empty_new_database_is_not_backed_up(tmp_path: Path) -> None:
    services = Services.open(f"sqlite:///{tmp_path / 'lardesk.sqlite'}", tmp_path / "backups")
    services.close()
    services = Services.open(f"sqlite:///{tmp_path / 'lardesk.sqlite'}", tmp_path / "backups")
    services.close()
    assert list_backups(tmp_path / "backups") == []


def test_the_first_start_of_the_day_backs_up(place: Place) -> None:
    before = dt.date.today()
    Services.for_paths(resolve_paths(place.data_dir)).close()
    Services.for_paths(resolve_paths(place.data_dir)).close()
    after = dt.date.today()  # the same day (or, when midnight passed between the starts, the next: one backup each)
    made = backups(resolve_paths(place.data_dir))
    days = [b.created.date() for b in made]
    assert [b.reason for b in made] == ["daily"] * len(made)
    assert 1 <= len(days) == len(set(days))  # one a day: the second start of the day backs nothing up
    assert set(days) <= {before, after}


def test_a_damaged_file_is_not_copied_over_good_backups(place: Place) -> None:
    good = backup_now(resolve_paths(place.data_dir), "daily")
    data = bytearray(place.file.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page * 3 : page * 3 + 200] = b"\x00\xff" * 100
    place.file.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged):
        daily_backup(place.file, place.backup_dir, dt.datetime.now() + dt.timedelta(days=1))
    assert [b.path for b in list_backups(place.backup_dir)] == [good]
    assert not list(place.backup_dir.glob(".*partial*"))


def test_a_restore_keeps_the_replaced_file_and_its_wal(place: Place) -> None:
    paths = resolve_paths(place.data_dir)
    backup = backup_now(paths, "daily")
    services = Services.for_paths(paths)
    services.exchange.load_demo()
    session_id = services.sessions.list_sessions()[0].sessions[0].id
    services.sessions.set_note(session_id, 1, 1, "skrivet efter kopian")
    services.close()
    before = digest(place.file)
    kept = restore_backup(paths, backup)
    assert kept is not None
    assert digest(kept) == before
    restored = Services.for_paths(paths)
    try:
        notes = restored.sessions.snapshot(session_id).notes
        assert "skrivet efter kopian" not in [n.text for n in notes]
    finally:
        restored.close()


def test_a_damaged_backup_is_refused(place: Place, tmp_path: Path) -> None:
    bad = tmp_path / "lardesk-20260101-000000-000000-daily.sqlite"
    shutil.copyfile(place.file, bad)
    truncate(bad)
    before = digest(place.file)
    with pytest.raises(DatabaseDamaged):
        restore_backup(resolve_paths(place.data_dir), bad)
    assert digest(place.file) == before
    not_lardesk = tmp_path / "other.sqlite"
    connection = sqlite3.connect(not_lardesk)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseDamaged, match="not a lardesk database"):
        restore_backup(resolve_paths(place.data_dir), not_lardesk)


def test_the_command_line_lists_and_restores(place: Place, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(place.data_dir), "backups", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # listing opens nothing, so it backs nothing up
    assert main(["--data-dir", str(place.data_dir), "sessions"]) == 0  # the day's first start backs up
    capsys.readouterr()
    assert main(["--data-dir", str(place.data_dir), "backups", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["reason"] == "daily"
    assert main(["--data-dir", str(place.data_dir), "backups", "--restore", entry["path"]]) == 0
    out = capsys.readouterr().out
    assert "restored" in out
    assert "lardesk.sqlite.replaced-" in out
    assert main(["--data-dir", str(place.data_dir), "backups"]) == 0
    assert "daily" in capsys.readouterr().out


def test_the_command_line_restores_over_a_damaged_database(place: Place, capsys: pytest.CaptureFixture[str]) -> None:
    """When the database will not open is when a restore is needed: `backups` does not open it."""
    assert main(["--data-dir", str(place.data_dir), "sessions"]) == 0  # the day's first start backs up
    capsys.readouterr()
    truncate(place.file)
    damaged = digest(place.file)
    assert main(["--data-dir", str(place.data_dir), "sessions"]) == 2
    assert main(["--data-dir", str(place.data_dir), "backups", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert main(["--data-dir", str(place.data_dir), "backups", "--restore", entry["path"]]) == 0
    (kept,) = place.data_dir.glob("lardesk.sqlite.replaced-*")
    assert digest(kept) == damaged  # the damaged file is kept aside, untouched
    assert integrity(place.file) == "ok"
    capsys.readouterr()
    assert main(["--data-dir", str(place.data_dir), "sessions", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) != []
