"""The session window's parts one by one: undo, deferring the actions, the timer, the projector."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from lardesk.method.guide import load_guide
from lardesk.services import Changes, NewSession, Services, StorageError
from lardesk.ui.bus import ChangeBus
from lardesk.ui.session_steps import PartsStep, SectionStep
from lardesk.ui.session_window import SessionWindow
from lardesk.ui.timer import ReflectionTimer, format_seconds
from lardesk.ui.write_through import flush_all
from tests.ui.boxes import answer_next_box

pytestmark = pytest.mark.gui


@pytest.fixture
def session_id(services: Services) -> int:
    changes = services.sessions.create_session(
        NewSession(organisation="Ankeby kommun", date=dt.date(2026, 11, 25), period="2026")
    )
    assert changes.new_id is not None
    return changes.new_id


@pytest.fixture
def window(qtbot: QtBot, services: Services, session_id: int) -> SessionWindow:
    made = SessionWindow(services, ChangeBus(services), session_id)
    qtbot.addWidget(made)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    return made


def section(window: SessionWindow, number: int) -> SectionStep:
    step = window.steps[f"section-{number}"]
    assert isinstance(step, SectionStep)
    return step


def test_every_section_shows_its_questions_and_assessment(window: SessionWindow) -> None:
    guide = load_guide("sv")
    window.go_to("section-8")
    eight = section(window, 8)
    assert sorted(eight.notes) == list(range(0, len(guide.section(8).questions) + 1))
    assert eight.follow_up.title() == guide.section(8).follow_up
    assert [window.steps[s].title() for s in window.order if s.startswith("section-")] == [
        f"{s.number}. {s.title}" for s in guide.sections
    ]


def test_undo_takes_back_a_written_note(
    qtbot: QtBot, services: Services, window: SessionWindow, session_id: int
) -> None:
    window.go_to("section-3")
    three = section(window, 3)
    three.notes[2].setFocus()
    QTest.keyClicks(three.notes[2], "Fler kvinnor nadde vi")
    window.step_list.setFocus()  # leaving the field writes it
    assert services.sessions.snapshot(session_id).note(3, 2) == "Fler kvinnor nadde vi"
    QTest.keyClick(window.step_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert services.sessions.snapshot(session_id).note(3, 2) == ""
    assert three.notes[2].toPlainText() == ""
    QTest.keyClick(
        window.step_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert services.sessions.snapshot(session_id).note(3, 2) == "Fler kvinnor nadde vi"


def test_a_deleted_action_comes_back_with_undo(
    qtbot: QtBot, services: Services, window: SessionWindow, session_id: int
) -> None:
    window.go_to("section-5")
    editor = section(window, 5).action_editor
    editor.new_text.setFocus()
    QTest.keyClicks(editor.new_text, "Boka utbildning")
    QTest.keyClick(editor.new_text, Qt.Key.Key_Return)
    assert [a.text for a in services.sessions.snapshot(session_id).improvements_for(5)] == ["Boka utbildning"]
    QTest.mouseClick(editor.rows[0].remove, Qt.MouseButton.LeftButton)
    assert services.sessions.snapshot(session_id).improvements_for(5) == ()
    assert editor.rows == []
    window.undo_action.trigger()
    assert [a.text for a in services.sessions.snapshot(session_id).improvements_for(5)] == ["Boka utbildning"]
    assert [row.text.text() for row in editor.rows] == ["Boka utbildning"]
    window.undo_action.trigger()  # and the add itself, on the restored row's new id
    assert services.sessions.snapshot(session_id).improvements_for(5) == ()


def test_actions_can_be_deferred_to_one_step_at_the_end(
    qtbot: QtBot, services: Services, window: SessionWindow, session_id: int
) -> None:
    parts = window.steps["parts"]
    assert isinstance(parts, PartsStep)
    parts.defer.setFocus()
    QTest.keyClick(parts.defer, Qt.Key.Key_Space)
    assert services.sessions.session_info(session_id).defer_improvements
    assert window.order[-1] == "improvements"
    window.go_to("section-2")
    assert not section(window, 2).action_editor.isVisible()
    assert section(window, 2).deferred_hint.isVisible()
    window.go_to("improvements")
    step = window.steps["improvements"]
    editor = step.editors[2][1]  # type: ignore[attr-defined]
    editor.new_text.setFocus()
    QTest.keyClicks(editor.new_text, "Ny effektformulering")
    QTest.keyClick(editor.new_text, Qt.Key.Key_Return)
    assert [a.text for a in services.sessions.snapshot(session_id).improvements_for(2)] == ["Ny effektformulering"]


def test_leaving_out_the_current_section_moves_on(
    qtbot: QtBot, services: Services, window: SessionWindow, session_id: int
) -> None:
    services_parts = frozenset({1, 2, 3, 9})
    window.bus.run(lambda: services.sessions.update_session(session_id, parts=services_parts))
    assert [s for s in window.order if s.startswith("section-")] == ["section-1", "section-2", "section-3", "section-9"]
    window.go_to("section-3")
    window.bus.run(lambda: services.sessions.update_session(session_id, parts=frozenset({1, 2})))
    assert window.current in window.order
    assert "section-3" not in window.order


def test_the_projector_shows_the_question_being_discussed(qtbot: QtBot, window: SessionWindow) -> None:
    guide = load_guide("sv")
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert window.projector.isVisible()
    window.go_to("section-7")
    seven = section(window, 7)
    seven.notes[4].setFocus()
    assert window.projector.text.text() == guide.section(7).question(4).text
    assert window.projector.heading.text() == f"7. {guide.section(7).title}"
    QTest.keyClick(window, Qt.Key.Key_F6)
    assert window.timer.running
    assert window.projector.timer.isVisible()
    QTest.keyClick(window, Qt.Key.Key_F5)
    assert not window.projector.isVisible()


def test_the_timer_counts_down_and_ends_gently(qtbot: QtBot) -> None:
    now = [100.0]
    timer = ReflectionTimer(clock=lambda: now[0])
    qtbot.addWidget(timer)
    states: list[tuple[str, bool, bool]] = []
    timer.state_changed.connect(lambda text, running, finished: states.append((text, running, finished)))
    assert timer.minutes.value() == 3 and timer.text() == "3:00"
    timer.toggle()
    now[0] += 61.5
    timer.tick()
    assert timer.display.text() == "1:59"
    timer.toggle()  # pause: time stands still
    now[0] += 500
    timer.tick()
    assert timer.display.text() == "1:59"
    timer.toggle()
    now[0] += 119
    timer.tick()
    assert timer.finished and not timer.running
    assert timer.display.text() == "Tiden är ute"
    assert states[-1] == ("Tiden är ute", False, True)
    timer.toggle()  # one key starts it again from the top
    assert states[-1] == ("3:00", True, False)


def test_format_seconds_rounds_up() -> None:
    assert [format_seconds(s) for s in (180, 179.2, 60, 0.1, 0)] == ["3:00", "3:00", "1:00", "0:01", "0:00"]


def test_the_timer_length_is_remembered(qtbot: QtBot) -> None:
    first = ReflectionTimer()
    qtbot.addWidget(first)
    first.minutes.setValue(5)
    second = ReflectionTimer()
    qtbot.addWidget(second)
    assert second.minutes.value() == 5


def test_typing_is_written_within_a_second_without_leaving_the_field(
    services: Services, window: SessionWindow, session_id: int
) -> None:
    window.go_to("section-1")
    one = section(window, 1)
    one.notes[1].setFocus()
    QTest.keyClicks(one.notes[1], "Nationella mal")
    pending = one.fields[1]._timer
    assert pending.isActive() and pending.interval() <= 1000
    assert services.sessions.snapshot(session_id).note(1, 1) == ""
    pending.timeout.emit()  # what the event loop does when the interval has passed
    assert services.sessions.snapshot(session_id).note(1, 1) == "Nationella mal"
    assert one.notes[1].hasFocus()


def test_minutes_and_forms_are_reached_from_the_menus(
    qtbot: QtBot, services: Services, session_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    minutes = pytest.importorskip("lardesk.ui.minutes_dialog")
    from lardesk.ui.main_window import MainWindow

    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(
        minutes.MinutesDialog, "ask", classmethod(lambda cls, parent, services_, sid: calls.append(("minutes", sid)))
    )
    monkeypatch.setattr(
        minutes.FormsDialog, "ask", classmethod(lambda cls, parent, services_: calls.append(("forms", None)))
    )
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.select_session(session_id)
    assert main.minutes_action.isEnabled() and main.forms_action.isEnabled()
    main.minutes_action.trigger()
    main.forms_action.trigger()
    window = main.open_session(session_id)
    qtbot.addWidget(window)
    window.minutes_action.trigger()
    assert calls == [("minutes", session_id), ("forms", None), ("minutes", session_id)]


def test_participants_are_edited_on_the_day(
    qtbot: QtBot, services: Services, window: SessionWindow, session_id: int
) -> None:
    parts = window.steps["parts"]
    assert isinstance(parts, PartsStep)
    editor = parts.participants
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.table.rowCount() == 2
    role = editor.table.item(0, 0)
    assert role is not None
    role.setText("Rektor")
    gender = editor.table.cellWidget(0, 2)
    assert isinstance(gender, QComboBox)
    gender.setCurrentIndex(gender.findData("woman"))
    present = editor.table.item(1, 3)
    assert present is not None
    present.setCheckState(Qt.CheckState.Unchecked)
    people = services.sessions.snapshot(session_id).participants
    assert [(p.role, p.gender.value, p.present) for p in people] == [
        ("Rektor", "woman", True),
        ("Deltagare", "unspecified", False),
    ]
    assert parts.people.text() == "1 deltagare, en kvinna"
    services.ratings.set_rating(people[0].id, 1, 7)
    window.bus.changed.emit(services.sessions.update_session(session_id, title="t"))
    editor.table.setCurrentCell(0, 0)
    assert not editor.remove_button.isEnabled()  # has ratings: mark as absent instead
    editor.table.setCurrentCell(1, 0)
    QTest.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [p.role for p in services.sessions.snapshot(session_id).participants] == ["Rektor"]


def test_the_session_details_are_written_through(
    qtbot: QtBot, services: Services, window: SessionWindow, session_id: int
) -> None:
    parts = window.steps["parts"]
    assert isinstance(parts, PartsStep)
    case = parts.details["case_number"].widget
    assert isinstance(case, QLineEdit)
    case.setFocus()
    QTest.keyClicks(case, "KS 2026/123")
    QTest.keyClick(case, Qt.Key.Key_Tab)
    assert services.sessions.session_info(session_id).case_number == "KS 2026/123"
    date = parts.details["date"].widget
    assert isinstance(date, QLineEdit)
    assert date.text() == "2026-11-25"
    date.setFocus()
    date.selectAll()
    QTest.keyClicks(date, "2026-12-01")
    QTest.keyClick(date, Qt.Key.Key_Tab)
    assert services.sessions.session_info(session_id).date == dt.date(2026, 12, 1)
    window.undo_action.trigger()
    assert services.sessions.session_info(session_id).date == dt.date(2026, 11, 25)
    assert date.text() == "2026-11-25"


def test_a_refused_new_action_keeps_what_was_typed(
    qtbot: QtBot, services: Services, window: SessionWindow, session_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The add line is cleared only when the action was saved, also when earlier edits are on the undo stack."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.go_to("section-5")
    editor = section(window, 5).action_editor
    editor.new_text.setFocus()
    QTest.keyClicks(editor.new_text, "Boka utbildning")
    QTest.keyClick(editor.new_text, Qt.Key.Key_Return)
    assert window.undo.index() == 1
    owner = "x" * 201  # longer than a name may be: refused
    QTest.keyClicks(editor.new_text, "Skriv rutin")
    editor.new_owner.setText(owner)
    QTest.keyClick(editor.new_text, Qt.Key.Key_Return)
    assert len(shown) == 1
    assert [a.text for a in services.sessions.snapshot(session_id).improvements_for(5)] == ["Boka utbildning"]
    assert (editor.new_text.text(), editor.new_owner.text()) == ("Skriv rutin", owner)


def test_a_note_refused_once_stays_and_is_written_when_the_database_is_back(
    qtbot: QtBot, services: Services, window: SessionWindow, session_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write the database refused (busy, full) leaves the typed text on screen and unsaved, not lost."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    sessions = services.sessions
    real_set_note = sessions.set_note
    failures = [StorageError("The database is busy in another program.")]

    def flaky(session: int, section: int, question: int, text: str) -> Changes:
        if failures:
            raise failures.pop()
        return real_set_note(session, section, question, text)

    monkeypatch.setattr(sessions, "set_note", flaky)
    window.go_to("section-3")
    three = section(window, 3)
    three.notes[2].setFocus()
    QTest.keyClicks(three.notes[2], "Fler kvinnor nadde vi")
    window.step_list.setFocus()  # leaving the field writes it: refused
    assert len(shown) == 1
    assert sessions.snapshot(session_id).note(3, 2) == ""
    three.notes[1].setFocus()  # another note is written, and the step shows what is stored
    QTest.keyClicks(three.notes[1], "Malen finns")
    window.step_list.setFocus()
    assert sessions.snapshot(session_id).note(3, 1) == "Malen finns"
    assert three.notes[2].toPlainText() == "Fler kvinnor nadde vi"
    flush_all(window)  # what closing the window does
    assert sessions.snapshot(session_id).note(3, 2) == "Fler kvinnor nadde vi"


def test_passing_the_laptop_locks_the_session_window(window: SessionWindow) -> None:
    """The participant holding the laptop cannot leave their form: no steps, no menus, no minutes."""
    window.go_to("ratings")
    step = window.steps["ratings"]
    start = getattr(step, "start_pass_round", None)
    end = getattr(step, "end_pass_round", None)
    assert start is not None
    assert end is not None
    start()
    assert not window.menuBar().isEnabled()
    assert not window.step_list.isEnabled()
    assert not window.previous_button.isEnabled()
    assert not window.minutes_action.isEnabled()
    assert not window.next_action.isEnabled()
    window.next_action.trigger()  # a disabled action does nothing
    assert window.current == "ratings"
    answer_next_box(QMessageBox.StandardButton.Yes)
    end()
    assert window.menuBar().isEnabled()
    assert window.step_list.isEnabled()
    assert window.previous_button.isEnabled()
    assert window.next_action.isEnabled()
    assert not window.undo_action.isEnabled()  # nothing to undo: it stays as the undo stack says


def test_a_step_that_fails_to_build_is_a_bug_not_a_missing_step(
    qtbot: QtBot, services: Services, session_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 10, item 10: the board step raising used to open the session without the board (a log line
    knew). Plain imports: the error reaches the caller (and so the error dialog), the window is not opened."""
    from lardesk.ui.board import step as board_step

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the board step is broken")

    monkeypatch.setattr(board_step.BoardStep, "__init__", broken)
    window = SessionWindow(services, ChangeBus(services), session_id)
    qtbot.addWidget(window)
    assert "board" in window.order  # the step is listed, and made when first wanted
    with pytest.raises(RuntimeError, match="the board step is broken"):
        window.go_to("board")


def test_a_rating_reads_one_snapshot_and_loads_once(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 10, item 13: a rating used to make the ratings step and the session window each read a snapshot."""
    from lardesk.method.snapshot import SessionSnapshot
    from lardesk.services import NewParticipant
    from lardesk.ui.ratings.step import RatingsStep

    sid = services.sessions.create_session(
        NewSession(
            organisation="Ankeby kommun",
            date=dt.date(2026, 11, 25),
            participants=(NewParticipant(role="Chef"), NewParticipant(role="Rektor")),
        )
    ).new_id
    assert sid is not None
    window = SessionWindow(services, ChangeBus(services), sid)
    qtbot.addWidget(window)
    window.show()
    window.go_to("ratings")
    step = window.steps["ratings"]
    assert isinstance(step, RatingsStep)
    reads: list[int] = []
    loads: list[SessionSnapshot] = []
    real_snapshot = services.sessions.snapshot
    real_load = step.load

    def counted_snapshot(session_id: int, *, with_previous: bool = True) -> SessionSnapshot:
        reads.append(session_id)
        return real_snapshot(session_id, with_previous=with_previous)

    def counted_load(snapshot: SessionSnapshot) -> None:
        loads.append(snapshot)
        real_load(snapshot)

    monkeypatch.setattr(services.sessions, "snapshot", counted_snapshot)
    monkeypatch.setattr(step, "load", counted_load)
    person = real_snapshot(sid).participants[0].id
    assert window.bus.run(lambda: services.ratings.set_rating(person, 3, 7), step) is not None
    assert reads == [sid]
    assert len(loads) == 1
    assert step.snapshot is not None
    assert [r.value for r in step.snapshot.ratings] == [7]
