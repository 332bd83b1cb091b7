"""PNG and SVG of the board, drawn from its scene (what is on screen, without the selection)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene

from lardesk.reports.files import atomic_path

MAX_PIXELS = 16_000_000
"""A very long board is written at a lower resolution rather than as a 100-megapixel image."""


def export_png(scene: QGraphicsScene, path: Path, *, scale: float = 2.0) -> Path:
    """Write the whole board to ``path`` as PNG at ``scale`` pixels per scene unit (less if huge)."""
    source = scene.sceneRect()
    scale = min(scale, (MAX_PIXELS / max(1.0, source.width() * source.height())) ** 0.5)
    size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    with atomic_path(path) as temp:
        if not image.save(str(temp), None, 70):  # PNG by the suffix; lighter compression, faster on big boards
            raise OSError(f"could not write {path}")
    return path


def export_svg(scene: QGraphicsScene, path: Path, *, title: str = "") -> Path:
    """Write the whole board to ``path`` as SVG (vector: arrows and text stay sharp on slides)."""
    source = scene.sceneRect()
    with atomic_path(path) as temp:
        generator = QSvgGenerator()
        generator.setFileName(str(temp))
        generator.setSize(QSize(round(source.width()), round(source.height())))
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        generator.setTitle(title or "Programlogik")
        painter = QPainter(generator)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
        painter.end()
    return path
