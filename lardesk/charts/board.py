"""The program-logic board as a static drawing: for the minutes (PDF), and PNG/SVG without Qt.

Columns left to right as in the guide's figures (starting points, resources, activities, results,
mediating instances, effects), each item a card with its key, status, wrapped text and outcome note;
links as curved arrows from the supporting item to the supported one (a mediating instance's arrow runs
leftwards to the result it carries on, dashed). Gaps are marked on the card itself in three ways that do
not depend on colour: a dashed border, a "⚠ G1" tag, and hatching; status findings carry an "! S1" tag.

Artists carry stable ids (``gid``): ``column-<kind>``, ``header-<kind>``, ``item-<key>``, ``text-<key>``,
``mark-<key>-<code>`` and ``link-<source key>-<target key>``.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle
from matplotlib.path import Path

from lardesk.charts.palette import FOCUS_BAND_COLOUR as HIGHLIGHT
from lardesk.charts.palette import GAP_COLOUR as GAP
from lardesk.charts.palette import KIND_TINT as TINT
from lardesk.charts.palette import LINK_COLOUR, PLURAL
from lardesk.charts.palette import STATUS_FINDING_COLOUR as STATUS_MARK
from lardesk.charts.palette import STATUS_SYMBOL as SYMBOL
from lardesk.method.guide import Guide
from lardesk.method.logic import BOARD_ORDER, ItemKind
from lardesk.method.money import kronor
from lardesk.method.snapshot import ItemInfo, SessionSnapshot

# sizes in points (1/72 inch)
MARGIN = 10.0
HEADER = 30.0
GUTTER = 22.0
SPACING = 7.0
PAD = 4.5
NARROW = 86.0
CHAR_WIDTH = 0.56
"""The average width of a character of DejaVu Sans, in ems (for wrapping)."""


@dataclass
class _Card:
    item: ItemInfo
    x: float
    y: float
    width: float
    header: str
    lines: list[str]
    note: list[str]
    marks: list[tuple[str, str]]
    """(text, style) with style "gap", "status" or "tag"."""
    height: float = 0.0
    left: list[tuple[int, int]] = field(default_factory=list)
    right: list[tuple[int, int]] = field(default_factory=list)


def _wrap(text: str, width: float, size: float) -> list[str]:
    chars = max(8, int(width / (size * CHAR_WIDTH)))
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(paragraph, chars, break_long_words=True, break_on_hyphens=True) or [""]
    return lines


def _kroner(value: float | None, language: str = "sv") -> str:
    return kronor(value, language)


def board_figure(
    snapshot: SessionSnapshot,
    guide: Guide,
    *,
    highlight: ItemKind | None = None,
    width_in: float = 11.0,
    font_size: float = 6.5,
) -> Figure:
    """The board of ``snapshot`` ``width_in`` inches wide (as tall as its longest column needs)."""
    size = font_size
    line = size * 1.4
    small = size * 0.9
    total = width_in * 72.0
    columns = {kind: sorted(snapshot.items_of(kind), key=lambda i: (i.position, i.id)) for kind in BOARD_ORDER}
    narrow = not columns[ItemKind.STARTING_POINT]
    wide = (total - 2 * MARGIN - (NARROW if narrow else 0.0)) / (len(BOARD_ORDER) - (1 if narrow else 0))
    col_x: dict[ItemKind, float] = {}
    col_w: dict[ItemKind, float] = {}
    x = MARGIN
    for kind in BOARD_ORDER:
        col_x[kind], col_w[kind] = x, NARROW if narrow and kind is ItemKind.STARTING_POINT else wide
        x += col_w[kind]
    codes: dict[int, list[str]] = {}
    for finding in snapshot.findings:
        codes.setdefault(finding.item_id, []).append(finding.code)

    cards: dict[int, _Card] = {}
    bottom = MARGIN + HEADER
    for kind in BOARD_ORDER:
        y = MARGIN + HEADER
        width = col_w[kind] - GUTTER
        for item in columns[kind]:
            inner = width - 2 * PAD
            status = f"{SYMBOL.get(item.status, '')} {guide.term(item.status)}" if item.status else ""
            marks = [(f"⚠ {c}", "gap") for c in codes.get(item.id, []) if c.startswith("G")]
            marks += [(f"! {c}", "status") for c in codes.get(item.id, []) if c.startswith("S")]
            if item.carried_over:
                marks.append((f"↻ {guide.term('carried_over')}", "tag"))
            if item.unexpected:
                marks.append((f"✱ {guide.term('unexpected')}", "tag"))
            if kind is ItemKind.RESOURCE and (item.budget_sek is not None or item.spent_sek is not None):
                amounts = f"{_kroner(item.budget_sek, guide.language)} / {_kroner(item.spent_sek, guide.language)}"
                marks.append((amounts, "tag"))
            card = _Card(
                item,
                col_x[kind] + GUTTER / 2,
                y,
                width,
                f"{item.key}  {status}".strip(),
                _wrap(item.text, inner, size),
                _wrap(item.outcome, inner, small) if item.outcome.strip() else [],
                marks,
            )
            mark_rows = _mark_rows(card, small)
            card.height = PAD + line + len(card.lines) * line + len(card.note) * small * 1.4
            card.height += mark_rows * (small * 1.9) + PAD + (2.0 if mark_rows else 0.0)
            cards[item.id] = card
            y += card.height + SPACING
        bottom = max(bottom, y)
    height = bottom + MARGIN

    figure = Figure(figsize=(width_in, height / 72.0))
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_xlim(0, total)
    axes.set_ylim(height, 0)
    axes.set_axis_off()

    for index, kind in enumerate(BOARD_ORDER):
        focus = kind is highlight
        band = Rectangle(
            (col_x[kind] + 2, MARGIN - 4),
            col_w[kind] - 4,
            height - MARGIN,
            facecolor=HIGHLIGHT if focus else ("#f5f6f7" if index % 2 else "#fbfbfc"),
            edgecolor="#8d6e00" if focus else "none",
            linewidth=1.6 if focus else 0,
            zorder=0,
        )
        band.set_gid(f"column-{kind.value}")
        axes.add_artist(band)
        title = f"{'▶ ' if focus else ''}{guide.term(PLURAL[kind])} ({len(columns[kind])})"
        header = axes.text(
            col_x[kind] + 6,
            MARGIN + 2,
            "\n".join(_wrap(title, col_w[kind] - 10, size * 1.2)[:2]),
            fontsize=size * 1.2,
            fontweight="bold",
            va="top",
            ha="left",
            zorder=4,
        )
        header.set_gid(f"header-{kind.value}")

    _arrows(axes, snapshot, cards)
    for card in cards.values():
        _draw_card(axes, card, size, line, small, dimmed=highlight is not None and card.item.kind is not highlight)
    return figure


def _mark_rows(card: _Card, small: float) -> int:
    if not card.marks:
        return 0
    rows, used = 1, 0.0
    for text, _style in card.marks:
        width = len(text) * small * CHAR_WIDTH + 6
        if used and used + width > card.width - 2 * PAD:
            rows, used = rows + 1, 0.0
        used += width + 3
    return rows


def _draw_card(axes: Axes, card: _Card, size: float, line: float, small: float, *, dimmed: bool) -> None:
    item = card.item
    gap = any(style == "gap" for _text, style in card.marks)
    alpha = 0.55 if dimmed else 1.0
    if gap:  # light hatching behind the text: a gap shows even in grey print
        hatching = FancyBboxPatch(
            (card.x, card.y),
            card.width,
            card.height,
            boxstyle="round,pad=0,rounding_size=3",
            facecolor="#fff5f5",
            edgecolor="#efb3ba",
            linewidth=0,
            hatch="///",
            zorder=4.9,
            alpha=alpha,
        )
        axes.add_artist(hatching)
    box = FancyBboxPatch(
        (card.x, card.y),
        card.width,
        card.height,
        boxstyle="round,pad=0,rounding_size=3",
        facecolor="none" if gap else TINT[item.kind],
        edgecolor=GAP if gap else "#5f6b73",
        linewidth=1.4 if gap else 0.7,
        linestyle=(0, (4, 2)) if gap else "solid",
        zorder=5,
        alpha=alpha,
    )
    box.set_gid(f"item-{item.key}")
    axes.add_artist(box)
    y = card.y + PAD
    axes.text(card.x + PAD, y, card.header, fontsize=small, color="#37474f", va="top", zorder=6, alpha=alpha)
    y += line
    text = axes.text(
        card.x + PAD, y, "\n".join(card.lines), fontsize=size, va="top", linespacing=1.2, zorder=6, alpha=alpha
    )
    text.set_gid(f"text-{item.key}")
    y += len(card.lines) * line
    if card.note:
        axes.text(
            card.x + PAD,
            y,
            "\n".join(card.note),
            fontsize=small,
            style="italic",
            color="#37474f",
            va="top",
            linespacing=1.2,
            zorder=6,
            alpha=alpha,
        )
        y += len(card.note) * small * 1.4
    y += 2.0 + small * 0.95
    x = card.x + PAD + 2
    for mark, style in card.marks:
        width = len(mark) * small * CHAR_WIDTH + 6
        if x > card.x + PAD + 2 and x + width > card.x + card.width - PAD:
            x, y = card.x + PAD + 2, y + small * 1.9
        face, colour, edge = {
            "gap": (GAP, "white", GAP),
            "status": (STATUS_MARK, "#111111", "#222222"),
            "tag": ("white", "#263238", "#607d8b"),
        }[style]
        label = axes.text(
            x,
            y,
            mark,
            fontsize=small,
            fontweight="bold" if style != "tag" else "normal",
            color=colour,
            va="center",
            ha="left",
            zorder=7,
            bbox={"boxstyle": "round,pad=0.25", "facecolor": face, "edgecolor": edge, "linewidth": 0.6},
        )
        code = mark.split()[-1] if style != "tag" else style
        label.set_gid(f"mark-{item.key}-{code}")
        x += width + 3


def _arrows(axes: Axes, snapshot: SessionSnapshot, cards: dict[int, _Card]) -> None:
    links = [(link.source_id, link.target_id) for link in snapshot.links]
    links = [link for link in links if link[0] in cards and link[1] in cards]

    def leftward(link: tuple[int, int]) -> bool:
        return BOARD_ORDER.index(cards[link[0]].item.kind) > BOARD_ORDER.index(cards[link[1]].item.kind)

    for link in links:
        source, target = cards[link[0]], cards[link[1]]
        if leftward(link):
            source.left.append(link)
            target.right.append(link)
        else:
            source.right.append(link)
            target.left.append(link)

    def centre(card: _Card) -> float:
        return card.y + card.height / 2

    for card in cards.values():

        def other_centre(link: tuple[int, int], card: _Card = card) -> float:
            return centre(cards[link[1]] if cards[link[0]] is card else cards[link[0]])

        card.left.sort(key=other_centre)
        card.right.sort(key=other_centre)

    def port(card: _Card, link: tuple[int, int], right: bool) -> tuple[float, float]:
        side = card.right if right else card.left
        top = min(8.0, card.height / 3)
        y = card.y + top + (card.height - 2 * top) * (side.index(link) + 1) / (len(side) + 1)
        return (card.x + card.width if right else card.x, y)

    for link in links:
        source, target = cards[link[0]], cards[link[1]]
        backwards = leftward(link)
        start = port(source, link, right=not backwards)
        end = port(target, link, right=backwards)
        reach = max(6.0, abs(end[0] - start[0]) * 0.5)
        direction = -1.0 if backwards else 1.0
        path = Path(
            [start, (start[0] + direction * reach, start[1]), (end[0] - direction * reach, end[1]), end],
            [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4],
        )
        kind = source.item.kind
        arrow = FancyArrowPatch(
            path=path,
            arrowstyle="-|>",
            mutation_scale=6,
            color=LINK_COLOUR.get(kind, "#455a64"),
            linewidth=0.7,
            linestyle=(0, (3, 1.5)) if kind is ItemKind.MEDIATOR else "solid",
            alpha=0.85,
            zorder=2,
        )
        arrow.set_gid(f"link-{source.item.key}-{target.item.key}")
        axes.add_artist(arrow)
