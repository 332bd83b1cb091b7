"""Amounts in kronor, written one way wherever they leave lardesk (minutes, boards, forms, the screen)."""

from __future__ import annotations

from lardesk.method.words import word

NBSP = "\N{NO-BREAK SPACE}"


def kronor(value: float | None, language: str = "sv") -> str:
    """25000 → "25 000 kr" (Swedish) or "SEK 25,000" (English), the unit from the catalogue; None → "–".

    Whole kronor, rounded half to even as Python rounds; the number and its unit never break apart."""
    if value is None:
        return "–"
    whole = round(value)
    grouped = f"{whole:,}"  # the thousands separator is a number format: comma in English, no-break space in Swedish
    return word("kronor", language, amount=grouped if language == "en" else grouped.replace(",", NBSP))


__all__ = ["kronor"]
