"""The ratings as CSV: anonymous by default, names only when the group chose open mode.

Anonymous: one line per value given (round, scale, value), sorted, with no participant column at all, so
nothing links one person's values across the scales. Named (open mode only): one line per participant,
scale and round, with the participant's key, name and role. An abstention is an empty value with
``abstained`` = 1 in both. A breakdown by gender is a separate table that leaves out (blank, with the reason)
every scale where some gender group has fewer than three values.

The column names are fixed identifiers (``round``, ``scale``, ``scale_label``, ``value``, ``abstained``,
``median_woman``, …), the same in both languages, for scripts to read; what is written in the cells (the scales'
labels, the reason a line is left blank) is in the guide's language, the reason a word of the report-words
catalogue (section "csv.ratings").

Pure functions of a snapshot; the file is written beside its target and moved into place.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lardesk.method.guide import Guide
from lardesk.method.people import Gender
from lardesk.method.snapshot import Anonymity, SessionSnapshot
from lardesk.method.stats import MIN_GROUP_SIZE, may_break_down, number, scale_stats
from lardesk.method.words import word
from lardesk.reports.files import write_atomic

DELIMITER = ";"
"""Swedish spreadsheets read ';' (the decimal separator is ',')."""


class NamesNotAllowed(ValueError):
    """Names were asked for, but the group did not choose open mode."""


def _rounds(snapshot: SessionSnapshot, round_: int | None) -> tuple[int, ...]:
    return snapshot.rounds() if round_ is None else (round_,)


def _text(rows: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return buffer.getvalue()


def ratings_rows(
    snapshot: SessionSnapshot, guide: Guide, *, round_: int | None = None, named: bool = False
) -> list[list[object]]:
    """The table (header first). ``named`` raises NamesNotAllowed unless the session is in open mode."""
    if named and snapshot.session.anonymity is not Anonymity.OPEN:
        raise NamesNotAllowed("names are exported only when the group chose open mode")
    agreed = snapshot.session.agreed_sections
    present = {p.id: p for p in snapshot.present}
    order = {p.id: index for index, p in enumerate(snapshot.present)}
    rows: list[list[object]] = []
    if named:
        rows.append(["round", "scale", "scale_label", "participant", "name", "role", "value", "abstained"])
    else:
        rows.append(["round", "scale", "scale_label", "value", "abstained"])
    for round_number in _rounds(snapshot, round_):
        ratings = [r for r in snapshot.ratings_in(round_number) if r.participant_id in present and r.scale in agreed]
        if named:
            ratings.sort(key=lambda r: (r.scale, order[r.participant_id]))
            for r in ratings:
                p = present[r.participant_id]
                rows.append(
                    [
                        round_number,
                        r.scale,
                        guide.scale(r.scale).label,
                        p.key,
                        p.name or "",
                        p.role,
                        r.value,
                        1 if r.value is None else 0,
                    ]
                )
        else:
            ratings.sort(key=lambda r: (r.scale, r.value is None, r.value or 0))
            for r in ratings:
                rows.append([round_number, r.scale, guide.scale(r.scale).label, r.value, 1 if r.value is None else 0])
    return rows


def ratings_csv(snapshot: SessionSnapshot, guide: Guide, *, round_: int | None = None, named: bool = False) -> str:
    return _text(ratings_rows(snapshot, guide, round_=round_, named=named))


def write_ratings_csv(
    snapshot: SessionSnapshot, guide: Guide, path: str | Path, *, round_: int | None = None, named: bool = False
) -> None:
    """Write the CSV with a byte-order mark, so that Excel reads å, ä and ö right."""
    write_atomic(path, "\ufeff" + ratings_csv(snapshot, guide, round_=round_, named=named))


# -- breakdown by gender ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupLine:
    scale: int
    allowed: bool
    """False: some group had fewer than three values; nothing of the scale is shown."""
    medians: dict[Gender, float | None]
    sizes: dict[Gender, int]


def gender_breakdown(snapshot: SessionSnapshot, round_: int = 1) -> list[GroupLine]:
    """Per agreed scale, the median of each gender's values, or nothing when a group is under three."""
    gender_of = {p.id: p.gender for p in snapshot.present}
    lines = []
    for scale in snapshot.session.agreed_sections:
        groups: dict[Gender, list[int]] = {}
        for r in snapshot.ratings_in(round_):
            if r.scale == scale and r.value is not None and r.participant_id in gender_of:
                groups.setdefault(gender_of[r.participant_id], []).append(r.value)
        sizes = {gender: len(values) for gender, values in groups.items()}
        allowed = bool(groups) and may_break_down(sizes.values())
        medians = (
            {gender: scale_stats(scale, values, len(values)).median for gender, values in groups.items()}
            if allowed
            else {}
        )
        lines.append(GroupLine(scale, allowed, medians, sizes if allowed else {}))
    return lines


def gender_breakdown_csv(snapshot: SessionSnapshot, guide: Guide, round_: int = 1) -> str:
    genders = list(Gender)
    rows: list[list[object]] = [["scale", "scale_label", *(f"median_{g.value}" for g in genders), "note"]]
    for line in gender_breakdown(snapshot, round_):
        if line.allowed:
            cells: list[object] = [number(line.medians.get(g)) for g in genders]
            note = ""
        else:
            cells = [None] * len(genders)
            note = word("csv.ratings.not_shown", guide.language, size=MIN_GROUP_SIZE)
        rows.append([line.scale, guide.scale(line.scale).label, *cells, note])
    return _text(rows)
