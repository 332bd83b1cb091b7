"""The command line, in process (fast) and once as the installed program (real exit codes, no traceback)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lardesk.cli import main
from tests.conftest import EXAMPLE_FINDINGS_FOUND


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    return str(tmp_path / "data")


def test_import_findings_export_round_trip(data_dir: str, example_path: Path, tmp_path: Path) -> None:
    code, out, err = run("--data-dir", data_dir, "import", str(example_path))
    assert (code, err) == (0, "")
    session = out.strip()
    assert session.isdigit()
    code, out, _ = run("--data-dir", data_dir, "findings", session, "--json")
    findings = json.loads(out)
    table: dict[str, list[str]] = {}
    for finding in findings:
        assert set(finding) >= {"code", "kind", "text", "key"}
        table.setdefault(finding["code"], []).append(finding["key"])
    assert table == EXAMPLE_FINDINGS_FOUND
    assert {f["kind"] for f in findings if f["code"] == "G1"} == {"activity"}
    target = tmp_path / "out.json"
    assert run("--data-dir", data_dir, "export", session, str(target))[0] == 0
    code, out, _ = run("--data-dir", data_dir, "import", str(target))
    assert code == 0
    again = out.strip()
    assert again != session

    def without_ids(session_id: str) -> list[dict[str, object]]:
        found = json.loads(run("--data-dir", data_dir, "findings", session_id, "--json")[1])
        return [{k: v for k, v in f.items() if k != "item_id"} for f in found]

    assert without_ids(again) == without_ids(session)
    code, text, _ = run("--data-dir", data_dir, "findings", again)
    assert "G1 Aktivitet utan koppling till förväntat resultat" in text and "a10" in text


def test_sessions_lists_as_text_and_json(data_dir: str) -> None:
    code, out, _ = run("--data-dir", data_dir, "sessions")
    assert code == 0 and "No sessions yet" in out
    code, demo_id, _ = run("--data-dir", data_dir, "demo")
    assert code == 0
    assert run("--data-dir", data_dir, "demo")[1] == demo_id  # loading it again gives the same session
    code, out, _ = run("--data-dir", data_dir, "sessions", "--json")
    listing = json.loads(out)
    assert listing[0]["organisation"]["name"] == "Exempelkommunen"
    dates = [s["date"] for s in listing[0]["sessions"]]
    assert dates == ["2011-11-15", "2010-11-16"]
    assert listing[0]["sessions"][0]["id"] == int(demo_id)
    code, out, _ = run("--data-dir", data_dir, "sessions")
    assert "Exempelkommunen – Kommunledningsförvaltningen" in out and "2011-11-15" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("findings", "999"), "no session with id 999"),
        (("findings", "abc"), "not a session id"),
        (("export", "999", "x.json"), "no session with id 999"),
        (("import", "/nonexistent/file.json"), "cannot read"),
    ],
)
def test_bad_input_exits_2_with_a_message(data_dir: str, args: tuple[str, ...], message: str) -> None:
    code, _, err = run("--data-dir", data_dir, *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_a_bad_file_names_the_place(data_dir: str, tmp_path: Path, example_path: Path) -> None:
    document = json.loads(example_path.read_text(encoding="utf-8"))
    document["logic"]["activities"][3]["results"] = ["res99"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run("--data-dir", data_dir, "import", str(bad))
    assert code == 2
    assert "/logic/activities/3/results/0" in err and "res99" in err
    assert json.loads(run("--data-dir", data_dir, "sessions", "--json")[1]) == []


def test_database_url_and_environment(tmp_path: Path, example_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'elsewhere.sqlite'}"
    assert run("--database", url, "import", str(example_path))[0] == 0
    assert (tmp_path / "elsewhere.sqlite").exists()
    monkeypatch.setenv("LARDESK_DATABASE_URL", url)
    listing = json.loads(run("sessions", "--json")[1])
    assert len(listing[0]["sessions"]) == 1
    code, _, err = run("--database", "nonsense://", "sessions")
    assert code != 0 and "Traceback" not in err and err


def test_the_installed_program(tmp_path: Path, example_path: Path) -> None:
    """The real entry point in its own process: exit statuses and stderr as a script sees them."""
    base = [sys.executable, "-m", "lardesk", "--data-dir", str(tmp_path)]
    done = subprocess.run([*base, "import", str(example_path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{ not json", encoding="utf-8")
    done = subprocess.run([*base, "import", str(garbage)], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "not valid JSON" in done.stderr and "Traceback" not in done.stderr
    done = subprocess.run([*base, "frobnicate"], capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "invalid choice" in done.stderr
