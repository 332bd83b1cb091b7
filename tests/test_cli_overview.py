"""`lardesk overview` and `lardesk actions` from the command line: the JSON contract, filters, bad input."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

from lardesk.cli import main
from lardesk.method.guide import load_guide
from lardesk.method.overview import action_json, overview_json
from lardesk.services import Services
from tests.services.overview_data import TODAY, import_all


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_overview_and_actions_json(tmp_path: Path) -> None:
    data_dir = str(tmp_path / "data")
    assert run("--data-dir", data_dir, "sessions")[0] == 0  # creates the database
    services = Services.open(f"sqlite:///{tmp_path / 'data' / 'lardesk.sqlite'}")
    try:
        ids = import_all(services).ids
        expected_overview = overview_json(services.overview.overview(today=TODAY))
        expected_actions = [action_json(a) for a in services.overview.actions(today=TODAY)]
        expected_overdue = [action_json(a) for a in services.overview.actions(overdue_only=True, today=TODAY)]
    finally:
        services.close()
    code, out, err = run("--data-dir", data_dir, "overview", "--json", "--today", TODAY.isoformat())
    assert (code, err) == (0, "")
    got = json.loads(out)
    assert got == expected_overview
    assert [u["latest"]["session"] for u in got["units"]] == [ids["a2"], ids["t1"], ids["b2"]]
    assert list(got["units"][0]) == ["organisation", "unit", "latest", "previous", "scales", "findings", "actions"]
    assert list(got["units"][0]["scales"][0]) == ["scale", "joint", "median", "n", "previous_joint"]
    assert list(got["units"][0]["actions"]) == ["open", "in_progress", "overdue", "done"]
    code, out, _ = run("--data-dir", data_dir, "actions", "--json", "--today", TODAY.isoformat())
    assert code == 0 and json.loads(out) == expected_actions
    first = json.loads(out)[0]
    assert list(first) == [
        "organisation", "unit", "session", "date", "key", "scale", "text", "owner", "due", "status",
        "status_comment", "status_date",
    ]  # fmt: skip
    code, out, _ = run("--data-dir", data_dir, "actions", "--json", "--overdue", "--today", TODAY.isoformat())
    assert code == 0 and json.loads(out) == expected_overdue and len(expected_overdue) == 4
    code, out, _ = run("--data-dir", data_dir, "actions", "--json", "--open", "--overdue", "--today", "2024-01-01")
    assert [a["text"] for a in json.loads(out)] == ["Gammal åtgärd"]
    code, out, _ = run("--data-dir", data_dir, "overview", "--year", "2024", "--json")
    assert [u["latest"]["session"] for u in json.loads(out)["units"]] == [ids["a1"]]
    code, text, _ = run("--data-dir", data_dir, "overview", "--today", TODAY.isoformat())
    assert code == 0 and "Alfa kommun – Socialförvaltningen" in text and "6 ↑ +2" in text
    assert "G1 1" in text and "2 open, 1 in progress, 1 overdue, 1 done" in text
    # the key printed is the one action-status takes: a script can close an action it found
    before = dt.date.today()
    code, _, err = run("--data-dir", data_dir, "action-status", str(first["session"]), first["key"], "done")
    after = dt.date.today()  # the same day (or, run as midnight passed, the next)
    assert (code, err) == (0, "")
    code, out, _ = run("--data-dir", data_dir, "actions", "--json", "--today", TODAY.isoformat())
    again = json.loads(out)[0]
    assert (again["key"], again["status"]) == (first["key"], "done")
    assert again["status_date"] in {before.isoformat(), after.isoformat()}
    assert again["text"] == first["text"] and first["status"] == "open"


def test_overview_csv_in_swedish_excel_conventions(tmp_path: Path) -> None:
    data_dir = str(tmp_path / "data")
    assert run("--data-dir", data_dir, "sessions")[0] == 0
    services = Services.open(f"sqlite:///{tmp_path / 'data' / 'lardesk.sqlite'}")
    try:
        import_all(services)
    finally:
        services.close()
    target = tmp_path / "översikt.csv"
    code, _, err = run("--data-dir", data_dir, "overview", "--today", TODAY.isoformat(), "--output", str(target))
    assert (code, err) == (0, "")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, social, teknik, beta = rows
    assert header[:4] == ["Organisation", "Enhet", "Senaste uppföljning", "Föregående uppföljning"]
    nine, two = (f"{n} {load_guide('sv').scale(n).label}" for n in (9, 2))
    cell = dict(zip(header, social, strict=True))
    assert cell[f"{nine} – samlad"] == "6" and cell[f"{nine} – föregående samlad"] == "4"
    assert cell[f"{nine} – förändring"] == "2" and cell[f"{nine} – median"] == "6"
    assert cell[f"{two} – median"] == "" and cell[f"{two} – antal bedömningar"] == "2"
    assert cell["Åtgärder försenade"] == "1" and cell["G1"] == "1"
    beta_cells = dict(zip(header, beta, strict=True))
    assert beta_cells[f"{nine} – median"] == "7" and beta_cells[f"{nine} – förändring"] == "-2"
    assert "Person" not in raw.decode("utf-8-sig") and teknik[1] == "Tekniska förvaltningen"
    only = tmp_path / "skalor.csv"
    code, _, err = run("--data-dir", data_dir, "overview", "--output", str(only), "--scale", "9", "--scale", "2")
    assert (code, err) == (0, "")
    header = only.read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    assert [h for h in header if " – samlad" in h] == [f"{two} – samlad", f"{nine} – samlad"]
    assert run("--data-dir", data_dir, "overview", "--output", str(only), "--scale", "10")[0] == 2


def test_bad_input_exits_2_and_changes_nothing(tmp_path: Path) -> None:
    data_dir = str(tmp_path / "data")
    assert run("--data-dir", data_dir, "overview", "--today", "2026-13-01")[0] == 2
    assert run("--data-dir", data_dir, "actions", "--today", "igår")[0] == 2
    assert run("--data-dir", data_dir, "overview", "--year", "förra")[0] == 2
    code, _, err = run("--data-dir", data_dir, "overview", "--output", str(tmp_path / "x.xlsx"))
    assert code == 2 and "must end in .csv" in err
    code, _, err = run("--data-dir", data_dir, "overview", "--output", str(tmp_path / "saknas" / "x.csv"))
    assert code == 2 and "does not exist" in err
    assert run("--data-dir", data_dir, "overview", "--json")[1] == '{\n  "units": []\n}\n'


def test_action_status_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lardesk.sqlite'}"
    services = Services.open(url)
    try:
        ids = import_all(services).ids
        keys = {a.text: a.key for a in services.overview.actions()}
    finally:
        services.close()
    key = keys["Öppen, försenad"]
    assert key.startswith("i")
    code, out, err = run(
        "--database", url, "action-status", str(ids["a2"]), key, "partly_done", "--comment", "Halvvägs"
    )
    assert (code, out, err) == (0, "", "")
    actions = json.loads(run("--database", url, "actions", "--json", "--today", TODAY.isoformat())[1])
    found = next(a for a in actions if a["text"] == "Öppen, försenad")
    assert (found["status"], found["status_comment"]) == ("partly_done", "Halvvägs")
    overview = json.loads(run("--database", url, "overview", "--json", "--today", TODAY.isoformat())[1])
    assert overview["units"][0]["actions"] == {"open": 1, "in_progress": 1, "overdue": 0, "done": 1}
    # Without --comment the comment stays; a new status is dated today.
    day_before = dt.date.today()
    assert run("--database", url, "action-status", str(ids["a2"]), key, "done")[0] == 0
    day_after = dt.date.today()  # the same day (or, run as midnight passed, the next)
    again = json.loads(run("--database", url, "actions", "--json")[1])
    assert next(a for a in again if a["text"] == "Öppen, försenad")["status_comment"] == "Halvvägs"
    services = Services.open(url)
    try:
        entry = next(a for a in services.overview.actions() if a.key == key and a.session_id == ids["a2"])
        assert entry.status_date in {day_before, day_after}
    finally:
        services.close()
    before = run("--database", url, "actions", "--json")[1]
    for args, words in (
        ((str(ids["a2"]), key, "finished"), "unknown status"),
        ((str(ids["a2"]), "i999", "done"), "no improvement action with the key 'i999'"),
        (("9999", key, "done"), "no session with id 9999"),
        (("x", key, "done"), "not a session id"),
    ):
        code, out, err = run("--database", url, "action-status", *args)
        assert code == 2 and words in err and out == "", (args, err)
    assert run("--database", url, "actions", "--json")[1] == before


def test_action_status_as_the_installed_program(tmp_path: Path) -> None:
    """A real process: exit status 2 and a one-line message, no traceback."""
    url = f"sqlite:///{tmp_path / 'lardesk.sqlite'}"
    Services.open(url).close()
    done = subprocess.run(
        [sys.executable, "-m", "lardesk", "--database", url, "action-status", "1", "i1", "done"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr and "no session with id 1" in done.stderr
