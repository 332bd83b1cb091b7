"""Writing the minutes and printing the forms from the GUI.

``MinutesDialog`` shows the options (case number, which figures), a preview (the same blocks the PDF and the
DOCX are made of: :func:`lardesk.reports.minutes.minutes_document`) and saves PDF or DOCX;
``FormsDialog`` prints the personal assessment form and the program-logic worksheet. The preview is the
minutes' own content (:func:`lardesk.reports.minutes.build_minutes`) as rich text with the figures, not the
PDF pages: PySide6-Essentials has no QtPdf, and the app must not call out to pdftoppm.

Both dialogs read a snapshot through the services and hand it to the pure renderers in ``lardesk.reports``;
they never touch storage.
"""

from __future__ import annotations

from collections.abc import Callable
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
from lardesk.method.snapshot import SessionSnapshot
from lardesk.reports import document as doc
from lardesk.reports.forms import MAX_COPIES, FormsOptions, render_forms
from lardesk.reports.minutes import (
    MinutesFigures,
    MinutesOptions,
    build_minutes,
    draw_figures,
    minutes_document,
    rasterise,
    render_minutes,
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


def _text_html(text: doc.Text) -> str:
    pieces = (doc.Run(text),) if isinstance(text, str) else text
    out = []
    for piece in pieces:
        body = escape(piece.text).replace("\n", "<br/>")
        if piece.bold:
            body = f"<b>{body}</b>"
        if piece.italic:
            body = f"<i>{body}</i>"
        out.append(body)
    return "".join(out)


def document_html(document: doc.Document, figure_key: Callable[[doc.Figure], str] | None = None) -> str:
    """The document the PDF and the DOCX are made of, as rich text for the preview: the same blocks, in the same
    order (figures referenced as ``figure:N`` when ``figure_key`` names them)."""
    muted = "color:#505a64"
    parts = [f'<p style="{muted}"><b>{escape(document.kicker.upper())}</b></p>'] if document.kicker else []
    parts.append(f"<h1>{escape(document.heading or document.title)}</h1>")
    if document.subtitle:
        parts.append(f'<p style="{muted}">{escape(document.subtitle)}</p>')
    for block in document.blocks:
        if isinstance(block, doc.Heading):
            level = min(block.level + 1, 4)
            parts.append(f"<h{level}>{escape(block.text)}</h{level}>")
        elif isinstance(block, doc.Paragraph):
            style = {"small": muted, "lead": muted, "note": "margin-left:12px", "part": muted}.get(block.style, "")
            body = _text_html(block.text)
            if block.style in ("label", "question", "part", "kicker"):
                body = f"<b>{body}</b>"
            parts.append(f'<p style="{style}">{body}</p>' if style else f"<p>{body}</p>")
        elif isinstance(block, doc.ItemList):
            tag = "ol" if block.numbered else "ul"
            parts.append(f"<{tag}>" + "".join(f"<li>{_text_html(i)}</li>" for i in block.items) + f"</{tag}>")
        elif isinstance(block, doc.Fields):
            rows = "".join(
                f"<tr><td style='{muted}'>{escape(k)}</td><td>{escape(v) or '____________'}</td></tr>"
                for k, v in block.rows
            )
            parts.append(f"<table cellpadding='2'>{rows}</table>")
        elif isinstance(block, doc.Table):
            head = "".join(f"<th align='left'>{escape(h)}</th>" for h in block.header)
            body = "".join(
                "<tr>" + "".join(f"<td>{_text_html(cell)}</td>" for cell in row) + "</tr>" for row in block.rows
            )
            parts.append(f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>")
        elif isinstance(block, doc.Figure) and figure_key is not None:
            width = round(min(block.width_in, 9.0) * 72)
            parts.append(f'<p><img src="{figure_key(block)}" width="{width}" alt="{escape(block.alt)}"/></p>')
            if block.caption:
                parts.append(f'<p style="{muted}"><i>{escape(block.caption)}</i></p>')
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
        self._drawn: MinutesFigures | None = None
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

    def drawn(self) -> MinutesFigures:
        """The printed figures (SVG, PNG for the preview), drawn once per dialog and reused for the files."""
        if self._drawn is None:
            self._drawn = draw_figures(self.snapshot, self.guide)
            rasterise(
                [part.image for part in self._drawn.board_parts]
                + ([self._drawn.spread] if self._drawn.spread is not None else [])
                + [image for _, image in self._drawn.later_rounds]
            )
        return self._drawn

    def refresh(self) -> None:
        options = self.options()
        minutes = build_minutes(self.snapshot, self.guide, options)
        document = QTextDocument(self.preview)
        figures = self.figures(options)
        keys: dict[int, str] = {}

        def key(block: doc.Figure) -> str:
            if id(block) not in keys:
                keys[id(block)] = f"figure:{len(keys)}"
                image = QImage.fromData(block.png())
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(keys[id(block)]), image)
            return keys[id(block)]

        document.setHtml(document_html(minutes_document(minutes, figures), key))
        self.preview.setDocument(document)

    def figures(self, options: MinutesOptions) -> MinutesFigures:
        """The figures drawn for the preview, reused for the file (drawing them is the slow part)."""
        drawn = self.drawn()
        return MinutesFigures(
            spread=drawn.spread if options.include_spread else None,
            later_rounds=drawn.later_rounds if options.include_spread else (),
            board_parts=drawn.board_parts if options.include_board else (),
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
