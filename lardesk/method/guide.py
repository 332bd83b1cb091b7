"""The question guide (frågeguiden) as data: sections, questions, assessment questions and the nine scales.

The text lives in ``resources/guide/<language>.json``, one file per language; this module only gives it a
typed shape. Numbering follows ``shared/domain.md``: sections 1–9 and 1-based question positions within a
section, which the exchange format refers to.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lardesk.resources import resources_dir

SECTIONS: tuple[int, ...] = tuple(range(1, 10))
JOINT_SCALE = 9
"""Scale 9 (samlad bedömning) is always part of a session."""
LANGUAGES: tuple[str, ...] = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
SCALE_MIN = 1
SCALE_MAX = 10

# The program-logic sections in the order a session walks them: right to left (effects first).
PROGRAM_LOGIC_WALK: tuple[int, ...] = (1, 2, 3, 4, 5, 6)


class GuideError(ValueError):
    """The shipped guide data is missing or malformed (a packaging bug, not a user error)."""


@dataclass(frozen=True, slots=True)
class Question:
    section: int
    number: int
    """1-based position within the section."""
    text: str
    info: str = ""
    """The guide's explanatory sentence, if any."""
    group: str = ""
    """Sub-part id within the section ("A" or "B" in sections 7 and 8), or empty."""
    items: tuple[str, ...] = ()
    """Sub-points to answer separately (the three levels of question 8.9)."""


@dataclass(frozen=True, slots=True)
class QuestionGroup:
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Section:
    number: int
    title: str
    short_title: str
    part: int
    info: str
    groups: tuple[QuestionGroup, ...]
    questions: tuple[Question, ...]
    assessment_heading: str
    assessment_question: str
    follow_up: str

    def question(self, number: int) -> Question:
        if not 1 <= number <= len(self.questions):
            raise KeyError(f"section {self.number} has no question {number}")
        return self.questions[number - 1]

    def group_title(self, group_id: str) -> str:
        for group in self.groups:
            if group.id == group_id:
                return group.title
        return ""


@dataclass(frozen=True, slots=True)
class Scale:
    number: int
    label: str
    """Short label from Bilaga 2 (Utgångspunkt, Effekter, …), used on axes."""
    question: str


@dataclass(frozen=True, slots=True)
class Part:
    number: int
    title: str
    sections: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Guide:
    language: str
    title: str
    parts: tuple[Part, ...]
    sections: tuple[Section, ...]
    scales: tuple[Scale, ...]
    scale_low: str
    scale_high: str
    findings: dict[str, str]
    """Titles of the findings G1–G8, S1–S4 in this language."""
    terms: dict[str, str]
    """Domain words in this language (item kinds, statuses, genders…), for reports and the UI."""
    walk_questions: dict[str, str] = field(default_factory=dict)
    """The guide's questions for reading the program logic right to left (Handledning, figure 1), by the kind
    of item of the column being walked: effect, result, activity, resource."""

    def section(self, number: int) -> Section:
        if number not in SECTIONS:
            raise KeyError(f"no section {number}")
        return self.sections[number - 1]

    def scale(self, number: int) -> Scale:
        if number not in SECTIONS:
            raise KeyError(f"no scale {number}")
        return self.scales[number - 1]

    def term(self, key: str) -> str:
        return self.terms.get(key, key)


def _text(obj: dict[str, Any], name: str, where: str, *, required: bool = True) -> str:
    value = obj.get(name, "")
    if not isinstance(value, str) or (required and not value):
        raise GuideError(f"{where}: '{name}' must be a non-empty string")
    return value


def parse_guide(data: dict[str, Any]) -> Guide:
    """Build a Guide from the decoded JSON of one language file; checks its shape strictly."""
    try:
        return _parse_guide(data)
    except GuideError:
        raise
    except (AttributeError, KeyError, TypeError, ValueError) as exc:  # a member missing or of the wrong type
        raise GuideError(f"guide: malformed data ({exc!r})") from exc


def _parse_guide(data: dict[str, Any]) -> Guide:
    language = _text(data, "language", "guide")
    sections: list[Section] = []
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or len(raw_sections) != len(SECTIONS):
        raise GuideError("guide: 'sections' must list the nine sections")
    part_of: dict[int, int] = {}
    parts: list[Part] = []
    for raw_part in data.get("parts", []):
        part = Part(int(raw_part["number"]), _text(raw_part, "title", "part"), tuple(raw_part["sections"]))
        parts.append(part)
        for number in part.sections:
            part_of[number] = part.number
    for index, raw in enumerate(raw_sections, start=1):
        where = f"section {index}"
        if raw.get("number") != index:
            raise GuideError(f"{where}: sections must be numbered 1–9 in order")
        groups = tuple(QuestionGroup(g["id"], g["title"]) for g in raw.get("groups", []))
        questions = tuple(
            Question(
                section=index,
                number=qnumber,
                text=_text(q, "text", f"{where} question {qnumber}"),
                info=q.get("info", ""),
                group=q.get("group", ""),
                items=tuple(q.get("items", ())),
            )
            for qnumber, q in enumerate(raw.get("questions", []), start=1)
        )
        assessment = raw.get("assessment", {})
        sections.append(
            Section(
                number=index,
                title=_text(raw, "title", where),
                short_title=_text(raw, "short_title", where),
                part=part_of.get(index, 0),
                info=raw.get("info", ""),
                groups=groups,
                questions=questions,
                assessment_heading=_text(assessment, "heading", where),
                assessment_question=_text(assessment, "question", where),
                follow_up=_text(raw, "follow_up", where),
            )
        )
    raw_scales = data.get("scales")
    if not isinstance(raw_scales, list) or len(raw_scales) != len(SECTIONS):
        raise GuideError("guide: 'scales' must list the nine scales")
    scales = tuple(
        Scale(number=i, label=_text(s, "label", f"scale {i}"), question=_text(s, "question", f"scale {i}"))
        for i, s in enumerate(raw_scales, start=1)
    )
    ends = data.get("scale_ends", {})
    return Guide(
        language=language,
        title=_text(data, "title", "guide"),
        parts=tuple(parts),
        sections=tuple(sections),
        scales=scales,
        scale_low=_text(ends, "low", "scale_ends"),
        scale_high=_text(ends, "high", "scale_ends"),
        findings=dict(data.get("findings", {})),
        terms=dict(data.get("terms", {})),
        walk_questions=dict(data.get("walk_questions", {})),
    )


def guide_path(language: str) -> Path:
    return resources_dir() / "guide" / f"{language}.json"


@cache
def load_guide(language: str = DEFAULT_LANGUAGE) -> Guide:
    """The guide in ``language`` ("sv" or "en"); cached, since it never changes while running."""
    if language not in LANGUAGES:
        raise GuideError(f"no guide in language {language!r}; available: {', '.join(LANGUAGES)}")
    with guide_path(language).open(encoding="utf-8") as handle:
        try:
            data = json.load(handle)
        except ValueError as exc:  # not JSON, or not UTF-8
            raise GuideError(f"{guide_path(language)}: not valid JSON ({exc})") from exc
    return parse_guide(data)
