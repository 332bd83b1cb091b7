"""The indicators as JSON, CSV (for Swedish Excel) and text: every figure, the changes and the gaps."""

from __future__ import annotations

import csv
import io
from dataclasses import fields
from pathlib import Path

import pytest

from lardesk.method.guide import load_guide
from lardesk.method.indicators import RATE_UNIT, Figures, Group, Indicator, group_word, indicator_words
from lardesk.method.logic import ItemKind
from lardesk.method.words import WORD_LANGUAGES, section, word
from lardesk.reports.indicators import (
    CSV_COLUMNS,
    ItemIndicators,
    TableWords,
    indicators_json,
    indicators_rows,
    indicators_text,
    table_words,
    write_indicators_csv,
)

GIRLS_SHARE = Indicator(
    key="i1",
    text="Andel av föreningsbidraget som går till flickors aktiviteter",
    unit="%",
    source="Föreningsregistret",
    baseline=Figures("2010", 36, 64),
    target=Figures("2015", 40, 60, note="40/60"),
    values=(Figures("2011", 36.5, 63.5), Figures("2012", 37.2, 62.8), Figures("2013", 38, 62)),
)
RATES = Indicator(
    key="i3",
    text="Andel av ansökningarna som beviljas",
    unit=RATE_UNIT,
    baseline=Figures("2010", 71.5, 84, 79.2),
    target=Figures("2015", 85, 85),
    values=(Figures("2013", 80.5, 82, 81.4),),
)
ENTRIES = [
    ItemIndicators(ItemKind.EFFECT, "e1", "Föreningsbidraget fördelas jämställt", (GIRLS_SHARE,)),
    ItemIndicators(ItemKind.RESULT, "res2", "Ansökningar beviljas i samma grad", (RATES,)),
    ItemIndicators(ItemKind.RESULT, "res9", "Utan indikatorer", ()),
]


def test_json_has_every_figure_the_change_from_baseline_and_the_gap_per_period() -> None:
    data = indicators_json(ENTRIES, session_id=7)
    assert data["session"] == 7
    assert [item["key"] for item in data["items"]] == ["e1", "res2"]  # items without indicators left out
    girls = data["items"][0]["indicators"][0]
    assert girls["baseline"] == {"period": "2010", "women": 36, "men": 64, "total": None, "note": ""}
    assert [(p["period"], p["row"], p["women"], p["men"], p["gap_women_men"]) for p in girls["periods"]] == [
        ("2010", "baseline", 36, 64, -28),
        ("2011", "measurement", 36.5, 63.5, -27),
        ("2012", "measurement", 37.2, 62.8, -25.6),
        ("2013", "measurement", 38, 62, -24),
        ("2015", "target", 40, 60, -20),
    ]
    assert girls["periods"][2]["change"] == {"women": 1.2, "men": -1.2, "total": None}
    assert girls["change"] == {"women": 2, "men": -2, "total": None}
    assert girls["to_target"] == {"women": 2, "men": -2, "total": None}
    assert girls["gap_trend"] == "narrowed"
    assert girls["moved"] == "towards"
    assert girls["change_unit"] == "percentage points"
    rates = data["items"][1]["indicators"][0]
    assert rates["direction"] == {"women": "towards", "men": "away", "total": "unknown"}
    assert rates["moved"] == "mixed"
    assert (data["moved_towards_target"], data["judged"]) == (1, 2)


def test_csv_is_semicolon_separated_with_a_decimal_comma_and_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "indikatorer.csv"
    write_indicators_csv(ENTRIES, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_period = {(row[3], row[7]): dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]}
    line = by_period["i1", "2012"]
    assert (line["women"], line["men"], line["total"], line["gap_women_men"]) == ("37,2", "62,8", "", "-25,6")
    assert (line["change_women"], line["change_men"]) == ("1,2", "-1,2")
    assert by_period["i1", "2015"]["row"] == "target" and by_period["i1", "2015"]["note"] == "40/60"
    assert by_period["i3", "2010"]["total"] == "79,2"
    assert by_period["i3", "2013"]["unit"] == "% inom gruppen"
    assert len(rows) == 1 + 5 + 3
    assert indicators_rows(ENTRIES) == rows


def test_big_numbers_are_not_grouped_in_the_csv() -> None:
    count = Indicator("i2", "Deltagartillfällen", "antal", baseline=Figures("2010", 41200, 68900, 110100))
    rows = indicators_rows([ItemIndicators(ItemKind.RESULT, "res1", "Fler flickor", (count,))])
    assert rows[1][9:12] == ["41200", "68900", "110100"]


def test_text_shows_a_table_and_what_the_figures_say() -> None:
    text = indicators_text(ENTRIES, load_guide("sv"))
    assert "Effekt e1: Föreningsbidraget fördelas jämställt" in text
    assert "i1  Andel av föreningsbidraget som går till flickors aktiviteter (%)" in text
    assert "Källa: Föreningsregistret" in text
    assert "2010 (utgångsvärde)" in text and "2015 (mål)" in text
    assert "37,2" in text and "−25,6" in text
    assert "Kvinnor: +2\u00a0procentenheter sedan utgångsvärdet, 2\u00a0procentenheter kvar till målet." in text
    assert "Skillnaden har minskat; utvecklingen: mot målet." in text
    assert "Utvecklingen: delvis mot målet" not in text and "utvecklingen: delvis mot målet." in text
    assert "Utan indikatorer" not in text
    assert indicators_text([], load_guide("sv")) == "Inga indikatorer.\n"


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_the_table_words_are_the_catalogue_section_indicators_table(language: str) -> None:
    assert {field.name for field in fields(TableWords)} == set(section("indicators.table", language))


@pytest.mark.parametrize(
    ("language", "head", "said", "none"),
    [
        (
            "sv",
            "Period               Kvinnor   Män  Totalt  Kv − män  Förändring kv / män / tot",
            "Skillnaden har minskat; utvecklingen: mot målet.",
            "Inga indikatorer.",
        ),
        (
            "en",
            "Period           Women   Men  Total  W − M  Change w / m / tot",
            "The gap narrowed; direction: towards the target.",
            "No indicators.",
        ),
    ],
)
def test_the_text_is_written_in_the_catalogue_words_of_its_language(
    language: str, head: str, said: str, none: str
) -> None:
    text = indicators_text(ENTRIES, load_guide(language)).replace("\u00a0", " ")
    lines = [line.strip() for line in text.splitlines()]
    words, indicator = table_words(language), indicator_words(language)
    assert head in lines
    assert head.split() == [
        words.period,
        *(group_word(g, language) for g in Group),
        *words.gap.split(),
        *words.change.split(),
    ]
    assert f"{words.source}: Föreningsregistret" in lines
    assert any(line.startswith(f"2010 ({indicator.baseline})") for line in lines)
    assert any(line.startswith(f"2015 ({indicator.target})") for line in lines)
    assert said in lines
    women = word("indicators.group.women", language)
    since = indicator.since_baseline.format(amount=f"+2 {indicator.percentage_points}")
    assert any(line.startswith(f"{women}: {since}") for line in lines)
    assert indicators_text([], load_guide(language)) == f"{none}\n" == f"{words.none}\n"
