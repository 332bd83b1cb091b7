"""The session's own steps: agreeing on the parts, one step per agreed section, and the deferred
"Vad kan göras…" step. Each implements :class:`lardesk.ui.steps.Step`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.guide import JOINT_SCALE, SECTIONS, Guide, GuideError, Section, load_guide
from lardesk.method.snapshot import Anonymity, SessionSnapshot
from lardesk.services import Changed, Changes
from lardesk.services.requests import SessionFields
from lardesk.ui.action_review import ActionReview
from lardesk.ui.bus import ChangeBus
from lardesk.ui.improvements import IdMap, ImprovementsEditor
from lardesk.ui.participants import OPENNESS, ParticipantsEditor, anonymity_box, language_box
from lardesk.ui.write_through import ServiceCommand, WriteThrough

if TYPE_CHECKING:
    from lardesk.services import Services

MUTED = "color:palette(placeholder-text);"
QUESTIONS_SHARE = 0.45
"""The questions' share of a section's height below the board (sections 1–6), at first."""
QUESTIONS_LEAST = 0.35
"""The least share they keep, whatever the splitter was left at."""


def guide_for(language: str) -> Guide:
    """The guide in the session's language (Swedish if that language's file is missing)."""
    try:
        return load_guide(language)
    except (GuideError, OSError):
        return load_guide("sv")


def heading_label(text: str, parent: QWidget, scale: float = 1.35) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def wrapped(text: str, parent: QWidget, style: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    return label


def scrolling(content: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


class Context:
    """What every step of one session shares."""

    def __init__(self, services: Services, bus: ChangeBus, undo: QUndoStack, session_id: int, guide: Guide) -> None:
        self.services, self.bus, self.undo, self.session_id, self.guide = services, bus, undo, session_id, guide
        self.ids = IdMap()


# -- agreeing on the parts ------------------------------------------------------------------------------


class ConfirmOpenness:
    """Asking before a session shows more of who rated what (a class so tests can answer for the group)."""

    @classmethod
    def ask(cls, parent: QWidget | None, mode: Anonymity) -> bool:
        if mode is Anonymity.OPEN:
            text = QCoreApplication.translate(
                "ConfirmOpenness",
                "Öppet läge visar namnen vid bedömningarna, i tabellen och i spridningen. Är alla i gruppen "
                "överens om det?",
            )
        else:
            text = QCoreApplication.translate(
                "ConfirmOpenness",
                "Med det här läget kan deltagarnas namn sparas i uppföljningen. Är alla i gruppen överens om det?",
            )
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ConfirmOpenness", "Öppnare läge"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


class PartsStep(QWidget):
    STEP_ID = "parts"

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        guide = context.guide
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addWidget(heading_label(self.title(), content))
        layout.addWidget(
            wrapped(
                self.tr(
                    "Kom överens om vilka delar ni följer upp i dag. Samlad bedömning (9) ingår alltid. "
                    "Uppföljningen går sedan igenom de valda avsnitten i frågeguidens ordning."
                ),
                content,
            )
        )
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        details = QGroupBox(self.tr("Om uppföljningen"), content)
        form = QFormLayout(details)
        self.details: dict[str, WriteThrough] = {}
        for name, label, hint in (
            ("title", self.tr("&Rubrik:"), ""),
            ("date", self.tr("&Datum:"), self.tr("ÅÅÅÅ-MM-DD")),
            ("period", self.tr("&Period:"), ""),
            ("facilitator", self.tr("&Samtalsledare:"), ""),
            ("case_number", self.tr("D&iarienummer:"), self.tr("för minnesanteckningarna (frivilligt)")),
        ):
            edit = QLineEdit(details)
            edit.setAccessibleName(label.replace("&", "").rstrip(":"))
            edit.setPlaceholderText(hint)
            form.addRow(label, edit)
            self.details[name] = WriteThrough(edit, self._detail_writer(name), debounce=name != "date")
        # decided in the room as often as before it: the guide's language and how open the ratings are
        self.language = language_box(details)
        self.language.setAccessibleName(self.tr("Frågeguidens språk"))
        self.language.activated.connect(self._language_chosen)
        form.addRow(self.tr("Frågeguidens &språk:"), self.language)
        self.anonymity = anonymity_box(details)
        self.anonymity.setAccessibleName(self.tr("Anonymitet"))
        self.anonymity.setToolTip(
            self.tr("Ett öppnare läge kräver att gruppen är överens; ett mer slutet tar bort namnen direkt.")
        )
        self.anonymity.activated.connect(self._anonymity_chosen)
        form.addRow(self.tr("&Anonymitet:"), self.anonymity)
        right.addWidget(details)
        self.boxes: dict[int, QCheckBox] = {}
        for part in guide.parts:
            group = QGroupBox(part.title, content)
            group_layout = QVBoxLayout(group)
            for number in part.sections:
                box = QCheckBox(f"{number}. {guide.section(number).title}", group)
                box.setAccessibleName(self.tr("Ta med avsnitt %1").replace("%1", str(number)))
                if number == JOINT_SCALE:
                    box.setChecked(True)
                    box.setEnabled(False)
                    box.setToolTip(self.tr("Samlad bedömning ingår alltid."))
                box.toggled.connect(self._parts_toggled)
                group_layout.addWidget(box)
                self.boxes[number] = box
            left.addWidget(group)
        self.defer = QCheckBox(
            self.tr("Ta alla ”Vad kan göras …?” i ett eget steg i slutet"),
            content,
        )
        self.defer.setAccessibleName(self.tr("Skjut upp alla förbättringsåtgärder till ett steg i slutet"))
        self.defer.toggled.connect(self._defer_toggled)
        self.defer.setToolTip(self.tr("Vad kan göras för att ni ska få ett högre värde nästa år?"))
        left.addWidget(self.defer)
        people_box = QGroupBox(self.tr("Deltagare i dag"), content)
        people_layout = QVBoxLayout(people_box)
        self.people = wrapped("", people_box, MUTED)
        self.participants = ParticipantsEditor(context.bus, context.session_id, people_box)
        people_layout.addWidget(self.participants)
        people_layout.addWidget(self.people)
        right.addWidget(people_box)
        self.previous_box = QGroupBox(self.tr("Förbättringsåtgärder från föregående uppföljning"), content)
        previous_layout = QVBoxLayout(self.previous_box)
        previous_layout.addWidget(
            wrapped(
                self.tr(
                    "Hur gick det med åtgärderna? Sätt status (genomförd, delvis genomförd, inte genomförd, "
                    "struken) och skriv en kommentar; minnesanteckningarna redovisar genomgången."
                ),
                self.previous_box,
                MUTED,
            )
        )
        self.action_review = ActionReview(context.bus, context.session_id, self.previous_box)
        previous_layout.addWidget(self.action_review)
        left.addWidget(self.previous_box)
        left.addStretch(1)
        right.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content, self))
        self._parts: frozenset[int] = frozenset(SECTIONS)
        self._anonymity = Anonymity.ROLES
        self._defer = False

    def title(self) -> str:
        return self.tr("Överenskommelse om delar")

    def refresh_on(self) -> Changed:
        return Changed.SESSION | Changed.PARTICIPANTS | Changed.IMPROVEMENTS | Changed.RATINGS

    def load(self, snapshot: SessionSnapshot) -> None:
        info = snapshot.session
        self._parts, self._defer = frozenset(info.agreed_sections), info.defer_improvements
        for number, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(number in self._parts)
            box.blockSignals(False)
        self.defer.blockSignals(True)
        self.defer.setChecked(info.defer_improvements)
        self.defer.blockSignals(False)
        values = {
            "title": info.title,
            "date": info.date.isoformat(),
            "period": info.period,
            "facilitator": info.facilitator,
            "case_number": info.case_number,
        }
        for name, field in self.details.items():
            field.show(values[name])
        self._anonymity = info.anonymity
        for combo, value in ((self.language, info.language), (self.anonymity, info.anonymity.value)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.people.setText(snapshot.participation_sentence(self.context.guide.language))
        self.participants.load(snapshot)
        previous = snapshot.previous.improvements if snapshot.previous else ()
        if snapshot.previous is not None:
            label = snapshot.previous.label(snapshot.session.date, self.context.guide.language)
            self.previous_box.setTitle(self.tr("Förbättringsåtgärder – {0}: hur gick det?").format(label))
        self.action_review.load(snapshot)
        self.previous_box.setVisible(bool(previous))

    def projector_widget(self) -> QWidget | None:
        return None

    def projector_text(self) -> tuple[str, str, str]:
        guide = self.context.guide
        chosen = "\n".join(f"{n}. {guide.section(n).title}" for n in sorted(self._parts))
        return self.title(), chosen, ""

    def _parts_toggled(self) -> None:
        new = frozenset(n for n, box in self.boxes.items() if box.isChecked()) | {JOINT_SCALE}
        old = self._parts
        if new == old:
            return
        self._parts = new
        self._push("parts", old, new, self.tr("Ändra delar"))

    def _defer_toggled(self, checked: bool) -> None:
        old, self._defer = self._defer, checked
        self._push("defer_improvements", old, checked, self.tr("Skjut upp åtgärder"))

    def _push(self, field: str, old: object, new: object, text: str, *, merge: bool = False) -> None:
        context = self.context
        sessions = context.services.sessions

        def call(value: object) -> Changes:
            return sessions.update_session(context.session_id, **cast(SessionFields, {field: value}))

        key = ("session", field) if merge else None
        context.undo.push(ServiceCommand(context.bus, text, lambda: call(new), lambda: call(old), self, merge_key=key))

    def _language_chosen(self, index: int) -> None:
        """The guide's language of this session (its steps are shown again in it)."""
        language = str(self.language.itemData(index))
        sessions, session_id = self.context.services.sessions, self.context.session_id
        if language != self.context.guide.language:
            self.context.bus.run(lambda: sessions.update_session(session_id, language=language), self)

    def _anonymity_chosen(self, index: int) -> None:
        """A more open mode only when the group agrees (asked); a less open one at once (anonymous: the
        service removes every name from the session, which no undo brings back)."""
        new, old = Anonymity(self.anonymity.itemData(index)), self._anonymity
        if new is old:
            return
        sessions, session_id = self.context.services.sessions, self.context.session_id
        if (OPENNESS[new] > OPENNESS[old] and not ConfirmOpenness.ask(self, new)) or self.context.bus.run(
            lambda: sessions.update_session(session_id, anonymity=new.value), self
        ) is None:
            self.anonymity.setCurrentIndex(self.anonymity.findData(old.value))
            return
        self._anonymity = new

    def _detail_writer(self, name: str) -> Callable[[str, str], None]:
        def write(old: str, new: str) -> None:
            self._push(name, old, new, self.tr("Ändra uppgifter"), merge=True)
            stored = self.context.services.sessions.session_info(self.context.session_id)
            value = stored.date.isoformat() if name == "date" else str(getattr(stored, name))
            if value != new:  # refused (a date that is not a date): show what is kept
                self.details[name].revert(value)

        return write


# -- one section ----------------------------------------------------------------------------------------


class NoteEdit(QPlainTextEdit):
    """A notes field: Tab moves on (keyboard users walk the form), it grows a little with its text."""

    def __init__(self, question: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        """Two lines when empty, up to eight as the text grows (then it scrolls)."""
        lines = max(2, min(8, self.document().lineCount() + 1))
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)


class SectionStep(QWidget):
    """A section of the guide: its questions with explanations and a notes field each, the assessment
    question, and the actions of "Vad kan göras…" (unless they are taken in one step at the end)."""

    def __init__(self, context: Context, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.STEP_ID = f"section-{number}"
        self.context = context
        self.number = number
        self.section: Section = context.guide.section(number)
        self.current_question = 1 if self.section.questions else 0
        """The question the projector shows: the first at once, then the one whose notes have the focus, or
        the one the facilitator moves to (Ctrl+↓ / Ctrl+↑, ``move_question``)."""
        section = self.section
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setSpacing(6)
        part = next((p.title for p in context.guide.parts if number in p.sections), "")
        if part:
            layout.addWidget(wrapped(part, content, MUTED))
        layout.addWidget(heading_label(self.title(), content))
        if section.info:
            layout.addWidget(wrapped(section.info, content, "font-style:italic;"))
        self.notes: dict[int, NoteEdit] = {}
        self.fields: dict[int, WriteThrough] = {}
        group = ""
        for question in section.questions:
            if question.group and question.group != group:
                group = question.group
                layout.addWidget(heading_label(section.group_title(group), content, 1.1))
            text = f"{question.number}. {question.text}"
            if question.items:
                text += "\n" + "\n".join(f"   – {item}" for item in question.items)
            label = wrapped(text, content, "font-weight:bold; margin-top:8px;")
            layout.addWidget(label)
            if question.info:
                layout.addWidget(wrapped(question.info, content, MUTED))
            layout.addWidget(self._note(question.number, label, content))
        other = wrapped(self.tr("Övriga anteckningar om avsnittet"), content, "font-weight:bold; margin-top:8px;")
        layout.addWidget(other)
        layout.addWidget(self._note(0, other, content))

        assessment = QGroupBox(section.assessment_heading, content)
        assessment_layout = QVBoxLayout(assessment)
        assessment_layout.addWidget(wrapped(section.assessment_question, assessment, "font-weight:bold;"))
        assessment_layout.addWidget(
            wrapped(self.tr("Var och en sätter sitt värde (1–10) i steget för bedömningarna."), assessment, MUTED)
        )
        layout.addWidget(assessment)

        self.follow_up = QGroupBox(section.follow_up, content)
        self.follow_up.setAccessibleName(section.follow_up)
        follow_layout = QVBoxLayout(self.follow_up)
        self.deferred_hint = wrapped(
            self.tr("Ni tar förbättringsåtgärderna i ett eget steg i slutet."), self.follow_up, MUTED
        )
        follow_layout.addWidget(self.deferred_hint)
        self.action_editor = ImprovementsEditor(
            context.services, context.bus, context.undo, context.ids, context.session_id, number, self.follow_up
        )
        follow_layout.addWidget(self.action_editor)
        layout.addWidget(self.follow_up)
        layout.addStretch(1)

        self.scroll_area = scrolling(content, self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.scroll_area)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)

    def _note(self, question: int, label: QLabel, parent: QWidget) -> NoteEdit:
        editor = NoteEdit(question, parent)
        label.setBuddy(editor)
        if question:
            editor.setAccessibleName(self.tr("Anteckningar till fråga %1").replace("%1", str(question)))
        else:
            editor.setAccessibleName(self.tr("Övriga anteckningar om avsnittet"))
        editor.setPlaceholderText(self.tr("Anteckningar…"))
        self.notes[question] = editor
        self.fields[question] = WriteThrough(editor, lambda old, new: self._write(question, old, new))
        return editor

    def _write(self, question: int, old: str, new: str) -> bool:
        """Write a note through; False when it was refused (it then stays unsaved on screen)."""
        context = self.context
        sessions = context.services.sessions

        def call(text: str) -> Changes:
            return sessions.set_note(context.session_id, self.number, question, text)

        command = ServiceCommand(
            context.bus,
            self.tr("Anteckning %1.%2").replace("%1", str(self.number)).replace("%2", str(question)),
            lambda: call(new),
            lambda: call(old),
            self,
            merge_key=("note", self.number, question),
        )
        context.undo.push(command)
        return not command.refused

    def title(self) -> str:
        return f"{self.number}. {self.section.title}"

    def refresh_on(self) -> Changed:
        return Changed.NOTES | Changed.IMPROVEMENTS | Changed.SESSION

    def load(self, snapshot: SessionSnapshot) -> None:
        for question, field in self.fields.items():
            field.show(snapshot.note(self.number, question))
        deferred = snapshot.session.defer_improvements
        self.deferred_hint.setVisible(deferred)
        self.action_editor.setVisible(not deferred)
        self.action_editor.load(snapshot)

    def projector_widget(self) -> QWidget | None:
        return None

    def projector_text(self) -> tuple[str, str, str]:
        section = self.section
        focus = self.focusWidget()
        if focus is not None and self.action_editor.isAncestorOf(focus):
            return self.title(), section.follow_up, ""
        if self.current_question:
            question = section.question(self.current_question)
            text = question.text
            if question.items:
                text += "\n" + "\n".join(f"– {item}" for item in question.items)
            return self.title(), text, question.info
        return self.title(), "", section.info

    def move_question(self, step: int) -> bool:
        """Show the next (``step`` 1) or previous (-1) question on the projector, and bring its notes into
        view without touching them; False at the first or last question."""
        numbers = [question.number for question in self.section.questions]
        if not numbers:
            return False
        here = numbers.index(self.current_question) if self.current_question in numbers else -1
        there = max(0, min(len(numbers) - 1, here + step)) if here >= 0 else 0
        if numbers[there] == self.current_question:
            return False
        self.current_question = numbers[there]
        editor = self.notes.get(self.current_question)
        if editor is not None:
            self.scroll_area.ensureWidgetVisible(editor, 0, 120)
        return True

    def focused_question(self, widget: QWidget | None) -> int | None:
        for question, editor in self.notes.items():
            if widget is editor:
                return question
        return None

    def attach_board(self, board: QWidget) -> None:
        """Show the program-logic board above the questions (sections 1–6)."""
        if board.parent() is not self.splitter:
            self.splitter.insertWidget(0, board)
            self.splitter.setStretchFactor(0, 11)
            self.splitter.setStretchFactor(1, 9)
            height = max(self.splitter.height(), 400)
            self.splitter.setSizes([round(height * (1 - QUESTIONS_SHARE)), round(height * QUESTIONS_SHARE)])
            board.show()

    def keep_questions_in_view(self) -> None:
        """However the splitter was left (or remembered), the questions keep at least ``QUESTIONS_LEAST`` of the
        height: on a 768-pixel screen that is three questions with their notes, not one."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if len(sizes) == 2 and total > 0 and sizes[1] < total * QUESTIONS_LEAST:
            least = round(total * QUESTIONS_LEAST)
            self.splitter.setSizes([total - least, least])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.keep_questions_in_view()


# -- the deferred "Vad kan göras…" step -------------------------------------------------------------------


class DeferredActionsStep(QWidget):
    STEP_ID = "improvements"

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.content = QWidget(self)
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.addWidget(heading_label(self.title(), self.content))
        self.editors: dict[int, tuple[QGroupBox, ImprovementsEditor]] = {}
        guide = context.guide
        for number in SECTIONS:
            section = guide.section(number)
            box = QGroupBox(f"{number}. {section.title}", self.content)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(wrapped(section.assessment_question, box, MUTED))
            editor = ImprovementsEditor(
                context.services, context.bus, context.undo, context.ids, context.session_id, number, box
            )
            box_layout.addWidget(editor)
            self.content_layout.addWidget(box)
            self.editors[number] = (box, editor)
        self.content_layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(self.content, self))

    def title(self) -> str:
        return self.tr("Vad kan göras till nästa år?")

    def refresh_on(self) -> Changed:
        return Changed.IMPROVEMENTS | Changed.SESSION

    def load(self, snapshot: SessionSnapshot) -> None:
        agreed = snapshot.session.agreed_sections
        for number, (box, editor) in self.editors.items():
            box.setVisible(number in agreed)
            editor.load(snapshot)

    def projector_widget(self) -> QWidget | None:
        return None

    def projector_text(self) -> tuple[str, str, str]:
        return self.title(), self.context.guide.section(JOINT_SCALE).follow_up, ""
