"""The glyph-cache drawing of figures for print gives the same picture as matplotlib's own, and falls back to
matplotlib's own drawing when the cache cannot be used."""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from lardesk.charts import raster


def _figure() -> Figure:
    figure = Figure(figsize=(4, 2))
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.text(0.05, 0.7, "Jämställdhetsstrateg i varje förvaltning", fontsize=9)
    axes.text(0.05, 0.4, "Åtgärd: ÄÖ & <olika> villkor – 50 %", fontsize=12, fontweight="bold")
    axes.text(0.05, 0.1, r"$x^2$ math falls back", fontsize=9)
    return figure


def _reference(dpi: int) -> np.ndarray:
    """What matplotlib's own Agg canvas draws."""
    figure = _figure()
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="rgba", dpi=dpi, facecolor="white")
    width, height = figure.get_size_inches()
    pixels = np.frombuffer(buffer.getvalue(), dtype=np.uint8).reshape(round(height * dpi), round(width * dpi), 4)
    return pixels[:, :, :3].astype(int)


def test_the_cached_text_looks_like_matplotlibs_own() -> None:
    fast = np.asarray(raster.picture(_figure(), 150)).astype(int)
    slow = _reference(150)
    assert fast.shape == slow.shape
    assert (slow < 128).sum() > 500  # there is text to compare
    assert np.abs(fast - slow).mean() < 3.0
    assert (np.abs(fast - slow) > 64).mean() < 0.01


def test_a_failing_glyph_cache_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise AttributeError("FT2Font has no such call in this matplotlib")

    monkeypatch.setattr(raster.CachedTextRenderer, "draw_text", broken)
    picture = np.asarray(raster.picture(_figure(), 100)).astype(int)
    assert np.abs(picture - _reference(100)).mean() < 0.5
