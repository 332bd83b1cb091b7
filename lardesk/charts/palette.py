"""How the program logic looks, wherever it is drawn: the words for each column, the status symbols and the
colours. Shared by the board on screen (Qt) and the static drawing (matplotlib); imports neither.
"""

from __future__ import annotations

from lardesk.method.logic import ItemKind

PLURAL: dict[ItemKind, str] = {
    ItemKind.STARTING_POINT: "starting_points",
    ItemKind.RESOURCE: "resources",
    ItemKind.ACTIVITY: "activities",
    ItemKind.RESULT: "results",
    ItemKind.MEDIATOR: "mediators",
    ItemKind.EFFECT: "effects",
}
STATUS_SYMBOL: dict[str, str] = {
    "planned": "○",
    "expected": "○",
    "implemented": "✓",
    "achieved": "✓",
    "partly_implemented": "◐",
    "partly_achieved": "◐",
    "not_implemented": "✗",
    "not_achieved": "✗",
    "on_track": "➜",
}
KIND_TINT: dict[ItemKind, str] = {
    ItemKind.STARTING_POINT: "#eceff1",
    ItemKind.RESOURCE: "#e8f0fb",
    ItemKind.ACTIVITY: "#e9f5ec",
    ItemKind.RESULT: "#fdf3e1",
    ItemKind.MEDIATOR: "#f1eaf7",
    ItemKind.EFFECT: "#e6f4f4",
}
LINK_COLOUR: dict[ItemKind, str] = {
    ItemKind.RESOURCE: "#3b6fb6",
    ItemKind.ACTIVITY: "#2e7d4f",
    ItemKind.RESULT: "#b26a00",
    ItemKind.MEDIATOR: "#7b4fa0",
}
GAP_COLOUR = "#b00020"
STATUS_FINDING_COLOUR = "#ffd54f"
FOCUS_BAND_COLOUR = "#fff6c8"

# The overview's heat map: one sequential hue from light (1) to dark (10), so that order reads without
# telling colours apart (and in grey on a black-and-white print). The number is always written in the cell;
# the colour only helps the eye find the low and the high values across a projected table.
HEAT_COLOURS: dict[int, str] = {
    1: "#f4f8fc",
    2: "#e2edf7",
    3: "#cde0f0",
    4: "#b3d1e8",
    5: "#93bedd",
    6: "#6fa7d0",
    7: "#4c8fc2",
    8: "#2f75b0",
    9: "#1b5c99",
    10: "#0c447d",
}


def _luminance(colour: str) -> float:
    """WCAG relative luminance of "#rrggbb"."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two "#rrggbb" colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_text(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    return "#000000" if contrast(background, "#000000") >= contrast(background, "#ffffff") else "#ffffff"


def heat_colour(value: float | None) -> str | None:
    """The heat-map colour of a 1–10 value (a median of 5.5 rounds half up), None for no value."""
    if value is None:
        return None
    return HEAT_COLOURS[max(1, min(10, int(value + 0.5)))]
