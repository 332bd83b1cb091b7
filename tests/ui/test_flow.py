"""The flow of a meeting as a facilitator meets it (issue 11, items 13, 14 and 16): the window's title follows
edits, Enter in the search opens the only match, empty places say what to do, the new-session dialog is
filled in by keyboard, and the anonymity and the guide's language can be changed in the room."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from lardesk.method.logic import ItemKind
from lardesk.method.snapshot import Anonymity
from lardesk.services import NewParticipant, NewSession, Services
from lardesk.ui.board.step import BoardStep
from lardesk.ui.bus import ChangeBus
from lardesk.ui.main_window import MainWindow
from lardesk.ui.ratings.step import RatingsStep
from lardesk.ui.session_dialogs import NewSessionDialog
from lardesk.ui.session_steps import ConfirmOpenness, PartsStep, SectionStep
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
    assert [i.kind for i in board.state.items.values()] == [ItemKind.EFFECT]  # where the hint says to start
    assert not board.empty_hint.isVisible()
    assert board.findings.count_text("G1").startswith("✓ G1")
    assert board.findings.count_text("G3").startswith("⚠ G3")


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


# -- item 13: the new-session dialog ------------------------------------------------------------------------


def open_dialog(qtbot: QtBot, services: Services) -> NewSessionDialog:
    dialog = NewSessionDialog(services, "sv")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_in_cell(qtbot: QtBot, dialog: NewSessionDialog, text: str) -> None:
    """Type into the cell being edited (the editor has the focus), as a person would."""
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and dialog.table.isAncestorOf(editor)
    type_text(qtbot, editor, text)


def test_enter_in_the_participants_adds_the_next_row_and_ctrl_enter_creates(qtbot: QtBot, services: Services) -> None:
    dialog = open_dialog(qtbot, services)
    line = dialog.organisation.lineEdit()
    assert line is not None
    line.setFocus()
    type_text(qtbot, line, "Ankeby kommun")
    QTest.keyClick(line, Qt.Key.Key_Return)  # Enter in a field goes on to the next one, it does not create
    assert dialog.isVisible() and dialog.unit.hasFocus()
    QTest.mouseClick(dialog.add_person, Qt.MouseButton.LeftButton)
    first = dialog.table.item(0, 0)
    assert first is not None
    dialog.table.editItem(first)
    type_in_cell(qtbot, dialog, "Förvaltningschef")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.table.rowCount() == 2 and dialog.table.currentRow() == 1
    type_in_cell(qtbot, dialog, "Controller")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.table.rowCount() == 3
    type_in_cell(qtbot, dialog, "HR")
    QTest.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [p.role for p in dialog.new_session().participants] == ["Förvaltningschef", "Controller", "HR"]


def test_tab_leaves_the_date_field(qtbot: QtBot, services: Services) -> None:
    dialog = open_dialog(qtbot, services)
    dialog.date.setFocus()
    qtbot.waitUntil(dialog.date.hasFocus)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert dialog.period.hasFocus()
    QTest.keyClick(dialog.period, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.date.hasFocus()


def test_continuing_from_last_year_offers_last_years_participants(qtbot: QtBot, services: Services) -> None:
    new_session(services, people=3)
    dialog = open_dialog(qtbot, services)
    top_left = dialog.add_person.mapTo(dialog, QPoint(0, 0))
    assert not dialog.previous_people.isVisible()
    line = dialog.organisation.lineEdit()
    assert line is not None
    line.setFocus()
    type_text(qtbot, line, "Ankeby kommun")
    assert dialog.continue_box.isVisible()
    assert dialog.previous_people.isVisible() and dialog.previous_people.text().endswith("(3)")
    dialog.add_participant("Ny chef")
    QTest.mouseClick(dialog.previous_people, Qt.MouseButton.LeftButton)
    people = dialog.new_session().participants
    assert [(p.role, p.name) for p in people] == [("Ny chef", None)] + [(f"Roll {n}", f"Namn {n}") for n in (1, 2, 3)]
    QTest.mouseClick(dialog.previous_people, Qt.MouseButton.LeftButton)  # twice: nobody twice
    assert len(dialog.new_session().participants) == 4
    for _ in range(12):
        QTest.mouseClick(dialog.add_person, Qt.MouseButton.LeftButton)
    assert dialog.add_person.mapTo(dialog, QPoint(0, 0)) == top_left  # it stays where it was


def test_the_gender_column_shows_its_choices_whole(qtbot: QtBot, services: Services) -> None:
    dialog = open_dialog(qtbot, services)
    dialog.add_participant("Chef")
    combo = dialog.table.cellWidget(0, 2)
    assert isinstance(combo, QComboBox)
    qtbot.waitUntil(combo.isVisible)
    assert combo.width() >= combo.sizeHint().width()
    longest = max(combo.itemText(i) for i in range(combo.count()))
    assert combo.width() > combo.fontMetrics().horizontalAdvance(longest) + 20  # text and the arrow


# -- item 14: anonymity and language, changed in the room ---------------------------------------------------


def choose(qtbot: QtBot, combo: QComboBox, data: str) -> None:
    """Pick an entry of a closed combo box with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    target = combo.findData(data)
    assert target >= 0
    steps = target - combo.currentIndex()
    for _ in range(abs(steps)):
        QTest.keyClick(combo, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)


def parts_of(window: SessionWindow) -> PartsStep:
    parts = window.steps["parts"]
    assert isinstance(parts, PartsStep)
    return parts


def test_a_more_open_mode_asks_the_group_first(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = new_session(services, anonymity=Anonymity.ROLES)
    window = open_window(qtbot, services, session_id)
    parts = parts_of(window)
    asked: list[Anonymity] = []
    answer = [False]

    def ask(cls: type[ConfirmOpenness], parent: QWidget | None, mode: Anonymity) -> bool:
        asked.append(mode)
        return answer[0]

    monkeypatch.setattr(ConfirmOpenness, "ask", classmethod(ask))
    choose(qtbot, parts.anonymity, Anonymity.OPEN.value)
    assert asked == [Anonymity.OPEN]
    assert services.sessions.session_info(session_id).anonymity is Anonymity.ROLES  # the group said no
    assert parts.anonymity.currentData() == Anonymity.ROLES.value
    answer[0] = True
    choose(qtbot, parts.anonymity, Anonymity.OPEN.value)
    assert services.sessions.session_info(session_id).anonymity is Anonymity.OPEN


def test_a_less_open_mode_removes_the_names_at_once(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = new_session(services, anonymity=Anonymity.OPEN)
    window = open_window(qtbot, services, session_id)
    parts = parts_of(window)

    def never(cls: type[ConfirmOpenness], parent: QWidget | None, mode: Anonymity) -> bool:
        raise AssertionError("a less open mode is not asked for")

    monkeypatch.setattr(ConfirmOpenness, "ask", classmethod(never))
    choose(qtbot, parts.anonymity, Anonymity.ANONYMOUS.value)
    snapshot = services.sessions.snapshot(session_id)
    assert snapshot.session.anonymity is Anonymity.ANONYMOUS
    assert [p.name for p in snapshot.participants] == [None, None, None]
    table = parts.participants.table
    names = [table.item(row, 1) for row in range(table.rowCount())]
    assert all(
        item is not None and item.text() == "" and not item.flags() & Qt.ItemFlag.ItemIsEditable for item in names
    )


def test_the_guides_language_can_be_changed_in_the_room(qtbot: QtBot, services: Services) -> None:
    session_id = new_session(services)
    window = open_window(qtbot, services, session_id)
    assert window.step_list.item(1) is not None
    swedish = [window.step_list.item(row).text() for row in range(window.step_list.count())]
    choose(qtbot, parts_of(window).language, "en")
    assert services.sessions.session_info(session_id).language == "en"
    qtbot.waitUntil(lambda: window.context.guide.language == "en")
    english = [window.step_list.item(row).text() for row in range(window.step_list.count())]
    assert len(english) == len(swedish) and english != swedish
    assert any(text.startswith("1. Starting points") for text in english)
    assert window.current == "parts" and parts_of(window).language.currentData() == "en"
    section = window.steps["section-2"]
    assert isinstance(section, SectionStep) and section.section.title.startswith("Expected effects")


# -- item 20: the list first, the database layer a moment later ---------------------------------------------


def is_listed(window: MainWindow) -> bool:
    return window.listed


def test_the_list_shows_before_the_services_and_enter_waits_for_them(
    qtbot: QtBot, services: Services, sqlite_url: str
) -> None:
    from lardesk.services.listing import quick_listing

    first = new_session(services, "Ankeby kommun")
    new_session(services, "Bortby kommun")
    listing = quick_listing(sqlite_url)
    assert listing is not None
    main = MainWindow()  # painted, no services yet (lardesk.app does this at start-up)
    qtbot.addWidget(main)
    main.show()
    assert not is_listed(main)
    main.show_listing(listing)
    assert is_listed(main) and main.listed_sessions() == [first, first + 1]
    main.select_session(first)
    main.tree.setFocus()
    QTest.keyClick(main.tree, Qt.Key.Key_Return)  # before the services: remembered, not lost
    assert not main.session_windows
    main.attach(services)
    assert list(main.session_windows) == [first]
    qtbot.addWidget(main.session_windows[first])
