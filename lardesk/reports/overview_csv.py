"""The overview as CSV for a spreadsheet, in Swedish Excel's conventions: ';' between fields, a decimal comma,
CRLF line ends and a UTF-8 byte-order mark (so that Excel reads å, ä and ö right).

One line per unit, as the overview shows it: no names, and no median of fewer than three ratings (an empty
cell). Pure functions of an :class:`~lardesk.method.overview.Overview`; the file is written atomically.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from lardesk.method.guide import SECTIONS, Guide
from lardesk.method.overview import Overview, median_text
from lardesk.reports.files import write_atomic

DELIMITER = ";"
BOM = "\ufeff"

HEADERS = {
    "sv": {
        "organisation": "Organisation",
        "unit": "Enhet",
        "latest": "Senaste uppföljning",
        "previous": "Föregående uppföljning",
        "joint": "samlad",
        "previous_joint": "föregående samlad",
        "change": "förändring",
        "median": "median",
        "n": "antal bedömningar",
        "open": "Åtgärder öppna",
        "in_progress": "Åtgärder pågående",
        "overdue": "Åtgärder försenade",
        "done": "Åtgärder klara",
    },
    "en": {
        "organisation": "Organisation",
        "unit": "Unit",
        "latest": "Latest follow-up",
        "previous": "Previous follow-up",
        "joint": "joint",
        "previous_joint": "previous joint",
        "change": "change",
        "median": "median",
        "n": "ratings",
        "open": "Actions open",
        "in_progress": "Actions in progress",
        "overdue": "Actions overdue",
        "done": "Actions done",
    },
}


def overview_rows(overview: Overview, guide: Guide, scales: Iterable[int] = SECTIONS) -> list[list[object]]:
    """The table, header first; ``scales`` chooses the scales' columns (the overview's scale filter)."""
    words = HEADERS.get(guide.language, HEADERS["sv"])
    chosen = tuple(scales)
    header: list[object] = [words["organisation"], words["unit"], words["latest"], words["previous"]]
    for scale in chosen:
        name = f"{scale} {guide.scale(scale).label}"
        header += [f"{name} – {words[part]}" for part in ("joint", "previous_joint", "change", "median", "n")]
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
