"""Amounts in kronor, written one way wherever they leave lardesk (minutes, boards, forms, the screen)."""

from __future__ import annotations

NBSP = "\N{NO-BREAK SPACE}"


def kronor(value: float | None, language: str = "sv") -> str:
    """25000 → "25 000 kr" (Swedish) or "SEK 25,000" (English); None → "–". Whole kronor, rounded half to
    even as Python rounds; the number and its unit never break apart over two lines."""
    if value is None:
        return "–"
    whole = round(value)
    if language == "en":
        return f"SEK{NBSP}{whole:,}"
    return f"{whole:,}".replace(",", NBSP) + f"{NBSP}kr"


__all__ = ["kronor"]
