"""Before *Visa värdena* no tab of the ratings step tells the individual values of the round, nor their range,
median or order of disagreement: the joint assessment (*Samlad*), the history of this session, the printed
forms of other participants, names by the dots and "most divided first" on the laptop and the projector. The
tests read what the widgets show (text, placeholders, accessible names and descriptions, tooltips, the figure's
artists) before and after the reveal."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from lardesk.method.snapshot import Anonymity
from lardesk.services import NewParticipant, NewSession, Services
from lardesk.ui.ratings.step import RatingsStep
from tests.ui.shown import shown_ratings

pytestmark = pytest.mark.gui

ROLES = ("Förvaltningschef", "Controller", "HR-strateg", "Enhetschef")
VALUES: dict[int, tuple[int | None, ...]] = {1: (3, 8, 6, None), 2: (7, 7), 9: (4, 5, 9, 2)}
"""Per scale, the values of participants 1, 2, … (None: abstained). Scale 1: range 3–8, median 6."""
LEAKS = re.compile(r"\d\s*[–-]\s*\d|median \d|Kommentar krävs|\(\d|n=\d")
"""Text that tells a range, a median or the range check of the hidden round."""


def make_step(qtbot: QtBot, services: Services, anonymity: Anonymity = Anonymity.ROLES) -> RatingsStep:
    made = services.sessions.create_session(
        NewSession(
            organisation="Ankeby kommun",
            date=dt.date(2026, 11, 25),
            parts=frozenset({1, 2}),
            anonymity=anonymity,
            participants=tuple(NewParticipant(name=f"Person {n}", role=role) for n, role in enumerate(ROLES, 1)),
        )
    )
    assert made.new_id is not None
    people = [p.id for p in services.sessions.snapshot(made.new_id).present]
    for scale, values in VALUES.items():
        for person, value in zip(people, values, strict=False):
            services.ratings.set_rating(person, scale, value)
    return shown_ratings(qtbot, services, made.new_id)


def shown_texts(widget: QWidget) -> list[str]:
    """Everything a person or a screen reader gets from the visible widgets under ``widget``."""
    texts: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisibleTo(widget) and child is not widget:
            continue
        texts += [child.accessibleName(), child.accessibleDescription(), child.toolTip()]
        if isinstance(child, QLabel):
            texts.append(child.text())
        if isinstance(child, QLineEdit):
            texts += [child.text(), child.placeholderText()]
        if isinstance(child, QAbstractButton):
            texts.append(child.text())
        if isinstance(child, QTableWidget):
            for row in range(child.rowCount()):
                for column in range(child.columnCount()):
                    item = child.item(row, column)
                    texts += [item.text(), item.toolTip()] if item is not None else []
    return [t for t in texts if t]


def leaks(widget: QWidget) -> list[str]:
    return [text for text in shown_texts(widget) if LEAKS.search(text)]


def test_the_joint_tab_shows_only_counts_until_revealed(qtbot: QtBot, services: Services) -> None:
    step = make_step(qtbot, services)
    step.tabs.setCurrentWidget(step.joint)
    rows = step.joint.rows
    qtbot.waitUntil(rows[1].value.isVisible)
    assert [rows[s].range.text() for s in (1, 2, 9)] == ["4 av 4 har bedömt", "2 av 4 har bedömt", "4 av 4 har bedömt"]
    assert step.joint.hidden_note.isVisible() and "Visa värdena" in step.joint.hidden_note.text()
    # a joint value outside the range is kept, but nothing tells it is outside (that would tell the range)
    rows[1].value.setFocus()
    rows[1].value.selectAll()
    QTest.keyClicks(rows[1].value, "10")
    assert [(j.scale, j.value) for j in services.sessions.snapshot(step.session_id).joint] == [(1, 10)]
    step.refresh()
    assert not step.joint.needs_comment(1)
    assert leaks(step.joint) == []

    step.reveal.click()  # Visa värdena: everything as before
    assert rows[1].range.text() == "spridning 3–8, median 6"
    assert rows[2].range.text() == "spridning 7–7, median 7"
    assert rows[9].range.text() == "spridning 2–9, median 4,5"
    assert step.joint.needs_comment(1)
    assert "Kommentar krävs: 10" in step.joint.message(1) and "(3–8)" in step.joint.message(1)
    assert not step.joint.hidden_note.isVisible()
    rows[1].comment.setFocus()
    QTest.keyClicks(rows[1].comment, "Gruppen vet mer")
    rows[1].value.setFocus()  # leaving the comment writes it
    step.refresh()
    assert not step.joint.needs_comment(1)

    step.reveal.click()  # hidden again: the range goes too
    assert rows[1].range.text() == "4 av 4 har bedömt"
    assert leaks(step.joint) == []


def test_the_history_hides_this_sessions_values_until_revealed(qtbot: QtBot, services: Services) -> None:
    step = make_step(qtbot, services)
    step.tabs.setCurrentWidget(step.history)
    table = step.history.table
    qtbot.waitUntil(table.isVisible)
    column = table.columnCount() - 1  # this session (the only one)
    cell = table.item(0, column)
    assert cell is not None and cell.text() == "4 av 4 har bedömt"
    assert step.history.hidden_note.isVisible()
    assert leaks(step.history) == []
    medians = [line for line in step.history.figure.findobj() if line.get_gid() == "history-median-1"]
    assert medians and all(len(line.get_xdata()) == 0 for line in medians)  # type: ignore[attr-defined]

    step.reveal.click()
    cell = table.item(0, column)
    assert cell is not None and cell.text() == "6 (3–8), n=3"
    assert not step.history.hidden_note.isVisible()
    medians = [line for line in step.history.figure.findobj() if line.get_gid() == "history-median-1"]
    assert [list(line.get_ydata()) for line in medians] == [[6.0]]  # type: ignore[attr-defined]


def test_printed_forms_show_no_saved_value_of_another_until_revealed(qtbot: QtBot, services: Services) -> None:
    step = make_step(qtbot, services)
    step.tabs.setCurrentWidget(step.printed)
    fields = step.printed.entry.fields
    qtbot.waitUntil(fields[1].isVisible)
    assert step.printed.chooser.currentIndex() == 0
    assert [fields[s].text() for s in (1, 2, 9)] == ["", "", ""]  # participant 1 has 3, 7, 4 saved
    assert [fields[s].placeholderText() for s in (1, 2, 9)] == ["●", "●", "●"]
    assert all("dolt" in fields[s].accessibleDescription() for s in (1, 2, 9))
    assert step.printed.hidden_note.isVisible()
    step.printed.select(services.sessions.snapshot(step.session_id).present[1].id)
    assert [fields[s].text() for s in (1, 2, 9)] == ["", "", ""]
    assert [field.text() for field in step.printed.findChildren(QLineEdit) if field.text()] == []

    # the form being keyed is seen as it is typed, and an empty field keeps what is saved
    fields[9].setFocus()
    QTest.keyClicks(fields[9], "6")
    assert fields[9].text() == "6"
    step.printed.save_and_next()
    second = services.sessions.snapshot(step.session_id).present[1].id
    ratings = services.sessions.snapshot(step.session_id).ratings
    saved = {r.scale: r.value for r in ratings if r.participant_id == second}
    assert saved == {1: 8, 2: 7, 9: 6}

    step.reveal.click()
    step.printed.select(services.sessions.snapshot(step.session_id).present[0].id)
    assert [fields[s].text() for s in (1, 2, 9)] == ["3", "7", "4"]
    assert [fields[s].placeholderText() for s in (1, 2, 9)] == ["", "", ""]
    assert not step.printed.hidden_note.isVisible()


def test_names_and_disagreement_order_wait_for_the_reveal(qtbot: QtBot, services: Services) -> None:
    step = make_step(qtbot, services, Anonymity.OPEN)
    projector = step.projector_widget()
    assert projector is not None
    qtbot.addWidget(projector)

    def names_drawn() -> list[str]:
        found = []
        for figure in (step.canvas.figure, projector.canvas.figure):  # type: ignore[attr-defined]
            found += [t.get_text() for ax in figure.axes for t in ax.texts if str(t.get_gid()).startswith("name-")]
        return found

    def rows(figure_owner: object) -> list[int]:
        return [row.scale for row in figure_owner.plot._rows]  # type: ignore[attr-defined]

    assert not step.names.isEnabled() and not step.divided.isEnabled()
    assert "Visa värdena" in step.names.toolTip() and "Visa värdena" in step.divided.toolTip()
    step.names.setChecked(True)  # even when ticked (before, or by a script): no names by hidden values
    step.divided.setChecked(True)
    QApplication.processEvents()
    assert names_drawn() == []
    assert rows(step.canvas) == rows(projector.canvas) == [1, 2, 9]  # type: ignore[attr-defined]

    step.reveal.click()
    assert step.names.isEnabled() and step.divided.isEnabled()
    assert "Visa värdena" not in step.names.toolTip()
    assert "Person 1 (Förvaltningschef)" in names_drawn()
    assert rows(step.canvas) == rows(projector.canvas) == [9, 1, 2]  # type: ignore[attr-defined]


def test_the_plot_itself_draws_no_names_before_the_reveal(qtbot: QtBot, services: Services) -> None:
    step = make_step(qtbot, services, Anonymity.OPEN)
    snapshot = step.snapshot
    assert snapshot is not None
    plot = step.canvas.plot
    plot.show(snapshot, revealed=False, show_names=True)
    assert not [t for ax in plot.figure.axes for t in ax.texts if str(t.get_gid()).startswith("name-")]
    plot.show(snapshot, revealed=True, show_names=True)
    assert [t for ax in plot.figure.axes for t in ax.texts if str(t.get_gid()).startswith("name-")]


def test_the_hidden_spread_counts_an_abstention_as_rated(qtbot: QtBot, services: Services) -> None:
    """Before the reveal the room sees "4 av 4" on scale 1 (one of them abstained), as the grid shows four ●:
    a lower count would tell that someone abstained."""
    step = make_step(qtbot, services)
    projector = step.projector_widget()
    assert projector is not None
    qtbot.addWidget(projector)

    def counts(canvas: object) -> dict[str, str]:
        figure = canvas.figure  # type: ignore[attr-defined]
        return {
            str(t.get_gid()): t.get_text()
            for ax in figure.axes
            for t in ax.texts
            if str(t.get_gid()).startswith("count-")
        }

    expected = {"count-1": "4 av 4", "count-2": "2 av 4", "count-9": "4 av 4"}
    assert counts(step.canvas) == counts(projector.canvas) == expected  # type: ignore[attr-defined]
    step.reveal.click()  # after: the values, and how many gave one
    expected = {"count-1": "3 av 4", "count-2": "2 av 4", "count-9": "4 av 4"}
    assert counts(step.canvas) == counts(projector.canvas) == expected  # type: ignore[attr-defined]
