"""What judging the database on every open costs (issue 10, item 3): a database of 300 units (organisations),
each with the guide's example session, is opened again and again; the read-only look (header, quick_check,
schema, fingerprint) is timed alone and as part of the whole open."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

from lardesk.resources import resources_dir
from lardesk.services import Services
from lardesk.storage.database import inspect_sqlite_file

UNITS = 300


def build(directory: Path) -> Path:
    path = directory / "lardesk.sqlite"
    services = Services.open(f"sqlite:///{path}", directory / "backups")
    example = json.loads((resources_dir() / "demo" / "example-bilaga1.json").read_text(encoding="utf-8"))
    try:
        for unit in range(UNITS):
            example["organisation"]["unit"] = f"Enhet {unit + 1}"
            services.exchange.import_bytes(json.dumps(example))
    finally:
        services.close()
    return path


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        path = build(directory)
        looks = []
        for _ in range(15):
            started = time.perf_counter()
            inspect_sqlite_file(path)
            looks.append((time.perf_counter() - started) * 1000)
        opens = []
        for _ in range(10):
            started = time.perf_counter()
            Services.open(f"sqlite:///{path}", directory / "backups").close()
            opens.append((time.perf_counter() - started) * 1000)
        return {
            "units": UNITS,
            "database_mb": path.stat().st_size / 1e6,
            "judge_read_only_ms": statistics.median(looks),
            "open_whole_ms": statistics.median(opens),
        }


if __name__ == "__main__":
    print(run())
