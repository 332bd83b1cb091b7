"""The QR code of a round's address, drawn by segno (pure Python), as SVG for the projector and the laptop."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str) -> bytes:
    """An SVG of ``url`` as a QR code: black on white with the standard quiet zone, error correction M."""
    code = segno.make(url, error="m", boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=1, border=4, dark="#000000", light="#ffffff", xmldecl=False, svgns=True)
    return buffer.getvalue()
