"""Writing the minutes and printing the forms from the GUI.

``MinutesDialog`` shows the options (case number, which figures), a preview and saves PDF or DOCX;
``FormsDialog`` prints the personal assessment form and the program-logic worksheet. The preview is the
minutes' own content (:func:`lardesk.reports.minutes.build_minutes`) as rich text with the figures, not the
PDF pages: PySide6-Essentials has no QtPdf, and the app must not call out to pdftoppm.

Both dialogs read a snapshot through the services and hand it to the pure renderers in ``lardesk.reports``;
they never touch storage.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lardesk.method.guide import LANGUAGES, Guide, load_guide
from lardesk.method.snapshot import Anonymity, SessionSnapshot
from lardesk.reports.forms import MAX_COPIES, FormsOptions, render_forms
from lardesk.reports.minutes import (
    FigureImage,
    Minutes,
    MinutesFigures,
    MinutesOptions,
    board_image,
    build_minutes,
    render_minutes,
    spread_image,
)
from lardesk.reports.minutes_docx import render_minutes_docx
from lardesk.services import InputError, StorageError
from lardesk.ui.i18n import current_language

if TYPE_CHECKING:
    from lardesk.services import Services


def guide_for(snapshot: SessionSnapshot | None) -> Guide:
    language = snapshot.session.language if snapshot is not None else "sv"
    return load_guide(language if language in LANGUAGES else "sv")


def suggested_name(snapshot: SessionSnapshot, suffix: str) -> str:
    """ "Minnesanteckningar Exempelkommunen 2011-11-15.pdf": a file name safe on Windows."""
    info = snapshot.session
    raw = f"Minnesanteckningar {info.organisation.name} {info.date.isoformat()}"
    safe = "".join("_" if ch in '<>:"/\\|?*' else ch for ch in raw).strip(" .")
    return f"{safe}{suffix}"


def missing_owner_or_date(snapshot: SessionSnapshot) -> str:
    """What the minutes will say is missing among the actions, or "" when every action has an owner and a date."""
    owners = sum(1 for action in snapshot.improvements if not action.owner.strip())
    dates = sum(1 for action in snapshot.improvements if action.due is None)
    if not owners and not dates:
        return ""
    return QCoreApplication.translate(
        "MinutesDialog",
        "Åtgärder utan ansvarig: {owners}, utan datum: {dates}. Minnesanteckningarna skriver "
        "”Ansvarig saknas” och ”Datum saknas” där; fyll i dem i samtalet först om ni vill.",
    ).format(owners=owners, dates=dates)


def minutes_html(minutes: Minutes, *, board: bool = False, spread: bool = False) -> str:
    """The minutes as rich text for the preview (figures referenced as ``figure:board`` / ``figure:spread``)."""
    lab = minutes.labels

    def p(text: str, style: str = "") -> str:
        body = escape(text).replace("\n", "<br/>")
        return f'<p style="{style}">{body}</p>' if style else f"<p>{body}</p>"

    parts = [f'<p style="color:#5b6570"><b>{escape(lab.kind.upper())}</b></p>', f"<h1>{escape(minutes.title)}</h1>"]
    parts.append("<table cellpadding='2'>")
    parts += [f"<tr><td style='color:#5b6570'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in minutes.header]
    parts.append("</table>")
    parts.append(f"<h2>{escape(lab.participants)}</h2>")
    parts.append(p(minutes.participation + "."))
    if minutes.participant_mode is Anonymity.OPEN:
        parts.append(p(", ".join(f"{n} ({r})" if r else n for n, r in minutes.participants)))
    elif minutes.roles_summary:
        parts.append(p(f"{lab.roles}: {minutes.roles_summary}."))
    parts.append(f"<h2>{escape(lab.agreed)}</h2>")
    parts.append("<ul>" + "".join(f"<li>{escape(a)}</li>" for a in minutes.agreed) + "</ul>")
    parts.append(f"<h2>{escape(lab.discussion)}</h2>")
    for section in minutes.sections:
        parts.append(f"<h3>{section.number}. {escape(section.title)}</h3>")
        if section.note:
            parts.append(p(section.note))
        for question in section.questions:
            parts.append(f"<p><b>{escape(question.number)} {escape(question.question)}</b><br/>")
            parts.append(escape(question.note).replace("\n", "<br/>") + "</p>")
        parts.append(p(section.assessment))
        if section.joint:
            parts.append(p(section.joint))
        if section.actions:
            parts.append("<ul>" + "".join(f"<li>{escape(a)}</li>" for a in section.actions) + "</ul>")
    parts.append(f"<h2>{escape(lab.logic)}</h2>")
    parts.append("<table border='1' cellspacing='0' cellpadding='3'><tr>")
    parts += [f"<th>{escape(h)}</th>" for h in minutes.logic_headers]
    parts.append("</tr>")
    height = max((len(c) for c in minutes.logic_columns), default=0)
    for r in range(height):
        cells = []
        for column in minutes.logic_columns:
            if r < len(column):
                detail = f"<br/><i>{escape(column[r].detail)}</i>" if column[r].detail else ""
                cells.append(f"<td>{escape(column[r].text)}{detail}</td>")
            else:
                cells.append("<td></td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</table>")
    if board:
        parts.append('<p><img src="figure:board" width="640"/></p>')
    parts.append(f"<h2>{escape(lab.gaps)}</h2>")
    for group in (*minutes.gaps, *minutes.status_findings):
        items = "; ".join(group.items) if group.items else lab.none
        parts.append(p(f"{group.title}: {items}"))
    parts.append(f"<h2>{escape(lab.ratings)}</h2>")
    if spread:
        parts.append('<p><img src="figure:spread" width="560"/></p>')
    for table in minutes.scale_tables:
        parts.append("<table border='1' cellspacing='0' cellpadding='3'><tr>")
        parts += [f"<th>{escape(h)}</th>" for h in table.headers]
        parts.append("</tr>")
        for row in table.rows:
            parts.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>")
        parts.append("</table>")
    for heading, comment in minutes.joint_comments:
        parts.append(f"<p><b>{escape(heading)}.</b> {escape(comment)}</p>")
    parts.append(f"<h2>{escape(lab.actions)}</h2>")
    if not minutes.actions:
        parts.append(p(lab.no_actions))
    for action in minutes.actions:
        who = ", ".join(x for x in (action.owner, action.due) if x)
        parts.append(p(f"{action.number}. {action.text}" + (f" ({who})" if who else "")))
    return "".join(parts)


class SaveFiles:
    """The save dialogs (a class so tests can choose the file)."""

    @classmethod
    def ask_save(cls, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), file_filter)
        return path


class MinutesDialog(QDialog):
    """Options, a preview and "save as PDF / DOCX" for one session's minutes."""

    def __init__(self, services: Services, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.session_id = services, session_id
        self.snapshot = services.sessions.snapshot(session_id)
        self.guide = guide_for(self.snapshot)
        self._figures: dict[str, FigureImage | None] = {}
        self.setWindowTitle(QCoreApplication.translate("MinutesDialog", "Minnesanteckningar"))
        self.resize(900, 760)

        self.case_number = QLineEdit(self.snapshot.session.case_number, self)
        self.case_number.setPlaceholderText(QCoreApplication.translate("MinutesDialog", "t.ex. KS 2024/123"))
        self.case_number.setAccessibleName(QCoreApplication.translate("MinutesDialog", "Diarienummer"))
        self.include_board = QCheckBox(QCoreApplication.translate("MinutesDialog", "Bild av programlogiken"), self)
        self.include_board.setChecked(True)
        self.include_spread = QCheckBox(
            QCoreApplication.translate("MinutesDialog", "Spridningen av de personliga bedömningarna"), self
        )
        self.include_spread.setChecked(True)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("MinutesDialog", "Dnr"), self.case_number)
        form.addRow(QCoreApplication.translate("MinutesDialog", "Ta med"), self.include_board)
        form.addRow("", self.include_spread)

        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(QCoreApplication.translate("MinutesDialog", "Förhandsgranskning"))
        self.preview.setOpenLinks(False)

        self.save_pdf_button = QPushButton(QCoreApplication.translate("MinutesDialog", "Spara som PDF…"), self)
        self.save_docx_button = QPushButton(QCoreApplication.translate("MinutesDialog", "Spara som Word (DOCX)…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.save_pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_docx_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_pdf_button.clicked.connect(lambda: self._save_as(".pdf"))
        self.save_docx_button.clicked.connect(lambda: self._save_as(".docx"))
        self.status = QLabel(self)
        # Said before writing: actions without an owner or a date print "Ansvarig saknas" / "Datum saknas".
        self.missing = QLabel(missing_owner_or_date(self.snapshot), self)
        self.missing.setWordWrap(True)
        self.missing.setVisible(bool(self.missing.text()))
        self.missing.setAccessibleName(QCoreApplication.translate("MinutesDialog", "Åtgärder som saknar uppgifter"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.missing)
        layout.addWidget(self.preview, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self.case_number.editingFinished.connect(self.refresh)
        self.include_board.toggled.connect(self.refresh)
        self.include_spread.toggled.connect(self.refresh)
        self.refresh()

    @classmethod
    def ask(cls, parent: QWidget | None, services: Services, session_id: int) -> None:
        try:
            dialog = cls(services, session_id, parent)
        except InputError as error:
            QMessageBox.warning(parent, "lardesk", error.localized(current_language()))
            return
        except StorageError as error:
            QMessageBox.warning(parent, "lardesk", error.localized(current_language()))
            return
        dialog.exec()

    def options(self) -> MinutesOptions:
        return MinutesOptions(
            case_number=self.case_number.text().strip(),
            include_board=self.include_board.isChecked(),
            include_spread=self.include_spread.isChecked(),
        )

    def figure(self, name: str) -> FigureImage | None:
        """The board or spread figure as PNG, drawn once per dialog."""
        if name not in self._figures:
            if name == "board":
                self._figures[name] = board_image(self.snapshot, self.guide)
            else:
                self._figures[name] = spread_image(self.snapshot, self.guide)
        return self._figures[name]

    def refresh(self) -> None:
        options = self.options()
        minutes = build_minutes(self.snapshot, self.guide, options)
        document = QTextDocument(self.preview)
        shown = {"board": False, "spread": False}
        for name, wanted in (("board", options.include_board), ("spread", options.include_spread)):
            image = self.figure(name) if wanted else None
            if image is not None:
                document.addResource(
                    QTextDocument.ResourceType.ImageResource, QUrl(f"figure:{name}"), QImage.fromData(image.png)
                )
                shown[name] = True
        document.setHtml(minutes_html(minutes, board=shown["board"], spread=shown["spread"]))
        self.preview.setDocument(document)

    def figures(self, options: MinutesOptions) -> MinutesFigures:
        """The figures drawn for the preview, reused for the file (drawing them is the slow part)."""
        return MinutesFigures(
            board=self.figure("board") if options.include_board else None,
            spread=self.figure("spread") if options.include_spread else None,
        )

    def save_pdf(self, path: str | Path) -> None:
        options = self.options()
        render_minutes(self.snapshot, self.guide, path, options=options, figures=self.figures(options))

    def save_docx(self, path: str | Path) -> None:
        options = self.options()
        render_minutes_docx(self.snapshot, self.guide, path, options=options, figures=self.figures(options))

    def _save_as(self, suffix: str) -> None:
        file_filter = "PDF (*.pdf)" if suffix == ".pdf" else "Word (*.docx)"
        path = SaveFiles.ask_save(
            self,
            QCoreApplication.translate("MinutesDialog", "Spara minnesanteckningar"),
            suggested_name(self.snapshot, suffix),
            file_filter,
        )
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            (self.save_pdf if suffix == ".pdf" else self.save_docx)(path)
        except OSError as error:
            QMessageBox.warning(
                self,
                "lardesk",
                QCoreApplication.translate("MinutesDialog", "Filen kunde inte sparas: {error}").format(
                    error=error.strerror
                ),
            )
            return
        self.status.setText(QCoreApplication.translate("MinutesDialog", "Sparad: {path}").format(path=path))


class FormsDialog(QDialog):
    """Print the personal assessment form (Bilaga 2) and the A3 program-logic worksheet."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(QCoreApplication.translate("MinutesDialog", "Blanketter"))
        self.session = QComboBox(self)
        self.session.setAccessibleName(QCoreApplication.translate("MinutesDialog", "Uppföljning"))
        self.session.addItem(QCoreApplication.translate("MinutesDialog", "Ingen (tomma blanketter)"), None)
        for entry in services.sessions.list_sessions():
            for s in entry.sessions:
                self.session.addItem(f"{entry.organisation.display_name} – {s.date.isoformat()}", s.id)
        self.personal = QCheckBox(QCoreApplication.translate("MinutesDialog", "Personlig bedömning (bilaga 2)"), self)
        self.personal.setChecked(True)
        self.worksheet = QCheckBox(
            QCoreApplication.translate("MinutesDialog", "Programlogik, arbetsunderlag i A3 (bilaga 1)"), self
        )
        self.worksheet.setChecked(True)
        self.prefill = QCheckBox(
            QCoreApplication.translate("MinutesDialog", "Fyll i arbetsunderlaget med uppföljningens programlogik"), self
        )
        self.prefill.setChecked(True)
        self.copies = QSpinBox(self)
        self.copies.setRange(0, MAX_COPIES)
        self.copies.setSpecialValueText(QCoreApplication.translate("MinutesDialog", "en per deltagare"))
        self.copies.setValue(0)
        self.copies.setAccessibleName(QCoreApplication.translate("MinutesDialog", "Antal exemplar"))
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("MinutesDialog", "Uppföljning"), self.session)
        form.addRow(QCoreApplication.translate("MinutesDialog", "Skriv ut"), self.personal)
        form.addRow("", self.worksheet)
        form.addRow("", self.prefill)
        form.addRow(QCoreApplication.translate("MinutesDialog", "Antal exemplar"), self.copies)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(QCoreApplication.translate("MinutesDialog", "Spara som PDF…"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._save_as)
        self.status = QLabel(self)
        form.addRow(self.status)
        form.addRow(buttons)
        self.personal.toggled.connect(self._update)
        self.worksheet.toggled.connect(self._update)
        self.session.currentIndexChanged.connect(self._update)
        self._update()

    @classmethod
    def ask(cls, parent: QWidget | None, services: Services) -> None:
        cls(services, parent).exec()

    def _update(self) -> None:
        has_session = self.session.currentData() is not None
        self.prefill.setEnabled(has_session and self.worksheet.isChecked())
        self.copies.setEnabled(self.personal.isChecked())
        self.save_button.setEnabled(self.personal.isChecked() or self.worksheet.isChecked())

    def options(self) -> FormsOptions:
        copies = self.copies.value()
        return FormsOptions(
            personal=self.personal.isChecked(),
            worksheet=self.worksheet.isChecked(),
            copies=copies if copies > 0 else None,
            prefill=self.prefill.isChecked(),
        )

    def snapshot(self) -> SessionSnapshot | None:
        session_id = self.session.currentData()
        return self.services.sessions.snapshot(int(session_id)) if session_id is not None else None

    def save(self, path: str | Path) -> list[Path]:
        """Write the forms; the A3 worksheet goes to a file of its own beside the A4 forms."""
        snapshot = self.snapshot()
        return render_forms(guide_for(snapshot), path, snapshot=snapshot, options=self.options())

    def _save_as(self) -> None:
        path = SaveFiles.ask_save(
            self,
            QCoreApplication.translate("MinutesDialog", "Spara blanketter"),
            QCoreApplication.translate("MinutesDialog", "Blanketter.pdf"),
            "PDF (*.pdf)",
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            written = self.save(path)
        except (OSError, ValueError) as error:
            QMessageBox.warning(
                self,
                "lardesk",
                QCoreApplication.translate("MinutesDialog", "Filen kunde inte sparas: {error}").format(error=error),
            )
            return
        shown = ", ".join(str(item) for item in written)
        self.status.setText(QCoreApplication.translate("MinutesDialog", "Sparad: {path}").format(path=shown))
