"""Gender-disaggregated indicators (könsuppdelade indikatorer) on starting points, results and effects.

Plain data, as the exchange format (version 2, ``$defs/indicator``) carries it: what is measured, its unit
and source, a baseline, a target, and measurements per period, each for women, men and/or in total.
The computations on them (change from the baseline, distance to the target, the gap between women and men)
live here too, so that the board, the minutes and the command line say the same.
"""

from __future__ import annotations

from dataclasses import dataclass


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
