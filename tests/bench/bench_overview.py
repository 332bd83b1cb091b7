"""Benchmark: the strategist's overview of 300 units × 10 years, on SQLite and on PostgreSQL.

    .venv/bin/python tests/bench/bench_overview.py          (PostgreSQL when LARDESK_TEST_POSTGRES_URL is set)

The database is filled directly (bulk inserts through the models' tables, the same every time): 300
organisations' units, one follow-up a year for 10 years, each with 8 participants who rate the nine scales,
24 linked logic items, nine agreed values and 12 improvement actions — 3,000 sessions, 216,000 ratings.

- ``overview_<backend>_ms``: ``services.overview.overview()`` (the read the overview window makes; target
  under 300 ms), median of warm calls; ``overview_<backend>_cold_ms`` the first call on a new connection pool;
  ``overview_<backend>_cpu_ms`` this process's CPU time for it (what the other load on a shared machine cannot
  inflate);
- ``overview_<backend>_year_ms``: the same filtered to one year;
- ``overview_window_<backend>_ms``: opening the GUI's overview window on it (read, table model, first paint);
- ``actions_<backend>_ms``: the list of all 36,000 actions across units.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from lardesk.services import Services
from lardesk.storage.models import (
    FollowUpSession,
    Improvement,
    JointAssessment,
    LogicItem,
    LogicLink,
    Organisation,
    Participant,
    Rating,
)

UNITS = 300
YEARS = 10
PARTICIPANTS = 8
REPEATS = 7
KINDS = (("resource", 3), ("activity", 7), ("result", 7), ("mediator", 2), ("effect", 5))
TARGET = {"resource": "activity", "activity": "result", "result": "effect", "mediator": "result"}
ACTIVITY = ("planned", "implemented", "partly_implemented", "not_implemented")
RESULT = ("expected", "achieved", "partly_achieved", "not_achieved")


def rows(units: int = UNITS, years: int = YEARS) -> dict[Any, list[dict[str, Any]]]:
    """Every table's rows, with explicit ids (so links can name their items without a round trip)."""
    rng = random.Random(15)
    tables: dict[Any, list[dict[str, Any]]] = {
        table: []
        for table in (Organisation, FollowUpSession, Participant, Rating, LogicItem, LogicLink, JointAssessment)
    }
    tables[Improvement] = []
    ids = dict.fromkeys(("session", "participant", "item"), 0)
    for unit in range(1, units + 1):
        tables[Organisation].append({"id": unit, "name": f"Kommun {1 + unit // 12:02d}", "unit": f"Enhet {unit:03d}"})
        previous: int | None = None
        for year in range(2017, 2017 + years):
            ids["session"] += 1
            sid = ids["session"]
            tables[FollowUpSession].append(
                {
                    "id": sid,
                    "organisation_id": unit,
                    "title": f"Lärande uppföljning {year}",
                    "date": dt.date(year, 11, 1 + unit % 28),
                    "period": str(year),
                    "facilitator": "Jämställdhetsstrateg",
                    "case_number": "",
                    "language": "sv",
                    "anonymity": "roles",
                    "parts": frozenset(range(1, 10)),
                    "defer_improvements": False,
                    "current_step": "",
                    "revealed_rounds": "1",
                    "previous_session_id": previous,
                    "extra": "",
                }
            )
            previous = sid
            for position in range(PARTICIPANTS):
                ids["participant"] += 1
                pid = ids["participant"]
                tables[Participant].append(
                    {
                        "id": pid,
                        "session_id": sid,
                        "key": f"p{position + 1}",
                        "name": None,
                        "role": "Chef",
                        "gender": ("woman", "man")[position % 2],
                        "present": position != 7 or year % 2 == 0,
                        "position": position,
                    }
                )
                for scale in range(1, 10):
                    value = None if rng.random() < 0.05 else rng.randint(2, 9)
                    tables[Rating].append(
                        {"session_id": sid, "participant_id": pid, "scale": scale, "round": 1, "value": value}
                    )
            by_kind: dict[str, list[int]] = {}
            for kind, count in KINDS:
                for n in range(count):
                    ids["item"] += 1
                    status = (
                        rng.choice(ACTIVITY) if kind == "activity" else rng.choice(RESULT) if kind == "result" else None
                    )
                    tables[LogicItem].append(
                        {
                            "id": ids["item"],
                            "session_id": sid,
                            "kind": kind,
                            "key": f"{kind[:3]}{n + 1}",
                            "text": f"{kind} {n + 1}",
                            "outcome": "",
                            "status": status,
                            "unexpected": False,
                            "carried_over": previous is not None and rng.random() < 0.3,
                            "dropped_reason": "Ersatt" if rng.random() < 0.03 else None,
                            "indicators": "",
                            "position": n,
                        }
                    )
                    by_kind.setdefault(kind, []).append(ids["item"])
            for kind, target in TARGET.items():
                for source in by_kind[kind]:
                    if rng.random() < 0.8:
                        for goal in rng.sample(by_kind[target], rng.randint(1, 2)):
                            tables[LogicLink].append({"session_id": sid, "source_id": source, "target_id": goal})
            for scale in range(1, 10):
                if scale == 9 or rng.random() < 0.7:
                    tables[JointAssessment].append(
                        {"session_id": sid, "scale": scale, "value": rng.randint(3, 8), "comment": ""}
                    )
            for n in range(12):
                draw = rng.random()
                tables[Improvement].append(
                    {
                        "session_id": sid,
                        "key": f"i{n + 1}",
                        "scale": 1 + n % 9,
                        "text": f"Åtgärd {n + 1}",
                        "owner": "Förvaltningschef",
                        "due": dt.date(year + 1, 6, 30),
                        "status": "done" if draw < 0.4 else "in_progress" if draw < 0.5 else "open",
                        "status_comment": "",
                        "status_date": None,
                        "position": n,
                    }
                )
    return tables


def fill(services: Services, tables: dict[Any, list[dict[str, Any]]]) -> None:
    with services.database.transaction() as db:
        for model, entries in tables.items():
            for start in range(0, len(entries), 20000):
                db.execute(insert(model), entries[start : start + 20000])
    if not services.database.is_sqlite:
        with services.database.connect() as connection:
            connection.execute(text("ANALYZE"))
            connection.commit()


def timed(call: Callable[[], object], repeats: int = REPEATS) -> float:
    return timed_both(call, repeats)[0]


def timed_both(call: Callable[[], object], repeats: int = REPEATS) -> tuple[float, float]:
    """Median wall-clock and median CPU time of this process, in ms (the CPU figure is what the machine's
    other load cannot inflate; on PostgreSQL it leaves out the server's share)."""
    times, cpu = [], []
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        call()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(times) * 1000, statistics.median(cpu) * 1000


def measure(url: str, backend: str, tables: dict[Any, list[dict[str, Any]]], backups: Path) -> dict[str, float]:
    services = Services.open(url, backups)
    try:
        fill(services, tables)
    finally:
        services.close()
    services = Services.open(url, backups)
    figures: dict[str, float] = {}
    try:
        started = time.perf_counter()
        overview = services.overview.overview()
        figures[f"overview_{backend}_cold_ms"] = (time.perf_counter() - started) * 1000
        assert len(overview.units) == UNITS, len(overview.units)
        wall, cpu = timed_both(services.overview.overview)
        figures[f"overview_{backend}_ms"] = wall
        figures[f"overview_{backend}_cpu_ms"] = cpu
        figures[f"overview_{backend}_year_ms"] = timed(lambda: services.overview.overview(year=2020))
        figures[f"actions_{backend}_ms"] = timed(services.overview.actions, 3)
        window = _window_ms(services)
        if window is not None:
            figures[f"overview_window_{backend}_ms"] = window
    finally:
        services.close()
    return figures


def _window_ms(services: Services) -> float | None:
    try:
        from PySide6.QtWidgets import QApplication

        from lardesk.ui.bus import ChangeBus
        from lardesk.ui.overview import OverviewWindow
    except ImportError:
        return None
    app = QApplication.instance() or QApplication([])
    bus = ChangeBus(services)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        window = OverviewWindow(services, bus)
        window.show()
        app.processEvents()
        times.append(time.perf_counter() - started)
        window.close()
        window.deleteLater()
        app.processEvents()
    return statistics.median(times) * 1000


def run() -> dict[str, float]:
    started = time.perf_counter()
    tables = rows()
    figures: dict[str, float] = {"generate_s": time.perf_counter() - started}
    with tempfile.TemporaryDirectory() as directory:
        started = time.perf_counter()
        figures.update(
            measure(f"sqlite:///{Path(directory) / 'bench.sqlite'}", "sqlite", tables, Path(directory) / "b")
        )
        figures["fill_and_measure_sqlite_s"] = time.perf_counter() - started
        admin_url = os.environ.get("LARDESK_TEST_POSTGRES_URL")
        if admin_url:
            name = f"lardesk_bench_{uuid.uuid4().hex[:10]}"
            admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
                started = time.perf_counter()
                figures.update(measure(url, "postgres", tables, Path(directory) / "b"))
                figures["fill_and_measure_postgres_s"] = time.perf_counter() - started
            finally:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
        else:
            print("no PostgreSQL (LARDESK_TEST_POSTGRES_URL is not set; .ci/postgres starts one): SQLite only")
    return figures


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:>32}: {value:9.1f}")
