"""The spread as printed in the minutes (SVG without matplotlib) says the catalogue's words in both languages."""

from __future__ import annotations

import datetime as dt
import re
from xml.etree import ElementTree

import pytest

from lardesk.method.guide import load_guide
from lardesk.method.snapshot import PreviousSession, ScaleHistory
from lardesk.method.words import word
from lardesk.reports.spread_print import spread_svg
from tests.charts.test_spread import make_snapshot


def svg_texts(svg: str) -> list[str]:
    return [element.text or "" for element in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_printed_spread_says_the_catalogue_words(language: str) -> None:
    guide = load_guide(language)
    previous = PreviousSession(
        id=9, date=dt.date(2025, 11, 20), period="2025", scales=(ScaleHistory(1, 5.0, 3, 7, 4, 6),)
    )
    # seven equal ratings on scale 1: more than a row stacks, so the legend explains the large dot
    snapshot = make_snapshot({1: [5] * 7 + [None], 9: [6] * 7 + [8]}, previous=previous, joint={1: 5})
    svg, _width, _height = spread_svg(snapshot, guide, 1, (1, 9), joint_round={1: 1})
    texts = svg_texts(svg)
    legend = [
        word("spread.value", language),
        word("spread.print.many", language),
        word("spread.median", language),
        word("spread.iqr", language),
        word("spread.print.joint", language),
        word("spread.print.previous_median", language),
        word("spread.print.previous_joint", language),
    ]
    assert [text for text in texts if text in legend] == legend
    assert word("spread.count", language, n=7, total=8) in texts  # one abstained
    assert {"sv": "7 av 8", "en": "7 of 8"}[language] in texts
    assert f"1 {guide.scale(1).label}" in texts
    assert not re.search(r"\{\w+\}", svg)  # every placeholder filled
