"""Continuing from the previous follow-up, on the real main window: the new-session dialog offers last time's
unexpected results and effects as starting points, each carried item shows last time's status and outcome
and is "Ej följd upp" (S4) until the group assesses it, and last time's actions are reviewed in the session."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from lardesk.method.actions import ActionStatus
from lardesk.method.logic import ItemKind, StartingPointKind
from lardesk.services import NewSession, Services
from lardesk.ui.board.step import BoardStep
from lardesk.ui.main_window import MainWindow
from lardesk.ui.session_dialogs import NewSessionDialog
from lardesk.ui.session_steps import PartsStep
from tests.ui.test_session_walk import activate, go_to_step, type_text

pytestmark = pytest.mark.gui

SCREENSHOTS = os.environ.get("LARDESK_SCREENSHOTS")
"""A folder to keep the screenshots in (none by default: a fixed folder in /tmp was shared by every run)."""


def shoot(widget: QWidget, name: str) -> None:
    if SCREENSHOTS:
        widget.grab().save(str(Path(SCREENSHOTS) / name))


def last_years_session(services: Services) -> int:
    sid = services.sessions.create_session(
        NewSession(organisation="Ankeby kommun", date=dt.date(2011, 11, 15), period="2011")
    ).new_id
    assert sid is not None
    logic = services.logic

    def add(kind: ItemKind, text: str, status: str | None = None, outcome: str = "") -> int:
        new_id = logic.add_item(sid, kind, text, status=status, outcome=outcome).new_id
        assert new_id is not None
        return new_id

    resource = add(ItemKind.RESOURCE, "Strateg 50 %")
    a1 = add(ItemKind.ACTIVITY, "Kartlägg gårdarna", "implemented", "Tre av fem gårdar")
    a2 = add(ItemKind.ACTIVITY, "Utbilda personalen", "not_implemented", "Skjuts till våren")
    r1 = add(ItemKind.RESULT, "Flickor och pojkar får lika mycket tid", "partly_achieved", "Bättre på två gårdar")
    r2 = add(ItemKind.RESULT, "Fler flickor söker fotboll", "achieved")
    logic.update_item(r2, unexpected=True)
    e1 = add(ItemKind.EFFECT, "Lika villkor på fritidsgårdarna")
    e2 = add(ItemKind.EFFECT, "Föräldrar frågar efter statistiken", "on_track")
    logic.update_item(e2, unexpected=True)
    for source, target in ((resource, a1), (resource, a2), (a1, r1), (a2, r1), (r1, e1), (r2, e1)):
        logic.add_link(source, target)
    services.sessions.add_improvement(sid, "Könsuppdela besöksstatistiken", 3, "Controller", "2012-06-30")
    services.sessions.add_improvement(sid, "Ta fram en plan för hallarna", 6, "Fritidschef")
    return sid


def test_continuing_from_last_year(qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    last_year = last_years_session(services)
    before = services.sessions.snapshot(last_year, with_previous=False)
    offered: list[str] = []

    def ask(cls: type[NewSessionDialog], parent: QWidget | None, services: Services, language: str) -> NewSession:
        dialog = cls(services, language, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        line = dialog.organisation.lineEdit()
        assert line is not None
        type_text(qtbot, line, "Ankeby kommun")
        dialog.date.setDate(dt.date(2012, 11, 20))  # type: ignore[arg-type]
        assert dialog.continue_box.isVisible() and dialog.continue_box.isChecked()
        listed = dialog.unexpected
        assert listed.isVisible()
        offered.extend(listed.item(row).text() for row in range(listed.count()))
        # accept the first by keyboard (Space), skip the second
        listed.setFocus()
        listed.setCurrentRow(0)
        QTest.keyClick(listed, Qt.Key.Key_Space)
        shoot(dialog, "new-session.png")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.new_session()

    monkeypatch.setattr(NewSessionDialog, "ask", classmethod(ask))
    main = MainWindow(services)
    qtbot.addWidget(main)
    activate(qtbot, main)
    QTest.keyClick(main.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert offered == ["Resultat res2: Fler flickor söker fotboll", "Effekt e2: Föräldrar frågar efter statistiken"]
    ((session_id, window),) = main.session_windows.items()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    activate(qtbot, window)

    snapshot = services.sessions.snapshot(session_id)
    assert snapshot.session.previous_session_id == last_year
    # the accepted unexpected result is a new starting point; the skipped effect is not
    starts = snapshot.items_of(ItemKind.STARTING_POINT)
    assert [(s.text, s.category) for s in starts] == [("Fler flickor söker fotboll", StartingPointKind.OTHER)]

    # last year's actions, reviewed in the session (the parts step): status, comment, date
    parts = window.steps["parts"]
    assert isinstance(parts, PartsStep)
    assert parts.previous_box.isVisible()
    assert parts.previous_box.title() == "Förbättringsåtgärder – Förra året (2011): hur gick det?"
    review = parts.action_review
    assert [row.action.text for row in review.rows] == [a.text for a in before.improvements]
    row = review.row_for("Könsuppdela besöksstatistiken")
    row.status.setFocus()
    target = row.status.findData(ActionStatus.PARTLY_DONE.value)
    while row.status.currentIndex() < target:
        QTest.keyClick(row.status, Qt.Key.Key_Down)
    row.comment.setFocus()
    type_text(qtbot, row.comment, "Besöken räknas, men inte per gård")
    QTest.keyClick(row.comment, Qt.Key.Key_Tab)
    dropped = review.row_for("Ta fram en plan för hallarna")
    dropped.status.setFocus()
    target = dropped.status.findData(ActionStatus.DROPPED.value)
    while dropped.status.currentIndex() < target:
        QTest.keyClick(dropped.status, Qt.Key.Key_Down)
    actions = {a.text: a for a in services.sessions.snapshot(last_year, with_previous=False).improvements}
    reviewed = actions["Könsuppdela besöksstatistiken"]
    assert (reviewed.status, reviewed.status_comment, reviewed.status_date) == (
        ActionStatus.PARTLY_DONE,
        "Besöken räknas, men inte per gård",
        dt.date(2012, 11, 20),  # dated the session where it was reviewed
    )
    assert actions["Ta fram en plan för hallarna"].status is ActionStatus.DROPPED
    assert review.row_for("Könsuppdela besöksstatistiken").date.text() == "2012-11-20"
    shoot(parts, "review.png")

    # the board: last time's status and outcome beside each carried item, S4 until the group assesses it
    go_to_step(qtbot, window, "board")
    board = window.steps["board"]
    assert isinstance(board, BoardStep)
    by_key = {item.key: item for item in board.state.items.values()}
    for key, words in (
        ("a1", "Förra uppföljningen: ✓ Genomförd – Tre av fem gårdar"),
        ("a2", "Förra uppföljningen: ✗ Inte genomförd – Skjuts till våren"),
        ("res1", "Förra uppföljningen: ◐ Delvis uppnådd – Bättre på två gårdar"),
    ):
        card = board.scene.cards[by_key[key].id]
        assert words in " ".join(card._note_lines), key
        assert "S4" in card.codes, key
    assert board.findings.shown()["S4"] == ["a1", "a2", "res1", "res2"]
    shoot(board, "board.png")
    # the group assesses a1: it is no longer "Ej följd upp"
    board.view.select_and_show(by_key["a1"].id)
    assert board.editor.previous.text() == "Förra uppföljningen: ✓ Genomförd – Tre av fem gårdar"
    combo = board.editor.status
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert board.state.items[by_key["a1"].id].status == "implemented"
    assert board.findings.shown()["S4"] == ["a2", "res1", "res2"]
    window.close()


def test_previous_follow_up_not_a_year_before_is_named_by_its_date(qtbot: QtBot, services: Services) -> None:
    last = last_years_session(services)
    sid = services.sessions.create_session(
        NewSession(organisation="Ankeby kommun", date=dt.date(2012, 4, 2), continue_from=last)
    ).new_id
    assert sid is not None
    from lardesk.ui.bus import ChangeBus
    from lardesk.ui.session_window import SessionWindow

    window = SessionWindow(services, ChangeBus(services), sid)
    qtbot.addWidget(window)
    window.show()
    parts = window.steps["parts"]
    assert isinstance(parts, PartsStep)
    assert parts.previous_box.title() == ("Förbättringsåtgärder – Föregående uppföljning (2011-11-15): hur gick det?")
    window.close()
