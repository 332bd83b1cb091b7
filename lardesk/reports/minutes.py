"""The minutes (minnesanteckningar) of a follow-up session, as a PDF a committee (nämnd) can act on.

Two steps, both pure functions of a snapshot:

* :func:`build_minutes` gathers what the minutes say as plain text (no reportlab), in the order they say
  it. The PDF, the editable DOCX (:mod:`lardesk.reports.minutes_docx`) and the GUI's preview all read it,
  so the three never drift apart.
* :func:`render_minutes` lays it out with reportlab's platypus and writes the file atomically (temp file,
  then ``os.replace``): a failed export never damages an earlier file.

reportlab and matplotlib are imported inside the functions that use them, so importing this module is cheap.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import io
import logging
import math
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from lardesk import __version__
from lardesk.method.guide import Guide
from lardesk.method.logic import GAP_CODES, STATUS_CODES, ItemKind
from lardesk.method.snapshot import Anonymity, ItemInfo, SessionSnapshot
from lardesk.method.stats import ScaleStats, number
from lardesk.reports.files import render_atomic

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)


# -- words ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Labels:
    """The fixed words of the minutes in one language (the guide supplies the method's own words)."""

    kind: str
    subject: str
    organisation: str
    unit: str
    date: str
    period: str
    facilitator: str
    case_number: str
    page: str
    participants: str
    name: str
    role: str
    roles: str
    count_only: str
    agreed: str
    agreed_all: str
    agreed_some: str
    discussion: str
    section_note: str
    no_notes: str
    assessment: str
    personal: str
    joint: str
    rated_of: str
    no_ratings: str
    logic: str
    logic_intro: str
    starting_points: str
    board_caption: str
    gaps: str
    gaps_intro: str
    none: str
    status_findings: str
    ratings: str
    spread_caption: str
    scale: str
    n: str
    median: str
    range_: str
    range_short: str
    joint_short: str
    round_: str
    last_year: str
    this_year: str
    joint_comments: str
    actions: str
    actions_intro: str
    action: str
    applies_to: str
    owner: str
    due: str
    general: str
    previous_actions: str
    done: str
    status: str
    not_done: str
    no_actions: str
    recorded_by: str
    budget: str
    spent: str
    decimal: str
    amount: str
    """How an amount in kronor reads, with ``{amount}`` for the number."""


SV = Labels(
    kind="Minnesanteckningar",
    subject="Lärande uppföljning av arbetet med jämställdhetsintegrering",
    organisation="Organisation",
    unit="Förvaltning/enhet",
    date="Datum",
    period="Period som följs upp",
    facilitator="Samtalsledare",
    case_number="Dnr",
    page="Sida",
    participants="Deltagare",
    name="Namn",
    role="Roll",
    roles="Roller",
    count_only="Deltagarna redovisas inte med namn eller roll.",
    agreed="Överenskomna delar",
    agreed_all="Gruppen kom överens om att följa upp samtliga delar av frågeguiden:",
    agreed_some="Gruppen kom överens om att följa upp följande delar av frågeguiden:",
    discussion="Samtalet del för del",
    section_note="Sammanfattning",
    no_notes="Inga anteckningar gjordes under denna del.",
    assessment="Bedömning",
    personal="Personlig bedömning",
    joint="Samlad bedömning",
    rated_of="{n} av {present} bedömde",
    no_ratings="inga bedömningar",
    logic="Programlogik",
    logic_intro=(
        "Programlogiken läses från höger till vänster, från förväntade effekter till resurser. Kopplingarna "
        "visas i figuren och luckorna redovisas efter den."
    ),
    starting_points="Utgångspunkter",
    board_caption="Programlogiken med gruppens kopplingar. Markerade rutor saknar koppling.",
    gaps="Luckor i programlogiken",
    gaps_intro="Poängen med programlogiken är att luckor blir synliga. Årets genomgång visar:",
    none="Inga",
    status_findings="Aktiviteter och resultat som inte blev av",
    ratings="Personlig och samlad bedömning",
    spread_caption="Deltagarnas personliga bedömningar per skala (1 = lägst, 10 = högst).",
    scale="Skala",
    n="Antal",
    median="Median",
    range_="Spridning",
    range_short="Min–max",
    joint_short="Samlad",
    round_="Omgång {round}",
    last_year="Förra året ({period})",
    this_year="I år ({period})",
    joint_comments="Den samlade bedömningen",
    actions="Förbättringsåtgärder",
    actions_intro="Svaren på frågan vad som kan göras för att få ett högre värde nästa år:",
    action="Åtgärd",
    applies_to="Gäller",
    owner="Ansvarig",
    due="Klart senast",
    general="Allmänt",
    previous_actions="Uppföljning av förra årets åtgärder",
    done="Genomförd",
    status="Status",
    not_done="Ej genomförd",
    no_actions="Inga förbättringsåtgärder antecknades.",
    recorded_by="Vid anteckningarna",
    budget="avsatt",
    spent="använt",
    decimal=",",
    amount="{amount} kr",
)

EN = Labels(
    kind="Minutes",
    subject="Learning follow-up of gender mainstreaming",
    organisation="Organisation",
    unit="Department/unit",
    date="Date",
    period="Period followed up",
    facilitator="Facilitator",
    case_number="Case no.",
    page="Page",
    participants="Participants",
    name="Name",
    role="Role",
    roles="Roles",
    count_only="Participants are not listed by name or role.",
    agreed="Agreed parts",
    agreed_all="The group agreed to follow up every part of the question guide:",
    agreed_some="The group agreed to follow up these parts of the question guide:",
    discussion="The discussion, part by part",
    section_note="Summary",
    no_notes="No notes were taken in this part.",
    assessment="Assessment",
    personal="Personal assessment",
    joint="Overall assessment",
    rated_of="{n} of {present} rated",
    no_ratings="no ratings",
    logic="Program logic",
    logic_intro=(
        "The program logic is read right to left, from expected effects to resources. The figure shows the "
        "links and the gaps are listed after it."
    ),
    starting_points="Starting points",
    board_caption="The program logic with the group's links. Highlighted boxes lack a link.",
    gaps="Gaps in the program logic",
    gaps_intro="The point of the program logic is that gaps become visible. This year's review shows:",
    none="None",
    status_findings="Activities and results that did not happen",
    ratings="Personal and overall assessment",
    spread_caption="The participants' personal assessments per scale (1 = lowest, 10 = highest).",
    scale="Scale",
    n="Count",
    median="Median",
    range_="Range",
    range_short="Min–max",
    joint_short="Overall",
    round_="Round {round}",
    last_year="Last year ({period})",
    this_year="This year ({period})",
    joint_comments="The overall assessment",
    actions="Improvement actions",
    actions_intro="The answers to what can be done to score higher next year:",
    action="Action",
    applies_to="Concerns",
    owner="Responsible",
    due="Due",
    general="General",
    previous_actions="Follow-up of last year's actions",
    done="Done",
    status="Status",
    not_done="Not done",
    no_actions="No improvement actions were noted.",
    recorded_by="Minutes taken by",
    budget="set aside",
    spent="spent",
    decimal=".",
    amount="SEK {amount}",
)


def labels_for(language: str) -> Labels:
    return EN if language == "en" else SV


# -- what the minutes say ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MinutesOptions:
    case_number: str | None = None
    """The case number (Dnr) to print; None: the session's own."""
    include_board: bool = True
    include_spread: bool = True
    round_: int = 1
    """The rating round the figure and the per-section assessments show (every round gets a table)."""


@dataclass(frozen=True, slots=True)
class QuestionNote:
    number: str
    """"1.2": section and question."""
    question: str
    note: str
    group: str = ""
    """The sub-part title (sections 7 and 8) when this question starts a new one."""


@dataclass(frozen=True, slots=True)
class SectionMinutes:
    number: int
    title: str
    part_title: str
    """The guide's part ("Del 1 – …") when this section starts a new part, else ""."""
    note: str
    questions: tuple[QuestionNote, ...]
    assessment_heading: str
    assessment_question: str
    assessment: str
    """"Personlig bedömning: median 7, spridning 5–9 (6 av 6 bedömde)."""
    joint: str
    follow_up: str
    actions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LogicCell:
    text: str
    detail: str = ""
    """Status, outcome, amounts and flags, as one line."""


@dataclass(frozen=True, slots=True)
class FindingGroup:
    code: str
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScaleTable:
    round_: int
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    previous_from: int
    """Index of the first column with last year's values (len(headers) when there are none)."""


@dataclass(frozen=True, slots=True)
class ActionRow:
    number: str
    text: str
    applies_to: str
    owner: str
    due: str
    done: bool = False


@dataclass(frozen=True)
class Minutes:
    """Everything the minutes say, in the order they say it, as plain text."""

    labels: Labels
    language: str
    title: str
    subtitle: str
    header: tuple[tuple[str, str], ...]
    running_head: str
    case_number: str
    participation: str
    participant_mode: Anonymity
    participants: tuple[tuple[str, str], ...]
    """(name, role) in open mode; ("", role) in roles mode; empty when only the count is given."""
    roles_summary: str
    agreed_intro: str
    agreed: tuple[str, ...]
    sections: tuple[SectionMinutes, ...]
    starting_points: tuple[LogicCell, ...]
    logic_headers: tuple[str, ...]
    logic_columns: tuple[tuple[LogicCell, ...], ...]
    gaps: tuple[FindingGroup, ...]
    status_findings: tuple[FindingGroup, ...]
    scale_tables: tuple[ScaleTable, ...]
    joint_comments: tuple[tuple[str, str], ...]
    """(heading, text) per joint assessment."""
    actions: tuple[ActionRow, ...]
    previous_actions: tuple[ActionRow, ...]
    recorded_by: str
    this_year_label: str
    previous_label: str
    footer: str
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def outline(self) -> list[tuple[int, str]]:
        """The headings, as (level, title): the PDF's bookmarks and the preview's outline."""
        lab = self.labels
        result = [(0, lab.participants), (0, lab.agreed), (0, lab.discussion)]
        result += [(1, f"{s.number}. {s.title}") for s in self.sections]
        result += [(0, lab.logic), (0, lab.gaps), (0, lab.ratings), (0, lab.actions)]
        return result


def fmt_number(value: float | None, labels: Labels) -> str:
    shown = number(value)
    if shown is None:
        return "–"
    return str(shown).replace(".", labels.decimal)


def fmt_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def fmt_amount(value: float, labels: Labels) -> str:
    whole = f"{round(value):,}".replace(",", "\u00a0")
    return labels.amount.format(amount=whole)


def _range(minimum: int | None, maximum: int | None) -> str:
    if minimum is None or maximum is None:
        return "–"
    return str(minimum) if minimum == maximum else f"{minimum}–{maximum}"


def assessment_text(stats: ScaleStats | None, labels: Labels) -> str:
    if stats is None or not stats.values:
        return f"{labels.personal}: {labels.no_ratings}."
    rated = labels.rated_of.format(n=stats.n, present=stats.present)
    return (
        f"{labels.personal}: {labels.median.lower()} {fmt_number(stats.median, labels)}, "
        f"{labels.range_.lower()} {_range(stats.minimum, stats.maximum)} ({rated})."
    )


def logic_cell(item: ItemInfo, guide: Guide, labels: Labels) -> LogicCell:
    details: list[str] = []
    if item.status:
        details.append(guide.term(item.status))
    if item.unexpected:
        details.append(guide.term("unexpected"))
    if item.carried_over:
        details.append(guide.term("carried_over"))
    if item.budget_sek is not None:
        details.append(f"{labels.budget} {fmt_amount(item.budget_sek, labels)}")
    if item.spent_sek is not None:
        details.append(f"{labels.spent} {fmt_amount(item.spent_sek, labels)}")
    detail = ", ".join(details)
    if item.outcome.strip():
        detail = f"{detail}: {item.outcome.strip()}" if detail else item.outcome.strip()
    return LogicCell(item.text, detail)


LOGIC_COLUMNS: tuple[tuple[ItemKind, str], ...] = (
    (ItemKind.RESOURCE, "resources"),
    (ItemKind.ACTIVITY, "planned_activities"),
    (ItemKind.RESULT, "expected_results"),
    (ItemKind.MEDIATOR, "mediators"),
    (ItemKind.EFFECT, "expected_effects"),
)
"""The worksheet's columns (Bilaga 1, with the mediating instances of APeL's model), left to right."""


def logic_headers(guide: Guide) -> tuple[str, ...]:
    return tuple(guide.term(term) for _, term in LOGIC_COLUMNS)


def build_minutes(snapshot: SessionSnapshot, guide: Guide, options: MinutesOptions | None = None) -> Minutes:
    """What the minutes of ``snapshot`` say, in ``guide``'s language."""
    options = options or MinutesOptions()
    lab = labels_for(guide.language)
    info = snapshot.session
    org = info.organisation
    case_number = (options.case_number if options.case_number is not None else info.case_number).strip()

    header: list[tuple[str, str]] = [(lab.organisation, org.name)]
    if org.unit:
        header.append((lab.unit, org.unit))
    header.append((lab.date, fmt_date(info.date)))
    if info.period:
        header.append((lab.period, info.period))
    if info.facilitator:
        header.append((lab.facilitator, info.facilitator))
    if case_number:
        header.append((lab.case_number, case_number))

    # Who took part: the session's anonymity decides how much is said.
    present = snapshot.present
    if info.anonymity is Anonymity.OPEN:
        people = tuple((p.name or "", p.role) for p in present)
        roles_summary = ""
    elif info.anonymity is Anonymity.ROLES:
        people = tuple(("", p.role) for p in present if p.role)
        counts: dict[str, int] = {}
        for p in present:
            if p.role:
                counts[p.role] = counts.get(p.role, 0) + 1
        roles_summary = ", ".join(f"{role} ({n})" if n > 1 else role for role, n in counts.items())
    else:
        people = ()
        roles_summary = ""

    agreed = info.agreed_sections
    agreed_intro = lab.agreed_all if len(agreed) == len(guide.sections) else lab.agreed_some
    round_ = options.round_
    stats = {s.scale: s for s in snapshot.stats(round_)}

    sections: list[SectionMinutes] = []
    seen_parts: set[int] = set()
    for number_ in agreed:
        section = guide.section(number_)
        part_title = ""
        if section.part and section.part not in seen_parts:
            seen_parts.add(section.part)
            part_title = next((p.title for p in guide.parts if p.number == section.part), "")
            if part_title == section.title:
                part_title = ""
        questions: list[QuestionNote] = []
        last_group = ""
        for question in section.questions:
            text = snapshot.note(number_, question.number).strip()
            if not text:
                continue
            group = ""
            if question.group and question.group != last_group:
                group = section.group_title(question.group)
                last_group = question.group
            questions.append(QuestionNote(f"{number_}.{question.number}", question.text, text, group))
        joint = snapshot.joint_for(number_)
        joint_text = ""
        if joint is not None:
            joint_text = f"{lab.joint}: {joint.value}."
            if joint.comment.strip():
                joint_text += f" {joint.comment.strip()}"
        sections.append(
            SectionMinutes(
                number=number_,
                title=section.title,
                part_title=part_title,
                note=snapshot.note(number_, 0).strip(),
                questions=tuple(questions),
                assessment_heading=section.assessment_heading,
                assessment_question=section.assessment_question,
                assessment=assessment_text(stats.get(number_), lab),
                joint=joint_text,
                follow_up=section.follow_up,
                actions=tuple(_action_line(i.text, i.owner, i.due, lab) for i in snapshot.improvements_for(number_)),
            )
        )

    columns = tuple(
        tuple(logic_cell(item, guide, lab) for item in snapshot.items_of(kind)) for kind, _ in LOGIC_COLUMNS
    )
    starting_points = tuple(logic_cell(item, guide, lab) for item in snapshot.items_of(ItemKind.STARTING_POINT))

    findings = snapshot.findings
    gaps = tuple(
        FindingGroup(code, guide.findings.get(code, code), tuple(f.text for f in findings if f.code == code))
        for code in GAP_CODES
    )
    status_findings = tuple(
        FindingGroup(code, guide.findings.get(code, code), tuple(f.text for f in findings if f.code == code))
        for code in STATUS_CODES
    )

    scale_tables = tuple(_scale_table(snapshot, guide, lab, r) for r in snapshot.rounds())
    joint_comments = tuple(
        (
            f"{j.scale}. {guide.scale(j.scale).label}: {j.value}",
            j.comment.strip(),
        )
        for j in sorted(snapshot.joint, key=lambda j: j.scale)
    )

    def applies(scale: int | None) -> str:
        return f"{scale}. {guide.scale(scale).label}" if scale else lab.general

    actions = tuple(
        ActionRow(str(index), i.text, applies(i.scale), i.owner, fmt_date(i.due), i.done)
        for index, i in enumerate(snapshot.improvements, start=1)
    )
    previous_actions: tuple[ActionRow, ...] = ()
    if snapshot.previous is not None:
        previous_actions = tuple(
            ActionRow(str(index), i.text, applies(i.scale), i.owner, fmt_date(i.due), i.done)
            for index, i in enumerate(snapshot.previous.improvements, start=1)
        )

    title = info.title or f"{lab.subject} {info.period}".strip()
    running_head = org.display_name
    metadata = {
        "title": f"{lab.kind}: {title}",
        "author": info.facilitator or org.name,
        "subject": f"{lab.subject}, {org.display_name}, {fmt_date(info.date)}",
        "keywords": ", ".join(k for k in (lab.subject, org.name, info.period, case_number) if k),
        "creator": f"lardesk {__version__}",
        "lang": "en-GB" if guide.language == "en" else "sv-SE",
    }
    minutes = Minutes(
        labels=lab,
        language=guide.language,
        title=title,
        subtitle=lab.subject if info.title else "",
        header=tuple(header),
        running_head=running_head,
        case_number=case_number,
        participation=snapshot.participation_sentence(guide.language),
        participant_mode=info.anonymity,
        participants=people,
        roles_summary=roles_summary,
        agreed_intro=agreed_intro,
        agreed=tuple(f"{n}. {guide.section(n).title}" for n in agreed),
        sections=tuple(sections),
        starting_points=starting_points,
        logic_headers=logic_headers(guide),
        logic_columns=columns,
        gaps=gaps,
        status_findings=status_findings,
        scale_tables=scale_tables,
        joint_comments=joint_comments,
        actions=actions,
        previous_actions=previous_actions,
        recorded_by=info.facilitator,
        this_year_label=lab.this_year.format(period=info.period or fmt_date(info.date)),
        previous_label=(
            lab.last_year.format(period=snapshot.previous.period or fmt_date(snapshot.previous.date))
            if snapshot.previous is not None
            else ""
        ),
        footer=f"{lab.kind}, {lab.subject.lower()}, {fmt_date(info.date)}",
        metadata=metadata,
    )
    result: Minutes = cleaned(minutes)
    return result


_CONTROL = {code: None for code in range(32) if chr(code) not in "\n\t"} | {0x7F: None}


def clean_text(text: str) -> str:
    """User text without control characters (which PDF text and Word's XML cannot carry); tabs become spaces."""
    return text.translate(_CONTROL).replace("\t", " ")


def cleaned(value: Any) -> Any:
    """``value`` with every string inside it (dataclasses, tuples, dicts) passed through :func:`clean_text`."""
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, tuple):
        return tuple(cleaned(v) for v in value)
    if isinstance(value, dict):
        return {k: cleaned(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type) and not isinstance(value, Labels):
        return dataclasses.replace(
            value, **{f.name: cleaned(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        )
    return value


def _action_line(text: str, owner: str, due: dt.date | None, lab: Labels) -> str:
    extra = []
    if owner:
        extra.append(f"{lab.owner.lower()}: {owner}")
    if due:
        extra.append(f"{lab.due.lower()} {fmt_date(due)}")
    return f"{text} ({'; '.join(extra)})" if extra else text


def _scale_table(snapshot: SessionSnapshot, guide: Guide, lab: Labels, round_: int) -> ScaleTable:
    headers = [lab.scale, lab.n, lab.median, lab.range_short, lab.joint_short]
    previous = snapshot.previous if round_ == 1 else None
    previous_from = len(headers)
    if previous is not None:
        headers += [lab.median, lab.range_short, lab.joint_short]
    rows = []
    for stats in snapshot.stats(round_, snapshot.session.agreed_sections):
        joint = snapshot.joint_for(stats.scale)
        row = [
            f"{stats.scale}. {guide.scale(stats.scale).label}",
            f"{stats.n}/{stats.present}",
            fmt_number(stats.median, lab),
            _range(stats.minimum, stats.maximum),
            str(joint.value) if joint else "–",
        ]
        if previous is not None:
            history = previous.scale(stats.scale)
            if history is None:
                row += ["–", "–", "–"]
            else:
                row += [
                    fmt_number(history.median, lab),
                    _range(history.minimum, history.maximum),
                    str(history.joint) if history.joint is not None else "–",
                ]
        rows.append(tuple(row))
    return ScaleTable(round_, tuple(headers), tuple(rows), previous_from)


# -- figures -------------------------------------------------------------------------------------------------


class FigureImage:
    """A figure as a picture, with its size in inches (an image that keeps the figure's proportions).

    ``png`` is the PNG file. A figure drawn here also keeps its pixels (``picture``, an RGB PIL image): the PDF
    takes them as they are, and the PNG is written only when something asks for it (the DOCX, the preview).
    """

    __slots__ = ("_png", "height_in", "picture", "width_in")

    def __init__(self, png: bytes | None, width_in: float, height_in: float, picture: Any = None) -> None:
        if png is None and picture is None:
            raise ValueError("a FigureImage needs a PNG or a picture")
        self._png = png
        self.width_in = width_in
        self.height_in = height_in
        self.picture = picture

    def __repr__(self) -> str:
        return f"FigureImage({self.width_in:g} × {self.height_in:g} in)"

    @property
    def png(self) -> bytes:
        if self._png is None:
            buffer = io.BytesIO()
            self.picture.save(buffer, format="PNG", compress_level=1)  # fast, light compression
            self._png = buffer.getvalue()
        return self._png

    @property
    def ratio(self) -> float:
        return self.height_in / self.width_in

    def pieces(self, max_ratio: float) -> list[FigureImage]:
        """The image cut into horizontal strips no taller than ``max_ratio`` × its width (a long board over
        several pages, at a size one can read, rather than shrunk to fit one)."""
        if self.ratio <= max_ratio * 1.02:
            return [self]
        from PIL import Image as PILImage

        count = math.ceil(self.ratio / max_ratio)
        with PILImage.open(io.BytesIO(self.png)) if self.picture is None else nullcontext(self.picture) as picture:
            width, height = picture.size
            step = math.ceil(height / count)
            result = []
            for top in range(0, height, step):
                bottom = min(height, top + step)
                strip = picture.crop((0, top, width, bottom))
                result.append(FigureImage(None, self.width_in, self.height_in * (bottom - top) / height, strip))
        return result


PRINT_DPI = 200
"""Pixels per inch of a figure as printed."""
SPLIT_DPI = 150
"""Pixels per inch of a figure cut into strips over several pages (many pixels, each page one strip)."""
MIN_LEGIBLE_SCALE = 0.5
"""A figure shrunk below half its size to fit a page is cut into strips instead (see FigureImage.pieces)."""
_MM = 72 / 25.4
SPREAD_BOX = ((210 - 44) * _MM, (297 - 44) * _MM * 0.5)
"""Where the spread figure goes: the portrait text width, at most half the page's height (points)."""
BOARD_BOX = ((297 - 44) * _MM, (210 - 44) * _MM * 0.85)
"""Where the board goes: a landscape page's text width and most of its height (points)."""


def print_scale(width_in: float, height_in: float, box: tuple[float, float], *, split: bool = False) -> float:
    """How much a figure is scaled to sit in ``box`` (by width only when it will be cut into strips)."""
    fit_width = box[0] / (width_in * 72)
    fit = min(fit_width, box[1] / (height_in * 72))
    if split and fit < MIN_LEGIBLE_SCALE:
        fit = fit_width
    return min(fit, 1.0)


def figure_png(figure: Figure, box: tuple[float, float] | None = None, *, split: bool = False) -> FigureImage:
    """A matplotlib Figure as PNG bytes, with its size (for an image that keeps the figure's proportions).

    With ``box`` (the room it gets in the PDF, in points) the resolution is what the print needs and no more:
    a large board shrunk to a page is not drawn at full resolution only to be scaled down.
    """
    width, height = (float(v) for v in figure.get_size_inches())
    scale = print_scale(width, height, box, split=split) if box else 1.0
    dpi = max(40, round(PRINT_DPI * scale))
    if split and box and print_scale(width, height, box) < MIN_LEGIBLE_SCALE:
        dpi = min(dpi, SPLIT_DPI)  # a board over several pages: enough for its small print, not more
    from lardesk.charts.raster import picture  # savefig's pixels, with the text drawn from a glyph cache

    return FigureImage(None, width, height, picture(figure, dpi))


def chart_builder(module: str, name: str) -> Callable[..., Figure] | None:
    """A figure builder from ``lardesk.charts``, or None when that module is not there (the figure is then
    left out of the minutes: a clear hole, never a stand-in)."""
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name != module:
            raise
        log.warning("%s is missing: its figure is left out of the minutes", module)
        return None
    builder: Callable[..., Figure] = getattr(loaded, name)
    return builder


def spread_image(snapshot: SessionSnapshot, guide: Guide, round_: int = 1) -> FigureImage | None:
    build = chart_builder("lardesk.charts.spread", "spread_figure")
    if build is None:
        return None
    return figure_png(build(snapshot, guide, round_=round_, revealed=True, show_names=False), SPREAD_BOX)


def board_image(snapshot: SessionSnapshot, guide: Guide) -> FigureImage | None:
    build = chart_builder("lardesk.charts.board", "board_figure")
    if build is None:
        return None
    return figure_png(build(snapshot, guide), BOARD_BOX, split=True)


# -- the PDF -------------------------------------------------------------------------------------------------

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


def paragraphs_of(text: str) -> list[str]:
    """A note split at blank lines, so a very long note breaks across pages between its paragraphs too."""
    chunks = [chunk.strip() for chunk in text.replace("\r\n", "\n").split("\n\n")]
    return [markup(chunk) for chunk in chunks if chunk]


class Styles:
    """The minutes' paragraph styles: one calm family, few sizes."""

    def __init__(self) -> None:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle

        register_fonts()
        ink, muted, accent = colors.HexColor(INK), colors.HexColor(MUTED), colors.HexColor(ACCENT)
        base = ParagraphStyle(
            "body", fontName=FONT, bulletFontName=FONT, fontSize=9.5, leading=13.6, textColor=ink, spaceAfter=4
        )
        self.body = base
        self.kicker = ParagraphStyle("kicker", base, fontName=FONT_BOLD, fontSize=8.5, textColor=muted, spaceAfter=2)
        self.title = ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=17, leading=21, textColor=accent)
        self.subtitle = ParagraphStyle("subtitle", base, fontSize=10.5, leading=14, textColor=muted, spaceAfter=10)
        self.h1 = ParagraphStyle(
            "h1",
            base,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=17,
            textColor=accent,
            spaceBefore=16,
            spaceAfter=6,
            keepWithNext=1,
        )
        self.part = ParagraphStyle(
            "part", base, fontName=FONT_BOLD, fontSize=8.5, textColor=muted, spaceBefore=10, keepWithNext=1
        )
        self.h2 = ParagraphStyle(
            "h2",
            base,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=15,
            textColor=accent,
            spaceBefore=12,
            spaceAfter=4,
            keepWithNext=1,
        )
        self.group = ParagraphStyle("group", base, fontName=FONT_ITALIC, textColor=muted, keepWithNext=1, spaceAfter=2)
        self.question = ParagraphStyle("question", base, fontName=FONT_BOLD, fontSize=9, keepWithNext=1, spaceAfter=1)
        self.note = ParagraphStyle("note", base, leftIndent=10)
        self.label = ParagraphStyle("label", base, fontName=FONT_BOLD, fontSize=9, spaceBefore=3, keepWithNext=1)
        self.bullet = ParagraphStyle("bullet", base, leftIndent=20, bulletIndent=10, spaceAfter=2)
        self.small = ParagraphStyle("small", base, fontSize=8, leading=10.5, textColor=muted, spaceAfter=0)
        self.caption = ParagraphStyle(
            "caption", base, fontName=FONT_ITALIC, fontSize=8, leading=10.5, textColor=muted, alignment=1
        )
        self.cell = ParagraphStyle("cell", base, fontSize=8.5, leading=11, spaceAfter=0)
        self.cell_detail = ParagraphStyle("detail", self.cell, fontName=FONT_ITALIC, fontSize=7.5, leading=9)
        self.cell_head = ParagraphStyle("head", self.cell, fontName=FONT_BOLD, fontSize=8, leading=10)
        self.cell_right = ParagraphStyle("right", self.cell, alignment=2)
        self.cell_head_right = ParagraphStyle("head_right", self.cell_head, alignment=2)
        self.cell_head_small = ParagraphStyle("head_small", self.cell_head_right, fontSize=7.5)
        self.meta_label = ParagraphStyle("meta_label", self.cell, textColor=muted)
        self.cell_muted = ParagraphStyle("cell_muted", self.cell, textColor=muted)
        self.logic_cell = ParagraphStyle("logic_cell", self.cell, fontSize=8, leading=10)
        self.logic_detail = ParagraphStyle("logic_detail", self.cell_detail, fontSize=7.2, leading=8.8)
        self.cell_bullet = ParagraphStyle("cell_bullet", self.cell, leftIndent=9, bulletIndent=0, spaceAfter=1)
        self.listed = ParagraphStyle("listed", base, leftIndent=10, spaceAfter=1)


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


def _heading(text: str, style: Any, level: int, key: str) -> Any:
    from reportlab.platypus import Paragraph

    flowable = Paragraph(markup(text), style)
    flowable._lardesk_bookmark = (key, text, level)  # read by afterFlowable
    return flowable


def _image(image: FigureImage, width: float, max_height: float) -> Any:
    from reportlab.platypus import Image

    width = min(width, image.width_in * 72)
    height = width * image.ratio
    if height > max_height:
        width, height = max_height / image.ratio, max_height
    source = io.BytesIO(image.png) if image.picture is None else _picture_reader()(image.picture)
    return Image(source, width=width, height=height)


@cache
def _picture_reader() -> type:
    """An ImageReader that reportlab's Image takes as a file (it has ``read``) and then adopts as it is: a
    figure's pixels go into the PDF without a PNG written and read back."""
    from reportlab.lib.utils import ImageReader

    return type("PictureReader", (ImageReader,), {"read": None})


def _images(image: FigureImage, width: float, max_height: float) -> list[Any]:
    """The image, or its strips when fitting it whole would shrink it past reading."""
    if print_scale(image.width_in, image.height_in, (width, max_height)) >= MIN_LEGIBLE_SCALE:
        return [_image(image, width, max_height)]
    shown_width = min(width, image.width_in * 72)
    return [_image(piece, width, max_height) for piece in image.pieces(max_height / shown_width)]


def _data_table(
    rows: list[list[Any]], widths: Sequence[float], *, header_rows: int = 1, extra: Sequence[tuple[Any, ...]] = ()
) -> Any:
    from reportlab.platypus import Table

    table = Table(rows, colWidths=list(widths), repeatRows=header_rows, splitByRow=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(table_style(header_rows, extra))
    return table


def minutes_story(
    minutes: Minutes,
    styles: Styles,
    narrow: tuple[float, float],
    wide: tuple[float, float],
    *,
    board: FigureImage | None = None,
    spread: FigureImage | None = None,
    include_board: bool = True,
    include_spread: bool = True,
) -> list[Any]:
    """The platypus flowables of the minutes."""
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, KeepTogether, NextPageTemplate, PageBreak, Paragraph, Spacer

    lab = minutes.labels
    s = styles
    story: list[Any] = []
    frame_width, frame_height = narrow

    def para(text: str, style: Any = s.body) -> Any:
        return Paragraph(text, style)

    def cell(text: str, style: Any = s.cell) -> Any:
        return Paragraph(markup(text), style)

    # The header block.
    story.append(para(escape(lab.kind.upper()), s.kicker))
    story.append(para(markup(minutes.title), s.title))
    if minutes.subtitle:
        story.append(para(markup(minutes.subtitle), s.subtitle))
    else:
        story.append(Spacer(1, 6))
    meta = [[cell(label, s.meta_label), cell(value)] for label, value in minutes.header]
    meta_table = _data_table(meta, (42 * mm, frame_width - 42 * mm), header_rows=0)
    meta_table.setStyle(table_style(0, [("LINEABOVE", (0, 0), (-1, 0), 0.7, _color(MUTED))]))
    story.append(meta_table)

    # Who took part.
    story.append(_heading(lab.participants, s.h1, 0, "participants"))
    story.append(para(markup(minutes.participation) + "."))
    if minutes.participant_mode is Anonymity.OPEN and minutes.participants:
        rows: list[list[Any]] = [[cell(lab.name, s.cell_head), cell(lab.role, s.cell_head)]]
        rows += [[cell(name), cell(role)] for name, role in minutes.participants]
        story.append(_data_table(rows, (frame_width * 0.45, frame_width * 0.55)))
    elif minutes.participant_mode is Anonymity.ROLES and minutes.roles_summary:
        story.append(para(f"<b>{escape(lab.roles)}:</b> {markup(minutes.roles_summary)}."))
    elif minutes.participant_mode is Anonymity.ANONYMOUS:
        story.append(para(escape(lab.count_only), s.small))

    # The agreed parts.
    story.append(_heading(lab.agreed, s.h1, 0, "agreed"))
    story.append(para(escape(minutes.agreed_intro)))
    for line in minutes.agreed:
        story.append(Paragraph(markup(line), s.listed))

    # Section by section.
    story.append(_heading(lab.discussion, s.h1, 0, "discussion"))
    for section in minutes.sections:
        if section.part_title:
            story.append(para(escape(section.part_title.upper()), s.part))
        story.append(CondPageBreak(40 * mm))
        story.append(_heading(f"{section.number}. {section.title}", s.h2, 1, f"section-{section.number}"))
        if section.note:
            story += [para(chunk) for chunk in paragraphs_of(section.note)]
        for question in section.questions:
            if question.group:
                story.append(para(markup(question.group), s.group))
            story.append(para(f"{escape(question.number)}&nbsp;&nbsp;{markup(question.question)}", s.question))
            story += [para(chunk, s.note) for chunk in paragraphs_of(question.note)]
        if not section.note and not section.questions:
            story.append(para(escape(lab.no_notes), s.small))
        assessment = [
            para(f"{markup(section.assessment_heading)}. <i>{markup(section.assessment_question)}</i>", s.label),
            para(markup(section.assessment), s.note),
        ]
        if section.joint:
            assessment.append(para(markup(section.joint), s.note))
        story.append(KeepTogether(assessment))
        if section.actions:
            story.append(para(markup(section.follow_up), s.label))
            story += [Paragraph(markup(a), s.bullet, bulletText="–") for a in section.actions]

    # The program logic.
    # On landscape pages, like the worksheet of Bilaga 1: five columns need the width.
    frame_width, frame_height = wide
    story.append(NextPageTemplate("landscape"))
    story.append(PageBreak())
    story.append(_heading(lab.logic, s.h1, 0, "logic"))
    story.append(para(escape(lab.logic_intro)))
    if minutes.starting_points:
        story.append(para(escape(lab.starting_points), s.label))
        story += [Paragraph(markup(c.text), s.bullet, bulletText="•") for c in minutes.starting_points]
    height = max((len(column) for column in minutes.logic_columns), default=0)
    rows = [[cell(h, s.cell_head) for h in minutes.logic_headers]]
    for index in range(height):
        row: list[Any] = []
        for column in minutes.logic_columns:
            if index < len(column):
                content = [cell(column[index].text, s.logic_cell)]
                if column[index].detail:
                    content.append(cell(column[index].detail, s.logic_detail))
                row.append(content)
            else:
                row.append("")
        rows.append(row)
    widths = [frame_width * share for share in (0.17, 0.23, 0.23, 0.19, 0.18)]
    story.append(
        _data_table(rows, widths, extra=[("TOPPADDING", (0, 1), (-1, -1), 2), ("BOTTOMPADDING", (0, 1), (-1, -1), 3)])
    )
    if include_board and board is not None:
        story.append(Spacer(1, 8))
        pieces = _images(board, frame_width, frame_height * 0.85)
        story += pieces[:-1]
        story.append(KeepTogether([pieces[-1], para(escape(lab.board_caption), s.caption)]))
    story.append(NextPageTemplate("portrait"))
    story.append(PageBreak())
    frame_width, frame_height = narrow

    # Gaps, in words.
    story.append(_heading(lab.gaps, s.h1, 0, "gaps"))
    story.append(para(escape(lab.gaps_intro)))
    story.append(_findings_table(minutes.gaps, lab, s, frame_width))
    story += [Spacer(1, 8), para(escape(lab.status_findings), s.label)]
    story.append(_findings_table(minutes.status_findings, lab, s, frame_width))

    # Ratings.
    heading = _heading(lab.ratings, s.h1, 0, "ratings")
    if include_spread and spread is not None:
        image = _image(spread, frame_width, frame_height * 0.5)
        story.append(KeepTogether([heading, image, para(escape(lab.spread_caption), s.caption)]))
        story.append(Spacer(1, 6))
    else:
        story.append(CondPageBreak(60 * mm))
        story.append(heading)
    for table in minutes.scale_tables:
        if len(minutes.scale_tables) > 1:
            story.append(para(escape(lab.round_.format(round=table.round_)), s.label))
        story.append(_scale_table_flowable(table, minutes, s, frame_width))
        story.append(Spacer(1, 6))
    if minutes.joint_comments:
        story.append(para(escape(lab.joint_comments), s.label))
        for heading, comment in minutes.joint_comments:
            text = f"<b>{markup(heading)}.</b>"
            if comment:
                text += f" {markup(comment)}"
            story.append(para(text, s.note))

    # Improvement actions.
    story.append(CondPageBreak(50 * mm))
    story.append(_heading(lab.actions, s.h1, 0, "actions"))
    if minutes.actions:
        story.append(para(escape(lab.actions_intro)))
        story.append(_actions_table(minutes.actions, lab, s, frame_width, with_status=False))
    else:
        story.append(para(escape(lab.no_actions)))
    if minutes.previous_actions:
        story += [Spacer(1, 8), para(escape(lab.previous_actions), s.label)]
        story.append(_actions_table(minutes.previous_actions, lab, s, frame_width, with_status=True))

    if minutes.recorded_by:
        story.append(Spacer(1, 14))
        story.append(
            KeepTogether(
                [para(escape(lab.recorded_by), s.small), para(markup(minutes.recorded_by))],
            )
        )
    return story


def _color(hex_: str) -> Any:
    from reportlab.lib import colors

    return colors.HexColor(hex_)


def _findings_table(groups: Iterable[FindingGroup], lab: Labels, s: Styles, width: float) -> Any:
    from reportlab.platypus import Paragraph

    rows: list[list[Any]] = []
    for group in groups:
        items: list[Any]
        if group.items:
            items = [Paragraph(markup(text), s.cell_bullet, bulletText="•") for text in group.items]
        else:
            items = [Paragraph(escape(lab.none), s.cell_muted)]
        rows.append([Paragraph(markup(group.title), s.cell), items])
    table = _data_table(rows, (width * 0.42, width * 0.58), header_rows=0)
    table.setStyle(table_style(0, [("LINEABOVE", (0, 0), (-1, 0), 0.7, _color(MUTED))]))
    return table


def _scale_table_flowable(table: ScaleTable, minutes: Minutes, s: Styles, width: float) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph

    lab = minutes.labels
    has_previous = table.previous_from < len(table.headers)
    head_rows = 2 if has_previous else 1
    numeric = len(table.headers) - 1
    first = width - numeric * (17 * mm if has_previous else 22 * mm)
    widths = [first] + [(width - first) / numeric] * numeric
    rows: list[list[Any]] = []
    this_year = lab.round_.format(round=table.round_) if table.round_ > 1 else minutes.this_year_label
    if has_previous:
        top: list[Any] = [""] * len(table.headers)
        top[1] = Paragraph(escape(this_year), s.cell_head)
        top[table.previous_from] = Paragraph(escape(minutes.previous_label), s.cell_head)
        rows.append(top)
    rows.append(
        [Paragraph(escape(table.headers[0]), s.cell_head)]
        + [Paragraph(escape(h), s.cell_head_small) for h in table.headers[1:]]
    )
    for values in table.rows:
        rows.append([Paragraph(escape(values[0]), s.cell)] + [Paragraph(escape(v), s.cell_right) for v in values[1:]])
    extra: list[tuple[Any, ...]] = []
    if has_previous:
        extra += [
            ("SPAN", (1, 0), (table.previous_from - 1, 0)),
            ("SPAN", (table.previous_from, 0), (-1, 0)),
            ("LINEBELOW", (1, 0), (table.previous_from - 1, 0), 0.25, _color(RULE)),
            ("LINEBELOW", (table.previous_from, 0), (-1, 0), 0.25, _color(RULE)),
            ("LINEBEFORE", (table.previous_from, 0), (table.previous_from, -1), 0.25, _color(RULE)),
            ("TEXTCOLOR", (table.previous_from, head_rows), (-1, -1), _color(MUTED)),
        ]
    return _data_table(rows, widths, header_rows=head_rows, extra=extra)


def _actions_table(actions: Sequence[ActionRow], lab: Labels, s: Styles, width: float, *, with_status: bool) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph

    headers = ["", lab.action, lab.applies_to, lab.owner, lab.due]
    widths = [7 * mm, 0.0, 32 * mm, 40 * mm, 24 * mm]
    if with_status:
        headers.append(lab.status)
        widths = [7 * mm, 0.0, 30 * mm, 32 * mm, 24 * mm, 25 * mm]
    widths[1] = width - sum(widths)
    rows: list[list[Any]] = [[Paragraph(escape(h), s.cell_head) for h in headers]]
    for action in actions:
        row = [action.number, action.text, action.applies_to, action.owner, action.due]
        if with_status:
            row.append(lab.done if action.done else lab.not_done)
        rows.append([Paragraph(markup(v), s.cell) for v in row])
    return _data_table(rows, widths)


def _page_canvas_class(minutes: Minutes) -> type:
    """A canvas that holds every page until the end, so each can say "Sida x (y)"; bookmarks are placed as
    the held pages are written out (a held page's bookmarks would otherwise all point at page 1)."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    lab = minutes.labels

    class PagedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []
            self._marks: dict[int, list[tuple[str, str, int]]] = {}

        def mark(self, key: str, title: str, level: int) -> None:
            self._marks.setdefault(len(self._held), []).append((key, title, level))

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            marks = self._marks
            total = len(self._held)
            for index, state in enumerate(self._held):
                self.__dict__.update(state)
                self._decorate(index + 1, total)
                for key, title, level in marks.get(index, ()):
                    self.bookmarkPage(key, fit="XYZ", top=self._pagesize[1])
                    self.addOutlineEntry(title, key, level=level, closed=level > 0)
                Canvas.showPage(self)
            self.showOutline()
            Canvas.save(self)

        def _decorate(self, page: int, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFillColor(_color(MUTED))
            self.setFont(FONT, 8)
            top = height - 13 * mm
            self.drawString(22 * mm, top, minutes.running_head)
            self.drawRightString(width - 22 * mm, top, f"{lab.page} {page} ({total})")
            if minutes.case_number:
                self.drawRightString(width - 22 * mm, top - 10, f"{lab.case_number} {minutes.case_number}")
            self.setStrokeColor(_color(RULE))
            self.setLineWidth(0.4)
            rule_y = top - (14 if minutes.case_number else 5)
            self.line(22 * mm, rule_y, width - 22 * mm, rule_y)
            self.drawString(22 * mm, 11 * mm, minutes.footer)
            self.restoreState()

    return PagedCanvas


def _doc_template(path: Path | io.BytesIO, minutes: Minutes) -> Any:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    class MinutesDoc(BaseDocTemplate):  # type: ignore[misc]
        def afterFlowable(self, flowable: Any) -> None:
            mark = getattr(flowable, "_lardesk_bookmark", None)
            if mark is not None:
                self.canv.mark(*mark)

    meta = minutes.metadata
    doc = MinutesDoc(
        path if isinstance(path, io.BytesIO) else str(path),
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=24 * mm,
        bottomMargin=20 * mm,
        title=meta.get("title", ""),
        author=meta.get("author", ""),
        subject=meta.get("subject", ""),
        keywords=meta.get("keywords", ""),
        creator=meta.get("creator", ""),
        lang=meta.get("lang", "sv-SE"),
        initialFontName=FONT,  # else every page names Helvetica, a font that is not embedded
        initialFontSize=9.5,
    )
    wide_width, wide_height = landscape(A4)
    portrait = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0)
    wide = Frame(
        doc.leftMargin,
        16 * mm,
        wide_width - doc.leftMargin - doc.rightMargin,
        wide_height - 21 * mm - 16 * mm,
        id="wide",
        leftPadding=0,
        rightPadding=0,
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="portrait", frames=[portrait], pagesize=A4),
            PageTemplate(id="landscape", frames=[wide], pagesize=landscape(A4)),
        ]
    )
    return doc


def write_minutes_pdf(
    minutes: Minutes,
    target: Path | io.BytesIO,
    *,
    board: FigureImage | None = None,
    spread: FigureImage | None = None,
    include_board: bool = True,
    include_spread: bool = True,
) -> None:
    """Lay out ``minutes`` as a PDF into ``target`` (a path or a buffer); not atomic by itself."""
    styles = Styles()
    doc = _doc_template(target, minutes)
    wide = doc.pageTemplates[1].frames[0]
    story = minutes_story(
        minutes,
        styles,
        (doc.width, doc.height),
        (wide._width, wide._height),
        board=board,
        spread=spread,
        include_board=include_board,
        include_spread=include_spread,
    )
    doc.build(story, canvasmaker=_page_canvas_class(minutes))


@dataclass(frozen=True, slots=True)
class MinutesFigures:
    """The figures of the minutes as PNG, drawn once and shared by the PDF, the DOCX and the preview."""

    board: FigureImage | None = None
    spread: FigureImage | None = None


def draw_figures(snapshot: SessionSnapshot, guide: Guide, options: MinutesOptions | None = None) -> MinutesFigures:
    """Draw the figures ``options`` asks for (the slow part of an export: matplotlib lays out every label)."""
    options = options or MinutesOptions()
    return MinutesFigures(
        board=board_image(snapshot, guide) if options.include_board else None,
        spread=spread_image(snapshot, guide, options.round_) if options.include_spread else None,
    )


def render_minutes(
    snapshot: SessionSnapshot,
    guide: Guide,
    path: str | Path,
    *,
    options: MinutesOptions | None = None,
    figures: MinutesFigures | None = None,
) -> None:
    """Write the minutes of ``snapshot`` as a PDF at ``path``, atomically.

    ``figures`` are drawn here unless given (pass them when the same minutes go to PDF and DOCX).
    """
    options = options or MinutesOptions()
    minutes = build_minutes(snapshot, guide, options)
    figures = figures if figures is not None else draw_figures(snapshot, guide, options)
    render_atomic(
        path,
        lambda temp: write_minutes_pdf(
            minutes,
            temp,
            board=figures.board if options.include_board else None,
            spread=figures.spread if options.include_spread else None,
            include_board=options.include_board,
            include_spread=options.include_spread,
        ),
    )


__all__ = [
    "FigureImage",
    "Labels",
    "Minutes",
    "MinutesFigures",
    "MinutesOptions",
    "build_minutes",
    "draw_figures",
    "render_minutes",
    "write_minutes_pdf",
]
