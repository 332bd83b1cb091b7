"""Benchmark: fifty phones at once against a rating round on loopback (issue 16).

    .venv/bin/python tests/bench/bench_phones.py [BURSTS] [FOLLOW_EVERY]

A session of 50 participants; 50 simulated phones (threads, each from its own loopback address 127.0.1.N)
are released together, and each loads the page, takes a seat and sends three answers (the later ones replace
the first). Every answer is written through the ratings service to SQLite with ``synchronous=FULL``. Prints
the median and 99th-percentile latency of each kind of request, seen by the phone (connect to last byte), and
the wall time of the whole burst. Figures are printed, never asserted. Loopback only. FOLLOW_EVERY (seconds,
default the round's own) is how often the round reads who is present while it runs: a small value shows what
those readings cost the phones.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from lardesk.server.runner import FOLLOW_EVERY, start_round
from lardesk.services import Services
from tests.server.phones import make_session, percentile, run_phones, stored

PHONES = 50
ANSWERS_EACH = 3
BURSTS = 3


def run(bursts: int = BURSTS, follow_every: float = FOLLOW_EVERY) -> dict[str, float]:
    latencies: dict[str, list[float]] = {"page": [], "seat": [], "answer": []}
    walls: list[float] = []
    with tempfile.TemporaryDirectory() as directory:
        services = Services.open(f"sqlite:///{Path(directory) / 'bench.sqlite'}", Path(directory) / "backups")
        try:
            for _ in range(bursts):
                sid = make_session(services, PHONES)
                server = start_round(services, sid, 1, "127.0.0.1", 0, follow_every=follow_every)
                try:
                    scales = [s.scale for s in server.round.scales]
                    started = time.perf_counter()
                    result = run_phones(server.address.url, PHONES, scales, answers_each=ANSWERS_EACH)
                    walls.append(time.perf_counter() - started)
                finally:
                    server.stop()
                if result.failures or server.round.answered != PHONES:
                    raise SystemExit(f"the burst failed: {result.failures[:3]}")
                if len({row[0] for row in stored(services, sid)}) != PHONES:
                    raise SystemExit("not every phone's answer is stored")
                for kind, values in result.latencies.items():
                    latencies[kind].extend(values)
        finally:
            services.close()
    figures: dict[str, float] = {}
    for kind, values in latencies.items():
        figures[f"{kind}_median_ms"] = statistics.median(values) * 1000
        figures[f"{kind}_p99_ms"] = percentile(values, 0.99) * 1000
    every = [v for values in latencies.values() for v in values]
    figures["all_median_ms"] = statistics.median(every) * 1000
    figures["all_p99_ms"] = percentile(every, 0.99) * 1000
    figures["burst_wall_s"] = statistics.median(walls)
    figures["requests"] = float(len(every))
    figures["follow_every_s"] = follow_every
    return figures


if __name__ == "__main__":
    bursts = int(sys.argv[1]) if len(sys.argv) > 1 else BURSTS
    every = float(sys.argv[2]) if len(sys.argv) > 2 else FOLLOW_EVERY
    for key, value in run(bursts, every).items():
        print(f"{key:>20}: {value:8.1f}")
