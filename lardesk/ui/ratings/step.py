"""The ratings step: personal assessment (Bilaga 2), the spread, the joint assessment, last year beside this.

Left, the ways of entering values (a grid, pass the laptop, printed forms), the joint assessment and the
history; right, the spread. Above: the round (a second round after the discussion is kept apart), the
reveal toggle (until then the room sees only who has rated), "most divided first", names (open mode only)
and the CSV export (anonymous by default).

Choosing *Skicka runt* starts a pass round: while the laptop goes round, the tabs that show others' values
(the table, the printed forms, the joint assessment, the history), the spread and the controls above are out
of reach, so that the person holding the laptop sees only their own empty form. The facilitator ends the
round with *Avsluta skicka runt* (Ctrl+F8, which also starts a round), which brings back the tab that was
open before.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.guide import Guide, GuideError, load_guide
from lardesk.method.snapshot import Anonymity, SessionSnapshot
from lardesk.reports.ratings_csv import write_ratings_csv
from lardesk.services import Changed, Changes, StorageError
from lardesk.ui.bus import ChangeBus
from lardesk.ui.ratings.forms import PassTheLaptop, PrintedForms
from lardesk.ui.ratings.grid import CLEAR, PEEK_COLOUR, RatingGrid, RatingsModel
from lardesk.ui.ratings.history import HistoryView
from lardesk.ui.ratings.joint import JointEditor, answered
from lardesk.ui.ratings.phones import PhoneRoundPanel, PhoneRoundProjector
from lardesk.ui.write_through import ServiceCommand

log = logging.getLogger(__name__)

if TYPE_CHECKING:  # matplotlib comes with the canvas, when the spread is first shown (not when a session opens)
    from lardesk.services import Services
    from lardesk.ui.ratings.canvas import SpreadCanvas

PEEK_KEY = "Ctrl+Space"
"""Shows the current cell's value before the reveal (and hides it again); moving on hides it too."""
PASS_ROUND_KEY = "Ctrl+F8"
"""Starts a pass round and ends it (a modifier, so that the person typing values does not press it by chance)."""
PRELOAD_AFTER_MS = 1500
"""How long after a session opens the spread's modules (matplotlib) start loading in the background: after
the window is shown, long before the group reaches the ratings."""
_preload_started = threading.Event()


def preload_canvas() -> None:
    """Import the spread canvas (and with it matplotlib) in a background thread, once per process."""
    if _preload_started.is_set():
        return
    _preload_started.set()

    def load() -> None:
        with contextlib.suppress(Exception):  # on failure it is imported again, in the open, when first shown
            importlib.import_module("lardesk.ui.ratings.canvas")

    threading.Thread(target=load, name="lardesk-preload-matplotlib", daemon=True).start()


def _guide(language: str) -> Guide:
    try:
        return load_guide(language)
    except (GuideError, OSError):
        return load_guide("sv")


class RatingsProjector(QWidget):
    """What the room sees: the spread in large type, or before the reveal only how many have rated."""

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratingsProjector")
        self.setStyleSheet("#ratingsProjector { background:white; border-radius:8px; }")
        from lardesk.ui.ratings.canvas import SpreadCanvas

        self.canvas = SpreadCanvas(guide, projector=True, parent=self)
        self.phones = PhoneRoundProjector(self)  # instead of the spread while phones answer, until the reveal
        self.phones.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.canvas)
        layout.addWidget(self.phones)


class RatingsStep(QWidget):
    STEP_ID = "ratings"

    pass_round_changed = Signal(bool)
    """True when a pass round begins (the laptop goes round), False when the facilitator ends it."""

    def __init__(self, services: Services, bus: ChangeBus, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.bus, self.session_id = services, bus, session_id
        self.undo_stack = QUndoStack(self)
        """Where the edits go (the session window gives its own, so Ctrl+Z takes back ratings too)."""
        self.snapshot: SessionSnapshot | None = None
        self.round = 1
        self._projectors: list[RatingsProjector] = []
        language = services.sessions.session_info(session_id).language
        self.guide = _guide(language)

        # -- the bar above ---------------------------------------------------------------------------------
        self.heading = QLabel(self.title(), self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.round_box = QComboBox(self)
        self.round_box.setAccessibleName(self.tr("Omgång"))
        self.round_box.currentIndexChanged.connect(self._round_chosen)
        self.new_round = QPushButton(self.tr("Ny omgång"), self)
        self.new_round.setToolTip(self.tr("En andra bedömning efter diskussionen, sparad för sig"))
        self.new_round.clicked.connect(self.add_round)
        self.reveal = QPushButton(self.tr("Visa värdena"), self)
        self.reveal.setCheckable(True)
        self.reveal.setToolTip(self.tr("Tills dess ser rummet bara hur många som har bedömt (F8)"))
        self.reveal.toggled.connect(self.set_revealed)
        # F8 as an action, not the button's own shortcut: that would take the focus from the grid being typed in
        self.reveal_action = QAction(self.tr("Visa värdena"), self)
        self.reveal_action.setShortcut(QKeySequence("F8"))
        self.reveal_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.reveal_action.triggered.connect(
            lambda: self.reveal.toggle() if self.reveal.isVisible() and self.reveal.isEnabled() else None
        )
        self.addAction(self.reveal_action)
        self.divided = QCheckBox(self.tr("Mest oeniga först"), self)
        self.divided.toggled.connect(lambda _: self._draw())
        self.names = QCheckBox(self.tr("Namn i diagrammet"), self)
        self.names.toggled.connect(lambda _: self._draw())
        self.export = QPushButton(self.tr("Exportera CSV…"), self)
        self.export.clicked.connect(self.export_csv)
        self.controls = QWidget(self)  # out of reach during a pass round
        controls = QHBoxLayout(self.controls)
        controls.setContentsMargins(0, 0, 0, 0)
        for widget in (self.round_box, self.new_round, self.reveal, self.divided, self.names, self.export):
            controls.addWidget(widget)
        self.end_passing = QPushButton(self.tr("Avsluta skicka runt (Ctrl+F8)"), self)
        self.end_passing.setObjectName("endPassRound")
        self.end_passing.setToolTip(
            self.tr("Samtalsledaren avslutar rundan: tabellen, spridningen och de andra flikarna visas igen")
        )
        self.end_passing.clicked.connect(self.end_pass_round)
        self.end_passing.hide()
        # the key as an action (a button's own shortcut clicks only after a short animation): it starts a
        # pass round, and ends it
        self.pass_action = QAction(self.tr("Skicka runt / avsluta skicka runt"), self)
        self.pass_action.setShortcut(QKeySequence(PASS_ROUND_KEY))
        self.pass_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.pass_action.triggered.connect(self.toggle_pass_round)
        self.addAction(self.pass_action)
        self.pass_round = False
        self._before_passing = 0
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.controls)
        bar.addWidget(self.end_passing)

        # -- entering values and the rest ----------------------------------------------------------------
        self.model = RatingsModel(self.guide, self)
        self.grid = RatingGrid(self.model, self._commit_one, self)
        self.grid_help = QLabel(
            self.tr("Siffror 1–10 (10 = 1 sedan 0), - eller x = avstår. Tab: nästa skala, Enter: nästa person."),
            self,
        )
        self.grid_help.setWordWrap(True)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.peek = QPushButton(self.tr("Titta på värdet (Ctrl+Mellanslag)"), self)
        self.peek.setObjectName("peekValue")
        self.peek.setCheckable(True)
        self.peek.setToolTip(
            self.tr("Före Visa värdena visar tabellen bara ● där ett värde finns. Visar den valda cellens värde.")
        )
        self.peek.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.peek.toggled.connect(self._peek_toggled)
        self.peek_action = QAction(self.peek.text(), self)
        self.peek_action.setShortcut(QKeySequence(PEEK_KEY))
        self.peek_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.peek_action.triggered.connect(self.peek.toggle)
        self.grid.addAction(self.peek_action)
        self.peek_banner = QLabel(self.tr("Du tittar på ett dolt värde – det syns för alla som ser skärmen."), self)
        self.peek_banner.setObjectName("peekBanner")
        self.peek_banner.setStyleSheet(f"background:{PEEK_COLOUR}; color:#000; font-weight:bold; padding:4px;")
        self.peek_banner.setWordWrap(True)
        self.peek_banner.hide()
        self.grid.peek_changed.connect(self._peek_shown)
        peek_bar = QHBoxLayout()
        peek_bar.addWidget(self.peek_banner, 1)
        peek_bar.addWidget(self.peek)
        grid_page = QWidget(self)
        grid_layout = QVBoxLayout(grid_page)
        grid_layout.addWidget(self.grid_help)
        grid_layout.addLayout(peek_bar)
        grid_layout.addWidget(self.grid, 1)
        grid_layout.addWidget(self.question)
        grid_page.setFocusProxy(self.grid)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._show_question())

        self.passing = PassTheLaptop(self.guide, self._commit_form, self)
        self.printed = PrintedForms(self.guide, self._commit_form, self)
        self.joint = JointEditor(self.guide, self._commit_joint, self)
        self.history = HistoryView(self.guide, self)
        self.tabs = QTabWidget(self)
        # Alt + the underlined letter goes straight to a tab: arrowing along the tabs would pass "Skicka
        # runt", which hands the laptop round and locks the others
        self.tabs.addTab(grid_page, self.tr("&Tabell"))
        self.tabs.addTab(self.passing, self.tr("S&kicka runt"))
        self.tabs.addTab(self.printed, self.tr("&Blanketter"))
        self.tabs.addTab(self.joint, self.tr("S&amlad"))
        self.tabs.addTab(self.history, self.tr("&Historik"))
        for position, tip in enumerate(
            (
                self.tr("Samtalsledaren skriver in allas värden"),
                self.tr("Skicka runt datorn: var och en ser bara sitt eget formulär"),
                self.tr("Skriv in de ifyllda pappersblanketterna efteråt"),
                self.tr("Samlad bedömning: gruppens gemensamma värde per skala"),
                self.tr("Tidigare uppföljningar i samma organisation"),
            )
        ):
            self.tabs.setTabToolTip(position, tip)
        self.phones = PhoneRoundPanel(services, bus, session_id, self)
        self.phones.round_started.connect(self.set_round)
        self.phones.state_changed.connect(self._sync_phone_round)
        self.tabs.addTab(self.phones, self.tr("Tele&foner"))
        self.tabs.setTabToolTip(
            self.tabs.indexOf(self.phones), self.tr("Deltagarna bedömer på sina egna telefoner (QR-kod)")
        )
        self.tabs.currentChanged.connect(self._tab_changed)

        # The spread's place; its canvas (and matplotlib) is made when first shown or asked for (``canvas``).
        self._canvas: SpreadCanvas | None = None
        self.spread_slot = QWidget(self)
        slot_layout = QVBoxLayout(self.spread_slot)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.spread_slot)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self._split = False

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        bus.changed.connect(self._changed)
        self.refresh()
        QTimer.singleShot(PRELOAD_AFTER_MS, preload_canvas)

    @property
    def canvas(self) -> SpreadCanvas:
        """The spread on screen, made (and drawn) the first time it is needed."""
        if self._canvas is None:
            from lardesk.ui.ratings.canvas import SpreadCanvas

            self._canvas = SpreadCanvas(self.guide, parent=self.spread_slot)
            layout = self.spread_slot.layout()
            assert layout is not None
            layout.addWidget(self._canvas)
            self._draw_canvas()
        return self._canvas

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._canvas is None:
            self._draw()
        if not self._split:  # the grid's nine columns whole, the spread the rest
            self._split = True
            width = max(self.splitter.width(), 800)
            needed = self.grid.needed_width() + 24  # the tab's own frame and margins
            left = min(max(480, needed, int(width * 0.42)), width - 320)
            self.splitter.setSizes([left, width - left])

    # -- Step ---------------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Personlig bedömning")

    def refresh_on(self) -> Changed:
        return Changed.RATINGS | Changed.JOINT | Changed.PARTICIPANTS | Changed.SESSION

    def load(self, snapshot: SessionSnapshot) -> None:
        if snapshot == self.snapshot:
            return
        self.snapshot = snapshot
        rounds = sorted(set(snapshot.rounds()) | {1, self.round})
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for number in rounds:
            self.round_box.addItem(self.tr("Omgång %1").replace("%1", str(number)), number)
        self.round_box.setCurrentIndex(rounds.index(self.round))
        self.round_box.blockSignals(False)
        revealed = self.revealed
        self.reveal.blockSignals(True)
        self.reveal.setChecked(revealed)
        self.reveal.setText(self.tr("Dölj värdena") if revealed else self.tr("Visa värdena"))
        self.reveal.blockSignals(False)
        self._show_peek_control()
        open_mode = snapshot.session.anonymity is Anonymity.OPEN
        # before the reveal, names by the dots or rows ordered by disagreement would tell the values
        self.names.setEnabled(open_mode and revealed)
        if not open_mode:
            self.names.setChecked(False)
        self.divided.setEnabled(revealed)
        after = "" if revealed else " " + self.tr("(efter Visa värdena)")
        self.names.setToolTip(self.tr("Bara när gruppen valt öppet läge") + after)
        self.divided.setToolTip(self.tr("Skalorna där bedömningarna skiljer sig mest överst") + after)
        self._load_tab()
        self._draw()

    def projector_widget(self) -> QWidget | None:
        projector = RatingsProjector(self.guide)
        self._projectors.append(projector)
        projector.destroyed.connect(lambda *_: self._forget(projector))
        self._draw_projector(projector)
        return projector

    def projector_text(self) -> tuple[str, str, str]:
        heading = self.title()
        if self.round > 1:
            heading += " – " + self.tr("omgång %1").replace("%1", str(self.round))
        return heading, "", ""

    # -- state --------------------------------------------------------------------------------------------
    @property
    def revealed(self) -> bool:
        return self.snapshot is not None and self.round in self.snapshot.session.revealed_rounds

    def order(self) -> list[int] | None:
        if self.snapshot is None or not self.divided.isChecked() or not self.revealed:
            return None  # the order would tell how divided the hidden values are
        from lardesk.charts.spread import divided_order

        return divided_order(self.snapshot, self.round)

    def refresh(self) -> None:
        self.load(self.services.sessions.snapshot(self.session_id))

    def leave_changes_to_window(self) -> None:
        """In a session window the window reads one snapshot per change and loads the step from it; the step
        then does not read one of its own as well (one read and one load per change, not two)."""
        self.bus.changed.disconnect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.session_id == self.session_id and changes.what & self.refresh_on():
            self.refresh()

    # -- drawing ------------------------------------------------------------------------------------------
    def _draw(self) -> None:
        if self.snapshot is None:
            return
        if self._canvas is not None or self.isVisible():
            self._draw_canvas()
        for projector in list(self._projectors):
            self._draw_projector(projector)

    def _draw_canvas(self) -> None:
        if self.snapshot is None:
            return
        passing = self.tabs.currentWidget() is self.passing
        self.spread_slot.setVisible(not passing)  # the next person must not see the others' values
        if not passing:
            self.canvas.show_spread(
                self.snapshot,
                round_=self.round,
                revealed=self.revealed,
                order=self.order(),
                show_names=self.names.isChecked() and self.names.isEnabled(),
            )

    def _show_phone_round(self, projector: RatingsProjector) -> None:
        """While phones answer and the values are not shown, the room sees the QR code and the count instead."""
        shown = self.phones.is_open and not self.revealed
        projector.phones.setVisible(shown)
        projector.canvas.setVisible(not shown)
        if shown:
            projector.phones.show_round(self.phones)

    def _sync_phone_round(self) -> None:
        for projector in list(self._projectors):
            self._show_phone_round(projector)

    def _draw_projector(self, projector: RatingsProjector) -> None:
        self._show_phone_round(projector)
        if self.snapshot is None:
            return
        projector.canvas.show_spread(
            self.snapshot,
            round_=self.round,
            revealed=self.revealed,
            order=self.order(),
            show_names=self.names.isChecked() and self.names.isEnabled(),
        )

    def _forget(self, projector: RatingsProjector) -> None:
        if projector in self._projectors:
            self._projectors.remove(projector)

    def _show_question(self) -> None:
        index = self.grid.currentIndex()
        if not index.isValid() or not self.model.scales:
            self.question.setText("")
            return
        scale = self.guide.scale(self.model.scales[index.column()])
        self.question.setText(f"<b>{scale.number} {scale.label}</b>: {scale.question}")

    def _load_tab(self) -> None:
        """Only the tab in view is filled in (the others when they are shown): one keystroke, less work."""
        snapshot = self.snapshot
        if snapshot is None:
            return
        current = self.tabs.currentWidget()
        if current is self.passing:
            self.passing.load(snapshot, self.round)
        elif current is self.printed:
            self.printed.load(snapshot, self.round)
        elif current is self.joint:
            self.joint.load(snapshot)
        elif current is self.history:
            self._load_history()
        else:
            self.model.load(snapshot, self.round)
            self._show_question()

    def _tab_changed(self, index: int) -> None:
        current = self.tabs.currentWidget()
        if current is self.phones and not self.phones.is_open:
            self.phones.choose_round(min(self.round, 2))
        if current is not self.passing:
            self._before_passing = index
        self._set_pass_round(current is self.passing)
        self._load_tab()
        if current is not self.passing and self.passing.filling_in:
            self.passing.abandon()
        self._draw()
        # ready to type at once
        if current is self.passing:
            self.passing.begin.setFocus()
        elif current is self.printed:
            self.printed.entry.focus_first()
        elif current is self.joint:
            self.joint.focus_first()
        elif current is self.grid.parentWidget():
            self.grid.start()

    # -- pass the laptop ----------------------------------------------------------------------------------
    def _set_pass_round(self, active: bool) -> None:
        """Put everything that shows others' values out of reach (``active``), or back."""
        for position in range(self.tabs.count()):
            self.tabs.setTabEnabled(position, not active or self.tabs.widget(position) is self.passing)
        self.controls.setEnabled(not active)
        self.spread_slot.setVisible(not active)
        self.end_passing.setVisible(active)
        if active != self.pass_round:
            self.pass_round = active
            self.pass_round_changed.emit(active)

    def start_pass_round(self) -> None:
        """Hand the laptop round: the pass-the-laptop tab, with the rest out of reach."""
        self.tabs.setCurrentWidget(self.passing)

    def toggle_pass_round(self) -> None:
        if self.pass_round:
            self.end_pass_round()
        else:
            self.start_pass_round()

    def end_pass_round(self) -> None:
        """The facilitator ends the round (a form being filled in is emptied, unsaved), after confirming: the
        person holding the laptop cannot end it with one click. Values not yet revealed stay hidden (●)."""
        if not self.pass_round or not self.confirm_end_pass_round():
            return
        self._set_pass_round(False)
        before = self._before_passing
        if not 0 <= before < self.tabs.count() or self.tabs.widget(before) is self.passing:
            before = 0
        if not self.revealed and self.tabs.widget(before) in (self.printed, self.joint):
            before = 0  # a form or the joint tab would show values not yet revealed: the grid shows ● instead
        self.tabs.setCurrentIndex(before)

    def confirm_end_pass_round(self) -> bool:
        """Ask before ending the pass round; No is the default (Enter or Esc keeps the round going)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Avsluta skicka runt"),
            self.tr("Avsluta skicka runt? Det gör samtalsledaren när alla har fyllt i."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    # -- peeking at one hidden value ------------------------------------------------------------------------
    def _peek_toggled(self, on: bool) -> None:
        self.grid.set_peek(on)

    def _peek_shown(self, shown: bool) -> None:
        self.peek.blockSignals(True)
        self.peek.setChecked(shown)
        self.peek.blockSignals(False)
        self.peek_banner.setVisible(shown)

    def _show_peek_control(self) -> None:
        hidden = not self.revealed
        self.peek.setVisible(hidden)
        self.peek_action.setEnabled(hidden)
        if not hidden:
            self.grid.set_peek(False)

    def _load_history(self) -> None:
        if self.snapshot is None:
            return
        snapshot = self.snapshot
        sessions = self.services.ratings.history(snapshot.session.organisation.id)
        hidden = None
        if 1 not in snapshot.session.revealed_rounds:  # the history is round 1's: not shown yet, only counted
            present = len(snapshot.present)
            counts = {scale: (answered(snapshot, scale), present) for scale in snapshot.session.agreed_sections}
            hidden = (self.session_id, counts)
        self.history.load(sessions, snapshot.session.agreed_sections, hidden=hidden)

    # -- changing things ----------------------------------------------------------------------------------
    def _run(self, call: Callable[[], Changes]) -> str | None:
        """Run a service call through the bus, quietly: None when done, else the message why not."""
        messages: list[str] = []
        self.bus.failed.connect(messages.append)
        try:
            result = self.bus.run(call, self, quiet=True)
        finally:
            self.bus.failed.disconnect(messages.append)
        if result is None:
            return messages[-1] if messages else self.tr("Det gick inte att spara.")
        return None

    def use_undo_stack(self, stack: QUndoStack) -> None:
        """Put the edits on the session window's stack (Ctrl+Z / Ctrl+Shift+Z there)."""
        self.undo_stack = stack

    def _push(
        self, text: str, do: Callable[[], Changes], undo: Callable[[], Changes], key: tuple[object, ...] | None = None
    ) -> str | None:
        """Run ``do`` as an undoable command: None when done, else the message why not."""
        messages: list[str] = []
        self.bus.failed.connect(messages.append)
        try:
            command = ServiceCommand(self.bus, text, do, undo, self, merge_key=key, quiet=True)
            self.undo_stack.push(command)
        finally:
            self.bus.failed.disconnect(messages.append)
        if command.refused:
            return messages[-1] if messages else self.tr("Det gick inte att spara.")
        return None

    def _commit_one(self, participant_id: int, scale: int, value: int | str | None) -> bool:
        ratings = self.services.ratings
        round_ = self.round
        old = self.snapshot.rating(participant_id, scale, round_) if self.snapshot is not None else None

        def put_back() -> Changes:
            if old is None:
                return ratings.clear_rating(participant_id, scale, round_)
            return ratings.set_rating(participant_id, scale, old.value, round_)

        if value == CLEAR:
            message = self._push(
                self.tr("Ta bort bedömning"), lambda: ratings.clear_rating(participant_id, scale, round_), put_back
            )
        else:
            checked = value if isinstance(value, int) else None
            unrated = self._shown_unrated(participant_id)
            message = self._push(
                self.tr("Bedömning"),
                lambda: ratings.set_rating(participant_id, scale, checked, round_, unrated=unrated),
                put_back,
            )
            self._reload_if_refused(message, unrated, participant_id)
        self._report(message)
        return message is None

    def _shown_unrated(self, participant_id: int) -> bool:
        """Whether the grid shows no rating of this participant in the round: what is typed is then the start
        of a paper form, refused if a phone's answer (or another computer) has filled the row meanwhile."""
        return self.snapshot is not None and all(
            r.participant_id != participant_id for r in self.snapshot.ratings_in(self.round)
        )

    def _reload_if_refused(self, message: str | None, unrated: bool, participant_id: int) -> None:
        """A paper form refused because its row was filled meanwhile: show the row as it now is (●). What was
        typed into the row is dropped, not left in the cell: it would hide the answer there, and saving it again
        (the row now shows ratings) would type over the answer the message says was kept."""
        if message is not None and unrated:
            for cell in [cell for cell in self.model.pending if cell[0] == participant_id]:
                del self.model.pending[cell]
            try:
                self.refresh()
            except StorageError:  # the refusal is shown; the grid reloads at the next change
                log.warning("the ratings could not be read again after a refused edit", exc_info=True)

    def _commit_form(self, participant_id: int, values: Mapping[int, int | None]) -> bool:
        ratings = self.services.ratings
        round_ = self.round
        given = dict(values)
        before: dict[int, int | None] = {}
        absent: list[int] = []
        for scale in given:
            old = self.snapshot.rating(participant_id, scale, round_) if self.snapshot is not None else None
            if old is None:
                absent.append(scale)
            else:
                before[scale] = old.value
        unrated = self._shown_unrated(participant_id)
        message = self._push(
            self.tr("Bedömningsformulär"),
            lambda: ratings.set_ratings(participant_id, given, round_, unrated=unrated),
            lambda: ratings.set_ratings(participant_id, before, round_, clear=absent),
        )
        self._reload_if_refused(message, unrated, participant_id)
        self._report(message)
        return message is None

    def _commit_joint(self, scale: int, value: int | None, comment: str, field: str = "value") -> str | None:
        """Write the joint value and comment through (a value outside the range is kept without a comment,
        marked until one is written); undoable."""
        ratings, sid = self.services.ratings, self.session_id
        old = self.snapshot.joint_for(scale) if self.snapshot is not None else None

        def put(joint_value: int | None, text: str) -> Callable[[], Changes]:
            if joint_value is None:
                return lambda: ratings.clear_joint(sid, scale)
            return lambda: ratings.set_joint(sid, scale, joint_value, text, keep_without_comment=True)

        undo = put(old.value, old.comment) if old is not None else put(None, "")
        text = self.tr("Samlad bedömning, skala %1").replace("%1", str(scale))
        return self._push(text, put(value, comment), undo, ("joint", field, scale))

    def _report(self, message: str | None) -> None:
        self.grid_help.setStyleSheet("color:#a61b1b;" if message else "")
        if message:
            self.grid_help.setText(message)

    def set_revealed(self, revealed: bool) -> None:
        ratings, sid, round_ = self.services.ratings, self.session_id, self.round
        self._run(lambda: ratings.set_revealed(sid, round_, revealed))

    def _round_chosen(self, position: int) -> None:
        number = self.round_box.itemData(position)
        if isinstance(number, int) and number != self.round:
            self.set_round(number)

    def set_round(self, number: int) -> None:
        self.round = number
        snapshot = self.snapshot
        self.snapshot = None  # load() draws again even though the snapshot is the same
        if snapshot is not None:
            self.load(snapshot)

    def add_round(self) -> None:
        if self.snapshot is not None:
            self.set_round(max(self.snapshot.rounds()) + 1)

    def export_csv(self) -> None:
        if self.snapshot is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exportera bedömningarna"), "bedomningar.csv", self.tr("CSV (*.csv)")
        )
        if path:
            try:
                self.write_csv(path)
            except OSError as error:  # a folder that is gone, a full disk: say so; the old file is untouched
                QMessageBox.warning(
                    self,
                    "lardesk",
                    self.tr("Filen kunde inte sparas: {reason}").format(reason=error.strerror or str(error)),
                )

    def write_csv(self, path: str) -> None:
        """Anonymous unless names are shown (open mode only). Raises OSError when the file cannot be written."""
        if self.snapshot is not None:
            open_mode = self.snapshot.session.anonymity is Anonymity.OPEN
            write_ratings_csv(self.snapshot, self.guide, path, named=self.names.isChecked() and open_mode)
