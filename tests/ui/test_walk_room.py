"""What a keyboard-only facilitator met walking a whole session in front of a projector (the walk of
2026-12-01): each test drives the real widgets the way the walk did."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from lardesk.method.logic import ItemKind
from lardesk.services import Services
from lardesk.ui.board.step import BoardStep
from lardesk.ui.ratings.step import RatingsStep
from tests.ui.test_flow import new_session, open_window

pytestmark = pytest.mark.gui

ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_alt_letters_reach_every_ratings_tab_without_starting_a_pass_round(qtbot: QtBot, services: Services) -> None:
    """Arrowing along the tabs passes *Skicka runt*, which hands the laptop round and locks the others; the
    joint assessment, the forms and the history must be reachable from the keyboard without that."""
    window = open_window(qtbot, services, new_session(services))
    window.go_to("ratings")
    step = window.steps["ratings"]
    assert isinstance(step, RatingsStep)
    step.grid.setFocus()
    qtbot.waitUntil(step.grid.hasFocus)
    for letter, page in ((Qt.Key.Key_A, step.joint), (Qt.Key.Key_B, step.printed), (Qt.Key.Key_H, step.history)):
        QTest.keyClick(focused(), letter, ALT)
        assert step.tabs.currentWidget() is page
        assert not step.pass_round
    QTest.keyClick(focused(), Qt.Key.Key_T, ALT)
    assert step.tabs.currentWidget() is step.grid.parentWidget()


def test_l_starts_at_the_top_of_the_list_for_each_item(qtbot: QtBot, services: Services) -> None:
    """L, Down, Space links the first item to the second target; L and Space on the next item must tick its
    first target, not the row the previous item's list was left at."""
    window = open_window(qtbot, services, new_session(services))
    window.go_to("board")
    board = window.board
    assert isinstance(board, BoardStep)
    ids = {
        text: board.add_item(kind, text)
        for kind, text in (
            (ItemKind.RESULT, "Alla chefer är utbildade"),
            (ItemKind.RESULT, "Rutinen är könskonsekvensbeskriven"),
            (ItemKind.ACTIVITY, "Utbilda cheferna"),
            (ItemKind.ACTIVITY, "Analysera sjukfrånvaron"),
        )
    }
    first, second = ids["Utbilda cheferna"], ids["Analysera sjukfrånvaron"]
    assert first is not None and second is not None
    board.view.setFocus()
    board.select_item(first)
    QTest.keyClick(board.view, Qt.Key.Key_L)
    links = board.editor.links
    assert links.hasFocus() and links.currentRow() == 0
    QTest.keyClick(links, Qt.Key.Key_Down)
    QTest.keyClick(links, Qt.Key.Key_Space)
    QTest.keyClick(links, Qt.Key.Key_Escape)
    assert board.view.hasFocus()
    QTest.keyClick(board.view, Qt.Key.Key_Down)
    assert board.scene.selected_id() == second
    QTest.keyClick(board.view, Qt.Key.Key_L)
    assert links.currentRow() == 0
    QTest.keyClick(links, Qt.Key.Key_Space)
    assert board.state.targets(first) == [ids["Rutinen är könskonsekvensbeskriven"]]
    assert board.state.targets(second) == [ids["Alla chefer är utbildade"]]
