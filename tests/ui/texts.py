"""Every text a person can see or hear in a window: labels, buttons, tabs, lists, tables, menus, tooltips,
accessible names, and the spread figure's own words (for the tests of one word per thing)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    # a list model hides columnCount (private in Qt); it has one column
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent if parent is not None else QModelIndex()
    found: list[str] = []
    if not parent.isValid():
        for orientation, count in (
            (Qt.Orientation.Horizontal, _columns(model, parent)),
            (Qt.Orientation.Vertical, model.rowCount(parent)),
        ):
            for section in range(count):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(section, orientation, role)
                    if isinstance(value, str):
                        found.append(value)
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    found.append(value)
            if column == 0 and model.rowCount(index) > 0:
                found += _model_texts(model, index)
    return found


def widget_texts(root: QWidget) -> list[str]:
    """The texts of ``root`` and everything in it (shown or not)."""
    found: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        found += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(), widget.whatsThis()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        elif isinstance(widget, QGroupBox):
            found.append(widget.title())
        elif isinstance(widget, QLineEdit):
            found += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QPlainTextEdit):
            found.append(widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
            found += [widget.tabToolTip(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += _model_texts(widget.model())
        figure = getattr(widget, "figure", None)
        if figure is not None and hasattr(figure, "findobj"):
            from matplotlib.text import Text

            found += [text.get_text() for text in figure.findobj(Text)]
    for action in root.findChildren(QAction):
        found += [action.text(), action.toolTip(), action.statusTip()]
    found += [menu.title() for menu in root.findChildren(QMenu)]
    return [text for text in found if text]
