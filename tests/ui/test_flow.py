"""The flow of a meeting as a facilitator meets it (issue 11, items 13, 14 and 16): the window's title follows
edits, Enter in the search opens the only match, empty places say what to do, the new-session dialog is
filled in by keyboard, and the anonymity and the guide's language can be changed in the room."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from lardesk.method.logic import ItemKind
from lardesk.services import NewParticipant, NewSession, Services
from lardesk.ui.board.step import BoardStep
from lardesk.ui.bus import ChangeBus
from lardesk.ui.main_window import MainWindow
from lardesk.ui.ratings.step import RatingsStep
from lardesk.ui.session_steps import PartsStep
from lardesk.ui.session_window import SessionWindow
from tests.ui.test_session_walk import type_text

pytestmark = pytest.mark.gui


def new_session(services: Services, organisation: str = "Ankeby kommun", people: int = 3, **fields: object) -> int:
    changes = services.sessions.create_session(
        NewSession(
            organisation=organisation,
            date=dt.date(2026, 11, 25),
            participants=tuple(NewParticipant(role=f"Roll {n}", name=f"Namn {n}") for n in range(1, people + 1)),
            **fields,  # type: ignore[arg-type]
        )
    )
    assert changes.new_id is not None
    return changes.new_id


def open_window(qtbot: QtBot, services: Services, session_id: int) -> SessionWindow:
    window = SessionWindow(services, ChangeBus(services), session_id)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def focus_out(qtbot: QtBot, widget: QWidget, elsewhere: QWidget) -> None:
    elsewhere.setFocus()
    qtbot.waitUntil(lambda: not widget.hasFocus())


# -- item 16 ------------------------------------------------------------------------------------------------


def test_the_window_title_follows_edits(qtbot: QtBot, services: Services) -> None:
    session_id = new_session(services, period="2026")
    window = open_window(qtbot, services, session_id)
    assert window.windowTitle() == "Ankeby kommun – 2026 – lardesk"
    parts = window.steps["parts"]
    assert isinstance(parts, PartsStep)
    title = parts.details["title"].widget
    title.setFocus()
    type_text(qtbot, title, "Ledningsgruppens uppföljning")
    focus_out(qtbot, title, parts.boxes[1])
    assert services.sessions.session_info(session_id).title == "Ledningsgruppens uppföljning"
    assert window.windowTitle() == "Ankeby kommun – Ledningsgruppens uppföljning – lardesk"
    window.undo.undo()
    assert window.windowTitle() == "Ankeby kommun – 2026 – lardesk"


def test_enter_in_the_search_opens_the_only_match(qtbot: QtBot, services: Services) -> None:
    only = new_session(services, "Ankeby kommun")
    new_session(services, "Bortby kommun")
    new_session(services, "Bortby kommun", unit="Skola")
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    main.search.setFocus()
    type_text(qtbot, main.search, "Bortby")
    QTest.keyClick(main.search, Qt.Key.Key_Return)
    assert not main.session_windows  # two matches: the list takes the keyboard, nothing opens
    assert main.tree.hasFocus() and main.selected_session() in main.listed_sessions()
    main.search.clear()
    main.search.setFocus()
    type_text(qtbot, main.search, "Ankeby")
    QTest.keyClick(main.search, Qt.Key.Key_Return)
    assert list(main.session_windows) == [only]
    qtbot.addWidget(main.session_windows[only])


def test_an_empty_search_result_says_so(qtbot: QtBot, services: Services) -> None:
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    assert main.empty.isVisible() and "Ctrl+N" in main.empty.text()
    new_session(services)
    main.refresh()
    assert not main.empty.isVisible()
    type_text(qtbot, main.search, "Cederby")
    assert main.empty.isVisible() and "Ingen uppföljning matchar ”Cederby”" in main.empty.text()


def test_an_empty_board_says_what_to_do(qtbot: QtBot, services: Services) -> None:
    session_id = new_session(services)
    board = BoardStep(services, ChangeBus(services), session_id)
    qtbot.addWidget(board)
    board.resize(1200, 700)
    board.show()
    assert board.empty_hint.isVisible() and "Tavlan är tom" in board.empty_hint.text()
    hint = board.findings.topLevelItem(0)
    assert board.findings.topLevelItemCount() == 1 and hint is not None
    assert hint.text(0).startswith("Inga punkter på tavlan ännu")
    assert board.findings.visualItemRect(hint).height() > 2 * board.fontMetrics().height()  # wrapped, not cut
    board.new_text.setFocus()
    type_text(qtbot, board.new_text, "Kvinnor och män får likvärdig service")
    QTest.keyClick(board.new_text, Qt.Key.Key_Return)
    assert [i.kind for i in board.state.items.values()] == [ItemKind.STARTING_POINT]
    assert not board.empty_hint.isVisible()
    assert board.findings.count_text("G1").startswith("✓ G1")


def test_when_everyone_has_rated_the_pass_around_says_what_next(qtbot: QtBot, services: Services) -> None:
    session_id = new_session(services, people=2)
    for person in services.sessions.snapshot(session_id).participants:
        services.ratings.set_ratings(person.id, dict.fromkeys(range(1, 10), 5))
    step = RatingsStep(services, ChangeBus(services), session_id)
    qtbot.addWidget(step)
    step.resize(1366, 700)
    step.show()
    step.tabs.setCurrentWidget(step.passing)
    passing = step.passing
    assert passing.next_label.text() == "Alla har bedömt."
    assert "Ctrl+F8" in passing.help.text() and "F8" in passing.help.text()
    assert "personen ovan" not in passing.help.text()
