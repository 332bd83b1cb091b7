"""The program-logic board: the Step protocol, incremental updates, mouse, keyboard, projector, export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from lardesk.method.logic import ItemKind
from lardesk.services import Changed, NewSession, Services
from lardesk.ui.board.look import FOCUS_BAND
from lardesk.ui.board.scene import CardItem
from lardesk.ui.board.state import BoardState
from lardesk.ui.board.step import BoardStep
from lardesk.ui.bus import ChangeBus
from lardesk.ui.steps import Step
from tests.conftest import EXAMPLE_FINDINGS
from tests.ui.shown import item_ids, shown_board

pytestmark = pytest.mark.gui

EXPECTED = EXAMPLE_FINDINGS


@pytest.fixture
def bus(services: Services) -> ChangeBus:
    return ChangeBus(services)


@pytest.fixture
def board(services: Services, bus: ChangeBus, example_id: int, qtbot: QtBot) -> BoardStep:
    return shown_board(qtbot, services, example_id, bus)


ids = item_ids


def centre_on_viewport(step: BoardStep, card: CardItem) -> QPoint:
    step.view.ensureVisible(card.sceneBoundingRect(), 10, 10)
    return step.view.mapFromScene(card.sceneBoundingRect().center())


def test_it_is_a_step(board: BoardStep) -> None:
    assert isinstance(board, Step)
    assert board.STEP_ID == "board"
    assert board.title() == "Programlogik"
    assert board.refresh_on() == Changed.LOGIC


def test_the_imported_example_shows_its_items_links_and_findings(board: BoardStep) -> None:
    assert len(board.scene.cards) == 33
    assert len(board.scene.arrows) == 43
    assert board.findings.shown() == EXPECTED
    assert board.findings.count_text("G5").endswith("(4)")
    assert board.findings.count_text("G3").startswith("✓ G3")
    key = ids(board)
    a6 = board.scene.cards[key["a6"]]
    assert a6.codes == ("G1", "S1")
    assert [badge.text for badge in a6._badges] == ["⚠ G1", "! S1"]
    assert "Skjuts till våren." in a6._note_lines
    assert not board.scene.cards[key["a1"]]._badges


def test_a_change_from_elsewhere_is_applied_incrementally(
    board: BoardStep, services: Services, example_id: int
) -> None:
    key = ids(board)
    before = dict(board.scene.cards)
    arrows_before = dict(board.scene.arrows)
    services.logic.update_item(key["a1"], status="not_implemented")
    board.load(services.sessions.snapshot(example_id))
    assert board.findings.shown()["S1"] == ["a1", "a6"]
    assert board.scene.cards[key["a1"]].codes == ("S1",)
    assert all(board.scene.cards[i] is card for i, card in before.items())
    assert all(board.scene.arrows[link] is arrow for link, arrow in arrows_before.items())
    assert board.scene.cards[key["a1"]]._header.endswith("✗ Inte genomförd")


def test_dragging_one_item_onto_another_links_them(
    board: BoardStep, services: Services, example_id: int, qtbot: QtBot
) -> None:
    key = ids(board)
    source, target = board.scene.cards[key["res2"]], board.scene.cards[key["a6"]]  # dragged backwards
    start = centre_on_viewport(board, source)
    end = board.view.mapFromScene(target.sceneBoundingRect().center())
    viewport = board.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert (key["a6"], key["res2"]) in board.state.links  # the arrow goes the method's way
    assert (key["a6"], key["res2"]) in board.scene.arrows
    stored = services.sessions.snapshot(example_id)
    assert any((link.source_id, link.target_id) == (key["a6"], key["res2"]) for link in stored.links)
    shown = board.findings.shown()
    assert shown["G1"] == ["a8", "a9", "a10"]
    assert shown["G2"] == ["res1"]


def test_a_link_the_method_does_not_know_is_refused(board: BoardStep, bus: ChangeBus, qtbot: QtBot) -> None:
    key = ids(board)
    with qtbot.waitSignal(bus.failed):
        assert not board.link_items(key["a1"], key["a2"])
    assert (key["a1"], key["a2"]) not in board.state.links
    assert board.findings.shown() == EXPECTED


def test_clicking_a_finding_goes_to_its_item(board: BoardStep, qtbot: QtBot) -> None:
    key = ids(board)
    entry = board.findings.entry_for(key["a10"])
    assert entry is not None
    board.findings.scrollToItem(entry)
    rect = board.findings.visualItemRect(entry)
    QTest.mouseClick(
        board.findings.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    assert board.scene.selected_id() == key["a10"]
    visible = board.view.mapToScene(board.view.viewport().rect()).boundingRect()
    assert visible.intersects(board.scene.cards[key["a10"]].sceneBoundingRect())
    assert board.editor.title.text().startswith("Aktivitet a10")


def test_set_focus_kind_highlights_one_column(board: BoardStep) -> None:
    key = ids(board)
    board.set_focus_kind(ItemKind.RESULT)
    assert board.scene._bands[ItemKind.RESULT].brush().color() == FOCUS_BAND
    assert board.scene._headers[ItemKind.RESULT].text.startswith("▶ Resultat (8)")
    assert board.scene.cards[key["res1"]].opacity() == 1.0
    assert board.scene.cards[key["a1"]].opacity() < 1.0
    assert board.new_kind.currentData() == "result"
    board.set_focus_kind(None)
    assert board.scene.cards[key["a1"]].opacity() == 1.0
    assert not board.scene._headers[ItemKind.RESULT].text.startswith("▶")


def test_text_is_edited_in_place(board: BoardStep, services: Services, example_id: int) -> None:
    key = ids(board)
    board.view.setFocus()
    board.view.select_and_show(key["e2"])
    QTest.keyClick(board.view, Qt.Key.Key_F2)
    assert board.view.editor.isVisible()
    board.view.editor.selectAll()
    QTest.keyClicks(board.view.editor, "Medborgarna litar pa oss")
    QTest.keyClick(board.view.editor, Qt.Key.Key_Return)
    assert not board.view.editor.isVisible()
    assert board.state.items[key["e2"]].text == "Medborgarna litar pa oss"
    stored = {i.key: i.text for i in services.sessions.snapshot(example_id).items}
    assert stored["e2"] == "Medborgarna litar pa oss"


def test_reorder_and_delete_from_the_keyboard(board: BoardStep, services: Services, example_id: int) -> None:
    key = ids(board)
    board.view.setFocus()
    board.view.select_and_show(key["a1"])
    QTest.keyClick(board.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert board.state.columns[ItemKind.ACTIVITY][:2] == [key["a2"], key["a1"]]
    assert board.scene.selected_id() == key["a1"]
    assert board.scene.cards[key["a1"]].py > board.scene.cards[key["a2"]].py

    board.confirm_delete = lambda text: True  # type: ignore[method-assign]  # the question box
    board.view.select_and_show(key["r6"])
    QTest.keyClick(board.view, Qt.Key.Key_Delete)
    assert key["r6"] not in board.state.items
    assert key["r6"] not in board.scene.cards
    assert (key["r6"], key["a6"]) not in board.scene.arrows
    assert board.findings.shown()["G6"] == ["a6"]  # a6 lost its only resource
    assert "r6" not in {i.key for i in services.sessions.snapshot(example_id).items}


def test_statuses_and_amounts_in_the_item_panel(board: BoardStep, services: Services, example_id: int) -> None:
    key = ids(board)
    board.view.select_and_show(key["res3"])
    combo = board.editor.status
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_End)
    assert board.state.items[key["res3"]].status == "not_achieved"
    assert board.findings.shown()["S2"] == ["res2", "res3"]
    assert board.editor.unexpected.isVisible()
    board.editor.unexpected.setFocus()
    QTest.keyClick(board.editor.unexpected, Qt.Key.Key_Space)
    assert board.state.items[key["res3"]].unexpected
    assert any("Oförutsedd" in badge.text for badge in board.scene.cards[key["res3"]]._badges)
    board.view.select_and_show(key["r1"])
    assert board.editor.budget.isEnabled()
    board.editor.budget.setFocus()
    QTest.keyClicks(board.editor.budget, "50000")
    QTest.keyClick(board.editor.budget, Qt.Key.Key_Return)
    assert board.state.items[key["r1"]].budget_sek == 50000
    assert any("50" in badge.text and "kr" in badge.text for badge in board.scene.cards[key["r1"]]._badges)
    # a large amount is shown grouped as the minutes print it (never "1.25e+07"), and reads back unchanged
    board.editor.budget.selectAll()
    QTest.keyClicks(board.editor.budget, "12500000")
    QTest.keyClick(board.editor.budget, Qt.Key.Key_Return)
    assert board.state.items[key["r1"]].budget_sek == 12_500_000
    assert board.editor.budget.text() == "12\u00a0500\u00a0000"
    board.editor.budget.setFocus()
    QTest.keyClick(board.editor.budget, Qt.Key.Key_Return)  # confirmed as shown: the same amount, no error
    assert board.state.items[key["r1"]].budget_sek == 12_500_000
    board.editor.budget.selectAll()
    QTest.keyClicks(board.editor.budget, "1 200 000,50")  # typed with spaces and a decimal comma
    QTest.keyClick(board.editor.budget, Qt.Key.Key_Return)
    assert board.state.items[key["r1"]].budget_sek == 1_200_000.5


def test_items_carried_over_from_last_year_are_marked(
    services: Services, bus: ChangeBus, example_id: int, qtbot: QtBot
) -> None:
    created = services.sessions.create_session(
        NewSession(
            organisation="Exempelkommunen",
            unit="Kommunledningsförvaltningen",
            date=dt.date(2012, 11, 15),
            continue_from=example_id,
        )
    )
    assert created.new_id is not None
    step = BoardStep(services, bus, created.new_id)
    qtbot.addWidget(step)
    assert step.scene.cards
    for card in step.scene.cards.values():
        assert any(badge.text == "↻ Överförd" for badge in card._badges)
    step.view.select_and_show(next(iter(step.scene.cards)))
    assert "Överförd" in step.editor.title.text()


def test_the_evaluation_view_sets_planned_beside_implemented(board: BoardStep) -> None:
    board.tabs.setCurrentWidget(board.evaluation)
    view = board.evaluation
    headers = [view.horizontalHeaderItem(c).text().replace("\n", " ") for c in range(view.columnCount())]  # type: ignore[union-attr]
    assert headers[1:5] == [
        "Planerade aktiviteter",
        "Genomförda aktiviteter",
        "Förväntat resultat (kortsiktigt)",
        "Uppnådda resultat",
    ]
    assert view.cell_text(5, 1).startswith("a6  Utbilda förvaltningschefsgruppen")
    assert view.cell_text(5, 2) == "a6  ✗ Inte genomförd\nSkjuts till våren."
    assert view.cell_text(1, 4) == "res2  ✗ Inte uppnådd"
    assert view.cell_text(0, 5).startswith("e1  Vår verksamhet")


def test_the_projector_view_is_read_only_large_and_follows(board: BoardStep, qtbot: QtBot) -> None:
    projector = board.projector_widget()
    assert projector is not None
    qtbot.addWidget(projector)
    from lardesk.ui.board.step import ProjectorBoard

    assert isinstance(projector, ProjectorBoard)
    assert not projector.board.interactive
    assert projector.board.text_font.pointSizeF() > board.scene.text_font.pointSizeF() * 1.2
    assert len(projector.board.arrows) == 43
    key = ids(board)
    assert board.link_items(key["a8"], key["res2"])
    assert (key["a8"], key["res2"]) in projector.board.arrows
    assert projector.board.cards[key["a8"]].codes == ()
    board.set_focus_kind(ItemKind.EFFECT)
    assert projector.board.focus_kind is ItemKind.EFFECT
    # the guide's right-to-left question for the column walked, above the board and on the projector
    assert projector.question.text().endswith("Är de realistiska?")
    assert board.walk_question.text() == projector.question.text()
    for kind, words in (
        (ItemKind.RESULT, "Vilket resultat är kopplat till vilken långsiktig effekt?"),
        (ItemKind.ACTIVITY, "Blir det aktiviteter över aktiviteter"),
        (ItemKind.RESOURCE, "Står avsatta resurser i proportion till planerade aktiviteter?"),
    ):
        board.set_focus_kind(kind)
        assert words in board.walk_question.text() and words in projector.question.text()
    board.set_focus_kind(ItemKind.MEDIATOR)  # the guide asks none of its four questions here
    assert board.walk_question.isHidden() and projector.question.isHidden()
    board.set_focus_kind(None)
    assert board.walk_question.isHidden()


def test_png_and_svg_export(board: BoardStep, tmp_path: Path) -> None:
    key = ids(board)
    board.view.select_and_show(key["a1"])
    png = board.export(tmp_path / "board.png")
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() >= board.scene.sceneRect().width()
    svg = board.export(tmp_path / "board.svg").read_text(encoding="utf-8")
    assert "<svg" in svg
    assert "Utbilda" in svg
    assert "G1" in svg
    assert board.scene.selected_id() == key["a1"]  # the selection is back after the export
    assert not list(tmp_path.glob(".board-*"))  # no temporary files left


def test_board_state_reports_exactly_what_changed(board: BoardStep) -> None:
    state = BoardState()
    key = ids(board)
    snapshot_items = {item.id: item for item in board.state.items.values()}
    assert snapshot_items
    delta = state.add_link(key["a1"], key["res4"])  # unknown items: nothing happens
    assert not delta
    state.items = dict(board.state.items)
    state.columns = {kind: list(ids_) for kind, ids_ in board.state.columns.items()}
    state._order = list(board.state._order)
    state.links = set(board.state.links)
    state._refresh_findings(delta)
    delta = state.remove_link(key["res4"], key["a1"])  # either order
    assert delta.removed_links == {(key["a1"], key["res4"])}
    assert delta.codes == {key["a1"]}
    assert delta.findings_changed
    delta = state.add_link(key["res4"], key["a1"])
    assert delta.added_links == {(key["a1"], key["res4"])}
    assert delta.codes == {key["a1"]}
    assert not state.add_link(key["a1"], key["res4"])  # already there
