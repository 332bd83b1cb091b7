"""Kronor, written one way."""

from __future__ import annotations

from lardesk.method.money import kronor


def test_kronor_in_swedish_and_english() -> None:
    assert kronor(25000) == "25\N{NO-BREAK SPACE}000\N{NO-BREAK SPACE}kr"
    assert kronor(1234567.6, "en") == "SEK\N{NO-BREAK SPACE}1,234,568"
    assert kronor(0) == "0\N{NO-BREAK SPACE}kr"
    assert kronor(None) == "–"


def test_the_minutes_use_it() -> None:
    from lardesk.method.guide import load_guide
    from lardesk.reports.minutes import fmt_amount, labels_for

    assert fmt_amount(25000, labels_for("sv")) == kronor(25000)
    assert fmt_amount(25000, labels_for("en")) == kronor(25000, "en")
    assert load_guide("en").language == "en"
