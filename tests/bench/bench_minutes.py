"""Benchmark: the minutes of the benchmark session (tests/bench/data.py: 30 participants, 200 logic items).

    .venv/bin/python tests/bench/bench_minutes.py

Targets (issue 12): the whole PDF (Typst, PDF/UA-1, figures included) in under 1 s warm and 1.5 s as the first
export in a process. ``run()`` returns the figures (seconds) as a dict:

- ``first_pdf_s``: the first export in a fresh process (modules imported, fonts scanned, figures drawn);
- ``pdf_s``: the median of further exports from the same snapshot (figures drawn again each time);
- ``layout_only_s``: the PDF without the figures (Typst's share);
- ``figures_s``: writing the printed spread and board as SVG (drawn directly, without matplotlib);
- ``docx_s``: the editable DOCX of the same minutes (figures as PNG);
- ``pages``: the number of pages;
- ``*_cpu_s``: the same in CPU seconds of this process (all its threads): on a shared, loaded machine the wall
  clock says more about the neighbours than about lardesk.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

REPEATS = 3


def snapshot_of_big_session() -> tuple[object, object]:
    from lardesk.method.guide import load_guide
    from lardesk.services import Services
    from tests.bench.data import big_session

    folder = Path(tempfile.mkdtemp())
    services = Services.open(f"sqlite:///{folder / 'bench.db'}", folder / "backups")
    new_id = services.exchange.import_bytes(json.dumps(big_session())).new_id
    assert new_id is not None
    snapshot = services.sessions.snapshot(new_id)
    services.close()
    return snapshot, load_guide("sv")


def run() -> dict[str, float]:
    snapshot, guide = snapshot_of_big_session()
    from pypdf import PdfReader

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "minutes.pdf"
        start, cpu = time.perf_counter(), time.process_time()
        from lardesk.reports.minutes import MinutesOptions, draw_figures, render_minutes

        render_minutes(snapshot, guide, target)  # type: ignore[arg-type]
        results["first_pdf_s"] = time.perf_counter() - start
        results["first_pdf_cpu_s"] = time.process_time() - cpu
        times, cpus = [], []
        for _ in range(REPEATS):
            start, cpu = time.perf_counter(), time.process_time()
            render_minutes(snapshot, guide, target)  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
        results["pdf_s"] = statistics.median(times)
        results["pdf_cpu_s"] = statistics.median(cpus)
        results["pages"] = float(len(PdfReader(target).pages))
        start = time.perf_counter()
        options = MinutesOptions(include_board=False, include_spread=False)
        render_minutes(snapshot, guide, target, options=options)  # type: ignore[arg-type]
        results["layout_only_s"] = time.perf_counter() - start
        start = time.perf_counter()
        figures = draw_figures(snapshot, guide)  # type: ignore[arg-type]
        for image in (figures.spread, *(part.image for part in figures.board_parts)):
            if image is not None:
                image.svg()
        results["figures_s"] = time.perf_counter() - start
        from lardesk.reports.minutes_docx import render_minutes_docx

        start = time.perf_counter()
        render_minutes_docx(snapshot, guide, Path(folder) / "minutes.docx")  # type: ignore[arg-type]
        results["docx_s"] = time.perf_counter() - start
    return results


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name:>14}: {value:.3f}" if name != "pages" else f"{name:>14}: {value:.0f}")
