"""The spread figure, checked on its artists (where the dots and the median are), never on pixels."""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
from collections.abc import Mapping, Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from lardesk.charts.spread import SpreadPlot, decimal, divided_order, history_figure, spread_figure
from lardesk.charts.spread_words import SpreadPrintWords, SpreadWords, word_fields
from lardesk.method.guide import load_guide
from lardesk.method.people import Gender
from lardesk.method.snapshot import (
    Anonymity,
    JointInfo,
    OrganisationInfo,
    ParticipantInfo,
    PreviousSession,
    RatingInfo,
    ScaleHistory,
    SessionInfo,
    SessionSnapshot,
)
from lardesk.method.words import WORD_LANGUAGES, section, word
from lardesk.services import Services

GUIDE = load_guide("sv")


def artist(figure: Figure, gid: str) -> object:
    found = [a for a in figure.findobj() if a.get_gid() == gid]
    assert len(found) == 1, f"{gid}: {len(found)} artists"
    return found[0]


def dots(figure: Figure, scale: int) -> np.ndarray:
    collection = artist(figure, f"values-{scale}")
    assert isinstance(collection, PathCollection)
    return np.asarray(collection.get_offsets()).reshape(-1, 2)


def dot_values(figure: Figure, scale: int) -> list[int]:
    return sorted(int(x) for x in dots(figure, scale)[:, 0])


def median_x(figure: Figure, scale: int) -> float | None:
    line = artist(figure, f"median-{scale}")
    assert isinstance(line, Line2D)
    xs = list(np.asarray(line.get_xdata(), dtype=float))
    if not xs:
        return None
    assert xs[0] == xs[-1]
    return float(xs[0])


def marker_x(figure: Figure, gid: str) -> list[float]:
    collection = artist(figure, gid)
    assert isinstance(collection, PathCollection)
    return [float(x) for x in np.asarray(collection.get_offsets()).reshape(-1, 2)[:, 0]]


def count_text(figure: Figure, scale: int) -> str:
    text = artist(figure, f"count-{scale}")
    assert isinstance(text, Text)
    return text.get_text()


def make_snapshot(
    table: Mapping[int, Sequence[int | None]],
    *,
    anonymity: Anonymity = Anonymity.ROLES,
    joint: dict[int, int] | None = None,
    previous: PreviousSession | None = None,
    parts: frozenset[int] = frozenset(range(1, 10)),
    absent: int = 0,
) -> SessionSnapshot:
    """A snapshot without a database: ``table`` maps a scale to each participant's value (None: abstained)."""
    people = max((len(v) for v in table.values()), default=0)
    participants = tuple(
        ParticipantInfo(id=i + 1, key=f"p{i + 1}", name=f"Person {i + 1}", role=f"Roll {i + 1}") for i in range(people)
    ) + tuple(ParticipantInfo(id=100 + i, key=f"a{i}", present=False) for i in range(absent))
    ratings = tuple(
        RatingInfo(participant_id=i + 1, scale=scale, round=1, value=value)
        for scale, values in table.items()
        for i, value in enumerate(values)
    ) + tuple(RatingInfo(participant_id=100 + i, scale=1, round=1, value=1) for i in range(absent))
    session = SessionInfo(
        id=1, organisation=OrganisationInfo(1, "Ankeby"), date=dt.date(2026, 11, 25), anonymity=anonymity, parts=parts
    )
    return SessionSnapshot(
        session=session,
        participants=participants,
        ratings=ratings,
        joint=tuple(JointInfo(scale, value, "") for scale, value in (joint or {}).items()),
        previous=previous,
    )


# -- the example worksheet ---------------------------------------------------------------------------------


def test_the_example_shows_every_value_median_and_joint(services: Services, example_id: int) -> None:
    snapshot = services.sessions.snapshot(example_id)
    figure = spread_figure(snapshot, GUIDE)
    for stats in snapshot.stats(1):
        assert dot_values(figure, stats.scale) == list(stats.values)
        assert median_x(figure, stats.scale) == stats.median
    assert dot_values(figure, 7) == [4, 6, 6, 7, 8]
    assert count_text(figure, 7) == "5 av 6"
    assert count_text(figure, 1) == "6 av 6"
    assert (median_x(figure, 1), median_x(figure, 4), median_x(figure, 9)) == (7, 3, 5.5)
    assert marker_x(figure, "joint-9") == [5]
    assert marker_x(figure, "joint-1") == []
    iqr = artist(figure, "iqr-9")
    assert isinstance(iqr, Rectangle)
    q1, q3 = snapshot.stats(1, [9])[0].quartiles or (0, 0)
    assert iqr.get_x() < q1 < q3 < iqr.get_x() + iqr.get_width()
    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]  # it renders


def test_last_year_is_shown_as_faint_markers(services: Services) -> None:
    session_id = services.exchange.load_demo()
    snapshot = services.sessions.snapshot(session_id)
    assert snapshot.previous is not None
    figure = spread_figure(snapshot, GUIDE)
    for history in snapshot.previous.scales:
        expected = [] if history.median is None else [history.median]
        assert marker_x(figure, f"previous-median-{history.scale}") == expected
        assert marker_x(figure, f"previous-joint-{history.scale}") == ([] if history.joint is None else [history.joint])
    assert any(marker_x(figure, f"previous-joint-{s}") for s in range(1, 10))
    labels = [t.get_text() for t in figure.legends[0].get_texts()]
    assert "förra årets median" in labels
    assert "samlad bedömning" in labels
    # a previous follow-up half a year before is not "last year"
    sooner = dataclasses.replace(
        snapshot, previous=dataclasses.replace(snapshot.previous, date=snapshot.session.date - dt.timedelta(days=180))
    )
    labels = [t.get_text() for t in spread_figure(sooner, GUIDE).legends[0].get_texts()]
    assert "föregående uppföljnings median" in labels and "förra årets median" not in labels


def test_equal_values_are_stacked_not_hidden() -> None:
    figure = spread_figure(make_snapshot({1: [5, 5, 5, 7]}, parts=frozenset({1})), GUIDE)
    points = dots(figure, 1)
    fives = sorted(y for x, y in points if x == 5)
    assert len(fives) == 3
    assert len(set(fives)) == 3  # one above the other


def test_abstentions_and_absent_people_are_not_counted() -> None:
    figure = spread_figure(make_snapshot({1: [4, None, 8]}, parts=frozenset({1}), absent=2), GUIDE)
    assert dot_values(figure, 1) == [4, 8]
    assert count_text(figure, 1) == "2 av 3"
    assert median_x(figure, 1) == 6


def test_a_scale_without_ratings_has_no_median() -> None:
    figure = spread_figure(make_snapshot({1: [4]}, parts=frozenset({1, 2})), GUIDE)
    assert dot_values(figure, 2) == []
    assert median_x(figure, 2) is None
    assert count_text(figure, 2) == "0 av 1"


def test_only_agreed_scales_are_drawn_and_scale_9_always() -> None:
    figure = spread_figure(make_snapshot({2: [4], 9: [5]}, parts=frozenset({2})), GUIDE)
    gids = {a.get_gid() for a in figure.findobj() if a.get_gid()}
    assert "values-2" in gids
    assert "values-9" in gids
    assert "values-1" not in gids


@settings(max_examples=25, deadline=None, database=None)  # no .hypothesis folder in the checkout
@given(st.lists(st.one_of(st.none(), st.integers(1, 10)), min_size=1, max_size=15))
def test_any_set_of_values_is_shown_exactly(values: list[int | None]) -> None:
    figure = spread_figure(make_snapshot({9: values}, parts=frozenset()), GUIDE)
    given_values = sorted(v for v in values if v is not None)
    assert dot_values(figure, 9) == given_values
    assert median_x(figure, 9) == (statistics.median(given_values) if given_values else None)
    assert count_text(figure, 9) == f"{len(given_values)} av {len(values)}"


# -- hidden until revealed ---------------------------------------------------------------------------------


def test_before_the_reveal_only_who_has_rated_is_shown() -> None:
    snapshot = make_snapshot({1: [3, 9, None, 7], 9: [5, 5, 6, 6]}, parts=frozenset({1}), joint={9: 5})
    figure = spread_figure(snapshot, GUIDE, revealed=False)
    for scale in (1, 9):
        assert dot_values(figure, scale) == []
        assert median_x(figure, scale) is None
        assert marker_x(figure, f"joint-{scale}") == []
        assert not artist(figure, f"iqr-{scale}").get_visible()  # type: ignore[attr-defined]
    progress = artist(figure, "progress-1")
    assert isinstance(progress, PathCollection)
    assert np.asarray(progress.get_offsets()).shape[0] == 4  # one ring per person present
    filled = np.asarray(progress.get_facecolor())[:, :3]
    # all four have answered (one abstained): before the reveal an abstention is not told apart from a value
    assert sum(1 for c in filled if tuple(c) != (1.0, 1.0, 1.0)) == 4
    assert count_text(figure, 1) == "4 av 4"
    assert count_text(spread_figure(snapshot, GUIDE, revealed=True), 1) == "3 av 4"  # after: three gave a value
    # no value axis either: nothing can be read as a value
    assert list(figure.axes[0].get_xticks()) == []
    texts = {t.get_text() for t in figure.findobj(Text)}
    assert not texts & {"3", "7", "9"}


# -- names and order ---------------------------------------------------------------------------------------


def test_names_only_in_open_mode() -> None:
    table = {1: [3, 9]}
    roles = spread_figure(make_snapshot(table, parts=frozenset({1})), GUIDE, show_names=True)
    assert not [t for t in roles.findobj(Text) if str(t.get_gid()).startswith("name-")]
    assert "Person 1" not in {t.get_text() for t in roles.findobj(Text)}
    opened = spread_figure(make_snapshot(table, parts=frozenset({1}), anonymity=Anonymity.OPEN), GUIDE, show_names=True)
    names = {t.get_text() for t in opened.findobj(Text) if t.get_gid() == "name-1"}
    assert names == {"Person 1 (Roll 1)", "Person 2 (Roll 2)"}
    quiet = spread_figure(make_snapshot(table, parts=frozenset({1}), anonymity=Anonymity.OPEN), GUIDE)
    assert not [t for t in quiet.findobj(Text) if t.get_gid() == "name-1"]


def row_order(figure: Figure) -> list[int]:
    """The scales top to bottom, read off the y tick labels."""
    axes = figure.axes[0]
    pairs = sorted(zip(axes.get_yticks(), axes.get_yticklabels(), strict=True), key=lambda p: -p[0])
    return [int(label.get_text().split()[0]) for _, label in pairs]


def test_most_divided_first() -> None:
    snapshot = make_snapshot({1: [5, 5, 5, 5], 2: [1, 10, 1, 10], 3: [4, 6, 4, 6]}, parts=frozenset({1, 2, 3}))
    order = divided_order(snapshot)
    assert order[:3] == [2, 3, 1]
    assert row_order(spread_figure(snapshot, GUIDE, order=order)) == order
    assert row_order(spread_figure(snapshot, GUIDE)) == [1, 2, 3, 9]


# -- the fast path -----------------------------------------------------------------------------------------


def test_one_changed_rating_moves_only_its_row() -> None:
    before = make_snapshot({1: [3, 4, 5], 2: [6, 6, 7]}, parts=frozenset({1, 2}))
    plot = SpreadPlot(GUIDE, animated=True)
    assert plot.show(before) is True
    assert plot.changed == [1, 2, 9]
    ratings = tuple(
        dataclasses.replace(r, value=9) if (r.participant_id, r.scale) == (3, 2) else r for r in before.ratings
    )
    after = dataclasses.replace(before, ratings=ratings)
    assert plot.show(after) is False
    assert plot.changed == [2]
    assert dot_values(plot.figure, 2) == [6, 6, 9]
    assert median_x(plot.figure, 2) == 6
    canvas = FigureCanvasAgg(plot.figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    background = canvas.copy_from_bbox(plot.figure.bbox)  # type: ignore[no-untyped-call]
    plot.redraw_changed(canvas, background)
    assert plot.show(after) is False
    assert plot.changed == []
    assert plot.show(after, revealed=False) is True  # a reveal rebuilds
    # a taller stack makes every dot smaller: then every row changes
    taller = dataclasses.replace(
        after, ratings=tuple(dataclasses.replace(r, value=6) if r.scale == 2 else r for r in after.ratings)
    )
    plot.show(after)
    plot.show(taller)
    assert plot.changed == [1, 2, 9]


def test_the_projector_variant_uses_larger_type() -> None:
    snapshot = make_snapshot({1: [3, 4]}, parts=frozenset({1}))
    screen = spread_figure(snapshot, GUIDE)
    projector = spread_figure(snapshot, GUIDE, projector=True)

    def size(figure: Figure) -> float:
        text = artist(figure, "count-1")
        assert isinstance(text, Text)
        return float(text.get_fontsize())

    assert size(projector) >= 1.8 * size(screen)
    assert size(projector) >= 20


def test_a_figure_is_reused_when_given() -> None:
    figure = Figure()
    assert spread_figure(make_snapshot({1: [3]}), GUIDE, figure=figure) is figure
    spread_figure(make_snapshot({1: [8]}), GUIDE, figure=figure)
    assert dot_values(figure, 1) == [8]


@pytest.mark.parametrize(("value", "language", "text"), [(7.0, "sv", "7"), (5.5, "sv", "5,5"), (5.5, "en", "5.5")])
def test_decimal(value: float, language: str, text: str) -> None:
    assert decimal(value, language) == text


def test_the_english_guide_gives_english_words() -> None:
    snapshot = make_snapshot({1: [3, 4]}, parts=frozenset({1}))
    figure = spread_figure(snapshot, load_guide("en"))
    assert count_text(figure, 1) == "2 of 2"


def test_previous_session_without_ratings_draws_no_markers() -> None:
    previous = PreviousSession(
        id=9, date=dt.date(2025, 11, 1), period="2025", scales=(ScaleHistory(1, None, None, None, 0, None),)
    )
    figure = spread_figure(make_snapshot({1: [3]}, parts=frozenset({1}), previous=previous), GUIDE)
    assert marker_x(figure, "previous-median-1") == []
    assert marker_x(figure, "previous-joint-1") == []


def test_gender_is_never_drawn() -> None:
    snapshot = make_snapshot({1: [3, 4, 5]}, parts=frozenset({1}))
    snapshot = dataclasses.replace(
        snapshot, participants=tuple(dataclasses.replace(p, gender=Gender.WOMAN) for p in snapshot.participants)
    )
    figure = spread_figure(snapshot, GUIDE)
    assert not {t.get_text() for t in figure.findobj(Text)} & {"kvinna", "kvinnor", "woman"}


def test_the_spreads_words_are_the_catalogues_spread_section() -> None:
    """The typed words are built from the catalogue: a word missing from it, or one they do not know, fails."""
    for language in WORD_LANGUAGES:
        entries = section("spread", language)
        assert {key for key in entries if "." not in key} == word_fields(SpreadWords)
        assert set(section("spread.print", language)) == word_fields(SpreadPrintWords)
        assert {key for key in entries if "." in key} == {f"print.{name}" for name in word_fields(SpreadPrintWords)}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_spread_says_the_catalogue_words_in_both_languages(services: Services, language: str) -> None:
    guide = load_guide(language)
    snapshot = services.sessions.snapshot(services.exchange.load_demo())
    assert snapshot.previous is not None
    figure = spread_figure(snapshot, guide)
    labels = [t.get_text() for t in figure.legends[0].get_texts()]
    marks = [word(f"spread.{key}", language) for key in ("value", "median", "iqr", "joint")]
    assert labels == [*marks, word("spread.last_year_median", language), word("spread.last_year_joint", language)]
    stats = snapshot.stats(1, [7])[0]
    assert count_text(figure, 7) == word("spread.count", language, n=stats.n, total=stats.present)
    assert count_text(figure, 7) == {"sv": "5 av 6", "en": "5 of 6"}[language]
    sooner = dataclasses.replace(
        snapshot, previous=dataclasses.replace(snapshot.previous, date=snapshot.session.date - dt.timedelta(days=180))
    )
    labels = [t.get_text() for t in spread_figure(sooner, guide).legends[0].get_texts()]
    assert labels[4:] == [word("spread.previous_median", language), word("spread.previous_joint", language)]
    hidden = spread_figure(snapshot, guide, revealed=False)
    assert word("spread.hidden", language) in [t.get_text() for t in hidden.texts]
    history = history_figure([snapshot.previous], guide)
    shown = [t.get_text() for t in history.legends[0].get_texts()]
    assert shown == [word(f"spread.{key}", language) for key in ("median_label", "range_label", "joint")]
