"""The board as a QGraphicsScene: one column per kind of item, cards, arrows, gap marks.

The scene follows a :class:`~lardesk.ui.board.state.BoardState`; :meth:`BoardScene.apply` takes the
:class:`~lardesk.ui.board.state.Delta` of a change and touches only the cards, arrows and columns it
names, so adding a link costs one arrow and a few marks, not a redraw.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from lardesk.charts.palette import KIND_TINT, LINK_COLOUR, PLURAL
from lardesk.method.guide import Guide
from lardesk.method.indicators import latest_text
from lardesk.method.logic import BOARD_ORDER, ItemKind
from lardesk.method.snapshot import ItemInfo
from lardesk.ui.board.look import (
    FOCUS_BAND,
    GAP_COLOUR,
    SELECTED_COLOUR,
    STATUS_FINDING_COLOUR,
    Look,
    category_label,
    fitting_font,
    kroner,
    line_height,
    previous_text,
    status_label,
    widest_word,
    wrap,
)
from lardesk.ui.board.state import BoardState, Delta, Link

COLUMN_INDEX = {kind: index for index, kind in enumerate(BOARD_ORDER)}
CARD_Z = 10.0
ARROW_Z = 0.0
BAND_Z = -1.0
ARROW_EMPHASIS_Z = 5.0


@dataclass
class Badge:
    text: str
    style: str
    """"gap", "status" or "tag"."""
    rect: QRectF = field(default_factory=QRectF)
    lines: tuple[str, ...] = ()
    """The text as drawn: one line, or wrapped between words when the card is narrower than the badge."""


class Ink:
    """The pens and brushes of the cards, made once per scene (a repaint sets them hundreds of times)."""

    def __init__(self, look: Look) -> None:
        self.radius = look.s(6)
        self.grow = look.s(3)
        self.pad = look.s(look.pad)
        self.badge_radius = look.s(4)
        self.tints = {kind: QBrush(QColor(tint)) for kind, tint in KIND_TINT.items()}
        self.gap_fill = QBrush(QColor("#fff5f5"))
        self.gap_border = QPen(GAP_COLOUR, look.s(2.6), Qt.PenStyle.DashLine)
        self.border = QPen(QColor("#5f6b73"), look.s(1.2))
        self.selected = QPen(SELECTED_COLOUR, look.s(3.5))
        self.muted = QPen(QColor("#37474f"))
        self.text = QPen(QColor("#111111"))
        self.dropped_fill = QBrush(QColor("#eeeeee"))
        self.dropped_border = QPen(QColor("#8a8a8a"), look.s(1.2), Qt.PenStyle.DotLine)
        self.dropped_text = QPen(QColor("#5c5c5c"))
        no_pen = QPen(Qt.PenStyle.NoPen)
        self.badges: dict[str, tuple[QBrush, QPen, QPen]] = {
            "gap": (QBrush(GAP_COLOUR), no_pen, QPen(QColor("white"))),
            "status": (QBrush(STATUS_FINDING_COLOUR), QPen(QColor("#222222"), look.s(1)), QPen(QColor("#111111"))),
            "tag": (
                QBrush(QColor("white")),
                QPen(QColor("#607d8b"), look.s(1), Qt.PenStyle.DotLine),
                QPen(QColor("#263238")),
            ),
        }


INDICATOR_MARK = "▁▃▅"
"""The mark of an item with indicators (a small bar chart, in every font lardesk ships)."""
MAX_INDICATOR_LINES = 2


class CardItem(QGraphicsItem):
    """One item of the program logic: its key, status, text, outcome note and marks."""

    def __init__(self, scene: BoardScene, info: ItemInfo) -> None:
        super().__init__()
        self.board = scene
        self.info = info
        self.codes: tuple[str, ...] = ()
        self.width = 100.0
        self.height = 40.0
        self.px = 0.0
        self.py = 0.0
        """The position in the scene, kept as plain floats (routing 500 arrows reads it thousands of times)."""
        self.left_arrows: list[ArrowItem] = []
        self.right_arrows: list[ArrowItem] = []
        self._header = ""
        self._header_lines: list[str] = []
        self._text_lines: list[str] = []
        self.text_font = scene.text_font
        """The scene's text font, or a smaller copy when a word would not fit the card."""
        self._text_top = 0.0
        self._note_lines: list[str] = []
        self._note_top = 0.0
        self._badges: list[Badge] = []
        self.indicator_texts: list[str] = []
        """What the card says of its indicators: the mark and the latest values (for tests and tooltips)."""
        self._indicator_lines: list[str] = []
        self._indicator_top = 0.0
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, scene.interactive)
        self.setZValue(CARD_Z)
        # painted once into a pixmap: a repaint of the board then costs the arrows and a blit per card
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(scene.interactive)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    @property
    def item_id(self) -> int:
        return self.info.id

    def set_info(self, info: ItemInfo, codes: tuple[str, ...]) -> bool:
        """Take new data; True when the card's height changed (its column must be laid out again)."""
        self.info = info
        self.codes = codes
        return self.measure(self.width)

    def set_codes(self, codes: tuple[str, ...]) -> bool:
        self.codes = codes
        return self.measure(self.width)

    # -- geometry -------------------------------------------------------------------------------------
    def measure(self, width: float) -> bool:
        look, guide = self.board.look, self.board.guide
        old = (self.width, self.height)
        self.prepareGeometryChange()
        self.width = width
        pad = look.s(look.pad)
        inner = width - 2 * pad
        info = self.info
        state = status_label(guide, info.status) or category_label(guide, info.category and info.category.value)
        self._header = f"{info.key}   {state}".strip()
        self._header_lines = self.board.wrap(self._header, self.board.small_font, inner)
        y = pad + len(self._header_lines) * line_height(self.board.small_font) + look.s(3)
        # a word too wide for the card (a long compound) makes the card's type smaller, never overflow
        self.text_font = self.board.fitting_font(info.text, inner)
        self._text_lines = self.board.wrap(info.text, self.text_font, inner)
        self._text_top = y
        y += len(self._text_lines) * line_height(self.text_font)
        notes = []
        if info.dropped_reason is not None:
            notes.append(f"{guide.term('dropped')}: {info.dropped_reason}")
        if info.carried_over and (info.previous_status or info.previous_outcome):
            notes.append(previous_text(guide, info.previous_status, info.previous_outcome))
        if info.outcome.strip():
            notes.append(info.outcome)
        self._note_lines = [line for note in notes for line in self.board.wrap(note, self.board.note_font, inner)]
        self._note_top = y + look.s(3)
        if self._note_lines:
            y = self._note_top + len(self._note_lines) * line_height(self.board.note_font)
        # indicators: the mark and the latest women/men values, one wrapped line each
        shown = info.indicators[:MAX_INDICATOR_LINES]
        self.indicator_texts = [f"{INDICATOR_MARK} {latest_text(i, guide.language) or i.text}" for i in shown]
        if len(info.indicators) > MAX_INDICATOR_LINES:
            self.indicator_texts.append(f"{INDICATOR_MARK} +{len(info.indicators) - MAX_INDICATOR_LINES}")
        self._indicator_lines = [
            line for text in self.indicator_texts for line in self.board.wrap(text, self.board.badge_font, inner)
        ]
        self._indicator_top = y + look.s(3)
        if self._indicator_lines:
            y = self._indicator_top + len(self._indicator_lines) * line_height(self.board.badge_font)
        badges = [Badge(f"⚠ {code}", "gap") for code in self.codes if code.startswith("G")]
        badges += [Badge(f"! {code}", "status") for code in self.codes if code.startswith("S")]
        if info.dropped:
            badges.append(Badge(f"✕ {guide.term('dropped')}", "tag"))
        if info.carried_over:
            badges.append(Badge(f"↻ {guide.term('carried_over')}", "tag"))
        if info.unexpected:
            badges.append(Badge(f"✱ {guide.term('unexpected')}", "tag"))
        if info.kind is ItemKind.RESOURCE and (info.budget_sek is not None or info.spent_sek is not None):
            badges.append(Badge(f"{kroner(info.budget_sek)} / {kroner(info.spent_sek)}", "tag"))
        badge_metrics = QFontMetricsF(self.board.badge_font)
        badge_pad = look.s(10)
        x = pad
        if badges:
            y += look.s(5)
        row_y, row_h = y, 0.0
        for badge in badges:
            badge_w = badge_metrics.horizontalAdvance(badge.text) + badge_pad
            badge.lines = (badge.text,)
            if badge_w > inner:  # wider than the card ("12 500 000 kr / 11 999 999 kr"): wrapped, never cut off
                badge.lines = tuple(self.board.wrap(badge.text, self.board.badge_font, inner - badge_pad))
                badge_w = inner
            badge_h = len(badge.lines) * badge_metrics.height() + look.s(4)
            if x > pad and x + badge_w > width - pad:
                x = pad
                row_y += row_h + look.s(3)
                row_h = 0.0
            badge.rect = QRectF(x, row_y, badge_w, badge_h)
            row_h = max(row_h, badge_h)
            x += badge_w + look.s(4)
        if badges:
            y = row_y + row_h
        self._badges = badges
        self.height = y + pad
        self.setToolTip(self._tooltip())
        self.update()
        return (self.width, self.height) != old

    def _tooltip(self) -> str:
        guide = self.board.guide
        lines = [f"{guide.term(self.info.kind.value)} {self.info.key}: {self.info.text}"]
        lines += [f"{code}: {guide.findings.get(code, code)}" for code in self.codes]
        if self.info.dropped_reason is not None:
            lines.append(f"{guide.term('dropped')}: {self.info.dropped_reason}")
        return "\n".join(lines)

    def boundingRect(self) -> QRectF:
        grow = self.board.look.s(4)
        return QRectF(-grow, -grow, self.width + 2 * grow, self.height + 2 * grow)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, self.width, self.height))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        ink = self.board.ink
        rect = QRectF(0, 0, self.width, self.height)
        gap = any(code.startswith("G") for code in self.codes)
        dropped = self.info.dropped
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if dropped:  # struken: greyed, still there to read
            painter.setBrush(ink.dropped_fill)
            painter.setPen(ink.dropped_border)
        else:
            painter.setBrush(ink.gap_fill if gap else ink.tints[self.info.kind])
            painter.setPen(ink.gap_border if gap else ink.border)
        painter.drawRoundedRect(rect, ink.radius, ink.radius)
        if self.isSelected() or self.board.highlighted == self.item_id:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(ink.selected)
            grow = ink.grow
            painter.drawRoundedRect(rect.adjusted(-grow, -grow, grow, grow), ink.radius + grow, ink.radius + grow)
        painter.setPen(ink.muted)
        painter.setFont(self.board.small_font)
        self._draw_lines(painter, self._header_lines, ink.pad, self.board.small_font)
        painter.setPen(ink.dropped_text if dropped else ink.text)
        painter.setFont(self.text_font)
        self._draw_lines(painter, self._text_lines, self._text_top, self.text_font, strike=dropped)
        if self._note_lines:
            painter.setPen(ink.muted)
            painter.setFont(self.board.note_font)
            self._draw_lines(painter, self._note_lines, self._note_top, self.board.note_font)
        if self._indicator_lines:
            painter.setPen(ink.text)
            painter.setFont(self.board.badge_font)
            self._draw_lines(painter, self._indicator_lines, self._indicator_top, self.board.badge_font)
        if self._badges:
            painter.setFont(self.board.badge_font)
        for badge in self._badges:
            fill, border, colour = ink.badges[badge.style]
            painter.setBrush(fill)
            painter.setPen(border)
            painter.drawRoundedRect(badge.rect, ink.badge_radius, ink.badge_radius)
            painter.setPen(colour)
            painter.drawText(badge.rect, int(Qt.AlignmentFlag.AlignCenter), "\n".join(badge.lines))

    def _draw_lines(
        self, painter: QPainter, lines: list[str], top: float, font: QFont, *, strike: bool = False
    ) -> None:
        metrics = QFontMetricsF(font)
        x = self.board.look.s(self.board.look.pad)
        y = top + metrics.ascent()
        for line in lines:
            painter.drawText(QPointF(x, y), line)
            if strike:  # struken: struck through, and still readable
                middle = y - metrics.xHeight() / 2
                painter.drawLine(QLineF(x, middle, x + metrics.horizontalAdvance(line), middle))
            y += metrics.lineSpacing()

    # -- the ends of arrows -----------------------------------------------------------------------------
    def sort_ports(self) -> None:
        """Order the arrow ends on each side by where the other end is, and spread them along the side
        (arrows to items higher up leave higher up, so that they cross as little as possible)."""
        top = min(self.board.look.s(14), self.height / 3)
        span = self.height - 2 * top
        for arrows, right in ((self.left_arrows, False), (self.right_arrows, True)):
            arrows.sort(key=lambda arrow: arrow.other(self).centre_y)
            step = span / (len(arrows) + 1)
            x = self.px + self.width if right else self.px
            for index, arrow in enumerate(arrows):
                if arrow.set_end(self, x, self.py + top + step * (index + 1)):
                    self.board.moved_arrows.add(arrow)

    @property
    def centre_y(self) -> float:
        return self.py + self.height / 2

    def place(self, x: float, y: float) -> bool:
        if (x, y) == (self.px, self.py):
            return False
        self.px, self.py = x, y
        self.setPos(x, y)
        return True


class ArrowItem(QGraphicsItem):
    """A link: a curve from the right side of the supporting item to the left side of the supported one."""

    def __init__(self, scene: BoardScene, source: CardItem, target: CardItem) -> None:
        super().__init__()
        self.board = scene
        self.source = source
        self.target = target
        self.kind = source.info.kind
        self.emphasis = False
        self.faded = False
        self._path = QPainterPath()
        self._head = QPolygonF()
        self._bounds = QRectF()
        self._start = (0.0, 0.0)
        self._end = (0.0, 0.0)
        # the source sits left of its target except for a mediating instance (right of the results)
        self.leftward = COLUMN_INDEX[source.info.kind] > COLUMN_INDEX[target.info.kind]

    @property
    def link(self) -> Link:
        return (self.source.item_id, self.target.item_id)

    def attach(self) -> None:
        (self.source.left_arrows if self.leftward else self.source.right_arrows).append(self)
        (self.target.right_arrows if self.leftward else self.target.left_arrows).append(self)

    def detach(self) -> None:
        (self.source.left_arrows if self.leftward else self.source.right_arrows).remove(self)
        (self.target.right_arrows if self.leftward else self.target.left_arrows).remove(self)

    def other(self, card: CardItem) -> CardItem:
        return self.target if card is self.source else self.source

    def set_end(self, card: CardItem, x: float, y: float) -> bool:
        """Put one end of the arrow at (x, y); True if it moved."""
        end = (x, y)
        if card is self.source:
            moved, self._start = end != self._start, end
        else:
            moved, self._end = end != self._end, end
        return moved or self._path.isEmpty()

    def route(self) -> None:
        """Draw the curve between the ends that the two cards gave it (see CardItem.sort_ports)."""
        head, least, half, grow = self.board.arrow_sizes
        (x0, y0), (tip_x, y1) = self._start, self._end
        direction = -1.0 if self.leftward else 1.0
        x1 = tip_x - direction * head
        reach = direction * max(least, abs(x1 - x0) * 0.5)
        path = QPainterPath(QPointF(x0, y0))
        path.cubicTo(x0 + reach, y0, x1 - reach, y1, x1, y1)
        self._head = QPolygonF([QPointF(tip_x, y1), QPointF(x1, y1 - half), QPointF(x1, y1 + half)])
        self.prepareGeometryChange()
        self._path = path
        left, right = min(x0, tip_x) - grow, max(x0, tip_x) + grow
        bounds = QRectF(left, min(y0, y1) - grow, right - left, abs(y1 - y0) + 2 * grow)
        if self.board.tracking:
            self.board.touch(self._bounds)
            self.board.touch(bounds)
        self._bounds = bounds

    def set_emphasis(self, emphasis: bool, faded: bool) -> None:
        if (emphasis, faded) != (self.emphasis, self.faded):
            self.emphasis, self.faded = emphasis, faded
            self.setZValue(ARROW_EMPHASIS_Z if emphasis else ARROW_Z)
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pen, head = self.board.arrow_pen(self.kind, self.emphasis, self.faded)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(head)
        painter.drawPolygon(self._head)


class HeaderItem(QGraphicsItem):
    """A column's title (wrapped to the column); clicking it asks to add an item to the column."""

    def __init__(self, scene: BoardScene, kind: ItemKind) -> None:
        super().__init__()
        self.board = scene
        self.kind = kind
        self.text = ""
        self.width = 100.0
        self._lines: list[str] = []
        self.setZValue(CARD_Z)
        if scene.interactive:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(QCoreApplication.translate("BoardScene", "Klicka för att lägga till en punkt i kolumnen"))

    def set_text(self, text: str, width: float) -> None:
        if (text, width) != (self.text, self.width):
            self.prepareGeometryChange()
            self.text, self.width = text, width
            self._lines = wrap(text, self.board.header_font, width)[:3]
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.width, 3 * line_height(self.board.header_font))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        metrics = QFontMetricsF(self.board.header_font)
        painter.setFont(self.board.header_font)
        painter.setPen(QColor("#1c2830"))
        y = metrics.ascent()
        for line in self._lines:
            painter.drawText(QPointF(0, y), line)
            y += metrics.lineSpacing()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.board.interactive and event.button() == Qt.MouseButton.LeftButton:
            self.board.add_requested.emit(self.kind.value)
            event.accept()
            return
        super().mousePressEvent(event)


class BoardScene(QGraphicsScene):
    link_requested = Signal(int, int)
    """Emitted when an item was dragged onto another (source, target as dragged)."""
    activated = Signal(int)
    """An item was double-clicked (edit it in place)."""
    add_requested = Signal(str)
    """A column title was clicked: add an item of this kind."""

    def __init__(self, guide: Guide, look: Look | None = None, *, interactive: bool = True) -> None:
        super().__init__()
        self.guide = guide
        self.look = look or Look()
        self.interactive = interactive
        self.text_font = self.look.font()
        self.small_font = self.look.font(0.85)
        self.note_font = self.look.font(0.85, italic=True)
        self.badge_font = self.look.font(0.85, bold=True)
        self.header_font = self.look.font(1.1, bold=True)
        self._pens: dict[tuple[ItemKind, bool, bool], tuple[QPen, QColor]] = {}
        self.moved_arrows: set[ArrowItem] = set()
        self._touched = QRectF()
        self.tracking = False
        """While :meth:`apply` runs: note what changed, for a repaint of just that."""
        look = self.look
        self.arrow_sizes = (look.s(9), look.s(10), look.s(4.5), look.s(6))
        """Arrow head length, least curve reach, half head width, margin around the curve."""
        self.ink = Ink(self.look)
        self._wrapped: dict[tuple[str, int, float], list[str]] = {}
        self._small_text_fonts: dict[float, QFont] = {}
        self.cards: dict[int, CardItem] = {}
        self.arrows: dict[Link, ArrowItem] = {}
        self.state: BoardState | None = None
        self.focus_kind: ItemKind | None = None
        self.highlighted: int | None = None
        """On a read-only board: the item selected on the laptop (see :meth:`highlight`)."""
        self.board_width = 1200.0
        self.column_width = self.look.s(self.look.min_column)
        self._col_x: dict[ItemKind, float] = {}
        self._narrow_start = False
        self._right = 0.0
        self._bands: dict[ItemKind, QGraphicsRectItem] = {}
        self._headers: dict[ItemKind, HeaderItem] = {}
        self._columns_height = 0.0
        self._drag_from: CardItem | None = None
        self._drag_start = QPointF()
        self._drag_line: QGraphicsLineItem | None = None
        self.setBackgroundBrush(QColor("white"))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.selectionChanged.connect(self._emphasise)

    def set_cached(self, cached: bool) -> None:
        """Cards painted from a pixmap cache (on screen) or drawn directly (for export)."""
        mode = QGraphicsItem.CacheMode.DeviceCoordinateCache if cached else QGraphicsItem.CacheMode.NoCache
        for card in self.cards.values():
            card.setCacheMode(mode)

    def fitting_font(self, text: str, width: float) -> QFont:
        """The text font, or a smaller one (shared by every card that needs that size) in which the widest
        word of ``text`` fits ``width``."""
        fitted = fitting_font(text, self.text_font, width)
        if fitted is self.text_font:
            return fitted
        size = round(fitted.pointSizeF(), 1)
        shared = self._small_text_fonts.get(size)
        if shared is None:
            shared = self._small_text_fonts[size] = QFont(fitted)
            shared.setPointSizeF(size)
        return shared

    def wrap(self, text: str, font: QFont, width: float) -> list[str]:
        """``text`` wrapped to ``width`` in ``font`` (one of the scene's fonts), remembered."""
        key = (text, id(font), round(width, 1))
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) > 5000:
                self._wrapped.clear()
            lines = self._wrapped[key] = wrap(text, font, width)
        return lines

    def arrow_pen(self, kind: ItemKind, emphasis: bool, faded: bool) -> tuple[QPen, QColor]:
        """The pen and head colour of an arrow (cached: 500 arrows share a handful of pens).

        Opaque colours, blended with white instead of drawn with alpha, and thin cosmetic pens keep the
        raster engine on its fast path: stroking the curves is most of the cost of a repaint.
        """
        key = (kind, emphasis, faded)
        cached = self._pens.get(key)
        if cached is None:
            base = QColor(LINK_COLOUR.get(kind, "#455a64"))
            mix = 0.86 if faded else 0.0
            colour = QColor(
                round(base.red() + (255 - base.red()) * mix),
                round(base.green() + (255 - base.green()) * mix),
                round(base.blue() + (255 - base.blue()) * mix),
            )
            if emphasis:
                pen = QPen(colour, self.look.s(3.0))
            else:
                pen = QPen(colour, max(1.0, round(self.look.s(1.2))))
                pen.setCosmetic(True)
            if kind is ItemKind.MEDIATOR:
                pen.setStyle(Qt.PenStyle.DashLine)
            cached = (pen, colour)
            self._pens[key] = cached
        return cached

    # -- building -------------------------------------------------------------------------------------
    def set_width(self, width: float) -> None:
        """Fit the columns to ``width`` scene units (the view's width); lays the board out again."""
        self.board_width = width
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Share the width among the columns; an empty starting points' column stays narrow."""
        look = self.look
        narrow = self.state is None or not self.state.columns[ItemKind.STARTING_POINT]
        free = self.board_width - 2 * look.s(look.margin) - (self._empty_width() if narrow else 0.0)
        column = max(look.s(look.min_column), free / (len(BOARD_ORDER) - (1 if narrow else 0)))
        if abs(column - self.column_width) < 1 and narrow == self._narrow_start and self.cards:
            return
        self.column_width = column
        self._narrow_start = narrow
        x = look.s(look.margin)
        for kind in BOARD_ORDER:
            self._col_x[kind] = x
            x += self._empty_width() if narrow and kind is ItemKind.STARTING_POINT else column
        self._right = x
        if self.state is not None:
            for card in self.cards.values():
                card.measure(self.card_width)
            self.layout(set(BOARD_ORDER))

    @property
    def card_width(self) -> float:
        return self.column_width - self.look.s(self.look.gutter)

    def rebuild(self, state: BoardState) -> None:
        """Draw everything anew from ``state``."""
        self.state = state
        self._drag_line = None
        self.cards.clear()
        self.arrows.clear()
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
        self._bands.clear()
        self._headers.clear()
        for kind in BOARD_ORDER:
            band = QGraphicsRectItem()
            band.setPen(Qt.PenStyle.NoPen)
            band.setZValue(BAND_Z)
            self.addItem(band)
            self._bands[kind] = band
            header = HeaderItem(self, kind)
            self.addItem(header)
            self._headers[kind] = header
        self._col_x.clear()
        self._fit_columns()
        for item_id, info in state.items.items():
            self._add_card(info, state.codes.get(item_id, ()))
        for link in state.links:
            self._add_arrow(link)
        self.layout(set(BOARD_ORDER))

    def _add_card(self, info: ItemInfo, codes: tuple[str, ...]) -> CardItem:
        card = CardItem(self, info)
        card.codes = codes
        card.measure(self.card_width)
        self.addItem(card)
        self.cards[info.id] = card
        return card

    def _add_arrow(self, link: Link) -> ArrowItem | None:
        source, target = self.cards.get(link[0]), self.cards.get(link[1])
        if source is None or target is None or link in self.arrows:
            return None
        arrow = ArrowItem(self, source, target)
        arrow.attach()
        self.addItem(arrow)
        self.arrows[link] = arrow
        return arrow

    def _remove_arrow(self, link: Link) -> tuple[CardItem, CardItem] | None:
        arrow = self.arrows.pop(link, None)
        if arrow is None:
            return None
        self.touch(arrow.sceneBoundingRect())
        arrow.detach()
        self.removeItem(arrow)
        return arrow.source, arrow.target

    def apply(self, delta: Delta) -> QRectF:
        """Bring the scene up to date with its state after ``delta``, touching only what changed; the
        part of the scene that changed (the whole board when columns were laid out again)."""
        state = self.state
        self._touched = QRectF()
        if state is None:
            return self._touched
        self.tracking = True
        try:
            self._apply(state, delta)
        finally:
            self.tracking = False
        return self._touched

    def _apply(self, state: BoardState, delta: Delta) -> None:
        reroute: set[CardItem] = set()
        relayout: set[ItemKind] = set(delta.columns)
        for link in delta.removed_links:
            ends = self._remove_arrow(link)
            if ends:
                reroute.update(ends)
        for item_id in delta.removed:
            card = self.cards.pop(item_id, None)
            if card is not None:
                for arrow in [*card.left_arrows, *card.right_arrows]:
                    ends = self._remove_arrow(arrow.link)
                    if ends:
                        reroute.update(ends)
                self.removeItem(card)
        reroute = {card for card in reroute if card.item_id in self.cards}
        for item_id in delta.added:
            self._add_card(state.items[item_id], state.codes.get(item_id, ()))
        for item_id in delta.changed | delta.codes:
            card = self.cards.get(item_id)
            if card is not None and item_id not in delta.added:
                if card.set_info(state.items[item_id], state.codes.get(item_id, ())):
                    relayout.add(card.info.kind)
                reroute.add(card)
                self.touch(card.sceneBoundingRect())
        for link in delta.added_links:
            added = self._add_arrow(link)
            if added is not None:
                reroute.update((added.source, added.target))
        if ItemKind.STARTING_POINT in relayout and bool(state.columns[ItemKind.STARTING_POINT]) == self._narrow_start:
            self._fit_columns()
        if relayout:
            self.layout(relayout)
            self._touched = self.sceneRect()
        else:
            self._reroute(reroute)
        self._emphasise()

    # -- layout ---------------------------------------------------------------------------------------
    def column_x(self, kind: ItemKind) -> float:
        if not self._col_x:
            self._fit_columns()
        return self._col_x[kind]

    def width_of(self, kind: ItemKind) -> float:
        if kind is ItemKind.STARTING_POINT and self._narrow_start:
            return self._empty_width()
        return self.column_width

    def _empty_width(self) -> float:
        """The starting points' column while it is empty: narrow, but wide enough for the longest word of its
        title (the header has ``s(16)`` less than its column), which would otherwise be cut ("Utgångspu…")."""
        look = self.look
        title = self.guide.term(PLURAL[ItemKind.STARTING_POINT])
        return max(look.s(look.empty_column), widest_word(title, self.header_font) + look.s(16) + 1)

    def layout(self, kinds: set[ItemKind]) -> None:
        """Stack the cards of ``kinds`` in their order, then re-route the arrows of moved cards."""
        state = self.state
        if state is None:
            return
        look = self.look
        top = look.s(look.margin) + look.s(look.header)
        moved: set[CardItem] = set()
        for kind in kinds:
            x = self.column_x(kind) + look.s(look.gutter) / 2
            y = top
            for item_id in state.columns[kind]:
                card = self.cards.get(item_id)
                if card is None:
                    continue
                card.place(x, y)
                moved.add(card)
                y += card.height + look.s(look.spacing)
        heights = [
            sum(self.cards[i].height + look.s(look.spacing) for i in state.columns[kind] if i in self.cards)
            for kind in BOARD_ORDER
        ]
        self._columns_height = max([*heights, look.s(120)])
        self._draw_columns()
        touched: set[CardItem] = set(moved)
        for card in moved:
            for arrow in [*card.left_arrows, *card.right_arrows]:
                touched.add(arrow.source)
                touched.add(arrow.target)
        self._reroute(touched)

    def _reroute(self, cards: set[CardItem]) -> None:
        """Spread the arrow ends of ``cards`` again and re-draw only the arrows whose ends moved."""
        self.moved_arrows.clear()
        for card in cards:
            card.sort_ports()
        for arrow in self.moved_arrows:
            arrow.route()
        self.moved_arrows.clear()

    def touch(self, rect: QRectF) -> None:
        """Note a part of the scene that changed (see :meth:`apply`)."""
        if not rect.isEmpty():
            self._touched = self._touched.united(rect) if not self._touched.isEmpty() else QRectF(rect)

    def _draw_columns(self) -> None:
        state = self.state
        look = self.look
        top = look.s(look.margin)
        height = look.s(look.header) + self._columns_height + look.s(look.margin)
        for index, kind in enumerate(BOARD_ORDER):
            band = self._bands[kind]
            band.setRect(QRectF(self.column_x(kind) + look.s(4), top, self.width_of(kind) - look.s(8), height))
            if kind is self.focus_kind:
                band.setBrush(FOCUS_BAND)
                band.setPen(QPen(QColor("#8d6e00"), look.s(3)))
            else:
                band.setBrush(QColor("#f7f8f9") if index % 2 else QColor("#fcfcfd"))
                band.setPen(Qt.PenStyle.NoPen)
            count = len(state.columns[kind]) if state else 0
            marker = "▶ " if kind is self.focus_kind else ""
            header = self._headers[kind]
            header.set_text(f"{marker}{self.guide.term(PLURAL[kind])} ({count})", self.width_of(kind) - look.s(16))
            header.setPos(self.column_x(kind) + look.s(10), top + look.s(6))
            dim = self.focus_kind is not None and kind is not self.focus_kind
            for item_id in state.columns[kind] if state else ():
                card = self.cards.get(item_id)
                if card is not None:
                    card.setOpacity(0.55 if dim else 1.0)
        total = QRectF(0, 0, self._right + look.s(look.margin), top + height + look.s(look.margin))
        self.setSceneRect(total)

    def set_focus_kind(self, kind: ItemKind | None) -> None:
        self.focus_kind = kind
        if self.state is not None:
            self._draw_columns()

    def band_rect(self, kind: ItemKind) -> QRectF:
        return self._bands[kind].rect()

    # -- selection and emphasis ---------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        for item in self.selectedItems():
            if isinstance(item, CardItem):
                return item.item_id
        return None

    def select(self, item_id: int | None) -> None:
        card = self.cards.get(item_id) if item_id is not None else None
        if card is not None and card.isSelected() and len(self.selectedItems()) == 1:
            return
        self.blockSignals(True)
        self.clearSelection()
        if card is not None:
            card.setSelected(True)
        self.blockSignals(False)
        self.selectionChanged.emit()

    def highlight(self, item_id: int | None) -> None:
        """Mark an item as the laptop's selection on a read-only board (the projector): ringed, its own links
        strong and the others faded."""
        if item_id == self.highlighted:
            return
        for old in (self.highlighted, item_id):
            card = self.cards.get(old) if old is not None else None
            if card is not None:
                card.update()
        self.highlighted = item_id
        self._emphasise()

    def _emphasise(self) -> None:
        selected = self.selected_id() if self.interactive else self.highlighted
        card = self.cards.get(selected) if selected is not None else None
        mine = {*card.left_arrows, *card.right_arrows} if card else set()
        for arrow in self.arrows.values():
            arrow.set_emphasis(arrow in mine, card is not None and arrow not in mine)

    # -- drag to link -----------------------------------------------------------------------------------
    def _card_at(self, point: QPointF) -> CardItem | None:
        for item in self.items(point):
            if isinstance(item, CardItem):
                return item
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        if self.interactive and event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = self._card_at(event.scenePos())
            self._drag_start = event.scenePos()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag_from is not None:
            distance = QLineF(self._drag_start, event.scenePos()).length()
            if self._drag_line is None and distance >= QApplication.startDragDistance():
                line = QGraphicsLineItem()
                line.setPen(QPen(SELECTED_COLOUR, self.look.s(2.5), Qt.PenStyle.DashLine))
                line.setZValue(CARD_Z + 1)
                self.addItem(line)
                self._drag_line = line
            if self._drag_line is not None:
                start = self._drag_from.sceneBoundingRect().center()
                self._drag_line.setLine(QLineF(start, event.scenePos()))
                event.accept()
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        source, line = self._drag_from, self._drag_line
        self._drag_from, self._drag_line = None, None
        if line is not None:
            self.removeItem(line)
            target = self._card_at(event.scenePos())
            if source is not None and target is not None and target is not source:
                self.link_requested.emit(source.item_id, target.item_id)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        card = self._card_at(event.scenePos())
        if self.interactive and card is not None:
            self.activated.emit(card.item_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
