"""Gender-disaggregated indicators (könsuppdelade indikatorer) on starting points, results and effects.

Plain data, as the exchange format (version 2, ``$defs/indicator``) carries it: what is measured, its unit
and source, a baseline, a target, and measurements per period, each for women, men and/or in total.
The computations on them (change from the baseline, distance to the target, the gap between women and men)
live here too, so that the board, the minutes and the command line say the same.

Numbers are typed and shown the Swedish way ("38,5", "1 200", "−3"): :func:`parse_number` reads them (and
English "38.5"), :func:`format_number` writes them. Arithmetic on figures is done in decimal, so that
38,5 − 36,1 is 2,4 and not 2,3999999999999986.

Figures are checked before they are stored (:func:`check_indicator`): a share in per cent lies between 0
and 100, and when the unit is ``%`` (a share of a whole: the girls' share of the grant, the women's share of
a management group) women and men together cannot exceed 100. Rates within each group (the share of girls
who passed, the share of boys who passed) are per cent of different wholes, which may well add up to more
than 100: their unit is ``% inom gruppen`` (:data:`RATE_UNIT`), checked against 0–100 only. A count
(``antal``) of women and men together cannot exceed the total.

Nothing is ever derived: a missing value (men when only women and the total are given, the total when only
women and men are given) stays missing. A figure of one gender that lardesk computed from the others could
reveal a group of one or two people, so no figure here is a derived one, and nothing asks for a breakdown.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Any

from lardesk.method.logic import ItemKind
from lardesk.method.messages import NO_BREAK_SPACE, LocalizedError, Message
from lardesk.method.words import section, word

TEXT_MAX = 500
UNIT_MAX = 40
SOURCE_MAX = 500
PERIOD_MAX = 50
NOTE_MAX = 2000
MAX_MAGNITUDE = 1e12
"""The largest number a figure may have (either sign): a region's budget in kronor fits."""
MAX_PLACES = 6
"""Figures are kept and shown with at most this many decimals."""
MAX_MEASUREMENTS = 200
"""Measurements per indicator (a monthly series over many years fits)."""

INDICATOR_KINDS = frozenset({ItemKind.STARTING_POINT, ItemKind.RESULT, ItemKind.EFFECT})
"""The kinds of item that carry indicators (format version 2)."""

SHARE_UNIT = "%"
"""A share of a whole (women + men ≤ 100)."""
RATE_UNIT = "% inom gruppen"
"""Per cent of each group on its own (the share of girls who passed, the share of boys who passed)."""
COUNT_UNIT = "antal"
UNITS: tuple[str, ...] = (SHARE_UNIT, RATE_UNIT, COUNT_UNIT, "kr", "timmar")
"""The units offered when an indicator is entered (any other text is allowed too)."""

GROUP_SEPARATORS = " \u00a0\u202f\u2009"
"""Space, no-break space, narrow no-break space and thin space between groups of three digits."""
MINUS = "\u2212"


class IndicatorError(LocalizedError):
    """An impossible or unreadable figure; a template with params, as InputError."""


@dataclass(frozen=True, slots=True)
class Figures:
    """One measurement (or a baseline or a target): for women, for men and/or in total."""

    period: str
    women: float | None = None
    men: float | None = None
    total: float | None = None
    note: str = ""

    def value(self, group: Group) -> float | None:
        if group is Group.WOMEN:
            return self.women
        if group is Group.MEN:
            return self.men
        return self.total

    @property
    def gap(self) -> float | None:
        """Women − men in this period (None unless both are given)."""
        return difference(self.women, self.men)


@dataclass(frozen=True, slots=True)
class Indicator:
    key: str
    text: str
    unit: str = ""
    source: str = ""
    baseline: Figures | None = None
    target: Figures | None = None
    values: tuple[Figures, ...] = ()
    """Measurements after the baseline, oldest first."""

    @property
    def series(self) -> tuple[Figures, ...]:
        """The baseline (when there is one) and the measurements, oldest first: what was measured."""
        return ((self.baseline,) if self.baseline is not None else ()) + self.values

    @property
    def latest(self) -> Figures | None:
        """The newest measurement, or the baseline when nothing has been measured since."""
        series = self.series
        return series[-1] if series else None


class FiguresKind(StrEnum):
    """Which figures of an indicator: its baseline, a measurement, or its target."""

    BASELINE = "baseline"
    MEASUREMENT = "measurement"
    TARGET = "target"


class Group(StrEnum):
    WOMEN = "women"
    MEN = "men"
    TOTAL = "total"


def group_name(group: Group) -> Message:
    """How a message names a group ("kvinnor", "män", "totalt")."""
    if group is Group.WOMEN:
        return Message("women")
    if group is Group.MEN:
        return Message("men")
    return Message("total")


def group_word(group: Group, language: str = "sv", *, in_text: bool = False) -> str:
    """ "Kvinnor", "Män", "Totalt" (catalogue ``indicators.group``); ``in_text``: as the group reads inside a
    sentence, "kvinnor" (``indicators.group_in_text``)."""
    return word(f"indicators.{'group_in_text' if in_text else 'group'}.{group.value}", language)


def short_group_word(group: Group, language: str = "sv") -> str:
    """ "kv", "m", "tot": a group on a narrow board card (catalogue ``indicators.short_group``)."""
    return word(f"indicators.short_group.{group.value}", language)


@dataclass(frozen=True, slots=True)
class IndicatorWords:
    """The words of what the figures say: the catalogue section "indicators", its own entries (its subsections
    name the groups, the directions and the gap trends, and hold the chart's and the table's words)."""

    percentage_points: str
    baseline: str
    target: str
    target_value: str
    """ "mål {amount}"."""
    reached: str
    to_go: str
    """ "{amount} kvar"."""
    since_baseline: str
    target_reached: str
    left_to_target: str
    moved: str
    """ "utvecklingen: {direction}"."""
    moved_start: str
    """The same at the start of a sentence: "Utvecklingen: {direction}"."""


INDICATOR_SUBSECTIONS = frozenset(
    {"group", "group_in_text", "short_group", "direction", "direction_start", "gap_trend", "gap_trend_start"}
    | {"chart", "table"}
)
"""The subsections of the catalogue section "indicators" (each read by its own lookup)."""


@cache
def indicator_words(language: str = "sv") -> IndicatorWords:
    """The words of section "indicators" in ``language`` (an unknown language gets Swedish, as the reports do)."""
    return IndicatorWords(**section("indicators", language, nested=False))


# -- numbers -----------------------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?P<sign>[+\-\u2212\u2013])?\s*"  # hyphen-minus, minus sign, en dash (what a word processor makes of "-")
    r"(?P<whole>\d{1,3}(?:[" + GROUP_SEPARATORS + r"]\d{3})+|\d+)?"
    r"(?:(?P<point>[,.])(?P<fraction>\d+))?"
)


def parse_number(text: str, what: Message | None = None, *, unit: str = "") -> float | None:
    """A number as a Swedish user types it: "38,5", "1 200", "1 200,5", "−3", "-3", ",5"; also "38.5".

    Empty text is no value (None). A trailing unit (``unit``, or a per-cent sign) is allowed: "38 %".
    "1.200" is refused as ambiguous (a thousand two hundred, or one point two?). Raises IndicatorError
    (``what`` names the field: ``Message("women")``).
    """
    what = what or Message("the value")
    if not isinstance(text, str):
        raise IndicatorError("{what} must be text", what=what)
    stripped = text.strip()
    for suffix in (unit.strip(), "%"):
        if suffix and stripped.lower().endswith(suffix.lower()):
            stripped = stripped[: -len(suffix)].rstrip()
            break
    if not stripped:
        return None
    match = _NUMBER.fullmatch(stripped)
    if match is None or not (match["whole"] or match["fraction"]):
        raise IndicatorError("{what}: {value!r} is not a number (write it as 38,5 or 1 200)", what=what, value=text)
    whole = "".join(ch for ch in (match["whole"] or "0") if ch.isdigit())
    fraction = match["fraction"] or ""
    if (
        match["point"] == "."
        and len(fraction) == 3
        and match["whole"]
        and whole != "0"
        and not any(ch in GROUP_SEPARATORS for ch in match["whole"])
    ):
        raise IndicatorError(
            "{what}: {value!r} can be read two ways: write {grouped} or {decimal}",
            what=what,
            value=text,
            grouped=f"{whole} {fraction}",
            decimal=f"{whole},{fraction.rstrip('0') or '0'}",
        )
    value = float(Decimal(f"{whole}.{fraction or '0'}"))
    if match["sign"] and match["sign"] != "+":
        value = -value
    if abs(value) > MAX_MAGNITUDE:
        raise IndicatorError(
            "{what}: {value!r} is too large (at most {limit} either way)",
            what=what,
            value=text,
            limit=int(MAX_MAGNITUDE),
        )
    return _tidy(value)


def _tidy(value: float) -> float:
    """``value`` with at most MAX_PLACES decimals (float noise removed); a whole number as an int (38, not
    38.0: the exchange file keeps what was typed), and never "-0"."""
    if isinstance(value, int):
        return value
    tidy = float(round(Decimal(repr(value)), MAX_PLACES)) + 0.0
    return int(tidy) if tidy.is_integer() else tidy


def format_number(
    value: float | None,
    language: str = "sv",
    *,
    grouping: bool = True,
    signed: bool = False,
    plain: bool = False,
    missing: str = "–",
    places: int | None = None,
) -> str:
    """38.5 → "38,5", 1200 → "1 200", -3 → "−3" (Swedish); "38.5", "1,200", "-3" (English).

    ``signed`` writes a plus before a positive number ("+2": a change). ``plain`` is for files other programs
    read (CSV): a hyphen-minus and no grouping. ``places`` rounds to at most that many decimals (default
    MAX_PLACES, which only removes float noise); trailing zeros are never written. ``missing`` stands for None.
    """
    if value is None or not math.isfinite(value):
        return missing
    number = round(Decimal(repr(float(value))), MAX_PLACES if places is None else places)
    if number == 0:
        number = Decimal(0)  # no "-0"
    text = f"{abs(number):{',' if grouping and not plain else ''}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if language == "sv":
        text = text.translate({ord(","): NO_BREAK_SPACE, ord("."): ","})
    if number < 0:
        text = ("-" if plain or language != "sv" else MINUS) + text
    elif signed and number > 0:
        text = "+" + text
    return text


def difference(a: float | None, b: float | None) -> float | None:
    """``a − b`` computed in decimal (38,5 − 36,1 = 2,4 exactly), or None when either is missing."""
    if a is None or b is None:
        return None
    return float(Decimal(repr(float(a))) - Decimal(repr(float(b))))


# -- units and checks --------------------------------------------------------------------------------------


def is_share(unit: str) -> bool:
    """The unit says: a share of one whole, in per cent (women + men ≤ 100)."""
    return unit.strip().lower() in {"%", "procent", "andel (%)", "percent"}


def is_percent(unit: str) -> bool:
    """Any per cent (a share of a whole or a rate within each group): 0–100."""
    return is_share(unit) or unit.strip().startswith("%")


def is_count(unit: str) -> bool:
    return unit.strip().lower() in {"antal", "count", "number"}


def change_unit(unit: str, language: str = "sv") -> str:
    """The unit of a change or a gap: per cent becomes percentage points (procentenheter)."""
    if is_percent(unit):
        return indicator_words(language).percentage_points
    return unit.strip()


def with_unit(text: str, unit: str) -> str:
    """ "38,5" and "%" → "38,5 %" (with a no-break space); no unit or a count ("antal"): just the number."""
    unit = unit.strip()
    if not unit or is_count(unit) or text in {"–", ""}:
        return text
    if is_percent(unit):
        unit = "%"
    return f"{text}{NO_BREAK_SPACE}{unit}"


def _check_text(value: object, what: Message, limit: int, *, required: bool = False) -> str:
    if not isinstance(value, str):
        raise IndicatorError("{what} must be text", what=what)
    if required and not value.strip():
        raise IndicatorError("{what} must not be empty", what=what)
    if len(value) > limit:
        raise IndicatorError(
            "{what} is too long ({length} characters; at most {limit})", what=what, length=len(value), limit=limit
        )
    return value.strip() if required else value


def _check_number(value: object, what: Message) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise IndicatorError("{what} must be a number", what=what)
    if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        raise IndicatorError("{what} is not a sensible number", what=what)
    return _tidy(value)


def figures_name(kind: str, period: str = "") -> Message:
    """How a message names a set of figures: "the baseline", "the target", "the measurement 2013"."""
    if kind == "baseline":
        return Message("the baseline")
    if kind == "target":
        return Message("the target")
    return Message("the measurement {period}", period=period) if period else Message("the measurement")


def check_figures(figures: Figures, unit: str = "", what: Message | None = None) -> Figures:
    """``figures`` tidied (period and note trimmed, float noise removed), or IndicatorError.

    At least one of women, men and total; a per-cent figure between 0 and 100; women + men at most 100 for a
    share of a whole (unit ``%``); women + men at most the total for a count (unit ``antal``).
    """
    what = what or figures_name("measurement", figures.period if isinstance(figures.period, str) else "")
    period = _check_text(figures.period, Message("the period"), PERIOD_MAX, required=True)
    note = _check_text(figures.note, Message("the note"), NOTE_MAX)
    values = {
        group: _check_number(figures.value(group), Message("{what}, {group}", what=what, group=group_name(group)))
        for group in Group
    }
    if all(value is None for value in values.values()):
        raise IndicatorError("{what}: give a figure for women, men or in total", what=what)
    if is_percent(unit):
        for group, value in values.items():
            if value is not None and not 0 <= value <= 100:
                raise IndicatorError(
                    "{what}, {group}: {value} % is not a share (a share lies between 0 and 100 %)",
                    what=what,
                    group=group_name(group),
                    value=_shown(value),
                )
    women, men, total = values[Group.WOMEN], values[Group.MEN], values[Group.TOTAL]
    if is_share(unit) and women is not None and men is not None and _sum(women, men) > 100:
        raise IndicatorError(
            "{what}: women ({women} %) and men ({men} %) add up to {sum} %, more than the whole. "
            "If each is a share of its own group (such as the share of girls who passed), choose the unit {rate!r}",
            what=what,
            women=_shown(women),
            men=_shown(men),
            sum=_shown(_sum(women, men)),
            rate=RATE_UNIT,
        )
    if is_count(unit) and women is not None and men is not None and total is not None and _sum(women, men) > total:
        raise IndicatorError(
            "{what}: women ({women}) and men ({men}) add up to {sum}, more than the total ({total})",
            what=what,
            women=_shown(women),
            men=_shown(men),
            sum=_shown(_sum(women, men)),
            total=_shown(total),
        )
    return Figures(period, women, men, total, note)


def _sum(a: float, b: float) -> float:
    return float(Decimal(repr(a)) + Decimal(repr(b)))


def _shown(value: float) -> int | float:
    """How a number goes into a message: 36.0 → 36, 38.5 → 38.5 (the Swedish template writes "38,5")."""
    return int(value) if float(value).is_integer() else value


def check_indicator(indicator: Indicator) -> Indicator:
    """``indicator`` checked and tidied (texts trimmed, every figure checked against the unit), or
    IndicatorError. A period is measured once: the baseline and the measurements have different periods."""
    text = _check_text(indicator.text, Message("what is measured"), TEXT_MAX, required=True)
    unit = _check_text(indicator.unit, Message("the unit"), UNIT_MAX).strip()
    source = _check_text(indicator.source, Message("the source"), SOURCE_MAX)
    baseline = (
        check_figures(indicator.baseline, unit, figures_name("baseline")) if indicator.baseline is not None else None
    )
    target = check_figures(indicator.target, unit, figures_name("target")) if indicator.target is not None else None
    if len(indicator.values) > MAX_MEASUREMENTS:
        raise IndicatorError("an indicator has at most {limit} measurements", limit=MAX_MEASUREMENTS)
    values = tuple(check_figures(figures, unit) for figures in indicator.values)
    seen: set[str] = set()
    for figures in (baseline, *values) if baseline is not None else values:
        period = figures.period.casefold()
        if period in seen:
            raise IndicatorError("the period {period} is measured twice", period=figures.period)
        seen.add(period)
    return Indicator(indicator.key, text, unit, source, baseline, target, values)


# -- what the figures say -----------------------------------------------------------------------------------


class Direction(StrEnum):
    """Where the latest measurement stands, compared with the baseline, seen from the target."""

    TOWARDS = "towards"
    AWAY = "away"
    UNCHANGED = "unchanged"
    MIXED = "mixed"
    """Some groups moved towards the target, others away from it."""
    UNKNOWN = "unknown"
    """No target, no baseline, or nothing measured since the baseline."""


class GapTrend(StrEnum):
    """Whether the gap between women and men narrowed, from the first to the latest period with both."""

    NARROWED = "narrowed"
    WIDENED = "widened"
    UNCHANGED = "unchanged"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class GroupChange:
    """One group's figures: baseline, latest, change, target and how far there is still to go."""

    group: Group
    baseline: float | None
    latest: float | None
    latest_period: str | None
    """The period of the group's latest measurement after the baseline (None: none yet)."""
    target: float | None
    change: float | None
    """Latest − baseline."""
    to_target: float | None
    """Target − latest (or − baseline, when nothing has been measured since): what is left."""
    direction: Direction
    reached: bool | None
    """Whether the latest value has reached (or passed) the target; None without both."""


@dataclass(frozen=True, slots=True)
class Gap:
    period: str
    gap: float
    """Women − men."""


@dataclass(frozen=True, slots=True)
class IndicatorSummary:
    indicator: Indicator
    groups: tuple[GroupChange, ...]
    """Women, men and total, in that order."""
    gaps: tuple[Gap, ...]
    """Women − men in each period that has both, baseline first."""
    gap_trend: GapTrend
    direction: Direction

    def group(self, group: Group) -> GroupChange:
        return next(change for change in self.groups if change.group is group)


def _latest(indicator: Indicator, group: Group) -> tuple[float | None, str | None]:
    for figures in reversed(indicator.values):
        value = figures.value(group)
        if value is not None:
            return value, figures.period
    return None, None


def _direction(baseline: float | None, latest: float | None, target: float | None) -> Direction:
    if baseline is None or latest is None or target is None:
        return Direction.UNKNOWN
    aim = Decimal(repr(target)) - Decimal(repr(baseline))
    moved = Decimal(repr(latest)) - Decimal(repr(baseline))
    if moved == 0:
        return Direction.UNCHANGED
    if aim == 0:  # the target was to keep the level: any move is away from it
        return Direction.AWAY
    return Direction.TOWARDS if (moved > 0) == (aim > 0) else Direction.AWAY


def _reached(baseline: float | None, latest: float | None, target: float | None) -> bool | None:
    if latest is None or target is None:
        return None
    if baseline is None or baseline == target:
        return latest == target
    upwards = target > baseline
    return latest >= target if upwards else latest <= target


def _overall(directions: Iterable[Direction]) -> Direction:
    known = {d for d in directions if d is not Direction.UNKNOWN}
    if not known:
        return Direction.UNKNOWN
    if known == {Direction.UNCHANGED}:
        return Direction.UNCHANGED
    if Direction.TOWARDS in known and Direction.AWAY in known:
        return Direction.MIXED
    return Direction.TOWARDS if Direction.TOWARDS in known else Direction.AWAY


def _gap_trend(gaps: Sequence[Gap]) -> GapTrend:
    if len(gaps) < 2:
        return GapTrend.UNKNOWN
    first, last = abs(Decimal(repr(gaps[0].gap))), abs(Decimal(repr(gaps[-1].gap)))
    if last < first:
        return GapTrend.NARROWED
    if last > first:
        return GapTrend.WIDENED
    return GapTrend.UNCHANGED


def summarize(indicator: Indicator) -> IndicatorSummary:
    """What the figures say: per group the change from the baseline and the distance to the target, the gap
    women − men per period and whether it narrowed, and whether the indicator moved towards its target."""
    changes = []
    for group in Group:
        baseline = indicator.baseline.value(group) if indicator.baseline is not None else None
        target = indicator.target.value(group) if indicator.target is not None else None
        latest, period = _latest(indicator, group)
        now = latest if latest is not None else baseline
        changes.append(
            GroupChange(
                group=group,
                baseline=baseline,
                latest=latest,
                latest_period=period,
                target=target,
                change=difference(latest, baseline),
                to_target=difference(target, now),
                direction=_direction(baseline, latest, target),
                reached=_reached(baseline, now, target),
            )
        )
    gaps = tuple(Gap(f.period, gap) for f in indicator.series if (gap := f.gap) is not None)
    return IndicatorSummary(
        indicator=indicator,
        groups=tuple(changes),
        gaps=gaps,
        gap_trend=_gap_trend(gaps),
        direction=_overall(change.direction for change in changes),
    )


def moved_towards_target(indicators: Iterable[Indicator]) -> tuple[int, int]:
    """(how many moved towards their target, how many could be judged: a target, a baseline and a later
    measurement); "mixed" and "away" count as not towards."""
    judged = towards = 0
    for indicator in indicators:
        direction = summarize(indicator).direction
        if direction is Direction.UNKNOWN:
            continue
        judged += 1
        towards += direction is Direction.TOWARDS
    return towards, judged


# -- words ------------------------------------------------------------------------------------------------


def direction_word(direction: Direction, language: str = "sv", *, start: bool = False) -> str:
    """ "mot målet", "bort från målet", … (catalogue ``indicators.direction``); ``start``: at the start of a
    sentence, "Mot målet" (``indicators.direction_start``)."""
    return word(f"indicators.{'direction_start' if start else 'direction'}.{direction.value}", language)


def gap_word(trend: GapTrend, language: str = "sv", *, start: bool = False) -> str:
    """ "skillnaden har minskat", … (catalogue ``indicators.gap_trend``); ``start``: at the start of a sentence,
    "Skillnaden har minskat" (``indicators.gap_trend_start``)."""
    return word(f"indicators.{'gap_trend_start' if start else 'gap_trend'}.{trend.value}", language)


def figures_text(figures: Figures, unit: str, language: str = "sv") -> str:
    """ "kvinnor 38 %, män 62 %" — the figures given, in words (missing ones left out)."""
    parts = []
    for group in Group:
        value = figures.value(group)
        if value is not None:
            parts.append(
                f"{group_word(group, language, in_text=True)} {with_unit(format_number(value, language), unit)}"
            )
    return ", ".join(parts)


def change_text(change: GroupChange, unit: str, language: str = "sv") -> str:
    """ "+2 procentenheter sedan utgångsvärdet, 2 kvar till målet" for one group (the parts that are known)."""
    said = indicator_words(language)
    per = change_unit(unit, language)
    parts = []
    if change.change is not None:
        amount = with_unit(format_number(change.change, language, signed=True), per)
        parts.append(said.since_baseline.format(amount=amount))
    if change.reached:
        parts.append(said.target_reached)
    elif change.to_target is not None:
        left = with_unit(format_number(abs(change.to_target), language), per)
        parts.append(said.left_to_target.format(amount=left))
    return ", ".join(parts)


def summary_lines(summary: IndicatorSummary, language: str = "sv", *, in_text: bool = False) -> list[str]:
    """One line per group that has figures, then the gap and the direction: what the figures say, in words.
    ``in_text``: each line as it reads after a colon ("Andelen flickor: skillnaden har minskat; …")."""
    lines = []
    for change in summary.groups:
        said = change_text(change, summary.indicator.unit, language)
        if said:
            lines.append(f"{group_word(change.group, language, in_text=in_text)}: {said}.")
    tail = []
    if summary.gaps:
        tail.append(gap_word(summary.gap_trend, language, start=not in_text))
    if summary.indicator.target is not None:
        moved = direction_word(summary.direction, language)
        said_words = indicator_words(language)
        template = said_words.moved if tail or in_text else said_words.moved_start
        tail.append(template.format(direction=moved))
    if tail:
        lines.append("; ".join(tail) + ".")
    return lines


def latest_text(indicator: Indicator, language: str = "sv") -> str:
    """The latest figures, short, for a board item: "2013: kv 38 %, m 62 %" (the total only when neither
    women nor men were given)."""
    latest = indicator.latest
    if latest is None:
        return ""
    groups = [g for g in (Group.WOMEN, Group.MEN) if latest.value(g) is not None] or [Group.TOTAL]
    figures = {g: with_unit(format_number(latest.value(g), language), indicator.unit) for g in groups}
    # a no-break space keeps "m 62 %" together on a narrow card
    parts = [f"{short_group_word(g, language)}{NO_BREAK_SPACE}{figures[g]}" for g in groups]
    return f"{latest.period}: {', '.join(parts)}"


def group_sentence(change: GroupChange, unit: str, language: str = "sv", *, start: bool = False) -> str:
    """ "kvinnor 36 → 38 % (+2 procentenheter; mål 40 %, 2 procentenheter kvar)" for one group (``start``: as
    a line of its own, "Kvinnor 36 → 38 % …")."""
    said = indicator_words(language)
    group = group_word(change.group, language, in_text=not start)
    per = change_unit(unit, language)
    if change.baseline is not None and change.latest is not None:
        figures = (
            f"{format_number(change.baseline, language)} → {with_unit(format_number(change.latest, language), unit)}"
        )
    elif change.latest is not None or change.baseline is not None:
        figures = with_unit(
            format_number(change.latest if change.latest is not None else change.baseline, language), unit
        )
    else:
        figures = ""
    notes = []
    if change.change is not None:
        notes.append(with_unit(format_number(change.change, language, signed=True), per))
    if change.target is not None:
        target = said.target_value.format(amount=with_unit(format_number(change.target, language), unit))
        if change.reached:
            target += f", {said.reached}"
        elif change.to_target is not None:
            left = with_unit(format_number(abs(change.to_target), language), per)
            target += f", {said.to_go.format(amount=left)}"
        notes.append(target)
    if not figures and not notes:
        return ""
    return f"{group} {figures}".rstrip() + (f" ({'; '.join(notes)})" if notes else "")


def indicator_lines(indicator: Indicator, language: str = "sv") -> list[str]:
    """The same as :func:`indicator_sentence`, a line each: the indicator, then each group, then the gap and
    where the figures moved (for a table cell)."""
    summary = summarize(indicator)
    lines = [f"{indicator.key} {indicator.text}"]
    for change in summary.groups:
        said = group_sentence(change, indicator.unit, language, start=True)
        if said:
            lines.append(said)
    tail = []
    if summary.gaps:
        tail.append(gap_word(summary.gap_trend, language, start=True))
    if indicator.target is not None and summary.direction is not Direction.UNKNOWN:
        tail.append(direction_word(summary.direction, language, start=not tail))
    if tail:
        lines.append("; ".join(tail) + ".")
    return lines


def indicator_sentence(indicator: Indicator, language: str = "sv") -> str:
    """One indicator in a sentence: per group baseline → latest, the change and the target, then whether
    the gap narrowed and where the figures moved ("…; skillnaden har minskat; mot målet")."""
    summary = summarize(indicator)
    parts = [said for change in summary.groups if (said := group_sentence(change, indicator.unit, language))]
    if summary.gaps:
        parts.append(gap_word(summary.gap_trend, language))
    if indicator.target is not None and summary.direction is not Direction.UNKNOWN:
        parts.append(direction_word(summary.direction, language))
    head = f"{indicator.key} {indicator.text}"
    return f"{head}: {'; '.join(parts)}." if parts else f"{head}."


# -- the exchange format's objects, and how the database keeps them ----------------------------------------

FIGURE_MEMBERS: tuple[str, ...] = ("women", "men", "total")


def figure_is_sensible(value: object) -> bool:
    """A number (not a bool) that is finite and within ±MAX_MAGNITUDE (an int too large for a float is not)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value) and abs(value) <= MAX_MAGNITUDE
    except OverflowError:
        return False


def _plain_number(value: float) -> int | float:
    """36.0 is written 36: a whole number stays a whole number in the file, however it was stored."""
    return int(value) if float(value).is_integer() else value


def figures_to_plain(figures: Figures) -> dict[str, Any]:
    """The exchange format's ``figures`` object (members without a value are left out)."""
    plain: dict[str, Any] = {"period": figures.period}
    for name in FIGURE_MEMBERS:
        value = getattr(figures, name)
        if value is not None:
            plain[name] = _plain_number(value)
    if figures.note:
        plain["note"] = figures.note
    return plain


def indicator_to_plain(indicator: Indicator) -> dict[str, Any]:
    """The exchange format's ``indicator`` object (also how the database keeps it, as JSON text)."""
    plain: dict[str, Any] = {"key": indicator.key, "text": indicator.text}
    if indicator.unit:
        plain["unit"] = indicator.unit
    if indicator.source:
        plain["source"] = indicator.source
    if indicator.baseline is not None:
        plain["baseline"] = figures_to_plain(indicator.baseline)
    if indicator.target is not None:
        plain["target"] = figures_to_plain(indicator.target)
    if indicator.values:
        plain["values"] = [figures_to_plain(figures) for figures in indicator.values]
    return plain


def _number(value: Any) -> float | None:
    if value is None:
        return None
    if not figure_is_sensible(value):
        raise ValueError(f"not a sensible figure: {value!r}")
    number: float = value
    return number


def figures_from_plain(plain: Any) -> Figures:
    if not isinstance(plain, dict) or not isinstance(plain.get("period"), str):
        raise ValueError("figures need a period")
    note = plain.get("note", "")
    if not isinstance(note, str):
        raise ValueError("a note is text")
    return Figures(
        period=plain["period"],
        women=_number(plain.get("women")),
        men=_number(plain.get("men")),
        total=_number(plain.get("total")),
        note=note,
    )


def indicator_from_plain(plain: Any) -> Indicator:
    """An indicator from its exchange-format object (ValueError when it is not one; the figures are not checked
    against the unit here: :func:`check_indicator` does that). Whole numbers stay whole numbers."""
    if not isinstance(plain, dict) or not isinstance(plain.get("key"), str) or not isinstance(plain.get("text"), str):
        raise ValueError("an indicator needs a key and a text")
    for name in ("unit", "source"):
        if not isinstance(plain.get(name, ""), str):
            raise ValueError(f"{name} is text")
    values = plain.get("values", [])
    if not isinstance(values, list):
        raise ValueError("values is a list")
    return Indicator(
        key=plain["key"],
        text=plain["text"],
        unit=plain.get("unit", ""),
        source=plain.get("source", ""),
        baseline=figures_from_plain(plain["baseline"]) if plain.get("baseline") is not None else None,
        target=figures_from_plain(plain["target"]) if plain.get("target") is not None else None,
        values=tuple(figures_from_plain(figures) for figures in values),
    )


def indicators_to_json(indicators: Sequence[Indicator]) -> str:
    """How the database keeps an item's indicators: JSON text ("" for none)."""
    if not indicators:
        return ""
    return json.dumps([indicator_to_plain(indicator) for indicator in indicators], ensure_ascii=False)


def indicators_from_json(text: str) -> tuple[Indicator, ...]:
    if not text:
        return ()
    loaded = json.loads(text)
    if not isinstance(loaded, list):
        raise ValueError("indicators are a list")
    return tuple(indicator_from_plain(plain) for plain in loaded)
