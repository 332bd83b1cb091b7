"""Benchmark: the minutes of a large session (30 participants, 200 logic items, a note on every question).

    .venv/bin/python tests/bench/bench_minutes.py

Target: the whole PDF in under 2 s. ``run()`` returns the figures (seconds) as a dict:

- ``first_pdf_s``: the first export in a fresh process (fonts registered, figures drawn, PDF laid out);
- ``pdf_s``: the median of further exports (what a user waits for the second time);
- ``layout_only_s``: the PDF without the figures (reportlab's share);
- ``figures_s``: drawing the spread and board figures to PNG (matplotlib's share);
- ``docx_s``: the editable DOCX of the same minutes;
- ``pages``: the number of pages.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lardesk.method.guide import load_guide
from lardesk.reports.minutes import (
    MinutesOptions,
    board_image,
    render_minutes,
    spread_image,
)
from lardesk.reports.minutes_docx import render_minutes_docx
from tests.reports.test_minutes import big_snapshot

REPEATS = 3


def run() -> dict[str, float]:
    from pypdf import PdfReader

    guide = load_guide("sv")
    snapshot = big_snapshot(participants=30, items=200)
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "minutes.pdf"
        start = time.perf_counter()
        render_minutes(snapshot, guide, target)
        results["first_pdf_s"] = time.perf_counter() - start
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            render_minutes(snapshot, guide, target)
            times.append(time.perf_counter() - start)
        results["pdf_s"] = statistics.median(times)
        results["pages"] = float(len(PdfReader(target).pages))
        start = time.perf_counter()
        render_minutes(snapshot, guide, target, options=MinutesOptions(include_board=False, include_spread=False))
        results["layout_only_s"] = time.perf_counter() - start
        start = time.perf_counter()
        spread_image(snapshot, guide)
        board_image(snapshot, guide)
        results["figures_s"] = time.perf_counter() - start
        start = time.perf_counter()
        render_minutes_docx(snapshot, guide, Path(folder) / "minutes.docx")
        results["docx_s"] = time.perf_counter() - start
    return results


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name:>14}: {value:.3f}" if name != "pages" else f"{name:>14}: {value:.0f}")
