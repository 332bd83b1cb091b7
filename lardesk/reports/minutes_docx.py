"""The minutes as an editable Word document (DOCX), for the committee secretary who must adapt them.

Same blocks as the PDF (:func:`lardesk.reports.minutes.minutes_document`), written with Word's own styles so
that the secretary can restyle it to the municipality's template and Word's accessibility checker finds
nothing to flag: the language (sv-SE, en-GB) in the style defaults, Title and Heading 1–3 styles, real
bulleted and numbered lists, tables with a header row that repeats on every page and column widths set from
the content, alt text on every picture, no picture taller than a page (the board comes in the same pieces as in
the PDF), "Sida x (y)" as PAGE/NUMPAGES fields at an A4 tab stop in the header. Written atomically.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from lardesk.method.guide import Guide
from lardesk.method.snapshot import SessionSnapshot
from lardesk.method.words import template_parts
from lardesk.reports import document as doc
from lardesk.reports.files import render_atomic
from lardesk.reports.minutes import (
    Minutes,
    MinutesFigures,
    MinutesOptions,
    build_minutes,
    figures_for,
    minutes_document,
    rasterise,
)

FONT_NAME = "DejaVu Sans"
"""Asked for, not embedded: Word falls back to a similar sans serif where DejaVu is not installed."""
PORTRAIT_CM = (21.0 - 4.4, 29.7 - 5.0)
"""The text area of a portrait A4 page (cm)."""
LANDSCAPE_CM = (29.7 - 4.4, 21.0 - 5.0)
MUTED = "505A64"


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) at the end of ``paragraph``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
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


def _set_language(document: Any, tag: str) -> None:
    """The language of every run that does not say otherwise: ``w:lang`` in the style defaults (and Normal)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for holder in (rpr, document.styles["Normal"].element.get_or_add_rPr()):
        lang = holder.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            holder.append(lang)
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)
        lang.set(qn("w:bidi"), tag)


def _add_text(paragraph: Any, text: doc.Text, *, size: float | None = None, colour: str | None = None) -> None:
    from docx.shared import Pt, RGBColor

    pieces = (doc.Run(text),) if isinstance(text, str) else text
    for piece in pieces:
        lines = piece.text.split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.bold = piece.bold or None
            run.italic = piece.italic or None
            if size:
                run.font.size = Pt(size)
            if colour:
                run.font.color.rgb = RGBColor.from_string(colour)
            if index < len(lines) - 1:
                run.add_break()


def _paragraph(document: Any, block: doc.Paragraph) -> None:
    from docx.shared import Cm, Pt

    style = block.style
    if style == "subtitle":
        paragraph = document.add_paragraph(style="Subtitle")
        _add_text(paragraph, block.text)
        return
    paragraph = document.add_paragraph()
    text = block.text
    if style in ("lead", "intro"):
        paragraph.paragraph_format.keep_with_next = True
    if style in ("label", "question", "part", "kicker"):
        text = tuple(doc.Run(r.text, True, r.italic) for r in ((doc.Run(text),) if isinstance(text, str) else text))
        paragraph.paragraph_format.keep_with_next = True
    if style == "group":
        text = tuple(doc.Run(r.text, r.bold, True) for r in ((doc.Run(text),) if isinstance(text, str) else text))
        paragraph.paragraph_format.keep_with_next = True
    if style == "note":
        paragraph.paragraph_format.left_indent = Cm(0.4)
    if style in ("part", "kicker"):
        paragraph.paragraph_format.space_before = Pt(10)
    small = style in ("small", "lead")
    _add_text(paragraph, text, size=9 if small else None, colour=MUTED if small else None)


def _repeat_header(row: Any) -> None:
    """Mark ``row`` as the table's header row: Word repeats it on every page the table runs on to."""
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    properties.append(_element("w:cantSplit"))
    header = _element("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _split_groups(block: doc.Table) -> list[tuple[str, doc.Table]]:
    """A table with grouped header cells as one table a group, each with the row labels (Word's checker flags
    merged cells, and a long group label in every cell would break words in narrow columns)."""
    if not any(label for label, _ in block.group_header):
        return [("", block)]
    spans: list[tuple[str, range]] = []
    start = 0
    for label, span in block.group_header:
        spans.append((label, range(start, start + span)))
        start += span
    keys = [columns for label, columns in spans if not label]
    key = list(keys[0]) if keys else []
    widths = list(block.widths) or [1.0] * len(block.header)
    align = (block.align or "l" * len(block.header)).ljust(len(block.header), "l")
    result = []
    for label, columns in spans:
        if not label:
            continue
        chosen = key + list(columns)
        result.append(
            (
                label,
                doc.Table(
                    tuple(block.header[c] for c in chosen),
                    tuple(tuple(row[c] for c in chosen) for row in block.rows),
                    tuple(widths[c] for c in chosen),
                    "".join(align[c] for c in chosen),
                ),
            )
        )
    return result


def _table(document: Any, block: doc.Table, text_width_cm: float) -> None:
    for label, part in _split_groups(block):
        if label:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.keep_with_next = True
            _add_text(paragraph, doc.runs(doc.Run(label, bold=True)))
        _one_table(document, part, text_width_cm)
    if block.caption:
        caption = document.add_paragraph()
        _add_text(caption, block.caption, size=9, colour=MUTED)


def _one_table(document: Any, block: doc.Table, text_width_cm: float, *, muted: bool = False) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    count = len(block.header)
    table = document.add_table(rows=1, cols=count)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    centimetres = doc.column_widths(block, text_width_cm)
    align = (block.align or "l" * count).ljust(count, "l")
    for cell, label, column in zip(table.rows[0].cells, block.header, range(count), strict=True):
        paragraph = cell.paragraphs[0]
        _add_text(paragraph, doc.runs(doc.Run(label or " ", bold=True)), size=9)
        if align[column] == "r":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _repeat_header(table.rows[0])
    first_muted = block.muted_from if block.muted_from is not None else count
    for values in block.rows:
        row = table.add_row()
        row._tr.get_or_add_trPr().append(_element("w:cantSplit"))
        for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            paragraph = cell.paragraphs[0]
            grey = column >= first_muted or (muted and column > 0)
            _add_text(paragraph, value, size=9, colour=MUTED if grey else None)
            if align[column] == "r":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in table.rows:
        for cell, width in zip(row.cells, centimetres, strict=True):
            cell.width = Cm(width)
    for column, width in zip(table.columns, centimetres, strict=True):
        column.width = Cm(width)


def _element(tag: str) -> Any:
    from docx.oxml import OxmlElement

    return OxmlElement(tag)


def _figure(document: Any, block: doc.Figure, box_cm: tuple[float, float]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    width = min(block.width_in * 2.54, box_cm[0])
    height = width * block.height_in / block.width_in
    if height > box_cm[1] * 0.85:  # never a picture taller than a page
        width = box_cm[1] * 0.85 * block.width_in / block.height_in
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run()
    shape = run.add_picture(io.BytesIO(block.png()), width=Cm(width))
    properties = shape._inline.docPr
    properties.set("descr", block.alt)
    properties.set("title", block.caption or block.alt[:60])
    if block.caption:
        caption = document.add_paragraph(style="Caption")
        _add_text(caption, block.caption)


def _page_furniture(section: Any, document_: doc.Document, text_width_cm: float) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm

    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.text = ""
    header.paragraph_format.tab_stops.clear_all()
    header.paragraph_format.tab_stops.add_tab_stop(Cm(text_width_cm), WD_TAB_ALIGNMENT.RIGHT)
    _add_text(header, document_.running_head, size=8, colour=MUTED)
    header.add_run("\t")
    for literal, name in template_parts(document_.page_template):  # "Sida {page} ({pages})": Word's fields
        if literal:
            _add_text(header, literal, size=8, colour=MUTED)
        if name:
            _field(header, {"page": "PAGE", "pages": "NUMPAGES"}[name])
    if document_.running_right:
        header.add_run().add_break()
        header.add_run("\t")
        _add_text(header, document_.running_right, size=8, colour=MUTED)
    footer = section.footer.paragraphs[0]
    footer.text = ""
    _add_text(footer, document_.footer, size=8, colour=MUTED)


def write_document_docx(document_: doc.Document, target: Path) -> None:
    """Lay out ``document_`` as a DOCX at ``target``; not atomic by itself."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = Document()
    styles = document.styles
    styles["Normal"].font.name = FONT_NAME
    styles["Normal"].font.size = Pt(10)
    _set_language(document, document_.lang_tag)
    core = document.core_properties
    meta = document_.metadata
    core.title = document_.title
    core.author = document_.author
    core.subject = document_.subject
    core.keywords = ", ".join(document_.keywords)
    core.language = document_.lang_tag
    core.comments = meta.get("creator", "")

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.7), Cm(2.3)
    box = PORTRAIT_CM
    _page_furniture(section, document_, box[0])

    if document_.kicker:
        _paragraph(document, doc.Paragraph(document_.kicker.upper(), "kicker"))
    document.add_heading(document_.heading or document_.title, level=0)
    if document_.subtitle:
        _paragraph(document, doc.Paragraph(document_.subtitle, "subtitle"))
    page_break_next = False
    for block in document_.blocks:
        if isinstance(block, doc.PageBreak) and block.soft:
            page_break_next = True  # Word cannot know where page 1 ends: the next heading starts a page
            continue
        if isinstance(block, doc.PageBreak):
            landscape = block.orientation == "landscape"
            new = document.add_section()
            new.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
            new.page_width, new.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
            box = LANDSCAPE_CM if landscape else PORTRAIT_CM
            _page_furniture(new, document_, box[0])
            continue
        if isinstance(block, doc.Heading):
            heading = document.add_heading(block.text, level=block.level)
            if block.new_page or page_break_next:
                heading.paragraph_format.page_break_before = True
            page_break_next = False
        elif isinstance(block, doc.Paragraph):
            _paragraph(document, block)
        elif isinstance(block, doc.ItemList):
            style = "List Number" if block.numbered else "List Bullet"
            for item in block.items:
                _add_text(document.add_paragraph(style=style), item)
        elif isinstance(block, doc.Fields):
            from docx.enum.text import WD_TAB_ALIGNMENT

            for label, value in block.rows:
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(4.5), WD_TAB_ALIGNMENT.LEFT)
                paragraph.paragraph_format.space_after = Pt(2)
                _add_text(paragraph, label, colour=MUTED)
                paragraph.add_run("\t")
                _add_text(paragraph, value)
        elif isinstance(block, doc.Table):
            _table(document, block, box[0])
        elif isinstance(block, doc.Figure):
            _figure(document, block, box)
    document.save(str(target))


def write_minutes_docx(minutes: Minutes, target: Path, figures: MinutesFigures | None = None) -> None:
    """Lay out ``minutes`` as a DOCX at ``target``; not atomic by itself."""
    write_document_docx(minutes_document(minutes, figures), target)


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
    figures = figures_for(snapshot, guide, options, figures)
    spreads = [figures.spread] if figures.spread is not None else []
    rasterise([part.image for part in figures.board_parts] + spreads + [image for _, image in figures.later_rounds])
    render_atomic(path, lambda temp: write_minutes_docx(minutes, temp, figures))


__all__ = ["render_minutes_docx", "write_document_docx", "write_minutes_docx"]
