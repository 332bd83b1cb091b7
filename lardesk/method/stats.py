"""Per-scale statistics of the personal assessments (Bilaga 2).

The spread is the point of the exercise ("it becomes clear how differently or similarly people judge the
same operation"), so every value is kept beside the summary figures.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lardesk.method.guide import SCALE_MAX, SCALE_MIN, SECTIONS
from lardesk.method.messages import LocalizedError

MAX_REVEALED_ROUND = 9
"""Rounds 1–9 can be shown to the room (a meeting has one or two; the session keeps them as short text)."""

MIN_GROUP_SIZE = 3
"""No figure or export breaks ratings down by a group (e.g. gender) of fewer than this many people."""


class RatingError(LocalizedError):
    """An impossible rating (outside 1–10, or not a whole number); a template with params, as InputError."""


def check_value(value: object) -> int | None:
    """A rating value as stored: an int 1–10, or None for "abstained". Raises RatingError otherwise."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RatingError(
            "a rating is a whole number from {low} to {high}, not {value!r}", low=SCALE_MIN, high=SCALE_MAX, value=value
        )
    if not SCALE_MIN <= value <= SCALE_MAX:
        raise RatingError(
            "a rating is a whole number from {low} to {high}, not {value!r}", low=SCALE_MIN, high=SCALE_MAX, value=value
        )
    return value


@dataclass(frozen=True, slots=True)
class ScaleStats:
    scale: int
    present: int
    """Participants present (who could have rated)."""
    values: tuple[int, ...]
    """Every value given, sorted ascending (abstentions left out)."""

    @property
    def n(self) -> int:
        return len(self.values)

    @property
    def median(self) -> float | None:
        return float(statistics.median(self.values)) if self.values else None

    @property
    def minimum(self) -> int | None:
        return self.values[0] if self.values else None

    @property
    def maximum(self) -> int | None:
        return self.values[-1] if self.values else None

    @property
    def quartiles(self) -> tuple[float, float] | None:
        """First and third quartile (inclusive method, as spreadsheets compute them)."""
        if not self.values:
            return None
        if len(self.values) == 1:
            only = float(self.values[0])
            return only, only
        q1, _, q3 = statistics.quantiles(self.values, n=4, method="inclusive")
        return float(q1), float(q3)

    @property
    def iqr(self) -> float:
        quartiles = self.quartiles
        return quartiles[1] - quartiles[0] if quartiles else 0.0

    @property
    def spread(self) -> int:
        return (self.values[-1] - self.values[0]) if self.values else 0

    def counts(self) -> dict[int, int]:
        """How many gave each value 1–10 (for stacked dots)."""
        result = dict.fromkeys(range(SCALE_MIN, SCALE_MAX + 1), 0)
        for value in self.values:
            result[value] += 1
        return result


def scale_stats(scale: int, values: Iterable[int | None], present: int) -> ScaleStats:
    given = sorted(v for v in (check_value(v) for v in values) if v is not None)
    return ScaleStats(scale=scale, present=present, values=tuple(given))


def all_scale_stats(
    ratings: Mapping[int, Sequence[int | None]], present: int, scales: Iterable[int] = SECTIONS
) -> list[ScaleStats]:
    """Statistics for each of ``scales``; ``ratings`` maps a scale to the values given on it."""
    return [scale_stats(scale, ratings.get(scale, ()), present) for scale in scales]


def most_divided_first(stats: Iterable[ScaleStats]) -> list[ScaleStats]:
    """Scales ordered by how much views differ: interquartile range, then range, then scale number."""
    return sorted(stats, key=lambda s: (-s.iqr, -s.spread, s.scale))


def number(value: float | None) -> int | float | None:
    """7.0 → 7 and 5.5 → 5.5: how a median reads in text and JSON."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def may_break_down(group_sizes: Iterable[int]) -> bool:
    """Whether a breakdown by these groups respects anonymity: every non-empty group has 3 or more."""
    return all(size == 0 or size >= MIN_GROUP_SIZE for size in group_sizes)
