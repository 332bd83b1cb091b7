"""What a keyboard-only facilitator met walking a whole session in front of a projector (the walk of
2026-12-01): each test drives the real widgets the way the walk did."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFontMetricsF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lardesk.method.logic import ItemKind
from lardesk.services import Services
from lardesk.ui.board.scene import BoardScene
from lardesk.ui.board.step import BoardStep, ProjectorBoard
from lardesk.ui.bus import ChangeBus
from lardesk.ui.ratings.canvas import SpreadCanvas
from lardesk.ui.ratings.step import RatingsStep
from lardesk.ui.session_dialogs import NewSessionDialog
from lardesk.ui.session_steps import PartsStep, SectionStep
from lardesk.ui.session_window import SessionWindow
from tests.ui.test_flow import new_session, open_window
from tests.ui.test_session_walk import type_text

pytestmark = pytest.mark.gui

ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def at_the_ratings(qtbot: QtBot, services: Services) -> tuple[SessionWindow, RatingsStep]:
    """A new session's window, at its ratings step."""
    window = open_window(qtbot, services, new_session(services))
    window.go_to("ratings")
    step = window.steps["ratings"]
    assert isinstance(step, RatingsStep)
    return window, step


def on_the_board(qtbot: QtBot, services: Services) -> tuple[SessionWindow, BoardStep]:
    """A new session's window, at its board step (as Ctrl+PgDown from the parts would leave it)."""
    window = open_window(qtbot, services, new_session(services))
    window.go_to("board")
    board = window.board
    assert isinstance(board, BoardStep)
    return window, board


def test_alt_letters_reach_every_ratings_tab_without_starting_a_pass_round(qtbot: QtBot, services: Services) -> None:
    """Arrowing along the tabs passes *Skicka runt*, which hands the laptop round and locks the others; the
    joint assessment, the forms and the history must be reachable from the keyboard without that."""
    _window, step = at_the_ratings(qtbot, services)
    step.grid.setFocus()
    qtbot.waitUntil(step.grid.hasFocus)
    for letter, page in ((Qt.Key.Key_A, step.joint), (Qt.Key.Key_B, step.printed), (Qt.Key.Key_H, step.history)):
        QTest.keyClick(focused(), letter, ALT)
        assert step.tabs.currentWidget() is page
        assert not step.pass_round
    QTest.keyClick(focused(), Qt.Key.Key_T, ALT)
    assert step.tabs.currentWidget() is step.grid.parentWidget()


def test_l_starts_at_the_top_of_the_list_for_each_item(qtbot: QtBot, services: Services) -> None:
    """L, Down, Space links the first item to the second target; L and Space on the next item must tick its
    first target, not the row the previous item's list was left at."""
    _window, board = on_the_board(qtbot, services)
    ids = {
        text: board.add_item(kind, text)
        for kind, text in (
            (ItemKind.RESULT, "Alla chefer är utbildade"),
            (ItemKind.RESULT, "Rutinen är könskonsekvensbeskriven"),
            (ItemKind.ACTIVITY, "Utbilda cheferna"),
            (ItemKind.ACTIVITY, "Analysera sjukfrånvaron"),
        )
    }
    first, second = ids["Utbilda cheferna"], ids["Analysera sjukfrånvaron"]
    assert first is not None and second is not None
    board.view.setFocus()
    board.select_item(first)
    QTest.keyClick(board.view, Qt.Key.Key_L)
    links = board.editor.links
    assert links.hasFocus() and links.currentRow() == 0
    QTest.keyClick(links, Qt.Key.Key_Down)
    QTest.keyClick(links, Qt.Key.Key_Space)
    QTest.keyClick(links, Qt.Key.Key_Escape)
    assert board.view.hasFocus()
    QTest.keyClick(board.view, Qt.Key.Key_Down)
    assert board.scene.selected_id() == second
    QTest.keyClick(board.view, Qt.Key.Key_L)
    assert links.currentRow() == 0
    QTest.keyClick(links, Qt.Key.Key_Space)
    assert board.state.targets(first) == [ids["Rutinen är könskonsekvensbeskriven"]]
    assert board.state.targets(second) == [ids["Alla chefer är utbildade"]]


def test_from_the_board_ctrl_pgdown_puts_the_keyboard_in_the_first_notes(qtbot: QtBot, services: Services) -> None:
    """The board moves with the walk into section 1; the keyboard must go with the facilitator into the
    notes, not stay behind in the step list (where typing a note would jump between steps)."""
    window, board = on_the_board(qtbot, services)
    board.view.setFocus()
    qtbot.waitUntil(board.view.hasFocus)
    QTest.keyClick(focused(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current == "section-1"
    section = window.steps["section-1"]
    assert isinstance(section, SectionStep)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is section.notes[1])
    QTest.keyClick(focused(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current == "board" and board.isAncestorOf(focused())
    # from the step list (Ctrl+L) the keyboard stays in the list
    QTest.keyClick(focused(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.step_list.hasFocus()
    QTest.keyClick(focused(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current == "section-1" and window.step_list.hasFocus()


def test_the_empty_starting_points_column_shows_its_whole_title_on_the_projector(
    qtbot: QtBot, services: Services
) -> None:
    """Section 1 walks the starting points; while that column is empty it is narrower than the others, and on
    the projector its title read "Utgångspu… (0)"."""
    window, board = on_the_board(qtbot, services)
    board.add_item(ItemKind.EFFECT, "Kvinnor och män får likvärdigt stöd")
    window.set_projector_visible(True)
    window.projector.resize(1920, 1080)
    window.go_to("section-1")
    projected = window.projector.findChildren(ProjectorBoard)
    assert projected
    for scene in (board.scene, projected[-1].scene()):
        assert isinstance(scene, BoardScene)
        header = scene._headers[ItemKind.STARTING_POINT]
        assert header.text == "▶ Utgångspunkter (0)"
        assert "…" not in " ".join(header._lines)
        metrics = QFontMetricsF(scene.header_font)
        assert all(metrics.horizontalAdvance(line) <= header.width for line in header._lines)


def test_f8_shows_the_values_and_leaves_the_keyboard_where_it_was(qtbot: QtBot, services: Services) -> None:
    """F8 (*Visa värdena*) is pressed while typing in the grid; the keyboard must stay in the grid."""
    window, step = at_the_ratings(qtbot, services)
    step.grid.setFocus()
    qtbot.waitUntil(step.grid.hasFocus)
    QTest.keyClick(focused(), Qt.Key.Key_F8)
    qtbot.waitUntil(step.reveal.isChecked)
    assert step.revealed and step.grid.hasFocus()
    QTest.keyClick(focused(), Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: not step.reveal.isChecked())
    assert step.grid.hasFocus()
    assert 1 not in services.sessions.snapshot(window.session_id).session.revealed_rounds
    window.step_list.setFocus()  # F8 works wherever the keyboard is in the window, as before
    qtbot.waitUntil(window.step_list.hasFocus)
    QTest.keyClick(focused(), Qt.Key.Key_F8)
    qtbot.waitUntil(step.reveal.isChecked)
    assert window.step_list.hasFocus()


def test_the_joint_tab_is_ready_to_type_in(qtbot: QtBot, services: Services) -> None:
    """Alt+A: the keyboard goes to the first scale's joint value, as the other tabs put it in their first field
    (it stayed on the page, and Tab went to the tab bar before the first value)."""
    window, step = at_the_ratings(qtbot, services)
    step.grid.setFocus()
    qtbot.waitUntil(step.grid.hasFocus)
    QTest.keyClick(focused(), Qt.Key.Key_A, ALT)
    first = step.joint.rows[min(step.joint.rows)]
    qtbot.waitUntil(first.value.hasFocus)
    QTest.keyClicks(focused(), "7")
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert first.comment.hasFocus()
    joint = services.sessions.snapshot(window.session_id).joint_for(min(step.joint.rows))
    assert joint is not None and joint.value == 7


def test_every_control_that_takes_the_keyboard_has_a_name(qtbot: QtBot, services: Services) -> None:
    """A screen reader says a control's accessible name, a button's words or its label's (buddy); the board's
    zoom buttons said only "−" and "+"."""
    window = open_window(qtbot, services, new_session(services))
    for step_id in window.order:
        window.go_to(step_id)
    buddies = {id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy() is not None}
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or isinstance(widget, (QTabBar, QTabWidget, QScrollArea)):
            continue  # a tab bar says its tabs; a scroll area is a container (its fields speak)
        parent = widget.parentWidget()
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QAbstractScrollArea)):
            continue  # the line edit inside a spin box or combo box, a view's viewport: the outer widget speaks
        if isinstance(widget, QListView) and isinstance(parent, QFrame) and parent.isWindow():
            continue  # a combo box's popup list
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not any(c.isalpha() for c in widget.accessibleName() + text) and id(widget) not in buddies:
            unnamed.append(f"{type(widget).__name__} {text!r} {widget.toolTip()!r}")
    assert unnamed == [], "\n".join(unnamed)


def test_tab_from_the_last_gender_goes_on_down_the_dialog(qtbot: QtBot, services: Services) -> None:
    """Role, Tab, name, Tab, gender: the next Tab goes on to the buttons below, not back to the top."""
    dialog = NewSessionDialog(services, "sv")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.table.setFocus()
    QTest.keyClick(focused(), Qt.Key.Key_Return)  # the first row, its role being typed
    for role, name, gender in (("Förvaltningschef", "Anna", "K"), ("Controller", "Bo", "M")):
        type_text(qtbot, focused(), role)
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        type_text(qtbot, focused(), name)
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        assert isinstance(focused(), QComboBox) and dialog.table.isAncestorOf(focused())
        QTest.keyClicks(focused(), gender)
        if role == "Förvaltningschef":
            QTest.keyClick(focused(), Qt.Key.Key_Return)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.add_person
    assert [(p.role, p.name, p.gender.value) for p in dialog.participants()] == [
        ("Förvaltningschef", "Anna", "woman"),
        ("Controller", "Bo", "man"),
    ]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_section_shows_the_walked_column_readably_on_the_projector(
    qtbot: QtBot, services: Services, example_id: int, size: tuple[int, int]
) -> None:
    """Under a section's question the whole worksheet board was too small to read from the back of the room
    (card text about 4 pixels high at 1280 × 720): it shows the column being walked, with its neighbours."""
    window = open_window(qtbot, services, example_id)
    window.set_projector_visible(True)
    window.projector.resize(*size)
    window.go_to("section-2")  # the expected effects
    projected = window.projector.findChildren(ProjectorBoard)[-1]
    qtbot.waitUntil(lambda: projected.isVisible() and projected.viewport().height() > 0)
    projected.fit_width()
    shown = projected.shown_area()
    effects = [card for card in projected.board.cards.values() if card.info.kind is ItemKind.EFFECT]
    assert effects
    for card in effects:
        assert shown.contains(card.sceneBoundingRect()), card.info.key
    line_px = QFontMetricsF(projected.board.text_font).height()
    assert line_px * projected.zoom >= 12, line_px * projected.zoom  # the whole board: about 5
    assert projected.zoom >= 2 * projected.fit_zoom
    # Ctrl+Shift+0 from the laptop's board: the whole board again
    board = window.board
    assert isinstance(board, BoardStep)
    board.view.setFocus()
    qtbot.waitUntil(board.view.hasFocus)
    QTest.keyClick(focused(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert projected.zoom == pytest.approx(projected.fit_zoom)


def projected_dot(qtbot: QtBot, step: RatingsStep, size: tuple[int, int]) -> float:
    """The diameter of a value's dot on a projector of ``size``, as a share of the spread's height."""
    projector = step.projector_widget()
    assert projector is not None
    qtbot.addWidget(projector)
    projector.resize(*size)
    projector.show()
    canvas = projector.findChild(SpreadCanvas)
    assert isinstance(canvas, SpreadCanvas)
    qtbot.wait(300)  # the canvas settles at its size (a resize builds the figure again after 120 ms) ...
    qtbot.waitUntil(lambda: not canvas.resize_pending, timeout=20000)  # ... also on a machine too busy for 300 ms
    diameter_pt = max(float(np.sqrt(row.values.get_sizes()[0])) for row in canvas.plot._rows)
    return float(diameter_pt * float(canvas.figure.dpi) / 72 / canvas.height())


def test_a_small_projector_shows_the_spread_as_a_large_one_does(qtbot: QtBot, services: Services) -> None:
    """At 1280 × 720 the projector's type kept its 1080-line size, took the room and left dots of 6 pixels
    when four people gave the same value; the picture is now the same at both sizes."""
    session_id = new_session(services, people=5)
    for person, value in zip(services.sessions.snapshot(session_id).participants, (6, 6, 6, 6, 5), strict=True):
        services.ratings.set_ratings(person.id, dict.fromkeys(range(1, 10), value))
    step = RatingsStep(services, ChangeBus(services), session_id)
    qtbot.addWidget(step)
    step.resize(1366, 768)
    step.show()
    step.reveal.click()
    large = projected_dot(qtbot, step, (1920, 1080))
    small = projected_dot(qtbot, step, (1280, 720))
    assert small >= 0.85 * large, (small, large)


def test_esc_in_the_new_item_field_goes_back_to_the_board(qtbot: QtBot, services: Services) -> None:
    """Ctrl+N, the text, Enter adds an item; Esc takes the keyboard to the board, at the new item, ready for L
    (it took seven Tabs, past the zoom and export buttons), as Esc does in the link list and the indicators."""
    _window, board = on_the_board(qtbot, services)
    board.view.setFocus()
    qtbot.waitUntil(board.view.hasFocus)
    QTest.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert board.new_text.hasFocus()
    type_text(qtbot, focused(), "Kvinnor och män får likvärdigt stöd")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    assert board.view.hasFocus()
    selected = board.scene.selected_id()
    assert selected is not None and board.state.items[selected].text == "Kvinnor och män får likvärdigt stöd"


def test_a_long_title_shows_its_beginning(qtbot: QtBot, services: Services) -> None:
    """In English the labels are wider and the title field narrower: the demo's title read "ärande
    uppföljning – exempel ur …" (a loaded text showed its end, where the cursor was put)."""
    title = "Lärande uppföljning – exempel ur handledningens bilaga 1, med ett långt tillägg om förvaltningen"
    window = open_window(qtbot, services, new_session(services, title=title))
    window.resize(1280, 736)
    parts = window.steps["parts"]
    assert isinstance(parts, PartsStep)
    field = parts.details["title"].widget
    assert isinstance(field, QLineEdit) and field.text() == title
    assert field.fontMetrics().horizontalAdvance(title) > field.width()  # it does not fit
    assert not field.hasFocus() and field.cursorPosition() == 0
    assert field.cursorRect().left() < field.fontMetrics().horizontalAdvance("Lä")  # the first letters in view
    # an improvement action made with a long text shows its beginning too
    window.bus.run(lambda: services.sessions.add_improvement(window.session_id, title, 1, "", None))
    window.go_to("section-1")
    section = window.steps["section-1"]
    assert isinstance(section, SectionStep)
    qtbot.waitUntil(lambda: len(section.action_editor.rows) == 1)
    action = section.action_editor.rows[0].text
    assert action.text() == title and action.cursorPosition() == 0


def rows_cut(window: SessionWindow) -> list[str]:
    """The rows of the step list whose wrapped text is taller than the row shows, or elided."""
    steps = window.step_list
    width = steps.viewport().width() - 2 * 4 - 2
    cut = []
    for row in range(steps.count()):
        item = steps.item(row)
        needed = steps.fontMetrics().boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), item.text()
        )
        if steps.visualItemRect(item).height() < needed.height():
            cut.append(item.text())
    return cut


def test_the_step_list_wraps_its_rows_again_when_it_changes_width(
    qtbot: QtBot, services: Services, example_id: int
) -> None:
    """After a pass round (the left column narrower, then wide again) the step list read "4. Förmedlande
    instanser …" over an empty line: its rows kept the height of the other width."""
    window = open_window(qtbot, services, example_id)
    window.resize(1280, 736)
    total = sum(window.splitter.sizes())
    column = window.step_list.parentWidget()
    assert column is not None
    for left in (150, 260, 170, 220):
        window.splitter.setSizes([left, total - left])
        qtbot.waitUntil(lambda: abs(column.width() - window.splitter.sizes()[0]) < 2)
        QApplication.processEvents()
        assert rows_cut(window) == [], left


def test_the_projector_button_comes_after_the_export_buttons_in_the_tab_order(qtbot: QtBot, services: Services) -> None:
    """The *Projektorn* menu (zoom and pan the projector's board) is reached with Tab from Spara SVG…, where it
    sits, not after the findings at the far end of the step, and opens from the keyboard."""
    _window, board = on_the_board(qtbot, services)
    board.svg_button.setFocus()
    qtbot.waitUntil(board.svg_button.hasFocus)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is board.projector_button
    assert board.projector_button.accessibleName() or board.projector_button.text() == "Projektorn"
    shown: list[str] = []

    def look_and_close() -> None:  # the menu runs its own event loop while it is open
        if board.projector_menu.isVisible():
            shown.extend(action.text() for action in board.projector_menu.actions())
        board.projector_menu.close()

    QTimer.singleShot(300, look_and_close)
    QTest.keyClick(board.projector_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0] == "Projektorn: större" and not board.projector_menu.isVisible()
