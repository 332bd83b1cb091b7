"""The main window: organisations and their sessions (newest first, searchable) and what to do with them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.guide import LANGUAGES
from lardesk.services import Changed, Changes, OrganisationSessions
from lardesk.ui.bus import ChangeBus
from lardesk.ui.i18n import install_language
from lardesk.ui.settings import restore_window, save_window, set_ui_language, ui_language

if TYPE_CHECKING:
    from lardesk.services import Services
    from lardesk.ui.session_window import SessionWindow


SESSION_ROLE = Qt.ItemDataRole.UserRole
SETTINGS_KEY = "main"


class ConfirmDelete:
    """Asking before a session is deleted (a class so tests can answer for the user)."""

    @classmethod
    def ask(cls, parent: QWidget | None, what: str) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("MainWindow", "Ta bort uppföljning"),
            what,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


class ExchangeFiles:
    """The file dialogs for import and export (a class so tests can choose the file)."""

    FILTER = "lardesk (*.json);;JSON (*.json)"

    @classmethod
    def ask_open(cls, parent: QWidget | None) -> str:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("MainWindow", "Importera uppföljning"), str(Path.home()), cls.FILTER
        )
        return path

    @classmethod
    def ask_save(cls, parent: QWidget | None, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("MainWindow", "Exportera uppföljning"),
            str(Path.home() / suggested),
            cls.FILTER,
        )
        return path


class MainWindow(QMainWindow):
    def __init__(self, services: Services | None = None, bus: ChangeBus | None = None) -> None:
        """The window; without ``services`` it paints at once and waits for :meth:`attach` (start-up opens
        the database after the first paint, so the window appears before SQLAlchemy and the migrations)."""
        super().__init__()
        self._services: Services | None = None
        self._pending_open: int | None = None
        self.listed = False
        """The sessions are in the list (read quickly at start-up, or through the services)."""
        self._bus: ChangeBus | None = bus
        self.session_windows: dict[int, SessionWindow] = {}
        self.overview_window: QMainWindow | None = None
        self.language = ui_language()

        central = QWidget(self)
        layout = QVBoxLayout(central)
        search_row = QHBoxLayout()
        self.search_label = QLabel(central)
        self.search = QLineEdit(central)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._search_entered)
        self.search_label.setBuddy(self.search)
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        layout.addLayout(search_row)
        self.tree = QTreeWidget(central)
        self.tree.setColumnCount(5)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(lambda _item, _column: self.open_selected())
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.tree, 1)
        self.empty = QLabel(central)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty)
        self.setCentralWidget(central)

        self._make_actions()
        self._retranslate()
        if not restore_window(self, SETTINGS_KEY):
            self.resize(1100, 680)
        if services is not None:
            self.attach(services)
        else:
            self._waiting()

    @property
    def services(self) -> Services:
        assert self._services is not None, "the database is not open yet"
        return self._services

    @property
    def bus(self) -> ChangeBus:
        assert self._bus is not None, "the database is not open yet"
        return self._bus

    def _waiting(self) -> None:
        """Before the database is open: the window is there, nothing to act on yet."""
        self.empty.setText(self.tr("Öppnar databasen …"))
        self.empty.setVisible(True)
        self.tree.setEnabled(False)
        self.search.setEnabled(False)
        for made in (self.new_action, self.import_action, self.forms_action, self.overview_action):
            made.setEnabled(False)
        self._enable()

    def attach(self, services: Services) -> None:
        """Show the sessions of the (now open) database."""
        self._services = services
        if self._bus is None:
            self._bus = ChangeBus(services, self)
        self._bus.changed.connect(self._changed)
        self.tree.setEnabled(True)
        self.search.setEnabled(True)
        for made in (self.new_action, self.import_action, self.forms_action, self.overview_action):
            made.setEnabled(True)
        self._retranslate()
        self.refresh()
        pending, self._pending_open = self._pending_open, None
        if pending is not None and pending in self.listed_sessions():
            self.select_session(pending)
            self.open_session(pending)

    # -- actions ------------------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        key = QKeySequence

        def action(keys: list[QKeySequence], slot: object) -> QAction:
            made = QAction(self)
            made.setShortcuts(keys)
            made.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
            self.addAction(made)
            return made

        self.new_action = action([key(key.StandardKey.New)], self.new_session)
        self.open_action = action([key("Ctrl+O")], self.open_selected)
        self.duplicate_action = action([key("Ctrl+D")], self.duplicate_selected)
        self.import_action = action([key("Ctrl+I")], self.import_file)
        self.export_action = action([key("Ctrl+E")], self.export_selected)
        self.delete_action = action([key(key.StandardKey.Delete)], self.delete_selected)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.tree.addAction(self.delete_action)
        self.find_action = action([key(key.StandardKey.Find)], self._focus_search)
        self.minutes_action = action([key("Ctrl+P")], self.write_minutes)
        self.forms_action = action([key("Ctrl+Shift+P")], self.print_forms)
        self.overview_action = action([key("Ctrl+Shift+O")], self.show_overview)
        # Ctrl+Q even where the platform has no standard Quit key (Windows), registered once: the same key
        # twice is an ambiguous shortcut, and Qt then runs neither
        quit_keys = [key(key.StandardKey.Quit), key("Ctrl+Q")]
        self.quit_action = action(
            [k for i, k in enumerate(quit_keys) if not k.isEmpty() and k not in quit_keys[:i]], self.close
        )
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            made = QAction(self)
            made.setCheckable(True)
            made.setChecked(code == self.language)
            made.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            self.language_group.addAction(made)
            self.language_actions[code] = made

        self.file_menu = self.menuBar().addMenu("")
        for made in (self.new_action, self.open_action, self.duplicate_action):
            self.file_menu.addAction(made)
        self.file_menu.addSeparator()
        for made in (self.import_action, self.export_action):
            self.file_menu.addAction(made)
        self.file_menu.addSeparator()
        for made in (self.minutes_action, self.forms_action):
            self.file_menu.addAction(made)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.overview_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.delete_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.settings_menu = self.menuBar().addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        for made in self.language_actions.values():
            self.language_menu.addAction(made)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for made in (self.new_action, self.open_action, self.duplicate_action, self.import_action, self.export_action):
            self.toolbar.addAction(made)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.minutes_action)
        self.toolbar.addAction(self.overview_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.delete_action)
        self.addToolBar(self.toolbar)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("lardesk – lärande uppföljning"))
        self.search_label.setText(self.tr("&Sök:"))
        self.search.setPlaceholderText(self.tr("organisation, enhet, period, samtalsledare …"))
        self.search.setAccessibleName(self.tr("Sök bland uppföljningarna"))
        self.tree.setHeaderLabels(
            [
                self.tr("Organisation / uppföljning"),
                self.tr("Datum"),
                self.tr("Period"),
                self.tr("Samtalsledare"),
                self.tr("Deltagare"),
            ]
        )
        self.tree.setAccessibleName(self.tr("Organisationer och uppföljningar"))
        texts = (
            (self.new_action, self.tr("&Ny uppföljning…")),
            (self.open_action, self.tr("Ö&ppna")),
            (self.duplicate_action, self.tr("&Duplicera som nästa år")),
            (self.import_action, self.tr("&Importera…")),
            (self.export_action, self.tr("&Exportera…")),
            (self.delete_action, self.tr("&Ta bort…")),
            (self.find_action, self.tr("Sök")),
            (self.minutes_action, self.tr("Minnesanteckningar (PDF/Word)…")),
            (self.forms_action, self.tr("Blanketter för utskrift…")),
            (self.overview_action, self.tr("Ö&versikt och åtgärder…")),
            (self.quit_action, self.tr("&Avsluta")),
        )
        for made, text in texts:
            made.setText(text)
            shortcut = made.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            made.setToolTip(f"{text.replace('&', '')} ({shortcut})" if shortcut else text.replace("&", ""))
        self.file_menu.setTitle(self.tr("&Arkiv"))
        self.settings_menu.setTitle(self.tr("&Inställningar"))
        self.language_menu.setTitle(self.tr("&Språk / Language"))
        self.language_actions["sv"].setText("Svenska")
        if "en" in self.language_actions:
            self.language_actions["en"].setText("English")
        self.toolbar.setWindowTitle(self.tr("Verktyg"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self._services is not None:
                self.refresh()
            else:
                self._waiting()
        super().changeEvent(event)

    # -- the list -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._fill(self.services.sessions.list_sessions(self.search.text()))

    def show_listing(self, listing: Sequence[OrganisationSessions]) -> None:
        """The sessions, read before the database layer is loaded (lardesk.services.listing): to look through
        at once; opening one waits for :meth:`attach`, a moment later."""
        if self._services is not None:
            return
        self.tree.setEnabled(True)
        self._fill(listing)

    def _fill(self, listing: Sequence[OrganisationSessions]) -> None:
        selected = self.selected_session()
        self.tree.clear()
        for entry in listing:
            parent = QTreeWidgetItem([entry.organisation.display_name])
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            self.tree.addTopLevelItem(parent)
            for s in entry.sessions:
                child = QTreeWidgetItem(
                    parent,
                    [
                        s.title or s.period or s.date.isoformat(),
                        s.date.isoformat(),
                        s.period,
                        s.facilitator,
                        self.tr("%n deltagare", "", s.participants),  # Qt's plural forms: 1 participant
                    ],
                )
                child.setData(0, SESSION_ROLE, s.id)
                if s.id == selected:
                    self.tree.setCurrentItem(child)
            parent.setExpanded(True)
        if listing:
            self.empty.setVisible(False)
        elif self.search.text():
            self.empty.setText(
                self.tr(
                    "Ingen uppföljning matchar ”%1”. Sök på organisation, enhet, period eller samtalsledare."
                ).replace("%1", self.search.text())
            )
            self.empty.setVisible(True)
        else:
            self.empty.setText(
                self.tr("Inga uppföljningar ännu. Skapa en ny med Ctrl+N eller importera en fil med Ctrl+I.")
            )
            self.empty.setVisible(True)
        if self.selected_session() is None:
            first = self.tree.topLevelItem(0)
            newest = first.child(0) if first is not None and first.childCount() else None
            if newest is not None:
                self.tree.setCurrentItem(newest)
        self.listed = True
        self._enable()

    def selected_session(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, SESSION_ROLE) if item is not None else None
        return int(value) if isinstance(value, int) else None

    def select_session(self, session_id: int) -> None:
        for index in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(index)
            if parent is None:
                continue
            for row in range(parent.childCount()):
                child = parent.child(row)
                if child is not None and child.data(0, SESSION_ROLE) == session_id:
                    self.tree.setCurrentItem(child)
                    return

    def _enable(self) -> None:
        has = self._services is not None and self.selected_session() is not None
        for made in (self.open_action, self.duplicate_action, self.export_action, self.delete_action):
            made.setEnabled(has)
        self.minutes_action.setEnabled(has)

    def _changed(self, changes: Changes) -> None:
        if Changed.SESSIONS in changes or Changed.PARTICIPANTS in changes:
            self.refresh()

    def listed_sessions(self) -> list[int]:
        """The sessions the list shows now (after the search), top to bottom."""
        shown: list[int] = []
        for index in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(index)
            for row in range(parent.childCount() if parent is not None else 0):
                child = parent.child(row) if parent is not None else None
                value = child.data(0, SESSION_ROLE) if child is not None else None
                if isinstance(value, int):
                    shown.append(value)
        return shown

    def _search_entered(self) -> None:
        """Enter in the search box: the only match opens; with several, the list takes the keyboard."""
        if self._services is None:
            return
        shown = self.listed_sessions()
        if len(shown) == 1:
            self.select_session(shown[0])
            self.open_session(shown[0])
        elif shown:
            if self.selected_session() not in shown:
                self.select_session(shown[0])
            self.tree.setFocus()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- what to do ---------------------------------------------------------------------------------------
    def new_session(self) -> SessionWindow | None:
        from lardesk.ui.session_dialogs import NewSessionDialog  # loaded when first used, not at start-up

        new = NewSessionDialog.ask(self, self.services, self.language)
        if new is None:
            return None
        changes = self.bus.run(lambda: self.services.sessions.create_session(new), self)
        if changes is None or changes.new_id is None:
            return None
        self.select_session(changes.new_id)
        return self.open_session(changes.new_id)

    def open_selected(self) -> SessionWindow | None:
        session_id = self.selected_session()
        if self._services is None:  # the list is shown, the database layer is still loading: open it then
            self._pending_open = session_id
            return None
        return self.open_session(session_id) if session_id is not None else None

    def open_session(self, session_id: int) -> SessionWindow:
        window = self.session_windows.get(session_id)
        if window is None:
            from lardesk.ui.session_window import SessionWindow  # loaded when first used, not at start-up

            window = SessionWindow(self.services, self.bus, session_id)
            window.closed.connect(self._session_closed)
            window.quit_requested.connect(self.close)
            self.session_windows[session_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _session_closed(self, session_id: int) -> None:
        self.session_windows.pop(session_id, None)

    def duplicate_selected(self) -> SessionWindow | None:
        session_id = self.selected_session()
        if session_id is None:
            return None
        changes = self.bus.run(lambda: self.services.sessions.duplicate_as_next_year(session_id), self)
        if changes is None or changes.new_id is None:
            return None
        self.select_session(changes.new_id)
        return self.open_session(changes.new_id)

    def import_file(self) -> None:
        path = ExchangeFiles.ask_open(self)
        if not path:
            return
        changes = self.bus.run(lambda: self.services.exchange.import_file(path), self)
        if changes is not None and changes.new_id is not None:
            self.select_session(changes.new_id)
            self.statusBar().showMessage(self.tr("Importerad: %1").replace("%1", path), 8000)

    def export_selected(self) -> None:
        session_id = self.selected_session()
        if session_id is None:
            return
        info = self.services.sessions.session_info(session_id)
        suggested = f"{info.organisation.display_name} {info.date.isoformat()}.json".replace("/", "-")
        path = ExchangeFiles.ask_save(self, suggested)
        if not path:
            return

        def export() -> Changes:
            self.services.exchange.export_file(session_id, path)
            return Changes(Changed.NONE, session_id)

        if self.bus.run(export, self) is not None:
            self.statusBar().showMessage(self.tr("Exporterad: %1").replace("%1", path), 8000)

    def delete_selected(self) -> None:
        session_id = self.selected_session()
        if session_id is None:
            return
        info = self.services.sessions.session_info(session_id)
        what = (
            self.tr("Ta bort uppföljningen %1 den %2 med alla anteckningar och bedömningar? Det går inte att ångra.")
            .replace("%1", info.organisation.display_name)
            .replace("%2", info.date.isoformat())
        )
        if not ConfirmDelete.ask(self, what):
            return
        window = self.session_windows.pop(session_id, None)
        if window is not None:
            window.close()
        self.bus.run(lambda: self.services.sessions.delete_session(session_id), self)

    def write_minutes(self) -> None:
        from lardesk.ui.minutes_dialog import MinutesDialog  # the report writers load on first use

        session_id = self.selected_session()
        if session_id is not None:
            MinutesDialog.ask(self, self.services, session_id)

    def show_overview(self) -> QMainWindow:
        """Översikt: every unit side by side, and the actions across units (one window, raised if open)."""
        from lardesk.ui.overview import OverviewWindow

        if self.overview_window is None:
            window = OverviewWindow(self.services, self.bus)
            window.open_session.connect(self.open_session)
            window.destroyed.connect(lambda _obj=None: setattr(self, "overview_window", None))
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.overview_window = window
        self.overview_window.show()
        self.overview_window.raise_()
        self.overview_window.activateWindow()
        return self.overview_window

    def print_forms(self) -> None:
        from lardesk.ui.minutes_dialog import FormsDialog

        FormsDialog.ask(self, self.services)

    def set_language(self, language: str) -> None:
        """Switch the UI language now (this window at once; session windows when opened again)."""
        if language == self.language:
            return
        self.language = language
        set_ui_language(language)
        install_language(language)
        self._retranslate()  # at once; Qt's LanguageChange event comes later and does it again, harmlessly
        self.refresh()
        if self.session_windows:
            QMessageBox.information(
                self, "lardesk", self.tr("Öppna uppföljningar byter språk när de öppnas nästa gång.")
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self.session_windows.values()):
            window.close()
        if self.overview_window is not None:
            self.overview_window.close()
        save_window(self, SETTINGS_KEY)
        super().closeEvent(event)
