"""The spread of the personal assessments: one Figure builder for the screen, the projector and the PDF.

Per agreed scale a 1–10 line with every individual value as a dot (equal values stacked, never hidden),
the median as a thick bar, the interquartile range as a band, the agreed joint value as a large filled
diamond below the line, and last year's median and joint value as faint hollow markers beside it. "n av N"
stands beside each line. Shapes, not colours, tell the markers apart; a legend names them.

Before the facilitator reveals a round, the figure shows only how many have rated (filled and hollow
rings, in no particular order), never a value.

Artists carry stable ids (``gid``) so tests and other code can find them: ``values-<scale>`` (the dots,
x = the value), ``median-<scale>``, ``iqr-<scale>``, ``joint-<scale>``, ``previous-median-<scale>``,
``previous-joint-<scale>``, ``count-<scale>`` (the "n av N" text), ``progress-<scale>`` (hidden mode)
and ``name-<scale>`` (names beside dots, open mode only).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text
from matplotlib.textpath import text_to_path
from matplotlib.transforms import Bbox, blended_transform_factory

from lardesk.charts.spread_words import SpreadWords, legend_labels, spread_words
from lardesk.method.guide import SCALE_MAX, SCALE_MIN, Guide
from lardesk.method.snapshot import Anonymity, PreviousSession, SessionSnapshot
from lardesk.method.stats import most_divided_first, number

# Colours are a second cue only: every marker also differs in shape (and filled vs hollow).
DOT = "#1f4e79"
BAND = "#c9dcef"
MEDIAN = "#111111"
JOINT = "#d95f02"
PREVIOUS = "#7a7a7a"
LINE = "#9a9a9a"

ROW_TOP = 0.58
"""How far above its line a row's stacked dots may reach (in rows)."""
MARKER_Y = -0.17
"""Where the joint and last year's markers sit, below the line (in rows); with their sizes they stay inside
the row's band (-0.37 to 0.63), which is what a one-row redraw restores."""


def decimal(value: float | None, language: str) -> str:
    """7.0 → "7", 5.5 → "5,5" in Swedish ("5.5" in English)."""
    text = str(number(value)) if value is not None else "–"
    return text.replace(".", ",") if language == "sv" else text


@dataclass(frozen=True, slots=True)
class Style:
    font: float
    width: float
    row_height: float
    line_width: float
    dot_factor: float
    """Dot diameter per stacking step: above 1 the dots of a stack overlap a little (white rims keep them
    countable) and read better from a distance."""

    @classmethod
    def of(cls, projector: bool, height_in: float | None = None) -> Style:
        """The laptop's or the projector's style; the projector's type and lines follow its height (inches of a
        figure of ``height_in``), so that a 1280 × 720 projector shows the same picture as a 1920 × 1080 one
        and its labels do not take the room the dots need."""
        if projector:
            scale = 1.0 if height_in is None else max(PROJECTOR_SMALLEST, min(1.0, height_in / PROJECTOR_FULL_IN))
            return cls(font=22.0 * scale, width=19.2, row_height=1.0, line_width=2.5 * scale, dot_factor=1.35)
        return cls(font=11.0, width=7.5, row_height=0.46, line_width=1.5, dot_factor=1.12)


PROJECTOR_FULL_IN = 9.0
"""The height (inches at the canvas's 100 dpi) from which the projector's type has its full size (1080 lines)."""
PROJECTOR_SMALLEST = 0.6


def divided_order(snapshot: SessionSnapshot, round_: int = 1) -> list[int]:
    """The agreed scales, those where views differ most first (interquartile range, then range)."""
    return [s.scale for s in most_divided_first(snapshot.stats(round_, snapshot.session.agreed_sections))]


def names_allowed(snapshot: SessionSnapshot, show_names: bool) -> bool:
    """Names beside values only when asked for and the group chose open mode."""
    return show_names and snapshot.session.anonymity is Anonymity.OPEN


def _scales(snapshot: SessionSnapshot, order: Sequence[int] | None) -> list[int]:
    agreed = snapshot.session.agreed_sections
    if order is None:
        return list(agreed)
    return [scale for scale in order if scale in agreed]


def spread_figure(
    snapshot: SessionSnapshot,
    guide: Guide,
    *,
    round_: int = 1,
    revealed: bool = True,
    order: Sequence[int] | None = None,
    projector: bool = False,
    show_names: bool = False,
    figure: Figure | None = None,
) -> Figure:
    """The spread of ``round_``: a new Figure, or ``figure`` cleared and drawn again.

    ``order`` lists the scales top to bottom (default: the agreed scales in the guide's order; scales not
    agreed are left out). ``show_names`` has an effect only in open mode.
    """
    plot = SpreadPlot(guide, projector=projector, figure=figure)
    plot.show(snapshot, round_=round_, revealed=revealed, order=order, show_names=show_names)
    return plot.figure


@dataclass(frozen=True, slots=True)
class _Layout:
    """What the static part of the figure depends on: when it changes, the figure is built again."""

    scales: tuple[int, ...]
    revealed: bool
    names: bool
    previous: bool
    size: tuple[float, float]


@dataclass(slots=True)
class _Row:
    scale: int
    base: float
    values: PathCollection
    median: Line2D
    iqr: Rectangle
    joint: PathCollection
    previous_median: PathCollection
    previous_joint: PathCollection
    count: Text
    progress: PathCollection
    state: object = None
    """What the artists show now; a row whose state is unchanged is not touched (nor redrawn)."""

    def artists(self) -> list[Artist]:
        """The row's data artists that have something to draw, in drawing order."""
        candidates: list[Artist] = [
            self.iqr,
            self.values,
            self.median,
            self.previous_median,
            self.previous_joint,
            self.joint,
            self.progress,
            self.count,
        ]
        return [
            a
            for a in candidates
            if a.get_visible() and not (isinstance(a, PathCollection) and np.asarray(a.get_offsets()).shape[0] == 0)
        ]


class SpreadPlot:
    """The spread on one Figure, kept between changes: :meth:`show` moves only the artists that depend on
    the ratings when the layout (scales, order, reveal, names, size) stays the same, so a screen can redraw
    them alone (blitting) when one rating changes. With ``animated=True`` those artists are left out of a
    full draw (the canvas draws them itself); keep the default for files.
    """

    def __init__(
        self, guide: Guide, *, projector: bool = False, figure: Figure | None = None, animated: bool = False
    ) -> None:
        self.guide = guide
        self.style = Style.of(projector)
        self.projector = projector
        self.animated = animated
        self.figure = figure if figure is not None else Figure(dpi=100)
        self._sized = figure is not None
        self._layout: _Layout | None = None
        self._rows: list[_Row] = []
        self._ax: Axes | None = None
        self._pts_per_y = 1.0
        self._pts_per_x = 1.0
        self.changed: list[int] = []
        """The scales whose artists the last show() changed (all of them after a rebuild)."""

    # -- public ---------------------------------------------------------------------------------------------
    def show(
        self,
        snapshot: SessionSnapshot,
        *,
        round_: int = 1,
        revealed: bool = True,
        order: Sequence[int] | None = None,
        show_names: bool = False,
    ) -> bool:
        """Show ``snapshot``; True when the whole figure was built again (else only the data artists moved)."""
        scales = _scales(snapshot, order)
        names = names_allowed(snapshot, show_names) and revealed  # a name sits at its value: never before the reveal
        if not self._sized:
            rows = max(len(scales), 1)
            height = 9.6 if self.projector else self.style.row_height * rows + 1.7
            self.figure.set_size_inches(self.style.width, height)
            self._sized = True
        size = tuple(round(float(v), 2) for v in self.figure.get_size_inches())
        if self.projector:
            self.style = Style.of(True, size[1])
        layout = _Layout(tuple(scales), revealed, names, snapshot.previous is not None, (size[0], size[1]))
        rebuilt = layout != self._layout or names
        if rebuilt:
            self._build(snapshot, layout)
        self.changed = self._update(snapshot, round_, revealed)
        if names:
            self._draw_names(snapshot, round_)
        return rebuilt

    def invalidate_data(self) -> None:
        """Set every row's artists again on the next show() (keeping the layout)."""
        for row in self._rows:
            row.state = None

    def invalidate(self) -> None:
        """Build everything again on the next show() (e.g. after the canvas changed size)."""
        self._layout = None

    def dynamic_artists(self, scales: Sequence[int] | None = None) -> list[Artist]:
        """The artists that show() moves without a rebuild (of ``scales``, default all), in drawing order."""
        artists: list[Artist] = []
        for row in self._rows:
            if scales is None or row.scale in scales:
                artists += row.artists()
        return artists

    def row_bbox(self, scale: int) -> Bbox:
        """The band of the figure (display pixels, full width) that one scale's row covers."""
        assert self._ax is not None
        for row in self._rows:
            if row.scale == scale:
                bottom = self._ax.transData.transform((0, row.base - 0.37))[1]
                top = self._ax.transData.transform((0, row.base + 0.63))[1]
                box = self.figure.bbox
                return Bbox.from_extents(box.x0, max(bottom - 1, box.y0), box.x1, min(top + 1, box.y1))
        raise KeyError(scale)

    def redraw_changed(self, canvas: FigureCanvasAgg, background: Any) -> None:
        """Redraw only the rows the last show() changed, over ``background`` (``canvas.copy_from_bbox`` of the
        figure after a full draw with animated artists), and blit them: the fast path after one rating."""
        assert self._ax is not None
        # restore_region speaks Agg's pixels (origin top left, y down) relative to the saved region, whose own
        # top left corner ``xy`` is; figure boxes are display pixels (origin bottom left, y up)
        height = self.figure.bbox.height
        origin_x, origin_y, _, _ = background.get_extents()
        for scale in self.changed:
            box = self.row_bbox(scale)
            rows = (math.floor(box.x0), math.floor(height - box.y1), math.ceil(box.x1), math.ceil(height - box.y0))
            canvas.restore_region(background, bbox=rows, xy=(origin_x, origin_y))  # type: ignore[no-untyped-call]
        for artist in self.dynamic_artists(self.changed):
            self.figure.draw_artist(artist)
        for scale in self.changed:
            canvas.blit(self.row_bbox(scale))

    @property
    def axes(self) -> Axes | None:
        return self._ax

    # -- building -------------------------------------------------------------------------------------------
    def _build(self, snapshot: SessionSnapshot, layout: _Layout) -> None:
        figure, guide, style = self.figure, self.guide, self.style
        figure.clear()
        figure.set_facecolor("white")
        scales = list(layout.scales)
        rows = max(len(scales), 1)
        words = spread_words(guide.language)
        legend = legend_labels(guide.language, snapshot)
        ax = figure.add_subplot()
        self._ax = ax
        baselines = {scale: float(rows - 1 - index) for index, scale in enumerate(scales)}
        columns = _legend_columns(figure, legend, style) if layout.revealed else 1
        legend_rows = -(-len(legend) // columns) if layout.revealed else 1
        labels = scale_labels(figure, guide, scales, style)
        _layout(figure, labels, style, legend_rows, count=words.count_of(15, 15), top_labels=self.projector)
        ax.set_xlim(SCALE_MIN - 0.6, SCALE_MAX + 0.6)
        ax.set_ylim(-0.37, rows - 1 + 0.63)
        # before the reveal, no value axis: the rings that count who has rated must not read as values
        ax.set_xticks(range(SCALE_MIN, SCALE_MAX + 1) if layout.revealed else [])
        ax.set_yticks([baselines[s] for s in scales], labels=labels, fontsize=style.font, linespacing=1.0)
        ax.tick_params(axis="x", labelsize=style.font, length=0, labeltop=self.projector)
        ax.tick_params(axis="y", length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        for index, scale in enumerate(scales):
            if index % 2 == 0:
                ax.axhspan(baselines[scale] - 0.37, baselines[scale] + 0.63, color="#f3f3f3", zorder=0, linewidth=0)
        if layout.revealed:
            for x in range(SCALE_MIN, SCALE_MAX + 1):
                ax.axvline(x, color="#e2e2e2", linewidth=1, zorder=0.5)
            for scale in scales:
                ax.plot(
                    [SCALE_MIN, SCALE_MAX], [baselines[scale]] * 2, color=LINE, linewidth=style.line_width, zorder=1
                )
            ax.set_xlabel(f"1 = {guide.scale_low}    ·    10 = {guide.scale_high}", fontsize=style.font * 0.85)
        self._pts_per_y = _axes_height_pts(figure, ax) / rows
        self._pts_per_x = _axes_width_pts(figure, ax) / (SCALE_MAX - SCALE_MIN + 1.2)
        right = blended_transform_factory(ax.transAxes, ax.transData)
        animated = self.animated
        self._rows = []
        for scale in scales:
            base = baselines[scale]

            def empty(marker: str, zorder: float, gid: str, **kw: Any) -> PathCollection:
                return ax.scatter([], [], marker=marker, zorder=zorder, gid=gid, animated=animated, **kw)

            marker = min(0.27 * self._pts_per_y, style.font * 1.7)
            iqr = Rectangle(
                (0, base - 0.04),
                0,
                ROW_TOP + 0.04,
                facecolor=BAND,
                edgecolor="none",
                zorder=1.5,
                gid=f"iqr-{scale}",
                animated=animated,
            )
            ax.add_patch(iqr)
            row = _Row(
                scale=scale,
                base=base,
                iqr=iqr,
                median=ax.plot(
                    [],
                    [],
                    color=MEDIAN,
                    linewidth=style.line_width * 2.2,
                    solid_capstyle="butt",
                    zorder=3.5,
                    gid=f"median-{scale}",
                    animated=animated,
                )[0],
                values=empty("o", 3, f"values-{scale}", facecolor=DOT, edgecolor="white"),
                previous_median=empty(
                    "^",
                    2.5,
                    f"previous-median-{scale}",
                    s=marker**2,
                    facecolor="none",
                    edgecolor=PREVIOUS,
                    linewidth=style.line_width,
                    alpha=0.8,
                ),
                previous_joint=empty(
                    "D",
                    2.6,
                    f"previous-joint-{scale}",
                    s=(marker * 1.4) ** 2,
                    facecolor="none",
                    edgecolor=PREVIOUS,
                    linewidth=style.line_width,
                    linestyle="--",
                    alpha=0.8,
                ),
                joint=empty(
                    "D",
                    4,
                    f"joint-{scale}",
                    s=(marker * 1.3) ** 2,
                    facecolor=JOINT,
                    edgecolor=MEDIAN,
                    linewidth=style.line_width * 0.8,
                ),
                progress=empty("o", 3, f"progress-{scale}", edgecolor="#333333", linewidth=style.line_width),
                count=ax.text(
                    1.01,
                    base,
                    "",
                    transform=right,
                    ha="left",
                    va="center",
                    fontsize=style.font,
                    gid=f"count-{scale}",
                    clip_on=False,
                    animated=animated,
                ),
            )
            self._rows.append(row)
        _legend(figure, legend, words, style, revealed=layout.revealed, columns=columns)
        self._layout = layout

    # -- the data -------------------------------------------------------------------------------------------
    def _update(self, snapshot: SessionSnapshot, round_: int, revealed: bool) -> list[int]:
        stats = {s.scale: s for s in snapshot.stats(round_, [row.scale for row in self._rows])}
        words = spread_words(self.guide.language)
        tallest = max((max(s.counts().values()) for s in stats.values() if s.values), default=1)
        step = min(0.3, (ROW_TOP - 0.06) / tallest)
        dot = min(step * self._pts_per_y * self.style.dot_factor, 0.85 * self._pts_per_x)
        present_ids = {p.id for p in snapshot.present}
        answered: dict[int, int] = {}  # before the reveal an abstention counts as rated, as the grid's ● says
        for rating in snapshot.ratings_in(round_):
            if rating.participant_id in present_ids:
                answered[rating.scale] = answered.get(rating.scale, 0) + 1
        changed = []
        for row in self._rows:
            s = stats[row.scale]
            previous = snapshot.previous.scale(row.scale) if snapshot.previous is not None else None
            joint = snapshot.joint_for(row.scale)
            rated = answered.get(row.scale, 0) if not revealed else s.n
            state = (revealed, s.values, s.present, dot, previous, joint.value if joint else None, rated)
            if state == row.state:
                continue
            row.state = state
            changed.append(row.scale)
            row.count.set_text(words.count_of(rated, s.present))
            if not revealed:
                self._hide(row)
                present = max(s.present, 1)
                gap = min(0.5, 8.0 / present)
                start = 5.5 - gap * (present - 1) / 2
                size = min(0.45 * self._pts_per_y, 0.8 * gap * self._pts_per_x)
                row.progress.set_offsets(_points([(start + gap * i, row.base + 0.25) for i in range(s.present)]))
                row.progress.set_sizes([size**2])
                row.progress.set_facecolor(["#333333" if i < rated else "white" for i in range(s.present)])
                continue
            row.progress.set_offsets(_points([]))
            points = _stacked(s.values, row.base, step)
            row.values.set_offsets(_points(points))
            row.values.set_sizes([dot**2])
            row.values.set_linewidth(max(dot / 12, 0.6))
            quartiles = s.quartiles
            row.iqr.set_visible(quartiles is not None)
            if quartiles is not None:
                row.iqr.set_x(quartiles[0] - 0.04)
                row.iqr.set_width(quartiles[1] - quartiles[0] + 0.08)
            if s.median is not None:
                row.median.set_data([s.median, s.median], [row.base - 0.1, row.base + ROW_TOP])
            else:
                row.median.set_data([], [])
            y = row.base + MARKER_Y
            last_median = previous.median if previous is not None else None
            last_joint = previous.joint if previous is not None else None
            row.previous_median.set_offsets(_points([(last_median, y)] if last_median is not None else []))
            row.previous_joint.set_offsets(_points([(last_joint, y)] if last_joint is not None else []))
            row.joint.set_offsets(_points([(joint.value, y)] if joint is not None else []))
        return changed

    @staticmethod
    def _hide(row: _Row) -> None:
        for collection in (row.values, row.joint, row.previous_median, row.previous_joint):
            collection.set_offsets(_points([]))
        row.median.set_data([], [])
        row.iqr.set_visible(False)

    def _draw_names(self, snapshot: SessionSnapshot, round_: int) -> None:
        assert self._ax is not None
        labels = {p.id: p.label(True) for p in snapshot.participants}
        stats = {s.scale: s for s in snapshot.stats(round_, [row.scale for row in self._rows])}
        tallest = max((max(s.counts().values()) for s in stats.values() if s.values), default=1)
        step = min(0.3, (ROW_TOP - 0.06) / tallest)
        for row in self._rows:
            values = _values_with_ids(snapshot, row.scale, round_)
            points = _stacked([v for v, _ in values], row.base, step)
            for (x, y), (_, pid) in zip(points, values, strict=True):
                self._ax.text(
                    x + 0.14,
                    y,
                    labels.get(pid, ""),
                    fontsize=self.style.font * 0.6,
                    va="center",
                    ha="left",
                    color="#333333",
                    zorder=5,
                    gid=f"name-{row.scale}",
                )


def _points(points: Sequence[tuple[float, float]]) -> np.ndarray[Any, np.dtype[np.float64]]:
    return np.asarray(points, dtype=float).reshape(-1, 2)


def _text_width_in(text: str, font: float) -> float:
    """The width of one line of ``text`` at ``font`` points, in inches (matplotlib's own font metrics)."""
    width, _height, _descent = text_to_path.get_text_width_height_descent(text, FontProperties(size=font), ismath=False)
    return float(width) / 72


def _legend_columns(figure: Figure, labels: Sequence[str], style: Style) -> int:
    """All the legend's entries on one line when they fit the width, else on two or three lines."""
    font = style.font * 0.85
    width = figure.get_size_inches()[0] * 0.96
    for lines in (1, 2, 3):
        columns = -(-len(labels) // lines)
        widest = max(_text_width_in(label, font) for label in labels) + 4 * font / 72
        if columns * widest <= width or lines == 3:
            return columns
    return len(labels)


LABEL_SHARE = 0.42
"""The largest share of the figure's width the scales' names may take; a longer name goes on two lines."""


def scale_labels(figure: Figure, guide: Guide, scales: Sequence[int], style: Style) -> list[str]:
    """The rows' names ("4  Förmedlande instanser"), each broken at a space onto two lines when one line would
    take more than ``LABEL_SHARE`` of the figure's width (a narrow window), so that no name is cut."""
    room = LABEL_SHARE * figure.get_size_inches()[0] - 0.25
    labels = []
    for scale in scales:
        label = f"{scale}  {guide.scale(scale).label}"
        if _text_width_in(label, style.font) > room and " " in label.strip():
            head, name = label.split("  ", 1)
            cut = min((i for i, c in enumerate(name) if c == " "), key=lambda i: abs(i - len(name) / 2), default=-1)
            if cut > 0:
                label = f"{head}  {name[:cut]}\n{name[cut + 1 :]}"
        labels.append(label)
    return labels


def _layout(
    figure: Figure, labels: Sequence[str], style: Style, legend_rows: int = 1, *, count: str, top_labels: bool = False
) -> None:
    """Margins from the text sizes (cheaper per redraw than a layout engine, and stable between redraws);
    ``count`` is the widest "n av N" a row may show; ``top_labels``: the values 1–10 above the rows too (the
    projector)."""
    width, height = figure.get_size_inches()
    longest = max((_text_width_in(line, style.font) for label in labels for line in label.split("\n")), default=1.0)
    left = (longest + 0.25) / width
    right = 1 - (_text_width_in(count, style.font) + 0.25) / width
    top = 1 - (style.font * (2.4 if top_labels else 0.6) / 72) / height
    bottom = (style.font * (4.2 + 1.4 * legend_rows) / 72) / height
    figure.subplots_adjust(left=min(left, 0.45), right=max(right, 0.55), top=top, bottom=min(bottom, 0.45))


def _axes_height_pts(figure: Figure, ax: Axes) -> float:
    return float(ax.get_position().height * figure.get_size_inches()[1] * 72)


def _axes_width_pts(figure: Figure, ax: Axes) -> float:
    return float(ax.get_position().width * figure.get_size_inches()[0] * 72)


def _values_with_ids(snapshot: SessionSnapshot, scale: int, round_: int) -> list[tuple[int, int]]:
    present = {p.id for p in snapshot.present}
    return sorted(
        (r.value, r.participant_id)
        for r in snapshot.ratings_in(round_)
        if r.scale == scale and r.value is not None and r.participant_id in present
    )


def _stacked(values: Sequence[int], base: float, step: float) -> list[tuple[float, float]]:
    seen: dict[int, int] = {}
    points = []
    for value in values:
        k = seen.get(value, 0)
        seen[value] = k + 1
        points.append((float(value), base + 0.05 + step * (k + 0.5)))
    return points


def _legend(
    figure: Figure, labels: Sequence[str], words: SpreadWords, style: Style, *, revealed: bool, columns: int
) -> None:
    """The legend: ``labels`` name the four marks and, when there are six, the previous follow-up's two."""
    if not revealed:
        figure.text(0.5, 0.012, words.hidden, ha="center", va="bottom", fontsize=style.font * 0.9, color="#333333")
        return
    size = style.font * 0.9
    handles: list[Line2D | Patch] = [
        Line2D([], [], marker="o", linestyle="none", color=DOT, markersize=size),
        Line2D(
            [],
            [],
            marker="|",
            linestyle="none",
            color=MEDIAN,
            markersize=size * 1.3,
            markeredgewidth=3,
        ),
        Patch(facecolor=BAND, edgecolor="none"),
        Line2D(
            [],
            [],
            marker="D",
            linestyle="none",
            markerfacecolor=JOINT,
            markeredgecolor=MEDIAN,
            markersize=size,
        ),
    ]
    if len(labels) > len(handles):
        handles += [
            Line2D(
                [],
                [],
                marker="^",
                linestyle="none",
                markerfacecolor="none",
                markeredgecolor=PREVIOUS,
                markersize=size,
            ),
            Line2D(
                [],
                [],
                marker="D",
                linestyle="none",
                markerfacecolor="none",
                markeredgecolor=PREVIOUS,
                markersize=size,
            ),
        ]
    for handle, label in zip(handles, labels, strict=True):
        handle.set_label(label)
    figure.legend(
        handles=handles,
        loc="lower center",
        ncol=columns,
        fontsize=style.font * 0.85,
        frameon=False,
        bbox_to_anchor=(0.5, 0.0),
        handletextpad=0.3,
        columnspacing=1.2,
    )


# -- history ------------------------------------------------------------------------------------------------


def history_figure(
    sessions: Sequence[PreviousSession],
    guide: Guide,
    *,
    scales: Sequence[int] | None = None,
    projector: bool = False,
    figure: Figure | None = None,
) -> Figure:
    """Each scale's median, range (min–max) and joint value across an organisation's sessions, oldest first.

    One small panel per scale; x = the sessions (period, or the date), y = 1–10. Ids: ``history-median-<scale>``
    (a line through the medians; sessions without ratings are left out), ``history-range-<scale>``
    and ``history-joint-<scale>``.
    """
    style = Style.of(projector)
    chosen = list(scales) if scales is not None else [s.number for s in guide.scales]
    words = spread_words(guide.language)
    ordered = sorted(sessions, key=lambda s: (s.date, s.id))
    if figure is None:
        figure = Figure(figsize=(style.width, 9.6 if projector else 7.5), dpi=100)
    else:
        figure.clear()
    figure.set_facecolor("white")
    columns = 3 if len(chosen) > 4 else max(len(chosen), 1)
    rows_n = max((len(chosen) + columns - 1) // columns, 1)
    axes = figure.subplots(rows_n, columns, squeeze=False, sharex=True, sharey=True)
    labels = [s.period or s.date.isoformat() for s in ordered]
    xs = list(range(len(ordered)))
    for index, ax in enumerate(axes.flat):
        if index >= len(chosen):
            ax.set_visible(False)
            continue
        scale = chosen[index]
        label = guide.scale(scale).label
        if len(label) > 14 and not projector:
            label = label.replace(" ", "\n", 1)
        ax.set_title(f"{scale} {label}", fontsize=style.font * 0.9, loc="left")
        ax.set_ylim(SCALE_MIN - 0.5, SCALE_MAX + 0.5)
        ax.set_yticks([1, 5, 10])
        ax.set_xlim(-0.5, max(len(ordered) - 0.5, 0.5))
        ax.set_xticks(xs, labels=labels, fontsize=style.font * 0.8)
        ax.tick_params(axis="y", labelsize=style.font * 0.8)
        ax.grid(axis="y", color="#e6e6e6")
        med_x, med_y, joint_x, joint_y = [], [], [], []
        lows, highs, range_x = [], [], []
        for x, session in zip(xs, ordered, strict=True):
            history = session.scale(scale)
            if history is None:
                continue
            if history.median is not None:
                med_x.append(x)
                med_y.append(history.median)
            if history.minimum is not None and history.maximum is not None:
                range_x.append(x)
                lows.append(history.minimum)
                highs.append(history.maximum)
            if history.joint is not None:
                joint_x.append(x)
                joint_y.append(history.joint)
        ax.vlines(range_x, lows, highs, color=BAND, linewidth=style.line_width * 5, gid=f"history-range-{scale}")
        ax.plot(med_x, med_y, marker="o", color=DOT, linewidth=style.line_width, gid=f"history-median-{scale}")
        ax.scatter(
            joint_x,
            joint_y,
            marker="D",
            s=(style.font * 0.9) ** 2,
            facecolor=JOINT,
            edgecolor=MEDIAN,
            zorder=4,
            gid=f"history-joint-{scale}",
        )
        for x, y in zip(med_x, med_y, strict=True):
            ax.annotate(
                decimal(y, guide.language),
                (x, y),
                textcoords="offset points",
                xytext=(6, 4),
                fontsize=style.font * 0.75,
            )
    handles: list[Line2D | Patch] = [
        Line2D([], [], marker="o", color=DOT, label=words.median_label),
        Patch(facecolor=BAND, label=words.range_label),
        Line2D([], [], marker="D", linestyle="none", markerfacecolor=JOINT, markeredgecolor=MEDIAN, label=words.joint),
    ]
    figure.legend(handles=handles, loc="lower center", ncol=3, frameon=False, fontsize=style.font * 0.85)
    figure.subplots_adjust(left=0.06, right=0.98, top=0.94, bottom=0.12, hspace=0.6, wspace=0.08)
    return figure
