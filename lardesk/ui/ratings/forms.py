"""Ways 2 and 3: one participant's form at a time.

*Pass the laptop* (PassTheLaptop): the laptop goes round the table; each person sees an empty form with the
nine questions, types their values and presses Enter on the last one (or "Klar"); the form is emptied at
once and the next person is named, so nobody sees another's values.

*Printed forms* (PrintedForms): after the meeting the facilitator keys in the paper forms (Bilaga 2) one by
one: the same form, showing what is saved, and Enter on the last scale saves it and opens the next person's.
Until the round is revealed, what is already saved shows as ● (that a value is there, not which): what the
facilitator types is seen, another participant's saved values are not.

Keys in a field: digits only, "10" as 1 then 0, "-" or "x" to abstain; Tab or Enter to the next scale.
A field left empty changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.guide import Guide
from lardesk.method.snapshot import ParticipantInfo, SessionSnapshot
from lardesk.ui.ratings.grid import HIDDEN, participant_labels
from lardesk.ui.ratings.keys import Blank, parse, shown, type_key

SaveForm = Callable[[int, Mapping[int, int | None]], bool]
"""save(participant_id, {scale: value | None}) → whether it was saved."""


class ValueField(QLineEdit):
    """One scale's value: digits only, 10 naturally, "-"/"x" abstains; Enter moves on like Tab."""

    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(2)
        self.setFixedWidth(64)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.setFont(font)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and (text.isdigit() or text in "-xX"):
            self.setText(type_key(self.text() if self.text() != "" else "", text))
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
            return
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.clear()
            return
        if text and text.isprintable():
            return  # letters and the like are not values
        super().keyPressEvent(event)


class FormEntry(QWidget):
    """The nine (agreed) questions with a value field each; ``finished`` when Enter is pressed on the last."""

    finished = Signal()

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.fields: dict[int, ValueField] = {}
        self.labels: dict[int, QLabel] = {}
        # what the numbers mean, on the form itself (not only in a tooltip): read before the first value
        self.ends = QLabel(
            self.tr("1 = {low} · 10 = {high} · Avstå: skriv -").format(low=guide.scale_low, high=guide.scale_high),
            self,
        )
        self.ends.setObjectName("scaleEnds")
        self.ends.setWordWrap(True)
        font = QFont(self.ends.font())
        font.setBold(True)
        self.ends.setFont(font)
        # the question across the width, its value field beside it: no narrow column and empty space
        self.form = QGridLayout()
        self.form.setColumnStretch(1, 1)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(6)
        layout = QVBoxLayout(self)
        layout.addWidget(self.ends)
        layout.addLayout(self.form)
        layout.addStretch(1)

    def set_scales(self, scales: tuple[int, ...]) -> None:
        if tuple(self.fields) == scales:
            return
        for widget in [*self.fields.values(), *self.labels.values()]:
            self.form.removeWidget(widget)
            widget.deleteLater()
        self.fields, self.labels = {}, {}
        previous: ValueField | None = None
        for row, scale in enumerate(scales):
            info = self.guide.scale(scale)
            label = QLabel(f"<b>{info.number} {info.label}</b> – {info.question}", self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            field = ValueField(self)
            field.setAccessibleName(self.tr("Skala {number} {label}").format(number=info.number, label=info.label))
            field.setToolTip(
                self.tr("1 = {low}, 10 = {high}; - = avstår").format(
                    low=self.guide.scale_low, high=self.guide.scale_high
                )
            )
            label.setBuddy(field)
            self.form.addWidget(field, row, 0, Qt.AlignmentFlag.AlignTop)
            self.form.addWidget(label, row, 1)
            label.show()  # at once, not when the layout gets round to it: the field can take the focus now
            field.show()
            self.labels[scale] = label
            field.entered.connect(lambda s=scale: self._entered(s))
            if previous is not None:
                QWidget.setTabOrder(previous, field)
            previous = field
            self.fields[scale] = field

    def _entered(self, scale: int) -> None:
        scales = list(self.fields)
        position = scales.index(scale)
        if position + 1 < len(scales):
            self.fields[scales[position + 1]].setFocus()
        else:
            self.finished.emit()

    def values(self) -> dict[int, int | None]:
        result: dict[int, int | None] = {}
        for scale, field in self.fields.items():
            value = parse(field.text())
            if not isinstance(value, Blank):
                result[scale] = value
        return result

    def show_values(self, values: Mapping[int, int | None], *, hidden: bool = False) -> None:
        """Show the saved ``values``; ``hidden`` (before the reveal): only that a value is saved, as a ● in the
        empty field (typing over it replaces it; left empty, it is kept)."""
        for scale, field in self.fields.items():
            saved = scale in values
            field.setText(shown(values[scale]) if saved and not hidden else "")
            field.setPlaceholderText(HIDDEN if saved and hidden else "")
            field.setAccessibleDescription(self.tr("bedömt, dolt tills värdena visas") if saved and hidden else "")

    def clear(self) -> None:
        for field in self.fields.values():
            field.clear()

    def focus_first(self) -> None:
        if self.fields:
            next(iter(self.fields.values())).setFocus()


def _big(label: QLabel, scale: float = 1.5, bold: bool = True) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _scrolling(content: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


def rated_all(snapshot: SessionSnapshot, participant: ParticipantInfo, round_: int) -> bool:
    given = {r.scale for r in snapshot.ratings_in(round_) if r.participant_id == participant.id}
    return set(snapshot.session.agreed_sections) <= given


class PassTheLaptop(QWidget):
    """Way 2: one participant at a time sees only their own, empty form."""

    def __init__(self, guide: Guide, save: SaveForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save = save
        self.snapshot: SessionSnapshot | None = None
        self.round = 1
        self.participant: ParticipantInfo | None = None
        self.pages = QStackedWidget(self)

        # handing over
        self.handover = QWidget(self.pages)
        self.next_label = _big(QLabel(self.handover), 2.0)
        self.next_label.setObjectName("nextParticipant")
        self.help = _big(QLabel(self.handover), 1.1, bold=False)
        self.progress = _big(QLabel(self.handover), 1.1, bold=False)
        self.chooser = QComboBox(self.handover)
        self.chooser.setAccessibleName(self.tr("Välj deltagare"))
        self.begin = QPushButton(self.tr("Börja (Enter)"), self.handover)
        self.begin.setAutoDefault(True)
        self.begin.setDefault(True)
        self.begin.clicked.connect(self.start)
        choose_row = QHBoxLayout()
        choose_row.addWidget(QLabel(self.tr("Någon annan:"), self.handover))
        choose_row.addWidget(self.chooser, 1)
        choose_row.addWidget(self.begin)
        handover_layout = QVBoxLayout(self.handover)
        handover_layout.addStretch(1)
        handover_layout.addWidget(self.next_label)
        handover_layout.addWidget(self.help)
        handover_layout.addWidget(self.progress)
        handover_layout.addLayout(choose_row)
        handover_layout.addStretch(2)
        self.chooser.currentIndexChanged.connect(self._chosen)

        # the form
        self.form_page = QWidget(self.pages)
        self.form_title = _big(QLabel(self.form_page), 1.6)
        self.entry = FormEntry(guide, self.form_page)
        self.entry.finished.connect(self.finish)
        self.done = QPushButton(self.tr("Klar – dölj mina värden"), self.form_page)
        self.done.clicked.connect(self.finish)
        self.cancel = QPushButton(self.tr("Avbryt"), self.form_page)
        self.cancel.clicked.connect(self.abandon)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.done)
        form_layout = QVBoxLayout(self.form_page)
        form_layout.addWidget(self.form_title)
        form_layout.addWidget(_scrolling(self.entry, self.form_page), 1)
        form_layout.addLayout(buttons)

        self.pages.addWidget(self.handover)
        self.pages.addWidget(self.form_page)
        self.setFocusProxy(self.begin)  # when the tab opens, Enter starts the next person's form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    @property
    def filling_in(self) -> bool:
        return self.pages.currentWidget() is self.form_page

    def load(self, snapshot: SessionSnapshot, round_: int) -> None:
        self.snapshot, self.round = snapshot, round_
        self.entry.set_scales(snapshot.session.agreed_sections)
        if self.filling_in:
            return
        self._offer_next()

    def _offer_next(self) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        labels = participant_labels(snapshot)
        waiting = [p for p in snapshot.present if not rated_all(snapshot, p, self.round)]
        done = len(snapshot.present) - len(waiting)
        self.progress.setText(
            self.tr("%1 av %2 har bedömt.").replace("%1", str(done)).replace("%2", str(len(snapshot.present)))
        )
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for p in snapshot.present:
            mark = "✓ " if p not in waiting else ""
            self.chooser.addItem(mark + labels[p.id], p.id)
        self.participant = waiting[0] if waiting else None
        if self.participant is not None:
            self.chooser.setCurrentIndex(snapshot.present.index(self.participant))
            self.next_label.setText(self.tr("Nästa: %1").replace("%1", labels[self.participant.id]))
            self.help.setText(
                self.tr(
                    "Lämna datorn till personen ovan och tryck Enter. Bara den personens tomma formulär visas; "
                    "värdena döljs när hen trycker Enter på sista skalan."
                )
            )
        else:
            self.chooser.setCurrentIndex(-1)
            self.next_label.setText(self.tr("Alla har bedömt."))
            self.help.setText(
                self.tr(
                    "Lämna tillbaka datorn till samtalsledaren, som avslutar rundan (Avsluta skicka runt, Ctrl+F8) "
                    "och visar spridningen för gruppen (Visa värdena, F8). Vill någon göra om sin bedömning, "
                    "välj hen nedan."
                )
            )
        self.chooser.blockSignals(False)
        self.begin.setEnabled(self.participant is not None)
        self.pages.setCurrentWidget(self.handover)
        if self.isVisible():
            self.begin.setFocus()

    def _chosen(self, position: int) -> None:
        if self.snapshot is None or position < 0:
            return
        self.participant = self.snapshot.present[position]
        self.next_label.setText(
            self.tr("Nästa: %1").replace("%1", participant_labels(self.snapshot)[self.participant.id])
        )
        self.begin.setEnabled(True)

    def start(self) -> None:
        if self.participant is None or self.snapshot is None:
            return
        label = participant_labels(self.snapshot)[self.participant.id]
        self.form_title.setText(self.tr("%1 – din personliga bedömning").replace("%1", label))
        self.entry.clear()
        self.pages.setCurrentWidget(self.form_page)
        self.entry.focus_first()

    def finish(self) -> None:
        if self.participant is None:
            return
        values = self.entry.values()
        if values and not self.save(self.participant.id, values):
            return
        self.abandon()

    def abandon(self) -> None:
        """Empty the form at once (nobody sees the values typed), and name the next person."""
        self.entry.clear()
        self.pages.setCurrentWidget(self.handover)
        self._offer_next()


class PrintedForms(QWidget):
    """Way 3: keying in the printed forms, participant by participant, values shown."""

    def __init__(self, guide: Guide, save: SaveForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save = save
        self.snapshot: SessionSnapshot | None = None
        self.round = 1
        self.chooser = QComboBox(self)
        self.chooser.setAccessibleName(self.tr("Vems blankett"))
        self.entry = FormEntry(guide, self)
        self.entry.finished.connect(self.save_and_next)
        self.next_button = QPushButton(self.tr("Spara och nästa blankett"), self)
        self.next_button.clicked.connect(self.save_and_next)
        self.status = QLabel(self)
        self.hidden_note = QLabel(
            self.tr("Sparade värden visas som ● tills Visa värdena (F8); det du skriver in syns medan du skriver."),
            self,
        )
        self.hidden_note.setObjectName("formsHiddenNote")
        self.hidden_note.setWordWrap(True)
        self.hidden_note.setStyleSheet("font-style:italic;")
        self.hidden_note.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Blankett för:"), self))
        top.addWidget(self.chooser, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hidden_note)
        layout.addWidget(_scrolling(self.entry, self), 1)
        layout.addLayout(bottom)
        self.chooser.currentIndexChanged.connect(self._show_current)

    def load(self, snapshot: SessionSnapshot, round_: int) -> None:
        self.snapshot, self.round = snapshot, round_
        self.entry.set_scales(snapshot.session.agreed_sections)
        if self.entry.fields:  # when the tab opens, the cursor is in the first scale, ready to type
            self.setFocusProxy(next(iter(self.entry.fields.values())))
        labels = participant_labels(snapshot)
        ids = [p.id for p in snapshot.present]
        current = self.chooser.currentData()
        if [self.chooser.itemData(i) for i in range(self.chooser.count())] != ids:
            self.chooser.blockSignals(True)
            self.chooser.clear()
            for pid in ids:
                self.chooser.addItem(labels[pid], pid)
            self.chooser.setCurrentIndex(ids.index(current) if current in ids else 0)
            self.chooser.blockSignals(False)
        self._show_current()

    def _show_current(self) -> None:
        snapshot = self.snapshot
        pid = self.chooser.currentData()
        if snapshot is None or pid is None:
            self.entry.clear()
            return
        values = {r.scale: r.value for r in snapshot.ratings_in(self.round) if r.participant_id == pid}
        hidden = self.round not in snapshot.session.revealed_rounds  # another's saved values: not before the reveal
        self.entry.show_values(values, hidden=hidden)
        self.hidden_note.setVisible(hidden)
        done = sum(1 for p in snapshot.present if rated_all(snapshot, p, self.round))
        self.status.setText(
            self.tr("%1 av %2 blanketter inlagda.").replace("%1", str(done)).replace("%2", str(len(snapshot.present)))
        )

    def select(self, participant_id: int) -> None:
        position = self.chooser.findData(participant_id)
        if position >= 0:
            self.chooser.setCurrentIndex(position)

    def save_and_next(self) -> None:
        pid = self.chooser.currentData()
        if pid is None:
            return
        values = self.entry.values()
        if values and not self.save(pid, values):
            return
        position = self.chooser.currentIndex() + 1
        if position < self.chooser.count():
            self.chooser.setCurrentIndex(position)
        else:
            self._show_current()
        self.entry.focus_first()
