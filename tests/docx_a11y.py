"""The rules of Word's accessibility checker (Review → Check Accessibility), applied to a DOCX's XML.

Microsoft documents the checker's rules ("Rules for the Accessibility Checker"); the ones that apply to a
document lardesk writes, checked here:

Errors: every picture, shape and chart has alternative text (``wp:docPr/@descr``); every table has a header
row (``w:tblHeader`` on its first row); the document has a title (core properties).
Warnings: tables do not use merged or split cells (``w:gridSpan``, ``w:vMerge``); objects are inline (no
``wp:anchor``); no blank table rows or columns used for layout; headings are used, in order, none empty;
no repeated blank characters (runs of spaces or tabs, several empty paragraphs in a row) used for layout.
Tips and the language: the language is set in the style defaults (``w:docDefaults//w:lang``); lists use list
styles rather than typed bullets.

    problems = docx_accessibility_problems(path, language="sv-SE")   # [] when Word would flag nothing
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
DC = "http://purl.org/dc/elements/1.1/"
NS = {"w": W, "wp": WP, "dc": DC}
TYPED_LIST = re.compile(r"^\s*[•\-–*▪·]\s")
"""A bullet typed by hand (numbered labels such as "1. Utgångspunkt" are the guide's own numbers)."""


def _text(element: ElementTree.Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{{{W}}}t"))


def docx_accessibility_problems(path: str | Path, *, language: str) -> list[str]:
    problems: list[str] = []
    with zipfile.ZipFile(path) as archive:
        body = ElementTree.fromstring(archive.read("word/document.xml"))
        styles = ElementTree.fromstring(archive.read("word/styles.xml"))
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
        parts = [body] + [
            ElementTree.fromstring(archive.read(name))
            for name in archive.namelist()
            if re.fullmatch(r"word/(header|footer)\d*\.xml", name)
        ]
    # Errors.
    for part in parts:
        for properties in part.iter(f"{{{WP}}}docPr"):
            if not (properties.get("descr") or "").strip():
                problems.append(f"picture {properties.get('name')!r} has no alternative text")
    title = core.find("dc:title", NS)
    if title is None or not (title.text or "").strip():
        problems.append("the document has no title")
    for number, table in enumerate(body.iter(f"{{{W}}}tbl"), start=1):
        rows = table.findall("w:tr", NS)
        if not rows or rows[0].find("w:trPr/w:tblHeader", NS) is None:
            problems.append(f"table {number} has no header row that repeats")
        if table.find(".//w:gridSpan", NS) is not None or table.find(".//w:vMerge", NS) is not None:
            problems.append(f"table {number} has merged or split cells")
        for index, row in enumerate(rows[1:], start=2):
            if not _text(row).strip():
                problems.append(f"table {number} row {index} is blank")
        if rows:
            columns = len(rows[0].findall("w:tc", NS))
            for column in range(columns):
                cells = [row.findall("w:tc", NS) for row in rows]
                if all(column >= len(c) or not _text(c[column]).strip() for c in cells):
                    problems.append(f"table {number} column {column + 1} is blank")
    # Warnings.
    for part in parts:
        if part.find(f".//{{{WP}}}anchor") is not None:
            problems.append("an object is not inline with the text")
    style_names: dict[str | None, str] = {}
    for style_element in styles.findall("w:style", NS):
        name_element = style_element.find("w:name", NS)
        shown = name_element.get(f"{{{W}}}val", "") if name_element is not None else ""
        style_names[style_element.get(f"{{{W}}}styleId")] = shown
    levels: list[int] = []
    empty_run = 0
    container = None
    parent_of = {child: parent for parent in body.iter() for child in parent}
    for paragraph in body.iter(f"{{{W}}}p"):
        if parent_of.get(paragraph) is not container:  # an empty table cell beside another is no spacing
            container, empty_run = parent_of.get(paragraph), 0
        style = paragraph.find("w:pPr/w:pStyle", NS)
        name = style_names.get(style.get(f"{{{W}}}val"), "") if style is not None else ""
        text = _text(paragraph)
        if name and name.lower().startswith("heading"):
            level = int(name.split()[-1])
            if not text.strip():
                problems.append("an empty heading")
            if levels and level > levels[-1] + 1:
                problems.append(f"heading {text!r} skips from level {levels[-1]} to {level}")
            levels.append(level)
        has_picture = paragraph.find(f".//{{{WP}}}inline") is not None
        if not text.strip() and not has_picture and paragraph.find(".//w:br", NS) is None:
            empty_run += 1
            if empty_run >= 2:
                problems.append("empty paragraphs used for spacing")
        else:
            empty_run = 0
        if re.search(r" {3,}|\t{2,}", text):
            problems.append(f"repeated blank characters in {text[:40]!r}")
        if TYPED_LIST.match(text) and not (name or "").lower().startswith("list"):
            problems.append(f"a list typed by hand: {text[:40]!r}")
    if not levels:
        problems.append("no headings")
    # The language.
    default = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    if default is None or default.get(f"{{{W}}}val") != language:
        found = None if default is None else default.get(f"{{{W}}}val")
        problems.append(f"the default language is {found}, not {language}")
    for lang in body.iter(f"{{{W}}}lang"):
        if lang.get(f"{{{W}}}val") not in (None, language):
            problems.append(f"a run is marked {lang.get(f'{{{W}}}val')}")
            break
    return list(dict.fromkeys(problems))


__all__ = ["docx_accessibility_problems"]
