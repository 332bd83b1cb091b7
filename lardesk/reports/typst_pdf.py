"""Every PDF lardesk publishes, written by Typst as tagged PDF/UA-1 from a :class:`~lardesk.reports.document.Document`.

One template (``resources/typst/document.typ``) lays out any document; the document goes in as JSON through
``sys.inputs`` (and each figure's SVG as its own input), so user text is data, never markup. Fonts: DejaVu Sans
from matplotlib's data folder, with the system's fonts ignored, so every machine writes the same file. Typst's
PDF/UA-1 mode refuses to write a file that breaks a rule it can check (a figure without alt text, a skipped
heading level, a missing title): such a document raises :class:`PublishError` and no file is written.

``typst`` is imported inside :func:`write_pdf`, so importing this module is cheap.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import logging
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from lardesk.reports.document import Document, Figure, document_json, figures_of
from lardesk.resources import resources_dir

if TYPE_CHECKING:
    import typst

log = logging.getLogger(__name__)

PDF_STANDARD: Literal["ua-1"] = "ua-1"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")


class PublishError(RuntimeError):
    """Typst could not write the document (it names the reason)."""


def template_path() -> Path:
    return resources_dir() / "typst" / "document.typ"


@cache
def fonts_dir() -> Path:
    """matplotlib's own TTF folder (DejaVu Sans, free licence), found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:  # pragma: no cover - matplotlib is a dependency
        raise PublishError("matplotlib is not installed: its DejaVu fonts are needed")
    folder = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"
    missing = [name for name in FONT_FILES if not (folder / name).is_file()]
    if missing:  # pragma: no cover - matplotlib has shipped them for years
        raise PublishError(f"fonts missing in {folder}: {', '.join(missing)}")
    return folder


@cache
def _fonts() -> typst.Fonts:
    """The font book, scanned once a process (DejaVu only; no system fonts)."""
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(fonts_dir())])


def typst_inputs(document: Document) -> dict[str, str]:
    """What the template receives: the document as JSON, and each figure's SVG under its own key."""
    figures = figures_of(document.blocks)
    keys: dict[int, str] = {id(figure): f"figure-{index}" for index, figure in enumerate(figures)}

    def key(figure: Figure) -> str:
        return keys[id(figure)]

    inputs = {"data": json.dumps(document_json(document, key), ensure_ascii=False)}
    for figure in figures:
        inputs[key(figure)] = figure.svg().decode("utf-8")
    return inputs


def write_pdf(document: Document, target: str | Path, *, timestamp: dt.datetime | None = None) -> None:
    """Lay out ``document`` as PDF/UA-1 at ``target`` (not atomic by itself: see ``render_atomic``)."""
    import typst

    inputs = typst_inputs(document)
    when = timestamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    template = template_path()
    try:
        _result, warnings = typst.compile_with_warnings(
            str(template),
            output=str(target),
            root=str(template.parent),
            font_paths=_fonts(),
            ignore_system_fonts=True,
            sys_inputs=inputs,
            pdf_standards=[PDF_STANDARD],
            timestamp=when,
        )
    except typst.TypstError as error:
        raise PublishError(_describe(error)) from error
    for warning in warnings:
        # E.g. "document did not converge": the file is written, but its page numbers may be wrong.
        log.warning("Typst: %s", _describe(warning))


_RASTER = b"""#set page(width: auto, height: auto, margin: 0pt, fill: white)
#for key in sys.inputs.keys().sorted(key: k => int(k)) {
  page(image(bytes(sys.inputs.at(key)), format: "svg"))
}
"""


def svgs_to_png(svgs: list[bytes], ppi: float) -> list[bytes]:
    """SVGs as PNGs (for Word, which takes no SVG), drawn by Typst with the same fonts as the PDF, all in one
    run (one page each)."""
    import typst

    if not svgs:
        return []
    try:
        result = typst.compile(
            _RASTER,
            format="png",
            ppi=ppi,
            font_paths=_fonts(),
            ignore_system_fonts=True,
            sys_inputs={str(index): svg.decode("utf-8") for index, svg in enumerate(svgs)},
        )
    except typst.TypstError as error:
        raise PublishError(_describe(error)) from error
    pages = [result] if isinstance(result, bytes) else list(result or [])
    if len(pages) != len(svgs):  # pragma: no cover - one page per image by construction
        raise PublishError(f"{len(svgs)} figures gave {len(pages)} pictures")
    return pages


def svg_to_png(svg: bytes, ppi: float) -> bytes:
    """One SVG as PNG (see :func:`svgs_to_png`)."""
    return svgs_to_png([svg], ppi)[0]


def _describe(error: Any) -> str:
    hints = "; ".join(getattr(error, "hints", None) or [])
    message = str(getattr(error, "message", "") or error)
    return f"{message} ({hints})" if hints else message


__all__ = ["PublishError", "fonts_dir", "svg_to_png", "svgs_to_png", "typst_inputs", "write_pdf"]
