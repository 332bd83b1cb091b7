"""Before the reveal nothing on the facilitator's screen shows a value: the grid shows ● where a value was
entered, one cell can be looked at on purpose (clearly shown), and ending a pass round asks first and lands on
the hidden grid. Ratings and the joint assessment are undone and redone with Ctrl+Z / Ctrl+Shift+Z."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from lardesk.services import NewParticipant, NewSession, Services
from lardesk.ui.bus import ChangeBus
from lardesk.ui.ratings.step import RatingsStep
from lardesk.ui.session_window import SessionWindow
from tests.ui.boxes import OPENED, answer_next_box
from tests.ui.shown import shown_ratings

pytestmark = pytest.mark.gui

HIDDEN = "●"
"""What a saved value looks like before the reveal."""
ROLES = ("Förvaltningschef", "Controller", "HR-strateg", "Enhetschef")


@pytest.fixture
def session_id(services: Services) -> int:
    made = services.sessions.create_session(
        NewSession(
            organisation="Ankeby kommun",
            date=dt.date(2026, 11, 25),
            parts=frozenset({1, 2}),
            participants=tuple(NewParticipant(role=role) for role in ROLES),
        )
    )
    assert made.new_id is not None
    return made.new_id


@pytest.fixture
def step(qtbot: QtBot, services: Services, session_id: int) -> RatingsStep:
    return shown_ratings(qtbot, services, session_id, active=True)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def grid_texts(step: RatingsStep) -> list[list[str]]:
    """What the grid shows, row by row (the display text, and what a screen reader hears)."""
    model = step.model
    rows = []
    for row in range(model.rowCount()):
        cells = []
        for column in range(model.columnCount()):
            index = model.index(row, column)
            cells.append(str(model.data(index)))
            spoken = str(model.data(index, Qt.ItemDataRole.AccessibleTextRole))
            assert not any(f": {value}" in spoken for value in range(1, 11)) or step.revealed or model.peek
        rows.append(cells)
    return rows


def passing(step: RatingsStep) -> bool:
    return step.pass_round


def type_grid(step: RatingsStep, values: list[str]) -> None:
    step.grid.start()
    for value in values:
        QTest.keyClicks(step.grid, value)
        QTest.keyClick(step.grid, Qt.Key.Key_Tab)


def test_the_grid_hides_values_until_revealed(qtbot: QtBot, step: RatingsStep) -> None:
    type_grid(step, ["7", "10", "-", "3"])  # two people, scales 1, 2, 9
    assert not step.revealed
    shown = grid_texts(step)
    assert shown[0] == [HIDDEN, HIDDEN, HIDDEN]
    assert shown[1] == [HIDDEN, "", ""]
    assert not any(str(v) in cell for row in shown for cell in row for v in range(1, 11))
    assert not step.peek_banner.isVisible()

    # the facilitator looks at one value on purpose: the cell shows it, the banner says so
    step.grid.setCurrentIndex(step.model.index(0, 1))
    QTest.keyClick(step.grid, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert step.peek.isChecked() and step.peek_banner.isVisible()
    assert grid_texts(step)[0] == [HIDDEN, "10", HIDDEN]
    QTest.keyClick(step.grid, Qt.Key.Key_Right)  # moving on hides it again
    assert not step.peek.isChecked() and not step.peek_banner.isVisible()
    assert grid_texts(step)[0] == [HIDDEN, HIDDEN, HIDDEN]

    step.reveal.click()
    assert grid_texts(step)[0] == ["7", "10", "-"]
    assert not step.peek.isVisible()  # nothing left to peek at
    step.reveal.click()  # hidden again
    assert grid_texts(step)[0] == [HIDDEN, HIDDEN, HIDDEN]


def test_ending_a_pass_round_asks_and_shows_no_hidden_value(qtbot: QtBot, step: RatingsStep) -> None:
    type_grid(step, ["7", "8", "9"])
    step.tabs.setCurrentWidget(step.printed)  # keying in forms, then the laptop goes round
    step.start_pass_round()
    assert step.pass_round
    answer_next_box(QMessageBox.StandardButton.No)  # the person holding the laptop tries: No (the default)
    QTest.mouseClick(step.end_passing, Qt.MouseButton.LeftButton)
    assert step.pass_round and step.tabs.currentWidget() is step.passing
    assert "Avsluta skicka runt" in OPENED[-1]
    step.activateWindow()  # the box gave the window back (offscreen needs telling)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is step)
    answer_next_box(QMessageBox.StandardButton.Yes)
    step.passing.begin.setFocus()
    QTest.keyClick(step.passing.begin, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert not passing(step)
    assert step.tabs.currentWidget() is step.grid.parentWidget()
    assert grid_texts(step)[0] == [HIDDEN, HIDDEN, HIDDEN]  # not revealed: still hidden


@pytest.fixture
def window(qtbot: QtBot, services: Services, session_id: int) -> SessionWindow:
    made = SessionWindow(services, ChangeBus(services), session_id)
    qtbot.addWidget(made)
    qtbot.addWidget(made.projector)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    made.go_to("ratings")
    return made


def undo(window: SessionWindow) -> None:
    QTest.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(window: SessionWindow) -> None:
    QTest.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_ratings_and_the_joint_value_are_undone(
    qtbot: QtBot, window: SessionWindow, services: Services, session_id: int
) -> None:
    step = window.steps["ratings"]
    assert isinstance(step, RatingsStep)
    first = services.sessions.snapshot(session_id).present[0].id

    def value(scale: int) -> int | str | None:
        rating = services.sessions.snapshot(session_id).rating(first, scale)
        return "not given" if rating is None else rating.value

    type_grid(step, ["7", "5"])
    assert (value(1), value(2)) == (7, 5)
    assert window.undo.count() == 2
    undo(window)
    assert (value(1), value(2)) == (7, "not given")
    undo(window)
    assert value(1) == "not given"
    redo(window)
    assert value(1) == 7
    step.grid.setFocus()
    step.grid.setCurrentIndex(step.model.index(0, 0))
    QTest.keyClicks(step.grid, "3")
    QTest.keyClick(step.grid, Qt.Key.Key_Tab)
    assert value(1) == 3
    step.grid.setCurrentIndex(step.model.index(0, 0))
    QTest.keyClick(step.grid, Qt.Key.Key_Delete)  # cleared
    assert value(1) == "not given"
    undo(window)
    assert value(1) == 3
    undo(window)
    assert value(1) == 7

    # the joint value: typed, undone, redone
    step.tabs.setCurrentWidget(step.joint)
    row = step.joint.rows[9]
    qtbot.waitUntil(row.value.isVisible)
    row.value.setFocus()
    row.value.selectAll()
    QTest.keyClicks(row.value, "6")
    assert [(j.scale, j.value) for j in services.sessions.snapshot(session_id).joint] == [(9, 6)]
    undo(window)
    assert services.sessions.snapshot(session_id).joint == ()
    assert row.value.value() == 0
    redo(window)
    assert [(j.scale, j.value) for j in services.sessions.snapshot(session_id).joint] == [(9, 6)]
    assert row.value.value() == 6
