"""The facilitator's screens on a 1366 × 768 laptop and a 1920 × 1080 screen (issue 11, items 11 and 12):
nothing outside its widget or the screen — the walked column in view, the questions with room below the
board, the findings and links whole, and no cut text in the dialogs, tables and forms."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyleOptionViewItem,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lardesk.method.logic import ItemKind
from lardesk.services import Services
from lardesk.ui.board.step import BoardStep
from lardesk.ui.bus import ChangeBus
from lardesk.ui.i18n import install_language
from lardesk.ui.ratings.step import RatingsStep
from lardesk.ui.session_steps import NoteEdit, SectionStep
from lardesk.ui.session_window import SessionWindow
from lardesk.ui.settings import save_window

pytestmark = pytest.mark.gui

SIZES = [(1366, 736), (1920, 1050)]
"""The session window on the laptop's free area (768 less a taskbar) and on a full-HD screen."""


@pytest.fixture(params=["sv", "en"])
def language(request: pytest.FixtureRequest) -> str:
    install_language(request.param)
    return str(request.param)


@pytest.fixture
def demo_id(services: Services, language: str) -> int:
    session_id = services.exchange.load_demo()
    services.sessions.update_session(session_id, language=language)
    return session_id


def settle(qtbot: QtBot) -> None:
    qtbot.wait(30)  # queued layouts and the scroll to the walked column
    for _ in range(5):  # each queued step may queue the next: the turns a busy machine's 30 ms may have missed
        QApplication.processEvents()


def window_at(qtbot: QtBot, services: Services, session_id: int, size: tuple[int, int]) -> SessionWindow:
    window = SessionWindow(services, ChangeBus(services), session_id)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    settle(qtbot)
    return window


def rect_in(widget: QWidget, container: QWidget) -> QRect:
    return QRect(widget.mapTo(container, QPoint(0, 0)), widget.size())


def column_in_view(board: BoardStep, kind: ItemKind) -> bool:
    view = board.view
    band = view.mapFromScene(board.scene.band_rect(kind)).boundingRect()
    viewport = view.viewport().rect()
    return viewport.left() <= band.left() and band.right() <= viewport.right() + 1


def tree_items(item: QTreeWidgetItem | None) -> Iterator[QTreeWidgetItem]:
    if item is None:
        return
    yield item
    for index in range(item.childCount()):
        yield from tree_items(item.child(index))


def wrapped_height(view: QAbstractItemView, text: str, width: int) -> int:
    return QFontMetrics(view.font()).boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text).height()


def text_width(view: QAbstractItemView, rect: QRect, *, checkable: bool = False) -> int:
    """The width the style gives a row's text when it paints the row (beside its check box, if any)."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = rect
    option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay | QStyleOptionViewItem.ViewItemFeature.WrapText
    if checkable:
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    return view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view).width()


# -- item 11 ------------------------------------------------------------------------------------------------


def test_the_session_window_fits_the_screen(qtbot: QtBot, services: Services, demo_id: int) -> None:
    free = QApplication.primaryScreen().availableGeometry()
    window = SessionWindow(services, ChangeBus(services), demo_id)  # closed below, by the test itself
    assert window.width() <= free.width() and window.height() <= free.height()
    window.resize(free.width() + 900, free.height() + 500)  # remembered from a large office screen
    save_window(window, "session")
    window.close()
    again = SessionWindow(services, ChangeBus(services), demo_id)
    qtbot.addWidget(again)
    assert again.width() <= free.width() and again.height() <= free.height()


@pytest.mark.parametrize("size", SIZES)
def test_the_program_logic_step_starts_with_the_effects_in_view(
    qtbot: QtBot, services: Services, demo_id: int, size: tuple[int, int]
) -> None:
    window = window_at(qtbot, services, demo_id, size)
    window.go_to("board")
    settle(qtbot)
    board = window.board
    assert isinstance(board, BoardStep)
    assert column_in_view(board, ItemKind.EFFECT)  # where the right-to-left walk starts
    findings = board.findings
    assert not findings.horizontalScrollBar().isVisible()
    for top in range(findings.topLevelItemCount()):
        for item in tree_items(findings.topLevelItem(top)):
            rect = findings.visualItemRect(item)
            if rect.isEmpty():
                continue  # in a collapsed group
            assert rect.right() <= findings.viewport().width()
            assert wrapped_height(findings, item.text(0), text_width(findings, rect)) <= rect.height(), item.text(0)
    res2 = next(i for i, item in board.state.items.items() if item.key == "res2")
    board.view.select_and_show(res2)
    links = board.editor.links
    assert links.count() == 3
    for row in range(links.count()):
        entry = links.item(row)
        assert entry is not None
        rect = links.visualItemRect(entry)
        width = text_width(links, rect, checkable=True)
        assert wrapped_height(links, entry.text(), width) <= rect.height(), entry.text()


@pytest.mark.parametrize("size", SIZES)
def test_sections_keep_the_walked_column_and_the_questions_in_view(
    qtbot: QtBot, services: Services, demo_id: int, size: tuple[int, int]
) -> None:
    window = window_at(qtbot, services, demo_id, size)
    window.go_to("section-2")
    settle(qtbot)
    step = window.steps["section-2"]
    board = window.board
    assert isinstance(step, SectionStep) and isinstance(board, BoardStep)
    assert column_in_view(board, ItemKind.EFFECT)
    total = sum(step.splitter.sizes())
    assert step.scroll_area.height() >= 0.35 * total
    viewport = step.scroll_area.viewport()
    whole = [n for n in step.notes.values() if viewport.rect().contains(rect_in(n, viewport))]
    assert len(whole) >= 2  # at least two questions with their notes, not one
    assert all(isinstance(note, NoteEdit) for note in whole)
    window.go_to("section-3")  # the next column of the walk, in view as well
    settle(qtbot)
    assert column_in_view(board, ItemKind.RESULT)
    window.resize(size[0] - 300, size[1])  # a narrower window: the walked column stays in view
    settle(qtbot)
    assert column_in_view(board, ItemKind.RESULT)


def test_a_remembered_splitter_still_leaves_room_for_the_questions(
    qtbot: QtBot, services: Services, demo_id: int
) -> None:
    window = window_at(qtbot, services, demo_id, SIZES[0])
    window.go_to("section-2")
    settle(qtbot)
    step = window.steps["section-2"]
    assert isinstance(step, SectionStep)
    total = sum(step.splitter.sizes())
    step.splitter.setSizes([total - 40, 40])  # dragged almost shut, then the window is used again
    window.go_to("section-3")
    window.go_to("section-2")
    settle(qtbot)
    assert step.scroll_area.height() >= 0.3 * total


# -- item 12 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_no_cut_text_in_the_how_did_it_go_headers(
    qtbot: QtBot, services: Services, demo_id: int, size: tuple[int, int]
) -> None:
    window = window_at(qtbot, services, demo_id, size)
    window.go_to("board")
    board = window.board
    assert isinstance(board, BoardStep)
    board.tabs.setCurrentWidget(board.evaluation)
    settle(qtbot)
    table = board.evaluation
    header = table.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        assert item is not None
        for line in item.text().split("\n"):
            assert metrics.horizontalAdvance(line) + 8 <= header.sectionSize(column), line
        assert item.text().replace("\n", " ") == table.titles[column]


@pytest.mark.parametrize("size", SIZES)
def test_no_cut_text_in_the_ratings_step(qtbot: QtBot, services: Services, demo_id: int, size: tuple[int, int]) -> None:
    window = window_at(qtbot, services, demo_id, size)
    window.go_to("ratings")
    settle(qtbot)
    step = window.steps["ratings"]
    assert isinstance(step, RatingsStep)
    grid = step.grid
    header = grid.verticalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    for position in range(grid.model().rowCount()):
        text = str(grid.model().headerData(position, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole))
        assert QFontMetrics(bold).horizontalAdvance(text) + 8 <= header.width(), text
    left = step.splitter.widget(0)
    assert left is not None and rect_in(grid, left).right() <= left.width()
    assert grid.horizontalHeader().sectionSize(0) >= 30 and not grid.horizontalScrollBar().isVisible()

    step.tabs.setCurrentWidget(step.joint)
    settle(qtbot)
    for joint in step.joint.rows.values():
        placeholder = QFontMetrics(joint.comment.font()).horizontalAdvance(joint.comment.placeholderText())
        assert placeholder + 16 <= joint.comment.width(), joint.comment.placeholderText()

    passing = step.passing
    step.tabs.setCurrentWidget(passing)
    passing.chooser.setCurrentIndex(0)
    passing.start()
    settle(qtbot)
    entry = passing.entry
    scroller = entry.parentWidget()
    assert scroller is not None
    for scale, field in entry.fields.items():  # every scale without scrolling, its text whole beside it
        assert scroller.rect().contains(rect_in(field, scroller)), scale
        label = entry.labels[scale]
        assert scroller.rect().contains(rect_in(label, scroller)), scale
        assert label.width() >= 0.5 * entry.width()
    ends = entry.ends
    assert ends.isVisible() and scroller.rect().contains(rect_in(ends, scroller))
    guide = step.guide
    assert f"1 = {guide.scale_low}" in ends.text() and f"10 = {guide.scale_high}" in ends.text()
    step._set_pass_round(False)
