"""How the board looks: sizes, pens, symbols and the words on it (shared by screen, projector and export)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextLayout, QTextOption

from lardesk.charts import palette
from lardesk.charts.palette import STATUS_SYMBOL
from lardesk.method.guide import DEFAULT_LANGUAGE, Guide, GuideError, load_guide

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
    if value is None:
        return "–"
    return f"{value:,.0f}".replace(",", "\N{NO-BREAK SPACE}") + "\N{NO-BREAK SPACE}kr"


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


def wrap(text: str, font: QFont, width: float) -> list[str]:
    """``text`` broken into lines of at most ``width``: at word boundaries, inside a word only when a word
    (a Swedish compound such as "könskonsekvensbeskrivning") is wider than the line."""
    if "\n" not in text and QFontMetricsF(font).horizontalAdvance(text) <= width:
        return [text]
    text = text.replace("\r\n", "\n").replace("\n", "\u2028")
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    hyphen = QFontMetricsF(font).horizontalAdvance("-")
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width - hyphen, 10.0))
        start = line.textStart()
        end = start + line.textLength()
        piece = text[start:end].replace("\u2028", "")
        if end < len(text) and piece[-1:].isalnum() and text[end].isalnum():
            piece += "-"  # broken inside a word
        lines.append(piece.rstrip())
    layout.endLayout()
    return _mend(lines, font, width) if len(lines) > 1 else lines or [""]


def _mend(lines: list[str], font: QFont, width: float) -> list[str]:
    """Put a stub of one to three letters, left over from a word broken at the end of the line, back on
    that line when it fits in the line's width plus a little of the card's padding ("jämställdhetssäkra-"
    / "d" reads badly)."""
    metrics = QFontMetricsF(font)
    slack = metrics.horizontalAdvance("M")
    mended: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.endswith("-") and index + 1 < len(lines):
            following = lines[index + 1]
            stub, _, rest = following.partition(" ")
            joined = line[:-1] + stub
            if len(stub) <= 3 and metrics.horizontalAdvance(joined) <= width + slack:
                mended.append(joined)
                if rest:
                    mended.append(rest)
                index += 2
                continue
        mended.append(line)
        index += 1
    return mended


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
