"""History across an organisation's sessions: the service that reads it and the figure that shows it."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.lines import Line2D

from lardesk.charts.spread import history_figure
from lardesk.method.guide import load_guide
from lardesk.services import InputError, NewParticipant, NewSession, NotFound, Services

GUIDE = load_guide("sv")


def test_history_of_the_demo_organisation(any_services: Services) -> None:
    services = any_services
    latest = services.exchange.load_demo()
    snapshot = services.sessions.snapshot(latest)
    sessions = services.ratings.history(snapshot.session.organisation.id)
    assert [s.id for s in sessions][-1] == latest
    assert len(sessions) == 2
    assert sessions[0].date < sessions[1].date
    this_year = sessions[1]
    for stats in snapshot.stats(1):
        history = this_year.scale(stats.scale)
        assert history is not None
        assert (history.median, history.minimum, history.maximum, history.n) == (
            stats.median,
            stats.minimum,
            stats.maximum,
            stats.n,
        )
    nine = this_year.scale(9)
    assert nine is not None
    assert nine.joint == 5
    assert snapshot.previous is not None
    assert sessions[0].scales == snapshot.previous.scales  # the same numbers as "last year" in the snapshot


def test_history_of_an_unknown_organisation(services: Services) -> None:
    with pytest.raises(NotFound):
        services.ratings.history(999)


def test_history_figure_shows_median_range_and_joint(services: Services) -> None:
    latest = services.exchange.load_demo()
    organisation = services.sessions.snapshot(latest).session.organisation.id
    sessions = services.ratings.history(organisation)
    figure = history_figure(sessions, GUIDE)
    for scale in range(1, 10):
        (line,) = [a for a in figure.findobj(Line2D) if a.get_gid() == f"history-median-{scale}"]
        medians = [s.scale(scale).median for s in sessions]  # type: ignore[union-attr]
        assert list(np.asarray(line.get_ydata(), dtype=float)) == [m for m in medians if m is not None]
        (ranges,) = [a for a in figure.findobj(LineCollection) if a.get_gid() == f"history-range-{scale}"]
        segments = ranges.get_segments()
        expected = [(s.scale(scale).minimum, s.scale(scale).maximum) for s in sessions]  # type: ignore[union-attr]
        assert [(seg[0][1], seg[1][1]) for seg in segments] == expected
    (joints,) = [a for a in figure.findobj(PathCollection) if a.get_gid() == "history-joint-9"]
    assert [float(y) for _, y in np.asarray(joints.get_offsets())] == [
        float(s.scale(9).joint)  # type: ignore[union-attr, arg-type]
        for s in sessions
        if s.scale(9) is not None and s.scale(9).joint is not None  # type: ignore[union-attr]
    ]
    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]


def test_set_ratings_saves_a_whole_form_in_one_call(any_services: Services) -> None:
    services = any_services
    changes = services.sessions.create_session(
        NewSession(
            organisation="Ankeby",
            date=dt.date(2026, 11, 25),
            participants=(NewParticipant(role="A"), NewParticipant(role="B")),
        )
    )
    assert changes.new_id is not None
    snapshot = services.sessions.snapshot(changes.new_id)
    first = snapshot.participants[0].id
    services.ratings.set_ratings(first, {1: 10, 2: None, 3: 4})
    services.ratings.set_ratings(first, {3: 5}, round_=2)
    services.ratings.set_ratings(first, {1: 9})
    after = services.sessions.snapshot(changes.new_id)
    assert {(r.scale, r.round, r.value) for r in after.ratings} == {(1, 1, 9), (2, 1, None), (3, 1, 4), (3, 2, 5)}
    with pytest.raises(InputError):
        services.ratings.set_ratings(first, {1: 11})
    with pytest.raises(InputError):
        services.ratings.set_ratings(first, {10: 5})
    assert services.sessions.snapshot(changes.new_id).ratings == after.ratings  # nothing of a refused form saved
