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
