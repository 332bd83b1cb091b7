"""A PDF/UA-1 check for the PDFs lardesk publishes, reading the file with pikepdf (reusable by every PDF test).

What it checks is what a screen reader and a PDF/UA validator rely on and what can be checked without a full
validator: the document is marked as tagged, has a language, shows its title, declares PDF/UA-1 in its XMP;
the structure tree's headings do not skip a level and come in page order; every table has header cells;
every figure has alt text; and on every page every painting operator (text, paths, images, shadings,
XObjects) sits inside marked content that is either tagged (an MCID) or an artifact (page furniture).

    report = check_pdf_ua(path)      # raises PdfUaError listing every problem found
    report.headings                  # [(level, text)] in document order
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf

PAINTING = frozenset({"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do", "BI", "EI"})
"""Operators that put marks on the page (``n`` ends a path without painting it; clipping paints nothing)."""


class PdfUaError(AssertionError):
    pass


@dataclass
class PdfUaReport:
    headings: list[tuple[int, str]] = field(default_factory=list)
    """(level, title) of every heading, in the structure tree's order."""
    heading_pages: list[int] = field(default_factory=list)
    tables: int = 0
    figures: list[str] = field(default_factory=list)
    """The alt text of every Figure, in order."""
    pages: int = 0
    painted: int = 0
    """Painting operators seen (all inside tagged content or artifacts)."""
    tags: dict[str, int] = field(default_factory=dict)
    orphans: list[str] = field(default_factory=list)
    """Headings left alone at the foot of a page (what follows them starts on the next page)."""


def _page_marked_content(pdf: pikepdf.Pdf, problems: list[str]) -> int:
    """Walk every page's content: every painting operator must be inside an MCID'd or Artifact sequence.

    Returns the number of painting operators.
    """
    painted = 0
    for number, page in enumerate(pdf.pages, start=1):
        stack: list[tuple[str, int | None]] = []
        for instruction in pikepdf.parse_content_stream(page):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                operator = "BI"
                operands: list[Any] = []
            else:
                operator = str(instruction.operator)
                operands = list(instruction.operands)
            if operator in ("BMC", "BDC"):
                tag = str(operands[0])
                mcid: int | None = None
                if operator == "BDC" and len(operands) > 1:
                    properties: Any = operands[1]
                    if isinstance(properties, pikepdf.Name):
                        resources: Any = page.Resources
                        properties = resources.get("/Properties", pikepdf.Dictionary()).get(str(properties), {})
                    if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                        mcid = int(properties["/MCID"])
                stack.append((tag, mcid))
            elif operator == "EMC":
                if not stack:
                    problems.append(f"page {number}: EMC without BMC/BDC")
                else:
                    stack.pop()
            elif operator in PAINTING:
                painted += 1
                inside = any(tag == "/Artifact" or mcid is not None for tag, mcid in stack)
                if not inside:
                    problems.append(f"page {number}: {operator} outside tagged content and artifacts")
        if stack:
            problems.append(f"page {number}: {len(stack)} marked-content sequences left open")
    return painted


def check_pdf_ua(path: str | Path) -> PdfUaReport:
    """Check ``path`` as described in the module's docstring; raise :class:`PdfUaError` listing every problem."""
    problems: list[str] = []
    report = PdfUaReport()
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        report.pages = len(pdf.pages)
        mark_info = root.get("/MarkInfo")
        if mark_info is None or not bool(mark_info.get("/Marked", False)):
            problems.append("/MarkInfo /Marked is not true")
        if not str(root.get("/Lang", "")).strip():
            problems.append("no /Lang on the catalogue")
        preferences = root.get("/ViewerPreferences")
        if preferences is None or not bool(preferences.get("/DisplayDocTitle", False)):
            problems.append("ViewerPreferences /DisplayDocTitle is not true")
        with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            if str(xmp.get("pdfuaid:part", "")) != "1":
                problems.append(f"XMP pdfuaid:part is {xmp.get('pdfuaid:part')!r}, not 1")
            if not str(xmp.get("dc:title", "")).strip():
                problems.append("XMP has no dc:title")
        report.painted = _page_marked_content(pdf, problems)
        page_numbers: dict[Any, int] = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        tree = root.get("/StructTreeRoot")
        if tree is None:
            problems.append("no structure tree")
            raise PdfUaError("\n".join(problems))
        role_map = tree.get("/RoleMap", pikepdf.Dictionary())

        def walk(node: Any) -> None:
            if isinstance(node, pikepdf.Array):
                for child in node:
                    walk(child)
                return
            if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
                return
            tag = str(node["/S"])
            tag = str(role_map.get(tag, tag))
            report.tags[tag] = report.tags.get(tag, 0) + 1
            if tag in {f"/H{n}" for n in range(1, 7)}:
                report.headings.append((int(tag[2:]), str(node.get("/T", "")).strip()))
                page = node.get("/Pg")
                report.heading_pages.append(page_numbers.get(page.objgen, 0) if page is not None else 0)
            elif tag == "/Table":
                report.tables += 1
                if not _has_descendant(node, "/TH", role_map):
                    problems.append(f"table {report.tables} has no TH cell")
            elif tag == "/Figure":
                alt = str(node.get("/Alt", "")).strip()
                if not alt:
                    problems.append(f"figure {len(report.figures) + 1} has no /Alt")
                report.figures.append(alt)
            if "/K" in node:
                walk(node["/K"])

        walk(tree.get("/K"))
        sequence: list[tuple[str, str, int]] = []  # (tag, heading title, first page) of the leaf-level elements

        def first_page(node: Any) -> int:
            if isinstance(node, pikepdf.Array):
                for child in node:
                    found = first_page(child)
                    if found:
                        return found
                return 0
            if not isinstance(node, pikepdf.Dictionary):
                return 0
            page = node.get("/Pg")
            if page is not None:
                return page_numbers.get(page.objgen, 0)
            return first_page(node.get("/K")) if "/K" in node else 0

        def order(node: Any) -> None:
            if isinstance(node, pikepdf.Array):
                for child in node:
                    order(child)
                return
            if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
                return
            tag = str(role_map.get(str(node["/S"]), node["/S"]))
            if tag in {"/Document", "/Div", "/Sect", "/Part"}:
                order(node.get("/K"))
                return
            sequence.append((tag, str(node.get("/T", "")), first_page(node)))

        order(tree.get("/K"))
        for index, (tag, title, page) in enumerate(sequence[:-1]):
            if tag.startswith("/H") and tag[2:].isdigit():
                following = next((p for t, _, p in sequence[index + 1 :] if p), 0)
                if following > page:
                    report.orphans.append(title)
        previous = 0
        for level, text in report.headings:
            if level > previous + 1:
                problems.append(f"heading H{level} ({text!r}) follows H{previous}: a level is skipped")
            if not text:
                problems.append(f"heading H{level} has no text")
            previous = level
        if report.heading_pages != sorted(report.heading_pages):
            problems.append(f"the headings are not in page order: {report.heading_pages}")
        if not report.headings:
            problems.append("no headings in the structure tree")
    if problems:
        raise PdfUaError(f"{path}: {len(problems)} problem(s):\n" + "\n".join(problems[:40]))
    return report


def _has_descendant(node: Any, tag: str, role_map: Any) -> bool:
    if isinstance(node, pikepdf.Array):
        return any(_has_descendant(child, tag, role_map) for child in node)
    if not isinstance(node, pikepdf.Dictionary):
        return False
    if "/S" in node and str(role_map.get(str(node["/S"]), node["/S"])) == tag:
        return True
    return "/K" in node and _has_descendant(node["/K"], tag, role_map)


__all__ = ["PdfUaError", "PdfUaReport", "check_pdf_ua"]
