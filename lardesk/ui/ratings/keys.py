"""How a rating is typed, everywhere in the ratings step: digits only, "10" typed as 1 then 0, and one key
("-" or "x") to abstain. Tab or Enter moves on and saves."""

from __future__ import annotations

ABSTAIN_KEYS = frozenset({"-", "x", "X"})
ABSTAINED = "-"
"""What an abstention looks like while typed and in the grid."""


def type_key(buffer: str, key: str) -> str:
    """The buffer after one more key: "1" then "0" is 10, any other digit starts again, "0" alone is ignored."""
    if key in ABSTAIN_KEYS:
        return ABSTAINED
    if len(key) != 1 or not key.isdigit():
        return buffer
    if buffer == "1" and key == "0":
        return "10"
    if key == "0":
        return buffer
    return key


class Blank:
    """A field left empty: nothing to save."""


BLANK = Blank()


def parse(buffer: str) -> int | Blank | None:
    """A typed buffer as a value: 1–10, None (abstained) or BLANK (nothing typed)."""
    text = buffer.strip()
    if not text:
        return BLANK
    if text == ABSTAINED or text in ABSTAIN_KEYS:
        return None
    if text.isdigit() and 1 <= int(text) <= 10:
        return int(text)
    return BLANK


def shown(value: int | None) -> str:
    return ABSTAINED if value is None else str(value)
