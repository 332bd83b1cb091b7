"""Write-through editing: a text field saves itself within a second of the last key, and at once when it
loses focus or its window closes. There is no Save button to forget.

Each save goes onto the session's QUndoStack as a command over service calls, so "Ångra" (undo) takes back
the last edits in the database, not just on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from lardesk.services import Changes
from lardesk.ui.bus import ChangeBus

DEBOUNCE_MS = 600
"""Well within the promised second, long enough not to write on every key."""

TextWidget = QLineEdit | QPlainTextEdit


def widget_text(widget: TextWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


class WriteThrough(QObject):
    """Watches one text widget; calls ``commit(old, new)`` when the user's edit should be written.

    When ``commit`` returns False (the write was refused: the database was busy or full), the edit stays
    unsaved: it is kept on screen over later loads and written at the next flush.
    """

    def __init__(self, widget: TextWidget, commit: Callable[[str, str], bool | None], *, debounce: bool = True) -> None:
        super().__init__(widget)
        self.widget = widget
        self.commit = commit
        self.saved = widget_text(widget)
        if isinstance(widget, QLineEdit) and not widget.hasFocus():
            widget.setCursorPosition(0)  # a text longer than the field shows its beginning
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._debounce = debounce
        widget.textChanged.connect(self._edited)
        widget.installEventFilter(self)

    @property
    def dirty(self) -> bool:
        return widget_text(self.widget) != self.saved

    def show(self, text: str) -> None:
        """Show ``text`` as saved (after a load or an undo) unless the user is typing something unsaved."""
        if self.dirty:
            return
        self.saved = text
        if widget_text(self.widget) == text:
            return
        self._loading = True
        try:
            if isinstance(self.widget, QLineEdit):
                self.widget.setText(text)
                if not self.widget.hasFocus():
                    self.widget.setCursorPosition(0)  # a text longer than the field shows its beginning
            else:
                cursor = self.widget.textCursor()
                position = cursor.position()
                self.widget.setPlainText(text)
                cursor.setPosition(min(position, len(text)))
                self.widget.setTextCursor(cursor)
        finally:
            self._loading = False

    def revert(self, text: str) -> None:
        """Show ``text`` as saved even over an unsaved edit (the edit was refused)."""
        self._timer.stop()
        self.saved = widget_text(self.widget)
        self.show(text)

    def flush(self) -> None:
        self._timer.stop()
        if not self.dirty:
            return
        old, new = self.saved, widget_text(self.widget)
        self.saved = new
        if self.commit(old, new) is False and self.saved == new:
            self.saved = old

    def _edited(self) -> None:
        if self._loading:
            return
        if self._debounce:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False


class WindowUndo(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z through to the window's undo (the saved edits) from a field whose own undo
    means nothing to the user (a spin box whose every value is written at once)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            keys = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
            if any(event.matches(key) for key in keys) or event.keyCombination() == UNDO_SHIFT:
                event.ignore()
                return True
        return False


UNDO_SHIFT = QKeyCombination(Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z)


def flush_all(root: QWidget) -> None:
    """Write every pending edit below ``root`` now (before a step change or a close)."""
    for field in root.findChildren(WriteThrough):
        field.flush()


class ServiceCommand(QUndoCommand):
    """An undoable pair of service calls; if the first run is refused, the command drops itself."""

    def __init__(
        self,
        bus: ChangeBus,
        text: str,
        do: Callable[[], Changes],
        undo: Callable[[], Changes],
        parent_widget: QWidget | None = None,
        *,
        merge_key: tuple[object, ...] | None = None,
        quiet: bool = False,
    ) -> None:
        super().__init__(text)
        self.bus = bus
        self._do = do
        self._undo = undo
        self._parent_widget = parent_widget
        self.merge_key = merge_key
        self.quiet = quiet
        """A refusal is only emitted on the bus (``failed``), for the widget to show beside the field."""
        self.refused = False
        """The first run was refused (bad input, or the database failed): nothing was written."""

    def redo(self) -> None:
        if self.bus.run(self._do, self._parent_widget, quiet=self.quiet) is None:
            self.refused = True
            self.setObsolete(True)

    def undo(self) -> None:
        self.bus.run(self._undo, self._parent_widget, quiet=self.quiet)

    def id(self) -> int:
        return 1 if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ServiceCommand) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        if other.refused:  # a refused write is dropped, not taken on as this command's redo
            return False
        self._do = other._do  # keep the first undo (the text before the burst), take the last redo
        return True
