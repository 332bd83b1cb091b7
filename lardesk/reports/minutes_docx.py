"""The minutes as an editable Word document (DOCX), for the committee secretary who must adapt them.

Same content as the PDF (both read :func:`lardesk.reports.minutes.build_minutes`), laid out with Word's own
styles (Title, Heading 1/2, List, tables) so the secretary can restyle it to the municipality's template;
"Sida x (y)" is a PAGE/NUMPAGES field in the header. Written atomically like every export.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lardesk.method.guide import Guide
from lardesk.method.snapshot import Anonymity, SessionSnapshot
from lardesk.reports.files import render_atomic
from lardesk.reports.minutes import (
    FigureImage,
    Minutes,
    MinutesFigures,
    MinutesOptions,
    build_minutes,
    draw_figures,
)

FONT_NAME = "DejaVu Sans"
"""Asked for, not embedded: Word falls back to a similar sans serif where DejaVu is not installed."""


def _field(run: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) inside ``run``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, shown, end):
        run._r.append(element)


def _table(document: Any, header: list[str] | None, rows: list[list[str]], widths_cm: list[float] | None = None) -> Any:
    from docx.shared import Cm, Pt

    table = document.add_table(rows=0, cols=len(rows[0] if rows else header or [""]))
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells, header, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            run.font.size = Pt(8.5)
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            lines = text.split("\n")
            cell.text = ""
            paragraph = cell.paragraphs[0]
            for index, line in enumerate(lines):
                run = paragraph.add_run(line)
                run.font.size = Pt(9)
                if index < len(lines) - 1:
                    run.add_break()
    if widths_cm:
        for row in table.rows:
            for cell, width in zip(row.cells, widths_cm, strict=False):
                cell.width = Cm(width)
    return table


def _picture(document: Any, image: FigureImage, width_cm: float, caption: str) -> None:
    import io

    from docx.shared import Cm

    document.add_picture(io.BytesIO(image.png), width=Cm(width_cm))
    paragraph = document.add_paragraph(caption)
    paragraph.runs[0].italic = True


def write_minutes_docx(
    minutes: Minutes, target: Path, *, board: FigureImage | None = None, spread: FigureImage | None = None
) -> None:
    """Lay out ``minutes`` as a DOCX at ``target``; not atomic by itself."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    lab = minutes.labels
    document = Document()
    styles = document.styles
    styles["Normal"].font.name = FONT_NAME
    styles["Normal"].font.size = Pt(10)
    core = document.core_properties
    meta = minutes.metadata
    core.title = meta.get("title", "")
    core.author = meta.get("author", "")
    core.subject = meta.get("subject", "")
    core.keywords = meta.get("keywords", "")
    core.language = meta.get("lang", "sv-SE")
    core.comments = meta.get("creator", "")

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    header = section.header.paragraphs[0]
    header.text = f"{minutes.running_head}\t\t"
    header.add_run(f"{lab.page} ")
    _field(header.add_run(), "PAGE")
    header.add_run(" (")
    _field(header.add_run(), "NUMPAGES")
    header.add_run(")")
    if minutes.case_number:
        header.add_run(f"\n\t\t{lab.case_number} {minutes.case_number}")
    section.footer.paragraphs[0].text = minutes.footer

    document.add_paragraph(lab.kind.upper()).runs[0].bold = True
    document.add_heading(minutes.title, level=0)
    if minutes.subtitle:
        document.add_paragraph(minutes.subtitle)
    _table(document, None, [[label, value] for label, value in minutes.header], [4.2, 12.4])

    document.add_heading(lab.participants, level=1)
    document.add_paragraph(minutes.participation + ".")
    if minutes.participant_mode is Anonymity.OPEN and minutes.participants:
        _table(document, [lab.name, lab.role], [[n, r] for n, r in minutes.participants], [7.5, 9.1])
    elif minutes.participant_mode is Anonymity.ROLES and minutes.roles_summary:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{lab.roles}: ").bold = True
        paragraph.add_run(minutes.roles_summary + ".")
    elif minutes.participant_mode is Anonymity.ANONYMOUS:
        document.add_paragraph(lab.count_only)

    document.add_heading(lab.agreed, level=1)
    document.add_paragraph(minutes.agreed_intro)
    for line in minutes.agreed:
        document.add_paragraph(line, style="List Bullet")

    document.add_heading(lab.discussion, level=1)
    for part in minutes.sections:
        if part.part_title:
            document.add_paragraph(part.part_title.upper()).runs[0].bold = True
        document.add_heading(f"{part.number}. {part.title}", level=2)
        for chunk in _chunks(part.note):
            document.add_paragraph(chunk)
        for question in part.questions:
            if question.group:
                document.add_paragraph(question.group).runs[0].italic = True
            document.add_paragraph().add_run(f"{question.number}  {question.question}").bold = True
            for chunk in _chunks(question.note):
                document.add_paragraph(chunk)
        if not part.note and not part.questions:
            document.add_paragraph(lab.no_notes).runs[0].italic = True
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{part.assessment_heading}. ").bold = True
        paragraph.add_run(part.assessment_question).italic = True
        document.add_paragraph(part.assessment)
        if part.joint:
            document.add_paragraph(part.joint)
        if part.actions:
            document.add_paragraph().add_run(part.follow_up).bold = True
            for action in part.actions:
                document.add_paragraph(action, style="List Bullet")

    # The program logic, on a landscape section like the worksheet.
    wide = document.add_section()
    wide.orientation = WD_ORIENT.LANDSCAPE
    wide.page_width, wide.page_height = Cm(29.7), Cm(21.0)
    document.add_heading(lab.logic, level=1)
    document.add_paragraph(lab.logic_intro)
    if minutes.starting_points:
        document.add_paragraph().add_run(lab.starting_points).bold = True
        for point in minutes.starting_points:
            document.add_paragraph(point.text, style="List Bullet")
    height = max((len(column) for column in minutes.logic_columns), default=0)
    rows = [
        [
            (f"{column[r].text}\n{column[r].detail}" if column[r].detail else column[r].text) if r < len(column) else ""
            for column in minutes.logic_columns
        ]
        for r in range(height)
    ]
    if rows:
        _table(document, list(minutes.logic_headers), rows, [4.3, 5.8, 5.8, 4.8, 4.6])
    else:
        _table(document, list(minutes.logic_headers), [[""] * len(minutes.logic_headers)])
    if board is not None:
        _picture(document, board, 24.0, lab.board_caption)
    tall = document.add_section()
    tall.orientation = WD_ORIENT.PORTRAIT
    tall.page_width, tall.page_height = Cm(21.0), Cm(29.7)

    document.add_heading(lab.gaps, level=1)
    document.add_paragraph(lab.gaps_intro)
    _table(document, None, [[g.title, "\n".join(g.items) or lab.none] for g in minutes.gaps], [7.0, 9.6])
    document.add_paragraph().add_run(lab.status_findings).bold = True
    _table(document, None, [[g.title, "\n".join(g.items) or lab.none] for g in minutes.status_findings], [7.0, 9.6])

    document.add_heading(lab.ratings, level=1)
    if spread is not None:
        _picture(document, spread, 16.0, lab.spread_caption)
    for table in minutes.scale_tables:
        if len(minutes.scale_tables) > 1:
            document.add_paragraph().add_run(lab.round_.format(round=table.round_)).bold = True
        headers = list(table.headers)
        if table.previous_from < len(headers):
            headers = headers[: table.previous_from] + [
                f"{h} – {minutes.previous_label}" for h in headers[table.previous_from :]
            ]
        _table(document, headers, [list(row) for row in table.rows])
        document.add_paragraph()
    if minutes.joint_comments:
        document.add_paragraph().add_run(lab.joint_comments).bold = True
        for heading, comment in minutes.joint_comments:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{heading}. ").bold = True
            paragraph.add_run(comment)

    document.add_heading(lab.actions, level=1)
    if minutes.actions:
        document.add_paragraph(lab.actions_intro)
        _table(
            document,
            ["", lab.action, lab.applies_to, lab.owner, lab.due],
            [[a.number, a.text, a.applies_to, a.owner, a.due] for a in minutes.actions],
            [0.8, 7.0, 3.2, 3.6, 2.2],
        )
    else:
        document.add_paragraph(lab.no_actions)
    if minutes.previous_actions:
        document.add_paragraph().add_run(lab.previous_actions).bold = True
        _table(
            document,
            ["", lab.action, lab.applies_to, lab.owner, lab.due, lab.status],
            [
                [a.number, a.text, a.applies_to, a.owner, a.due, lab.done if a.done else lab.not_done]
                for a in minutes.previous_actions
            ],
        )
    if minutes.recorded_by:
        document.add_paragraph()
        document.add_paragraph(lab.recorded_by).runs[0].italic = True
        document.add_paragraph(minutes.recorded_by)
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name == "Title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    document.save(str(target))


def _chunks(text: str) -> list[str]:
    return [chunk.strip() for chunk in text.replace("\r\n", "\n").split("\n\n") if chunk.strip()]


def render_minutes_docx(
    snapshot: SessionSnapshot,
    guide: Guide,
    path: str | Path,
    *,
    options: MinutesOptions | None = None,
    figures: MinutesFigures | None = None,
) -> None:
    """Write the minutes of ``snapshot`` as an editable DOCX at ``path``, atomically."""
    options = options or MinutesOptions()
    minutes = build_minutes(snapshot, guide, options)
    figures = figures if figures is not None else draw_figures(snapshot, guide, options)
    board = figures.board if options.include_board else None
    spread = figures.spread if options.include_spread else None
    render_atomic(path, lambda temp: write_minutes_docx(minutes, temp, board=board, spread=spread))


__all__ = ["render_minutes_docx", "write_minutes_docx"]
