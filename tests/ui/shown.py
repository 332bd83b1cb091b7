"""A board or ratings step shown as the laptop shows it (1366×768), for the GUI tests that drive one alone."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lardesk.services import Services
from lardesk.ui.board.step import BoardStep
from lardesk.ui.bus import ChangeBus
from lardesk.ui.ratings.step import RatingsStep

LAPTOP = (1366, 768)


def shown_board(
    qtbot: QtBot, services: Services, session_id: int, bus: ChangeBus | None = None, size: tuple[int, int] = LAPTOP
) -> BoardStep:
    step = BoardStep(services, bus or ChangeBus(services), session_id)
    qtbot.addWidget(step)
    step.resize(*size)
    step.show()
    qtbot.waitExposed(step)
    return step


def shown_ratings(qtbot: QtBot, services: Services, session_id: int, *, active: bool = False) -> RatingsStep:
    """``active``: the step's window also has the keyboard (key clicks and shortcuts reach it)."""
    step = RatingsStep(services, ChangeBus(services), session_id)
    qtbot.addWidget(step)
    step.resize(*LAPTOP)
    step.show()
    if active:
        step.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is step)
    else:
        qtbot.waitExposed(step)
    return step


def item_ids(step: BoardStep) -> dict[str, int]:
    """The board's items by their keys ("a1" → id)."""
    return {item.key: item.id for item in step.state.items.values()}
