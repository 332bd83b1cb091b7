"""Benchmark: the program-logic board with 200 items and 500 links (issue 4).

    .venv/bin/python tests/bench/bench_board.py

Targets: adding a link and refreshing the findings under 16 ms; redrawing the whole board under 100 ms.
Measured on the real board (``BoardStep``, offscreen Qt platform, a 1920×1080 window) over a fresh
SQLite database:

- ``add_link_ms``: ``BoardStep.link_items`` — the service call (one transaction), the findings computed
  again from the board's own state (no snapshot re-read), the changed gap marks, the new arrow, the findings
  panel — and the event loop's repaint of what changed;
- ``add_link_shown_ms``: the part of ``add_link_ms`` until the new arrow, the marks and the findings are
  painted (the board paints before the database's durable write, which waits for the disk: fsync, since
  the storage runs SQLite with ``synchronous=FULL``);
- ``add_link_logic_ms``: the same without the service call and the repaint (findings + scene update);
- ``service_add_link_ms``: the service call alone (SQLite, one transaction);
- ``remove_link_ms``: unticking a link, with repaint;
- ``repaint_ms``: painting the whole visible board (1920×1080 window) once;
- ``redraw_ms``: building every card and arrow of the scene anew from the board's state and painting the
  whole view; ``redraw_cold_ms`` the same with every text wrapped anew;
- ``relayout_ms``: a new width (a resize or zoom step): every text wrapped and every card placed again,
  every arrow re-routed, the view painted;
- ``reload_ms``: reading the session back from the database and showing what changed (after an edit of
  an item's text or status);
- ``export_png_ms``: the whole board to a PNG file.

``run()`` returns the medians (ms) as a dict; the script prints them with the 90th percentiles.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from lardesk.method.logic import ItemKind, can_link
from lardesk.services import NewSession, Services
from lardesk.ui.board.step import BoardStep
from lardesk.ui.bus import ChangeBus

COUNTS = {
    ItemKind.STARTING_POINT: 5,
    ItemKind.RESOURCE: 30,
    ItemKind.ACTIVITY: 55,
    ItemKind.RESULT: 55,
    ItemKind.MEDIATOR: 20,
    ItemKind.EFFECT: 35,
}
LINKS = 500
REPEATS = 40
TARGETS = {"add_link_ms": 16.0, "add_link_shown_ms": 16.0, "redraw_ms": 100.0, "repaint_ms": 100.0}


CPU_TIMES: dict[int, list[float]] = {}
"""Process CPU time of each run of _timed, by the id of its wall-time list (this machine may be shared:
wall time then includes waiting for a CPU, CPU time only the board's own work)."""


def _timed(call: Callable[[], object], repeats: int) -> list[float]:
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    CPU_TIMES[id(times)] = cpu
    return times


def _populate(services: Services) -> int:
    created = services.sessions.create_session(NewSession(organisation="Benchmark kommun", date=dt.date(2026, 11, 25)))
    assert created.new_id is not None
    session_id = created.new_id
    rng = random.Random(4)
    ids: dict[ItemKind, list[int]] = {kind: [] for kind in COUNTS}
    for kind, count in COUNTS.items():
        for n in range(count):
            words = rng.randint(3, 14)
            text = " ".join(
                rng.choice(("jämställdhet", "analys", "utbildning", "chefer", "statistik", "kön")) for _ in range(words)
            )
            changes = services.logic.add_item(session_id, kind, f"{kind.value} {n + 1}: {text}")
            assert changes.new_id is not None
            ids[kind].append(changes.new_id)
    pairs = [
        (source_kind, target_kind)
        for source_kind in COUNTS
        for target_kind in COUNTS
        if can_link(source_kind, target_kind)
    ]
    made: set[tuple[int, int]] = set()
    while len(made) < LINKS:
        source_kind, target_kind = rng.choice(pairs)
        link = (rng.choice(ids[source_kind]), rng.choice(ids[target_kind]))
        if link not in made:
            services.logic.add_link(*link)
            made.add(link)
    return session_id


def run(repeats: int = REPEATS) -> dict[str, float]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as directory:
        services = Services.open(f"sqlite:///{Path(directory) / 'bench.sqlite'}", Path(directory) / "backups")
        try:
            return _run(services, app, repeats, Path(directory))
        finally:
            services.close()


def _run(services: Services, app: object, repeats: int, directory: Path) -> dict[str, float]:
    assert isinstance(app, QApplication)
    session_id = _populate(services)
    bus = ChangeBus(services)
    step = BoardStep(services, bus, session_id)
    step.resize(1920, 1080)
    step.show()
    app.processEvents()
    state = step.state
    assert len(state.items) == sum(COUNTS.values()) and len(state.links) == LINKS

    activities = state.columns[ItemKind.ACTIVITY]
    results = state.columns[ItemKind.RESULT]
    free = [(a, r) for a in activities for r in results if (a, r) not in state.links]
    random.Random(7).shuffle(free)
    todo = iter(free)
    step.view.select_and_show(activities[0])  # a selection: arrows are emphasised and faded too
    app.processEvents()

    def add_link() -> None:
        step.link_items(*next(todo))
        app.processEvents()  # the repaint of what changed, as the event loop does it

    existing = iter(sorted(state.links))

    def remove_link() -> None:
        step.unlink_items(*next(existing))
        app.processEvents()

    shown_free = iter(free[repeats * 5 : repeats * 6])

    def add_link_shown() -> None:
        # link_items up to the moment the new arrow and marks are on screen (before the durable write)
        step._after_link(state.add_link(*next(shown_free)), paint=True)

    service_free = iter(free[repeats * 4 : repeats * 5])

    def service_add_link() -> None:
        services.logic.add_link(*next(service_free))

    logic_free = iter(free[repeats * 2 : repeats * 4])

    def add_link_logic() -> None:
        delta = state.add_link(*next(logic_free))
        step.scene.apply(delta)
        step.findings.show_findings(state.findings, {i: item.key for i, item in state.items.items()})

    def repaint() -> None:
        step.view.viewport().repaint()

    def redraw() -> None:
        step.scene.rebuild(state)
        step.view.viewport().repaint()

    widths = iter([1500.0, 1520.0] * repeats)

    def relayout() -> None:
        step.scene.set_width(next(widths))  # a resize or zoom step: every text wrapped, every card placed
        step.view.viewport().repaint()

    def redraw_cold() -> None:
        step.scene._wrapped.clear()  # every text wrapped again too (a new width after a resize or zoom)
        redraw()

    def reload() -> None:
        item = state.items[results[0]]
        services.logic.update_item(item.id, text=item.text + " ·")
        step.reload()
        step.view.viewport().repaint()

    measured = {
        "add_link_ms": _timed(add_link, repeats),
        "remove_link_ms": _timed(remove_link, min(repeats, 20)),
        "add_link_shown_ms": _timed(add_link_shown, repeats),
        "add_link_logic_ms": _timed(add_link_logic, repeats),
        "service_add_link_ms": _timed(service_add_link, repeats),
        "repaint_ms": _timed(repaint, max(5, repeats // 4)),
        "redraw_ms": _timed(redraw, max(5, repeats // 4)),
        "redraw_cold_ms": _timed(redraw_cold, max(5, repeats // 4)),
        "relayout_ms": _timed(relayout, max(5, repeats // 4)),
        "reload_ms": _timed(reload, max(5, repeats // 4)),
        "export_png_ms": _timed(lambda: step.export(directory / "board.png"), 3),
    }
    step.close()
    step.deleteLater()
    app.processEvents()
    result = {name: statistics.median(times) for name, times in measured.items()}
    result.update({f"{name}_p90": sorted(times)[int(len(times) * 0.9) - 1] for name, times in measured.items()})
    result.update({f"{name}_cpu": statistics.median(CPU_TIMES[id(times)]) for name, times in measured.items()})
    result["load_average"] = os.getloadavg()[0]
    result["cpus"] = float(os.cpu_count() or 1)
    return result


def main() -> None:
    figures = run()
    items, links = sum(COUNTS.values()), LINKS
    print(
        f"Program-logic board, {items} items, {links} links (wall-clock median, 90th percentile, median CPU time "
        f"of this process; load average {figures['load_average']:.1f} on {figures['cpus']:.0f} CPUs):"
    )
    names = (
        "add_link_ms",
        "add_link_shown_ms",
        "add_link_logic_ms",
        "service_add_link_ms",
        "remove_link_ms",
        "repaint_ms",
        "redraw_ms",
        "redraw_cold_ms",
        "relayout_ms",
        "reload_ms",
        "export_png_ms",
    )
    for name in names:
        target = TARGETS.get(name)
        verdict = (
            "" if target is None else (f"  target < {target:.0f} ms: " + ("ok" if figures[name] < target else "MISSED"))
        )
        print(
            f"  {name:<20} {figures[name]:8.2f} ms   p90 {figures[name + '_p90']:8.2f} ms"
            f"   cpu {figures[name + '_cpu']:8.2f} ms{verdict}"
        )


if __name__ == "__main__":
    main()
