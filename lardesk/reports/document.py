"""A published document as plain data: headings, paragraphs, lists, tables and figures, in reading order.

Every renderer reads the same blocks — the PDF (:mod:`lardesk.reports.typst_pdf`, through one Typst template)
and the DOCX (:mod:`lardesk.reports.minutes_docx`) — so a new section of the minutes is new blocks, not new
layout code. Text is always plain text (a ``str``, or ``Run`` pieces when part of it is bold or italic): it
goes to Typst as JSON data and to Word as runs, never as markup, so what a user typed comes out as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from lardesk.method.words import template_parts, word


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a paragraph with its own emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


Text = str | tuple[Run, ...]
"""Plain text, or runs of text."""


def plain(text: Text) -> str:
    return text if isinstance(text, str) else "".join(run.text for run in text)


ParagraphStyle = Literal[
    "body", "intro", "note", "small", "lead", "label", "question", "group", "part", "kicker", "subtitle"
]
"""How a paragraph looks. "intro" is body text that stays with what follows (a table's introduction), "lead"
small print that does (a figure's)."""


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 1
    """1 = a section of the document (the title is the document's own, not a heading)."""
    new_page: bool = False
    """Start the heading on a new page (a summary that must stand alone on page 1 ends with one)."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: Text
    style: ParagraphStyle = "body"


@dataclass(frozen=True, slots=True)
class ItemList:
    items: tuple[Text, ...]
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Fields:
    """Label–value pairs (the header block): two columns of text, read row by row."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A data table: one header row (repeated on every page it runs on to), then the rows.

    ``widths`` are relative (fractions of the text width); ``align`` is one letter a column, "l" or "r".
    ``group_header`` spans header cells over columns (label, how many columns) in an extra top header row.
    ``muted_from``: columns from this index on are printed in a lighter colour (last year's values).
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Text, ...], ...]
    widths: tuple[float, ...] = ()
    align: str = ""
    group_header: tuple[tuple[str, int], ...] = ()
    muted_from: int | None = None
    caption: str = ""

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.header):
                raise ValueError(f"a row has {len(row)} cells, the header {len(self.header)}")


@dataclass(frozen=True)
class Figure:
    """A picture with its words: ``alt`` says in words what it shows (for a screen reader), ``caption`` is
    printed under it. ``svg`` and ``png`` draw it when asked (the PDF takes the SVG, Word the PNG)."""

    alt: str
    caption: str
    width_in: float
    height_in: float
    svg: Callable[[], bytes]
    png: Callable[[], bytes]
    landscape: bool = False

    def __post_init__(self) -> None:
        if not self.alt.strip():
            raise ValueError("a figure needs its alt text")


@dataclass(frozen=True, slots=True)
class PageBreak:
    orientation: Literal["portrait", "landscape"] = "portrait"
    soft: bool = False
    """Break only while still on page 1 (the summary stands alone on page 1; when it runs on to page 2, what
    follows goes on straight after it, never leaving a nearly blank page)."""


Block = Heading | Paragraph | ItemList | Fields | Table | Figure | PageBreak


@dataclass(frozen=True)
class Document:
    """A document to publish: its metadata, its page furniture and its blocks."""

    title: str
    language: str
    """"sv" or "en"."""
    blocks: tuple[Block, ...]
    heading: str = ""
    """The title as printed on page 1 (default: ``title``, which is the file's metadata title)."""
    kicker: str = ""
    subtitle: str = ""
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    running_head: str = ""
    running_right: str = ""
    """Printed under the page number in the header (the case number)."""
    footer: str = ""
    page_number: str = ""
    """The page number in the header, a template with ``{page}`` and ``{pages}`` ("Sida {page} ({pages})");
    empty: the catalogue's in ``language``."""
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def page_template(self) -> str:
        return self.page_number or word("page", self.language)

    @property
    def lang_tag(self) -> str:
        return "en-GB" if self.language == "en" else "sv-SE"

    @property
    def headings(self) -> list[tuple[int, str]]:
        return [(b.level, b.text) for b in self.blocks if isinstance(b, Heading)]


CHAR_CM = 9 * 0.62 / 72 * 2.54
"""The width of an average DejaVu Sans character at 9 pt (a table's size), generously (cm): for Word, which
lays out text its own way."""
BOLD = 1.1
"""How much wider a bold header word runs than the average character says."""
CELL_PADDING_CM = 0.45


def column_widths(block: Table, text_width_cm: float) -> list[float]:
    """Column widths (cm) for Word from the relative widths, but never narrower than a column's longest word,
    so that Word never breaks a word in the middle; what is left is shared by the relative widths. A no-break
    space ("12 500 kr") holds a word together. (The PDF template does the same with the words measured.)"""
    count = len(block.header)
    weights = list(block.widths) or [1.0] * count
    longest = [0.0] * count
    for bold, row in ((True, block.header), *((False, row) for row in block.rows)):
        for column, value in enumerate(row):
            words = re.split(r"[ \t\r\n]+", plain(value))
            longest[column] = max([longest[column], *(len(w) * (BOLD if bold else 1.0) for w in words)])
    minimum = [n * CHAR_CM + CELL_PADDING_CM for n in longest]
    spare = text_width_cm - sum(minimum)
    if spare <= 0:
        return [text_width_cm * m / sum(minimum) for m in minimum]
    proportional = [text_width_cm * w / sum(weights) for w in weights]
    widths = [max(m, p) for m, p in zip(minimum, proportional, strict=True)]
    excess = sum(widths) - text_width_cm
    if excess > 0:  # take it from the columns that got more than their minimum
        room = [w - m for w, m in zip(widths, minimum, strict=True)]
        total_room = sum(room)
        widths = [w - excess * r / total_room for w, r in zip(widths, room, strict=True)]
    return widths


def text_json(text: Text) -> Any:
    if isinstance(text, str):
        return text
    return [{"t": run.text, "b": run.bold, "i": run.italic} for run in text]


def document_json(document: Document, figure_key: Callable[[Figure], str]) -> dict[str, Any]:
    """The document as JSON data for the Typst template; ``figure_key`` names where each figure's SVG is. A
    table's widths are relative: the template measures the words and keeps each column as wide as its longest."""
    pages: list[dict[str, Any]] = [{"flipped": False, "blocks": []}]
    for block in document.blocks:
        blocks: list[dict[str, Any]] = pages[-1]["blocks"]
        if isinstance(block, Heading):
            blocks.append({"kind": "heading", "text": block.text, "level": block.level, "new_page": block.new_page})
        elif isinstance(block, Paragraph):
            blocks.append({"kind": "paragraph", "text": text_json(block.text), "style": block.style})
        elif isinstance(block, ItemList):
            blocks.append({"kind": "list", "items": [text_json(i) for i in block.items], "numbered": block.numbered})
        elif isinstance(block, Fields):
            blocks.append({"kind": "fields", "rows": [list(row) for row in block.rows]})
        elif isinstance(block, Table):
            count = len(block.header)
            widths = list(block.widths) or [1.0] * count
            blocks.append(
                {
                    "kind": "table",
                    "header": list(block.header),
                    "rows": [[text_json(cell) for cell in row] for row in block.rows],
                    "widths": widths,
                    "align": (block.align or "l" * count).ljust(count, "l"),
                    "group": [[label, span] for label, span in block.group_header],
                    "muted_from": block.muted_from if block.muted_from is not None else count,
                    "caption": block.caption,
                }
            )
        elif isinstance(block, Figure):
            blocks.append(
                {
                    "kind": "figure",
                    "key": figure_key(block),
                    "alt": block.alt,
                    "caption": block.caption,
                    "width": block.width_in,
                    "height": block.height_in,
                }
            )
        elif isinstance(block, PageBreak) and block.soft:
            blocks.append({"kind": "softbreak"})
        elif isinstance(block, PageBreak):
            pages.append({"flipped": block.orientation == "landscape", "blocks": []})
    return {
        "title": document.title,
        "heading": document.heading or document.title,
        "kicker": document.kicker,
        "subtitle": document.subtitle,
        "author": document.author,
        "subject": document.subject,
        "keywords": list(document.keywords),
        "lang": document.language,
        "region": "GB" if document.language == "en" else "SE",
        "running_head": document.running_head,
        "running_right": document.running_right,
        "footer": document.footer,
        "page": [[literal, name or ""] for literal, name in template_parts(document.page_template)],
        "pages": pages,
    }


def paragraphs(text: str, style: ParagraphStyle = "body") -> list[Paragraph]:
    """A note split at blank lines into paragraphs (line breaks inside a paragraph are kept)."""
    chunks = [chunk.strip() for chunk in text.replace("\r\n", "\n").split("\n\n")]
    return [Paragraph(chunk, style) for chunk in chunks if chunk]


def figures_of(blocks: Iterable[Block]) -> list[Figure]:
    return [b for b in blocks if isinstance(b, Figure)]


def runs(*pieces: str | Run) -> tuple[Run, ...]:
    return tuple(Run(p) if isinstance(p, str) else p for p in pieces)


__all__: Sequence[str] = (
    "Block",
    "Document",
    "Fields",
    "Figure",
    "Heading",
    "ItemList",
    "PageBreak",
    "Paragraph",
    "Run",
    "Table",
    "Text",
    "column_widths",
    "document_json",
    "paragraphs",
    "plain",
    "runs",
)
