"""`lardesk overview` and `lardesk actions` from the command line: the JSON contract, filters, bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from lardesk.cli import main
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
        "organisation", "unit", "session", "date", "scale", "text", "owner", "due", "status", "status_comment"
    ]  # fmt: skip
    code, out, _ = run("--data-dir", data_dir, "actions", "--json", "--overdue", "--today", TODAY.isoformat())
    assert code == 0 and json.loads(out) == expected_overdue and len(expected_overdue) == 4
    code, out, _ = run("--data-dir", data_dir, "actions", "--json", "--open", "--overdue", "--today", "2024-01-01")
    assert [a["text"] for a in json.loads(out)] == ["Gammal åtgärd"]
    code, out, _ = run("--data-dir", data_dir, "overview", "--year", "2024", "--json")
    assert [u["latest"]["session"] for u in json.loads(out)["units"]] == [ids["a1"]]
    code, text, _ = run("--data-dir", data_dir, "overview", "--today", TODAY.isoformat())
    assert code == 0 and "Alfa kommun – Socialförvaltningen" in text and "6 ↑ +2" in text
    assert "G1 1" in text and "3 open, 0 in progress, 1 overdue, 1 done" in text


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
    cell = dict(zip(header, social, strict=True))
    assert cell["9 Sammanfattning – samlad"] == "6" and cell["9 Sammanfattning – föregående samlad"] == "4"
    assert cell["9 Sammanfattning – förändring"] == "2" and cell["9 Sammanfattning – median"] == "6"
    assert cell["2 Effekter – median"] == "" and cell["2 Effekter – antal bedömningar"] == "2"
    assert cell["Åtgärder försenade"] == "1" and cell["G1"] == "1"
    beta_cells = dict(zip(header, beta, strict=True))
    assert beta_cells["9 Sammanfattning – median"] == "7" and beta_cells["9 Sammanfattning – förändring"] == "-2"
    assert "Person" not in raw.decode("utf-8-sig") and teknik[1] == "Tekniska förvaltningen"


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
