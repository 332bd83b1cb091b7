"""The view on the board: fits the columns to its width, keyboard navigation, editing a text in place."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QLineEdit, QStyle, QWidget

from lardesk.method.logic import BOARD_ORDER, WALK_ORDER, ItemKind
from lardesk.ui.board.scene import BoardScene

ZOOM_STEPS = (0.6, 0.75, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


class BoardView(QGraphicsView):
    """Shows a :class:`BoardScene`; arrow keys move between items, Enter/F2 edits the text in place."""

    text_edited = Signal(int, str)
    link_list_wanted = Signal()
    """L: the user wants to pick, from a list, what the selected item leads to."""
    indicators_wanted = Signal()
    """I: the user wants to enter or read the selected item's indicators."""
    move_wanted = Signal(int, int)
    """Ctrl+Up/Down: move the item one place up (-1) or down (+1) in its column."""
    delete_wanted = Signal(int)

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board = scene
        self.zoom = 1.0
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Programlogik"))
        self.editor = QLineEdit(self.viewport())
        self.editor.hide()
        self.editor.setAccessibleName(self.tr("Redigera texten"))
        self.editor.installEventFilter(self)
        self._editing: int | None = None
        scene.activated.connect(self.edit_in_place)

    # -- size and zoom ------------------------------------------------------------------------------------
    def fit_width(self) -> None:
        width: float = self.viewport().width()
        if not self.verticalScrollBar().isVisible():
            width -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 2
        width /= self.zoom
        self.board.set_width(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_width()
        if self.board.focus_kind is not None and event.size().width() != event.oldSize().width():
            # the column being walked stays in view as the window or a splitter changes the view's width
            QTimer.singleShot(0, self, self.show_walked_column)

    def show_walked_column(self) -> None:
        if self.board.focus_kind is not None:
            self.show_kind(self.board.focus_kind)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.resetTransform()
        self.scale(zoom, zoom)
        self.fit_width()

    def zoom_by(self, steps: int) -> None:
        index = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self.zoom))
        self.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, index + steps))])

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    # -- keyboard -----------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """Ctrl+↑/↓ move the selected item here (the session window's same keys move the projector's question
        when the board does not want them)."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and self.board.selected_id() is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        selected = self.board.selected_id()
        if ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1)
        elif ctrl and key == Qt.Key.Key_Minus:
            self.zoom_by(-1)
        elif ctrl and key == Qt.Key.Key_0:
            self.set_zoom(1.0)
        elif ctrl and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and selected is not None:
            self.move_wanted.emit(selected, -1 if key == Qt.Key.Key_Up else 1)
        elif key in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        ):
            self.navigate(key)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and selected is not None:
            self.edit_in_place(selected)
        elif key == Qt.Key.Key_L and selected is not None:
            self.link_list_wanted.emit()
        elif key == Qt.Key.Key_I and selected is not None:
            self.indicators_wanted.emit()
        elif key == Qt.Key.Key_Delete and selected is not None:
            self.delete_wanted.emit(selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def navigate(self, key: int) -> None:
        """Move the selection: Up/Down (Home/End) within a column, Left/Right to the nearest item of the
        next column that has items; with nothing selected, start at the highlighted column or the effects."""
        state = self.board.state
        if state is None:
            return
        filled = [kind for kind in BOARD_ORDER if state.columns[kind]]
        if not filled:
            return
        selected = self.board.selected_id()
        if selected is None or selected not in state.items:
            start = self.board.focus_kind if self.board.focus_kind in filled else None
            first_kind = start or next((kind for kind in WALK_ORDER if kind in filled), filled[0])
            self.select_and_show(state.columns[first_kind][0])
            return
        kind, row = state.column_of(selected)
        column = state.columns[kind]
        if key == Qt.Key.Key_Home:
            self.select_and_show(column[0])
        elif key == Qt.Key.Key_End:
            self.select_and_show(column[-1])
        elif key == Qt.Key.Key_Up:
            self.select_and_show(column[max(0, row - 1)])
        elif key == Qt.Key.Key_Down:
            self.select_and_show(column[min(len(column) - 1, row + 1)])
        else:
            index = filled.index(kind) + (1 if key == Qt.Key.Key_Right else -1)
            if 0 <= index < len(filled):
                y = self.board.cards[selected].sceneBoundingRect().center().y()
                others = state.columns[filled[index]]
                nearest = min(others, key=lambda i: abs(self.board.cards[i].sceneBoundingRect().center().y() - y))
                self.select_and_show(nearest)

    def select_and_show(self, item_id: int) -> None:
        self.board.select(item_id)
        card = self.board.cards.get(item_id)
        if card is not None:
            self.ensureVisible(card.sceneBoundingRect(), 20, 20)

    def show_kind(self, kind: ItemKind) -> None:
        self.ensureVisible(self.board.band_rect(kind).adjusted(0, 0, 0, -self.board.band_rect(kind).height() + 200))

    # -- editing in place ---------------------------------------------------------------------------------
    def edit_in_place(self, item_id: int) -> None:
        card = self.board.cards.get(item_id)
        if card is None or not self.board.interactive:
            return
        self.select_and_show(item_id)
        self._editing = item_id
        rect = self.mapFromScene(card.sceneBoundingRect()).boundingRect()
        height = self.editor.sizeHint().height()
        self.editor.setGeometry(QRect(rect.left(), rect.top() + 4, max(rect.width(), 160), height))
        self.editor.setText(card.info.text)
        self.editor.selectAll()
        self.editor.show()
        self.editor.setFocus()

    def _commit_edit(self) -> None:
        item_id, text = self._editing, self.editor.text()
        self._close_editor()
        card = self.board.cards.get(item_id) if item_id is not None else None
        if card is not None and text.strip() and text.strip() != card.info.text:
            self.text_edited.emit(card.item_id, text.strip())

    def _close_editor(self) -> None:
        self._editing = None
        self.editor.hide()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() == Qt.Key.Key_Escape:
                    self._close_editor()
                    return True
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    # consumed here: QLineEdit passes Return on to its parent, the view, which would
                    # open the editor again
                    self._commit_edit()
                    return True
            elif event.type() == QEvent.Type.FocusOut and self._editing is not None:
                self._commit_edit()
        return super().eventFilter(watched, event)
