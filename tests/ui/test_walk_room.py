"""What a keyboard-only facilitator met walking a whole session in front of a projector (the walk of
2026-12-01): each test drives the real widgets the way the walk did."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from lardesk.services import Services
from lardesk.ui.ratings.step import RatingsStep
from tests.ui.test_flow import new_session, open_window

pytestmark = pytest.mark.gui

ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_alt_letters_reach_every_ratings_tab_without_starting_a_pass_round(qtbot: QtBot, services: Services) -> None:
    """Arrowing along the tabs passes *Skicka runt*, which hands the laptop round and locks the others; the
    joint assessment, the forms and the history must be reachable from the keyboard without that."""
    window = open_window(qtbot, services, new_session(services))
    window.go_to("ratings")
    step = window.steps["ratings"]
    assert isinstance(step, RatingsStep)
    step.grid.setFocus()
    qtbot.waitUntil(step.grid.hasFocus)
    for letter, page in ((Qt.Key.Key_A, step.joint), (Qt.Key.Key_B, step.printed), (Qt.Key.Key_H, step.history)):
        QTest.keyClick(focused(), letter, ALT)
        assert step.tabs.currentWidget() is page
        assert not step.pass_round
    QTest.keyClick(focused(), Qt.Key.Key_T, ALT)
    assert step.tabs.currentWidget() is step.grid.parentWidget()
