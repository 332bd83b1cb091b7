"""The v2 example with indicators (after the figures the municipalities reported): through import and export
unchanged, and out through `lardesk indicators [--json]` and `lardesk indicators-csv`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from lardesk.cli import EXIT_BAD_INPUT, EXIT_OK, main

EXAMPLE = Path(__file__).resolve().parent / "fixtures" / "example-indicators.json"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def imported(tmp_path: Path) -> tuple[str, str]:
    data = str(tmp_path / "data")
    code, out, err = run("--data-dir", data, "import", str(EXAMPLE))
    assert code == EXIT_OK, err
    return data, out.strip()


def every_figure(document: dict[str, object]) -> list[tuple[str, str, str, str, float]]:
    """(item key, indicator key, row, period, value) for every figure of the exchange file."""
    found = []
    logic = document["logic"]
    assert isinstance(logic, dict)
    for items in logic.values():
        for item in items:
            for indicator in item.get("indicators", []):
                rows = [("baseline", indicator.get("baseline")), ("target", indicator.get("target"))]
                rows += [("measurement", figures) for figures in indicator.get("values", [])]
                for row, figures in rows:
                    if figures is None:
                        continue
                    for group in ("women", "men", "total"):
                        if group in figures:
                            found.append((item["key"], indicator["key"], row, figures["period"], figures[group]))
    return found


def test_the_example_round_trips_unchanged(imported: tuple[str, str], tmp_path: Path) -> None:
    data, session = imported
    target = tmp_path / "again.json"
    code, _, err = run("--data-dir", data, "export", session, str(target))
    assert code == EXIT_OK, err
    original = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    again = json.loads(target.read_text(encoding="utf-8"))
    # roles mode keeps a role or a gender only where 3 or more share it (issue 10, item 8): the example's do
    assert {p["role"] for p in again["participants"]} == {"Chef", "Föreningskonsulent"}
    assert again == original
    assert every_figure(again) == every_figure(original)
    assert len(every_figure(original)) == 29
    assert "36.0" not in target.read_text(encoding="utf-8")  # whole numbers stay whole numbers


def test_indicators_json_has_every_figure_the_change_and_the_gap(imported: tuple[str, str]) -> None:
    data, session = imported
    code, out, err = run("--data-dir", data, "indicators", session, "--json")
    assert code == EXIT_OK, err
    result = json.loads(out)
    assert result["session"] == int(session)
    assert [item["key"] for item in result["items"]] == ["res1", "res2", "e1"]
    shown = {
        (item["key"], indicator["key"], period["row"], period["period"], group): period[group]
        for item in result["items"]
        for indicator in item["indicators"]
        for period in indicator["periods"]
        for group in ("women", "men", "total")
        if period[group] is not None
    }
    original = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for item, indicator, row, period, _value in every_figure(original):
        figures = _figures(original, item, indicator, row, period)
        for group in ("women", "men", "total"):
            if group in figures:
                assert shown[item, indicator, row, period, group] == figures[group]
    girls = result["items"][2]["indicators"][0]
    assert girls["change"] == {"women": 2, "men": -2, "total": None}
    assert [p["gap_women_men"] for p in girls["periods"]] == [-28, -27, -25.6, -24, -20]
    assert girls["periods"][3]["change"] == {"women": 2, "men": -2, "total": None}
    assert (girls["gap_trend"], girls["moved"]) == ("narrowed", "towards")
    assert (result["moved_towards_target"], result["judged"]) == (2, 3)


def _figures(document: dict[str, object], item_key: str, indicator_key: str, row: str, period: str) -> dict[str, float]:
    logic = document["logic"]
    assert isinstance(logic, dict)
    for items in logic.values():
        for item in items:
            if item["key"] != item_key:
                continue
            for indicator in item.get("indicators", []):
                if indicator["key"] != indicator_key:
                    continue
                if row in ("baseline", "target"):
                    figures: dict[str, float] = indicator[row]
                    return figures
                return next(f for f in indicator["values"] if f["period"] == period)
    raise KeyError((item_key, indicator_key, row, period))


def test_indicators_as_text(imported: tuple[str, str]) -> None:
    data, session = imported
    code, out, err = run("--data-dir", data, "indicators", session)
    assert code == EXIT_OK, err
    assert "Effekt e1: Föreningsbidraget fördelas jämställt mellan flickor och pojkar" in out
    assert "2010 (utgångsvärde)" in out and "−25,6" in out and "46\u00a0500" in out
    assert "Skillnaden har minskat; utvecklingen: mot målet." in out


def test_indicators_csv_for_swedish_excel(imported: tuple[str, str], tmp_path: Path) -> None:
    data, session = imported
    target = tmp_path / "indikatorer.csv"
    code, _, err = run("--data-dir", data, "indicators-csv", session, str(target))
    assert code == EXIT_OK, err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    cells = [dict(zip(header, row, strict=True)) for row in body]
    original = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for item, indicator, row, period, value in every_figure(original):
        line = next(
            c
            for c in cells
            if (c["item_key"], c["indicator_key"], c["row"], c["period"]) == (item, indicator, row, period)
        )
        text = str(value).replace(".", ",")
        assert text in (line["women"], line["men"], line["total"])
    line = next(c for c in cells if (c["indicator_key"], c["period"]) == ("i1", "2012"))
    assert (line["women"], line["gap_women_men"], line["change_women"]) == ("37,2", "-25,6", "1,2")
    assert next(c for c in cells if (c["indicator_key"], c["period"]) == ("i2", "2010"))["total"] == "110100"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("indicators", "999"), "there is no session with id 999"),
        (("indicators", "x"), "is not a session id"),
        (("indicators-csv", "999", "{tmp}/a.csv"), "there is no session with id 999"),
        (("indicators-csv", "{session}", "{tmp}/no/such/folder/a.csv"), "does not exist"),
        (("indicators-csv", "{session}", "{tmp}"), "is a folder, not a file"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    imported: tuple[str, str], tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    data, session = imported
    filled = [a.format(tmp=tmp_path, session=session) for a in args]
    code, _out, err = run("--data-dir", data, *filled)
    assert code == EXIT_BAD_INPUT
    assert message in err
    assert "Traceback" not in err
