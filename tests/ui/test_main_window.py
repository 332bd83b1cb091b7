"""The main window: the list (newest first, searchable), duplicate, export/import, delete, language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from lardesk.services import NewParticipant, NewSession, Services
from lardesk.ui.main_window import ConfirmDelete, ExchangeFiles, MainWindow
from lardesk.ui.session_dialogs import NewSessionDialog
from lardesk.ui.settings import ui_language

pytestmark = pytest.mark.gui


def make(services: Services, organisation: str, year: int, unit: str = "") -> int:
    changes = services.sessions.create_session(
        NewSession(organisation=organisation, unit=unit, date=dt.date(year, 11, 1), period=str(year))
    )
    assert changes.new_id is not None
    return changes.new_id


@pytest.fixture
def main(qtbot: QtBot, services: Services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def rows(window: MainWindow) -> list[tuple[str, list[str]]]:
    result = []
    for index in range(window.tree.topLevelItemCount()):
        parent = window.tree.topLevelItem(index)
        assert parent is not None
        children = [parent.child(i) for i in range(parent.childCount())]
        result.append((parent.text(0), [child.text(2) for child in children if child is not None]))
    return result


def test_sessions_newest_first_and_searchable(qtbot: QtBot, services: Services, main: MainWindow) -> None:
    make(services, "Ankeby kommun", 2024)
    make(services, "Ankeby kommun", 2026)
    make(services, "Ankeby kommun", 2025)
    make(services, "Region Norr", 2025, unit="Hälso- och sjukvård")
    main.refresh()
    assert rows(main) == [("Ankeby kommun", ["2026", "2025", "2024"]), ("Region Norr – Hälso- och sjukvård", ["2025"])]
    assert main.selected_session() is not None
    QTest.keyClick(main.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main.search.hasFocus()
    QTest.keyClicks(main.search, "Region")
    assert rows(main) == [("Region Norr – Hälso- och sjukvård", ["2025"])]
    main.search.clear()
    assert len(rows(main)) == 2


def test_duplicate_as_next_year_opens_the_new_session(qtbot: QtBot, services: Services, main: MainWindow) -> None:
    first = make(services, "Ankeby kommun", 2025)
    services.sessions.add_improvement(first, "Utbilda chefsgruppen", 7, "HR")
    main.refresh()
    main.select_session(first)
    QTest.keyClick(main.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert rows(main) == [("Ankeby kommun", ["2026", "2025"])]
    ((new_id, window),) = main.session_windows.items()
    qtbot.addWidget(window)
    assert new_id != first and main.selected_session() == new_id
    assert services.sessions.session_info(new_id).previous_session_id == first


def test_delete_asks_first(qtbot: QtBot, services: Services, main: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    session_id = make(services, "Ankeby kommun", 2025)
    main.refresh()
    main.select_session(session_id)
    asked: list[str] = []

    def answer(reply: bool) -> None:
        def ask(cls: type[ConfirmDelete], parent: QWidget | None, what: str) -> bool:
            asked.append(what)
            return reply

        monkeypatch.setattr(ConfirmDelete, "ask", classmethod(ask))

    answer(False)
    main.tree.setFocus()
    QTest.keyClick(main.tree, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "Ankeby kommun" in asked[0]
    assert rows(main) == [("Ankeby kommun", ["2025"])]
    answer(True)
    QTest.keyClick(main.tree, Qt.Key.Key_Delete)
    assert rows(main) == []
    assert main.empty.isVisible()


def test_export_and_import_through_the_menu(
    qtbot: QtBot, services: Services, main: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    session_id = make(services, "Ankeby kommun", 2025)
    services.sessions.set_note(session_id, 3, 2, "Flickor och pojkar nåddes lika.")
    main.refresh()
    main.select_session(session_id)
    target = tmp_path / "ankeby.json"
    monkeypatch.setattr(ExchangeFiles, "ask_save", classmethod(lambda cls, parent, suggested: str(target)))
    monkeypatch.setattr(ExchangeFiles, "ask_open", classmethod(lambda cls, parent: str(target)))
    QTest.keyClick(main.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert target.exists()
    QTest.keyClick(main.tree, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert rows(main) == [("Ankeby kommun", ["2025", "2025"])]
    imported = main.selected_session()
    assert imported is not None and imported != session_id
    assert services.sessions.snapshot(imported).note(3, 2) == "Flickor och pojkar nåddes lika."


def test_new_session_offers_last_year(qtbot: QtBot, services: Services) -> None:
    last = make(services, "Ankeby kommun", 2025)
    services.sessions.add_improvement(last, "Könsuppdela all statistik", 3, "Controller", dt.date(2026, 6, 30))
    dialog = NewSessionDialog(services, "sv")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.continue_box.isVisible()
    line = dialog.organisation.lineEdit()
    assert line is not None
    QTest.keyClicks(line, "Ankeby kommun")
    assert dialog.continue_box.isVisible() and dialog.continue_box.isChecked()
    listed = [dialog.previous_actions.item(i).text() for i in range(dialog.previous_actions.count())]
    assert listed == ["Könsuppdela all statistik (Controller, 2026-06-30)"]
    assert dialog.new_session().continue_from == last
    dialog.continue_box.setChecked(False)
    assert dialog.new_session().continue_from is None


def test_anonymous_mode_keeps_no_names(qtbot: QtBot, services: Services) -> None:
    dialog = NewSessionDialog(services, "sv")
    qtbot.addWidget(dialog)
    line = dialog.organisation.lineEdit()
    assert line is not None
    QTest.keyClicks(line, "Ankeby kommun")
    row = dialog.add_participant("Rektor", "Kim")
    dialog.anonymity.setCurrentIndex(dialog.anonymity.findData("anonymous"))
    item = dialog.table.item(row, 1)
    assert item is not None and item.text() == "" and not item.flags() & Qt.ItemFlag.ItemIsEditable
    assert [(p.role, p.name) for p in dialog.new_session().participants] == [("Rektor", None)]


def test_english_is_chosen_in_the_menu_and_kept(qtbot: QtBot, services: Services, main: MainWindow) -> None:
    assert main.new_action.text() == "&Ny uppföljning…"
    main.language_actions["en"].trigger()
    assert main.new_action.text() == "&New session…"
    assert main.windowTitle() == "lardesk – learning follow-up"
    assert ui_language() == "en"
    again = MainWindow(services)
    qtbot.addWidget(again)
    assert again.language_actions["en"].isChecked()


def test_window_geometry_is_remembered(qtbot: QtBot, services: Services, isolated_settings: Path) -> None:
    first = MainWindow(services)
    qtbot.addWidget(first)
    first.resize(700, 456)
    first.show()
    first.close()
    assert (
        QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "lardesk", "lardesk")
        .fileName()
        .startswith(str(isolated_settings))
    )
    second = MainWindow(services)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 456)


def test_a_fresh_start_shows_the_chosen_language(qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    from lardesk.ui.application import create_application
    from lardesk.ui.settings import set_ui_language

    assert create_application([]) is qapp
    assert QCoreApplication.translate("MainWindow", "&Ny uppföljning…") == "&Ny uppföljning…"
    set_ui_language("en")
    create_application([])
    assert QCoreApplication.translate("MainWindow", "&Ny uppföljning…") == "&New session…"
    assert QCoreApplication.translate("SessionWindow", "Nästa steg") == "Next step"


def test_the_participant_count_takes_the_plural_form_of_the_language(
    qtbot: QtBot, services: Services, main: MainWindow
) -> None:
    """Issue 10: "1 participants" was what tr("%1 deltagare") gave in English; Qt's plural forms (%n) say it right."""
    for count in (1, 2):
        services.sessions.create_session(
            NewSession(
                organisation=f"Kommun {count}",
                date=dt.date(2026, 11, 1),
                participants=tuple(NewParticipant(role=f"Roll {n}") for n in range(count)),
            )
        )
    main.language_actions["en"].trigger()
    main.refresh()
    counts = []
    for index in range(main.tree.topLevelItemCount()):
        parent = main.tree.topLevelItem(index)
        assert parent is not None
        child = parent.child(0)
        assert child is not None
        counts.append(child.text(4))
    assert counts == ["1 participant", "2 participants"]
    main.language_actions["sv"].trigger()
    main.refresh()
    first = main.tree.topLevelItem(0)
    assert first is not None
    child = first.child(0)
    assert child is not None
    assert child.text(4) == "1 deltagare"
