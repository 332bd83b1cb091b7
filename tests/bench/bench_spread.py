"""Benchmark: from one changed rating to the redrawn spread, with 15 participants (target: under 50 ms).

    .venv/bin/python tests/bench/bench_spread.py

Measures, over a fresh SQLite database with 15 participants who have rated all nine scales:

- ``change_to_redraw_ms``: set_rating → snapshot → SpreadPlot.show → redraw of the data artists on the
  cached background (what the ratings step does after each keystroke that commits a value);
- ``snapshot_ms``: reading the session back (the service part of the above);
- ``update_all_rows_ms``: moving the artists of all nine rows and blitting them, without the database
  (the worst case of the fast path: a new stack height changes every row's dot size);
- ``full_redraw_ms``: building the whole figure again and drawing it (what happens on a reveal, a
  new order or a resize);
- ``keypress_to_redraw_ms``: the same in the real ratings step (Qt, offscreen): typing a value and Tab in
  the grid, through the change bus, the snapshot, the grid model and the spread canvas, to the repainted
  row.

``run()`` returns the medians (ms) as a dict; the script prints them and the 90th percentiles.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg

from lardesk.charts.spread import SpreadPlot
from lardesk.method.guide import load_guide
from lardesk.services import NewParticipant, NewSession, Services

PARTICIPANTS = 15
REPEATS = 30


def _timed(call: Callable[[], object], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def run(repeats: int = REPEATS) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as directory:
        services = Services.open(f"sqlite:///{Path(directory) / 'bench.sqlite'}", Path(directory) / "backups")
        try:
            return _run(services, repeats)
        finally:
            services.close()


def _run(services: Services, repeats: int) -> dict[str, float]:
    people = tuple(NewParticipant(role=f"Deltagare {i + 1}") for i in range(PARTICIPANTS))
    changes = services.sessions.create_session(
        NewSession(organisation="Benchmark kommun", date=dt.date(2026, 11, 25), participants=people)
    )
    assert changes.new_id is not None
    session_id = changes.new_id
    snapshot = services.sessions.snapshot(session_id)
    ids = [p.id for p in snapshot.participants]
    for index, pid in enumerate(ids):
        services.ratings.set_ratings(pid, {scale: 1 + (index * scale) % 10 for scale in range(1, 10)})
    guide = load_guide("sv")
    plot = SpreadPlot(guide, animated=True)
    canvas = FigureCanvasAgg(plot.figure)
    plot.show(services.sessions.snapshot(session_id))
    canvas.draw()  # type: ignore[no-untyped-call]
    background = canvas.copy_from_bbox(plot.figure.bbox)  # type: ignore[no-untyped-call]

    def blit() -> None:
        plot.redraw_changed(canvas, background)

    counter = iter(range(10**9))

    def change_to_redraw() -> None:
        value = 1 + next(counter) % 10
        services.ratings.set_rating(ids[0], 4, value)
        rebuilt = plot.show(services.sessions.snapshot(session_id))
        assert not rebuilt
        blit()

    fixed = services.sessions.snapshot(session_id)

    def update_only() -> None:
        plot.invalidate_data()
        plot.show(fixed)
        blit()

    def full() -> None:
        plot.invalidate()
        plot.show(fixed)
        canvas.draw()  # type: ignore[no-untyped-call]

    results = {
        "change_to_redraw_ms": _timed(change_to_redraw, repeats),
        "snapshot_ms": _timed(lambda: services.sessions.snapshot(session_id), repeats),
        "update_all_rows_ms": _timed(update_only, repeats),
        "full_redraw_ms": _timed(full, max(repeats // 3, 3)),
    }
    results["keypress_to_redraw_ms"] = _keypress(services, session_id, repeats)
    return {name: statistics.median(times) for name, times in results.items()} | {
        f"{name}_p90": statistics.quantiles(times, n=10)[-1] for name, times in results.items()
    }


def _keypress(services: Services, session_id: int, repeats: int) -> list[float]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from lardesk.ui.bus import ChangeBus
    from lardesk.ui.ratings.step import RatingsStep

    app = QApplication.instance() or QApplication([])
    services.ratings.set_revealed(session_id, 1, True)
    step = RatingsStep(services, ChangeBus(services), session_id)
    step.resize(1366, 768)
    step.show()
    QTest.qWait(300)  # the first full draw, and the one after the first resize
    grid = step.grid
    times = []
    for index in range(repeats):
        grid.setCurrentIndex(grid.ratings.index(0, 3))
        start = time.perf_counter()
        QTest.keyClicks(grid, str(1 + index % 9))
        QTest.keyClick(grid, Qt.Key.Key_Tab)
        times.append((time.perf_counter() - start) * 1000)
    step.close()
    step.deleteLater()
    app.processEvents()
    return times


def main() -> int:
    figures = run()
    print(f"spread benchmark, {PARTICIPANTS} participants × 9 scales (ms; median and 90th percentile)")
    for name in ("change_to_redraw_ms", "snapshot_ms", "update_all_rows_ms", "full_redraw_ms", "keypress_to_redraw_ms"):
        print(f"  {name:<22} {figures[name]:8.1f}   p90 {figures[name + '_p90']:8.1f}")
    target = figures["change_to_redraw_ms"] < 50
    print(f"  target < 50 ms for one changed rating: {'met' if target else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
