"""The facilitator's session window: the progress through the agreed steps on the left, the current step
on the right, the reflection timer and the projector one key away.

Steps are created once and shown in a QStackedWidget; their order is derived from the session (the agreed
sections in the guide's order) every time the session changes, so agreeing on other parts mid-session
simply changes the list. The program-logic board (issue 4) and the ratings (issue 5) are other packages;
they are imported lazily and left out while they do not exist.
"""

from __future__ import annotations

import inspect
import logging
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.guide import PROGRAM_LOGIC_WALK
from lardesk.method.logic import SECTION_OF_KIND, WALK_ORDER
from lardesk.method.snapshot import SessionSnapshot
from lardesk.services import Changed, Changes, InputError
from lardesk.ui.bus import ChangeBus
from lardesk.ui.projector import ProjectorWindow
from lardesk.ui.session_steps import Context, DeferredActionsStep, PartsStep, SectionStep, guide_for
from lardesk.ui.settings import restore_splitter, restore_window, save_splitter, save_window
from lardesk.ui.steps import Step
from lardesk.ui.timer import ReflectionTimer
from lardesk.ui.wrapping import WrappingList
from lardesk.ui.write_through import flush_all

if TYPE_CHECKING:
    from lardesk.services import Services

log = logging.getLogger(__name__)

SETTINGS_KEY = "session"
KIND_OF_SECTION = {section: kind for kind, section in SECTION_OF_KIND.items()}
"""Sections 1–6 each discuss one column of the board, which is highlighted while the section is open."""

StepFactory = Callable[["Services", ChangeBus, int, QWidget | None], QWidget]


def board_step() -> StepFactory:
    from lardesk.ui.board.step import BoardStep  # imported when the step is first shown (start-up stays fast)

    return BoardStep


def ratings_step() -> StepFactory:
    from lardesk.ui.ratings.step import RatingsStep

    return RatingsStep


STEP_LIST_WIDTH = 210
"""The list of steps at first: titles wrap, and on a 1366-pixel laptop every pixel goes to the step."""


def default_size(window: QWidget) -> QSize:
    """1280 × 760, or the screen's free area if it is smaller (a 1366 × 768 laptop with its taskbar)."""
    free = window.screen().availableGeometry()
    return QSize(min(1280, free.width()), min(760, free.height() - FRAME_ALLOWANCE))


FRAME_ALLOWANCE = 32
"""Room for the window manager's title bar above the window's own height."""


def fit_to_screen(window: QWidget) -> None:
    """A remembered size from a larger screen (the projector's, an office monitor) shrinks to this one."""
    free = window.screen().availableGeometry()
    width = min(window.width(), free.width())
    height = min(window.height(), free.height() - FRAME_ALLOWANCE)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    if not free.contains(window.frameGeometry().topLeft()):
        window.move(free.topLeft())


class Steps(dict[str, Step]):
    """The steps made so far, by id; asking for one that is not made yet makes it (``get`` included)."""

    def __init__(self, make: Callable[[str], Step | None]) -> None:
        super().__init__()
        # a weak reference: the window owns its steps, the steps must not keep the (closed) window alive
        self._make = weakref.WeakMethod(make) if inspect.ismethod(make) else (lambda: make)
        self._making: set[str] = set()

    def made(self, step_id: str, step: Step) -> None:
        super().__setitem__(step_id, step)

    def __missing__(self, step_id: str) -> Step:
        step = self.get(step_id)
        if step is None:
            raise KeyError(step_id)
        return step

    def get(self, step_id: str, default: Step | None = None) -> Step | None:  # type: ignore[override]
        if step_id in self:
            return super().__getitem__(step_id)
        if step_id in self._making:
            return default
        make = self._make()
        if make is None:
            return default
        self._making.add(step_id)
        try:
            step = make(step_id)
        finally:
            self._making.discard(step_id)
        return step if step is not None else default


class SessionWindow(QMainWindow):
    closed = Signal(int)
    quit_requested = Signal()
    """Ctrl+Q: the facilitator quits lardesk (the main window closes every window, saving what is typed)."""

    def __init__(self, services: Services, bus: ChangeBus, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services, self.bus, self.session_id = services, bus, session_id
        snapshot = services.sessions.snapshot(session_id)
        self.snapshot = snapshot
        self.undo = QUndoStack(self)
        self.context = Context(services, bus, self.undo, session_id, guide_for(snapshot.session.language))
        self.steps = Steps(self._make_step)
        """The steps made so far: a step is made when it is first shown (or asked for), not when the window
        opens, so that a session opens at once however large it is."""
        self.pages: dict[str, QWidget] = {}
        """Optional steps that could not be made: left out of the order."""
        self.order: list[str] = []
        self.stale: set[str] = set()
        self.current = ""
        self.board: QWidget | None = None
        self.board_page: QWidget | None = None
        self.projector = ProjectorWindow(self)
        self._build(snapshot)
        bus.changed.connect(self._changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self._arrange(snapshot)
        start = snapshot.session.current_step if snapshot.session.current_step in self.order else self.order[0]
        self.go_to(start, remember=False)
        if not restore_window(self, SETTINGS_KEY):
            self.resize(default_size(self))
        fit_to_screen(self)
        restore_splitter(self.splitter, SETTINGS_KEY)

    # -- building ---------------------------------------------------------------------------------------
    def _show_title(self, snapshot: SessionSnapshot) -> None:
        """The organisation and the session's title (or period, or date), as they are now: it follows edits."""
        info = snapshot.session
        self.setWindowTitle(
            self.tr("%1 – %2 – lardesk")
            .replace("%1", info.organisation.display_name)
            .replace("%2", info.title or info.period or info.date.isoformat())
        )

    def _build(self, snapshot: SessionSnapshot) -> None:
        self._show_title(snapshot)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        self.progress_label = QLabel(left)
        self.progress = QProgressBar(left)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName(self.tr("Hur långt uppföljningen har kommit"))
        # rows that wrap and are measured again when the column changes width (a pass round narrows it)
        self.step_list = WrappingList(left)
        self.step_list.setAccessibleName(self.tr("Uppföljningens steg"))
        self.step_list.setSpacing(2)
        self.step_list.currentRowChanged.connect(self._row_chosen)
        self.progress_label.setBuddy(self.step_list)
        left_layout.addWidget(self.progress_label)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.step_list, 1)
        self.stack = QStackedWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([STEP_LIST_WIDTH, 1000])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.timer = ReflectionTimer(self)
        self.timer.state_changed.connect(self.projector.set_timer)
        bar = QToolBar(self.tr("Uppföljning"), self)
        bar.setObjectName("sessionToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.previous_button = QPushButton(self.tr("◀ Föregående"), self)
        self.previous_button.setAccessibleName(self.tr("Föregående steg"))
        self.previous_button.clicked.connect(self.previous_step)
        self.next_button = QPushButton(self.tr("Nästa ▶"), self)
        self.next_button.setAccessibleName(self.tr("Nästa steg"))
        self.next_button.clicked.connect(self.next_step)
        self.projector_button = QPushButton(self.tr("Projektor"), self)
        self.projector_button.setCheckable(True)
        self.projector_button.setAccessibleName(self.tr("Visa eller dölj projektorvyn"))
        self.projector_button.toggled.connect(self.set_projector_visible)
        holder = QWidget(self)
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(4, 2, 4, 2)
        holder_layout.addWidget(self.previous_button)
        holder_layout.addWidget(self.next_button)
        holder_layout.addStretch(1)
        holder_layout.addWidget(self.timer)
        holder_layout.addSpacing(16)
        holder_layout.addWidget(self.projector_button)
        bar.addWidget(holder)
        self._actions()
        self.statusBar().showMessage(self.tr("Allt du skriver sparas direkt."))

    def _action(self, text: str, keys: list[QKeySequence], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _actions(self) -> None:
        key = QKeySequence
        session_menu = self.menuBar().addMenu(self.tr("&Uppföljning"))
        self.minutes_action = self._action(
            self.tr("Minnesanteckningar (PDF/Word)…"), [key("Ctrl+P")], self.write_minutes
        )
        session_menu.addAction(self.minutes_action)
        session_menu.addSeparator()
        session_menu.addAction(self._action(self.tr("Stäng"), [key("Ctrl+W"), key("Ctrl+F4")], self.close))
        self.quit_action = self._action(self.tr("Avsluta lardesk"), [key("Ctrl+Q")], self.quit_requested.emit)
        session_menu.addAction(self.quit_action)
        edit = self.menuBar().addMenu(self.tr("&Redigera"))
        self.undo_action = self.undo.createUndoAction(self, self.tr("Ångra"))
        self.undo_action.setShortcuts(key.keyBindings(key.StandardKey.Undo))
        self.redo_action = self.undo.createRedoAction(self, self.tr("Gör om"))
        self.redo_action.setShortcuts(key.keyBindings(key.StandardKey.Redo))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        go = self.menuBar().addMenu(self.tr("&Gå till"))
        self.next_action = self._action(self.tr("Nästa steg"), [key("Ctrl+PgDown"), key("Alt+Right")], self.next_step)
        self.previous_action = self._action(
            self.tr("Föregående steg"), [key("Ctrl+PgUp"), key("Alt+Left")], self.previous_step
        )
        self.list_action = self._action(self.tr("Välj steg i listan"), [key("Ctrl+L")], self.step_list.setFocus)
        self.next_question_action = self._action(
            self.tr("Nästa fråga på projektorn"), [key("Ctrl+Down")], lambda: self.move_question(1)
        )
        self.previous_question_action = self._action(
            self.tr("Föregående fråga på projektorn"), [key("Ctrl+Up")], lambda: self.move_question(-1)
        )
        for action in (
            self.next_action,
            self.previous_action,
            self.list_action,
            self.next_question_action,
            self.previous_question_action,
        ):
            go.addAction(action)
        view = self.menuBar().addMenu(self.tr("&Visa"))
        self.timer_action = self._action(self.tr("Starta/pausa betänketid"), [key("F6")], self.timer.toggle)
        self.timer_reset_action = self._action(self.tr("Nollställ betänketid"), [key("Shift+F6")], self.timer.reset)
        self.projector_action = self._action(
            self.tr("Visa/dölj projektorvyn"), [key("F5")], self.projector_button.toggle
        )
        self.full_screen_action = self._action(
            self.tr("Projektorvyn i helskärm"), [key("F11")], self.projector_full_screen
        )
        for action in (self.timer_action, self.timer_reset_action, self.projector_action, self.full_screen_action):
            view.addAction(action)

    # -- steps --------------------------------------------------------------------------------------------
    def step_order(self, snapshot: SessionSnapshot) -> list[str]:
        agreed = snapshot.session.agreed_sections
        order = ["parts"]
        if any(n in agreed for n in PROGRAM_LOGIC_WALK):
            order.append("board")
        order += [f"section-{n}" for n in agreed]
        order.append("ratings")
        if snapshot.session.defer_improvements:
            order.append("improvements")
        return order

    def step_title(self, step_id: str) -> str:
        """A step's title for the list, whether the step is made yet or not."""
        if step_id in self.steps:
            return self.steps[step_id].title()
        guide = self.context.guide
        if step_id.startswith("section-"):
            number = int(step_id.split("-")[1])
            return f"{number}. {guide.section(number).title}"
        titles = {
            "parts": QCoreApplication.translate("PartsStep", "Överenskommelse om delar"),
            "board": QCoreApplication.translate("BoardStep", "Programlogik"),
            "ratings": QCoreApplication.translate("RatingsStep", "Personlig bedömning"),
            "improvements": QCoreApplication.translate("DeferredActionsStep", "Vad kan göras till nästa år?"),
        }
        return titles.get(step_id, step_id)

    def _make_step(self, step_id: str) -> Step | None:
        """Make a step of this session (called by ``self.steps`` when a step is first wanted)."""
        if step_id == "board":
            self._ensure_step("board", board_step())
            self.board = cast(QWidget, self.steps["board"])
        elif step_id == "ratings":
            self._ensure_step("ratings", ratings_step())
        else:
            self._own_step(step_id)
        return self.steps.get(step_id)

    def _ensure_step(self, step_id: str, factory: StepFactory) -> None:
        """Make the step ``step_id`` once. A step that fails to build is a bug and fails loudly (the error dialog
        and the log), never a session that quietly goes on without it."""
        if step_id in self.steps:
            return
        widget = factory(self.services, self.bus, self.session_id, None)
        assert isinstance(widget, Step), f"{type(widget).__name__} does not implement the Step protocol"
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)
        self._add(step_id, widget, page)
        if step_id == "board":
            self.board_page = page
        leave_changes = getattr(widget, "leave_changes_to_window", None)
        if callable(leave_changes):  # the window reads the snapshot for all its steps
            leave_changes()
        use_undo_stack = getattr(widget, "use_undo_stack", None)
        if callable(use_undo_stack):  # its edits are undone with Ctrl+Z like the notes
            use_undo_stack(self.undo)
        passing = getattr(widget, "pass_round_changed", None)
        if passing is not None:
            passing.connect(self._lock_for_pass_round)

    def _lock_for_pass_round(self, passing: bool) -> None:
        """While the laptop goes round the group, its holder cannot leave the form: no other step, no
        menus, no shortcuts (the minutes, the step list) — the ratings step keeps only its own way out."""
        self.menuBar().setEnabled(not passing)
        self.step_list.setEnabled(not passing)
        for widget in (self.previous_button, self.next_button):
            widget.setEnabled(not passing)
        for action in self.actions():
            action.setEnabled(not passing)
        for action, able in ((self.undo_action, self.undo.canUndo()), (self.redo_action, self.undo.canRedo())):
            action.setEnabled(able and not passing)
        if not passing and self.current in self.order:
            row = self.order.index(self.current)
            self.previous_button.setEnabled(row > 0)
            self.next_button.setEnabled(row < len(self.order) - 1)

    def _add(self, step_id: str, step: Step, page: QWidget) -> None:
        self.steps.made(step_id, step)
        self.pages[step_id] = page
        self.stack.addWidget(page)
        self.stale.add(step_id)

    def _own_step(self, step_id: str) -> None:
        if step_id in self.steps:
            return
        step: QWidget
        if step_id == "parts":
            step = PartsStep(self.context, self)
        elif step_id == "improvements":
            step = DeferredActionsStep(self.context, self)
        elif step_id.startswith("section-"):
            step = SectionStep(self.context, int(step_id.split("-")[1]), self)
            if "board" in self.order and step.number in PROGRAM_LOGIC_WALK:
                restore_splitter(step.splitter, "section-board")
        else:
            return
        self._add(step_id, cast(Step, step), step)

    def _arrange(self, snapshot: SessionSnapshot) -> None:
        order = self.step_order(snapshot)
        self.order = order
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for step_id in order:
            item = QListWidgetItem(self.step_title(step_id))
            item.setData(Qt.ItemDataRole.UserRole, step_id)
            self.step_list.addItem(item)
        self.step_list.blockSignals(False)
        self._show_progress(snapshot)

    def _show_progress(self, snapshot: SessionSnapshot) -> None:
        noted = {(note.section, note.question) for note in snapshot.notes}
        guide = self.context.guide
        for row, step_id in enumerate(self.order):
            item = self.step_list.item(row)
            title = self.step_title(step_id)
            if step_id.startswith("section-"):
                number = int(step_id.split("-")[1])
                questions = len(guide.section(number).questions)
                done = sum(1 for q in range(1, questions + 1) if (number, q) in noted)
                actions = len(snapshot.improvements_for(number))
                extra = f"{done}/{questions}" if questions else ""
                if actions:
                    extra = (extra + " · " if extra else "") + self.tr("%1 åtg.").replace("%1", str(actions))
                if extra:
                    title += f"   ({extra})"
            item.setText(title)
        position = self.order.index(self.current) + 1 if self.current in self.order else 0
        self.progress.setRange(0, len(self.order))
        self.progress.setValue(position)
        self.progress_label.setText(
            self.tr("Steg %1 av %2").replace("%1", str(position)).replace("%2", str(len(self.order)))
        )

    def current_step(self) -> Step:
        return self.steps[self.current]

    def go_to(self, step_id: str, *, remember: bool = True) -> None:
        if step_id not in self.order:
            return
        if step_id not in self.steps and self.steps.get(step_id) is None:  # could not be made: leave it out
            self._arrange(self.snapshot)
            if self.order and self.current not in self.order:
                self.go_to(self.order[0], remember=False)
            return
        if self.current in self.pages:
            flush_all(self.pages[self.current])
        self.current = step_id
        self._place_board(step_id)
        if step_id in self.stale:
            self.stale.discard(step_id)
            self.steps[step_id].load(self.snapshot)
        self.stack.setCurrentWidget(self.pages[step_id])
        row = self.order.index(step_id)
        if self.step_list.currentRow() != row:
            self.step_list.blockSignals(True)
            self.step_list.setCurrentRow(row)
            self.step_list.blockSignals(False)
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self.order) - 1)
        self._show_progress(self.snapshot)
        self.update_projector()
        if remember and self.snapshot.session.current_step != step_id:
            sessions = self.services.sessions
            self.bus.run(lambda: sessions.update_session(self.session_id, current_step=step_id), self, quiet=True)

    def _place_board(self, step_id: str) -> None:
        step = self.steps.get(step_id)
        if isinstance(step, SectionStep) and step.number in PROGRAM_LOGIC_WALK and "board" in self.order:
            self.steps.get("board")  # sections 1–6 show the board: made now if not yet
        board = self.board
        if board is None or self.board_page is None:
            return
        focus_kind = getattr(board, "set_focus_kind", None)
        step = self.steps.get(step_id)
        if isinstance(step, SectionStep) and step.number in PROGRAM_LOGIC_WALK:
            previous = board.parent()
            if isinstance(previous, QSplitter) and previous is not step.splitter:
                save_splitter(previous, "section-board")
            step.attach_board(board)
            restore_splitter(step.splitter, "section-board")
            step.keep_questions_in_view()
            if callable(focus_kind):
                focus_kind(KIND_OF_SECTION.get(step.number))
        else:
            layout = self.board_page.layout()
            if board.parent() is not self.board_page and layout is not None:
                previous = board.parent()
                if isinstance(previous, QSplitter):
                    save_splitter(previous, "section-board")
                layout.addWidget(board)
                board.show()
                if callable(focus_kind):
                    focus_kind(None)
            view = getattr(board, "view", None)
            if step_id == "board" and view is not None and hasattr(view, "show_kind"):
                # the walk starts at the effects (right to left): in view on entering, laid out first
                QTimer.singleShot(0, view, lambda: view.show_kind(WALK_ORDER[0]))

    def rebuild_steps(self) -> None:
        """Make every step again from the stored session (after its guide's language changed). The undo
        history goes with the old steps: its commands belong to them."""
        flush_all(self)
        snapshot = self.services.sessions.snapshot(self.session_id)
        self.snapshot = snapshot
        current = self.current
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        if self.board is not None and self.board.parent() not in self.pages.values():
            self.board.deleteLater()
        self.steps, self.pages, self.order, self.stale = Steps(self._make_step), {}, [], set()
        self.board = self.board_page = None
        self.undo.clear()
        self.context.guide = guide_for(snapshot.session.language)
        self.current = ""
        self._show_title(snapshot)
        self._arrange(snapshot)
        self.go_to(current if current in self.order else self.order[0], remember=False)

    def next_step(self) -> None:
        row = self.order.index(self.current)
        if row < len(self.order) - 1:
            self._step_with_focus(self.order[row + 1])

    def previous_step(self) -> None:
        row = self.order.index(self.current)
        if row > 0:
            self._step_with_focus(self.order[row - 1])

    def _step_with_focus(self, step_id: str) -> None:
        """Go to the step; a facilitator who was working in the step left takes the keyboard into the new one.

        Qt passes the focus on from a widget that is hidden, and that can be outside the new step: the board
        moves between the steps, and its view gave the focus to the step list, where typing a note jumps
        between steps. A section's keyboard goes to its first question's notes; from the step list (Ctrl+L)
        or a button it stays where it is."""
        before = QApplication.focusWidget()
        old_page = self.pages.get(self.current)
        working = before is not None and old_page is not None and old_page.isAncestorOf(before)
        self.go_to(step_id)
        page = self.pages.get(self.current)
        now = QApplication.focusWidget()
        if not working or page is None or (now is not None and page.isAncestorOf(now)):
            return
        step = self.steps.get(self.current)
        if isinstance(step, SectionStep) and step.notes:
            questions = [number for number in step.notes if number] or [0]
            step.notes[min(questions)].setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = page.nextInFocusChain()
        while widget is not page and widget is not None:
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def move_question(self, step: int) -> None:
        """Ctrl+↓ / Ctrl+↑: the projector shows the section's next or previous question (the notes are left as
        they are)."""
        current = self.steps.get(self.current)
        if isinstance(current, SectionStep) and current.move_question(step):
            self.update_projector()

    def _row_chosen(self, row: int) -> None:
        if 0 <= row < len(self.order):
            self.go_to(self.order[row])

    # -- changes ----------------------------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        if changes.session_id != self.session_id:
            return
        try:
            snapshot = self.services.sessions.snapshot(self.session_id)
        except InputError:  # deleted from the main window
            self.close()
            return
        self.snapshot = snapshot
        for step_id, step in self.steps.items():
            if changes.what & step.refresh_on():
                self.stale.add(step_id)
        if snapshot.session.language != self.context.guide.language:
            # the guide's language was changed (in the parts step): every step is made again in it, after
            # the signal that told us has returned (the widget that sent it is one of those steps)
            QTimer.singleShot(0, self, self.rebuild_steps)
            return
        if Changed.SESSION in changes:
            self._show_title(snapshot)
            current = self.current
            self._arrange(snapshot)
            if current not in self.order:  # its section was just left out: stay near where we were
                current = self.order[min(1, len(self.order) - 1)]
            self.current = ""
            self.go_to(current, remember=current != snapshot.session.current_step)
        else:
            if self.current in self.stale:
                self.stale.discard(self.current)
                self.steps[self.current].load(snapshot)
            self._show_progress(snapshot)
        self.statusBar().showMessage(self.tr("Sparat %1").replace("%1", QTime.currentTime().toString("HH:mm:ss")))

    # -- projector and focus ----------------------------------------------------------------------------
    def set_projector_visible(self, visible: bool) -> None:
        if visible:
            shown = self.projector.isVisible()
            self.projector.show()
            self.update_projector()
            if not shown:
                self.projector.give_back_focus()
        else:
            self.projector.hide()
        if self.projector_button.isChecked() != visible:
            self.projector_button.setChecked(visible)

    def projector_full_screen(self) -> None:
        self.set_projector_visible(True)
        self.projector.toggle_full_screen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc that no field wanted takes the projector out of full screen, as it does on the projector."""
        if event.key() == Qt.Key.Key_Escape and self.projector.isFullScreen():
            self.projector.leave_full_screen()
            event.accept()
            return
        super().keyPressEvent(event)

    def update_projector(self) -> None:
        if not self.projector.isVisible() or not self.current:
            return
        step = self.steps[self.current]
        heading, text, detail = step.title(), "", ""
        projector_text = getattr(step, "projector_text", None)
        if callable(projector_text):
            heading, text, detail = projector_text()
        widget = step.projector_widget()
        if widget is None and isinstance(step, SectionStep) and step.number in PROGRAM_LOGIC_WALK and self.board:
            widget = cast(Step, self.board).projector_widget()
        if widget is not None:
            self.projector.show_widget(heading, widget, text)
        elif text:
            self.projector.show_text(heading, text, detail)
        else:  # nothing chosen yet: the step's title is what the room reads
            self.projector.show_text("", heading, detail)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        step = self.steps.get(self.current)
        if not isinstance(step, SectionStep) or new is None or not step.isAncestorOf(new):
            return
        question = step.focused_question(new)
        if question is not None and question != step.current_question:
            step.current_question = question
            self.update_projector()
        elif question is None and step.action_editor.isAncestorOf(new):
            self.update_projector()

    # -- other dialogs ------------------------------------------------------------------------------------
    def write_minutes(self) -> None:
        from lardesk.ui.minutes_dialog import MinutesDialog  # the report writers load on first use

        flush_all(self)
        MinutesDialog.ask(self, self.services, self.session_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        flush_all(self)
        save_window(self, SETTINGS_KEY)
        save_splitter(self.splitter, SETTINGS_KEY)
        board = self.board
        if board is not None and isinstance(board.parent(), QSplitter):
            save_splitter(cast(QSplitter, board.parent()), "section-board")
        self.projector.close()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
        self.bus.changed.disconnect(self._changed)
        self.closed.emit(self.session_id)
        super().closeEvent(event)
