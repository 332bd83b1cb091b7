"""The joint assessment (samlad bedömning): one agreed value and a comment per scale.

When the agreed value lies outside the individual range the service asks for a comment; its message is
shown beside the scale, not in a dialog, so the facilitator can simply write one and save again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.guide import Guide
from lardesk.method.snapshot import SessionSnapshot
from lardesk.method.stats import number
from lardesk.ui.i18n import current_language


def decimal(value: float | None, language: str | None = None) -> str:
    """A median as the UI language writes it: "5,5" in Swedish, "5.5" in English (whole numbers as "5")."""
    text = str(number(value))
    return text.replace(".", ",") if (language or current_language()) == "sv" else text


SaveJoint = Callable[[int, int | None, str], str | None]
"""save(scale, value | None (remove), comment) → None when saved, else the message why not."""


class JointRow:
    def __init__(self, scale: int, guide: Guide, grid: QGridLayout, row: int, parent: QWidget) -> None:
        info = guide.scale(scale)
        self.scale = scale
        self.label = QLabel(f"<b>{info.number} {info.label}</b>", parent)
        self.range = QLabel(parent)
        self.range.setStyleSheet("color:palette(placeholder-text);")
        self.label.setToolTip(info.question)
        self.value = QSpinBox(parent)
        self.value.setRange(0, 10)
        self.value.setSpecialValueText("–")
        self.value.setAccessibleName(
            QCoreApplication.translate("JointEditor", "Samlad bedömning, skala {number}").format(number=info.number)
        )
        self.comment = QLineEdit(parent)
        self.comment.setPlaceholderText(
            QCoreApplication.translate("JointEditor", "Kommentar (krävs när värdet ligger utanför spridningen)")
        )
        self.comment.setAccessibleName(
            QCoreApplication.translate("JointEditor", "Kommentar, skala {number}").format(number=info.number)
        )
        self.save = QPushButton(QCoreApplication.translate("JointEditor", "Spara"), parent)
        self.message = QLabel(parent)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#a61b1b; font-weight:bold;")
        self.message.hide()
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.value, row, 1)
        grid.addWidget(self.comment, row, 2)
        grid.addWidget(self.save, row, 3)
        grid.addWidget(self.range, row + 1, 0)
        grid.addWidget(self.message, row + 1, 1, 1, 3)


class JointEditor(QWidget):
    def __init__(self, guide: Guide, save: SaveJoint, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.save = save
        self.rows: dict[int, JointRow] = {}
        intro = QLabel(
            self.tr(
                "Gruppen enas om var verksamheten står, minst på skala 9. Ligger det samlade värdet utanför "
                "spridningen (lägsta–högsta individuella värde) ska kommentaren säga varför."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self._scales: tuple[int, ...] = ()

    def load(self, snapshot: SessionSnapshot) -> None:
        scales = snapshot.session.agreed_sections
        if scales != self._scales:
            while self.grid.count():
                item = self.grid.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
            self.rows = {}
            for position, scale in enumerate(scales):
                row = JointRow(scale, self.guide, self.grid, position * 2, self)
                row.save.clicked.connect(lambda _=False, s=scale: self.commit(s))
                row.comment.returnPressed.connect(lambda s=scale: self.commit(s))
                self.rows[scale] = row
            self._scales = scales
        for s in snapshot.stats(1, scales):
            row = self.rows[s.scale]
            if s.values:
                median = decimal(s.median)
                row.range.setText(
                    self.tr("spridning {minimum}–{maximum}, median {median}").format(
                        minimum=s.minimum, maximum=s.maximum, median=median
                    )
                )
            else:
                row.range.setText(self.tr("inga värden"))
            joint = snapshot.joint_for(s.scale)
            if not row.value.hasFocus():
                row.value.setValue(joint.value if joint else 0)
            if not row.comment.hasFocus():
                row.comment.setText(joint.comment if joint else "")

    def commit(self, scale: int) -> bool:
        row = self.rows[scale]
        value = row.value.value() or None
        message = self.save(scale, value, row.comment.text())
        row.message.setText(message or "")
        row.message.setVisible(bool(message))
        if message:
            row.comment.setFocus()
        return message is None

    def message(self, scale: int) -> str:
        row = self.rows[scale]
        return row.message.text() if not row.message.isHidden() else ""


__all__ = ["JointEditor"]
