"""The board as printed speaks the guide's language: its column
headings, statuses and tags are the guide's terms, its amounts the catalogue's kronor — no word in Python."""

from __future__ import annotations

import dataclasses
from xml.etree import ElementTree

import pytest

from lardesk.method.guide import load_guide
from lardesk.method.logic import ItemKind
from lardesk.method.money import kronor
from lardesk.method.snapshot import SessionSnapshot
from lardesk.reports.board_print import board_pieces
from lardesk.reports.minutes import labels_for
from lardesk.services import Services

SVG = "{http://www.w3.org/2000/svg}"


def with_budget(snapshot: SessionSnapshot) -> SessionSnapshot:
    """The demo with an amount set aside and spent on its first resource, which is also carried over."""
    first = next(item for item in snapshot.items if item.kind is ItemKind.RESOURCE)
    changed = dataclasses.replace(first, budget_sek=25000.0, spent_sek=12500.0, carried_over=True)
    return dataclasses.replace(snapshot, items=tuple(changed if i is first else i for i in snapshot.items))


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_printed_board_says_the_guides_terms_and_the_catalogues_kronor(services: Services, language: str) -> None:
    guide = load_guide(language)
    snapshot = with_budget(services.sessions.snapshot(services.exchange.load_demo()))
    texts = [
        " ".join(line for line in element.itertext() if line.strip())  # a wrapped heading: its lines
        for piece in board_pieces(snapshot, guide)
        for element in ElementTree.fromstring(piece.svg).iter(f"{SVG}text")
    ]
    resources = len(snapshot.items_of(ItemKind.RESOURCE))
    assert f"{guide.term('resources')} ({resources})" in texts
    assert f"{guide.term('expected_effects')} ({len(snapshot.items_of(ItemKind.EFFECT))})" in texts
    lab = labels_for(language)
    amounts = lab.board_amounts.format(budget=kronor(25000, language), spent=kronor(12500, language))
    assert amounts in texts
    assert {
        "sv": "Avsatt 25\u00a0000\u00a0kr · använt 12\u00a0500\u00a0kr",
        "en": "Set aside SEK\u00a025,000 · spent SEK\u00a012,500",
    }[language] == amounts
    assert any(text.startswith(f"↻ {guide.term('carried_over')}") for text in texts)
    statuses = {guide.term(item.status) for item in snapshot.items if item.status}
    assert statuses and all(any(status in text for text in texts) for status in statuses)
