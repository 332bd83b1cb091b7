"""The spread of the personal assessments as printed in the minutes: SVG written directly, one figure a round.

The same picture as the screen's spread (:mod:`lardesk.charts.spread`): a row a scale, a dot a rating (equal
ratings stacked), the middle half as a band, the median as a bar, the joint assessment as a filled diamond, the
previous follow-up's median and joint as outlines, and "n av N" at the right. Drawn at the size it is printed
(text 8 pt or more), without matplotlib: the minutes' PDF needs no plotting library, so the first export in a
process is not spent importing one. Its words are in the alt text and the table beside it; the figure's own
come from the catalogue (:mod:`lardesk.charts.spread_words`, which imports no matplotlib).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from lardesk.charts.spread_words import spread_print_words, spread_words
from lardesk.method.guide import SCALE_MAX, SCALE_MIN, Guide
from lardesk.method.snapshot import SessionSnapshot

WIDTH = (210 - 44) * 72 / 25.4
"""The portrait text width (points)."""
LABEL = 150.0
COUNT = 44.0
ROW = 30.0
TOP = 6.0
FONT = 9.0
INK = "#1d232a"
MUTED = "#505a64"
DOT = "#1f4e79"
BAND = "#c6d8ee"
JOINT = "#e0661b"
STRIPE = "#f2f3f4"
STACK = 4
"""At most this many equal ratings are drawn as stacked dots; more are one larger dot with their count."""


def _text(x: float, y: float, text: str, *, size: float = FONT, anchor: str = "start", fill: str = INK) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}">{escape(text)}</text>'
    )


def _diamond(x: float, y: float, size: float, fill: str, stroke: str) -> str:
    return (
        f'<path d="M{x:.1f},{y - size:.1f} L{x + size:.1f},{y:.1f} L{x:.1f},{y + size:.1f} L{x - size:.1f},{y:.1f} Z" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="0.9"/>'
    )


def _triangle(x: float, y: float, size: float) -> str:
    return (
        f'<path d="M{x:.1f},{y - size:.1f} L{x + size:.1f},{y + size * 0.8:.1f} '
        f'L{x - size:.1f},{y + size * 0.8:.1f} Z" fill="white" stroke="{MUTED}" stroke-width="0.9"/>'
    )


def spread_svg(
    snapshot: SessionSnapshot, guide: Guide, round_: int, scales: tuple[int, ...], *, joint_round: dict[int, int]
) -> tuple[str, float, float]:
    """The spread of ``round_`` over ``scales`` as SVG; returns (svg, width, height) in points.

    ``joint_round`` says for each scale in which round its joint assessment is drawn (the last that rated it).
    """
    words, own = spread_words(guide.language), spread_print_words(guide.language)
    left, right = LABEL, WIDTH - COUNT
    span = right - left
    steps = SCALE_MAX - SCALE_MIN + 1

    def x(value: float) -> float:
        return left + (value - SCALE_MIN + 0.5) / steps * span

    previous = snapshot.previous if round_ == 1 else None
    out: list[str] = []
    stats = snapshot.stats(round_, scales)
    crowded = any(s.values.count(v) > STACK for s in stats for v in set(s.values))
    for index, scale_stats in enumerate(stats):
        top = TOP + index * ROW
        middle = top + ROW / 2 - 3
        if index % 2 == 0:
            out.append(f'<rect x="{left:.1f}" y="{top:.1f}" width="{span:.1f}" height="{ROW}" fill="{STRIPE}"/>')
        label = f"{scale_stats.scale} {guide.scale(scale_stats.scale).label}"
        out.append(_text(left - 8, middle + 3, label, anchor="end"))
        out.append(
            f'<line x1="{x(SCALE_MIN):.1f}" y1="{middle:.1f}" x2="{x(SCALE_MAX):.1f}" y2="{middle:.1f}" '
            f'stroke="#9aa3ab" stroke-width="0.8"/>'
        )
        quartiles = scale_stats.quartiles
        if quartiles is not None:
            low, high = quartiles
            out.append(
                f'<rect x="{x(low):.1f}" y="{middle - 8:.1f}" width="{max(x(high) - x(low), 1.5):.1f}" height="16" '
                f'fill="{BAND}"/>'
            )
        counts: dict[int, int] = {}
        for value in scale_stats.values:
            counts[value] = counts.get(value, 0) + 1
        for value, count in counts.items():
            if count <= STACK:  # a dot a rating, stacked
                for k in range(count):
                    offset = (k - (count - 1) / 2) * 5.5
                    out.append(
                        f'<circle cx="{x(value):.1f}" cy="{middle + offset:.1f}" r="4.2" fill="{DOT}" '
                        f'stroke="white" stroke-width="0.8"/>'
                    )
            else:  # more than the row can stack: one larger dot that says how many
                out.append(
                    f'<circle cx="{x(value):.1f}" cy="{middle:.1f}" r="7.5" fill="{DOT}" stroke="white" '
                    f'stroke-width="0.8"/>'
                )
                out.append(_text(x(value), middle + 3, str(count), size=8, anchor="middle", fill="white"))
        if scale_stats.median is not None:  # over the dots, so that it always shows
            out.append(
                f'<rect x="{x(scale_stats.median) - 1.5:.1f}" y="{middle - 10:.1f}" width="3" height="20" '
                f'fill="{INK}"/>'
            )
        history = previous.scale(scale_stats.scale) if previous is not None else None
        if history is not None and history.median is not None:
            out.append(_triangle(x(history.median), middle - 11, 3.6))  # above the line; the joint below
        if history is not None and history.joint is not None:
            out.append(_diamond(x(history.joint), middle + 11, 4.5, "white", MUTED))
        joint = snapshot.joint_for(scale_stats.scale)
        if joint is not None and joint_round.get(scale_stats.scale) == round_:
            out.append(_diamond(x(joint.value), middle + 9, 6.0, JOINT, "#5a2a0a"))
        count_text = words.count_of(scale_stats.n, scale_stats.present)
        out.append(_text(right + 6, middle + 3, count_text))
    axis = TOP + len(stats) * ROW
    for value in range(SCALE_MIN, SCALE_MAX + 1):
        out.append(
            f'<line x1="{x(value):.1f}" y1="{axis:.1f}" x2="{x(value):.1f}" y2="{axis + 3:.1f}" stroke="{MUTED}"/>'
        )
        out.append(_text(x(value), axis + 13, str(value), anchor="middle"))
    caption = f"{SCALE_MIN} = {guide.scale_low} · {SCALE_MAX} = {guide.scale_high}"
    out.append(_text((left + right) / 2, axis + 26, caption, size=8.5, anchor="middle", fill=MUTED))
    # The legend: what each mark means.
    legend_y = axis + 44

    def dot(mx: float, my: float) -> str:
        return f'<circle cx="{mx + 7:.1f}" cy="{my - 3:.1f}" r="4.2" fill="{DOT}"/>'

    def bar(mx: float, my: float) -> str:
        return f'<rect x="{mx + 5.5:.1f}" y="{my - 10:.1f}" width="3" height="14" fill="{INK}"/>'

    def band(mx: float, my: float) -> str:
        return f'<rect x="{mx:.1f}" y="{my - 8:.1f}" width="14" height="10" fill="{BAND}"/>'

    def joint_mark(mx: float, my: float) -> str:
        return _diamond(mx + 7, my - 3, 5.0, JOINT, "#5a2a0a")

    def previous_median(mx: float, my: float) -> str:
        return _triangle(mx + 7, my - 3, 4.0)

    def previous_joint(mx: float, my: float) -> str:
        return _diamond(mx + 7, my - 3, 4.5, "white", MUTED)

    def many(mx: float, my: float) -> str:
        return f'<circle cx="{mx + 7:.1f}" cy="{my - 3:.1f}" r="7.5" fill="{DOT}"/>' + _text(
            mx + 7, my, "7", size=8, anchor="middle", fill="white"
        )

    marks = [(dot, words.value), (bar, words.median), (band, words.iqr), (joint_mark, own.joint)]
    if crowded:
        marks.insert(1, (many, own.many))
    if previous is not None:
        marks += [(previous_median, own.previous_median), (previous_joint, own.previous_joint)]
    per_row = 4 if previous is None else 3
    column_width = (WIDTH - 20) / per_row
    for index, (draw, label) in enumerate(marks):
        row, column = divmod(index, per_row)
        mx, my = 20 + column * column_width, legend_y + row * 16
        out.append(draw(mx, my))
        out.append(_text(mx + 20, my, label, size=8.5))
    height = legend_y + ((len(marks) - 1) // per_row) * 16 + 8
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH:.1f}pt" height="{height:.1f}pt" '
        f'viewBox="0 0 {WIDTH:.1f} {height:.1f}" font-family="DejaVu Sans">{"".join(out)}</svg>'
    )
    return svg, WIDTH, height


__all__ = ["spread_svg"]
