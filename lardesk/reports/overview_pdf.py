"""The overview and the half-year checkpoint as PDFs: tagged PDF/UA-1 through the same Typst template as the
minutes (:mod:`lardesk.reports.typst_pdf`), built as :class:`~lardesk.reports.document.Document` blocks.

- The overview: every unit's latest follow-up, one row each; per scale the agreed value with its change since the
  previous follow-up as a sign and an arrow, and the median when at least three rated; then the findings and the
  actions. Numbers and arrows carry everything (the PDF has no colour to lose). No names.
- The half-year checkpoint ("uppföljningsdag efter cirka ett halvår"): per unit, the actions of its latest
  follow-up with owner, date, status and comment, and lines to write the new status and a comment on.

The words are the report-words catalogue's (:mod:`lardesk.method.words`, section "overview" and the shared
top-level words), read into the typed :class:`Words`. Pure functions of the frozen overview values; the file is
written atomically.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lardesk.method.actions import ActionStatus
from lardesk.method.guide import SECTIONS, Guide
from lardesk.method.overview import ActionEntry, Overview, change_text, median_text
from lardesk.method.words import WORD_LANGUAGES, section, word
from lardesk.reports import document as doc
from lardesk.reports.files import render_atomic

NO_BREAK = "\N{NO-BREAK SPACE}"


@dataclass(frozen=True, slots=True)
class Words:
    """The words of the overview and the checkpoint: section "overview" of the report-words catalogue
    (:mod:`lardesk.method.words`), and the words every report shares from its top level (:data:`SHARED`)."""

    overview_title: str
    overview_kicker: str
    explanation: str
    scales_heading: str
    scales_legend: str
    """The scales by number and name, with ``{scales}``."""
    findings_heading: str
    unit: str
    latest: str
    previous: str
    open: str
    in_progress: str
    overdue: str
    done: str
    median_value: str
    """A scale's median under its joint value: "md {median}"."""
    no_units: str
    checkpoint_title: str
    checkpoint_kicker: str
    checkpoint_intro: str
    from_session: str
    action: str
    owner: str
    due: str
    status: str
    comment: str
    new_status: str
    new_comment: str
    overdue_mark: str
    no_actions: str
    scale_action: str
    """An action of one scale on the checkpoint, with ``{number}`` and ``{action}``."""
    printed: str
    keyword_method: str
    keyword_mainstreaming: str
    page: str
    statuses: dict[ActionStatus, str]


SHARED = ("action", "due", "status", "comment", "no_actions", "page")
"""The fields of :class:`Words` taken from the catalogue's top level, the words all the reports share; with
them the status words (``action_status.*``), and the column of actions in progress is the status word too."""


def catalogue_words(language: str) -> Words:
    """The typed words of ``language``, built from the catalogue: a word missing there, or one there that no
    field takes, fails here (and in the tests), not in a printed PDF."""
    fields: dict[str, Any] = dict(section("overview", language))
    fields |= {name: word(name, language) for name in SHARED}
    fields["in_progress"] = word("action_status.in_progress", language)
    fields["statuses"] = {status: word(f"action_status.{status.value}", language) for status in ActionStatus}
    return Words(**fields)


WORDS = {language: catalogue_words(language) for language in WORD_LANGUAGES}


def words_for(guide: Guide) -> Words:
    return WORDS.get(guide.language, WORDS["sv"])


# -- the overview --------------------------------------------------------------------------------------------


def scale_cell(joint: int | None, change: int | None, median: float | None, words: Words, decimal: str) -> str:
    first = "–" if joint is None else str(joint)
    if change is not None:
        first += f" {change_text(change)}"
    shown = median_text(median, decimal)
    return f"{first}\n{words.median_value.format(median=shown)}" if shown else first


def overview_document(overview: Overview, guide: Guide, scales: Iterable[int] = SECTIONS) -> doc.Document:
    words = words_for(guide)
    decimal = "," if guide.language == "sv" else "."  # a number format, not a word
    chosen = tuple(scales)
    today = overview.today.isoformat()
    units = word("units", guide.language, n=len(overview.units))
    subtitle = f"{units} · {words.printed.format(date=today)}"
    blocks: list[doc.Block] = [doc.Paragraph(words.explanation)]
    if not overview.units:
        blocks.append(doc.Paragraph(words.no_units))
    else:
        header = (words.unit, words.latest, words.previous, *(str(n) for n in chosen))
        rows = tuple(
            (
                unit.display_name,
                unit.latest.date.isoformat(),
                unit.previous.date.isoformat() if unit.previous else "–",
                *(
                    scale_cell(s.joint, s.change, s.median, words, decimal)
                    for s in (unit.scale(n) for n in chosen)
                    if s is not None
                ),
            )
            for unit in overview.units
        )
        scale_names = "; ".join(f"{n} {guide.scale(n).label}" for n in chosen)
        left = 3.8 if len(chosen) > 3 else 4.5
        blocks += [
            doc.PageBreak("landscape"),
            doc.Heading(words.scales_heading),
            doc.Paragraph(words.scales_legend.format(scales=scale_names), "small"),
            doc.Table(header, rows, widths=(left, 1.6, 1.6, *([1.2] * len(chosen))), align="lll" + "l" * len(chosen)),
        ]
        codes = overview.finding_codes
        finding_header = (
            words.unit,
            *codes,
            words.open,
            words.in_progress,
            words.overdue,
            words.done,
        )
        finding_rows = tuple(
            (
                unit.display_name,
                *(str(unit.findings.get(code, 0)) for code in codes),
                str(unit.actions.open),
                str(unit.actions.in_progress),
                str(unit.actions.overdue),
                str(unit.actions.done),
            )
            for unit in overview.units
        )
        legend = "; ".join(f"{code} {guide.findings.get(code, code)}" for code in codes)
        blocks += [
            doc.Heading(words.findings_heading, new_page=True),
            doc.Paragraph(legend, "small"),
            doc.Table(
                finding_header,
                finding_rows,
                widths=(4.0, *([0.6] * len(codes)), 0.9, 0.9, 1.1, 0.9),
                align="l" + "r" * (len(codes) + 4),
            ),
        ]
    return doc.Document(
        title=words.overview_title,
        language=guide.language,
        blocks=tuple(blocks),
        kicker=words.overview_kicker,
        subtitle=subtitle,
        subject=words.overview_title,
        keywords=(words.keyword_method, words.keyword_mainstreaming, words.overview_kicker),
        running_head=words.overview_title,
        page_number=words.page,
    )


def render_overview_pdf(overview: Overview, guide: Guide, path: str | Path, scales: Iterable[int] = SECTIONS) -> None:
    """Write the overview as a tagged PDF/UA-1 at ``path``, atomically."""
    from lardesk.reports.typst_pdf import write_pdf

    document = overview_document(overview, guide, scales)
    render_atomic(path, lambda temp: write_pdf(document, temp))


# -- the half-year checkpoint --------------------------------------------------------------------------------


def checkpoint_document(actions: Sequence[ActionEntry], guide: Guide, today: dt.date) -> doc.Document:
    """Per unit (in the order given), a table of its actions — what, owner, date, status and comment — with
    the new status to tick and room to write a comment. A row never splits over two pages."""
    words = words_for(guide)
    blocks: list[doc.Block] = [doc.Paragraph(words.checkpoint_intro)]
    if not actions:
        blocks.append(doc.Paragraph(words.no_actions))
    boxes = "\n".join(f"☐ {label}".replace(" ", NO_BREAK) for label in words.statuses.values())  # one line each
    header = (words.action, words.owner, words.due, words.status, words.comment, words.new_status, words.new_comment)
    groups: dict[tuple[str, int], list[ActionEntry]] = {}
    for action in actions:
        groups.setdefault((action.display_unit, action.session_id), []).append(action)
    for index, ((unit, _session), entries) in enumerate(groups.items()):
        if index == 0:
            blocks.append(doc.PageBreak("landscape"))
        rows = []
        for action in entries:
            what = (
                action.text
                if action.scale is None
                else words.scale_action.format(number=action.scale, action=action.text)
            )
            due = action.due.isoformat() if action.due else "–"
            if action.is_overdue(today):
                due += f"\n⚠ {words.overdue_mark}"
            status = words.statuses[action.status]
            if action.status_date is not None:
                status += f"\n{action.status_date.isoformat()}"
            rows.append((what, action.owner or "–", due, status, action.status_comment or "–", boxes, ""))
        blocks += [
            doc.Heading(unit, new_page=index > 0),
            doc.Paragraph(words.from_session.format(date=entries[0].session_date.isoformat()), "small"),
            doc.Table(header, tuple(rows), widths=(3.0, 1.3, 1.2, 1.3, 1.8, 2.2, 3.0)),
        ]
    return doc.Document(
        title=words.checkpoint_title,
        language=guide.language,
        blocks=tuple(blocks),
        kicker=words.checkpoint_kicker,
        subtitle=words.printed.format(date=today.isoformat()),
        subject=words.checkpoint_title,
        keywords=(words.keyword_method, words.checkpoint_kicker),
        running_head=words.checkpoint_title,
        page_number=words.page,
    )


def render_checkpoint_pdf(actions: Sequence[ActionEntry], guide: Guide, path: str | Path, today: dt.date) -> None:
    """Write the half-year checkpoint as a tagged PDF/UA-1 at ``path``, atomically."""
    from lardesk.reports.typst_pdf import write_pdf

    document = checkpoint_document(actions, guide, today)
    render_atomic(path, lambda temp: write_pdf(document, temp))
