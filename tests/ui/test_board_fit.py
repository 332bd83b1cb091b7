"""The board in front of the room: words wrapped at word boundaries (a word too wide shrinks the card's type or is
elided, never split or drawn outside the card); on the projector the whole board fits the screen, follows the
selected item and fades the links of others; the facilitator zooms and pans it from the laptop."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lardesk.method.logic import ItemKind
from lardesk.services import NewSession, Services
from lardesk.ui.board.scene import BoardScene, CardItem
from lardesk.ui.board.step import BoardStep, ProjectorBoard
from tests.ui.shown import shown_board

pytestmark = pytest.mark.gui

LONG_TEXTS = (
    (ItemKind.ACTIVITY, "Utbildningsprogrammet för jämställdhetssäkrad verksamhetsutveckling"),
    (ItemKind.RESULT, "Jämställdhetssäkrad"),
    (ItemKind.EFFECT, "Könskonsekvensbeskrivningsutbildningsprogrammet genomfört i alla förvaltningar"),
    (ItemKind.RESOURCE, "Jämställdhetsstrategernas arbetstid"),
)


@pytest.fixture
def session_id(services: Services) -> int:
    made = services.sessions.create_session(NewSession(organisation="Ankeby kommun", date=dt.date(2026, 11, 25)))
    assert made.new_id is not None
    for kind, text in LONG_TEXTS:
        services.logic.add_item(made.new_id, kind, text)
    return made.new_id


def assert_inside(card: CardItem) -> None:
    """Every line of the card's text within the card: no word split, nothing wider than the card's inside."""
    look = card.board.look
    pad = look.s(look.pad)
    inner = card.width - 2 * pad
    metrics = QFontMetricsF(font_of(card))
    words = card.info.text.split()
    for line in card._text_lines:
        assert metrics.horizontalAdvance(line) <= inner + 0.5, (line, metrics.horizontalAdvance(line), inner)
        for word in line.split():
            assert word in words or (word.endswith("…") and any(w.startswith(word[:-1]) for w in words)), word
    bottom = card._text_top + len(card._text_lines) * metrics.lineSpacing()
    assert bottom <= card.height + 0.5


def font_of(card: CardItem) -> QFont:
    font = getattr(card, "text_font", card.board.text_font)
    assert isinstance(font, QFont)
    return font


def cards(scene: BoardScene) -> list[CardItem]:
    return list(scene.cards.values())


def laptop_and_projector(
    qtbot: QtBot, services: Services, session_id: int, size: tuple[int, int]
) -> tuple[BoardStep, ProjectorBoard]:
    """The board step and its projector view, both shown at ``size``."""
    step = shown_board(qtbot, services, session_id, size=size)
    projector = step.projector_widget()
    assert isinstance(projector, ProjectorBoard)
    qtbot.addWidget(projector)
    projector.resize(*size)
    projector.show()
    QApplication.processEvents()
    return step, projector


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_words_stay_whole_and_inside_their_cards(
    qtbot: QtBot, services: Services, session_id: int, size: tuple[int, int]
) -> None:
    step, projector = laptop_and_projector(qtbot, services, session_id, size)
    for scene in (step.scene, projector.board):
        assert len(scene.cards) == len(LONG_TEXTS)
        for card in cards(scene):
            assert_inside(card)
    shrunk = [c for c in cards(projector.board) if font_of(c).pointSizeF() < projector.board.text_font.pointSizeF()]
    assert shrunk  # the long compounds made their cards' type smaller rather than break


@pytest.fixture
def demo(qtbot: QtBot, services: Services, example_id: int) -> tuple[BoardStep, ProjectorBoard]:
    step = shown_board(qtbot, services, example_id)
    projector = step.projector_widget()
    assert isinstance(projector, ProjectorBoard)
    qtbot.addWidget(projector)
    return step, projector


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_whole_demo_board_fits_the_projector(
    qtbot: QtBot, demo: tuple[BoardStep, ProjectorBoard], size: tuple[int, int]
) -> None:
    _, projector = demo
    projector.resize(*size)
    projector.show()
    qtbot.waitExposed(projector)
    QApplication.processEvents()
    board = projector.board.itemsBoundingRect()
    shown = projector.mapFromScene(board).boundingRect()
    assert projector.viewport().rect().adjusted(-1, -1, 1, 1).contains(shown), (shown, projector.viewport().rect())
    assert projector.zoom == pytest.approx(projector.fit_zoom)  # nothing zoomed yet: the whole board


def test_the_projector_follows_the_selected_item_and_the_facilitator(
    qtbot: QtBot, demo: tuple[BoardStep, ProjectorBoard]
) -> None:
    step, projector = demo
    projector.resize(1920, 1080)
    projector.show()
    qtbot.waitExposed(projector)
    QApplication.processEvents()
    whole = projector.zoom
    step.activateWindow()  # the laptop's window has the keyboard (the projector window gives it back)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is step)
    key = {item.key: item.id for item in step.state.items.values()}
    step.view.setFocus()
    step.view.select_and_show(key["res2"])  # as the arrow keys do
    card = projector.board.cards[key["res2"]]
    linked = [arrow.other(card) for arrow in [*card.left_arrows, *card.right_arrows]]
    assert linked
    shown = projector.shown_area()
    for item in (card, *linked):
        assert shown.contains(item.sceneBoundingRect()), item.info.key
    assert projector.zoom > whole
    mine = {*card.left_arrows, *card.right_arrows}
    for arrow in projector.board.arrows.values():
        assert arrow.emphasis == (arrow in mine) and arrow.faded == (arrow not in mine)
    laptop_card = step.scene.cards[key["res2"]]
    laptop_mine = {*laptop_card.left_arrows, *laptop_card.right_arrows}
    assert all(a.faded == (a not in laptop_mine) for a in step.scene.arrows.values())  # the laptop too

    # the facilitator zooms and pans the projector from the laptop's keyboard
    zoom = projector.zoom
    QTest.keyClick(step.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert projector.zoom > zoom
    centre = projector.shown_area().center()
    QTest.keyClick(step.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert projector.shown_area().center().x() > centre.x()
    assert step.view.hasFocus() and step.scene.selected_id() == key["res2"]  # the laptop's board is untouched
    QTest.keyClick(step.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert projector.zoom == pytest.approx(whole)
    board = projector.mapFromScene(projector.board.itemsBoundingRect()).boundingRect()
    assert projector.viewport().rect().adjusted(-1, -1, 1, 1).contains(board)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_badge_shows_its_whole_text(
    qtbot: QtBot, services: Services, example_id: int, size: tuple[int, int]
) -> None:
    """The amounts of a resource ("250 000 kr / 180 000 kr"), the gap codes and the tags: never cut off."""
    resource = next(i for i in services.sessions.snapshot(example_id).items if i.kind is ItemKind.RESOURCE)
    services.logic.update_item(resource.id, budget_sek=12_500_000, spent_sek=11_999_999)
    step, projector = laptop_and_projector(qtbot, services, example_id, size)
    seen = 0
    for scene in (step.scene, projector.board):
        metrics = QFontMetricsF(scene.badge_font)
        for card in cards(scene):
            for badge in card._badges:
                assert " ".join(badge.lines) == badge.text  # wrapped between words at most, nothing elided
                for line in badge.lines:
                    assert metrics.horizontalAdvance(line) <= badge.rect.width() + 0.5, (line, badge.rect)
                assert QRectF(0, 0, card.width, card.height).contains(badge.rect), (badge.text, badge.rect)
                seen += "12 500 000" in badge.text.replace("\u00a0", " ")
    assert seen == 2  # the large amounts are shown whole, on the laptop and on the projector
