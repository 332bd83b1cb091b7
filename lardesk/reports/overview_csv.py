"""The overview as CSV for a spreadsheet, in Swedish Excel's conventions: ';' between fields, a decimal comma,
CRLF line ends and a UTF-8 byte-order mark (so that Excel reads å, ä and ö right).

One line per unit, as the overview shows it: no names, and no median of fewer than three ratings (an empty
cell). The headers are in the guide's language, words of the report-words catalogue (section "csv.overview").
Pure functions of an :class:`~lardesk.method.overview.Overview`; the file is written atomically.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from lardesk.method.guide import SECTIONS, Guide
from lardesk.method.overview import Overview, median_text
from lardesk.method.words import section
from lardesk.reports.files import write_atomic

DELIMITER = ";"
BOM = "\ufeff"
SCALE_COLUMNS = ("joint", "previous_joint", "change", "median", "ratings")
"""Each scale's columns, in order; their headers are words of section "csv.overview" of the catalogue."""


def overview_rows(overview: Overview, guide: Guide, scales: Iterable[int] = SECTIONS) -> list[list[object]]:
    """The table, header first; ``scales`` chooses the scales' columns (the overview's scale filter)."""
    words = section("csv.overview", guide.language)
    chosen = tuple(scales)
    header: list[object] = [words["organisation"], words["unit"], words["latest"], words["previous"]]
    for scale in chosen:
        label = guide.scale(scale).label
        header += [
            words["scale_column"].format(number=scale, label=label, column=words[column]) for column in SCALE_COLUMNS
        ]
    header += list(overview.finding_codes)
    header += [words["open"], words["in_progress"], words["overdue"], words["done"]]
    rows: list[list[object]] = [header]
    for unit in overview.units:
        row: list[object] = [
            unit.organisation,
            unit.unit,
            unit.latest.date.isoformat(),
            unit.previous.date.isoformat() if unit.previous else "",
        ]
        for number_ in chosen:
            shown = unit.scale(number_)
            if shown is None:
                row += ["", "", "", "", 0]
                continue
            row += [shown.joint, shown.previous_joint, shown.change, median_text(shown.median), shown.n]
        row += [unit.findings.get(code, 0) for code in overview.finding_codes]
        row += [unit.actions.open, unit.actions.in_progress, unit.actions.overdue, unit.actions.done]
        rows.append(row)
    return rows


def overview_csv(overview: Overview, guide: Guide, scales: Iterable[int] = SECTIONS) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    for row in overview_rows(overview, guide, scales):
        writer.writerow(["" if cell is None else cell for cell in row])
    return buffer.getvalue()


def write_overview_csv(overview: Overview, guide: Guide, path: str | Path, scales: Iterable[int] = SECTIONS) -> None:
    write_atomic(path, BOM + overview_csv(overview, guide, scales))
