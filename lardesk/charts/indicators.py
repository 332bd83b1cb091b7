"""One indicator over the periods: one Figure builder for the screen, the projector and the minutes.

Women, men and (when given) the total, each a line through its measurements from the baseline on; the
baseline ringed and named on the axis, the target drawn as a hollow marker at its period and named too.
Shape and line style tell the groups apart, not colour alone (women: circles on a solid line, men: squares on
a dashed line, total: triangles on a dotted line), and each line is labelled directly at its end with its
latest value, so the chart reads in black and white and from the back of the room.

Artists carry stable ids (``gid``) for tests and other code: ``series-<group>`` (the line and its markers;
x = the position of the period, y = the value), ``baseline-<group>`` (the ring), ``target-<group>`` (the
hollow marker), ``label-<group>`` and ``target-label-<group>`` (the direct labels), with ``<group>`` one of
``women``, ``men``, ``total``. :func:`alt_text` says the same in words.

A missing value is left out (a break in the line), never filled in: nothing is derived.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import cache
from typing import Literal

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from lardesk.method.indicators import (
    Group,
    Indicator,
    change_unit,
    direction_word,
    format_number,
    gap_word,
    group_word,
    indicator_words,
    is_percent,
    summarize,
    with_unit,
)
from lardesk.method.words import section


@dataclass(frozen=True, slots=True)
class Look:
    colour: str
    marker: str
    linestyle: Literal["-", "--", ":"]


# Okabe–Ito colours (safe for colour-blind readers), and shapes and dashes that carry the meaning anyway.
LOOKS: dict[Group, Look] = {
    Group.WOMEN: Look("#d55e00", "o", "-"),
    Group.MEN: Look("#0072b2", "s", "--"),
    Group.TOTAL: Look("#333333", "^", ":"),
}
BASELINE_COLOUR = "#555555"
TARGET_BAND = "#f2f2f2"


@dataclass(frozen=True, slots=True)
class ChartWords:
    """The chart's own words (catalogue ``indicators.chart``); the groups, "utgångsvärde" and "mål" are the
    indicators' words (:func:`lardesk.method.indicators.indicator_words`)."""

    head: str
    """The alt text's first sentence: "Diagram: {text}."."""
    head_unit: str
    """The same with the indicator's unit: "Diagram: {text} ({unit})."."""
    line_label: str
    """A line's latest value beside its last point: "{group} {value}"."""
    series: str
    """A group's figures in the alt text: "{group}: {values}." (``values``: measured, measured_baseline and
    target, joined by ", ")."""
    measured: str
    """ "{value} ({period})"."""
    measured_baseline: str
    """ "{value} ({period}, utgångsvärde)"."""
    target: str
    """ "mål {value} ({period})"."""
    target_label: str
    """A target beside its marker: "mål {value} ({groups})" (the groups inside a sentence, joined by ", ")."""
    gaps: str
    """ "Skillnaden kvinnor − män: {gaps}; {trend}."."""
    moved: str
    """ "Utvecklingen: {direction}." (a direction word after a colon: every one of them reads there)."""


@cache
def chart_words(language: str) -> ChartWords:
    return ChartWords(**section("indicators.chart", language))


@dataclass(frozen=True, slots=True)
class Style:
    font: float
    width: float
    height: float
    line: float
    marker: float

    @classmethod
    def of(cls, projector: bool, compact: bool = False) -> Style:
        if projector:
            return cls(font=22.0, width=16.0, height=9.0, line=4.0, marker=16.0)
        if compact:  # a narrow side panel
            return cls(font=7.5, width=4.4, height=2.6, line=1.5, marker=5.0)
        return cls(font=10.0, width=7.0, height=3.8, line=2.0, marker=7.5)


def periods(indicator: Indicator) -> list[str]:
    """The periods along the x axis: the baseline, the measurements, then the target's (when it is later)."""
    result = [figures.period for figures in indicator.series]
    if indicator.target is not None and indicator.target.period not in result:
        result.append(indicator.target.period)
    return result


def _tick_label(period: str, indicator: Indicator, language: str) -> str:
    said = indicator_words(language)
    marks = []
    if indicator.baseline is not None and period == indicator.baseline.period:
        marks.append(said.baseline)
    if indicator.target is not None and period == indicator.target.period:
        marks.append(said.target)
    return f"{period}\n({', '.join(marks)})" if marks else period


def indicator_figure(
    indicator: Indicator,
    language: str = "sv",
    *,
    projector: bool = False,
    figure: Figure | None = None,
    title: bool = True,
    compact: bool = False,
) -> Figure:
    """The chart of ``indicator``: a new Figure, or ``figure`` cleared and drawn again (``compact``: small type
    for a narrow panel)."""
    style = Style.of(projector, compact)
    if figure is None:
        figure = Figure(figsize=(style.width, style.height), dpi=100)
    figure.clear()
    figure.set_facecolor("white")
    ax = figure.add_subplot()
    xs = periods(indicator)
    position = {period: index for index, period in enumerate(xs)}
    unit = indicator.unit.strip()
    number = FuncFormatter(lambda value, _pos: format_number(value, language, places=2))

    values: list[float] = []
    labels: list[tuple[float, float, str, Group, str]] = []
    targets: dict[Group, float] = {}
    for group in Group:
        look = LOOKS[group]
        points = [(position[f.period], v) for f in indicator.series if (v := f.value(group)) is not None]
        target = indicator.target.value(group) if indicator.target is not None else None
        if not points and target is None:
            continue
        line = Line2D(
            [x for x, _ in points],
            [y for _, y in points],
            color=look.colour,
            marker=look.marker,
            linestyle=look.linestyle,
            linewidth=style.line,
            markersize=style.marker,
            markeredgecolor="white",
            markeredgewidth=style.line * 0.4,
            zorder=3,
            gid=f"series-{group.value}",
            label=group_word(group, language),
        )
        ax.add_line(line)
        values += [y for _, y in points]
        baseline = indicator.baseline.value(group) if indicator.baseline is not None else None
        if baseline is not None and indicator.baseline is not None:
            ax.plot(
                [position[indicator.baseline.period]],
                [baseline],
                marker="o",
                markersize=style.marker * 2.1,
                markerfacecolor="none",
                markeredgecolor=BASELINE_COLOUR,
                markeredgewidth=style.line * 0.6,
                linestyle="none",
                zorder=2.5,
                gid=f"baseline-{group.value}",
            )
        if points:
            x, y = points[-1]
            text = chart_words(language).line_label.format(
                group=group_word(group, language), value=with_unit(format_number(y, language), unit)
            )
            labels.append((x, y, text, group, "label"))
        if target is not None:
            targets[group] = target
            values.append(target)

    if indicator.target is not None and targets:
        _draw_targets(
            ax, targets, position[indicator.target.period], style=style, unit=unit, language=language, labels=labels
        )

    if is_percent(unit):
        low, high = 0.0, 100.0
    elif values:
        low, high = min(values), max(values)
        span = (high - low) or max(abs(high), 1.0)
        low, high = low - span * 0.15, high + span * 0.15
        if min(values) >= 0:
            low = max(low, 0.0)
            if min(values) < span:  # near zero anyway: start the axis there
                low = 0.0
    else:
        low, high = 0.0, 1.0
    lasts = sorted(label[1] for label in labels if label[4] == "label")
    above = lasts[1:] if len(lasts) > 1 else lasts  # the lowest line is labelled below its point
    if above:
        high = max(high, above[-1] + (high - low) * (0.17 if projector else 0.14) * max(1, len(above) - 1))
    if is_percent(unit):
        ax.set_yticks(range(0, 101, 20))
    ax.set_ylim(low, high)
    ax.set_xlim(-0.5, max(len(xs) - 1, 1) + (1.3 if indicator.target is not None else 0.5))  # room for labels
    _direct_labels(ax, labels, style, high - low)
    ax.set_xticks(range(len(xs)), labels=[_tick_label(p, indicator, language) for p in xs], fontsize=style.font)
    ax.yaxis.set_major_formatter(number)
    ax.tick_params(axis="y", labelsize=style.font)
    ax.grid(axis="y", color="#e4e4e4", linewidth=1)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if unit:
        ax.set_ylabel(unit, fontsize=style.font)
    if title:
        width = 70 if not projector else 60
        ax.set_title("\n".join(textwrap.wrap(indicator.text, width)), fontsize=style.font * 1.15, loc="left")
    figure.tight_layout()
    return figure


def _draw_targets(
    ax: Axes,
    targets: dict[Group, float],
    x: float,
    *,
    style: Style,
    unit: str,
    language: str,
    labels: list[tuple[float, float, str, Group, str]],
) -> None:
    """A hollow marker per group at the target's period (groups with the same target side by side, so every
    shape shows) and one label per value, naming the groups it is the target of."""
    by_value: dict[float, list[Group]] = {}
    for group, value in targets.items():
        by_value.setdefault(value, []).append(group)
    for value, groups in by_value.items():
        for index, group in enumerate(groups):
            look = LOOKS[group]
            ax.plot(
                [x + (index - (len(groups) - 1) / 2) * 0.14],
                [value],
                marker=look.marker,
                markersize=style.marker * 1.7,
                markerfacecolor="white",
                markeredgecolor=look.colour,
                markeredgewidth=style.line * 0.8,
                linestyle="none",
                zorder=4,
                gid=f"target-{group.value}",
            )
        named = ", ".join(group_word(group, language, in_text=True) for group in groups)
        amount = with_unit(format_number(value, language), unit)
        text = chart_words(language).target_label.format(value=amount, groups=named)
        labels.append((x + (len(groups) - 1) * 0.07, value, text, groups[0], "target-label"))


def _direct_labels(ax: Axes, labels: list[tuple[float, float, str, Group, str]], style: Style, span: float) -> None:
    """Each line's latest value labelled at its last point (the lowest line below it, the others above), each
    target labelled beside its marker; labels at one period pushed apart where they would overlap."""
    gap = span * (0.05 if style.font < 15 else 0.06)
    spacing = span * (0.075 if style.font < 15 else 0.095)
    series = sorted((label for label in labels if label[4] == "label"), key=lambda label: label[1])
    targets = sorted((label for label in labels if label[4] != "label"), key=lambda label: label[1])
    placed: dict[tuple[float, str], list[float]] = {}

    def put(label: tuple[float, float, str, Group, str], side: str) -> None:
        x, y, text, group, kind = label
        column = placed.setdefault((x, side), [])
        if side == "below":
            at = min(y - gap, column[-1] - spacing) if column else y - gap
            va, ha, dx = "top", "center", 0.0
        elif side == "above":
            at = max(y + gap, column[-1] + spacing) if column else y + gap
            va, ha, dx = "bottom", "center", 0.0
        else:
            at = max(y, column[-1] + spacing) if column else y
            va, ha, dx = "center", "left", 0.18
        column.append(at)
        ax.text(
            x + dx,
            at,
            text,
            va=va,
            ha=ha,
            fontsize=style.font,
            color=LOOKS[group].colour if kind == "label" else "#222222",
            fontweight="bold" if kind == "label" else "normal",
            gid=f"{kind}-{group.value}",
            zorder=5,
        )

    below = series[:1] if len(series) > 1 else []
    for label in reversed(below):
        put(label, "below")
    for label in series[len(below) :]:
        put(label, "above")
    for label in targets:
        put(label, "right")


def _series_words(indicator: Indicator, group: Group, language: str) -> str | None:
    unit = indicator.unit
    chart = chart_words(language)
    parts = []
    for figures in indicator.series:
        value = figures.value(group)
        if value is None:
            continue
        said = chart.measured_baseline if figures is indicator.baseline else chart.measured
        parts.append(said.format(value=with_unit(format_number(value, language), unit), period=figures.period))
    target = indicator.target.value(group) if indicator.target is not None else None
    if target is not None and indicator.target is not None:
        amount = with_unit(format_number(target, language), unit)
        parts.append(chart.target.format(value=amount, period=indicator.target.period))
    if not parts:
        return None
    return chart.series.format(group=group_word(group, language), values=", ".join(parts))


def alt_text(indicator: Indicator, language: str = "sv") -> str:
    """The chart in words, with every figure it shows: for screen readers and the minutes' PDF/UA alt text."""
    chart = chart_words(language)
    unit = indicator.unit.strip()
    head = chart.head_unit.format(text=indicator.text, unit=unit) if unit else chart.head.format(text=indicator.text)
    sentences = [head]
    for group in Group:
        said = _series_words(indicator, group, language)
        if said:
            sentences.append(said)
    summary = summarize(indicator)
    if summary.gaps:
        per = change_unit(unit, language)
        gaps = ", ".join(f"{with_unit(format_number(gap.gap, language), per)} ({gap.period})" for gap in summary.gaps)
        sentences.append(chart.gaps.format(gaps=gaps, trend=gap_word(summary.gap_trend, language)))
    if indicator.target is not None and summary.direction.value != "unknown":
        moved = direction_word(summary.direction, language)
        sentences.append(chart.moved.format(direction=moved))
    return " ".join(sentences)
