"""The command line refuses what it must refuse, with exit status 2 and a message, and touches nothing it
refused: special files (made under a temp folder), huge files, out-of-range numbers, empty or conflicting
options. Files lardesk writes are private to their owner whatever the umask."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lardesk.cli import main
from lardesk.paths import DATABASE_URL_ENV, resolve_paths
from lardesk.services import Services
from lardesk.services.requests import NewParticipant, NewSession
from lardesk.storage.backups import list_backups
from tests.conftest import EXAMPLE, REPO


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def refused(result: tuple[int, str, str], *words: str) -> None:
    code, out, err = result
    assert code == 2, (code, out, err)
    assert "Traceback" not in err
    assert err.startswith("lardesk: ") or "error:" in err, err
    for word in words:
        assert word in err, err


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    directory = tmp_path / "data"
    code, _out, err = run("--data-dir", str(directory), "import", str(EXAMPLE))
    assert code == 0, err
    return str(directory)


@pytest.fixture
def session(data_dir: str) -> str:
    listing = json.loads(run("--data-dir", data_dir, "sessions", "--json")[1])
    return str(listing[0]["sessions"][0]["id"])


# -- 5. export never replaces a special file -----------------------------------------------------------------


def test_export_refuses_a_fifo_and_leaves_it(data_dir: str, session: str, tmp_path: Path) -> None:
    fifo = tmp_path / "rör.json"
    os.mkfifo(fifo)
    refused(run("--data-dir", data_dir, "export", session, str(fifo)), "not a regular file")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".rör")]  # no temp file left


def test_export_refuses_a_socket(data_dir: str, session: str, tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        refused(run("--data-dir", data_dir, "export", session, str(path)), "not a regular file")
        assert stat.S_ISSOCK(path.lstat().st_mode)
    finally:
        server.close()


def test_minutes_and_csv_refuse_a_fifo_too(data_dir: str, session: str, tmp_path: Path) -> None:
    fifo = tmp_path / "rör.csv"
    os.mkfifo(fifo)
    refused(run("--data-dir", data_dir, "ratings-csv", session, str(fifo)))
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_export_follows_a_symlink_and_keeps_it(data_dir: str, session: str, tmp_path: Path) -> None:
    target = tmp_path / "verklig.json"
    target.write_text("gammalt", encoding="utf-8")
    link = tmp_path / "länk.json"
    link.symlink_to(target)
    assert run("--data-dir", data_dir, "export", session, str(link))[0] == 0
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "lardesk-session"


def test_export_over_a_symlink_to_a_folder_is_refused(data_dir: str, session: str, tmp_path: Path) -> None:
    folder = tmp_path / "mapp"
    folder.mkdir()
    link = tmp_path / "länk.json"
    link.symlink_to(folder)
    refused(run("--data-dir", data_dir, "export", session, str(link)), "folder")
    assert link.is_symlink() and folder.is_dir()


# -- 6. out-of-range input and options ----------------------------------------------------------------------


@pytest.mark.parametrize("id_", [str(2**63), str(2**64 + 5), "0", "-1"])
def test_a_session_id_past_64_bits_is_bad_input(data_dir: str, id_: str) -> None:
    refused(run("--data-dir", data_dir, "findings", id_))


def test_stats_round_0_is_bad_input(data_dir: str, session: str) -> None:
    refused(run("--data-dir", data_dir, "stats", session, "--round", "0"), "--round")


def test_an_empty_database_option_is_bad_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LARDESK_DATA_DIR", str(tmp_path / "standard"))
    refused(run("--database", "", "sessions"), "--database")
    refused(run("--data-dir", "", "sessions"), "--data-dir")
    assert not (tmp_path / "standard").exists()


def test_an_explicit_data_dir_wins_over_the_environment(
    data_dir: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV, f"sqlite:///{tmp_path / 'miljö.sqlite'}")
    listing = json.loads(run("--data-dir", data_dir, "sessions", "--json")[1])
    assert len(listing) == 1  # the data dir's database, not the (new, empty) one of the environment
    assert not (tmp_path / "miljö.sqlite").exists()
    assert resolve_paths(data_dir).database_url.endswith(f"{data_dir}/lardesk.sqlite")
    assert resolve_paths().database_url == f"sqlite:///{tmp_path / 'miljö.sqlite'}"


# -- 7. bounded resources: files are judged before they are read ----------------------------------------------


def test_importing_a_fifo_is_refused_without_waiting(data_dir: str, tmp_path: Path) -> None:
    fifo = tmp_path / "rör.json"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "lardesk", "--data-dir", data_dir, "import", str(fifo)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,  # today it waits for a writer for ever
        check=False,
    )
    refused((done.returncode, done.stdout, done.stderr), "not a regular file")


def test_importing_a_folder_is_refused(data_dir: str, tmp_path: Path) -> None:
    refused(run("--data-dir", data_dir, "import", str(tmp_path)), "folder")


def test_a_huge_file_is_refused_before_it_is_read(data_dir: str, tmp_path: Path) -> None:
    """A sparse 4 GB file, read with 300 MB of address space more than the interpreter needs: reading it would
    fail with MemoryError; judging its size first refuses it at once."""
    huge = tmp_path / "stor.json"
    with huge.open("wb") as handle:
        handle.truncate(4 * 1024**3)
    code = (
        "import resource, sys; from lardesk.cli import main; "
        "soft = 1_500_000_000; resource.setrlimit(resource.RLIMIT_AS, (soft, soft)); "
        f"sys.exit(main(['--data-dir', {data_dir!r}, 'import', {str(huge)!r}]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60, check=False
    )
    refused((done.returncode, done.stdout, done.stderr), "too large")


# -- 9. files lardesk writes are private ----------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_and_folders_lardesk_makes_are_private_whatever_the_umask(tmp_path: Path) -> None:
    data = tmp_path / "ny" / "data"
    export = tmp_path / "ut.json"
    script = (
        "import os, sys; os.umask(0); from lardesk.cli import main; "
        f"assert main(['--data-dir', {str(data)!r}, 'import', {str(EXAMPLE)!r}]) == 0; "
        f"assert main(['--data-dir', {str(data)!r}, 'sessions']) == 0; "
        f"assert main(['--data-dir', {str(data)!r}, 'export', '1', {str(export)!r}]) == 0"
    )
    before = dt.date.today()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=False)
    after = dt.date.today()
    assert done.returncode == 0, done.stderr
    assert _mode(data / "lardesk.sqlite") == 0o600
    assert _mode(data) == 0o700
    assert _mode(data.parent) == 0o700  # made by lardesk too
    assert _mode(data / "backups") == 0o700
    made = list_backups(data / "backups")  # the day's one (one a day: two, had midnight passed in between)
    days = [backup.created.date() for backup in made]
    assert 1 <= len(days) == len(set(days)) and set(days) <= {before, after}
    assert all(_mode(backup.path) == 0o600 for backup in made)
    assert _mode(export) == 0o600


def test_the_log_file_is_private(tmp_path: Path) -> None:
    from lardesk.ui.application import log_to_file

    umask = os.umask(0)
    try:
        path = log_to_file(tmp_path / "logs")
    finally:
        os.umask(umask)
    assert path is not None
    import logging

    handlers = [h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(path)]
    try:
        logging.getLogger("lardesk.test").warning("ett test")
        assert "ett test" in path.read_text(encoding="utf-8")
        assert _mode(path) == 0o600
        assert _mode(tmp_path / "logs") == 0o700
    finally:
        for handler in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_names_removed_by_anonymous_mode_are_gone_from_the_disk_and_todays_backup(tmp_path: Path) -> None:
    name = "Hedvig Zetterqvist-Ölund"
    paths = resolve_paths(tmp_path / "data")
    services = Services.for_paths(paths)
    try:
        session_id = services.sessions.create_session(
            NewSession(
                organisation="Exempelkommunen",
                date=dt.date(2026, 11, 25),
                participants=(NewParticipant(role="Chef", name=name),),
            )
        ).new_id
        assert session_id is not None
    finally:
        services.close()
    services = Services.for_paths(paths)  # the day's backup, with the name in it
    try:
        (backup,) = list_backups(paths.backup_dir)
        assert name.encode() in backup.path.read_bytes()
        services.sessions.update_session(session_id, anonymity="anonymous")
        files = [paths.data_dir / "lardesk.sqlite", paths.data_dir / "lardesk.sqlite-wal"]
        files += [b.path for b in list_backups(paths.backup_dir)]
        for file in files:
            if file.exists():
                assert name.encode() not in file.read_bytes(), file
        assert [b.reason for b in list_backups(paths.backup_dir)] == ["daily"]
    finally:
        services.close()
