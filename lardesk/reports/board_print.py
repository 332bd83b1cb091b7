"""The program-logic board as printed in the minutes: SVG drawn directly from the snapshot, at the size it is
printed (every text 8 pt or more), in pieces that each fit a landscape A4 page.

The board on screen shows every column at once; on paper that is only readable for a small board. So the
print takes the columns the links join — resources → activities; activities → results ← mediating instances;
results → effects — one figure each, with its column headings, and one too long for a page continues on the next
with its headings repeated. A box is never cut, an arrow runs only in the gutter between two neighbouring columns
(never behind a box), no internal keys are printed, and a gap is marked by a dashed border and its code ("⚠ G1")
— no hatching over the text.
A small board whose links all join neighbouring columns is printed whole, as one figure.

The SVG is plain text, so drawing the 200-item board takes milliseconds; the PDF takes it as it is, and the DOCX
gets it as PNG (Typst rasterises it: see :func:`svg_to_png`).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from lardesk.charts.palette import GAP_COLOUR, LINK_COLOUR, STATUS_SYMBOL
from lardesk.charts.palette import KIND_TINT as TINT
from lardesk.method.guide import Guide
from lardesk.method.logic import ItemKind
from lardesk.method.money import kronor
from lardesk.method.snapshot import ItemInfo, SessionSnapshot

FONT = 8.0
"""Text size (points), as printed: the figure is printed at 100 %."""
HEAD_FONT = 9.0
LINE = FONT * 1.3
PAD = 5.0
SPACING = 7.0
GUTTER = 60.0
"""Room between two columns for the arrows."""
HEADER = 22.0
CHAR_WIDTH = 0.56
"""A generous average width of a DejaVu Sans character, in ems (so wrapped lines never overrun a box)."""
HEAD_CHAR_WIDTH = 0.66
"""The same for the bold column headings (DejaVu Sans Bold is wider)."""
HEAD_LINE = HEAD_FONT * 1.25
PAGE_WIDTH = (297 - 44) * 72 / 25.4
"""The landscape text width (points)."""
PAGE_HEIGHT = (210 - 47) * 72 / 25.4 * 0.8
"""The height a board figure may take (points): the rest of the page is its caption and a heading."""
INK = "#1d232a"
MUTED = "#455a64"

PAIRS: tuple[tuple[ItemKind, ...], ...] = (
    (ItemKind.RESOURCE, ItemKind.ACTIVITY),
    (ItemKind.ACTIVITY, ItemKind.RESULT, ItemKind.MEDIATOR),
    (ItemKind.RESULT, ItemKind.EFFECT),
)
"""The columns the links join, as neighbours: resources → activities; activities → results ← mediating
instances (a mediating instance's arrow runs leftwards, to the result it carries on); results → effects."""
KINDS: tuple[ItemKind, ...] = (
    ItemKind.RESOURCE,
    ItemKind.ACTIVITY,
    ItemKind.RESULT,
    ItemKind.MEDIATOR,
    ItemKind.EFFECT,
)
WHOLE: tuple[ItemKind, ...] = (ItemKind.RESOURCE, ItemKind.ACTIVITY, ItemKind.RESULT, ItemKind.EFFECT)
"""The board printed whole (only without mediating instances: with them, no order of the columns lets every
link join neighbours)."""
HEADER_TERM = {
    ItemKind.RESOURCE: "resources",
    ItemKind.ACTIVITY: "planned_activities",
    ItemKind.RESULT: "expected_results",
    ItemKind.MEDIATOR: "mediators",
    ItemKind.EFFECT: "expected_effects",
}


@dataclass
class Card:
    item: ItemInfo
    lines: list[tuple[str, str]]
    """(text, style) with style "status", "text", "note" or "mark"."""
    gap: bool
    height: float
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    ports: dict[str, list[int]] = field(default_factory=lambda: {"left": [], "right": []})


@dataclass(frozen=True, slots=True)
class BoardPiece:
    """One printed figure of the board."""

    kinds: tuple[ItemKind, ...]
    part: int
    parts: int
    svg: str
    width: float
    """Points."""
    height: float
    items: int
    links: int


def _wrap(text: str, width: float, size: float = FONT, char_width: float = CHAR_WIDTH) -> list[str]:
    chars = max(10, int(width / (size * char_width)))
    lines: list[str] = []
    for paragraph in text.strip().splitlines() or [""]:
        lines += textwrap.wrap(paragraph, chars, break_long_words=True, break_on_hyphens=True) or [""]
    return lines


def _card(item: ItemInfo, width: float, guide: Guide, codes: list[str]) -> Card:
    inner = width - 2 * PAD
    lines: list[tuple[str, str]] = []
    if item.status:
        lines.append((f"{STATUS_SYMBOL.get(item.status, '')} {guide.term(item.status)}".strip(), "status"))
    lines += [(line, "text") for line in _wrap(item.text, inner)]
    if item.budget_sek is not None or item.spent_sek is not None:
        from lardesk.reports.minutes import labels_for

        lab = labels_for(guide.language)
        budget, spent = (kronor(v, guide.language) for v in (item.budget_sek, item.spent_sek))
        lines.append((lab.board_amounts.format(budget=budget, spent=spent), "status"))
    if item.outcome.strip():
        lines += [(line, "note") for line in _wrap(item.outcome, inner)]
    marks = [f"⚠ {c}" for c in codes if c.startswith("G")] + [f"! {c}" for c in codes if not c.startswith("G")]
    if item.carried_over:
        marks.append(f"↻ {guide.term('carried_over')}")
    if item.unexpected:
        marks.append(f"✱ {guide.term('unexpected')}")
    if marks:
        lines += [(line, "mark") for line in _wrap("  ".join(marks), inner)]
    gap = any(c.startswith("G") for c in codes)
    return Card(item, lines, gap, 2 * PAD + len(lines) * LINE)


def _columns_width(count: int) -> float:
    return (PAGE_WIDTH - (count - 1) * GUTTER) / count


def _port(card: Card, side: str, number: int) -> float:
    ports = card.ports[side]
    top = min(10.0, card.height / 3)
    return card.y + top + (card.height - 2 * top) * (ports.index(number) + 1) / (len(ports) + 1)


def _arrow(source: Card, target: Card, start_y: float, end_y: float) -> str:
    leftward = source.x > target.x
    start_x = source.x if leftward else source.x + source.width
    end_x = target.x + target.width if leftward else target.x
    direction = -1.0 if leftward else 1.0
    tip_x = end_x - direction * 5
    reach = abs(tip_x - start_x) * 0.5
    colour = LINK_COLOUR.get(source.item.kind, MUTED)
    dash = ' stroke-dasharray="3 1.5"' if source.item.kind is ItemKind.MEDIATOR else ""
    return (
        f'<path d="M{start_x:.1f},{start_y:.1f} C{start_x + direction * reach:.1f},{start_y:.1f} '
        f'{tip_x - direction * reach:.1f},{end_y:.1f} {tip_x:.1f},{end_y:.1f}" fill="none" stroke="{colour}" '
        f'stroke-width="0.8"{dash}/>'
        f'<path d="M{end_x:.1f},{end_y:.1f} L{tip_x:.1f},{end_y - 2.5:.1f} L{tip_x:.1f},{end_y + 2.5:.1f} Z" '
        f'fill="{colour}"/>'
    )


def _draw_card(card: Card) -> str:
    stroke = GAP_COLOUR if card.gap else "#5f6b73"
    dash = ' stroke-dasharray="4 2"' if card.gap else ""
    width = 1.4 if card.gap else 0.7
    fill = "#ffffff" if card.gap else TINT[card.item.kind]
    out = [
        f'<rect x="{card.x:.1f}" y="{card.y:.1f}" width="{card.width:.1f}" height="{card.height:.1f}" rx="3" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"{dash}/>'
    ]
    y = card.y + PAD + FONT
    for text, style in card.lines:
        attributes = {
            "status": f'fill="{MUTED}"',
            "text": f'fill="{INK}"',
            "note": f'fill="{MUTED}" font-style="italic"',
            "mark": f'fill="{GAP_COLOUR if "⚠" in text else INK}" font-weight="bold"',
        }[style]
        out.append(
            f'<text x="{card.x + PAD:.1f}" y="{y:.1f}" font-size="{FONT}" {attributes} xml:space="preserve">'
            f"{escape(text)}</text>"
        )
        y += LINE
    return "".join(out)


def _layout(
    columns: list[list[Card]],
    kinds: tuple[ItemKind, ...],
    links: list[tuple[int, int]],
    guide: Guide,
    counts: dict[ItemKind, int],
) -> tuple[str, float, int]:
    """One figure: the cards of each column stacked from the top; the links between neighbouring columns whose
    two ends are both in this figure. Returns the SVG, its height (points) and how many links it draws."""
    width = _columns_width(len(kinds))
    by_id: dict[int, Card] = {}
    out: list[str] = []
    # a heading wider than its column ("Förväntade effekter (långsiktiga)") wraps: the last column's would run
    # off the figure
    heads = {kind: _heading(guide, kind, counts[kind], width) for kind in kinds}
    top = HEADER + (max(len(lines) for lines in heads.values()) - 1) * HEAD_LINE
    bottom = top
    for index, (kind, cards) in enumerate(zip(kinds, columns, strict=True)):
        x = index * (width + GUTTER)
        spans = "".join(
            f'<tspan x="{x:.1f}" y="{HEAD_FONT + 2 + number * HEAD_LINE:.1f}">{escape(line)}</tspan>'
            for number, line in enumerate(heads[kind])
        )
        out.append(f'<text x="{x:.1f}" font-size="{HEAD_FONT}" font-weight="bold" fill="{INK}">{spans}</text>')
        y = top
        for card in cards:
            card.x, card.y, card.width = x, y, width
            card.ports = {"left": [], "right": []}
            by_id[card.item.id] = card
            y += card.height + SPACING
        bottom = max(bottom, y)
    drawn: list[tuple[Card, Card]] = []
    for source_id, target_id in links:
        source, target = by_id.get(source_id), by_id.get(target_id)
        if (
            source is not None
            and target is not None
            and abs(kinds.index(source.item.kind) - kinds.index(target.item.kind)) == 1
        ):
            drawn.append((source, target))
    for number, (source, target) in enumerate(drawn):
        leftward = source.x > target.x
        source.ports["left" if leftward else "right"].append(number)
        target.ports["right" if leftward else "left"].append(number)
    for card in by_id.values():  # ports in the order of the other ends, so that arrows do not cross needlessly

        def other_y(number: int, card: Card = card) -> float:
            return _other(drawn[number], card).y

        for side in ("left", "right"):
            card.ports[side].sort(key=other_y)
    for number, (source, target) in enumerate(drawn):
        leftward = source.x > target.x
        start_y = _port(source, "left" if leftward else "right", number)
        end_y = _port(target, "right" if leftward else "left", number)
        out.append(_arrow(source, target, start_y, end_y))
    out += [_draw_card(card) for card in by_id.values()]
    height = bottom + 2
    total = len(kinds) * width + (len(kinds) - 1) * GUTTER
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total:.1f}pt" height="{height:.1f}pt" '
        f'viewBox="0 0 {total:.1f} {height:.1f}" font-family="DejaVu Sans">{"".join(out)}</svg>'
    )
    return svg, height, len(drawn)


def _other(link: tuple[Card, Card], card: Card) -> Card:
    return link[1] if link[0] is card else link[0]


def _heading(guide: Guide, kind: ItemKind, count: int, width: float) -> list[str]:
    return _wrap(f"{guide.term(HEADER_TERM[kind])} ({count})", width, HEAD_FONT, HEAD_CHAR_WIDTH)


def _paginate(cards: list[Card], room: float) -> list[list[Card]]:
    """``cards`` in pages of at most ``room`` points (a box taller than a page gets a page of its own)."""
    pages: list[list[Card]] = []
    used = room + 1.0
    for card in cards:
        if used + card.height > room and (not pages or pages[-1]):
            pages.append([])
            used = HEADER + HEAD_LINE  # room for a heading of two lines
        pages[-1].append(card)
        used += card.height + SPACING
    return pages


def _balanced(cards: list[Card], count: int) -> list[list[Card]]:
    """``cards`` over ``count`` pages, about the same height on each (never more than a page)."""
    total = sum(card.height + SPACING for card in cards)
    low, high = total / max(count, 1), PAGE_HEIGHT
    best = _paginate(cards, high)
    while high - low > 2.0:  # the smallest page height that still needs no more than ``count`` pages
        middle = (low + high) / 2
        pages = _paginate(cards, middle)
        if len(pages) <= count:
            high, best = middle, pages
        else:
            low = middle
    return best


def board_pieces(snapshot: SessionSnapshot, guide: Guide) -> list[BoardPiece]:
    """The board as printed: whole when it fits one page and every link joins neighbouring columns, else by
    column pairs, each pair over as many pages as it needs."""
    codes: dict[int, list[str]] = {}
    for finding in snapshot.findings:
        codes.setdefault(finding.item_id, []).append(finding.code)
    items = {kind: sorted(snapshot.items_of(kind), key=lambda i: (i.position, i.id)) for kind in KINDS}
    counts = {kind: len(items[kind]) for kind in KINDS}
    links = [(link.source_id, link.target_id) for link in snapshot.links]
    kind_of = {item.id: item.kind for item in snapshot.items}
    if not any(items.values()):
        return []

    whole_width = _columns_width(len(WHOLE))
    whole = [[_card(i, whole_width, guide, codes.get(i.id, [])) for i in items[kind]] for kind in WHOLE]
    head_lines = max(len(_heading(guide, kind, counts[kind], whole_width)) for kind in WHOLE)
    tallest = max(sum(c.height + SPACING for c in column) for column in whole) + HEADER + (head_lines - 1) * HEAD_LINE
    neighbours = not items[ItemKind.MEDIATOR] and all(
        abs(WHOLE.index(kind_of[s]) - WHOLE.index(kind_of[t])) == 1
        for s, t in links
        if kind_of.get(s) in WHOLE and kind_of.get(t) in WHOLE
    )
    if tallest <= PAGE_HEIGHT and neighbours:
        svg, height, drawn = _layout(whole, WHOLE, links, guide, counts)
        return [BoardPiece(WHOLE, 1, 1, svg, PAGE_WIDTH, height, sum(counts.values()), drawn)]

    pieces: list[BoardPiece] = []
    for pair in PAIRS:
        pair_width = _columns_width(len(pair))
        if not any(items[kind] for kind in pair):
            continue
        columns = [[_card(i, pair_width, guide, codes.get(i.id, [])) for i in items[kind]] for kind in pair]
        # Pages: as many as the longest column needs; each column spread evenly over them, box by box (a box
        # is never cut), so that the last page is not a near-empty tail.
        count = max(len(_paginate(column, PAGE_HEIGHT)) for column in columns)
        pages: list[list[list[Card]]] = [[] for _ in range(count)]
        for column in columns:
            chunks = _balanced(column, count)
            for index in range(count):
                pages[index].append(chunks[index] if index < len(chunks) else [])
        for number, page in enumerate(pages, start=1):
            svg, height, drawn = _layout(page, pair, links, guide, counts)
            shown = sum(len(column) for column in page)
            pieces.append(BoardPiece(pair, number, len(pages), svg, PAGE_WIDTH, height, shown, drawn))
    return pieces


__all__ = ["BoardPiece", "board_pieces"]
