"""The program-logic step of the guided session: the board, its findings and the evaluation view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QCursor, QKeyEvent, QKeySequence, QResizeEvent, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGraphicsView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from lardesk.method.guide import Guide
from lardesk.method.indicators import INDICATOR_KINDS, FiguresKind
from lardesk.method.logic import BOARD_ORDER, WALK_ORDER, ItemKind
from lardesk.method.snapshot import ItemInfo, SessionSnapshot
from lardesk.services import Changed, Changes, InputError
from lardesk.ui.board.editor import ItemEditor
from lardesk.ui.board.evaluation import EvaluationView
from lardesk.ui.board.export import export_png, export_svg
from lardesk.ui.board.findings import FindingsPanel
from lardesk.ui.board.indicators import IndicatorPanel
from lardesk.ui.board.look import Look, guide_for
from lardesk.ui.board.scene import BoardScene
from lardesk.ui.board.state import BoardState, Delta
from lardesk.ui.board.undo import BoardHistory
from lardesk.ui.board.view import BoardView
from lardesk.ui.bus import ChangeBus

if TYPE_CHECKING:
    from lardesk.services import Services


def _refuse(message: str) -> Changes:
    raise InputError(message)


INDICATOR_SIDE_WIDTH = 470
LOW_FINDINGS = 160
"""Less room than this for the findings beside the indicators, and they give way while indicators are shown."""
"""The side panel's width (pixels) while it shows the indicators."""
PROJECTOR_LOOK = Look(scale=1.35, min_column=150.0, empty_column=120.0)


PROJECTOR_MAX_ZOOM = 1.6
"""How far the projector zooms in on a selected item and its links (more only when the facilitator asks)."""
PROJECTOR_ZOOM_STEP = 1.25
PROJECTOR_PAN_STEP = 0.25
"""A pan moves the projector's view by this share of what it shows."""


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    # as wide as the panel needs (only its height may shrink), with room for the scroll bar
    area.setMinimumWidth(widget.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width())
    return area


class ProjectorBoard(BoardView):
    """The board for the room: read-only, large type, following the facilitator's board.

    By default the whole board fits the screen (columns across the width, then smaller until it fits the
    height); an item selected on the laptop is followed (zoomed to, with the items it is linked to, its links
    strong and the rest faded); the facilitator zooms and pans it from the laptop (see BoardStep)."""

    def __init__(self, step: BoardStep, parent: QWidget | None = None) -> None:
        scene = BoardScene(step.guide, PROJECTOR_LOOK, interactive=False)
        super().__init__(scene, parent)
        self.followed: int | None = None
        self.walking = True
        """In sections 1–6 the room sees the column being walked, with its neighbours, in large type (the
        whole board below a question is too small to read from the back); Ctrl+Shift+0 shows the whole."""
        self.extra_zoom = 1.0
        self.pan = QPointF(0, 0)
        self.fit_zoom = 1.0
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        scene.focus_kind = step.scene.focus_kind
        scene.rebuild(step.state)
        self.question = QLabel(self)
        """The guide's question for the column being walked, across the top of the board (large type)."""
        self.question.setWordWrap(True)
        self.question.setObjectName("projectorWalkQuestion")
        font = self.question.font()
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.6)
        self.question.setFont(font)
        self.question.setStyleSheet("#projectorWalkQuestion { background:#fff3c4; color:#111; padding:6px 12px; }")
        self.set_question(walk_question(step.guide, step.scene.focus_kind))
        scene.highlight(step.scene.selected_id())
        self.followed = scene.highlighted

    def set_question(self, question: str) -> None:
        """Show ``question`` above the board (none: the board has the whole screen)."""
        self.question.setText(question)
        self.question.setVisible(bool(question))
        self._place_question()

    def _place_question(self) -> None:
        if not self.question.isVisibleTo(self):
            self.setViewportMargins(0, 0, 0, 0)
            return
        width = self.width()
        height = self.question.heightForWidth(width)
        self.question.setGeometry(0, 0, width, height)
        self.setViewportMargins(0, height, 0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_question()
        super().resizeEvent(event)

    def fit_width(self) -> None:
        """Lay the board out for the screen: the columns across its width, then, if the board is taller than
        the screen, wider columns (shorter cards) shown smaller, until the whole board fits."""
        width, height = self.viewport().width(), self.viewport().height()
        if width <= 0 or height <= 0:
            return

        def fit_at(scene_width: float) -> tuple[float, bool]:
            """The zoom that shows the board laid out ``scene_width`` wide, and whether the height limits it."""
            self.board.set_width(scene_width)
            rect = self.board.sceneRect()
            across, down = width / max(rect.width(), 1.0), height / max(rect.height(), 1.0)
            return min(1.0, across, down), down < across

        # wider columns make shorter cards: find the layout width at which the board fills the screen best
        low, high = float(width), float(width) * 6
        best, tall = fit_at(low)
        best_width = low
        if tall:
            for _ in range(7):
                middle = (low + high) / 2
                zoom, tall = fit_at(middle)
                if zoom > best:
                    best, best_width = zoom, middle
                if tall:
                    low = middle
                else:
                    high = middle
            fit_at(best_width)
        self.fit_zoom = best
        self.show_view()

    def target(self) -> QRectF:
        """What the view shows before the facilitator's own zoom: the followed item with those it is linked
        to, or the whole board."""
        card = self.board.cards.get(self.followed) if self.followed is not None else None
        if card is None:
            walked = self.walked_area()
            return walked if walked is not None else self.board.sceneRect()
        area = card.sceneBoundingRect()
        for arrow in [*card.left_arrows, *card.right_arrows]:
            area = area.united(arrow.other(card).sceneBoundingRect())
        margin = self.board.look.s(24)
        return area.adjusted(-margin, -margin, margin, margin)

    def walked_area(self) -> QRectF | None:
        """The column being walked with the columns beside it, down to the walked column's last card (None:
        no column is walked, or the facilitator asked for the whole board)."""
        kind, state = self.board.focus_kind, self.board.state
        if not self.walking or kind is None or state is None:
            return None
        look = self.board.look
        index = BOARD_ORDER.index(kind)
        area = QRectF()
        for beside in BOARD_ORDER[max(0, index - 1) : index + 2]:
            band = self.board.band_rect(beside)
            area = area.united(band) if not area.isEmpty() else QRectF(band)
        cards = [self.board.cards[i] for i in state.columns[kind] if i in self.board.cards]
        lowest = max((c.sceneBoundingRect().bottom() for c in cards), default=area.top() + look.s(look.header))
        area.setBottom(min(area.bottom(), max(lowest, area.top() + look.s(look.header) + look.s(200))))
        margin = look.s(12)
        return area.adjusted(-margin, -margin, margin, margin)

    def show_view(self) -> None:
        width, height = self.viewport().width(), self.viewport().height()
        if width <= 0 or height <= 0:
            return
        area = self.target()
        zoom = min(width / max(area.width(), 1.0), height / max(area.height(), 1.0))
        zoom = max(self.fit_zoom, min(zoom, PROJECTOR_MAX_ZOOM)) * self.extra_zoom
        self.zoom = zoom
        self.resetTransform()
        self.scale(zoom, zoom)
        centre = area.center() + QPointF(self.pan.x() * width / zoom, self.pan.y() * height / zoom)
        self.centerOn(centre)

    def shown_area(self) -> QRectF:
        """The part of the board the room sees now (scene units)."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def follow(self, item_id: int | None) -> None:
        self.board.highlight(item_id)
        self.followed = item_id
        self.pan = QPointF(0, 0)
        self.show_view()

    def zoom_by(self, steps: int) -> None:
        self.extra_zoom = max(0.5, min(4.0, self.extra_zoom * PROJECTOR_ZOOM_STEP**steps))
        self.show_view()

    def pan_by(self, dx: float, dy: float) -> None:
        self.pan += QPointF(dx * PROJECTOR_PAN_STEP, dy * PROJECTOR_PAN_STEP)
        self.show_view()

    def whole_board(self) -> None:
        self.followed = None
        self.walking = False
        self.extra_zoom = 1.0
        self.pan = QPointF(0, 0)
        self.show_view()


def walk_question(guide: Guide, kind: ItemKind | None) -> str:
    """The guide's question for reading the column of ``kind`` right to left (Handledning, figure 1)."""
    return guide.walk_questions.get(kind.value, "") if kind is not None else ""


class BoardStep(QWidget):
    """Part 1 of the session: the program logic, walked right to left (see ``set_focus_kind``)."""

    STEP_ID = "board"
    selection_changed = Signal(object)
    """The selected item's id, or None."""

    def __init__(self, services: Services, bus: ChangeBus, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.session_id = session_id
        self.guide: Guide = guide_for(services.sessions.session_info(session_id).language)
        self.state = BoardState()
        self.undo_stack = QUndoStack(self)
        """Where the board's edits go (the session window gives its own: Ctrl+Z there undoes them)."""
        self.history = BoardHistory(bus, session_id, self._run_and_show)
        self._projectors: list[ProjectorBoard] = []
        self._evaluation_dirty = True

        self.scene = BoardScene(self.guide)
        self.scene.setParent(self)
        self.view = BoardView(self.scene)
        self.editor = ItemEditor(self.guide)
        self.indicator_panel = IndicatorPanel(self, self.guide.language)
        self.findings = FindingsPanel(self.guide)
        self.evaluation = EvaluationView(self.guide)

        # adding items: kind, text, Enter
        self.new_kind = QComboBox()
        self.new_kind.setAccessibleName(self.tr("Typ av punkt"))
        for kind in BOARD_ORDER:
            self.new_kind.addItem(self.guide.term(kind.value), kind.value)
        # the board is walked from the right: a new item is an expected effect until another column is chosen
        self.new_kind.setCurrentIndex(self.new_kind.findData(ItemKind.EFFECT.value))
        self.new_text = QLineEdit()
        self.new_text.setPlaceholderText(self.tr("Ny punkt: skriv texten och tryck Enter"))
        self.new_text.setAccessibleName(self.tr("Text för ny punkt"))
        self.add_button = QPushButton(self.tr("Lägg till"))
        self.png_button = QPushButton(self.tr("Spara PNG…"))
        self.svg_button = QPushButton(self.tr("Spara SVG…"))
        zoom_out, zoom_in = QPushButton("−"), QPushButton("+")
        zoom_out.setToolTip(self.tr("Mindre (Ctrl+−)"))
        zoom_in.setToolTip(self.tr("Större (Ctrl++)"))
        zoom_out.setAccessibleName(self.tr("Zooma ut tavlan"))
        zoom_in.setAccessibleName(self.tr("Zooma in tavlan"))
        zoom_out.setFixedWidth(32)
        zoom_in.setFixedWidth(32)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Ny:")))
        bar.addWidget(self.new_kind)
        bar.addWidget(self.new_text, 1)
        bar.addWidget(self.add_button)
        bar.addSpacing(12)
        bar.addWidget(zoom_out)
        bar.addWidget(zoom_in)
        bar.addWidget(self.png_button)
        bar.addWidget(self.svg_button)

        self.side_tabs = QTabWidget()
        # in scroll areas: the panel may be lower than its fields (a section's questions below the board on a
        # 768-pixel screen), and then it scrolls instead of taking the questions' room
        self.editor_page = _scrolled(self.editor)
        self.indicator_page = _scrolled(self.indicator_panel)
        self.side_tabs.addTab(self.editor_page, self.tr("Punkt"))
        self.side_tabs.addTab(self.indicator_page, self.tr("Indikatorer (I)"))
        self._room_before: tuple[list[int], list[int]] | None = None
        self.side_tabs.currentChanged.connect(self._side_tab_changed)
        self.side = side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.side_tabs)
        side.addWidget(self.findings)
        side.setStretchFactor(0, 0)
        side.setStretchFactor(1, 1)
        side.setSizes([330, 400])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1100, 270])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, self.tr("Programlogik"))
        self.tabs.addTab(self.evaluation, self.tr("Hur gick det? (planerat och genomfört)"))
        self.empty_hint = QLabel(
            self.tr(
                "Tavlan är tom. Börja till höger, med de förväntade effekterna: välj typ av punkt, skriv texten "
                "i fältet ovan och tryck Enter (eller klicka i en kolumn). Koppla sedan punkterna till varandra."
            )
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setObjectName("emptyBoardHint")
        self.empty_hint.setStyleSheet("#emptyBoardHint { background:#fff8d6; border-radius:4px; padding:6px; }")
        self.empty_hint.hide()
        self.walk_question = QLabel()
        self.walk_question.setWordWrap(True)
        self.walk_question.setObjectName("walkQuestion")
        self.walk_question.setAccessibleName(self.tr("Frågan för kolumnen"))
        self.walk_question.setStyleSheet(
            "#walkQuestion { background:#fff3c4; border-left:4px solid #8d6e00; padding:4px 8px; }"
        )
        self.walk_question.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.walk_question)
        layout.addWidget(self.tabs, 1)

        self.new_text.returnPressed.connect(self._add_from_bar)
        self.new_text.installEventFilter(self)  # Esc: back to the board (see eventFilter)
        self.add_button.clicked.connect(self._add_from_bar)
        zoom_out.clicked.connect(lambda: self.view.zoom_by(-1))
        zoom_in.clicked.connect(lambda: self.view.zoom_by(1))
        self.png_button.clicked.connect(lambda: self._export_dialog("png"))
        self.svg_button.clicked.connect(lambda: self._export_dialog("svg"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.link_requested.connect(self.link_items)
        self.scene.add_requested.connect(self._add_to_column)
        self.view.text_edited.connect(lambda item_id, text: self.update_item(item_id, text=text))
        self.view.link_list_wanted.connect(self._focus_links)
        self.view.indicators_wanted.connect(self.focus_indicators)
        self.indicator_panel.back_to_board.connect(self.view.setFocus)
        self.view.move_wanted.connect(self.move_item)
        self.view.delete_wanted.connect(self.delete_item)
        self.editor.field_changed.connect(lambda item_id, name, value: self.update_item(item_id, **{name: value}))
        self.editor.link_toggled.connect(self._link_toggled)
        self.editor.move_wanted.connect(self.move_item)
        self.editor.delete_wanted.connect(self.delete_item)
        self.editor.drop_wanted.connect(self._drop_wanted)
        self.editor.back_to_board.connect(self.view.setFocus)
        self.findings.item_chosen.connect(self.select_item)
        QShortcut(QKeySequence("Ctrl+N"), self, self._focus_new_text)
        # the projector's view, from the laptop
        self.projector_menu = QMenu(self)
        for text, keys, slot in (
            (self.tr("Projektorn: större"), "Ctrl+Shift++", lambda: self._each_projector(lambda p: p.zoom_by(1))),
            (self.tr("Projektorn: mindre"), "Ctrl+Shift+-", lambda: self._each_projector(lambda p: p.zoom_by(-1))),
            (
                self.tr("Projektorn: hela tavlan"),
                "Ctrl+Shift+0",
                lambda: self._each_projector(ProjectorBoard.whole_board),
            ),
            (
                self.tr("Projektorn: vänster"),
                "Ctrl+Shift+Left",
                lambda: self._each_projector(lambda p: p.pan_by(-1, 0)),
            ),
            (self.tr("Projektorn: höger"), "Ctrl+Shift+Right", lambda: self._each_projector(lambda p: p.pan_by(1, 0))),
            (self.tr("Projektorn: upp"), "Ctrl+Shift+Up", lambda: self._each_projector(lambda p: p.pan_by(0, -1))),
            (self.tr("Projektorn: ned"), "Ctrl+Shift+Down", lambda: self._each_projector(lambda p: p.pan_by(0, 1))),
        ):
            action = QAction(text, self)
            shortcuts = [QKeySequence(keys)]
            if keys == "Ctrl+Shift++":
                shortcuts.append(QKeySequence("Ctrl+Shift+="))
            action.setShortcuts(shortcuts)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.projector_menu.addAction(action)
        # a push button with its menu, as the buttons beside it: its arrow never covers the text, and it takes
        # the keyboard like them; made last, it would come last in the Tab order, so it is put after Spara SVG…
        self.projector_button = QPushButton(self.tr("Projektorn"), self)
        self.projector_button.setToolTip(
            self.tr("Zooma och flytta tavlan på projektorn (Ctrl+Skift + plus, minus, 0, pilar)")
        )
        self.projector_button.setMenu(self.projector_menu)
        bar.addWidget(self.projector_button)
        QWidget.setTabOrder(self.svg_button, self.projector_button)
        self.scene.rebuild(self.state)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the new item's field takes the keyboard back to the board (at the item just added), as Esc
        does in the link list and the indicators."""
        if (
            watched is self.new_text
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().eventFilter(watched, event)

    # -- the Step protocol --------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Programlogik")

    def refresh_on(self) -> Changed:
        return Changed.LOGIC

    def load(self, snapshot: SessionSnapshot) -> None:
        if snapshot.session.id != self.session_id:
            return
        delta = self.state.load(snapshot)
        if delta:
            self._apply(delta)
        self.empty_hint.setVisible(not self.state.items)
        if not self.state.items:
            self.findings.show_findings((), {})

    def projector_widget(self) -> QWidget | None:
        projector = ProjectorBoard(self)
        self._projectors.append(projector)
        projector.destroyed.connect(lambda _obj=None, p=projector: self._forget(p))
        return projector

    def set_focus_kind(self, kind: ItemKind | None) -> None:
        """Highlight one column (the session walks effects, results, mediators, activities, resources) and show
        the guide's question for it, here and on the projector."""
        self.scene.set_focus_kind(kind)
        question = walk_question(self.guide, kind)
        self.walk_question.setText(question)
        self.walk_question.setVisible(bool(question))
        self._projectors = [p for p in self._projectors if isValid(p)]
        for projector in self._projectors:
            projector.set_question(question)
        for projector in self._projectors:
            projector.board.set_focus_kind(kind)
            projector.show_view()
        if kind is not None:
            self.view.show_kind(kind)
            index = self.new_kind.findData(kind.value)
            if index >= 0:
                self.new_kind.setCurrentIndex(index)

    # -- reading --------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the session's program logic anew and show what changed."""
        self.load(self.services.sessions.snapshot(self.session_id, with_previous=False))

    def _apply(self, delta: Delta) -> None:
        self._projectors = [p for p in self._projectors if isValid(p)]  # a closed projector window
        self.scene.apply(delta)
        for projector in self._projectors:
            projector.board.apply(delta)
            projector.show_view()
        if delta.findings_changed or delta.changed or delta.added or delta.removed:
            self.findings.show_findings(self.state.findings, {i: item.key for i, item in self.state.items.items()})
            self.findings.show_indicators(self._items_in_order())
        selected = self.scene.selected_id()
        if selected is not None and selected not in self.state.items:
            selected = None
        self.editor.show_item(self.state.items.get(selected) if selected is not None else None, self.state)
        self._show_indicators_of(selected)
        self._evaluation_dirty = True
        if self.tabs.currentWidget() is self.evaluation:
            self._show_evaluation()

    def _show_evaluation(self) -> None:
        self.evaluation.show_state(self.state)
        self._evaluation_dirty = False

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.evaluation and self._evaluation_dirty:
            self._show_evaluation()

    def _selection_changed(self) -> None:
        if not isValid(self.scene) or not isValid(self.editor):
            return
        selected = self.scene.selected_id()
        self.editor.show_item(self.state.items.get(selected) if selected is not None else None, self.state)
        self._each_projector(lambda p: p.follow(selected))
        self._show_indicators_of(selected)
        self.selection_changed.emit(selected)

    def _items_in_order(self) -> list[ItemInfo]:
        return [self.state.items[i] for kind in BOARD_ORDER for i in self.state.columns[kind]]

    def _show_indicators_of(self, item_id: int | None) -> None:
        item = self.state.items.get(item_id) if item_id is not None else None
        if item is None or item.kind not in INDICATOR_KINDS:
            self.indicator_panel.show_item(None, "", ())
            return
        self.indicator_panel.show_item(item.id, f"{self.guide.term(item.kind.value)} {item.key}", item.indicators)

    def _focus_links(self) -> None:
        self.side_tabs.setCurrentWidget(self.editor_page)
        self.editor.focus_links()

    def focus_indicators(self) -> None:
        """I on the board: the selected item's indicators, the keyboard in the first field."""
        self.side_tabs.setCurrentWidget(self.indicator_page)
        self.indicator_panel.focus_first()

    def _side_tab_changed(self, index: int) -> None:
        """The indicators need room (figures, a table, a chart): the side panel widens and grows to show them,
        and gives the room back when the item's own fields are shown again."""
        sizes, heights = self.splitter.sizes(), self.side.sizes()
        if len(sizes) != 2 or sum(sizes) <= 0 or len(heights) != 2:
            return
        total, tall = sum(sizes), sum(heights)
        if self.side_tabs.widget(index) is self.indicator_page:
            if self._room_before is None:
                self._room_before = (sizes, heights)
            wide = min(max(INDICATOR_SIDE_WIDTH, sizes[1]), total // 2)
            self.splitter.setSizes([total - wide, wide])
            need = self.indicator_panel.sizeHint().height() + self.side_tabs.tabBar().sizeHint().height() + 24
            high = tall if tall < need + LOW_FINDINGS else max(heights[0], need)  # a low screen: findings give way
            self.side.setSizes([high, tall - high])
            selected = self.scene.selected_id()
            if selected is not None:
                self.view.select_and_show(selected)  # still in sight on the narrower board
        elif self._room_before is not None:
            before, self._room_before = self._room_before, None
            self.splitter.setSizes(before[0])
            self.side.setSizes(before[1])

    def select_item(self, item_id: int) -> None:
        """Select an item and scroll to it (the findings panel does this on a click)."""
        if item_id in self.state.items:
            self.tabs.setCurrentWidget(self.splitter)
            self.view.select_and_show(item_id)

    def _each_projector(self, do: Callable[[ProjectorBoard], object]) -> None:
        self._projectors = [p for p in self._projectors if isValid(p)]
        for projector in self._projectors:
            do(projector)

    def _forget(self, projector: QObject) -> None:
        self._projectors = [p for p in self._projectors if p is not projector and isValid(p)]

    # -- changing -------------------------------------------------------------------------------------------
    def use_undo_stack(self, stack: QUndoStack) -> None:
        """Put the board's edits on the session window's stack (Ctrl+Z / Ctrl+Shift+Z there)."""
        self.undo_stack = stack

    def _run(self, call: Callable[[], Changes]) -> Changes | None:
        return self.bus.run(call, self)

    def _run_and_show(self, call: Callable[[], Changes]) -> Changes | None:
        """An undo or redo: run it, then show the board as stored."""
        changes = self._run(call)
        self.reload()
        return changes

    def add_item(self, kind: ItemKind, text: str) -> int | None:
        """Add an item at the end of its column and select it; its id, or None if refused."""
        changes = self._run(lambda: self.services.logic.add_item(self.session_id, kind, text))
        if changes is None:
            return None
        self.reload()
        if changes.new_id is not None:
            self.undo_stack.push(self.history.added(kind, text, changes.new_id))
            self.view.select_and_show(changes.new_id)
        return changes.new_id

    def _add_from_bar(self) -> None:
        text = self.new_text.text().strip()
        if not text:
            return
        if self.add_item(ItemKind(self.new_kind.currentData()), text) is not None:
            self.new_text.clear()

    def _focus_new_text(self) -> None:
        self.new_text.setFocus()

    def _add_to_column(self, kind: str) -> None:
        index = self.new_kind.findData(kind)
        if index >= 0:
            self.new_kind.setCurrentIndex(index)
        self.new_text.setFocus()

    def update_item(self, item_id: int, **fields: object) -> None:
        before = self.state.items.get(item_id)
        if self._run(lambda: self.services.logic.update_item(item_id, **fields)) is not None:
            if before is not None:
                self.undo_stack.push(self.history.edited(before, dict(fields)))
            self.reload()
        else:
            self.editor.show_item(self.state.items.get(item_id), self.state)

    def _drop_wanted(self, item_id: int, drop: bool) -> None:
        item = self.state.items.get(item_id)
        if item is None:
            return
        if drop:
            reason = self.ask_reason(item.text)
            if reason is None:
                return
            self.drop_item(item_id, reason)
        else:
            self.restore_item(item_id)

    def drop_item(self, item_id: int, reason: str) -> bool:
        """Struken: the item stays, greyed, with the reason, and takes no part in the gap rules (undoable)."""
        if self._run(lambda: self.services.logic.drop_item(item_id, reason)) is None:
            return False
        self.undo_stack.push(self.history.dropped(item_id, reason.strip(), dropped=True))
        self.reload()
        return True

    def restore_item(self, item_id: int) -> bool:
        item = self.state.items.get(item_id)
        reason = item.dropped_reason if item is not None else None
        if self._run(lambda: self.services.logic.restore_item(item_id)) is None:
            return False
        if reason is not None:
            self.undo_stack.push(self.history.dropped(item_id, reason, dropped=False))
        self.reload()
        return True

    def ask_reason(self, text: str) -> str | None:
        """Ask why an item is dropped (tests replace this); None when the facilitator cancels."""
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Stryk punkten"),
            self.tr("Varför stryks ”{0}”? (visas på tavlan och i minnesanteckningarna)").format(text),
        )
        return reason.strip() if ok and reason.strip() else None

    def move_item(self, item_id: int, step: int) -> None:
        if item_id not in self.state.items:
            return
        kind, row = self.state.column_of(item_id)
        position = row + step
        if (
            0 <= position < len(self.state.columns[kind])
            and self._run(lambda: self.services.logic.move_item(item_id, position)) is not None
        ):
            self.undo_stack.push(self.history.moved(item_id, row, position))
            self.reload()
            self.view.select_and_show(item_id)

    def delete_item(self, item_id: int) -> None:
        item = self.state.items.get(item_id)
        if item is None or not self.confirm_delete(item.text):
            return
        kind, row = self.state.column_of(item_id)
        links = [link for link in self.state.links if item_id in link]
        if self._run(lambda: self.services.logic.delete_item(item_id)) is not None:
            self.undo_stack.push(self.history.deleted(item, links))
            self.reload()
            column = self.state.columns[kind]
            if column:
                self.view.select_and_show(column[min(row, len(column) - 1)])

    def confirm_delete(self, text: str) -> bool:
        """Ask before deleting (tests replace this)."""
        answer = QMessageBox.question(
            self, self.tr("Ta bort"), self.tr("Ta bort ”{0}” och dess kopplingar?").format(text)
        )
        return answer == QMessageBox.StandardButton.Yes

    def link_items(self, first: int, second: int) -> bool:
        """Link two items (either order: the board puts the arrow the method's way); False if refused.

        The board shows the link at once (findings, marks, arrow) and paints it before the database
        has written it, since a durable write waits for the disk; if the write is refused, the link
        is taken back.
        """
        link = self.state.oriented(first, second)
        if link is None:
            if first in self.state.items and second in self.state.items:
                message = self.tr("De här två punkterna kan inte kopplas till varandra.")
                self.bus.run(lambda: _refuse(message), self, quiet=True)
                QToolTip.showText(QCursor.pos(), message, self.view)
            return False
        if link in self.state.links:
            return True
        self._after_link(self.state.add_link(*link), paint=True)
        if self._run(lambda: self.services.logic.add_link(*link)) is None:
            self._after_link(self.state.remove_link(*link))
            return False
        self.undo_stack.push(self.history.linked(*link, linked=True))
        return True

    def unlink_items(self, first: int, second: int) -> bool:
        removed = {link for link in ((first, second), (second, first)) if link in self.state.links}
        self._after_link(self.state.remove_link(first, second), paint=True)
        if self._run(lambda: self.services.logic.remove_link(first, second)) is None:
            for link in removed:
                self._after_link(self.state.add_link(*link))
            return False
        for link in removed:
            self.undo_stack.push(self.history.linked(*link, linked=False))
        return True

    def _after_link(self, delta: Delta, *, paint: bool = False) -> None:
        if not delta:
            return
        self._projectors = [p for p in self._projectors if isValid(p)]  # a closed projector window
        touched = self.scene.apply(delta)
        for projector in self._projectors:
            projector.board.apply(delta)
            projector.show_view()
        if delta.findings_changed:
            self.findings.show_findings(self.state.findings, {i: item.key for i, item in self.state.items.items()})
        self._evaluation_dirty = True
        selected = self.scene.selected_id()
        if selected is not None and any(selected in link for link in delta.added_links | delta.removed_links):
            self.editor.show_item(self.state.items.get(selected), self.state)  # its list of links
        if paint and self.view.isVisible() and not touched.isEmpty():
            # what changed, now, not after the database's durable write
            area = self.view.mapFromScene(touched).boundingRect().adjusted(-3, -3, 3, 3)
            self.view.viewport().repaint(area.intersected(self.view.viewport().rect()))

    def _link_toggled(self, source: int, target: int, linked: bool) -> None:
        ok = self.link_items(source, target) if linked else self.unlink_items(source, target)
        if not ok:
            self.editor.show_item(self.state.items.get(source), self.state)

    # -- indicators (the IndicatorPanel's actions) ---------------------------------------------------------------
    def _indicator_call(self, item_id: int, call: Callable[[], Changes]) -> Changes | None:
        """Run an indicator change, show it, and put it on the undo stack (the item's indicators before and
        after: undo and redo write them back whole)."""
        before = self.state.items[item_id].indicators if item_id in self.state.items else None
        changes = self._run(call)
        if changes is not None:
            self.reload()
            after = self.state.items[item_id].indicators if item_id in self.state.items else None
            if before is not None and after is not None and after != before:
                self.undo_stack.push(self.history.indicators_changed(item_id, before, after))
        return changes

    def add_indicator(self, item_id: int, text: str, unit: str, source: str) -> str | None:
        indicators = self.services.indicators
        changes = self._indicator_call(item_id, lambda: indicators.add_indicator(item_id, text, unit, source))
        return changes.new_key if changes is not None else None

    def update_indicator(self, item_id: int, key: str, **fields: str) -> bool:
        indicators = self.services.indicators
        return self._indicator_call(item_id, lambda: indicators.update_indicator(item_id, key, **fields)) is not None

    def remove_indicator(self, item_id: int, key: str) -> bool:
        indicators = self.services.indicators
        return self._indicator_call(item_id, lambda: indicators.remove_indicator(item_id, key)) is not None

    def enter_figures(self, item_id: int, key: str, kind: FiguresKind, figures: dict[str, str]) -> bool:
        indicators = self.services.indicators
        call = lambda: indicators.enter_figures(item_id, key, kind, figures)  # noqa: E731
        return self._indicator_call(item_id, call) is not None

    def remove_figures(self, item_id: int, key: str, kind: FiguresKind, period: str) -> bool:
        indicators = self.services.indicators
        call = lambda: indicators.remove_figures(item_id, key, kind, period)  # noqa: E731
        return self._indicator_call(item_id, call) is not None

    # -- export ---------------------------------------------------------------------------------------------
    def export(self, path: Path) -> Path:
        """Write the board as PNG or SVG (by the file's suffix), without the selection mark."""
        selected = self.scene.selected_id()
        self.scene.select(None)
        self.scene.set_cached(False)  # draw the cards themselves (vector text in SVG), not their pixmaps
        try:
            if path.suffix.lower() == ".svg":
                return export_svg(self.scene, path, title=self.title())
            return export_png(self.scene, path)
        finally:
            self.scene.set_cached(True)
            self.scene.select(selected)

    def _export_dialog(self, suffix: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Spara tavlan"), f"programlogik.{suffix}", f"{suffix.upper()} (*.{suffix})"
        )
        if name:
            path = Path(name)
            if path.suffix.lower() != f".{suffix}":
                path = path.with_suffix(f".{suffix}")
            try:
                self.export(path)
            except OSError as error:
                QMessageBox.warning(self, "lardesk", str(error))

    def walk_kinds(self) -> tuple[ItemKind, ...]:
        return WALK_ORDER
