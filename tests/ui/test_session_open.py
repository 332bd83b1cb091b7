"""Opening a session makes only the step on screen (issue 11, item 20): the others, the board with its 200
cards among them, are made when first shown — and then look just as if they had been made at once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from lardesk.method.logic import ItemKind
from lardesk.services import Services
from lardesk.ui.board.step import BoardStep
from lardesk.ui.bus import ChangeBus
from lardesk.ui.session_steps import SectionStep
from lardesk.ui.session_window import SessionWindow

pytestmark = pytest.mark.gui


def board_of(window: SessionWindow) -> QWidget | None:
    return window.board


def listed(window: SessionWindow) -> list[str]:
    items = (window.step_list.item(row) for row in range(window.step_list.count()))
    return [item.text() for item in items if item is not None]


@pytest.fixture
def demo_id(services: Services) -> int:
    return services.exchange.load_demo()


def test_a_session_opens_with_only_the_step_shown(qtbot: QtBot, services: Services, demo_id: int) -> None:
    window = SessionWindow(services, ChangeBus(services), demo_id)
    qtbot.addWidget(window)
    window.show()
    assert window.current == "parts" and set(window.steps) == {"parts"}
    assert board_of(window) is None
    before = listed(window)
    assert len(before) == len(window.order) == 12

    window.go_to("section-2")  # a section of the program logic brings the board with it
    assert set(window.steps) == {"parts", "section-2", "board"}
    step = window.steps["section-2"]
    board = board_of(window)
    assert isinstance(step, SectionStep) and isinstance(board, BoardStep)
    assert board.parent() is step.splitter
    assert len(board.state.items) == len(services.sessions.snapshot(demo_id).items)

    for step_id in window.order:  # every step, once made, names itself as the list did before
        window.go_to(step_id)
    assert set(window.steps) == set(window.order)
    assert listed(window) == before


def test_a_change_reaches_a_step_made_later(qtbot: QtBot, services: Services, demo_id: int) -> None:
    window = SessionWindow(services, ChangeBus(services), demo_id)
    qtbot.addWidget(window)
    window.show()
    window.bus.run(lambda: services.logic.add_item(demo_id, ItemKind.EFFECT, "Fler kvinnor i ledningen"))
    window.go_to("board")
    board = board_of(window)
    assert isinstance(board, BoardStep)
    texts = [item.text for item in board.state.items.values()]
    assert "Fler kvinnor i ledningen" in texts
