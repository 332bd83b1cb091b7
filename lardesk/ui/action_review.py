"""Reviewing the previous follow-up's improvement actions in this session: done, partly done, not done or
dropped, with a comment (dated this session's date). What the minutes then report under the previous actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from lardesk.method.actions import ActionStatus
from lardesk.method.snapshot import ImprovementInfo, SessionSnapshot
from lardesk.ui.actions_list import status_label
from lardesk.ui.bus import ChangeBus

REVIEW_ORDER: tuple[ActionStatus, ...] = (
    ActionStatus.OPEN,
    ActionStatus.DONE,
    ActionStatus.PARTLY_DONE,
    ActionStatus.NOT_DONE,
    ActionStatus.DROPPED,
    ActionStatus.IN_PROGRESS,
)
"""The statuses offered, the review's own four after "not yet followed up"."""


class ActionReviewRow:
    def __init__(self, review: ActionReview, action: ImprovementInfo, row: int) -> None:
        self.action = action
        extra = ", ".join(x for x in (action.owner, action.due.isoformat() if action.due else "") if x)
        self.text = QLabel(f"{action.text} ({extra})" if extra else action.text, review)
        self.text.setWordWrap(True)
        self.status = QComboBox(review)
        for status in REVIEW_ORDER:
            self.status.addItem(status_label(status), status.value)
        self.status.setAccessibleName(
            QCoreApplication.translate("ActionReview", "Status för åtgärden: {0}").format(action.text)
        )
        self.comment = QLineEdit(review)
        self.comment.setPlaceholderText(QCoreApplication.translate("ActionReview", "Kommentar"))
        self.comment.setAccessibleName(
            QCoreApplication.translate("ActionReview", "Kommentar till åtgärden: {0}").format(action.text)
        )
        self.date = QLabel(review)
        self.date.setAccessibleName(QCoreApplication.translate("ActionReview", "Datum för statusen"))
        self.text.setBuddy(self.status)
        self.date.setMinimumWidth(self.date.fontMetrics().horizontalAdvance("2099-12-31") + 6)
        grid = review.grid  # the action across the row, then its status, comment and date under it
        grid.addWidget(self.text, 2 * row, 0, 1, 3)
        grid.addWidget(self.status, 2 * row + 1, 0)
        grid.addWidget(self.comment, 2 * row + 1, 1)
        grid.addWidget(self.date, 2 * row + 1, 2)
        self.status.activated.connect(lambda _index: review.commit(self))
        self.comment.editingFinished.connect(lambda: review.commit(self))
        self.show(action)

    def show(self, action: ImprovementInfo) -> None:
        self.action = action
        self.status.blockSignals(True)
        self.status.setCurrentIndex(max(0, self.status.findData(action.status.value)))
        self.status.blockSignals(False)
        if not self.comment.hasFocus() and self.comment.text() != action.status_comment:
            self.comment.setText(action.status_comment)
        self.date.setText(action.status_date.isoformat() if action.status_date else "")

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.text, self.status, self.comment, self.date)


class ActionReview(QWidget):
    """One row per action of the previous follow-up: its text, a status, a comment and the date it was set."""

    def __init__(self, bus: ChangeBus, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bus, self.session_id = bus, session_id
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        self.rows: list[ActionReviewRow] = []

    def load(self, snapshot: SessionSnapshot) -> None:
        actions = snapshot.previous.improvements if snapshot.previous is not None else ()
        if [row.action.id for row in self.rows] == [action.id for action in actions]:
            for row, action in zip(self.rows, actions, strict=True):
                row.show(action)
            return
        for old in self.rows:
            for widget in old.widgets():
                widget.deleteLater()
        self.rows = [ActionReviewRow(self, action, index) for index, action in enumerate(actions)]

    def commit(self, row: ActionReviewRow) -> None:
        status = ActionStatus(row.status.currentData())
        comment = row.comment.text().strip()
        if status is row.action.status and comment == row.action.status_comment:
            return
        sessions = self.bus.services.sessions
        changes = self.bus.run(
            lambda: sessions.review_previous_action(self.session_id, row.action.id, status, comment), self
        )
        if changes is None:  # refused: show what is stored
            row.show(row.action)

    def row_for(self, text: str) -> ActionReviewRow:
        return next(row for row in self.rows if row.action.text == text)
