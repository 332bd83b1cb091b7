"""The board and format version 2: starting points beyond the effects, effects linked to them by keyboard and
by dragging, items dropped with a reason (greyed, still there) and restored, last time's status beside a
carried item."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from lardesk.method.logic import ItemKind, StartingPointKind
from lardesk.services import NewSession, Services
from lardesk.ui.board.step import BoardStep
from lardesk.ui.bus import ChangeBus
from tests.ui.shown import item_ids, shown_board
from tests.ui.test_board import centre_on_viewport
from tests.ui.test_board_by_hand import toggle_links_by_keyboard, type_item

pytestmark = pytest.mark.gui


@pytest.fixture
def board(services: Services, qtbot: QtBot) -> BoardStep:
    sid = services.sessions.create_session(NewSession(organisation="Kommun", date=dt.date(2026, 11, 25))).new_id
    assert sid is not None
    return shown_board(qtbot, services, sid)


keys = item_ids


def test_effects_answer_to_starting_points_by_keyboard_and_by_drag(board: BoardStep, qtbot: QtBot) -> None:
    for kind, key, text in (
        (ItemKind.RESULT, "res1", "Flickor bokar mer halltid"),
        (ItemKind.EFFECT, "e1", "Lika möjligheter till fritid"),
        (ItemKind.EFFECT, "e2", "Fler flickor som ledare"),
        (ItemKind.STARTING_POINT, "s1", "KF:s jämställdhetsmål"),
        (ItemKind.STARTING_POINT, "s2", "Pojkar tar hallarna"),
    ):
        type_item(qtbot, board, kind, {"key": key, "text": text})
    k = keys(board)
    # the starting points' column is the last one: beyond the effects
    assert board.scene.column_x(ItemKind.STARTING_POINT) > board.scene.column_x(ItemKind.EFFECT)
    assert board.findings.shown()["G8"] == ["e1", "e2"]
    # the second starting point is a problem
    board.view.select_and_show(k["s2"])
    combo = board.editor.category
    assert combo.isVisibleTo(board.editor)
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert board.state.items[k["s2"]].category is StartingPointKind.PROBLEM
    # e1 answers to s1: by keyboard, in the effect's list ("Svarar mot – utgångspunkter")
    board.view.select_and_show(k["e1"])
    assert board.editor.links_label.text().startswith("Svarar mot – utgångspunkter")
    toggle_links_by_keyboard(qtbot, board, k["e1"], [k["s1"]])
    assert (k["e1"], k["s1"]) in board.state.links
    assert board.findings.shown()["G8"] == ["e2"]
    # e2 answers to s2: dragged from the starting point onto the effect, the arrow goes the method's way
    source, target = board.scene.cards[k["s2"]], board.scene.cards[k["e2"]]
    start = centre_on_viewport(board, source)
    end = board.view.mapFromScene(target.sceneBoundingRect().center())
    viewport = board.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert (k["e2"], k["s2"]) in board.state.links
    assert board.findings.shown()["G8"] == []
    stored = board.services.sessions.snapshot(board.session_id)
    assert {(link.source_id, link.target_id) for link in stored.links} >= {(k["e1"], k["s1"]), (k["e2"], k["s2"])}


def test_dropping_an_item_greys_it_keeps_its_reason_and_takes_it_out_of_the_rules(
    board: BoardStep, qtbot: QtBot
) -> None:
    type_item(qtbot, board, ItemKind.ACTIVITY, {"key": "a1", "text": "Studiebesök", "status": "not_implemented"})
    k = keys(board)
    assert board.findings.shown()["S1"] == ["a1"] and board.findings.shown()["G1"] == ["a1"]
    board.ask_reason = lambda text: "Ingen budget i år"  # type: ignore[method-assign]
    board.view.select_and_show(k["a1"])
    drop = board.editor.drop
    assert drop.text() == "Stryk…"
    drop.setFocus()
    QTest.keyClick(drop, Qt.Key.Key_Space)
    item = board.state.items[k["a1"]]
    assert item.dropped_reason == "Ingen budget i år"
    shown = board.findings.shown()
    assert all(keys_ == [] for keys_ in shown.values())  # a dropped item takes part in no rule
    card = board.scene.cards[k["a1"]]
    assert card.isVisible() and "Struken: Ingen budget i år" in " ".join(card._note_lines)
    assert "✕ Struken" in [badge.text for badge in card._badges]
    assert board.editor.dropped.text() == "Struken: Ingen budget i år"
    assert drop.text() == "Återställ"
    QTest.keyClick(drop, Qt.Key.Key_Space)
    assert board.state.items[k["a1"]].dropped_reason is None
    assert board.findings.shown()["S1"] == ["a1"]
    board.ask_reason = lambda text: None  # type: ignore[method-assign]  # cancelled: nothing dropped
    QTest.keyClick(drop, Qt.Key.Key_Space)
    assert board.state.items[k["a1"]].dropped_reason is None


def test_dropping_and_restoring_are_undone_and_redone_with_the_reason(board: BoardStep, qtbot: QtBot) -> None:
    type_item(qtbot, board, ItemKind.ACTIVITY, {"key": "a1", "text": "Studiebesök", "status": "not_implemented"})
    k = keys(board)
    board.ask_reason = lambda text: "Ingen budget i år"  # type: ignore[method-assign]
    board.view.select_and_show(k["a1"])
    drop = board.editor.drop
    drop.setFocus()
    QTest.keyClick(drop, Qt.Key.Key_Space)

    def stored_reason() -> str | None:
        items = board.services.sessions.snapshot(board.session_id).items
        return next(item for item in items if item.id == k["a1"]).dropped_reason

    assert board.undo_stack.undoText() == "Stryk punkt"
    board.undo_stack.undo()
    assert stored_reason() is None and board.state.items[k["a1"]].dropped_reason is None
    assert board.findings.shown()["S1"] == ["a1"]
    board.undo_stack.redo()
    assert stored_reason() == "Ingen budget i år" == board.state.items[k["a1"]].dropped_reason
    board.view.select_and_show(k["a1"])
    assert drop.text() == "Återställ"
    QTest.keyClick(drop, Qt.Key.Key_Space)  # restored by hand; undo drops it again, with the same reason
    assert stored_reason() is None
    assert board.undo_stack.undoText() == "Återställ punkt"
    board.undo_stack.undo()
    assert stored_reason() == "Ingen budget i år"
    assert "✕ Struken" in [badge.text for badge in board.scene.cards[k["a1"]]._badges]


def test_a_carried_item_shows_last_times_status_and_outcome(services: Services, qtbot: QtBot) -> None:
    sid = services.sessions.create_session(NewSession(organisation="Kommun", date=dt.date(2025, 11, 20))).new_id
    assert sid is not None
    services.logic.add_item(sid, ItemKind.ACTIVITY, "Kartlägg gårdarna", status="implemented", outcome="Tre av fem")
    next_id = services.sessions.duplicate_as_next_year(sid).new_id
    assert next_id is not None
    step = BoardStep(services, ChangeBus(services), next_id)
    qtbot.addWidget(step)
    step.resize(1366, 768)
    step.show()
    (item_id,) = step.state.items
    card = step.scene.cards[item_id]
    assert "Förra uppföljningen: ✓ Genomförd – Tre av fem" in " ".join(card._note_lines)
    assert card.codes == ("G1", "G6", "S4")
    step.view.select_and_show(item_id)
    assert step.editor.previous.text() == "Förra uppföljningen: ✓ Genomförd – Tre av fem"
    assert step.editor.previous.isVisibleTo(step.editor)
