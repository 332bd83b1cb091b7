"""The joint assessment (samlad bedömning): one agreed value and a comment per scale.

Both are written through as they are typed, like everything else (no Save button to forget). A value outside
the individual range is kept even before its comment is written; it is marked, beside the scale, as needing a
comment until one is there.

Until the facilitator shows the values of round 1 (*Visa värdena*), nothing here tells what the individual
values are: beside each scale only "n av N har bedömt", no range, no median, and no "outside the range"
marking (that would tell the range too); a line says the values appear after *Visa värdena*.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.guide import Guide
from lardesk.method.snapshot import SessionSnapshot
from lardesk.method.stats import number
from lardesk.ui.i18n import current_language
from lardesk.ui.write_through import WindowUndo, WriteThrough


def answered(snapshot: SessionSnapshot, scale: int, round_: int = 1) -> int:
    """How many of those present have rated ``scale`` in ``round_``, abstentions included (the grid's ●)."""
    present = {p.id for p in snapshot.present}
    return sum(1 for r in snapshot.ratings_in(round_) if r.scale == scale and r.participant_id in present)


def decimal(value: float | None, language: str | None = None) -> str:
    """A median as the UI language writes it: "5,5" in Swedish, "5.5" in English (whole numbers as "5")."""
    text = str(number(value))
    return text.replace(".", ",") if (language or current_language()) == "sv" else text


SaveJoint = Callable[[int, int | None, str, str], str | None]
"""save(scale, value | None (remove), comment, the field that changed) → None when saved, else why not."""


ROWS_PER_SCALE = 3
"""Grid rows per scale: name, value and spread; the comment; a message when the value needs a comment."""


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
        WindowUndo(self.value)  # every value is saved at once: Ctrl+Z is the session's undo
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
        self.message = QLabel(parent)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#a61b1b; font-weight:bold;")
        self.message.hide()
        # the name, the value and the spread on one line; the comment (a sentence) across the whole width below
        grid.addWidget(self.label, row, 0)
        grid.addWidget(self.value, row, 1)
        grid.addWidget(self.range, row, 2)
        grid.addWidget(self.comment, row + 1, 0, 1, 3)
        grid.addWidget(self.message, row + 2, 0, 1, 3)
        self.writer: WriteThrough | None = None
        self.failed = False
        """The last write was refused: its message stays until the next write."""


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
        self.hidden_note = QLabel(
            self.tr(
                "Spridning och median visas efter Visa värdena (F8). Tills dess syns bara hur många som har bedömt."
            ),
            self,
        )
        self.hidden_note.setObjectName("jointHiddenNote")
        self.hidden_note.setWordWrap(True)
        self.hidden_note.setStyleSheet("font-style:italic;")
        self.hidden_note.hide()
        self.revealed = False
        """Whether round 1 (the range the joint value is held against) has been shown to the room."""
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(intro)
        inner_layout.addWidget(self.hidden_note)
        inner_layout.addLayout(self.grid)
        inner_layout.addStretch(1)
        area = QScrollArea(self)  # nine scales with their comments may be taller than a laptop's tab
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)
        self._scales: tuple[int, ...] = ()

    def focus_first(self) -> None:
        """The keyboard in the first scale's value, ready to type over it."""
        if self.rows:
            value = self.rows[next(iter(self.rows))].value
            value.setFocus(Qt.FocusReason.TabFocusReason)
            value.selectAll()

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
                row = JointRow(scale, self.guide, self.grid, position * ROWS_PER_SCALE, self)
                row.value.valueChanged.connect(lambda _value, s=scale: self.commit(s))
                row.writer = WriteThrough(row.comment, self._comment_writer(scale))
                row.comment.returnPressed.connect(row.writer.flush)
                self.rows[scale] = row
            self._scales = scales
        self.revealed = revealed = 1 in snapshot.session.revealed_rounds
        self.hidden_note.setVisible(not revealed)
        present = len(snapshot.present)
        for s in snapshot.stats(1, scales):
            row = self.rows[s.scale]
            if not revealed:  # no range, no median: only how many have rated
                row.range.setText(
                    self.tr("%1 av %2 har bedömt")
                    .replace("%1", str(answered(snapshot, s.scale)))
                    .replace("%2", str(present))
                )
            elif s.values:
                median = decimal(s.median)
                row.range.setText(
                    self.tr("spridning {minimum}–{maximum}, median {median}").format(
                        minimum=s.minimum, maximum=s.maximum, median=median
                    )
                )
            else:
                row.range.setText(self.tr("inga värden"))
            row.range.setAccessibleName(row.range.text())
            joint = snapshot.joint_for(s.scale)
            row.value.blockSignals(True)
            row.value.setValue(joint.value if joint else 0)
            row.value.blockSignals(False)
            if row.writer is not None:
                row.writer.show(joint.comment if joint else "")
            if revealed and snapshot.joint_needs_comment(s.scale):  # before the reveal it would tell the range
                self._say(
                    row,
                    self.tr(
                        "Kommentar krävs: {value} ligger utanför de enskilda bedömningarna ({minimum}–{maximum}). "
                        "Värdet är sparat; skriv varför."
                    ).format(value=joint.value if joint else "", minimum=s.minimum, maximum=s.maximum),
                )
            elif not row.failed:
                self._say(row, "")

    def commit(self, scale: int, field: str = "value") -> bool:
        """Write the scale's value and comment as they are now; False (and why, beside it) when refused."""
        row = self.rows[scale]
        value = row.value.value() or None
        message = self.save(scale, value, row.comment.text(), field)
        row.failed = bool(message)
        if message:
            self._say(row, message)
        return message is None

    def _comment_writer(self, scale: int) -> Callable[[str, str], bool]:
        return lambda _old, _new: self.commit(scale, "comment")

    @staticmethod
    def _say(row: JointRow, message: str) -> None:
        row.message.setText(message)
        row.message.setVisible(bool(message))

    def needs_comment(self, scale: int) -> bool:
        return bool(self.message(scale))

    def message(self, scale: int) -> str:
        row = self.rows[scale]
        return row.message.text() if not row.message.isHidden() else ""


__all__ = ["JointEditor"]
