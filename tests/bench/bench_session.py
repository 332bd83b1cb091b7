"""Benchmark: a session with 30 participants and 200 logic items, through the services (SQLite file).

    .venv/bin/python tests/bench/bench_session.py

- ``open_session_ms``: ``services.sessions.snapshot`` (what the session window reads; target under 150 ms),
  median of warm calls; ``open_session_cold_ms`` the first call in a new process's first Services;
- ``import_ms``: importing the session's exchange file (read, check, one transaction);
- ``export_ms``: writing it as an exchange file (snapshot, document, temp file, fsync, rename).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lardesk.services import Services
from tests.bench.data import big_session

REPEATS = 10


def run(repeats: int = REPEATS) -> dict[str, float]:
    data = json.dumps(big_session(), ensure_ascii=False).encode("utf-8")
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:///{Path(directory) / 'bench.sqlite'}"
        services = Services.open(url, Path(directory) / "backups")
        try:
            imports = []
            ids = []
            for _ in range(repeats):
                started = time.perf_counter()
                new_id = services.exchange.import_bytes(data).new_id
                imports.append(time.perf_counter() - started)
                assert new_id is not None
                ids.append(new_id)
        finally:
            services.close()
        services = Services.open(url, Path(directory) / "backups")
        try:
            started = time.perf_counter()
            services.sessions.snapshot(ids[0])
            cold = time.perf_counter() - started
            opens = []
            for session_id in ids:
                started = time.perf_counter()
                snapshot = services.sessions.snapshot(session_id)
                opens.append(time.perf_counter() - started)
            assert len(snapshot.participants) == 30 and len(snapshot.items) == 200
            exports = []
            for session_id in ids:
                target = Path(directory) / f"export-{session_id}.json"
                started = time.perf_counter()
                services.exchange.export_file(session_id, target)
                exports.append(time.perf_counter() - started)
        finally:
            services.close()
    return {
        "open_session_ms": statistics.median(opens) * 1000,
        "open_session_cold_ms": cold * 1000,
        "import_ms": statistics.median(imports) * 1000,
        "export_ms": statistics.median(exports) * 1000,
        "exchange_file_kb": len(data) / 1024,
    }


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name:>24}: {value:8.1f}")
