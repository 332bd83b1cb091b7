"""The indicators of a session as JSON, as CSV and as text: what ``lardesk indicators`` and
``lardesk indicators-csv`` write. Pure functions of the items and their indicators.

Per indicator and period: women, men and total as measured, the gap women − men and the change from the
baseline per group; per indicator: the change from the baseline to the latest measurement, what is left to
the target, whether the gap narrowed and whether the figures moved towards the target. Nothing is derived: a
figure that was not given is empty.

The CSV is for Swedish spreadsheets: semicolon-separated, decimal comma, no digit grouping, hyphen-minus,
UTF-8 with a byte-order mark (written by :func:`write_indicators_csv`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lardesk.method.guide import Guide
from lardesk.method.indicators import (
    MAX_PLACES,
    Figures,
    Group,
    Indicator,
    change_unit,
    difference,
    format_number,
    group_word,
    indicator_words,
    moved_towards_target,
    summarize,
    summary_lines,
)
from lardesk.method.logic import BOARD_ORDER, ItemKind
from lardesk.method.snapshot import SessionSnapshot
from lardesk.method.stats import number
from lardesk.method.words import section
from lardesk.reports.files import write_atomic

DELIMITER = ";"
"""Swedish spreadsheets read ';' (the decimal separator is ',')."""
CSV_COLUMNS = (
    "item_kind",
    "item_key",
    "item",
    "indicator_key",
    "indicator",
    "unit",
    "source",
    "period",
    "row",
    "women",
    "men",
    "total",
    "gap_women_men",
    "change_women",
    "change_men",
    "change_total",
    "note",
)
"""``row`` is ``baseline``, ``measurement`` or ``target``; the changes are from the baseline."""


@dataclass(frozen=True, slots=True)
class ItemIndicators:
    """One item of the program logic and its indicators."""

    kind: ItemKind
    key: str
    text: str
    indicators: tuple[Indicator, ...]


def entries_of(snapshot: SessionSnapshot) -> list[ItemIndicators]:
    """The items of ``snapshot`` that carry indicators, in the board's order (starting points, results,
    effects), each column top to bottom."""
    items = sorted(
        (item for item in snapshot.items if item.indicators),
        key=lambda item: (BOARD_ORDER.index(item.kind), item.position),
    )
    return [ItemIndicators(item.kind, item.key, item.text, item.indicators) for item in items]


def _row_kind(indicator: Indicator, figures: Figures) -> str:
    if figures is indicator.baseline:
        return "baseline"
    if figures is indicator.target:
        return "target"
    return "measurement"


def _rows_of(indicator: Indicator) -> list[Figures]:
    return [*indicator.series, *((indicator.target,) if indicator.target is not None else ())]


def _changes(indicator: Indicator, figures: Figures) -> dict[Group, float | None]:
    """The change of each group from the baseline (None for the baseline itself, the target, or a gap)."""
    if indicator.baseline is None or figures is indicator.target or figures is indicator.baseline:
        return dict.fromkeys(Group)
    return {group: difference(figures.value(group), indicator.baseline.value(group)) for group in Group}


def _json_number(value: float | None) -> int | float | None:
    """36.0 → 36, 38.5 → 38.5 (float noise rounded away)."""
    return None if value is None else number(round(value, MAX_PLACES))


def indicator_json(indicator: Indicator) -> dict[str, Any]:
    summary = summarize(indicator)

    def figures(f: Figures | None) -> dict[str, Any] | None:
        if f is None:
            return None
        return {"period": f.period, **{g.value: _json_number(f.value(g)) for g in Group}, "note": f.note}

    periods = []
    for f in _rows_of(indicator):
        changes = _changes(indicator, f)
        periods.append(
            {
                "period": f.period,
                "row": _row_kind(indicator, f),
                **{g.value: _json_number(f.value(g)) for g in Group},
                "gap_women_men": _json_number(f.gap),
                "change": {g.value: _json_number(changes[g]) for g in Group},
            }
        )
    return {
        "key": indicator.key,
        "text": indicator.text,
        "unit": indicator.unit,
        "source": indicator.source,
        "baseline": figures(indicator.baseline),
        "target": figures(indicator.target),
        "values": [figures(f) for f in indicator.values],
        "periods": periods,
        "change": {c.group.value: _json_number(c.change) for c in summary.groups},
        "latest_period": {c.group.value: c.latest_period for c in summary.groups},
        "to_target": {c.group.value: _json_number(c.to_target) for c in summary.groups},
        "reached": {c.group.value: c.reached for c in summary.groups},
        "direction": {c.group.value: c.direction.value for c in summary.groups},
        "gap_trend": summary.gap_trend.value,
        "moved": summary.direction.value,
        "change_unit": change_unit(indicator.unit, "en"),
    }


def indicators_json(entries: Sequence[ItemIndicators], session_id: int | None = None) -> dict[str, Any]:
    """Every item with indicators, and per indicator its figures and what they say (see the module)."""
    items = [
        {
            "kind": entry.kind.value,
            "key": entry.key,
            "text": entry.text,
            "indicators": [indicator_json(indicator) for indicator in entry.indicators],
        }
        for entry in entries
        if entry.indicators
    ]
    towards, judged = moved_towards_target(i for entry in entries for i in entry.indicators)
    return {"session": session_id, "items": items, "moved_towards_target": towards, "judged": judged}


# -- CSV ----------------------------------------------------------------------------------------------------


def indicators_rows(entries: Iterable[ItemIndicators]) -> list[list[str]]:
    """The table, header first: one line per indicator and period (baseline, measurements, target)."""

    def cell(value: float | None) -> str:
        return format_number(value, "sv", plain=True, missing="")

    rows: list[list[str]] = [list(CSV_COLUMNS)]
    for entry in entries:
        for indicator in entry.indicators:
            for f in _rows_of(indicator):
                changes = _changes(indicator, f)
                rows.append(
                    [
                        entry.kind.value,
                        entry.key,
                        entry.text,
                        indicator.key,
                        indicator.text,
                        indicator.unit,
                        indicator.source,
                        f.period,
                        _row_kind(indicator, f),
                        *(cell(f.value(g)) for g in Group),
                        cell(f.gap),
                        *(cell(changes[g]) for g in Group),
                        f.note,
                    ]
                )
    return rows


def indicators_csv(entries: Iterable[ItemIndicators]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerows(indicators_rows(entries))
    return buffer.getvalue()


def write_indicators_csv(entries: Iterable[ItemIndicators], path: str | Path) -> None:
    """Write the CSV with a byte-order mark, so that Excel reads å, ä and ö (and the decimal comma) right."""
    write_atomic(path, "\ufeff" + indicators_csv(entries))


# -- text ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TableWords:
    """The words of the text table (catalogue ``indicators.table``); the groups, "utgångsvärde" and "mål" are
    the indicators' words (:func:`lardesk.method.indicators.indicator_words`)."""

    period: str
    gap: str
    """The gap column: "Kv − män"."""
    change: str
    """The change column: "Förändring kv / män / tot"."""
    source: str
    none: str
    """What a session without indicators prints."""


@cache
def table_words(language: str) -> TableWords:
    return TableWords(**section("indicators.table", language))


def _table(indicator: Indicator, language: str) -> list[str]:
    words = table_words(language)
    rows = {"baseline": indicator_words(language).baseline, "target": indicator_words(language).target}
    head = [words.period, *(group_word(g, language) for g in Group), words.gap, words.change]
    body: list[list[str]] = []
    for f in _rows_of(indicator):
        kind = _row_kind(indicator, f)
        period = f.period + (f" ({rows[kind]})" if kind in rows else "")
        changes = _changes(indicator, f)
        change = (
            " / ".join(format_number(changes[g], language, signed=True) for g in Group)
            if kind == "measurement" and indicator.baseline is not None
            else ""
        )
        gap = format_number(f.gap, language, signed=False) if f.gap is not None else "–"
        body.append([period, *(format_number(f.value(g), language) for g in Group), gap, change])
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
    lines = []
    for row in [head, *body]:
        cells = [row[0].ljust(widths[0]), *(row[i].rjust(widths[i]) for i in range(1, len(row) - 1)), row[-1]]
        lines.append("  ".join(cells).rstrip())
    return lines


def indicators_text(entries: Sequence[ItemIndicators], guide: Guide) -> str:
    """The indicators as a terminal shows them: per item, per indicator a table and what it says."""
    language = guide.language
    words = table_words(language)
    out: list[str] = []
    for entry in entries:
        if not entry.indicators:
            continue
        out.append(f"{guide.term(entry.kind.value)} {entry.key}: {entry.text}")
        for indicator in entry.indicators:
            unit = f" ({indicator.unit})" if indicator.unit else ""
            out.append(f"  {indicator.key}  {indicator.text}{unit}")
            if indicator.source:
                out.append(f"      {words.source}: {indicator.source}")
            out += [f"      {line}" for line in _table(indicator, language)]
            out += [f"      {line}" for line in summary_lines(summarize(indicator), language)]
        out.append("")
    if not out:
        return words.none + "\n"
    return "\n".join(out).rstrip("\n") + "\n"
