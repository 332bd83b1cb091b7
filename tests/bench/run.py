"""Run every benchmark and print every figure: ``.venv/bin/python tests/bench/run.py``

Each ``tests/bench/bench_*.py`` module with a ``run() -> dict[str, float]`` runs in its own Python process
(offscreen Qt), one after the other; the GUI start-up benchmarks start further processes of their own.
Figures are printed, never asserted (timings belong in a report, not in a test). Options:

    tests/bench/run.py [NAME ...]          only these benchmarks (e.g. startup session)
    tests/bench/run.py --json FILE         also write all figures as JSON

Targets (issue 7): first paint within 3× a bare PySide6 window; opening a session of 30 participants and
200 logic items under 150 ms; peak memory with that session open under 250 MB. Issue 15: the overview of 300
units × 10 years opens in under 300 ms, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ORDER = ("startup", "session", "board", "spread", "minutes")
TARGETS = {
    "startup_first_paint_ratio": ("<=", 3.0),
    "open_session_ms": ("<", 150.0),
    "peak_rss_mb": ("<", 250.0),
    "add_link_ms": ("<", 16.0),
    "redraw_ms": ("<", 100.0),
    "overview_sqlite_ms": ("<", 300.0),
    "overview_postgres_ms": ("<", 300.0),
    "overview_window_sqlite_ms": ("<", 300.0),
    "overview_window_postgres_ms": ("<", 300.0),
}
CHILD = """
import json, sys
sys.path.insert(0, {repo!r})
from tests.bench.bench_{name} import run
figures = run()
print("@@FIGURES@@" + json.dumps({{k: float(v) for k, v in figures.items()}}))
"""


def available() -> list[str]:
    found = [p.stem.removeprefix("bench_") for p in sorted(HERE.glob("bench_*.py"))]
    return sorted(found, key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n))


def run_one(name: str) -> tuple[dict[str, float] | None, str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(repo=str(REPO), name=name)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)},
        timeout=1800,
        check=False,
    )
    seconds = time.perf_counter() - started
    for line in done.stdout.splitlines():
        if line.startswith("@@FIGURES@@"):
            figures: dict[str, float] = json.loads(line.removeprefix("@@FIGURES@@"))
            return figures, done.stdout.replace(line, "").strip(), seconds
    return None, (done.stdout + done.stderr)[-3000:], seconds


def _verdict(key: str, value: float) -> str:
    if key not in TARGETS:
        return ""
    op, limit = TARGETS[key]
    ok = value <= limit if op == "<=" else value < limit
    return f"  (target {op} {limit:g}: {'met' if ok else 'NOT met'})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default all: {', '.join(available())})")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    names = args.names or available()
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    print(
        f"lardesk benchmarks: Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {load[0]:.1f}, Qt platform offscreen"
    )
    everything: dict[str, dict[str, float]] = {}
    failed = []
    for name in names:
        if not (HERE / f"bench_{name}.py").exists():
            print(f"\n== {name}: there is no tests/bench/bench_{name}.py")
            failed.append(name)
            continue
        figures, output, seconds = run_one(name)
        print(f"\n== {name} ({seconds:.0f} s)")
        if figures is None:
            print(f"   FAILED:\n{output}")
            failed.append(name)
            continue
        everything[name] = figures
        for key, value in figures.items():
            print(f"   {key:<34} {value:12.2f}{_verdict(key, value)}")
        if name == "startup":
            sys.path.insert(0, str(REPO))
            from tests.bench.bench_startup import importtime_report

            print("   " + importtime_report().replace("\n", "\n   "))
    if args.json:
        Path(args.json).write_text(json.dumps(everything, indent=2) + "\n", encoding="utf-8")
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
