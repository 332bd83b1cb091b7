"""Item views whose rows wrap their text at word boundaries instead of cutting it ("Aktivitet utan koppl…").

Qt's ``setWordWrap(True)`` wraps the painted text, but the default delegate asks for a one-line row, so a long
row is still cut. :class:`WrappingDelegate` measures each row at the width its column has, and the views
below lay their rows out again when that width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QTreeWidget,
    QWidget,
)

TEXT_MARGIN = 4
"""Room beside the text inside a row, each side (about what the styles draw)."""


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def _text_width(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> int:
        view = self.view
        width = view.viewport().width()
        if isinstance(view, QTreeView):
            width = view.columnWidth(index.column()) or width
            if index.column() == 0:
                depth, parent = 0, index.parent()
                while parent.isValid():
                    depth, parent = depth + 1, parent.parent()
                width -= view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator:
            style = view.style()
            width -= style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 2 * TEXT_MARGIN
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            width -= option.decorationSize.width() + TEXT_MARGIN
        return max(width - 2 * TEXT_MARGIN - 2, 40)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._text_width(opt, index)
        metrics = QFontMetrics(opt.font)
        text = opt.text.replace("\u2028", "\n")
        box = metrics.boundingRect(QRect(0, 0, width, 1_000_000), int(Qt.TextFlag.TextWordWrap), text)
        lines_height = box.height() + 6
        return QSize(min(base.width(), width), max(base.height(), lines_height))


def _relayout_on_width(view: QAbstractItemView, event: QResizeEvent) -> None:
    if event.size().width() != event.oldSize().width():
        view.doItemsLayout()


class WrappingTree(QTreeWidget):
    """A one-column tree whose rows wrap (the findings panel)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setStretchLastSection(True)
        self.setItemDelegate(WrappingDelegate(self))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        _relayout_on_width(self, event)


class WrappingList(QListWidget):
    """A list whose rows wrap (the links of the selected item)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(WrappingDelegate(self))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        _relayout_on_width(self, event)


__all__ = ["WrappingDelegate", "WrappingList", "WrappingTree"]
