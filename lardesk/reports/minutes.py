"""The minutes (minnesanteckningar) of a follow-up session, as a document a committee (nämnd) can publish.

Three steps, each a pure function of a snapshot:

* :func:`build_minutes` gathers what the minutes say as plain text, in the order they say it. The PDF, the
  editable DOCX (:mod:`lardesk.reports.minutes_docx`) and the GUI's preview all read it.
* :func:`minutes_document` arranges it as a :class:`~lardesk.reports.document.Document` (headings, paragraphs,
  tables, figures with their alt text): page 1 is the summary, the program logic is an appendix. A new section
  of the minutes is a few more blocks here; the renderers need not change.
* :func:`render_minutes` writes it as tagged PDF/UA-1 with Typst (:mod:`lardesk.reports.typst_pdf`),
  atomically (temp file, then ``os.replace``): a failed export never damages an earlier file.

matplotlib and Typst are imported inside the functions that use them, so importing this module is cheap.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lardesk import __version__
from lardesk.method.actions import ActionStatus
from lardesk.method.guide import Guide
from lardesk.method.indicators import (
    Group,
    Indicator,
    format_number,
    moved_towards_target,
    summarize,
    summary_lines,
)
from lardesk.method.logic import GAP_CODES, STATUS_CODES, ItemKind
from lardesk.method.money import kronor
from lardesk.method.snapshot import Anonymity, ItemInfo, SessionSnapshot
from lardesk.method.stats import ScaleStats, number
from lardesk.method.words import DEFAULT_LANGUAGE, WORD_LANGUAGES, template_parts, word
from lardesk.method.words import section as word_section
from lardesk.reports import document as doc
from lardesk.reports.files import render_atomic
from lardesk.reports.indicators import entries_of

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)


# -- words ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Labels:
    """The fixed words of the minutes in one language (the guide supplies the method's own words), built from
    the catalogue (:mod:`lardesk.method.words`) by :func:`labels_for`: every field but ``language`` is a word of
    section "minutes" or one of the :data:`SHARED_WORDS`."""

    language: str
    """"sv" or "en": not a word; it chooses the decimal sign and the kronor format."""
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
    personal_assessment: str
    """A section's personal assessment in a sentence, with ``{median}``, ``{range}``, ``{n}`` and ``{present}``."""
    personal_none: str
    joint: str
    logic: str
    logic_intro: str
    starting_points: str
    board_caption: str
    gaps: str
    gaps_intro: str
    none: str
    no_items: str
    """The board's counts when it has no item ("inga"), inside a sentence."""
    status_findings: str
    ratings: str
    spread_caption: str
    scale: str
    n: str
    median: str
    range_short: str
    joint_short: str
    round: str
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
    footer: str
    """Every page's footer, with ``{date}``."""
    action_line: str
    """An action under its section, with ``{action}``, ``{owner}`` and ``{due}`` (the four phrases below)."""
    action_owner: str
    action_owner_missing: str
    action_due: str
    action_due_missing: str
    previous_detail: str
    """A carried-over item's status at the previous follow-up, with ``{previous}``."""
    joint_previous: str
    """The summary's column of the previous joint assessment, with ``{previous}`` (the label inside a sentence)."""
    budget_amount: str
    spent_amount: str
    board_amounts: str
    """A resource's amounts on the printed board, with ``{budget}`` and ``{spent}``."""
    summary: str
    summary_joint: str
    summary_gaps: str
    summary_actions: str
    previous_follow_up: str
    """The earlier session when it was not a year before, with ``{date}``."""
    last_year_in_text: str
    previous_follow_up_in_text: str
    """The same two inside a sentence ("förra året (2010)")."""
    owner_missing: str
    due_missing: str
    not_followed_up: str
    dropped_items: str
    dropped_intro: str
    comment: str
    gap: str
    meaning: str
    concerns: str
    count: str
    examples: str
    no_gaps: str
    appendix_logic: str
    links: str
    links_intro: str
    no_links: str
    link: str
    """A link sentence, with ``{subject}`` (the kind's word), ``{source}`` and ``{targets}`` (link_targets, joined by
    link_and)."""
    link_targets: str
    """One kind of target in a link sentence, with ``{kind}`` and ``{items}``."""
    link_and: str
    """Joins the kinds of targets, with ``{first}`` and ``{second}``."""
    outside_range: str
    """A joint value outside the personal ones, with ``{range}``."""
    no_motivation: str
    spread_alt: str
    """The spread figure's alt text, with ``{scales}`` (one spread_alt_* phrase each, joined by "; ")."""
    spread_alt_round: str
    """The same when there are several rounds, with ``{round}`` and ``{scales}``."""
    spread_alt_scale: str
    spread_alt_joint: str
    spread_alt_unrated: str
    board_alt: str
    rerated: str
    quartiles: str
    board_part: str
    """The caption of one piece of a board split by column pairs, with ``{columns}``."""
    indicators: str
    indicators_intro: str
    indicators_unjudged: str
    source: str
    baseline_row: str
    target_row: str
    women: str
    men: str
    total: str
    gap_short: str
    indicator_chart: str
    """The caption of an indicator's chart, with ``{text}``."""
    indicator_period: str
    board_part_split: str
    """The caption of one piece of a board split over several, with ``{columns}``, ``{part}`` and ``{parts}``."""
    board_part_alt: str
    """A board piece's alt text, with ``{caption}``, ``{boxes}`` and ``{links}`` (counted words)."""
    board_summary: str
    """The board's alt text, with ``{board}``, ``{counts}``, ``{links}`` and ``{gaps}``."""

    @property
    def decimal(self) -> str:
        return "." if self.language == "en" else ","


SHARED_WORDS: dict[str, str] = {
    "page": "page",
    "last_year": "last_year",
    "action": "action",
    "due": "due",
    "done": "action_status.done",
    "status": "status",
    "not_done": "action_status.not_done",
    "no_actions": "no_actions",
    "previous_follow_up": "previous_follow_up",
    "last_year_in_text": "last_year_in_text",
    "previous_follow_up_in_text": "previous_follow_up_in_text",
    "owner_missing": "owner_missing",
    "due_missing": "due_missing",
    "not_followed_up": "not_followed_up",
    "comment": "comment",
    # the indicators' words: the same in the minutes' indicator part as in the indicator table and chart
    "women": "indicators.group.women",
    "men": "indicators.group.men",
    "total": "indicators.group.total",
    "baseline_row": "indicators.baseline",
    "target_row": "indicators.target",
    "source": "indicators.table.source",
    "indicator_period": "indicators.table.period",
}
"""The :class:`Labels` that are words of the catalogue's other sections (field: key), the same in every report."""


def own_words(language: str) -> dict[str, str]:
    """The minutes' own plain words (section "minutes" without its subsections and plural forms)."""
    return word_section("minutes", language, nested=False)


@cache
def labels_for(language: str) -> Labels:
    """The words of the minutes in ``language`` (an unknown language gives Swedish), from the catalogue."""
    language = language if language in WORD_LANGUAGES else DEFAULT_LANGUAGE
    shared = {name: word(key, language) for name, key in SHARED_WORDS.items()}
    return Labels(language=language, **own_words(language), **shared)


def count(key: str, language: str, n: int) -> str:
    """A number with its noun, in the plural form ``n`` needs ("1 koppling", "3 kopplingar")."""
    return word(f"minutes.{key}", language, n=n)


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
class SpreadRound:
    """One rating round's spread: which scales it covers and what its figure shows, in words."""

    round_: int
    scales: tuple[int, ...]
    alt: str


@dataclass(frozen=True, slots=True)
class JointRow:
    """A scale's joint assessment on the summary page, beside the individual figures and the previous one."""

    scale: str
    joint: str
    median: str
    range_: str
    previous: str


Pieces = tuple[tuple[str, bool], ...]
"""A sentence as (text, emphasised) pieces: the item texts a sentence names are emphasised, its words are not."""


def fill(template: str, **values: str | Pieces) -> Pieces:
    """``template`` (a catalogue entry) with its placeholders filled, as :data:`Pieces`: a text value is a plain
    piece, a :data:`Pieces` value keeps its emphasis; neighbouring pieces alike are joined."""
    result: list[tuple[str, bool]] = []

    def add(text: str, emphasised: bool) -> None:
        if not text:
            return
        if result and result[-1][1] == emphasised:
            result[-1] = (result[-1][0] + text, emphasised)
        else:
            result.append((text, emphasised))

    for literal, name in template_parts(template):
        add(literal, False)
        if name is None:
            continue
        value = values[name]
        for text, emphasised in ((value, False),) if isinstance(value, str) else value:
            add(text, emphasised)
    return tuple(result)


@dataclass(frozen=True, slots=True)
class LinkSentence:
    """ "Aktiviteten *X* leder till resultaten *Y*, *Z*": the sentence (catalogue ``minutes.link``) as pieces,
    with the item texts emphasised."""

    pieces: Pieces
    targets: tuple[tuple[str, tuple[str, ...]], ...]
    """(the target kind's words, the target texts) per kind."""

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


@dataclass(frozen=True, slots=True)
class ActionRow:
    number: str
    text: str
    applies_to: str
    owner: str
    due: str
    done: bool = False
    status: str = ""
    """The status the group gave the action, in words ("Ej följd upp" while it is still open)."""
    status_comment: str = ""
    status_date: str = ""


STATUS_WORDS: dict[str, dict[ActionStatus, str]] = {
    language: {
        status: word("not_followed_up" if status is ActionStatus.OPEN else f"action_status.{status.value}", language)
        for status in ActionStatus
    }
    for language in WORD_LANGUAGES
}
"""The minutes' word for each status (from :mod:`lardesk.method.words`): an open action is "not followed up"."""


@dataclass(frozen=True, slots=True)
class IndicatorMinutes:
    """An item of the program logic with its indicators."""

    heading: str
    """ "Effekt e1: Föreningsbidraget fördelas jämställt"."""
    item_key: str
    indicators: tuple[Indicator, ...]


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
    joint_rows: tuple[JointRow, ...] = ()
    spread_rounds: tuple[SpreadRound, ...] = ()
    links: tuple[LinkSentence, ...] = ()
    board_alt: str = ""
    author: str = ""
    indicators: tuple[IndicatorMinutes, ...] = ()
    dropped: tuple[tuple[str, str, str], ...] = ()
    """Struken: (the kind of item, its text, the reason), in the board's order."""
    previous_in_text: str = ""
    """:attr:`previous_label` as it reads inside a sentence or a heading ("förra året (2010)")."""

    @property
    def outline(self) -> list[tuple[int, str]]:
        """The headings, as (level, title): the PDF's bookmarks and the preview's outline."""
        lab = self.labels
        result = [(0, lab.summary), (0, lab.participants), (0, lab.agreed), (0, lab.discussion)]
        result += [(1, f"{s.number}. {s.title}") for s in self.sections]
        result += [(0, lab.ratings), (0, lab.actions)]
        if self.indicators:
            result += [(0, lab.indicators)] + [(1, item.heading) for item in self.indicators]
        result.append((0, lab.appendix_logic))
        return result


def fmt_number(value: float | None, labels: Labels) -> str:
    shown = number(value)
    if shown is None:
        return "–"
    return str(shown).replace(".", labels.decimal)


def fmt_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def fmt_amount(value: float, labels: Labels) -> str:
    """An amount in kronor, as everywhere in lardesk (:func:`lardesk.method.money.kronor`)."""
    return kronor(value, labels.language)


def _range(minimum: int | None, maximum: int | None) -> str:
    if minimum is None or maximum is None:
        return "–"
    return str(minimum) if minimum == maximum else f"{minimum}–{maximum}"


def assessment_text(stats: ScaleStats | None, labels: Labels) -> str:
    if stats is None or not stats.values:
        return labels.personal_none
    return labels.personal_assessment.format(
        median=fmt_number(stats.median, labels),
        range=_range(stats.minimum, stats.maximum),
        n=stats.n,
        present=stats.present,
    )


def logic_cell(item: ItemInfo, guide: Guide, labels: Labels) -> LogicCell:
    details: list[str] = []
    if item.dropped_reason is not None:
        details.append(f"{guide.term('dropped')} ({item.dropped_reason})")
    if item.category is not None:
        details.append(guide.term("other_starting_point" if item.category.value == "other" else item.category.value))
    if item.status:
        details.append(guide.term(item.status))
    if item.unexpected:
        details.append(guide.term("unexpected"))
    if item.carried_over:
        details.append(guide.term("carried_over"))
        previous = " – ".join(
            part
            for part in (guide.term(item.previous_status) if item.previous_status else "", item.previous_outcome or "")
            if part
        )
        if previous:
            details.append(labels.previous_detail.format(previous=previous))
    if item.budget_sek is not None:
        details.append(labels.budget_amount.format(amount=fmt_amount(item.budget_sek, labels)))
    if item.spent_sek is not None:
        details.append(labels.spent_amount.format(amount=fmt_amount(item.spent_sek, labels)))
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
    header.append((lab.case_number, case_number))  # always: blank to fill in by hand when not given

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
    latest = _latest_stats(snapshot)
    joint_comments = tuple(
        _joint_comment(j, latest.get(j.scale), guide, lab) for j in sorted(snapshot.joint, key=lambda j: j.scale)
    )

    def applies(scale: int | None) -> str:
        return f"{scale}. {guide.scale(scale).label}" if scale else lab.general

    def action_row(index: int, i: Any) -> ActionRow:
        owner = i.owner.strip() or lab.owner_missing
        due = fmt_date(i.due) or lab.due_missing
        status = STATUS_WORDS[lab.language][i.status]
        return ActionRow(
            str(index), i.text, applies(i.scale), owner, due, i.done, status, i.status_comment, fmt_date(i.status_date)
        )

    actions = tuple(action_row(index, i) for index, i in enumerate(snapshot.improvements, start=1))
    previous_actions: tuple[ActionRow, ...] = ()
    if snapshot.previous is not None:
        previous_actions = tuple(
            action_row(index, i) for index, i in enumerate(snapshot.previous.improvements, start=1)
        )
    previous_label = _previous_label(snapshot, lab)

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
        dropped=tuple(
            (guide.term(item.kind.value), item.text, item.dropped_reason or "")
            for kind in (*(k for k, _ in LOGIC_COLUMNS), ItemKind.STARTING_POINT)
            for item in snapshot.items_of(kind)
            if item.dropped
        ),
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
        previous_label=previous_label,
        previous_in_text=_previous_label(snapshot, lab, in_text=True),
        footer=lab.footer.format(date=fmt_date(info.date)),
        metadata=metadata,
        joint_rows=_joint_rows(snapshot, guide, lab, round_),
        spread_rounds=_spread_rounds(snapshot, guide, lab),
        links=_link_sentences(snapshot, guide, lab),
        board_alt=_board_alt(snapshot, guide, lab),
        author=info.facilitator or org.name,
        indicators=tuple(
            IndicatorMinutes(f"{guide.term(entry.kind.value)} {entry.key}: {entry.text}", entry.key, entry.indicators)
            for entry in entries_of(snapshot)
        ),
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
    who = lab.action_owner.format(owner=owner.strip()) if owner.strip() else lab.action_owner_missing
    when = lab.action_due.format(date=fmt_date(due)) if due else lab.action_due_missing
    return lab.action_line.format(action=text, owner=who, due=when)


def _previous_label(snapshot: SessionSnapshot, lab: Labels, *, in_text: bool = False) -> str:
    """ "Förra året (2010)" when the previous session was about a year before, else "Föregående uppföljning
    (2011-11-15)": the one rule the UI and the figures use too (:func:`lardesk.method.snapshot.previous_label`);
    ``in_text``: as it reads inside a sentence."""
    previous = snapshot.previous
    return previous.label(snapshot.session.date, lab.language, in_text=in_text) if previous is not None else ""


def _latest_stats(snapshot: SessionSnapshot) -> dict[int, ScaleStats]:
    """Each scale's figures from the last round that rated it (the joint assessment follows that round)."""
    latest: dict[int, ScaleStats] = {}
    for round_ in snapshot.rounds():
        for stats in snapshot.stats(round_):
            if stats.values:
                latest[stats.scale] = stats
    return latest


def _joint_comment(joint: Any, stats: ScaleStats | None, guide: Guide, lab: Labels) -> tuple[str, str]:
    """(heading, comment) of a joint assessment; a value outside the individual range says so, and asks for
    the group's reason when none was written down."""
    heading = f"{joint.scale}. {guide.scale(joint.scale).label}: {joint.value}"
    comment = joint.comment.strip()
    if stats is not None and stats.values and not (stats.minimum <= joint.value <= stats.maximum):
        heading += f" ({lab.outside_range.format(range=_range(stats.minimum, stats.maximum))})"
        comment = comment or lab.no_motivation
    return heading, comment


def _joint_rows(snapshot: SessionSnapshot, guide: Guide, lab: Labels, round_: int) -> tuple[JointRow, ...]:
    rows = []
    latest = _latest_stats(snapshot)  # the joint assessment follows the last round that rated the scale
    for first in snapshot.stats(round_, snapshot.session.agreed_sections):
        stats = latest.get(first.scale, first)
        joint = snapshot.joint_for(stats.scale)
        history = snapshot.previous.scale(stats.scale) if snapshot.previous is not None else None
        previous = "–"
        if history is not None and history.joint is not None:
            previous = str(history.joint)
        rows.append(
            JointRow(
                f"{stats.scale}. {guide.scale(stats.scale).label}",
                str(joint.value) if joint else "–",
                fmt_number(stats.median, lab),
                _range(stats.minimum, stats.maximum),
                previous,
            )
        )
    return tuple(rows)


def rerated_scales(snapshot: SessionSnapshot, round_: int) -> tuple[int, ...]:
    """The agreed scales rated in ``round_`` (a later round re-rates only some)."""
    agreed = snapshot.session.agreed_sections
    if round_ == 1:
        return agreed
    rated = {r.scale for r in snapshot.ratings_in(round_)}
    return tuple(scale for scale in agreed if scale in rated)


def _spread_rounds(snapshot: SessionSnapshot, guide: Guide, lab: Labels) -> tuple[SpreadRound, ...]:
    result = []
    for round_ in snapshot.rounds():
        scales = rerated_scales(snapshot, round_)
        if not scales:
            continue
        parts = []
        for stats in snapshot.stats(round_, scales):
            label = f"{stats.scale} {guide.scale(stats.scale).label}"
            if not stats.values:
                parts.append(lab.spread_alt_unrated.format(scale=label))
                continue
            joint = snapshot.joint_for(stats.scale)
            shown = joint is not None and round_ == snapshot.rounds()[-1]
            parts.append(
                (lab.spread_alt_joint if shown else lab.spread_alt_scale).format(
                    scale=label,
                    median=fmt_number(stats.median, lab),
                    range=_range(stats.minimum, stats.maximum),
                    n=stats.n,
                    present=stats.present,
                    overall=joint.value if joint is not None else "",
                )
            )
        said = "; ".join(parts)
        several = len(snapshot.rounds()) > 1
        alt = lab.spread_alt_round.format(round=round_, scales=said) if several else lab.spread_alt.format(scales=said)
        result.append(SpreadRound(round_, scales, alt))
    return tuple(result)


LINKED_KINDS: tuple[ItemKind, ...] = (ItemKind.RESOURCE, ItemKind.ACTIVITY, ItemKind.MEDIATOR, ItemKind.RESULT)
"""The kinds whose links are told in words, in the order the logic is built (resources first)."""


def kind_words(language: str) -> dict[ItemKind, tuple[str, str, str]]:
    """Each kind's words in a link sentence: (the item as subject, one target, several targets)."""
    words = word_section("minutes.link_kinds", language)
    return {
        kind: (words[f"{kind.value}.subject"], words[f"{kind.value}.target"], words[f"{kind.value}.targets"])
        for kind in ItemKind
    }


def _link_sentences(snapshot: SessionSnapshot, guide: Guide, lab: Labels) -> tuple[LinkSentence, ...]:
    words = kind_words(lab.language)
    targets_of: dict[int, list[int]] = {}
    for link in snapshot.links:
        targets_of.setdefault(link.source_id, []).append(link.target_id)
    sentences = []
    for kind in LINKED_KINDS:
        for item in sorted(snapshot.items_of(kind), key=lambda i: (i.position, i.id)):
            targets = [snapshot.item_by_id[t] for t in targets_of.get(item.id, []) if t in snapshot.item_by_id]
            if not targets:
                continue
            by_kind: dict[ItemKind, list[str]] = {}
            for target in sorted(targets, key=lambda t: (t.position, t.id)):
                by_kind.setdefault(target.kind, []).append(target.text.strip())
            grouped = tuple(
                (words[k][1] if len(texts) == 1 else words[k][2], tuple(texts)) for k, texts in by_kind.items()
            )
            joined: Pieces = ()
            for kind_word, texts in grouped:
                items = tuple(
                    piece
                    for index, text in enumerate(texts)
                    for piece in (((", ", False),) if index else ()) + ((text, True),)
                )
                said = fill(lab.link_targets, kind=kind_word, items=items)
                joined = fill(lab.link_and, first=joined, second=said) if joined else said
            pieces = fill(lab.link, subject=words[kind][0], source=((item.text.strip(), True),), targets=joined)
            sentences.append(LinkSentence(pieces, grouped))
    return tuple(sentences)


def _board_alt(snapshot: SessionSnapshot, guide: Guide, lab: Labels) -> str:
    """The board in a sentence: how many items of each kind, links and gaps (the details are in the text)."""
    language = lab.language
    counts = [
        count(f"kind_count.{kind.value}", language, len(snapshot.items_of(kind)))
        for kind in (ItemKind.STARTING_POINT, *(kind for kind, _ in LOGIC_COLUMNS))
        if snapshot.items_of(kind)
    ]
    gaps = sum(1 for f in snapshot.findings if f.code in GAP_CODES)
    return lab.board_summary.format(
        board=lab.board_alt,
        counts=", ".join(counts) or lab.no_items,
        links=count("link_count", language, len(snapshot.links)),
        gaps=count("gap_count", language, gaps),
    )


def _scale_table(snapshot: SessionSnapshot, guide: Guide, lab: Labels, round_: int) -> ScaleTable:
    headers = [lab.scale, lab.n, lab.median, lab.range_short, lab.quartiles, lab.joint_short]
    previous = snapshot.previous if round_ == 1 else None
    previous_from = len(headers)
    if previous is not None:
        headers += [lab.median, lab.range_short, lab.joint_short]
    rows = []
    for stats in snapshot.stats(round_, rerated_scales(snapshot, round_)):
        joint = snapshot.joint_for(stats.scale)
        quartiles = stats.quartiles
        row = [
            f"{stats.scale}. {guide.scale(stats.scale).label}",
            f"{stats.n}/{stats.present}",
            fmt_number(stats.median, lab),
            _range(stats.minimum, stats.maximum),
            (f"{fmt_number(quartiles[0], lab)}–{fmt_number(quartiles[1], lab)}" if quartiles is not None else "–"),
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

_MM = 1 / 25.4
PORTRAIT_TEXT_IN = ((210 - 44) * _MM, (297 - 47) * _MM)
"""The text area of a portrait A4 page (inches): where the spread figure goes."""
LANDSCAPE_TEXT_IN = ((297 - 44) * _MM, (210 - 47) * _MM)
"""The text area of a landscape A4 page (inches): where the board goes."""
FIGURE_SHARE = 0.82
"""A figure takes at most this share of a page's text height (its caption and a heading need the rest)."""
PNG_DPI = 150
"""Pixels per inch of a figure as PNG (the DOCX, the preview)."""


class FigureImage:
    """A matplotlib figure, drawn to SVG (the PDF) or PNG (Word, the preview) when first asked, once each."""

    __slots__ = ("_figure", "_png", "_svg", "height_in", "width_in")

    def __init__(
        self,
        figure: Figure | None = None,
        *,
        svg: bytes | None = None,
        png: bytes | None = None,
        width_in: float | None = None,
        height_in: float | None = None,
    ) -> None:
        if figure is None and svg is None and png is None:
            raise ValueError("a FigureImage needs a figure, an SVG or a PNG")
        self._figure, self._svg, self._png = figure, svg, png
        if figure is not None:
            width_in, height_in = (float(v) for v in figure.get_size_inches())
        if width_in is None or height_in is None:
            raise ValueError("a FigureImage without a figure needs its size")
        self.width_in, self.height_in = width_in, height_in

    def __repr__(self) -> str:
        return f"FigureImage({self.width_in:g} × {self.height_in:g} in)"

    @property
    def ratio(self) -> float:
        return self.height_in / self.width_in

    def svg(self) -> bytes:
        if self._svg is None:
            import matplotlib

            assert self._figure is not None
            buffer = io.BytesIO()
            # Text stays text (the PDF's fonts draw it); no date, so the same session gives the same file.
            with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "lardesk"}):
                self._figure.savefig(buffer, format="svg", metadata={"Date": None})
            self._svg = buffer.getvalue()
        return self._svg

    @property
    def png(self) -> bytes:
        if self._png is None:
            if self._figure is not None:
                buffer = io.BytesIO()
                self._figure.savefig(buffer, format="png", dpi=PNG_DPI)
                self._png = buffer.getvalue()
            else:
                from lardesk.reports.typst_pdf import svg_to_png

                self._png = svg_to_png(self.svg(), PNG_DPI)
        return self._png

    def has_png(self) -> bool:
        return self._png is not None

    def set_png(self, png: bytes) -> None:
        self._png = png

    def printed_width(self, box: tuple[float, float]) -> float:
        """The width (inches) it is printed at in ``box``: its own size or less, whole on one page."""
        width, height = box
        return min(self.width_in, width, self.width_in * height * FIGURE_SHARE / self.height_in)


@dataclass(frozen=True)
class BoardPart:
    """One printed figure of the board, with its words."""

    caption: str
    alt: str
    image: FigureImage


@dataclass(frozen=True)
class MinutesFigures:
    """The figures of the minutes, drawn once and shared by the PDF, the DOCX and the preview."""

    board: FigureImage | None = None
    spread: FigureImage | None = None
    """The spread of the first round."""
    later_rounds: tuple[tuple[int, FigureImage], ...] = ()
    """The spread of each later round (only the scales rated again)."""
    board_parts: tuple[BoardPart, ...] = ()
    """The board as printed (:mod:`lardesk.reports.board_print`): whole, or by column pairs over pages."""
    indicator_charts: tuple[tuple[tuple[str, str], FigureImage], ...] = ()
    """Each indicator's chart, by (item key, indicator key)."""

    def indicator_chart(self, item_key: str, key: str) -> FigureImage | None:
        return dict(self.indicator_charts).get((item_key, key))

    def spread_of(self, round_: int) -> FigureImage | None:
        if round_ == 1:
            return self.spread
        return dict(self.later_rounds).get(round_)


def print_spread(snapshot: SessionSnapshot, guide: Guide, round_: int = 1) -> FigureImage | None:
    """The spread of ``round_`` as printed (:mod:`lardesk.reports.spread_print`: SVG without matplotlib)."""
    from lardesk.reports.spread_print import spread_svg

    scales = rerated_scales(snapshot, round_)
    if not scales:
        return None
    joint_round: dict[int, int] = {}
    for each in snapshot.rounds():
        for stats in snapshot.stats(each):
            if stats.values:
                joint_round[stats.scale] = each
    svg, width, height = spread_svg(snapshot, guide, round_, scales, joint_round=joint_round)
    return FigureImage(svg=svg.encode("utf-8"), width_in=width / 72, height_in=height / 72)


def board_parts(snapshot: SessionSnapshot, guide: Guide) -> tuple[BoardPart, ...]:
    """The board as printed: whole on one landscape page when it fits, else by column pairs (milliseconds: the
    SVG is written directly, not drawn by matplotlib)."""
    from lardesk.reports.board_print import board_pieces

    lab = labels_for(guide.language)
    parts = []
    for piece in board_pieces(snapshot, guide):
        names = [guide.term(_PLURAL_TERM[kind]) for kind in piece.kinds]
        if piece.kinds[-1] is ItemKind.MEDIATOR and len(names) == 3:
            columns = f"{names[0]} → {names[1]} ← {names[2]}"
        else:
            columns = " → ".join(names)
        if piece.parts > 1:
            caption = lab.board_part_split.format(columns=columns, part=piece.part, parts=piece.parts)
        else:
            caption = lab.board_part.format(columns=columns)
        alt = lab.board_part_alt.format(
            caption=caption,
            boxes=count("box_count", lab.language, piece.items),
            links=count("link_count", lab.language, piece.links),
        )
        image = FigureImage(svg=piece.svg.encode("utf-8"), width_in=piece.width / 72, height_in=piece.height / 72)
        parts.append(BoardPart(caption, alt, image))
    return tuple(parts)


_PLURAL_TERM: dict[ItemKind, str] = {
    ItemKind.RESOURCE: "resources",
    ItemKind.ACTIVITY: "activities",
    ItemKind.RESULT: "results",
    ItemKind.MEDIATOR: "mediators",
    ItemKind.EFFECT: "effects",
}


def draw_figures(snapshot: SessionSnapshot, guide: Guide, options: MinutesOptions | None = None) -> MinutesFigures:
    """Draw the figures ``options`` asks for (matplotlib lays out every label: the slow part of an export)."""
    options = options or MinutesOptions()
    later: list[tuple[int, FigureImage]] = []
    spread = None
    if options.include_spread:
        spread = print_spread(snapshot, guide, 1)
        for round_ in snapshot.rounds():
            if round_ > 1 and (image := print_spread(snapshot, guide, round_)) is not None:
                later.append((round_, image))
    return MinutesFigures(
        spread=spread,
        later_rounds=tuple(later),
        board_parts=board_parts(snapshot, guide) if options.include_board else (),
        indicator_charts=indicator_images(snapshot, guide),
    )


INDICATOR_FIGURE_IN = (6.3, 3.2)
"""An indicator's chart as printed (inches): the text width, a third of the page's height."""


def indicator_images(snapshot: SessionSnapshot, guide: Guide) -> tuple[tuple[tuple[str, str], FigureImage], ...]:
    """Each indicator's chart (the builder the screen uses), by (item key, indicator key)."""
    entries = entries_of(snapshot)
    if not entries:
        return ()  # no indicators: matplotlib is not even imported
    from lardesk.charts.indicators import indicator_figure as build

    images = []
    for entry in entries:
        for indicator in entry.indicators:
            if indicator.series or indicator.target is not None:
                figure = build(indicator, guide.language, title=False)
                figure.set_size_inches(*INDICATOR_FIGURE_IN)
                figure.tight_layout()
                images.append(((entry.key, indicator.key), FigureImage(figure)))
    return tuple(images)


# -- the document --------------------------------------------------------------------------------------------


def _figure_block(image: FigureImage, alt: str, caption: str, box: tuple[float, float]) -> doc.Figure:
    width = image.printed_width(box)
    return doc.Figure(
        alt=alt,
        caption=caption,
        width_in=width,
        height_in=width * image.ratio,
        svg=image.svg,
        png=lambda: image.png,
        landscape=box is LANDSCAPE_TEXT_IN,
    )


def summary_blocks(minutes: Minutes) -> list[doc.Block]:
    """Page 1: what the committee acts on."""
    lab = minutes.labels
    fields = minutes.header
    if minutes.recorded_by:
        fields = (*fields, (lab.recorded_by, minutes.recorded_by))
    blocks: list[doc.Block] = [doc.Heading(lab.summary), doc.Fields(fields)]
    who = minutes.participation + "."
    if minutes.participant_mode is Anonymity.OPEN and minutes.participants:
        names = ", ".join(f"{name} ({role})" if role else name for name, role in minutes.participants if name)
        who += f" {lab.participants}: {names}."
    elif minutes.participant_mode is Anonymity.ROLES and minutes.roles_summary:
        who += f" {lab.roles}: {minutes.roles_summary}."
    blocks.append(doc.Paragraph(who))
    if minutes.joint_rows:
        previous = bool(minutes.previous_label)
        header = [lab.scale, lab.joint_short, lab.median, lab.range_short]
        if previous:
            header.append(lab.joint_previous.format(previous=minutes.previous_in_text))
        rows = []
        for row in minutes.joint_rows:
            cells = [row.scale, row.joint, row.median, row.range_]
            if previous:
                cells.append(row.previous)
            rows.append(tuple(cells))
        widths = (3.0, 1.0, 1.0, 1.0, 2.2) if previous else (3.4, 1.0, 1.0, 1.0)
        blocks += [
            doc.Heading(lab.summary_joint, 2),
            doc.Table(tuple(header), tuple(rows), widths, "lrrrr", muted_from=4 if previous else None),
        ]
    blocks.append(doc.Heading(lab.summary_actions, 2))
    if minutes.actions:
        blocks.append(
            doc.Table(
                ("", lab.action, lab.owner, lab.due),
                tuple((a.number, a.text, a.owner, a.due) for a in minutes.actions),
                (0.3, 3.6, 1.6, 1.2),
                "rlll",
            )
        )
    else:
        blocks.append(doc.Paragraph(lab.no_actions))
    blocks.append(doc.Heading(lab.summary_gaps, 2))
    found = [group for group in minutes.gaps if group.items]
    if found:
        rows = []
        for group in found:
            named = "; ".join(group.items[:2]) + (" …" if len(group.items) > 2 else "")
            rows.append((f"{group.code} {group.title}", str(len(group.items)), named))
        blocks.append(doc.Table((lab.gap, lab.count, lab.examples), tuple(rows), (3.0, 0.6, 2.6), "lrl"))
    else:
        blocks.append(doc.Paragraph(lab.no_gaps))
    blocks += indicator_summary_blocks(minutes)
    return blocks


def participant_blocks(minutes: Minutes) -> list[doc.Block]:
    lab = minutes.labels
    blocks: list[doc.Block] = [doc.Heading(lab.participants), doc.Paragraph(minutes.participation + ".")]
    if minutes.participant_mode is Anonymity.OPEN and minutes.participants:
        blocks.append(doc.Table((lab.name, lab.role), minutes.participants, (0.45, 0.55)))
    elif minutes.participant_mode is Anonymity.ROLES and minutes.roles_summary:
        blocks.append(doc.Paragraph(doc.runs(doc.Run(f"{lab.roles}: ", bold=True), minutes.roles_summary + ".")))
    elif minutes.participant_mode is Anonymity.ANONYMOUS:
        blocks.append(doc.Paragraph(lab.count_only, "small"))
    return blocks


def agreed_blocks(minutes: Minutes) -> list[doc.Block]:
    lab = minutes.labels
    return [doc.Heading(lab.agreed), doc.Paragraph(minutes.agreed_intro, "intro"), doc.ItemList(minutes.agreed)]


def discussion_blocks(minutes: Minutes) -> list[doc.Block]:
    lab = minutes.labels
    blocks: list[doc.Block] = [doc.Heading(lab.discussion)]
    for section in minutes.sections:
        if section.part_title:
            blocks.append(doc.Paragraph(section.part_title, "part"))
        blocks.append(doc.Heading(f"{section.number}. {section.title}", 2))
        blocks += doc.paragraphs(section.note)
        for question in section.questions:
            if question.group:
                blocks.append(doc.Paragraph(question.group, "group"))
            blocks.append(doc.Paragraph(f"{question.number}\u2002{question.question}", "question"))
            blocks += doc.paragraphs(question.note, "note")
        if not section.note and not section.questions:
            blocks.append(doc.Paragraph(lab.no_notes, "small"))
        blocks.append(
            doc.Paragraph(
                doc.runs(
                    doc.Run(f"{section.assessment_heading}. ", bold=True),
                    doc.Run(section.assessment_question, italic=True),
                ),
                "label",
            )
        )
        blocks.append(doc.Paragraph(section.assessment, "note"))
        if section.joint:
            blocks.append(doc.Paragraph(section.joint, "note"))
        if section.actions:
            blocks.append(doc.Paragraph(section.follow_up, "label"))
            blocks.append(doc.ItemList(section.actions))
    return blocks


def _scale_table_block(table: ScaleTable, minutes: Minutes) -> doc.Table:
    lab = minutes.labels
    has_previous = table.previous_from < len(table.headers)
    numeric = len(table.headers) - 1
    group: tuple[tuple[str, int], ...] = ()
    if has_previous:
        this = lab.round.format(round=table.round_) if table.round_ > 1 else minutes.this_year_label
        group = (
            ("", 1),
            (this, table.previous_from - 1),
            (minutes.previous_label, len(table.headers) - table.previous_from),
        )
    return doc.Table(
        table.headers,
        table.rows,
        (2.6 if has_previous else 3.0, *(1.1 if index == 3 else 0.8 for index in range(numeric))),
        "l" + "r" * numeric,
        group_header=group,
        muted_from=table.previous_from if has_previous else None,
    )


def ratings_blocks(minutes: Minutes, figures: MinutesFigures) -> list[doc.Block]:
    lab = minutes.labels
    blocks: list[doc.Block] = [doc.Heading(lab.ratings)]
    several = len(minutes.scale_tables) > 1
    rounds = {r.round_: r for r in minutes.spread_rounds}
    for table in minutes.scale_tables:
        if several:
            blocks.append(doc.Heading(lab.round.format(round=table.round_), 2))
            if table.round_ > 1:
                blocks.append(doc.Paragraph(lab.rerated.format(round=table.round_), "lead"))
        image = figures.spread_of(table.round_)
        spread = rounds.get(table.round_)
        if image is not None and spread is not None:
            caption = lab.spread_caption
            if several:
                caption = f"{lab.round.format(round=table.round_)}. {caption}"
            blocks.append(_figure_block(image, spread.alt, caption, PORTRAIT_TEXT_IN))
        blocks.append(_scale_table_block(table, minutes))
    if minutes.joint_comments:
        blocks.append(doc.Heading(lab.joint_comments, 2))
        for heading, comment in minutes.joint_comments:
            pieces = [doc.Run(f"{heading}.", bold=True)]
            if comment:
                pieces.append(doc.Run(f" {comment}"))
            blocks.append(doc.Paragraph(tuple(pieces)))
    return blocks


def actions_blocks(minutes: Minutes) -> list[doc.Block]:
    lab = minutes.labels
    blocks: list[doc.Block] = [doc.Heading(lab.actions)]
    if minutes.actions:
        blocks.append(doc.Paragraph(lab.actions_intro, "intro"))
        blocks.append(
            doc.Table(
                ("", lab.action, lab.applies_to, lab.owner, lab.due),
                tuple((a.number, a.text, a.applies_to, a.owner, a.due) for a in minutes.actions),
                (0.3, 3.0, 1.4, 1.5, 1.1),
                "rllll",
            )
        )
    else:
        blocks.append(doc.Paragraph(lab.no_actions))
    if minutes.previous_actions:
        blocks.append(doc.Heading(lab.previous_actions.format(previous=minutes.previous_in_text), 2))
        blocks.append(
            doc.Table(
                ("", lab.action, lab.owner, lab.due, lab.status, lab.comment),
                tuple(
                    (
                        a.number,
                        a.text,
                        a.owner,
                        a.due,
                        f"{a.status or lab.not_followed_up} ({a.status_date})"
                        if a.status_date
                        else a.status or lab.not_followed_up,
                        a.status_comment,
                    )
                    for a in minutes.previous_actions
                ),
                (0.3, 2.2, 1.1, 0.9, 1.2, 1.2),
                "rlllll",
            )
        )
    return blocks


def _logic_cell_text(cell: LogicCell) -> doc.Text:
    if not cell.detail:
        return cell.text
    return doc.runs(cell.text + "\n", doc.Run(cell.detail, italic=True))


def logic_blocks(minutes: Minutes, figures: MinutesFigures) -> list[doc.Block]:
    """Bilaga: the worksheet as a table, the links and the gaps in words, then the board."""
    lab = minutes.labels
    blocks: list[doc.Block] = [
        doc.PageBreak("landscape"),
        doc.Heading(lab.appendix_logic),
        doc.Paragraph(lab.logic_intro),
    ]
    if minutes.starting_points:
        blocks.append(doc.Heading(lab.starting_points, 2))
        blocks.append(doc.ItemList(tuple(_logic_cell_text(c) for c in minutes.starting_points)))
    height = max((len(column) for column in minutes.logic_columns), default=0)
    rows = tuple(
        tuple(_logic_cell_text(column[r]) if r < len(column) else "" for column in minutes.logic_columns)
        for r in range(height)
    )
    blocks.append(doc.Heading(lab.logic, 2))
    blocks.append(doc.Table(minutes.logic_headers, rows, (0.17, 0.23, 0.23, 0.19, 0.18)))
    blocks.append(doc.Heading(lab.links, 2))
    if minutes.links:
        blocks.append(doc.Paragraph(lab.links_intro, "intro"))
        items = []
        for sentence in minutes.links:
            items.append(tuple(doc.Run(text, italic=emphasised) for text, emphasised in sentence.pieces))
        blocks.append(doc.ItemList(tuple(items)))
    else:
        blocks.append(doc.Paragraph(lab.no_links))
    blocks.append(doc.Heading(lab.gaps, 2))
    blocks.append(doc.Paragraph(lab.gaps_intro, "intro"))
    blocks.append(_findings_table(minutes.gaps, lab))
    blocks.append(doc.Heading(lab.status_findings, 2))
    blocks.append(_findings_table(minutes.status_findings, lab))
    if minutes.dropped:
        blocks.append(doc.Heading(lab.dropped_items, 2))
        blocks.append(doc.Paragraph(lab.dropped_intro))
        blocks.append(
            doc.ItemList(
                tuple(
                    (doc.Run(f"{kind}: "), doc.Run(text, italic=True), doc.Run(f" – {reason}"))
                    for kind, text, reason in minutes.dropped
                )
            )
        )
    if figures.board_parts:
        blocks.append(doc.Heading(lab.board_alt, 2))
        blocks.append(doc.Paragraph(minutes.board_alt, "lead"))
        for part in figures.board_parts:
            width = part.image.width_in  # printed at 100 %: its text is 8 pt
            blocks.append(
                doc.Figure(
                    alt=part.alt,
                    caption=part.caption,
                    width_in=width,
                    height_in=part.image.height_in,
                    svg=part.image.svg,
                    png=_png_of(part.image),
                    landscape=True,
                )
            )
    return blocks


def rasterise(images: Sequence[FigureImage]) -> None:
    """Draw the PNG of every SVG-only image among ``images`` in one Typst run (much faster than one by one)."""
    from lardesk.reports.typst_pdf import svgs_to_png

    waiting = [image for image in images if image._figure is None and not image.has_png()]
    for image, png in zip(waiting, svgs_to_png([image.svg() for image in waiting], PNG_DPI), strict=True):
        image.set_png(png)


def _png_of(image: FigureImage) -> Callable[[], bytes]:
    return lambda: image.png


def _findings_table(groups: Sequence[FindingGroup], lab: Labels) -> doc.Table:
    rows = tuple((group.code, group.title, "\n".join(group.items) if group.items else lab.none) for group in groups)
    return doc.Table(("", lab.meaning, lab.concerns), rows, (0.07, 0.38, 0.55))


def _moved_sentence(minutes: Minutes) -> str:
    lab = minutes.labels
    towards, judged = moved_towards_target(i for item in minutes.indicators for i in item.indicators)
    if not judged:
        return lab.indicators_unjudged
    return word("minutes.indicators_moved", lab.language, n=judged, towards=towards)


def indicator_summary_blocks(minutes: Minutes) -> list[doc.Block]:
    """On the summary page: how many indicators moved towards their target, and each in one line."""
    if not minutes.indicators:
        return []
    lines: list[doc.Text] = []
    for item in minutes.indicators:
        for indicator in item.indicators:
            said = summary_lines(summarize(indicator), minutes.language, in_text=True)
            lines.append(f"{indicator.text}: {said[-1]}" if said else indicator.text)
    return [
        doc.Heading(minutes.labels.indicators, 2),
        doc.Paragraph(_moved_sentence(minutes)),
        doc.ItemList(tuple(lines)),
    ]


def _indicator_table(indicator: Indicator, minutes: Minutes) -> doc.Table:
    lab, language = minutes.labels, minutes.language
    rows = []
    for figures in (*indicator.series, *((indicator.target,) if indicator.target is not None else ())):
        period = figures.period
        if figures is indicator.baseline:
            period += f" ({lab.baseline_row})"
        elif figures is indicator.target:
            period += f" ({lab.target_row})"
        cells = [format_number(figures.value(group), language) for group in Group]
        rows.append((period, *cells, format_number(figures.gap, language)))
    unit = f" ({indicator.unit})" if indicator.unit else ""
    return doc.Table(
        (f"{lab.indicator_period}{unit}", lab.women, lab.men, lab.total, lab.gap_short),
        tuple(rows),
        (2.2, 1.0, 1.0, 1.0, 1.3),
        "lrrrr",
    )


def indicator_blocks(minutes: Minutes, figures: MinutesFigures) -> list[doc.Block]:
    """The section *Indikatorer*: per item, per indicator its table, what the figures say, and its chart."""
    if not minutes.indicators:
        return []
    from lardesk.charts.indicators import alt_text  # matplotlib only when there are indicators

    lab = minutes.labels
    blocks: list[doc.Block] = [
        doc.Heading(lab.indicators),
        doc.Paragraph(lab.indicators_intro),
        doc.Paragraph(_moved_sentence(minutes)),
    ]
    for item in minutes.indicators:
        blocks.append(doc.Heading(item.heading, 2))
        for indicator in item.indicators:
            blocks.append(doc.Paragraph(doc.runs(doc.Run(indicator.text, bold=True)), "body"))
            if indicator.source:
                blocks.append(doc.Paragraph(f"{lab.source}: {indicator.source}", "note"))
            blocks.append(_indicator_table(indicator, minutes))
            notes = [f for f in (*indicator.series, indicator.target) if f is not None and f.note]
            for f in notes:
                blocks.append(doc.Paragraph(f"{f.period}: {f.note}", "note"))
            said = summary_lines(summarize(indicator), minutes.language)
            if said:
                blocks.append(doc.Paragraph(" ".join(said)))
            image = figures.indicator_chart(item.item_key, indicator.key)
            if image is not None:
                caption = lab.indicator_chart.format(text=indicator.text)
                blocks.append(_figure_block(image, alt_text(indicator, minutes.language), caption, PORTRAIT_TEXT_IN))
    return blocks


SECTIONS_IN_ORDER: tuple[Callable[[Minutes, MinutesFigures], list[doc.Block]], ...] = (
    lambda m, f: summary_blocks(m),
    lambda m, f: [doc.PageBreak(soft=True)],
    lambda m, f: participant_blocks(m),
    lambda m, f: agreed_blocks(m),
    lambda m, f: discussion_blocks(m),
    ratings_blocks,
    lambda m, f: actions_blocks(m),
    indicator_blocks,
    logic_blocks,
)
"""The minutes, part by part: a new part is a function here (and its words in :class:`Labels`)."""


def minutes_document(minutes: Minutes, figures: MinutesFigures | None = None) -> doc.Document:
    """The minutes as a document to publish: summary first, the program logic as an appendix."""
    figures = figures or MinutesFigures()
    lab = minutes.labels
    blocks: list[doc.Block] = []
    for part in SECTIONS_IN_ORDER:
        blocks += part(minutes, figures)
    meta = minutes.metadata
    return doc.Document(
        title=meta.get("title", minutes.title),
        heading=minutes.title,
        language=minutes.language,
        blocks=tuple(blocks),
        kicker=lab.kind,
        subtitle=minutes.subtitle,
        author=minutes.author,
        subject=meta.get("subject", ""),
        keywords=tuple(k.strip() for k in meta.get("keywords", "").split(",") if k.strip()),
        running_head=minutes.running_head,
        running_right=f"{lab.case_number} {minutes.case_number}" if minutes.case_number else "",
        footer=minutes.footer,
        page_number=lab.page,
        metadata=meta,
    )


# -- the PDF -------------------------------------------------------------------------------------------------


def write_minutes_pdf(minutes: Minutes, target: Path, figures: MinutesFigures | None = None) -> None:
    """Lay out ``minutes`` as tagged PDF/UA-1 at ``target``; not atomic by itself."""
    from lardesk.reports.typst_pdf import write_pdf

    write_pdf(minutes_document(minutes, figures), target)


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
    figures = figures_for(snapshot, guide, options, figures)
    render_atomic(path, lambda temp: write_minutes_pdf(minutes, temp, figures))


def figures_for(
    snapshot: SessionSnapshot, guide: Guide, options: MinutesOptions, figures: MinutesFigures | None = None
) -> MinutesFigures:
    """The figures the minutes print with ``options`` (drawn unless given), the same for the PDF and the DOCX."""
    figures = figures if figures is not None else draw_figures(snapshot, guide, options)
    if options.include_board and not figures.board_parts:
        figures = dataclasses.replace(figures, board_parts=board_parts(snapshot, guide))
    if not options.include_board:
        figures = dataclasses.replace(figures, board=None, board_parts=())
    if not options.include_spread:
        figures = dataclasses.replace(figures, spread=None, later_rounds=())
    return figures


__all__ = [
    "FigureImage",
    "Labels",
    "Minutes",
    "MinutesFigures",
    "MinutesOptions",
    "build_minutes",
    "draw_figures",
    "minutes_document",
    "render_minutes",
    "write_minutes_pdf",
]
