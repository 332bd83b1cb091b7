"""Översikt: opened from the main window, sorted, filtered; an action's status set by keyboard and found by
`lardesk actions --json`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from lardesk.cli import main as cli_main
from lardesk.services import Services
from lardesk.ui.actions_list import COLUMNS, STATUS_COLUMN
from lardesk.ui.main_window import MainWindow
from lardesk.ui.overview import OverviewFiles, OverviewWindow
from tests.services.overview_data import Imported, import_all

pytestmark = pytest.mark.gui


@pytest.fixture
def imported(services: Services) -> Imported:
    return import_all(services)


@pytest.fixture
def window(qtbot: QtBot, services: Services, imported: Imported) -> OverviewWindow:
    main = MainWindow(services)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    QTest.keyClick(main, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    overview = main.overview_window
    assert isinstance(overview, OverviewWindow)
    qtbot.waitUntil(overview.isVisible)
    overview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is overview)
    return overview


def column_texts(window: OverviewWindow, column: int) -> list[str]:
    table = window.overview_tab.table
    model = table.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def test_opens_sorts_and_filters(qtbot: QtBot, window: OverviewWindow, imported: Imported) -> None:
    tab = window.overview_tab
    assert column_texts(window, 1) == ["Socialförvaltningen", "Tekniska förvaltningen", ""]
    assert tab.summary.text().startswith("Enheter: 3. ")  # a count with no noun to agree ("1 enheter")
    nine = tab.model.scale_column(9)
    assert column_texts(window, nine) == ["6  ↑ +2\nmd 6", "8", "3  ↓ −2\nmd 7"]
    # By keyboard: Alt+T goes to "Sortera", typing 9 chooses scale 9; Alt+H puts the highest first.
    tab.table.setFocus()
    QTest.keyClick(tab.table, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert tab.sort.hasFocus()
    QTest.keyClicks(tab.sort, "9")
    assert tab.sort.currentData() == nine
    assert column_texts(window, nine) == ["3  ↓ −2\nmd 7", "6  ↑ +2\nmd 6", "8"]
    QTest.keyClick(tab.sort, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(tab.descending.isChecked)  # a mnemonic "clicks" the box after a short animation
    assert column_texts(window, nine) == ["8", "6  ↑ +2\nmd 6", "3  ↓ −2\nmd 7"]
    # Sort by scale 9 with a click on its header, lowest first, then highest first.
    header = tab.table.horizontalHeader()
    where = header.sectionViewportPosition(nine) + header.sectionSize(nine) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(where, 5))
    first = column_texts(window, nine)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(where, 5))
    second = column_texts(window, nine)
    assert {tuple(first), tuple(second)} == {
        ("3  ↓ −2\nmd 7", "6  ↑ +2\nmd 6", "8"),
        ("8", "6  ↑ +2\nmd 6", "3  ↓ −2\nmd 7"),
    }
    assert tab.sort.currentData() == nine and tab.descending.isChecked() == (second[0] == "8")
    # Filters: a year, an organisation, one scale.
    tab.year.setCurrentIndex(tab.year.findData("2024"))
    assert column_texts(window, 1) == ["Socialförvaltningen"]
    tab.year.setCurrentIndex(0)
    tab.organisation.setCurrentIndex(tab.organisation.findData("Beta region"))
    assert column_texts(window, 0) == ["Beta region"]
    assert tab.summary.text().startswith("Enheter: 1. ")
    tab.scale.setCurrentIndex(tab.scale.findData(9))
    hidden = [tab.table.isColumnHidden(tab.model.scale_column(n)) for n in range(1, 10)]
    assert hidden == [True] * 8 + [False]
    cell = tab.table.model().index(0, nine)
    label = tab.guide.scale(9).label
    assert cell.data(Qt.ItemDataRole.AccessibleTextRole) == (
        f"Skala 9 {label}, samlad bedömning 3, föregående 5 (↓ −2), median 7, 3 har bedömt"
    )


def test_enter_opens_the_latest_session(qtbot: QtBot, window: OverviewWindow, imported: Imported) -> None:
    opened: list[int] = []
    window.open_session.connect(opened.append)
    table = window.overview_tab.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(2, 0))
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert opened == [imported.ids["b2"]]


def test_models(qtmodeltester: ModelTester, window: OverviewWindow) -> None:
    qtmodeltester.check(window.overview_tab.model)  # type: ignore[no-untyped-call]
    qtmodeltester.check(window.actions_panel.model)  # type: ignore[no-untyped-call]


def actions_json(services: Services) -> list[dict[str, object]]:
    out, err = io.StringIO(), io.StringIO()
    assert cli_main(["--database", str(services.database.url), "actions", "--json"], out=out, err=err) == 0, err
    result: list[dict[str, object]] = json.loads(out.getvalue())
    return result


def test_status_set_by_keyboard(qtbot: QtBot, window: OverviewWindow, services: Services) -> None:
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    panel = window.actions_panel
    assert window.tabs.currentWidget() is panel
    panel.unit.setCurrentIndex(panel.unit.findData("Alfa kommun – Socialförvaltningen"))
    texts = [panel.proxy.index(r, COLUMNS.index("text")).data() for r in range(panel.proxy.rowCount())]
    row = texts.index("Öppen, i tid")
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(panel.proxy.index(row, 0))
    QTest.keyClick(table, Qt.Key.Key_3)  # 3: done
    found = next(a for a in actions_json(services) if a["text"] == "Öppen, i tid")
    assert found["status"] == "done"
    assert panel.proxy.index(row, STATUS_COLUMN).data() == "Genomförd"
    # F2 on the status opens the list; Up, Up and Enter choose open again.
    table.setCurrentIndex(panel.proxy.index(row, STATUS_COLUMN))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox)
    QTest.keyClick(editor, Qt.Key.Key_Up)
    QTest.keyClick(editor, Qt.Key.Key_Up)
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate saves and closes the editor on the next turn
    qtbot.waitUntil(lambda: panel.proxy.index(row, STATUS_COLUMN).data() == "Öppen")
    found = next(a for a in actions_json(services) if a["text"] == "Öppen, i tid")
    assert found["status"] == "open"
    # Overdue shown in words beside the date, and "only overdue" keeps it alone.
    panel.overdue.setChecked(True)
    shown = [panel.proxy.index(r, COLUMNS.index("due")).data() for r in range(panel.proxy.rowCount())]
    assert all("⚠ försenad" in text for text in shown) and shown


def test_a_refused_status_changes_nothing(qtbot: QtBot, window: OverviewWindow, services: Services) -> None:
    panel = window.actions_panel
    before = actions_json(services)
    assert not panel.model.setData(panel.model.index(0, STATUS_COLUMN), "finished")
    assert not panel.model.setData(QModelIndex(), "done")
    assert actions_json(services) == before


def test_exports_from_the_window(
    qtbot: QtBot, window: OverviewWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.pdfua import check_pdf_ua

    chosen: list[Path] = []

    def ask_save(_parent: object, suggested: str, _filter: str) -> str:
        chosen.append(tmp_path / suggested)
        return str(chosen[-1])

    monkeypatch.setattr(OverviewFiles, "ask_save", classmethod(lambda cls, *a: ask_save(*a)))
    tab = window.overview_tab
    tab.scale.setCurrentIndex(tab.scale.findData(9))
    QTest.mouseClick(tab.csv_button, Qt.MouseButton.LeftButton)
    csv_text = chosen[-1].read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].count("–") == 5  # one scale's five columns only
    QTest.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    assert check_pdf_ua(chosen[-1]).tables == 2
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    panel = window.actions_panel
    panel.unit.setCurrentIndex(panel.unit.findData("Alfa kommun – Tekniska förvaltningen"))
    QTest.mouseClick(panel.checkpoint_button, Qt.MouseButton.LeftButton)
    assert check_pdf_ua(chosen[-1]).headings == [(1, "Alfa kommun – Tekniska förvaltningen")]


def test_follows_changes_made_elsewhere(qtbot: QtBot, window: OverviewWindow, services: Services) -> None:
    """A joint value agreed in a session window (through the change bus) reaches the overview after a pause."""
    tab = window.overview_tab
    latest = tab.model.unit(2).latest.id  # Beta region
    window.bus.run(lambda: services.ratings.set_joint(latest, 9, 8, "Omprövat"))
    nine = tab.model.scale_column(9)
    qtbot.waitUntil(lambda: str(tab.model.index(2, nine).data()).startswith("8  ↑ +3"), timeout=30000)


def test_a_status_set_in_the_list_reaches_the_overview(qtbot: QtBot, window: OverviewWindow) -> None:
    tab = window.overview_tab
    done = tab.model.columns.index(("actions", "done"))
    assert tab.model.index(0, done).data() == "1"
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    panel = window.actions_panel
    texts = [panel.proxy.index(r, COLUMNS.index("text")).data() for r in range(panel.proxy.rowCount())]
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.proxy.index(texts.index("Utan datum"), 0))
    QTest.keyClick(panel.table, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: tab.model.index(0, done).data() == "2", timeout=30000)
    assert [panel.proxy.index(r, COLUMNS.index("text")).data() for r in range(panel.proxy.rowCount())] == texts


def test_comment_typed_in_the_list(qtbot: QtBot, window: OverviewWindow, services: Services) -> None:
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    panel = window.actions_panel
    texts = [panel.proxy.index(r, COLUMNS.index("text")).data() for r in range(panel.proxy.rowCount())]
    row = texts.index("Gammal åtgärd")
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(panel.proxy.index(row, COLUMNS.index("status_comment")))
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    QTest.keyClicks(editor, "Ersatt av n")
    for event_type in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):  # QTest.keyClicks aborts on "ä"
        QApplication.sendEvent(
            editor, QKeyEvent(event_type, Qt.Key.Key_Adiaeresis, Qt.KeyboardModifier.NoModifier, "ä")
        )
    QTest.keyClicks(editor, "tverket")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.proxy.index(row, COLUMNS.index("status_comment")).data() == "Ersatt av nätverket")
    found = next(a for a in actions_json(services) if a["text"] == "Gammal åtgärd")
    assert (found["status"], found["status_comment"]) == ("open", "Ersatt av nätverket")
