"""The main window: organisations and their sessions."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTreeWidget, QTreeWidgetItem

from lardesk.services import Services


class MainWindow(QMainWindow):
    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.setWindowTitle("lardesk – lärande uppföljning")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Organisation / uppföljning", "Datum", "Period", "Deltagare"])
        self.tree.setAccessibleName("Organisationer och uppföljningar")
        self.setCentralWidget(self.tree)
        self.resize(1000, 640)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        for entry in self.services.sessions.list_sessions():
            parent = QTreeWidgetItem([entry.organisation.display_name])
            for s in entry.sessions:
                QTreeWidgetItem(parent, [s.title or s.period, s.date.isoformat(), s.period, str(s.participants)])
            self.tree.addTopLevelItem(parent)
            parent.setExpanded(True)
