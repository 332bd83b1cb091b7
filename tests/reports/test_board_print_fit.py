"""The printed board's column headings stay inside their columns (the walk of 2026-12-01: on the whole-board
page of the minutes "Förväntade effekter (långsiktiga) (1)" ran off the figure's right edge)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.etree import ElementTree

import matplotlib
import pytest
from matplotlib.ft2font import FT2Font

from lardesk.method.guide import load_guide
from lardesk.method.logic import ItemKind
from lardesk.reports.board_print import HEAD_FONT, board_pieces
from lardesk.services import NewSession, Services

SVG = "{http://www.w3.org/2000/svg}"
BOLD = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"


def width_pt(text: str, size: float) -> float:
    """The width of ``text`` in DejaVu Sans Bold at ``size`` points (the font the SVG names), measured."""
    font = FT2Font(str(BOLD))
    font.set_size(size, 72)
    font.set_text(text, 0.0)
    return font.get_width_height()[0] / 64.0


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_column_heading_fits_its_column(services: Services, language: str) -> None:
    created = services.sessions.create_session(
        NewSession(organisation="Ankeby kommun", date=dt.date(2026, 12, 1), language=language)
    )
    session_id = created.new_id
    assert session_id is not None
    for kind, text in (
        (ItemKind.RESOURCE, "HR-konsult 20 % under ett år"),
        (ItemKind.ACTIVITY, "Utbilda alla chefer"),
        (ItemKind.RESULT, "Alla chefer är utbildade"),
        (ItemKind.EFFECT, "Kvinnor och män får likvärdigt stöd"),
    ):
        services.logic.add_item(session_id, kind, text)
    snapshot = services.sessions.snapshot(session_id)
    pieces = board_pieces(snapshot, load_guide(language))
    assert len(pieces) == 1 and len(pieces[0].kinds) == 4  # the whole board on one page
    root = ElementTree.fromstring(pieces[0].svg)
    total = float(root.attrib["viewBox"].split()[2])
    columns = sorted({float(rect.attrib["x"]) for rect in root.iter(f"{SVG}rect")})
    assert len(columns) == 4
    headings = [t for t in root.iter(f"{SVG}text") if t.attrib.get("font-size") == str(HEAD_FONT)]
    assert len(headings) == 4
    for heading in headings:
        x = float(heading.attrib["x"])
        # a heading may reach into the room for the arrows, never into the next column or past the figure
        limit = min([c for c in columns if c > x + 1] + [total])
        lines = [line for line in heading.itertext() if line.strip()]
        assert lines
        for line in lines:
            assert x + width_pt(line, HEAD_FONT) <= limit + 0.5, line
