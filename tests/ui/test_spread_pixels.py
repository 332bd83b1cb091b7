"""The spread while values are typed: the fast redraw of changed rows (blitting) must leave exactly the pixels
a full redraw of the same state leaves, on the laptop and on the projector, before and after the reveal."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lardesk.services import NewParticipant, NewSession, Services
from lardesk.ui.bus import ChangeBus
from lardesk.ui.ratings.canvas import SpreadCanvas
from lardesk.ui.ratings.step import RatingsStep

pytestmark = pytest.mark.gui

# typed row by row (Tab: next scale); a dash abstains. Chosen so that rows differ and counts change often.
VALUES = ("7", "3", "-", "9", "5", "10", "2", "6", "8", "4", "4", "1", "8", "7", "5", "3", "9", "6")


def pixels(canvas: SpreadCanvas) -> np.ndarray:
    return np.asarray(canvas.buffer_rgba()).copy()  # type: ignore[no-untyped-call]


def full_redraw(canvas: SpreadCanvas) -> np.ndarray:
    """The same state drawn from scratch: every artist built again and the whole figure drawn."""
    assert canvas._last is not None
    snapshot, options = canvas._last
    canvas.plot.invalidate()
    canvas.show_spread(snapshot, **options)
    canvas.draw()  # type: ignore[no-untyped-call]
    return pixels(canvas)


@pytest.mark.parametrize("revealed", [False, True], ids=["hidden", "revealed"])
@pytest.mark.parametrize("parts", [(1, 2, 3), tuple(range(1, 10))], ids=["four-scales", "nine-scales"])
def test_fast_row_redraws_equal_a_full_redraw(
    qtbot: QtBot, services: Services, revealed: bool, parts: tuple[int, ...]
) -> None:
    made = services.sessions.create_session(
        NewSession(
            organisation="Ankeby kommun",
            date=dt.date(2026, 11, 25),
            participants=tuple(NewParticipant(role=f"Roll {i}") for i in range(4)),
        )
    )
    assert made.new_id is not None
    services.sessions.update_session(made.new_id, parts=parts)
    step = RatingsStep(services, ChangeBus(services), made.new_id)
    qtbot.addWidget(step)
    step.resize(1366, 768)
    step.show()
    projector = step.projector_widget()
    assert projector is not None
    qtbot.addWidget(projector)
    projector.resize(1280, 720)
    projector.show()
    if revealed:
        step.reveal.click()
    canvases = [step.canvas, projector.findChild(SpreadCanvas)]
    assert all(isinstance(c, SpreadCanvas) for c in canvases)
    screens: list[SpreadCanvas] = [c for c in canvases if isinstance(c, SpreadCanvas)]
    qtbot.wait(300)  # the canvases settle at their size (a resize rebuilds the figure after 120 ms) ...
    qtbot.waitUntil(lambda: not any(c.resize_pending for c in screens), timeout=20000)  # ... also on a busy machine
    for canvas in screens:
        canvas.draw()  # type: ignore[no-untyped-call]
    QApplication.processEvents()
    full_before = [c.full_draws for c in screens]
    step.grid.start()
    for value in VALUES:  # the room watches this, one keystroke after another
        QTest.keyClicks(step.grid, value)
        QTest.keyClick(step.grid, Qt.Key.Key_Tab)
        QApplication.processEvents()
    for canvas, before in zip(screens, full_before, strict=True):
        assert canvas.full_draws == before, "the updates took the fast path"
        assert canvas.row_draws >= len(VALUES) // 2
        fast = pixels(canvas)
        full = full_redraw(canvas)
        differ = int((fast != full).any(axis=2).sum())
        assert differ == 0, f"{differ} pixels differ from a full redraw"
