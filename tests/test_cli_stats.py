"""`lardesk stats SESSION [--json]` and `lardesk ratings-csv` on the imported example worksheet."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from lardesk.cli import EXIT_BAD_INPUT, EXIT_OK, main


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def imported(tmp_path: Path, example_path: Path) -> tuple[str, str]:
    data = str(tmp_path / "data")
    code, out, err = run("--data-dir", data, "import", str(example_path))
    assert code == EXIT_OK, err
    return data, out.strip()


def test_stats_json_matches_the_example_readme(imported: tuple[str, str]) -> None:
    data, session = imported
    code, out, err = run("--data-dir", data, "stats", session, "--json")
    assert code == EXIT_OK, err
    result = json.loads(out)
    scales = {s["scale"]: s for s in result["scales"]}
    assert sorted(scales) == list(range(1, 10))
    for s in scales.values():
        assert {"scale", "n", "present", "median", "min", "max", "values", "joint"} <= set(s)
        assert s["values"] == sorted(s["values"])
        assert len(s["values"]) == s["n"]
    # "Scale 7 has 5 ratings of 6 participants (p5 abstained); medians: 1→7, 4→3, 9→5.5."
    assert (scales[7]["n"], scales[7]["present"]) == (5, 6)
    assert scales[7]["values"] == [4, 6, 6, 7, 8]
    assert scales[1]["median"] == 7
    assert isinstance(scales[1]["median"], int)  # printed as 7, not 7.0
    assert scales[4]["median"] == 3
    assert scales[9]["median"] == 5.5
    assert '"median": 7,' in out
    assert '"median": 5.5,' in out
    assert (scales[1]["min"], scales[1]["max"]) == (5, 9)
    assert scales[9]["joint"] == 5
    assert scales[1]["joint"] is None
    assert result["round"] == 1


def test_stats_as_text(imported: tuple[str, str]) -> None:
    data, session = imported
    code, out, _ = run("--data-dir", data, "stats", session)
    assert code == EXIT_OK
    lines = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert "5 av 6" in lines["7"]
    assert " 5.5 " in lines["9"]
    assert "Samlad bedömning" in lines["9"]


def test_stats_of_an_unknown_session(imported: tuple[str, str]) -> None:
    data, _ = imported
    code, _, err = run("--data-dir", data, "stats", "999")
    assert code == EXIT_BAD_INPUT
    assert "999" in err


def test_ratings_csv_is_anonymous_unless_open_mode(imported: tuple[str, str], tmp_path: Path) -> None:
    data, session = imported
    target = tmp_path / "ratings.csv"
    code, _, err = run("--data-dir", data, "ratings-csv", session, str(target))
    assert code == EXIT_OK, err
    text = target.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "round;scale;scale_label;value;abstained"
    assert "HR-strateg" not in text
    code, _, err = run("--data-dir", data, "ratings-csv", session, str(tmp_path / "named.csv"), "--names")
    assert code == EXIT_BAD_INPUT
    assert "open mode" in err
    assert not (tmp_path / "named.csv").exists()
    code, _, _ = run("--data-dir", data, "ratings-csv", session, str(tmp_path / "gender.csv"), "--by-gender")
    assert code == EXIT_OK
    assert "visas inte: en grupp med färre än 3" in (tmp_path / "gender.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("extra", [(), ("--by-gender",)])
def test_ratings_csv_to_a_folder_that_is_not_there_is_bad_input(
    imported: tuple[str, str], tmp_path: Path, extra: tuple[str, ...]
) -> None:
    data, session = imported
    target = tmp_path / "missing" / "ratings.csv"
    code, _, err = run("--data-dir", data, "ratings-csv", session, str(target), *extra)
    assert code == EXIT_BAD_INPUT
    assert err.startswith("lardesk: ") and "Traceback" not in err
    assert "missing" in err
