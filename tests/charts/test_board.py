"""The static board (lardesk.charts.board): artists, not pixels."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle
from matplotlib.text import Text

from lardesk.charts.board import board_figure
from lardesk.charts.palette import FOCUS_BAND_COLOUR as HIGHLIGHT
from lardesk.charts.palette import GAP_COLOUR as GAP
from lardesk.method.guide import load_guide
from lardesk.method.logic import ItemKind
from lardesk.method.snapshot import SessionSnapshot
from lardesk.services import NewSession, Services
from tests.conftest import EXAMPLE_FINDINGS_FOUND

EXPECTED_MARKS = EXAMPLE_FINDINGS_FOUND


@pytest.fixture
def snapshot(services: Services, example_id: int) -> SessionSnapshot:
    return services.sessions.snapshot(example_id)


def by_gid(figure: Figure, prefix: str) -> dict[str, object]:
    found: dict[str, object] = {}
    for artist in figure.axes[0].get_children():
        gid = artist.get_gid()
        if gid and gid.startswith(prefix):
            found[gid] = artist
    return found


def test_every_item_and_link_is_drawn(snapshot: SessionSnapshot) -> None:
    figure = board_figure(snapshot, load_guide("sv"))
    cards = by_gid(figure, "item-")
    assert set(cards) == {f"item-{item.key}" for item in snapshot.items}
    assert all(isinstance(card, FancyBboxPatch) for card in cards.values())
    arrows = by_gid(figure, "link-")
    keys = {item.id: item.key for item in snapshot.items}
    assert set(arrows) == {f"link-{keys[link.source_id]}-{keys[link.target_id]}" for link in snapshot.links}
    assert len(arrows) == 43
    assert all(isinstance(arrow, FancyArrowPatch) for arrow in arrows.values())
    texts = by_gid(figure, "text-")
    a9 = texts["text-a9"]
    assert isinstance(a9, Text)
    assert a9.get_text().replace("\n", " ") == next(i.text for i in snapshot.items if i.key == "a9")


def test_gaps_are_marked_on_the_items_with_text_and_a_dashed_border(snapshot: SessionSnapshot) -> None:
    figure = board_figure(snapshot, load_guide("sv"))
    marks = by_gid(figure, "mark-")
    expected = {f"mark-{key}-{code}" for code, keys in EXPECTED_MARKS.items() for key in keys}
    assert set(marks) == expected
    label = marks["mark-a6-G1"]
    assert isinstance(label, Text)
    assert label.get_text() == "⚠ G1"
    assert marks["mark-res2-S2"].get_text() == "! S2"  # type: ignore[attr-defined]
    cards = by_gid(figure, "item-")
    gap_card, plain_card = cards["item-a6"], cards["item-a1"]
    assert isinstance(gap_card, FancyBboxPatch) and isinstance(plain_card, FancyBboxPatch)
    assert gap_card.get_linestyle() != plain_card.get_linestyle()  # dashed, not only red
    assert gap_card.get_edgecolor()[:3] == pytest.approx(tuple(int(GAP[i : i + 2], 16) / 255 for i in (1, 3, 5)))


def test_texts_stay_inside_their_cards(snapshot: SessionSnapshot) -> None:
    figure = board_figure(snapshot, load_guide("sv"))
    renderer = FigureCanvasAgg(figure).get_renderer()  # type: ignore[no-untyped-call]
    cards = by_gid(figure, "item-")
    for gid, text in by_gid(figure, "text-").items():
        assert isinstance(text, Text)
        card = cards[gid.replace("text-", "item-")]
        assert isinstance(card, FancyBboxPatch)
        inner = text.get_window_extent(renderer)
        outer = card.get_window_extent(renderer)
        assert outer.x0 <= inner.x0 and inner.x1 <= outer.x1 + 1, gid
        assert outer.y0 <= inner.y0 + 1 and inner.y1 <= outer.y1 + 1, gid


def test_highlight_marks_one_column(snapshot: SessionSnapshot) -> None:
    figure = board_figure(snapshot, load_guide("sv"), highlight=ItemKind.RESULT)
    columns = by_gid(figure, "column-")
    band = columns["column-result"]
    assert isinstance(band, Rectangle)
    assert band.get_facecolor()[:3] == pytest.approx(tuple(int(HIGHLIGHT[i : i + 2], 16) / 255 for i in (1, 3, 5)))
    header = by_gid(figure, "header-")["header-result"]
    assert isinstance(header, Text)
    assert header.get_text().startswith("▶ Resultat (8)")
    other = by_gid(figure, "header-")["header-effect"]
    assert other.get_text() == "Effekter (3)"  # type: ignore[attr-defined]


def test_png_and_svg_without_qt(snapshot: SessionSnapshot) -> None:
    figure = board_figure(snapshot, load_guide("en"))
    png, svg = io.BytesIO(), io.BytesIO()
    figure.savefig(png, format="png", dpi=80)
    figure.savefig(svg, format="svg")
    assert png.getvalue().startswith(b"\x89PNG")
    assert b"<svg" in svg.getvalue()
    headers = by_gid(figure, "header-")
    assert headers["header-mediator"].get_text().replace("\n", " ") == "Mediating instances (2)"  # type: ignore[attr-defined]


def test_an_empty_board_has_its_columns(services: Services) -> None:
    created = services.sessions.create_session(NewSession(organisation="Tom", date=dt.date(2026, 1, 1)))
    assert created.new_id is not None
    figure = board_figure(services.sessions.snapshot(created.new_id), load_guide("sv"))
    assert len(by_gid(figure, "column-")) == 6
    assert not by_gid(figure, "item-")
    assert figure.get_figwidth() == pytest.approx(11.0)
