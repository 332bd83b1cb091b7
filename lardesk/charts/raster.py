"""PNG of a Figure for print, with text drawn from a glyph cache.

matplotlib's Agg renderer (3.11) lays out and rasterises every glyph of every string anew through FreeType,
which is most of the time a text-heavy figure (the board: ~20,000 glyphs) takes to draw. Here each glyph is
rasterised once per size and quarter-pixel position and strings are laid out from cached advances and kerning
— the same font files, sizes and hinting, so the picture is the same to the eye. Anything unusual (math text,
rotated text, a character the primary font lacks) goes through matplotlib's own code.
"""

from __future__ import annotations

import io
import logging
import math
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager, get_font
from matplotlib.ft2font import FT2Font, Kerning, RenderMode
from PIL import Image as PILImage

log = logging.getLogger(__name__)

STEPS = 4
"""Sub-pixel positions per pixel (each axis) at which a glyph is rasterised."""

_IDENTITY = np.array([[0x10000, 0], [0, 0x10000]])


class _Face:
    """One font file at one size in pixels: glyph indices, advances, kerning and bitmaps, each found once."""

    def __init__(self, font: FT2Font, size: float, dpi: float) -> None:
        self.font: Any = font  # (uses FT2Font's private glyph calls, as Agg's own draw_text does)
        self.size, self.dpi = size, dpi
        self.flags = get_hinting_flag()  # type: ignore[no-untyped-call]
        self.index: dict[str, int] = {}
        self.advance: dict[int, float] = {}
        self.kerning: dict[tuple[int, int], float] = {}
        self.bitmaps: dict[tuple[int, int, int], tuple[np.ndarray[Any, Any], int, int]] = {}
        self.box: dict[int, tuple[float, float, float, float]] = {}

    def _select(self) -> None:
        self.font.set_size(self.size, self.dpi)

    def glyphs(self, text: str) -> list[int] | None:
        """The glyph indices of ``text``, or None when the font lacks one of its characters."""
        result = []
        index = self.index
        for char in text:
            found = index.get(char)
            if found is None:
                found = index[char] = self.font.get_char_index(ord(char))
            if found == 0:
                return None
            result.append(found)
        return result

    def layout(self, glyphs: list[int]) -> list[float]:
        """The pen position (pixels) of each glyph, kerning included."""
        positions: list[float] = []
        pen = 0.0
        previous = None
        for glyph in glyphs:
            if previous is not None:
                pair = (previous, glyph)
                kern = self.kerning.get(pair)
                if kern is None:
                    self._select()
                    kern = self.kerning[pair] = self.font.get_kerning(previous, glyph, Kerning.DEFAULT) / 64
                pen += kern
            positions.append(pen)
            advance = self.advance.get(glyph)
            if advance is None:
                self._load(glyph)
                advance = self.advance[glyph]
            pen += advance
            previous = glyph
        positions.append(pen)
        return positions

    def _load(self, glyph: int) -> None:
        self._select()
        loaded = self.font.load_glyph(glyph, self.flags)
        self.advance[glyph] = loaded.horiAdvance / 64
        x0, y0, x1, y1 = loaded.bbox  # 26.6, y upwards
        self.box[glyph] = (x0 / 64, y0 / 64, x1 / 64, y1 / 64)

    def extent(self, glyphs: list[int], positions: list[float]) -> tuple[float, float, float]:
        """Width, height and descent of the inked string, as matplotlib's ``get_text_width_height_descent``."""
        if not glyphs:
            return 0.0, 0.0, 0.0
        low, high = math.inf, -math.inf
        left, right = math.inf, -math.inf
        for glyph, pen in zip(glyphs, positions, strict=False):
            if glyph not in self.box:
                self._load(glyph)
            x0, y0, x1, y1 = self.box[glyph]
            low, high = min(low, y0), max(high, y1)
            left, right = min(left, pen + x0), max(right, pen + x1)
        return right - min(left, 0.0), high - low, -low

    def bitmap(self, glyph: int, fx: int, fy: int) -> tuple[np.ndarray[Any, Any], int, int]:
        """The glyph rasterised with its origin at (fx, fy) / STEPS pixels: (coverage, left, top), y upwards."""
        key = (glyph, fx, fy)
        found = self.bitmaps.get(key)
        if found is None:
            self._select()
            self.font._set_transform(_IDENTITY, [fx * 64 // STEPS, fy * 64 // STEPS])
            rendered = self.font._render_glyph(glyph, self.flags, RenderMode.NORMAL)
            self.font._set_transform(_IDENTITY, [0, 0])
            found = self.bitmaps[key] = (np.array(rendered.buffer, dtype=np.uint8), rendered.left, rendered.top)
        return found


_FACES: dict[tuple[str, float, float], _Face] = {}


_BY_PROPS: dict[tuple[Any, ...], _Face] = {}


def _face(prop: FontProperties, dpi: float) -> _Face:
    what = (
        tuple(prop.get_family()),
        prop.get_style(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_file(),
        prop.get_size_in_points(),
        dpi,
    )
    face = _BY_PROPS.get(what)  # (cheaper than the font manager's own cache, which hashes the properties)
    if face is None:
        files = fontManager._find_fonts_by_props(prop)
        key = (str(files), float(prop.get_size_in_points()), float(dpi))
        face = _FACES.get(key)
        if face is None:
            face = _FACES[key] = _Face(get_font(files), key[1], key[2])
        _BY_PROPS[what] = face
    return face


class CachedTextRenderer(RendererAgg):
    """Agg with strings laid out and drawn from a glyph cache (upright, plain text; the rest as Agg does)."""

    def get_text_width_height_descent(self, s: str, prop: FontProperties, ismath: Any) -> tuple[float, float, float]:
        if not ismath:
            face = _face(prop, self.dpi)
            glyphs = face.glyphs(s)
            if glyphs is not None:
                return face.extent(glyphs, face.layout(glyphs))
        result: tuple[float, float, float] = super().get_text_width_height_descent(s, prop, ismath)  # type: ignore[no-untyped-call]
        return result

    def draw_text(  # noqa: PLR0917 (matplotlib's signature)
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        face = None if ismath or angle % 360 else _face(prop, self.dpi)
        glyphs = face.glyphs(s) if face is not None else None
        if face is None or glyphs is None or not gc.get_antialiased():
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)  # type: ignore[no-untyped-call]
            return
        if not glyphs:
            return
        positions = face.layout(glyphs)
        base_y = self.height - y  # FreeType's y runs upwards
        placed = []
        for glyph, pen in zip(glyphs, positions, strict=False):
            gx, gy = (x + pen) * STEPS, base_y * STEPS
            ix, iy = math.floor(gx), math.floor(gy)
            coverage, left, top = face.bitmap(glyph, ix % STEPS, iy % STEPS)
            if coverage.size:
                placed.append((coverage, ix // STEPS + left, iy // STEPS + top))
        if not placed:
            return
        x0 = min(left for _c, left, _t in placed)
        x1 = max(left + c.shape[1] for c, left, _t in placed)
        top = max(t for _c, _l, t in placed)
        bottom = min(t - c.shape[0] for c, _l, t in placed)
        image = np.zeros((top - bottom, x1 - x0), dtype=np.uint8)
        for coverage, left, t in placed:
            rows, columns = coverage.shape
            row = top - t
            target = image[row : row + rows, left - x0 : left - x0 + columns]
            np.maximum(target, coverage, out=target)
        # draw_text_image's y runs downwards and names the image's bottom side
        self._renderer.draw_text_image(image, x0, int(self.height) - top + image.shape[0], 0, gc)


class _Canvas(FigureCanvasAgg):
    def get_renderer(self) -> RendererAgg:
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = CachedTextRenderer(w, h, self.figure.dpi)  # type: ignore[no-untyped-call]
            self._lastKey = key
        renderer: RendererAgg = self.renderer
        return renderer


def picture(figure: Figure, dpi: float) -> PILImage.Image:
    """``figure`` drawn at ``dpi`` on a white background, as an RGB image (what ``savefig`` draws, faster).

    For figures drawn to be printed: the figure is given a canvas of its own (not one on screen).
    """
    try:
        return _draw(figure, dpi, _Canvas)
    except (AttributeError, TypeError, ValueError, IndexError) as error:
        # The glyph cache leans on FT2Font calls that matplotlib does not promise to keep: if a release
        # changes them, draw the ordinary (slower) way rather than fail the export.
        log.warning("glyph-cache text drawing failed (%s); using matplotlib's own", error)
        return _draw(figure, dpi, FigureCanvasAgg)


def _draw(figure: Figure, dpi: float, canvas_class: type[FigureCanvasAgg]) -> PILImage.Image:
    canvas = canvas_class(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="rgba", dpi=dpi, facecolor="white")
    renderer = canvas.renderer  # the one savefig drew with (at dpi), not a new one
    size = (int(renderer.width), int(renderer.height))
    return PILImage.frombuffer("RGBA", size, buffer.getvalue(), "raw", "RGBA", 0, 1).convert("RGB")
