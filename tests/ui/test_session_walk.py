"""A whole session on the real main window, by keyboard: create, agree on parts, write notes and actions,
reopen a step, close and reopen the app on the same database file, and find everything as entered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from lardesk.method.people import Gender
from lardesk.method.snapshot import Anonymity
from lardesk.services import NewSession, Services
from lardesk.ui.main_window import MainWindow
from lardesk.ui.session_dialogs import NewSessionDialog
from lardesk.ui.session_steps import PartsStep, SectionStep
from lardesk.ui.session_window import SessionWindow

pytestmark = pytest.mark.gui

NOTE_2_1 = "Minskade skillnader i bemötande av kvinnor och män."
NOTE_2_3 = "Brukarenkäten visar små steg framåt."
NOTE_9 = "Vi är på väg, men långsamt."
ACTION = "Uppdatera effektmålen i verksamhetsplanen"


def press(
    qtbot: QtBot, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(widget, key, modifier)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a person: QTest only knows ASCII keys, so å, ä, ö and – go as key events carrying text."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def fill_new_session(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real dialog, filled in by keyboard; only its modal exec() is left out."""

    def ask(
        cls: type[NewSessionDialog], parent: QWidget | None, services: Services, language: str
    ) -> NewSession | None:
        dialog = cls(services, language, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        line = dialog.organisation.lineEdit()
        assert line is not None
        type_text(qtbot, line, "Testkommunen")
        type_text(qtbot, dialog.unit, "Socialförvaltningen")
        dialog.period.selectAll()
        type_text(qtbot, dialog.period, "2026")
        type_text(qtbot, dialog.facilitator, "Eva Strateg")
        for role, name, gender in (("Förvaltningschef", "Anna", Gender.WOMAN), ("Controller", "", Gender.MAN)):
            QTest.mouseClick(dialog.add_person, Qt.MouseButton.LeftButton)
            row = dialog.table.rowCount() - 1
            for column, text in ((0, role), (1, name)):
                item = dialog.table.item(row, column)
                assert item is not None
                item.setText(text)
            combo = dialog.table.cellWidget(row, 2)
            combo.setCurrentIndex(combo.findData(gender.value))  # type: ignore[attr-defined]
        assert not dialog.continue_box.isVisible()  # a new organisation has no last year
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None and ok.isEnabled()
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.new_session()

    monkeypatch.setattr(NewSessionDialog, "ask", classmethod(ask))


def go_to_step(qtbot: QtBot, window: SessionWindow, step_id: str) -> None:
    """Walk with Ctrl+PgDown / Ctrl+PgUp until the step is shown."""
    for _ in range(len(window.order)):
        if window.current == step_id:
            return
        forward = window.order.index(step_id) > window.order.index(window.current)
        press(qtbot, window, Qt.Key.Key_PageDown if forward else Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current == step_id


def click_step(qtbot: QtBot, window: SessionWindow, step_id: str) -> None:
    """Reopen a step by clicking it in the progress list."""
    item = window.step_list.item(window.order.index(step_id))
    assert item is not None
    rect = window.step_list.visualItemRect(item)
    QTest.mouseClick(
        window.step_list.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 10, rect.center().y())
    )
    assert window.current == step_id


def section(window: SessionWindow, number: int) -> SectionStep:
    step = window.steps[f"section-{number}"]
    assert isinstance(step, SectionStep)
    return step


def test_a_whole_session_survives_closing_the_app(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, sqlite_url: str, tmp_path: Path
) -> None:
    services = Services.open(sqlite_url, tmp_path / "backups")
    main = MainWindow(services)
    qtbot.addWidget(main)
    activate(qtbot, main)
    fill_new_session(qtbot, monkeypatch)

    press(qtbot, main.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(main.session_windows) == 1
    ((session_id, window),) = main.session_windows.items()
    qtbot.addWidget(window)
    activate(qtbot, window)
    assert window.current == "parts"

    # Agree on the parts: leave out 4 (förmedlande instanser) and 7 (struktur), by keyboard.
    parts = window.steps["parts"]
    assert isinstance(parts, PartsStep)
    for number in (4, 7):
        parts.boxes[number].setFocus()
        press(qtbot, parts.boxes[number], Qt.Key.Key_Space)
    assert not parts.boxes[9].isEnabled() and parts.boxes[9].isChecked()
    assert "section-4" not in window.order and "section-7" not in window.order
    assert [s for s in window.order if s.startswith("section-")] == [f"section-{n}" for n in (1, 2, 3, 5, 6, 8, 9)]

    # Section 2: notes on questions 1 and 3, Tab moves on (and writes through), then an improvement action.
    go_to_step(qtbot, window, "section-2")
    two = section(window, 2)
    two.notes[1].setFocus()
    type_text(qtbot, two.notes[1], NOTE_2_1)
    press(qtbot, two.notes[1], Qt.Key.Key_Tab)
    two.notes[3].setFocus()
    type_text(qtbot, two.notes[3], NOTE_2_3)
    editor = two.action_editor
    editor.new_text.setFocus()
    type_text(qtbot, editor.new_text, ACTION)
    type_text(qtbot, editor.new_owner, "Förvaltningschef")
    type_text(qtbot, editor.new_due, "2027-03-31")
    press(qtbot, editor.new_due, Qt.Key.Key_Return)
    assert len(editor.rows) == 1 and editor.rows[0].text.text() == ACTION
    assert editor.new_text.text() == ""

    # Section 9, reached from the progress list by keyboard (Ctrl+L, then "9" finds it): a note on it.
    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.step_list.hasFocus()
    QTest.keyClicks(window.step_list, "9")
    assert window.current == "section-9"
    nine = section(window, 9)
    nine.notes[0].setFocus()
    type_text(qtbot, nine.notes[0], NOTE_9)

    # Reopen section 2 by clicking it: what was written is there.
    click_step(qtbot, window, "section-2")
    assert two.notes[1].toPlainText() == NOTE_2_1
    assert two.notes[3].toPlainText() == NOTE_2_3
    snapshot = services.sessions.snapshot(session_id)
    assert snapshot.note(2, 1) == NOTE_2_1
    assert snapshot.note(9, 0) == NOTE_9
    assert window.step_list.item(window.order.index("section-2")).text().endswith("(2/6 · 1 åtg.)")

    # The owner is changed in place and the window closed at once: nothing typed is lost.
    row = editor.rows[0]
    row.owner.setFocus()
    row.owner.selectAll()
    type_text(qtbot, row.owner, "Kommundirektör")
    press(qtbot, window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not main.session_windows
    main.close()
    services.close()

    # A new start of the app on the same database file.
    reopened = Services.open(sqlite_url, tmp_path / "backups")
    try:
        again = MainWindow(reopened)
        qtbot.addWidget(again)
        activate(qtbot, again)
        assert again.selected_session() == session_id
        again.tree.setFocus()
        press(qtbot, again.tree, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        window = again.session_windows[session_id]
        qtbot.addWidget(window)
        activate(qtbot, window)
        assert window.current == "section-2"  # where the facilitator left off
        assert "section-4" not in window.order and "section-7" not in window.order
        two = section(window, 2)
        assert two.notes[1].toPlainText() == NOTE_2_1
        assert two.notes[3].toPlainText() == NOTE_2_3
        assert [(r.text.text(), r.owner.text(), r.due.text()) for r in two.action_editor.rows] == [
            (ACTION, "Kommundirektör", "2027-03-31")
        ]
        go_to_step(qtbot, window, "section-9")
        assert section(window, 9).notes[0].toPlainText() == NOTE_9
        click_step(qtbot, window, "parts")
        parts = window.steps["parts"]
        assert isinstance(parts, PartsStep)
        assert {n for n, box in parts.boxes.items() if not box.isChecked()} == {4, 7}
        snapshot = reopened.sessions.snapshot(session_id)
        info = snapshot.session
        assert (info.organisation.name, info.organisation.unit, info.period, info.facilitator) == (
            "Testkommunen",
            "Socialförvaltningen",
            "2026",
            "Eva Strateg",
        )
        assert info.anonymity is Anonymity.ROLES
        assert [(p.role, p.name, p.gender) for p in snapshot.participants] == [
            ("Förvaltningschef", "Anna", Gender.WOMAN),
            ("Controller", None, Gender.MAN),
        ]
        window.close()
    finally:
        reopened.close()
