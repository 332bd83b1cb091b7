"""Paper for the room: the personal assessment form (Bilaga 2) and the program-logic worksheet (Bilaga 1).

* The personal assessment form: one A4 page a participant, the nine scales with their questions, ten boxes
  each (1 = "I mycket liten grad", 10 = "I mycket hög grad"), a box to abstain, and a name line that may stay
  empty. Printed blank (N copies) or one page per participant of a session.
* The worksheet (its own file: A3 paper goes to another printer tray): an A3 landscape sheet with the columns
  resources | planned activities | expected results |
  mediating instances | expected effects, under the guide's own headers, with empty rows to write in; it can
  be pre-filled with a session's program logic (last year's plan as this year's starting point).

Both are pure functions of the guide (and optionally a snapshot), written atomically like every export. With a
session, the personal form lists only the scales the group agreed on (the guide's "9 (eller annat antal)");
without one, it has lines for the organisation and the date. The digits in the boxes and every text are at
least 4.5:1 against the paper (WCAG AA); the worksheet's pages are numbered.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from lardesk.method.guide import SCALE_MAX, SCALE_MIN, Guide
from lardesk.method.logic import ItemKind
from lardesk.method.snapshot import Anonymity, SessionSnapshot
from lardesk.method.words import section, word
from lardesk.reports.files import render_atomic
from lardesk.reports.minutes import LOGIC_COLUMNS, labels_for, logic_cell, logic_headers

# -- reportlab: fonts, colours, table style (the forms are the only reportlab paper) --

FONT = "LardeskSans"
FONT_BOLD = "LardeskSans-Bold"
FONT_ITALIC = "LardeskSans-Oblique"
FONT_BOLD_ITALIC = "LardeskSans-BoldOblique"

INK = "#1d232a"
MUTED = "#5b6570"
ACCENT = "#1f3a56"
RULE = "#c3c9d0"
TINT = "#eef1f4"


def font_files() -> dict[str, Path]:
    """The TTF files embedded in every PDF: DejaVu Sans, which ships inside matplotlib (free licence)."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {
        FONT: folder / "DejaVuSans.ttf",
        FONT_BOLD: folder / "DejaVuSans-Bold.ttf",
        FONT_ITALIC: folder / "DejaVuSans-Oblique.ttf",
        FONT_BOLD_ITALIC: folder / "DejaVuSans-BoldOblique.ttf",
    }


@cache
def register_fonts() -> str:
    """Register the embedded font family with reportlab (once); returns its name."""
    from reportlab import rl_config
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    # Binary image streams: reportlab's pure-Python ASCII85 encoder takes most of a figure's time, and
    # ASCII85 only makes the file larger.
    rl_config.useA85 = 0

    for name, path in font_files().items():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD_ITALIC)
    return FONT


def markup(text: str) -> str:
    """User text made safe for a platypus Paragraph (which reads XML): escape, keep line breaks."""
    return escape(text.strip()).replace("\r\n", "\n").replace("\n", "<br/>")


def table_style(header_rows: int = 1, extra: Sequence[tuple[Any, ...]] = ()) -> Any:
    """Light rules: a tinted header, hairlines between rows, no vertical lines."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    rule, tint = colors.HexColor(RULE), colors.HexColor(TINT)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, rule),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), tint),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.7, colors.HexColor(MUTED)),
        ]
    commands += list(extra)
    return TableStyle(commands)


DIGIT_COLOUR = MUTED
"""The digits printed in the boxes: 4.5:1 or more against white (they were a faint grey)."""
MAX_COPIES = 500
WORKSHEET_ROWS = 12
"""Empty rows on a blank worksheet (a pre-filled one gets two more below its items)."""


@dataclass(frozen=True, slots=True)
class FigureBoxes:
    """The boxes of figures 1 and 2 (program logic)."""

    resources: str
    planned_activities: str
    implemented_activities: str
    expected_results: str
    achieved_results: str
    expected_effects: str


FIGURE_1_BOXES = ("resources", "planned_activities", "expected_results", "expected_effects")
FIGURE_2_BOXES = (
    "resources",
    "planned_activities",
    "implemented_activities",
    "expected_results",
    "achieved_results",
    "expected_effects",
)


@dataclass(frozen=True, slots=True)
class ApelWords:
    """Figure 3, APeL's model: structure (what, how) above, process (participation, learning) below, and the
    chain activities → results → mediating instances → effects between them."""

    structure: str
    what: str
    coherent_idea: str
    how: str
    organisation: str
    process: str
    participation: str
    participation_kinds: str
    learning: str
    learning_kinds: str
    activities: str
    results: str
    mediators: str
    effects: str


@dataclass(frozen=True, slots=True)
class FormWords:
    """The forms' words, read from the catalogue's "forms" section (``resources/words``)."""

    appendix2: str
    personal_title: str
    name: str
    name_hint: str
    instructions: str
    abstain: str
    organisation: str
    date: str
    scale_note: str
    """Small print: the numbers 1–10 and their end labels are lardesk's, not SKL's."""
    appendix1: str
    worksheet_title: str
    worksheet_hint: str
    assessment: str
    worksheet_file: str
    """Added to the file name of the worksheet when it is written beside the personal forms."""
    figures_title: str
    figure_1: str
    figure_2: str
    figure_3: str
    read_right_to_left: str
    figures_note: str
    """Small print: after SKL's figures, drawn by lardesk."""
    boxes: FigureBoxes
    apel: ApelWords
    page: str
    """The catalogue's shared word for a page ("Sida"), in the worksheet's footer."""

    def figure_boxes(self, names: Sequence[str]) -> tuple[str, ...]:
        return tuple(getattr(self.boxes, name) for name in names)


def subsection(entries: dict[str, str], name: str) -> dict[str, str]:
    prefix = f"{name}."
    return {key[len(prefix) :]: text for key, text in entries.items() if key.startswith(prefix)}


@cache
def words_for(language: str) -> FormWords:
    """The forms' words in ``language`` (Swedish for an unknown one)."""
    entries = section("forms", language)
    return FormWords(
        **{key: text for key, text in entries.items() if "." not in key},
        boxes=FigureBoxes(**subsection(entries, "boxes")),
        apel=ApelWords(**subsection(entries, "apel")),
        page=word("page", language),
    )


@dataclass(frozen=True, slots=True)
class FormsOptions:
    personal: bool = True
    """Include the personal assessment form."""
    worksheet: bool = True
    """Include the A3 program-logic worksheet."""
    copies: int | None = None
    """Blank copies of the personal form; None: one per participant present (or one, without a session)."""
    prefill: bool = True
    """Fill the worksheet with the session's program logic (when a session is given)."""
    figures: bool = False
    """Print the guide's figures 1–3 for the room (A4 landscape, ``copies`` sets of them)."""


def form_names(snapshot: SessionSnapshot | None, copies: int | None) -> list[str]:
    """The name printed on each page of the personal form ("" leaves the line empty to write on).

    Names are printed only when the session is in open mode; otherwise every line stays empty.
    """
    if copies is not None:
        if not 0 <= copies <= MAX_COPIES:
            raise ValueError(f"copies must be between 0 and {MAX_COPIES}, not {copies}")
        return [""] * copies
    if snapshot is None:
        return [""]
    open_mode = snapshot.session.anonymity is Anonymity.OPEN
    return [(p.name or "") if open_mode else "" for p in snapshot.present] or [""]


def form_heading(snapshot: SessionSnapshot | None) -> str:
    if snapshot is None:
        return ""
    info = snapshot.session
    return f"{info.organisation.display_name} · {info.date.isoformat()}"


# -- drawing -------------------------------------------------------------------------------------------------


def _assessment_page_class() -> type:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable, Paragraph

    ink, muted, accent, rule = (colors.HexColor(c) for c in (INK, MUTED, ACCENT, RULE))
    question_style = ParagraphStyle("q", fontName=FONT, bulletFontName=FONT, fontSize=8.8, leading=10.6, textColor=ink)
    digits = colors.HexColor(DIGIT_COLOUR)

    class AssessmentPage(Flowable):  # type: ignore[misc]
        """One whole page of the personal assessment form."""

        def __init__(self, guide: Guide, name: str, heading: str, scales: tuple[int, ...]) -> None:
            super().__init__()
            self.guide, self.name, self.heading = guide, name, heading
            self.scales = [scale for scale in guide.scales if scale.number in scales]
            self.words = words_for(guide.language)

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width, self.height = available_width, available_height
            return available_width, available_height - 1

        def draw(self) -> None:
            c = self.canv
            w, words = self.width, self.words
            top = self.height
            c.setFillColor(muted)
            c.setFont(FONT_BOLD, 8.5)
            c.drawString(0, top - 9, words.appendix2)
            if self.heading:
                c.setFont(FONT, 8.5)
                c.drawRightString(w, top - 9, self.heading)
            c.setFillColor(accent)
            c.setFont(FONT_BOLD, 17)
            c.drawString(0, top - 29, words.personal_title)
            c.setFillColor(muted)
            c.setFont(FONT, 10)
            c.drawString(0, top - 43, self.guide.title)
            # The name line: may stay empty.
            y = top - 68
            c.setFillColor(ink)
            c.setFont(FONT, 10)
            c.drawString(0, y, words.name)
            label_width = c.stringWidth(words.name, FONT, 10) + 6
            c.setStrokeColor(ink)
            c.setLineWidth(0.5)
            c.line(label_width, y - 2, w * 0.62, y - 2)
            if self.name:
                c.setFont(FONT, 11)
                c.drawString(label_width + 4, y + 1, self.name)
            else:
                c.setFillColor(muted)
                c.setFont(FONT_ITALIC, 8)
                c.drawString(w * 0.62 + 6, y, words.name_hint)
            instructions = Paragraph(
                escape(words.instructions),
                ParagraphStyle("i", question_style, fontSize=8.5, leading=11, textColor=muted),
            )
            _, h = instructions.wrap(w, 60)
            y -= 12 + h
            instructions.drawOn(c, 0, y)
            y -= 6
            if not self.heading:  # a blank form: lines to write the organisation and the date on
                c.setFillColor(ink)
                c.setFont(FONT, 10)
                y -= 14
                c.drawString(0, y, words.organisation)
                start = c.stringWidth(words.organisation, FONT, 10) + 6
                c.line(start, y - 2, w * 0.62, y - 2)
                c.drawString(w * 0.66, y, words.date)
                c.line(w * 0.66 + c.stringWidth(words.date, FONT, 10) + 6, y - 2, w, y - 2)
                y -= 12
            block = min((y - 14) / max(len(self.scales), 1), 110.0)
            for index, scale in enumerate(self.scales):
                self._scale(scale.number, scale.label, scale.question, y - index * block, block)
            if words.scale_note:  # small print: what is lardesk's, not SKL's
                c.setFillColor(muted)
                c.setFont(FONT_ITALIC, 7)
                c.drawString(0, 2, words.scale_note)

        def _scale(self, number: int, label: str, question: str, top: float, block: float) -> None:
            """One scale in a block of fixed height: heading, question (room for two lines), boxes, end labels."""
            c = self.canv
            w = self.width
            c.setStrokeColor(rule)
            c.setLineWidth(0.4)
            c.line(0, top, w, top)
            c.setFillColor(accent)
            c.setFont(FONT_BOLD, 10.5)
            c.drawString(0, top - 13, f"{number}. {label}")
            paragraph = Paragraph(markup(question), question_style)
            _, h = paragraph.wrap(w, block)
            paragraph.drawOn(c, 0, top - 16 - h)
            box_w, box_h, gap = 8 * mm, 6.4 * mm, 3.4 * mm
            count = SCALE_MAX - SCALE_MIN + 1
            boxes_y = top - 16 - 2 * question_style.leading - 5 - box_h
            for i in range(count):
                x = i * (box_w + gap)
                c.setStrokeColor(ink)
                c.setLineWidth(0.6)
                c.rect(x, boxes_y, box_w, box_h, stroke=1, fill=0)
                c.setFillColor(digits)
                c.setFont(FONT, 8)
                c.drawCentredString(x + box_w / 2, boxes_y + box_h / 2 - 3, str(SCALE_MIN + i))
            last_right = count * box_w + (count - 1) * gap
            c.setFont(FONT_ITALIC, 7.5)
            c.setFillColor(muted)
            c.drawString(0, boxes_y - 9, self.guide.scale_low)
            c.drawRightString(last_right, boxes_y - 9, self.guide.scale_high)
            # Abstain: a smaller box, set apart at the right.
            small = 4.6 * mm
            ax = w - 20 * mm
            c.setStrokeColor(ink)
            c.rect(ax, boxes_y + (box_h - small) / 2, small, small, stroke=1, fill=0)
            c.setFillColor(ink)
            c.setFont(FONT, 8.5)
            c.drawString(ax + small + 4, boxes_y + box_h / 2 - 3, self.words.abstain)

    return AssessmentPage


def _figure_page_class() -> type:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable, Paragraph

    ink, muted, accent, rule, tint = (colors.HexColor(c) for c in (INK, MUTED, ACCENT, RULE, TINT))
    box_style = ParagraphStyle("box", fontName=FONT_BOLD, fontSize=15, leading=18, textColor=ink, alignment=1)
    note_style = ParagraphStyle("note", fontName=FONT, fontSize=12, leading=16, textColor=ink)

    class FigurePage(Flowable):  # type: ignore[misc]
        """One of the guide's figures, as large as the page allows, for the room (or for each participant)."""

        def __init__(self, guide: Guide, number: int) -> None:
            super().__init__()
            self.guide, self.number, self.words = guide, number, words_for(guide.language)

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width, self.height = available_width, available_height
            return available_width, available_height - 1

        def _box(self, x: float, y: float, w: float, h: float, text: str) -> None:
            c = self.canv
            c.setStrokeColor(accent)
            c.setLineWidth(1.4)
            c.setFillColor(tint)
            c.roundRect(x, y, w, h, 8, stroke=1, fill=1)
            size = 15.0 if w > 150 else 11.0  # six boxes across a page: smaller type, whole words
            style = ParagraphStyle("fitted", box_style, fontSize=size, leading=size * 1.2)
            paragraph = Paragraph(escape(text).replace("\n", "<br/>"), style)
            _, ph = paragraph.wrap(w - 12, h)
            paragraph.drawOn(c, x + 6, y + (h - ph) / 2)

        def _arrow(self, x1: float, y1: float, x2: float, y2: float) -> None:
            c = self.canv
            c.setStrokeColor(ink)
            c.setFillColor(ink)
            c.setLineWidth(1.6)
            c.line(x1, y1, x2 - 7, y2)
            path = c.beginPath()
            path.moveTo(x2, y2)
            path.lineTo(x2 - 9, y2 + 5)
            path.lineTo(x2 - 9, y2 - 5)
            path.close()
            c.drawPath(path, stroke=0, fill=1)

        def _chain(self, boxes: Sequence[str], y: float, h: float) -> None:
            gap = 34.0
            w = (self.width - gap * (len(boxes) - 1)) / len(boxes)
            for index, text in enumerate(boxes):
                x = index * (w + gap)
                self._box(x, y, w, h, text)
                if index:
                    self._arrow(x - gap + 3, y + h / 2, x - 3, y + h / 2)

        def draw(self) -> None:
            c, words = self.canv, self.words
            top = self.height
            c.setFillColor(muted)
            c.setFont(FONT, 10)
            c.drawString(0, top - 10, words.figures_title)
            c.setFillColor(accent)
            c.setFont(FONT_BOLD, 22)
            title = (words.figure_1, words.figure_2, words.figure_3)[self.number - 1]
            c.drawString(0, top - 40, title)
            if self.number == 1:
                self._chain(words.figure_boxes(FIGURE_1_BOXES), top - 200, 110)
                questions = [self.guide.walk_questions.get(k, "") for k in ("effect", "result", "activity", "resource")]
                lines = [escape(words.read_right_to_left)]
                lines += [f"{i}. {escape(q)}" for i, q in enumerate(questions, start=1) if q]
                y = top - 230
                for line in lines:
                    paragraph = Paragraph(line, note_style)
                    _, ph = paragraph.wrap(self.width, y)
                    y -= ph + 6
                    paragraph.drawOn(c, 0, y)
            elif self.number == 2:
                self._chain(words.figure_boxes(FIGURE_2_BOXES), top - 260, 150)
            else:
                self._apel(top - 60)
            c.setFillColor(muted)
            c.setFont(FONT_ITALIC, 8)
            c.drawString(0, 2, words.figures_note)

        def _apel(self, top: float) -> None:
            a = self.words.apel
            c, w = self.canv, self.width
            band = 120.0
            # structure above, process below, the chain in the middle
            for y, title, pairs in (
                (top - band, a.structure, ((a.what, a.coherent_idea), (a.how, a.organisation))),
                (
                    top - 3 * band - 40,
                    a.process,
                    ((a.participation, a.participation_kinds), (a.learning, a.learning_kinds)),
                ),
            ):
                c.setStrokeColor(rule)
                c.setFillColor(colors.white)
                c.setLineWidth(1)
                c.roundRect(0, y, w, band - 10, 10, stroke=1, fill=1)
                c.setFillColor(accent)
                c.setFont(FONT_BOLD, 16)
                c.drawString(12, y + band - 32, title)
                half = (w - 160) / 2
                for index, (head, body) in enumerate(pairs):
                    self._box(140 + index * (half + 10), y + 12, half - 10, band - 36, f"{head}\n{body}")
            chain_y = top - 2 * band - 10
            self._chain((a.activities, a.results, a.mediators, a.effects), chain_y, band - 20)

    return FigurePage


def _worksheet_story(
    guide: Guide, snapshot: SessionSnapshot | None, prefill: bool, width: float, heading: str
) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    register_fonts()
    words = words_for(guide.language)
    lab = labels_for(guide.language)
    ink, muted, accent = (colors.HexColor(c) for c in (INK, MUTED, ACCENT))
    body = ParagraphStyle("ws_body", fontName=FONT, bulletFontName=FONT, fontSize=9.5, leading=12.5, textColor=ink)
    kicker = ParagraphStyle("ws_kicker", body, fontName=FONT_BOLD, fontSize=9, textColor=muted)
    title = ParagraphStyle("ws_title", body, fontName=FONT_BOLD, fontSize=20, leading=25, textColor=accent)
    hint = ParagraphStyle("ws_hint", body, fontSize=9.5, textColor=muted, spaceAfter=6)
    head = ParagraphStyle("ws_head", body, fontName=FONT_BOLD, fontSize=11, leading=14, textColor=accent)
    cell = ParagraphStyle("ws_cell", body, fontSize=9.5, leading=12)
    detail = ParagraphStyle("ws_detail", cell, fontName=FONT_ITALIC, fontSize=8, leading=10, textColor=muted)
    foot = ParagraphStyle("ws_foot", body, fontName=FONT_BOLD, fontSize=9, textColor=muted)

    story: list[Any] = [Paragraph(escape(words.appendix1), kicker), Paragraph(escape(words.worksheet_title), title)]
    if heading:
        story.append(Paragraph(markup(heading), hint))
    story.append(Paragraph(escape(words.worksheet_hint), hint))
    story.append(Spacer(1, 4))

    columns: list[list[list[Any]]] = [[] for _ in LOGIC_COLUMNS]
    if snapshot is not None and prefill:
        for index, (kind, _) in enumerate(LOGIC_COLUMNS):
            for item in snapshot.items_of(kind):
                shown = logic_cell(item, guide, lab)
                content: list[Any] = [Paragraph(markup(shown.text), cell)]
                if shown.detail:
                    content.append(Paragraph(markup(shown.detail), detail))
                columns[index].append(content)
        if any(snapshot.items_of(ItemKind.STARTING_POINT)):
            points = "; ".join(i.text for i in snapshot.items_of(ItemKind.STARTING_POINT))
            story.insert(-1, Paragraph(f"<b>{escape(lab.starting_points)}:</b> {markup(points)}", hint))
    filled = max((len(column) for column in columns), default=0)
    rows_count = filled + 2 if filled else WORKSHEET_ROWS
    rows: list[list[Any]] = [[Paragraph(markup(h), head) for h in logic_headers(guide)]]
    for r in range(rows_count):
        rows.append([column[r] if r < len(column) else "" for column in columns])
    rows.append([Paragraph(escape(words.assessment), foot) for _ in LOGIC_COLUMNS])
    shares = (0.17, 0.23, 0.23, 0.19, 0.18) if filled else (0.2, 0.2, 0.2, 0.2, 0.2)
    table = Table(
        rows,
        colWidths=[width * s for s in shares],
        rowHeights=[None] + [None if r < filled else (11 if filled else 15.5) * mm for r in range(rows_count)] + [60],
        repeatRows=1,
        splitByRow=1,
        hAlign="LEFT",
    )
    rule = colors.HexColor(RULE)
    table.setStyle(
        table_style(
            1,
            [
                ("LINEBEFORE", (1, 0), (-1, -1), 0.4, rule),
                ("BOX", (0, 0), (-1, -1), 0.7, colors.HexColor(MUTED)),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor(TINT)),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ],
        )
    )
    story.append(table)
    return story


def _numbered_canvas(words: FormWords) -> type:
    """A canvas that holds its pages until the end so that each can say "Sida x (y)" (the worksheet)."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                width, _height = self._pagesize
                self.setFillColor(colors.HexColor(MUTED))
                self.setFont(FONT, 9)
                self.drawRightString(
                    width - 14 * mm, 7 * mm, f"{words.worksheet_title} · {words.page.format(page=number, pages=total)}"
                )
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def _document(target: Path, guide: Guide, pagesize: Any, margin: float, title: str) -> Any:
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    width, height = pagesize
    doc = BaseDocTemplate(
        str(target),
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author="lardesk",
        subject=guide.title,
        creator="lardesk",
        lang="en-GB" if guide.language == "en" else "sv-SE",
        initialFontName=FONT,  # else every page names Helvetica, a font that is not embedded
        initialFontSize=9.5,
    )
    frame = Frame(margin, margin, width - 2 * margin, height - 2 * margin, 0, 0, 0, 0)
    doc.addPageTemplates([PageTemplate(id="page", pagesize=pagesize, frames=[frame])])
    return doc


def write_forms_pdf(
    guide: Guide, target: Path, *, snapshot: SessionSnapshot | None = None, options: FormsOptions | None = None
) -> None:
    """Lay out one kind of form into ``target``: the personal forms (A4) when ``options.personal``, else the
    worksheet (A3). Not atomic by itself (see :func:`render_forms`, which writes both as two files)."""
    from reportlab.lib.pagesizes import A3, A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak

    options = options or FormsOptions()
    if not options.personal and not options.worksheet and not options.figures:
        raise ValueError("nothing to print: neither the personal form nor the worksheet")
    register_fonts()
    words = words_for(guide.language)
    heading = form_heading(snapshot)
    if options.figures and not options.personal and not options.worksheet:
        sets = options.copies if options.copies is not None else 1
        if not 1 <= sets <= MAX_COPIES:
            raise ValueError(f"copies must be between 1 and {MAX_COPIES}, not {sets}")
        doc = _document(target, guide, landscape(A4), 14 * mm, words.figures_title)
        figure_class = _figure_page_class()
        pages: list[Any] = []
        for _set in range(sets):
            for number in (1, 2, 3):
                if pages:
                    pages.append(PageBreak())
                pages.append(figure_class(guide, number))
        doc.build(pages)
        return
    if options.personal:
        names = form_names(snapshot, options.copies)
        if not names:  # copies=0
            raise ValueError("nothing to print: zero copies of the personal form")
        scales = snapshot.session.agreed_sections if snapshot is not None else tuple(s.number for s in guide.scales)
        doc = _document(target, guide, A4, 16 * mm, words.personal_title)
        page_class = _assessment_page_class()
        story: list[Any] = []
        for index, name in enumerate(names):
            if index:
                story.append(PageBreak())
            story.append(page_class(guide, name, heading, scales))
        doc.build(story)
        return
    margin = 14 * mm
    a3_width, _ = landscape(A3)
    doc = _document(target, guide, landscape(A3), margin, words.worksheet_title)
    story = _worksheet_story(guide, snapshot, options.prefill, a3_width - 2 * margin, heading)
    doc.build(story, canvasmaker=_numbered_canvas(words))


def worksheet_path(path: str | Path, guide: Guide) -> Path:
    """Where the worksheet goes beside the personal forms: "Blanketter.pdf" → "Blanketter-arbetsblad.pdf"."""
    path = Path(path)
    return path.with_name(f"{path.stem}-{words_for(guide.language).worksheet_file}{path.suffix}")


def render_forms(
    guide: Guide,
    path: str | Path,
    *,
    snapshot: SessionSnapshot | None = None,
    options: FormsOptions | None = None,
) -> list[Path]:
    """Write the printable forms as PDF, atomically; returns the files written.

    The personal forms (A4) go to ``path``; the worksheet (A3) too when it is the only thing asked for, else
    to its own file beside it (:func:`worksheet_path`): different paper, different printer trays.
    """
    options = options or FormsOptions()
    if options.figures:  # the guide's figures for the room: their own file
        figures = FormsOptions(personal=False, worksheet=False, copies=options.copies, figures=True)
        render_atomic(path, lambda temp: write_forms_pdf(guide, temp, options=figures))
        return [Path(path)]
    if not options.personal and not options.worksheet:
        raise ValueError("nothing to print: neither the personal form nor the worksheet")
    form_names(snapshot, options.copies)  # refuse a bad number of copies before anything is written
    written: list[Path] = []
    if options.personal:
        personal = dataclasses.replace(options, worksheet=False)
        render_atomic(path, lambda temp: write_forms_pdf(guide, temp, snapshot=snapshot, options=personal))
        written.append(Path(path))
    if options.worksheet:
        target = worksheet_path(path, guide) if options.personal else Path(path)
        sheet = dataclasses.replace(options, personal=False)
        render_atomic(target, lambda temp: write_forms_pdf(guide, temp, snapshot=snapshot, options=sheet))
        written.append(target)
    return written


__all__ = ["FormsOptions", "form_names", "render_forms", "worksheet_path", "write_forms_pdf"]
