"""Indicators on the board: entered by keyboard in the real side panel, shown on the card, in the findings
panel, in "Hur gick det?" and as a chart (checked on its artists)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from matplotlib.lines import Line2D
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from lardesk.method.indicators import Figures, Indicator
from lardesk.method.logic import ItemKind
from lardesk.services import Services
from lardesk.ui.board.indicators import IndicatorPanel
from lardesk.ui.board.step import BoardStep
from tests.ui.shown import item_ids, shown_board
from tests.ui.test_board_by_hand import type_text

pytestmark = pytest.mark.gui

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "example-indicators.json"
NBSP = "\u00a0"


@pytest.fixture
def session_id(services: Services) -> int:
    new_id = services.exchange.import_file(EXAMPLE).new_id
    assert new_id is not None
    return new_id


@pytest.fixture
def board(services: Services, session_id: int, qtbot: QtBot) -> BoardStep:
    return shown_board(qtbot, services, session_id)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


keys = item_ids


def type_into(widget: QWidget, text: str, *, then: Qt.Key | None = Qt.Key.Key_Tab) -> None:
    assert widget.hasFocus(), f"the keyboard is not in {widget.accessibleName()!r} but in {focus_name()!r}"
    type_text(widget, text)
    if then is not None:
        QTest.keyClick(widget, then)


def focus_name() -> str:
    widget = QApplication.focusWidget()
    return widget.accessibleName() if widget is not None else "nothing"


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClick(widget, key, modifier)


def select_row(panel: IndicatorPanel, row: int) -> None:
    entry = panel.table.topLevelItem(row)
    assert entry is not None
    panel.table.setCurrentItem(entry)


def line_points(canvas_figure: object, gid: str) -> list[tuple[float, float]]:
    found = [a for a in canvas_figure.findobj() if a.get_gid() == gid]  # type: ignore[attr-defined]
    assert len(found) == 1, gid
    line = found[0]
    assert isinstance(line, Line2D)
    xs = np.asarray(line.get_xdata(), dtype=float)
    ys = np.asarray(line.get_ydata(), dtype=float)
    return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]


def test_an_indicator_and_three_measurements_by_keyboard(
    board: BoardStep, services: Services, session_id: int, warnings: list[str]
) -> None:
    changes = services.logic.add_item(session_id, ItemKind.RESULT, "Fler kvinnor söker ledande tjänster")
    board.reload()
    item_id = changes.new_id
    assert item_id is not None
    board.view.select_and_show(item_id)
    board.view.setFocus()
    QTest.keyClick(board.view, Qt.Key.Key_I)
    panel = board.indicator_panel
    assert board.side_tabs.currentWidget() is board.indicator_page and board.indicator_page.widget() is panel
    # a new indicator: what is measured, Enter; then the unit and the source
    type_into(panel.text, "Andel kvinnor bland de sökande till chefstjänster", then=Qt.Key.Key_Return)
    assert panel.unit.hasFocus()
    QTest.keySequence(panel.unit, "Ctrl+A")
    type_into(panel.unit, "%")
    type_into(panel.source, "Rekryteringssystemet")
    item = services.sessions.snapshot(session_id, with_previous=False).item_by_id[item_id]
    assert [(i.text, i.unit, i.source) for i in item.indicators] == [
        ("Andel kvinnor bland de sökande till chefstjänster", "%", "Rekryteringssystemet")
    ]
    key = item.indicators[0].key
    # the baseline: the kind is "Utgångsvärde" while there is none
    panel.period.setFocus()
    assert panel.kind.currentData() == "baseline"
    for period, women, men in (("2010", "36", "64"), ("2011", "36,5", "63,5"), ("2012", "37,2", "62,8")):
        type_into(panel.period, period)
        type_into(panel.women, women)
        type_into(panel.men, men, then=Qt.Key.Key_Return)
        assert panel.period.hasFocus() and panel.period.text() == ""
    type_into(panel.period, "2013")
    type_into(panel.women, "38")
    type_into(panel.men, "62", then=Qt.Key.Key_Return)
    # the target: Shift+Tab to the kind, choose "Mål" with the arrow key
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert panel.kind.hasFocus()
    press(Qt.Key.Key_Down)
    assert panel.kind.currentData() == "target"
    press(Qt.Key.Key_Tab)
    type_into(panel.period, "2015")
    type_into(panel.women, "40")
    type_into(panel.men, "60", then=Qt.Key.Key_Return)
    assert warnings == []

    stored = services.sessions.snapshot(session_id, with_previous=False).item_by_id[item_id].indicators
    assert stored == (
        Indicator(
            key,
            "Andel kvinnor bland de sökande till chefstjänster",
            "%",
            "Rekryteringssystemet",
            baseline=Figures("2010", 36, 64),
            target=Figures("2015", 40, 60),
            values=(Figures("2011", 36.5, 63.5), Figures("2012", 37.2, 62.8), Figures("2013", 38, 62)),
        ),
    )
    assert panel.rows()[0] == ["2010 (utgångsvärde)", "36", "64", "–", "−28"]
    assert panel.rows()[2] == ["2012", "37,2", "62,8", "–", "−25,6"]
    assert panel.rows()[-1] == ["2015 (mål)", "40", "60", "–", "−20"]
    assert "Skillnaden har minskat; utvecklingen: mot målet." in panel.summary.text()
    # the chart: both series, the baseline and the target markers
    assert panel.canvas is not None and panel.canvas.isVisible()
    figure = panel.canvas.figure
    assert line_points(figure, "series-women") == [(0, 36), (1, 36.5), (2, 37.2), (3, 38)]
    assert line_points(figure, "series-men") == [(0, 64), (1, 63.5), (2, 62.8), (3, 62)]
    assert line_points(figure, "baseline-women") == [(0, 36)]
    assert line_points(figure, "baseline-men") == [(0, 64)]
    assert line_points(figure, "target-women") == [(4, 40)]
    assert line_points(figure, "target-men") == [(4, 60)]
    assert "36,5" in panel.canvas.accessibleDescription()
    # the card shows the mark and the latest values
    card = board.scene.cards[item_id]
    assert card.indicator_texts == [f"▁▃▅ 2013: kv{NBSP}38{NBSP}%, m{NBSP}62{NBSP}%"]
    # Esc goes back to the board
    press(Qt.Key.Key_Escape)
    assert board.view.hasFocus()


def test_an_impossible_share_is_refused_and_stays_in_the_fields(
    board: BoardStep, services: Services, session_id: int, warnings: list[str]
) -> None:
    e1 = keys(board)["e1"]
    board.view.select_and_show(e1)
    board.view.setFocus()
    QTest.keyClick(board.view, Qt.Key.Key_I)
    panel = board.indicator_panel
    before = services.sessions.snapshot(session_id, with_previous=False).item_by_id[e1].indicators
    assert panel.period.hasFocus() and panel.kind.currentData() == "measurement"
    type_into(panel.period, "2014")
    type_into(panel.women, "45")
    type_into(panel.men, "62", then=Qt.Key.Key_Return)
    assert warnings == [
        "Mätvärdet för 2014: kvinnor (45 %) och män (62 %) blir tillsammans 107 %, mer än helheten. "
        "Är det andelar inom varje grupp för sig (till exempel andelen flickor som klarade målen), välj då enheten "
        "'% inom gruppen'."
    ]
    assert (panel.period.text(), panel.women.text(), panel.men.text()) == ("2014", "45", "62")
    assert services.sessions.snapshot(session_id, with_previous=False).item_by_id[e1].indicators == before
    QTest.keySequence(panel.women, "Ctrl+A")
    panel.women.setFocus()
    type_into(panel.women, "1.200", then=Qt.Key.Key_Return)
    assert "kan läsas på två sätt" in warnings[-1]


def test_a_line_is_corrected_and_removed_by_keyboard(
    board: BoardStep, services: Services, session_id: int, warnings: list[str]
) -> None:
    e1 = keys(board)["e1"]
    board.view.select_and_show(e1)
    board.focus_indicators()
    panel = board.indicator_panel
    panel.table.setFocus()
    select_row(panel, 2)  # 2012
    press(Qt.Key.Key_Return)
    assert panel.women.hasFocus() and panel.period.text() == "2012" and panel.women.text() == "37,2"
    type_into(panel.women, "37,4", then=Qt.Key.Key_Return)  # 37,4 + 62,8 > 100: refused, kept
    assert "blir tillsammans 100,2 %" in warnings.pop() and panel.women.text() == "37,4"
    press(Qt.Key.Key_Tab)
    type_into(panel.men, "62,6", then=Qt.Key.Key_Return)
    assert warnings == []
    values = services.sessions.snapshot(session_id, with_previous=False).item_by_id[e1].indicators[0].values
    assert [(f.period, f.women, f.men) for f in values] == [
        ("2011", 36.5, 63.5),
        ("2012", 37.4, 62.6),
        ("2013", 38, 62),
    ]
    panel.table.setFocus()
    select_row(panel, 1)  # 2011
    press(Qt.Key.Key_Delete)
    values = services.sessions.snapshot(session_id, with_previous=False).item_by_id[e1].indicators[0].values
    assert [f.period for f in values] == ["2012", "2013"]


def test_the_example_shows_on_the_board_in_the_findings_and_in_the_evaluation(board: BoardStep) -> None:
    key = keys(board)
    assert board.scene.cards[key["e1"]].indicator_texts == [f"▁▃▅ 2013: kv{NBSP}38{NBSP}%, m{NBSP}62{NBSP}%"]
    assert board.scene.cards[key["res1"]].indicator_texts == [f"▁▃▅ 2013: kv{NBSP}46{NBSP}500, m{NBSP}69{NBSP}800"]
    assert board.scene.cards[key["a1"]].indicator_texts == []
    lines = board.findings.indicator_lines()
    assert lines[0] == "Indikatorer (3)"
    assert (
        "e1 · i1  Andel av föreningsbidraget som går till flickors aktiviteter – mot målet; skillnaden har minskat"
        in lines
    )
    assert f"Kvinnor 36 → 38{NBSP}% (+2{NBSP}procentenheter; mål 40{NBSP}%, 2{NBSP}procentenheter kvar)" in lines
    assert any(line.startswith("res2 · i3") and "delvis mot målet" in line for line in lines)
    board.tabs.setCurrentWidget(board.evaluation)
    cells = [board.evaluation.cell_text(row, 5) for row in range(board.evaluation.rowCount())]
    effect = next(cell for cell in cells if cell.startswith("e1"))
    women = f"Kvinnor 36 → 38{NBSP}% (+2{NBSP}procentenheter; mål 40{NBSP}%, 2{NBSP}procentenheter kvar)"
    assert f"\n• {women}\n" in effect
    assert f"\n• Män 64 → 62{NBSP}%" in effect and "\n• Skillnaden har minskat; mot målet." in effect
    achieved = [board.evaluation.cell_text(row, 4) for row in range(board.evaluation.rowCount())]
    assert any("i3 Andel av ansökningarna" in cell and "delvis mot målet" in cell for cell in achieved)


def test_items_that_carry_no_indicators_say_so(board: BoardStep) -> None:
    board.view.select_and_show(keys(board)["a1"])
    panel: IndicatorPanel = board.indicator_panel
    assert not panel.text.isEnabled()
    assert panel.item_id is None


def test_indicator_changes_are_undone_and_redone(
    board: BoardStep, services: Services, session_id: int, warnings: list[str]
) -> None:
    e1 = keys(board)["e1"]
    before = services.sessions.snapshot(session_id, with_previous=False).item_by_id[e1].indicators
    board.view.select_and_show(e1)
    board.focus_indicators()
    panel = board.indicator_panel
    type_into(panel.period, "2014")
    type_into(panel.women, "39")
    type_into(panel.men, "61", then=Qt.Key.Key_Return)
    after = services.sessions.snapshot(session_id, with_previous=False).item_by_id[e1].indicators
    assert [f.period for f in after[0].values] == ["2011", "2012", "2013", "2014"]
    assert board.undo_stack.undoText() == "Ändra indikatorer"
    board.undo_stack.undo()
    assert services.sessions.snapshot(session_id, with_previous=False).item_by_id[e1].indicators == before
    assert [row[0] for row in panel.rows()][-2] == "2013"  # the panel shows what is stored
    board.undo_stack.redo()
    assert services.sessions.snapshot(session_id, with_previous=False).item_by_id[e1].indicators == after
    assert warnings == []
