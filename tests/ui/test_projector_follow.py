"""The projector follows the facilitator: a section's current question is shown at once, and Ctrl+↓ / Ctrl+↑
move it between questions without touching the notes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lardesk.services import NewParticipant, NewSession, Services
from lardesk.ui.bus import ChangeBus
from lardesk.ui.session_steps import SectionStep
from lardesk.ui.session_window import SessionWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> SessionWindow:
    made = services.sessions.create_session(
        NewSession(
            organisation="Ankeby kommun",
            date=dt.date(2026, 11, 25),
            parts=frozenset({7, 8}),
            participants=(NewParticipant(role="Förvaltningschef"),),
        )
    )
    assert made.new_id is not None
    opened = SessionWindow(services, ChangeBus(services), made.new_id)
    qtbot.addWidget(opened)
    qtbot.addWidget(opened.projector)
    opened.show()
    opened.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened)
    QTest.keyClick(opened, Qt.Key.Key_F5)  # the projector
    assert opened.projector.isVisible()
    return opened


def test_the_question_is_shown_at_once_and_moved_by_keys(qtbot: QtBot, window: SessionWindow) -> None:
    window.go_to("section-7")
    step = window.steps["section-7"]
    assert isinstance(step, SectionStep)
    questions = step.section.questions
    assert len(questions) >= 2
    assert window.projector.text.isVisible()
    assert window.projector.text.text().startswith(questions[0].text)  # no click into the notes needed
    window.step_list.setFocus()
    QTest.keyClick(window.step_list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.projector.text.text().startswith(questions[1].text)
    assert window.current == "section-7" and window.step_list.hasFocus()
    # from inside a notes field too, and the notes are left as they are
    notes = step.notes[questions[1].number]
    notes.setFocus()
    QTest.keyClicks(notes, "Vi har en plan")
    QTest.keyClick(notes, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.projector.text.text().startswith(questions[0].text)
    assert notes.hasFocus() and notes.toPlainText() == "Vi har en plan"
    QTest.keyClick(notes, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # the first stays the first
    assert window.projector.text.text().startswith(questions[0].text)
    for _ in questions:
        QTest.keyClick(notes, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.projector.text.text().startswith(questions[-1].text)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (1024, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_nine_agreed_parts_fit_the_projector(qtbot: QtBot, services: Services, size: tuple[int, int]) -> None:
    made = services.sessions.create_session(
        NewSession(organisation="Ankeby kommun", date=dt.date(2026, 11, 25), parts=frozenset(range(1, 10)))
    )
    assert made.new_id is not None
    window = SessionWindow(services, ChangeBus(services), made.new_id)
    qtbot.addWidget(window)
    qtbot.addWidget(window.projector)
    window.show()
    window.set_projector_visible(True)
    window.projector.resize(*size)
    window.go_to("parts")
    qtbot.waitUntil(lambda: window.projector.text.height() > 0)
    QApplication.processEvents()
    label = window.projector.text
    titles = [window.context.guide.section(n).title for n in range(1, 10)]
    assert all(f"{n}. {title}" in label.text() for n, title in enumerate(titles, start=1))
    screen = window.projector.rect()
    assert screen.contains(label.geometry()), (label.geometry(), screen)
    box = label.contentsRect()
    metrics = QFontMetricsF(label.font())
    flags = int(Qt.TextFlag.TextWordWrap) | int(label.alignment())
    needed = metrics.boundingRect(QRectF(0, 0, box.width(), 1e6), flags, label.text())
    widest = max(metrics.horizontalAdvance(word) for word in label.text().split())
    assert needed.height() <= box.height() and widest <= box.width(), (label.font().pixelSize(), needed, box)
    assert label.font().pixelSize() >= 16  # still readable from the back of the room
