"""The ratings step driven by the keyboard, as a facilitator would: the three ways of entering values, the
reveal, the rounds, the joint assessment and anonymity. The spread is checked on its artists."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.lines import Line2D
from matplotlib.text import Text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabBar,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from lardesk.method.snapshot import Anonymity
from lardesk.services import NewParticipant, NewSession, Services
from lardesk.ui.bus import ChangeBus
from lardesk.ui.i18n import install_language
from lardesk.ui.ratings.canvas import SpreadCanvas
from lardesk.ui.ratings.joint import decimal
from lardesk.ui.ratings.keys import type_key
from lardesk.ui.ratings.step import RatingsStep
from lardesk.ui.steps import Step
from tests.ui.boxes import answer_next_box
from tests.ui.shown import shown_ratings

pytestmark = pytest.mark.gui

SCALES = tuple(range(1, 10))
# six people × nine scales, with tens, ones and abstentions (None) — every value typed by keyboard
TABLE: tuple[tuple[int | None, ...], ...] = (
    (7, 6, 5, 4, 6, 5, 6, 5, 6),
    (8, 10, 6, 3, 7, 4, 7, 6, 6),
    (5, 5, 4, 2, 5, 3, None, 4, 4),
    (9, 8, 6, 5, 8, 6, 8, 7, 7),
    (1, 4, 3, 2, 4, 3, 10, 3, 4),
    (7, 6, 5, None, 6, 6, 6, 5, 5),
)
PEOPLE = ("Förvaltningschef", "Avdelningschef", "Avdelningschef", "Controller", "HR-strateg", "Utvecklare")


def keys_for(value: int | None) -> str:
    return "-" if value is None else str(value)


@pytest.fixture
def session_id(services: Services) -> int:
    changes = services.sessions.create_session(
        NewSession(
            organisation="Ankeby kommun",
            date=dt.date(2026, 11, 25),
            participants=tuple(NewParticipant(role=role, name=f"Namn {i}") for i, role in enumerate(PEOPLE)),
        )
    )
    assert changes.new_id is not None
    return changes.new_id


@pytest.fixture
def step(qtbot: QtBot, services: Services, session_id: int) -> RatingsStep:
    return shown_ratings(qtbot, services, session_id, active=True)


def reveal(step: RatingsStep) -> None:
    if not step.reveal.isChecked():
        step.reveal.click()
    assert step.revealed


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_into_focus(qtbot: QtBot, text: str, then: Qt.Key) -> None:
    for char in text:
        QTest.keyClicks(focused(), char)
    QTest.keyClick(focused(), then)


def offsets(canvas: SpreadCanvas, gid: str) -> np.ndarray:
    (collection,) = [a for a in canvas.figure.findobj(PathCollection) if a.get_gid() == gid]
    return np.asarray(collection.get_offsets()).reshape(-1, 2)


def shown_values(canvas: SpreadCanvas, scale: int) -> list[int]:
    return sorted(int(x) for x in offsets(canvas, f"values-{scale}")[:, 0])


def shown_median(canvas: SpreadCanvas, scale: int) -> float | None:
    (line,) = [a for a in canvas.figure.findobj(Line2D) if a.get_gid() == f"median-{scale}"]
    xs = np.asarray(line.get_xdata(), dtype=float)
    return float(xs[0]) if len(xs) else None


def assert_figure_shows(canvas: SpreadCanvas, table: Sequence[Sequence[int | None]], round_: int = 1) -> None:
    for column, scale in enumerate(SCALES):
        given = sorted(v for v in (row[column] for row in table) if v is not None)
        assert shown_values(canvas, scale) == given, f"scale {scale}"
        assert shown_median(canvas, scale) == (statistics.median(given) if given else None)


def assert_saved(services: Services, session_id: int, table: Sequence[Sequence[int | None]], round_: int = 1) -> None:
    snapshot = services.sessions.snapshot(session_id)
    for row, participant in zip(table, snapshot.present, strict=True):
        for column, scale in enumerate(SCALES):
            rating = snapshot.rating(participant.id, scale, round_)
            assert rating is not None, (participant.role, scale)
            assert rating.value == row[column], (participant.role, scale)


# -- typing ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "buffer"),
    [("7", "7"), ("10", "10"), ("1", "1"), ("17", "7"), ("0", ""), ("-", "-"), ("x", "-"), ("5x3", "3"), ("100", "10")],
)
def test_typing_rules(keys: str, buffer: str) -> None:
    typed = ""
    for key in keys:
        typed = type_key(typed, key)
    assert typed == buffer


# -- way 1: the grid --------------------------------------------------------------------------------------------


def test_grid_by_keyboard_tab_along_each_row(
    qtbot: QtBot, step: RatingsStep, services: Services, session_id: int
) -> None:
    assert isinstance(step, Step)
    reveal(step)
    step.tabs.setCurrentIndex(0)
    step.grid.start()
    assert step.grid.currentIndex().row() == 0
    for row in TABLE:
        for value in row:
            QTest.keyClicks(step.grid, keys_for(value))
            QTest.keyClick(step.grid, Qt.Key.Key_Tab)
    assert_saved(services, session_id, TABLE)
    assert_figure_shows(step.canvas, TABLE)
    assert step.model.data(step.model.index(1, 1)) == "10"
    assert step.model.data(step.model.index(2, 6)) == "-"


def test_grid_enter_goes_down_a_scale_and_on_to_the_next(
    qtbot: QtBot, step: RatingsStep, services: Services, session_id: int
) -> None:
    reveal(step)
    step.grid.start()
    for column in range(len(SCALES)):
        for row in TABLE:
            QTest.keyClicks(step.grid, keys_for(row[column]))
            QTest.keyClick(step.grid, Qt.Key.Key_Return)
    assert_saved(services, session_id, TABLE)
    assert_figure_shows(step.canvas, TABLE)


def test_grid_escape_delete_and_correction(
    qtbot: QtBot, step: RatingsStep, services: Services, session_id: int
) -> None:
    step.grid.start()
    QTest.keyClicks(step.grid, "4")
    QTest.keyClick(step.grid, Qt.Key.Key_Escape)  # typed, not saved: dropped
    assert services.sessions.snapshot(session_id).ratings == ()
    QTest.keyClicks(step.grid, "4")
    QTest.keyClicks(step.grid, "9")  # another digit starts again
    QTest.keyClick(step.grid, Qt.Key.Key_Backtab)  # saves, stays at the first cell
    (rating,) = services.sessions.snapshot(session_id).ratings
    assert rating.value == 9
    QTest.keyClick(step.grid, Qt.Key.Key_Delete)  # forgets it (not an abstention)
    assert services.sessions.snapshot(session_id).ratings == ()


def test_the_grid_model(qtmodeltester: ModelTester, step: RatingsStep) -> None:
    qtmodeltester.check(step.model)  # type: ignore[no-untyped-call]


# -- way 2: pass the laptop -------------------------------------------------------------------------------------


def test_pass_the_laptop_by_keyboard(qtbot: QtBot, step: RatingsStep, services: Services, session_id: int) -> None:
    reveal(step)
    step.tabs.setCurrentWidget(step.passing)
    assert not step.canvas.isVisible()  # the spread is out of sight while the laptop goes round
    labels = [step.model.headerData(i, Qt.Orientation.Vertical) for i in range(len(PEOPLE))]
    for person, row in enumerate(TABLE):
        assert labels[person] in step.passing.next_label.text()
        QTest.keyClick(focused(), Qt.Key.Key_Return)  # "Börja"
        assert step.passing.filling_in
        assert all(field.text() == "" for field in step.passing.entry.fields.values())  # nobody else's values
        for column, value in enumerate(row):
            # Tab and Enter both move on; Enter on the last scale is "done"
            move = Qt.Key.Key_Tab if column % 2 and column < len(row) - 1 else Qt.Key.Key_Return
            type_into_focus(qtbot, keys_for(value), move)
        # done: the values are gone from the screen at once
        assert step.passing.pages.currentWidget() is step.passing.handover
        assert all(field.text() == "" for field in step.passing.entry.fields.values())
    assert "Alla har bedömt" in step.passing.next_label.text()
    assert_saved(services, session_id, TABLE)
    answer_next_box(QMessageBox.StandardButton.Yes)  # ending the round asks first
    QTest.keyClick(focused(), Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)  # the facilitator ends the round
    assert step.tabs.currentIndex() == 0
    assert step.canvas.isVisible()
    assert_figure_shows(step.canvas, TABLE)


def test_pass_the_laptop_cancel_saves_nothing(
    qtbot: QtBot, step: RatingsStep, services: Services, session_id: int
) -> None:
    step.tabs.setCurrentWidget(step.passing)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    QTest.keyClicks(focused(), "8")
    step.passing.cancel.click()
    assert not step.passing.filling_in
    assert all(field.text() == "" for field in step.passing.entry.fields.values())
    assert services.sessions.snapshot(session_id).ratings == ()


# -- way 3: printed forms ---------------------------------------------------------------------------------------


def test_printed_forms_by_keyboard(qtbot: QtBot, step: RatingsStep, services: Services, session_id: int) -> None:
    reveal(step)
    step.tabs.setCurrentWidget(step.printed)
    for person, row in enumerate(TABLE):
        assert step.printed.chooser.currentIndex() == person
        for value in row:
            type_into_focus(qtbot, keys_for(value), Qt.Key.Key_Return)
    assert_saved(services, session_id, TABLE)
    assert_figure_shows(step.canvas, TABLE)
    # going back to a form shows what was saved, to check against the paper
    step.printed.chooser.setCurrentIndex(1)
    assert step.printed.entry.fields[2].text() == "10"
    assert step.printed.entry.fields[1].text() == "8"


# -- reveal, rounds, joint ----------------------------------------------------------------------------------------


def test_values_stay_hidden_until_revealed(
    qtbot: QtBot, step: RatingsStep, services: Services, session_id: int
) -> None:
    projector = step.projector_widget()
    assert projector is not None
    qtbot.addWidget(projector)
    canvases: list[SpreadCanvas] = [step.canvas, projector.findChild(SpreadCanvas)]  # type: ignore[list-item]
    step.grid.start()
    for value in TABLE[0] + TABLE[1]:
        QTest.keyClicks(step.grid, keys_for(value))
        QTest.keyClick(step.grid, Qt.Key.Key_Tab)
    assert not step.revealed
    for canvas in canvases:
        for scale in SCALES:
            assert shown_values(canvas, scale) == []
            assert shown_median(canvas, scale) is None
        rings = offsets(canvas, "progress-1")
        assert len(rings) == len(PEOPLE)  # who has rated, of those present
        counts = {t.get_text() for t in canvas.figure.findobj(Text) if t.get_gid() == "count-1"}
        assert counts == {f"2 av {len(PEOPLE)}"}
    step.reveal.click()  # the facilitator reveals
    assert 1 in services.sessions.snapshot(session_id).session.revealed_rounds
    for canvas in canvases:
        assert_figure_shows(canvas, TABLE[:2])
    step.reveal.click()
    assert all(shown_values(canvas, 1) == [] for canvas in canvases)


def test_a_second_round_is_kept_apart(qtbot: QtBot, step: RatingsStep, services: Services, session_id: int) -> None:
    reveal(step)
    step.grid.start()
    for value in TABLE[0]:
        QTest.keyClicks(step.grid, keys_for(value))
        QTest.keyClick(step.grid, Qt.Key.Key_Tab)
    step.new_round.click()
    assert step.round == 2
    assert not step.revealed  # each round is revealed on its own
    reveal(step)
    step.grid.start()
    assert all(step.model.data(step.model.index(0, c)) == "" for c in range(9))
    for _ in SCALES:
        QTest.keyClicks(step.grid, "5")
        QTest.keyClick(step.grid, Qt.Key.Key_Tab)
    snapshot = services.sessions.snapshot(session_id)
    first = snapshot.present[0].id
    assert [snapshot.rating(first, s, 1).value for s in SCALES] == list(TABLE[0])  # type: ignore[union-attr]
    assert [snapshot.rating(first, s, 2).value for s in SCALES] == [5] * 9  # type: ignore[union-attr]
    assert shown_values(step.canvas, 1) == [5]
    step.round_box.setCurrentIndex(0)
    assert step.round == 1
    assert shown_values(step.canvas, 1) == [TABLE[0][0]]


def test_joint_outside_the_range_needs_a_comment(
    qtbot: QtBot, step: RatingsStep, services: Services, session_id: int
) -> None:
    """The joint value is saved as it is typed (no Save button); outside the individual range it is kept and
    marked as needing a comment until one is written."""
    reveal(step)
    step.grid.start()
    for row in TABLE:
        for value in row:
            QTest.keyClicks(step.grid, keys_for(value))
            QTest.keyClick(step.grid, Qt.Key.Key_Tab)
    step.tabs.setCurrentWidget(step.joint)
    joint_row = step.joint.rows[9]
    qtbot.waitUntil(joint_row.comment.isVisible)
    joint_row.value.setFocus()
    joint_row.value.selectAll()
    QTest.keyClicks(joint_row.value, "9")  # the individual range on scale 9 is 4–7
    step.tabs.setCurrentIndex(0)  # away, without any Save
    (joint,) = services.sessions.snapshot(session_id).joint
    assert (joint.scale, joint.value, joint.comment) == (9, 9, "")
    assert services.sessions.snapshot(session_id).joint_needs_comment(9)
    step.tabs.setCurrentWidget(step.joint)
    assert "Kommentar krävs" in step.joint.message(9)
    assert joint_row.value.value() == 9  # kept, never dropped
    joint_row.comment.setFocus()
    QTest.keyClicks(joint_row.comment, "Gruppen ser mer")
    joint_row.value.setFocus()  # leaving the comment writes it
    (joint,) = services.sessions.snapshot(session_id).joint
    assert (joint.value, joint.comment) == (9, "Gruppen ser mer")
    assert step.joint.message(9) == ""
    assert [float(x) for x in offsets(step.canvas, "joint-9")[:, 0]] == [9.0]
    joint_row.value.setValue(0)  # "–": no joint value
    assert services.sessions.snapshot(session_id).joint == ()
    assert len(offsets(step.canvas, "joint-9")) == 0


# -- anonymity ----------------------------------------------------------------------------------------------------


def test_no_names_unless_open_mode(qtbot: QtBot, step: RatingsStep, services: Services, session_id: int) -> None:
    reveal(step)
    labels = [step.model.headerData(i, Qt.Orientation.Vertical) for i in range(len(PEOPLE))]
    assert labels[0] == "1. Förvaltningschef"
    assert not any("Namn" in label for label in labels)
    assert not step.names.isEnabled()
    step.names.setChecked(True)  # even if it were ticked (it cannot be by hand while disabled)
    step.refresh()
    assert not [t for t in step.canvas.figure.findobj(Text) if "Namn" in t.get_text()]
    step.names.setChecked(False)
    services.sessions.update_session(session_id, anonymity=Anonymity.OPEN)
    step.refresh()
    assert step.names.isEnabled()
    assert step.model.headerData(0, Qt.Orientation.Vertical).startswith("1. Namn 0")
    services.ratings.set_rating(services.sessions.snapshot(session_id).present[0].id, 1, 7)
    step.refresh()
    assert not [t for t in step.canvas.figure.findobj(Text) if t.get_gid() == "name-1"]  # not until asked
    step.names.setChecked(True)
    assert [t.get_text() for t in step.canvas.figure.findobj(Text) if t.get_gid() == "name-1"] == [
        "Namn 0 (Förvaltningschef)"
    ]


def test_history_tab(qtbot: QtBot, services: Services) -> None:
    latest = services.exchange.load_demo()
    made = RatingsStep(services, ChangeBus(services), latest)
    qtbot.addWidget(made)
    made.tabs.setCurrentWidget(made.history)
    assert made.history.table.columnCount() == 2
    assert made.history.table.rowCount() == 9
    cell = made.history.table.item(8, 1)
    assert cell is not None and cell.text() == "6 av 6 har bedömt  ◆ 5"  # this session: not shown yet
    reveal(made)
    cell = made.history.table.item(8, 1)
    assert cell is not None
    assert cell.text().startswith("5,5 (4–7), n=6")
    assert cell.text().endswith("◆ 5")


def test_csv_export_from_the_step(step: RatingsStep, tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    target = tmp_path / "export.csv"
    step.write_csv(str(target))
    assert target.read_text(encoding="utf-8-sig").splitlines()[0] == "round;scale;scale_label;value;abstained"


# -- pass the laptop: privacy -------------------------------------------------------------------------------------


def visible_texts(step: RatingsStep) -> list[str]:
    """Every text a person at the screen can read in the step (labels, buttons, fields, lists, tabs)."""
    texts: list[str] = []
    for widget in step.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(f"{type(widget).__name__}: {widget.text()}")
        elif isinstance(widget, QComboBox):
            texts.extend(f"item: {widget.itemText(i)}" for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            texts.extend(f"tab: {widget.tabText(i)} {widget.isTabEnabled(i)}" for i in range(widget.count()))
    return texts


def assert_only_own_form(step: RatingsStep) -> None:
    assert step.pass_round
    assert step.tabs.currentWidget() is step.passing
    for widget in step.findChildren(QWidget):  # no table, list or figure of values anywhere in sight
        if widget.isVisible():
            assert not isinstance(widget, QAbstractItemView | SpreadCanvas), widget
    assert not step.spread_slot.isVisible()
    for hidden in (step.grid, step.printed, step.joint, step.history):
        assert not hidden.isVisible()
    others = [i for i in range(step.tabs.count()) if step.tabs.widget(i) is not step.passing]
    assert len(others) == 5 and not any(step.tabs.isTabEnabled(i) for i in others)
    assert not step.controls.isEnabled() and not step.reveal.isEnabled() and not step.export.isEnabled()


def test_while_the_laptop_goes_round_nobody_sees_another_persons_values(
    qtbot: QtBot, step: RatingsStep, services: Services, session_id: int
) -> None:
    """Keyboard only. The first three have rated; while the others pass the laptop round, no widget in the
    step shows a value of theirs: what can be read is the same whatever they rated, and nothing that shows
    values can be reached by the keys, until the facilitator ends the round."""
    people = services.sessions.snapshot(session_id).present
    first, other = TABLE[:3], tuple(tuple(11 - v if v else 3 for v in row) for row in TABLE[:3])

    def rate(table: Sequence[Sequence[int | None]]) -> None:
        for person, row in zip(people, table, strict=False):
            step.bus.run(partial(services.ratings.set_ratings, person.id, dict(zip(SCALES, row, strict=True))))

    rate(first)
    step.bus.run(lambda: services.ratings.set_joint(session_id, 1, 7))
    reveal(step)
    step.canvas  # noqa: B018 - the spread is drawn, in sight, before the round
    assert step.canvas.isVisible()
    step.grid.start()
    QTest.keyClick(focused(), Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)  # Tabell → Skicka runt
    assert_only_own_form(step)
    assert step.end_passing.isVisible()
    seen = visible_texts(step)
    rate(other)  # the same people, other values: nothing on the screen may change
    assert_only_own_form(step)
    assert visible_texts(step) == seen
    # keys that would lead elsewhere lead nowhere
    for key, modifier in (
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier),
    ):
        QTest.keyClick(focused(), key, modifier)
        assert_only_own_form(step)
    assert step.revealed  # F8 did not hide (or show) anything
    # the fourth person fills in their form; what they see is their own typing only
    assert PEOPLE[3] in step.passing.next_label.text()
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert step.passing.filling_in
    assert_only_own_form(step)
    assert all(field.text() == "" for field in step.passing.entry.fields.values())
    for value in TABLE[3]:
        QTest.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # tries to leave: cannot
        assert_only_own_form(step)
        type_into_focus(qtbot, keys_for(value), Qt.Key.Key_Return)
    assert step.passing.pages.currentWidget() is step.passing.handover  # done: emptied at once
    assert all(field.text() == "" for field in step.passing.entry.fields.values())
    assert_only_own_form(step)
    # the facilitator ends the round: everything is back, on the tab that was open before
    answer_next_box(QMessageBox.StandardButton.Yes)
    QTest.keyClick(focused(), Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert not step.pass_round
    assert step.tabs.currentWidget() is step.grid.parentWidget()
    assert not step.end_passing.isVisible()
    assert all(step.tabs.isTabEnabled(i) for i in range(step.tabs.count()))
    assert step.controls.isEnabled() and step.canvas.isVisible()
    assert step.services.sessions.snapshot(session_id).rating(people[3].id, 1, 1) is not None


def test_ending_the_round_while_someone_types_keeps_nothing(
    qtbot: QtBot, step: RatingsStep, services: Services, session_id: int
) -> None:
    changes: list[bool] = []
    step.pass_round_changed.connect(changes.append)
    step.start_pass_round()
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    QTest.keyClicks(focused(), "8")
    answer_next_box(QMessageBox.StandardButton.Yes)
    QTest.keyClick(focused(), Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert changes == [True, False]
    assert not step.passing.filling_in
    assert all(field.text() == "" for field in step.passing.entry.fields.values())
    assert services.sessions.snapshot(session_id).ratings == ()


# -- the joint assessment's median in the UI language ----------------------------------------------------------


def test_the_median_is_written_as_the_ui_language_writes_it(
    qtbot: QtBot, step: RatingsStep, services: Services, session_id: int
) -> None:
    for person, row in zip(services.sessions.snapshot(session_id).present, TABLE, strict=True):
        services.ratings.set_ratings(person.id, dict(zip(SCALES, row, strict=True)))
    step.refresh()
    reveal(step)  # until then no range and no median
    snapshot = services.sessions.snapshot(session_id)
    step.tabs.setCurrentWidget(step.joint)
    assert step.joint.rows[6].range.text() == "spridning 3–6, median 4,5"  # 3 3 4 5 6 6
    assert step.joint.rows[1].range.text() == "spridning 1–9, median 7"
    install_language("en")
    try:
        step.joint.load(snapshot)
        assert step.joint.rows[6].range.text() == "spread 3–6, median 4.5"
        assert step.joint.rows[1].range.text() == "spread 1–9, median 7"
    finally:
        install_language("sv")
    assert (decimal(5.5, "sv"), decimal(5.5, "en"), decimal(6.0, "sv")) == ("5,5", "5.5", "6")


def test_a_csv_that_cannot_be_written_is_reported(
    step: RatingsStep, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Choosing a folder that is gone gives a message, not an exception lost in a Qt slot."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    target = tmp_path / "gone" / "bedomningar.csv"
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "CSV (*.csv)"))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    step.export_csv()
    assert len(warnings) == 1
    assert "kunde inte sparas" in warnings[0]
    assert not target.exists()
