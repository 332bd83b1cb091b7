"""Gender-disaggregated indicators (könsuppdelade indikatorer) on starting points, results and effects.

Plain data, as the exchange format (version 2, ``$defs/indicator``) carries it: what is measured, its unit
and source, a baseline, a target, and measurements per period, each for women, men and/or in total.
The computations on them (change from the baseline, distance to the target, the gap between women and men)
live here too, so that the board, the minutes and the command line say the same.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Figures:
    """One measurement (or a baseline or a target): for women, for men and/or in total."""

    period: str
    women: float | None = None
    men: float | None = None
    total: float | None = None
    note: str = ""


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


MAX_FIGURE = 1e15
"""The largest figure (in absolute value) an indicator may carry: more is a typing error or a hostile file."""
FIGURE_MEMBERS: tuple[str, ...] = ("women", "men", "total")


def figure_is_sensible(value: object) -> bool:
    """A number (not a bool) that is finite and within ±MAX_FIGURE."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value) and abs(value) <= MAX_FIGURE
    except OverflowError:  # an int too large for a float
        return False


def figures_to_plain(figures: Figures) -> dict[str, Any]:
    """The exchange format's ``figures`` object (members without a value are left out)."""
    plain: dict[str, Any] = {"period": figures.period}
    for name in FIGURE_MEMBERS:
        value = getattr(figures, name)
        if value is not None:
            plain[name] = value
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
    """An indicator from its exchange-format object; ValueError when it is not one (whole numbers stay
    whole numbers: 38 is read as 38, not 38.0)."""
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
