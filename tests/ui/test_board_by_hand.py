"""Issue 4's acceptance test: the worksheet of Bilaga 1 built by hand on the board, links by keyboard only.

Items are typed into the board's own "new item" bar and their statuses and outcomes set in its item panel;
every link is made by selecting the item with the arrow keys, pressing L and ticking its targets with
Space. The findings panel must then list exactly the findings of shared/exchange/README.md, and removing
or adding one link must change exactly the findings it should.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from lardesk.method.logic import BOARD_ORDER, FINDING_CODES, ItemKind
from lardesk.services import NewSession, Services
from lardesk.ui.board.step import BoardStep
from lardesk.ui.bus import ChangeBus
from tests.conftest import EXAMPLE_FINDINGS

pytestmark = pytest.mark.gui

SECTIONS = (
    ("resources", ItemKind.RESOURCE, "activities"),
    ("activities", ItemKind.ACTIVITY, "results"),
    ("results", ItemKind.RESULT, "effects"),
    ("mediators", ItemKind.MEDIATOR, "results"),
    ("effects", ItemKind.EFFECT, None),
)
# shared/exchange/README.md, "Its expected findings"
EXPECTED = EXAMPLE_FINDINGS


@pytest.fixture
def board(services: Services, qtbot: QtBot) -> BoardStep:
    created = services.sessions.create_session(
        NewSession(organisation="Exempelkommunen", date=dt.date(2011, 11, 15), title="För hand")
    )
    assert created.new_id is not None
    bus = ChangeBus(services)
    bus.failed.connect(lambda message: pytest.fail(f"the board refused something: {message}"))
    step = BoardStep(services, bus, created.new_id)
    step._test_bus = bus  # type: ignore[attr-defined]  # keep the bus alive as long as the board
    qtbot.addWidget(step)
    step.resize(1366, 768)
    step.show()
    qtbot.waitExposed(step)
    return step


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying ``text`` one character at a time (QTest.keyClicks cannot type å, ä, ö)."""
    for char in text:
        key = ord(char.upper()) if char.isascii() and char.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def type_item(qtbot: QtBot, step: BoardStep, kind: ItemKind, entry: dict[str, Any]) -> None:
    """Add one item through the bar, then set its status and outcome in the item panel."""
    step.new_kind.setFocus()
    step.new_kind.setCurrentIndex(step.new_kind.findData(kind.value))
    step.new_text.setFocus()
    type_text(step.new_text, entry["text"])
    QTest.keyClick(step.new_text, Qt.Key.Key_Return)
    assert step.new_text.text() == ""
    selected = step.scene.selected_id()
    assert selected is not None
    assert step.state.items[selected].text == entry["text"]
    assert step.state.items[selected].key == entry["key"]
    status = entry.get("status")
    if status:
        combo = step.editor.status
        target = combo.findData(status)
        assert target >= 0
        combo.setFocus()
        while combo.currentIndex() < target:
            QTest.keyClick(combo, Qt.Key.Key_Down)
        assert step.state.items[selected].status == status
    if entry.get("outcome"):
        step.editor.outcome.setFocus()
        type_text(step.editor.outcome, entry["outcome"])
        QTest.keyClick(step.editor.outcome, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert step.state.items[selected].outcome == entry["outcome"]


def select_by_keyboard(qtbot: QtBot, step: BoardStep, item_id: int) -> None:
    """Arrow keys only: to the item's column, to its top, then down to it."""
    view = step.view
    view.setFocus()
    if step.scene.selected_id() is None:
        QTest.keyClick(view, Qt.Key.Key_Home)
    kind, row = step.state.column_of(item_id)
    filled = [k for k in BOARD_ORDER if step.state.columns[k]]
    for _ in range(len(filled)):
        current = step.scene.selected_id()
        assert current is not None
        here = filled.index(step.state.items[current].kind)
        there = filled.index(kind)
        if here == there:
            break
        QTest.keyClick(view, Qt.Key.Key_Right if there > here else Qt.Key.Key_Left)
    QTest.keyClick(view, Qt.Key.Key_Home)
    for _ in range(row):
        QTest.keyClick(view, Qt.Key.Key_Down)
    assert step.scene.selected_id() == item_id


def toggle_links_by_keyboard(qtbot: QtBot, step: BoardStep, source_id: int, target_ids: list[int]) -> None:
    """Select the source, press L, walk the list of what it may lead to and press Space on each target."""
    select_by_keyboard(qtbot, step, source_id)
    QTest.keyClick(step.view, Qt.Key.Key_L)
    links = step.editor.links
    assert links.hasFocus()
    rows = {int(links.item(row).data(Qt.ItemDataRole.UserRole)): row for row in range(links.count())}
    QTest.keyClick(links, Qt.Key.Key_Home)
    current = 0
    for row in sorted(rows[target] for target in target_ids):
        while current < row:
            QTest.keyClick(links, Qt.Key.Key_Down)
            current += 1
        assert links.currentRow() == row
        QTest.keyClick(links, Qt.Key.Key_Space)
    QTest.keyClick(links, Qt.Key.Key_Escape)
    assert step.view.hasFocus()


def build_example(qtbot: QtBot, step: BoardStep, example: dict[str, Any]) -> dict[str, int]:
    logic = example["logic"]
    for section, kind, _targets in SECTIONS:
        for entry in logic[section]:
            type_item(qtbot, step, kind, entry)
    ids = {item.key: item.id for item in step.state.items.values()}
    for section, _kind, targets in SECTIONS:
        for entry in logic[section] if targets else ():
            if entry.get(targets):
                toggle_links_by_keyboard(qtbot, step, ids[entry["key"]], [ids[key] for key in entry[targets]])
    return ids


def test_the_example_built_by_hand_shows_exactly_its_findings(
    board: BoardStep, qtbot: QtBot, services: Services, example_bytes: bytes
) -> None:
    example = json.loads(example_bytes)
    ids = build_example(qtbot, board, example)
    shown = board.findings.shown()
    assert shown == EXPECTED
    for code in FINDING_CODES:  # counts beside every code, zero included
        assert board.findings.count_text(code).endswith(f"({len(EXPECTED[code])})")
    # every gap is also marked on its item, as text ("⚠ G1"), not by colour alone
    for code, keys in EXPECTED.items():
        for key in keys:
            assert code in board.scene.cards[ids[key]].codes
            assert any(code in badge.text for badge in board.scene.cards[ids[key]]._badges)
    assert not board.scene.cards[ids["a1"]].codes
    # what the board shows is what is stored
    stored = services.sessions.snapshot(board.session_id)
    assert {(link.source_id, link.target_id) for link in stored.links} == board.state.links
    logic = example["logic"]
    expected_links = sum(
        len(entry.get(targets, [])) for section, _, targets in SECTIONS if targets for entry in logic[section]
    )
    assert len(stored.links) == expected_links == 43
    assert [(f.code, f.key) for f in stored.findings] == [(f.code, f.key) for f in board.state.findings]


def test_removing_and_adding_one_link_changes_exactly_its_findings(
    board: BoardStep, qtbot: QtBot, services: Services, example_bytes: bytes
) -> None:
    ids = build_example(qtbot, board, json.loads(example_bytes))
    assert board.findings.shown() == EXPECTED
    cards_before = dict(board.scene.cards)

    # a1 leads only to res4; res4 is still supported by a5: only a1 becomes a G1
    toggle_links_by_keyboard(qtbot, board, ids["a1"], [ids["res4"]])
    expected = {code: list(keys) for code, keys in EXPECTED.items()}
    expected["G1"] = ["a1", *expected["G1"]]
    assert board.findings.shown() == expected
    assert "G1" in board.scene.cards[ids["a1"]].codes
    assert (ids["a1"], ids["res4"]) not in board.scene.arrows

    # put it back: exactly the example again
    toggle_links_by_keyboard(qtbot, board, ids["a1"], [ids["res4"]])
    assert board.findings.shown() == EXPECTED

    # a6 → res2 closes two gaps at once: a6 leaves G1, res2 leaves G2 (its other findings stay), and res2 now
    # rests only on an activity that was not implemented: S3
    toggle_links_by_keyboard(qtbot, board, ids["a6"], [ids["res2"]])
    expected = {code: list(keys) for code, keys in EXPECTED.items()}
    expected["G1"].remove("a6")
    expected["G2"].remove("res2")
    expected["S3"] = ["res2"]
    assert board.findings.shown() == expected
    assert board.scene.cards[ids["res2"]].codes == ("S2", "S3")
    assert board.scene.cards[ids["a6"]].codes == ("S1",)

    # the links were incremental: no card was drawn anew
    assert all(board.scene.cards[item_id] is card for item_id, card in cards_before.items())
    stored = services.sessions.snapshot(board.session_id)
    assert [(f.code, f.key) for f in stored.findings] == [(f.code, f.key) for f in board.state.findings]
