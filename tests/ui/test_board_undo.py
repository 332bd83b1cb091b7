"""Undo and redo on the board, from the session window's keys: adding, editing, moving, linking, and deleting
an item with its links (put back whole: key, text, status, place and links)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from lardesk.method.logic import ItemKind
from lardesk.services import Services
from lardesk.ui.board.step import BoardStep
from lardesk.ui.bus import ChangeBus
from lardesk.ui.session_window import SessionWindow
from tests.ui.boxes import answer_next_box

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot, services: Services, example_id: int) -> SessionWindow:
    made = SessionWindow(services, ChangeBus(services), example_id)
    qtbot.addWidget(made)
    qtbot.addWidget(made.projector)
    made.resize(1366, 768)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    made.go_to("board")
    return made


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def undo() -> None:
    QTest.keyClick(focused(), Qt.Key.Key_Z, CTRL)


def redo() -> None:
    QTest.keyClick(focused(), Qt.Key.Key_Z, CTRL | SHIFT)


def stored(services: Services, session_id: int) -> tuple[dict[str, tuple[str, str | None, int]], set[tuple[str, str]]]:
    """The board as stored: key → (text, status, place in its column), and the links by key."""
    snapshot = services.sessions.snapshot(session_id)
    items = {i.key: (i.text, i.status, i.position) for i in snapshot.items}
    keys = {i.id: i.key for i in snapshot.items}
    return items, {(keys[link.source_id], keys[link.target_id]) for link in snapshot.links}


def board_of(window: SessionWindow) -> BoardStep:
    board = window.steps["board"]
    assert isinstance(board, BoardStep)
    return board


def test_adding_editing_and_linking_are_undone_and_redone(
    qtbot: QtBot, window: SessionWindow, services: Services, example_id: int
) -> None:
    board = board_of(window)
    start = stored(services, example_id)
    board.new_kind.setCurrentIndex(board.new_kind.findData(ItemKind.RESULT.value))
    board.new_text.setFocus()
    QTest.keyClicks(board.new_text, "Fler kvinnor i ledningsgruppen")
    QTest.keyClick(board.new_text, Qt.Key.Key_Return)
    added = stored(services, example_id)
    (new_key,) = set(added[0]) - set(start[0])
    assert window.undo.count() == 1
    board.view.setFocus()
    undo()
    assert stored(services, example_id) == start
    redo()
    assert stored(services, example_id)[0][new_key][0] == "Fler kvinnor i ledningsgruppen"

    # edit its text in place, then link it to an activity
    ids = {i.key: i.id for i in board.state.items.values()}
    board.view.select_and_show(ids[new_key])
    QTest.keyClick(board.view, Qt.Key.Key_F2)
    board.view.editor.selectAll()
    QTest.keyClicks(board.view.editor, "Fler kvinnor som chefer")
    QTest.keyClick(board.view.editor, Qt.Key.Key_Return)
    assert stored(services, example_id)[0][new_key][0] == "Fler kvinnor som chefer"
    assert board.link_items(ids["a1"], ids[new_key])
    assert ("a1", new_key) in stored(services, example_id)[1]
    board.view.setFocus()
    undo()  # the link
    assert ("a1", new_key) not in stored(services, example_id)[1]
    undo()  # the text
    assert stored(services, example_id)[0][new_key][0] == "Fler kvinnor i ledningsgruppen"
    redo()
    redo()
    assert stored(services, example_id)[0][new_key][0] == "Fler kvinnor som chefer"
    assert ("a1", new_key) in stored(services, example_id)[1]
    for _ in range(4):
        undo()
    assert stored(services, example_id) == start


def test_deleting_an_item_with_its_links_is_undone_whole(
    qtbot: QtBot, window: SessionWindow, services: Services, example_id: int
) -> None:
    board = board_of(window)
    start = stored(services, example_id)
    ids = {i.key: i.id for i in board.state.items.values()}
    links_of_res2 = {link for link in start[1] if "res2" in link}
    assert len(links_of_res2) >= 2
    board.update_item(ids["res2"], text="Omformulerad")  # what the side panel's text field does
    edited = stored(services, example_id)
    board.view.setFocus()
    board.view.select_and_show(ids["res2"])
    answer_next_box(QMessageBox.StandardButton.Yes)  # "Ta bort … och dess kopplingar?"
    QTest.keyClick(board.view, Qt.Key.Key_Delete)
    gone = stored(services, example_id)
    assert "res2" not in gone[0] and not any("res2" in link for link in gone[1])
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    board.view.setFocus()
    undo()
    assert stored(services, example_id) == edited  # key, text, status, place and every link
    redo()
    assert stored(services, example_id) == gone
    undo()
    assert stored(services, example_id) == edited
    assert len(board.scene.cards) == len(start[0])  # and the board shows it
    undo()  # the edit before the delete, on the item put back (which has a new id)
    assert stored(services, example_id) == start


def test_moving_an_item_is_undone(qtbot: QtBot, window: SessionWindow, services: Services, example_id: int) -> None:
    board = board_of(window)
    start = stored(services, example_id)
    ids = {i.key: i.id for i in board.state.items.values()}
    board.view.setFocus()
    board.view.select_and_show(ids["a2"])
    QTest.keyClick(board.view, Qt.Key.Key_Down, CTRL)
    assert stored(services, example_id) != start
    undo()
    assert stored(services, example_id) == start
