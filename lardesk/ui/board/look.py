"""How the board looks: sizes, pens, symbols and the words on it (shared by screen, projector and export)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from lardesk.charts import palette
from lardesk.charts.palette import STATUS_SYMBOL
from lardesk.method.guide import DEFAULT_LANGUAGE, Guide, GuideError, load_guide
from lardesk.method.money import kronor

GAP_COLOUR = QColor(palette.GAP_COLOUR)
STATUS_FINDING_COLOUR = QColor(palette.STATUS_FINDING_COLOUR)
SELECTED_COLOUR = QColor("#1565c0")
FOCUS_BAND = QColor(palette.FOCUS_BAND_COLOUR)


def guide_for(language: str) -> Guide:
    try:
        return load_guide(language)
    except (GuideError, OSError):
        return load_guide(DEFAULT_LANGUAGE)


def status_label(guide: Guide, status: str | None) -> str:
    if not status:
        return ""
    return f"{STATUS_SYMBOL.get(status, '')} {guide.term(status)}".strip()


def kroner(value: float | None) -> str:
    return kronor(value)  # the one way lardesk writes kronor (lardesk.method.money)


@dataclass(frozen=True)
class Look:
    """Sizes in scene units; ``scale`` enlarges everything (the projector uses about 1.6)."""

    scale: float = 1.0
    point_size: float = 9.5
    min_column: float = 170.0
    empty_column: float = 150.0
    """The width of the starting points' column while it is empty."""
    margin: float = 14.0
    header: float = 48.0
    gutter: float = 34.0
    """The space between the cards of two columns, where the arrows run."""
    spacing: float = 12.0
    pad: float = 7.0

    def s(self, value: float) -> float:
        return value * self.scale

    def font(self, factor: float = 1.0, *, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont()
        font.setPointSizeF(self.point_size * self.scale * factor)
        font.setBold(bold)
        font.setItalic(italic)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        return font


SMALLEST_TEXT = 0.72
"""How far a card's text may shrink so that its widest word fits (a long Swedish compound); beyond that the
word is elided ("jämställdhetssäkr…"), and the card's tooltip has it whole."""


def wrap(text: str, font: QFont, width: float) -> list[str]:
    """``text`` broken into lines of at most ``width`` at word boundaries only, never inside a word: a word
    wider than the line (a compound such as "könskonsekvensbeskrivning") is elided to fit, so that nothing is
    drawn outside the line (see :func:`fitting_font` to shrink the type first)."""
    metrics = QFontMetricsF(font)
    if "\n" not in text and metrics.horizontalAdvance(text) <= width:
        return [text]
    space = metrics.horizontalAdvance(" ")
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        line, used = "", 0.0
        for whole in paragraph.split(" "):  # not str.split(): a no-break space ("46 500", "38 %") holds
            if not whole.strip():
                continue
            word, advance = whole, metrics.horizontalAdvance(whole)
            if advance > width:
                word = metrics.elidedText(whole, Qt.TextElideMode.ElideRight, width)
                advance = metrics.horizontalAdvance(word)
            if line and used + space + advance <= width:
                line, used = f"{line} {word}", used + space + advance
                continue
            if line:
                lines.append(line)
            line, used = word, advance
        lines.append(line)
    return lines or [""]


def widest_word(text: str, font: QFont) -> float:
    metrics = QFontMetricsF(font)
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)


def fitting_font(text: str, font: QFont, width: float, smallest: float = SMALLEST_TEXT) -> QFont:
    """``font``, or a smaller copy (down to ``smallest`` of its size) in which ``text``'s widest word fits
    ``width``."""
    widest = widest_word(text, font)
    if widest <= width or widest <= 0:
        return font
    smaller = QFont(font)
    smaller.setPointSizeF(font.pointSizeF() * max(smallest, width / widest * 0.98))
    return smaller


def line_height(font: QFont) -> float:
    return QFontMetricsF(font).lineSpacing()


def previous_text(guide: Guide, status: str | None, outcome: str | None) -> str:
    """ "Förra uppföljningen: ✓ Genomförd – Tre av fem gårdar": a carried item's status and outcome last time."""
    said = " – ".join(part for part in (status_label(guide, status), (outcome or "").strip()) if part)
    return f"{guide.term('previous_follow_up')}: {said or '–'}"


def category_label(guide: Guide, category: str | None) -> str:
    """A starting point's kind in words (goal, problem, other)."""
    if not category:
        return ""
    return guide.term("other_starting_point" if category == "other" else category)
