"""The minutes and forms dialogs, driven offscreen with qtbot."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from lardesk.services import Services
from lardesk.ui import minutes_dialog
from lardesk.ui.minutes_dialog import FormsDialog, MinutesDialog, SaveFiles, missing_owner_or_date, suggested_name

pytestmark = pytest.mark.gui


def test_preview_shows_the_minutes_and_follows_the_options(qtbot: QtBot, services: Services, example_id: int) -> None:
    dialog = MinutesDialog(services, example_id)
    qtbot.addWidget(dialog)
    text = dialog.preview.toPlainText()
    assert "Exempelkommunen" in text
    assert "6 deltagare, varav 4 kvinnor och 2 män" in text
    assert "Aktivitet utan koppling till förväntat resultat" in text
    dialog.case_number.setText("KS 2011/99")
    dialog.case_number.editingFinished.emit()
    assert "KS 2011/99" in dialog.preview.toPlainText()
    assert dialog.options().case_number == "KS 2011/99"
    dialog.include_spread.setChecked(False)
    assert dialog.options().include_spread is False


def test_save_buttons_write_pdf_and_docx(
    qtbot: QtBot, services: Services, example_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = MinutesDialog(services, example_id)
    qtbot.addWidget(dialog)
    dialog.case_number.setText("KS 2011/1")
    chosen = tmp_path / "protokoll"  # no suffix: the dialog adds it
    monkeypatch.setattr(SaveFiles, "ask_save", classmethod(lambda cls, parent, title, suggested, f: str(chosen)))
    dialog.save_pdf_button.click()
    pdf = tmp_path / "protokoll.pdf"
    assert pdf.exists()
    assert "Dnr KS 2011/1" in (PdfReader(pdf).pages[0].extract_text() or "")
    assert "protokoll.pdf" in dialog.status.text()
    dialog.save_docx_button.click()
    assert (tmp_path / "protokoll.docx").stat().st_size > 0


def test_cancelled_save_writes_nothing(
    qtbot: QtBot, services: Services, example_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = MinutesDialog(services, example_id)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(SaveFiles, "ask_save", classmethod(lambda cls, parent, title, suggested, f: ""))
    dialog.save_pdf_button.click()
    assert dialog.status.text() == ""
    assert not list(tmp_path.glob("*.pdf"))


def test_suggested_file_name_is_safe(services: Services, example_id: int) -> None:
    name = suggested_name(services.sessions.snapshot(example_id), ".pdf")
    assert name == "Minnesanteckningar Exempelkommunen 2011-11-15.pdf"


def test_forms_dialog_prints_for_a_session(
    qtbot: QtBot, services: Services, example_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = FormsDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.session.count() == 2  # "none" and the example
    assert not dialog.prefill.isEnabled()
    dialog.session.setCurrentIndex(1)
    assert dialog.prefill.isEnabled()
    target = tmp_path / "blanketter.pdf"
    monkeypatch.setattr(minutes_dialog.SaveFiles, "ask_save", classmethod(lambda cls, p, t, s, f: str(target)))
    dialog.save_button.click()
    assert len(PdfReader(target).pages) == 6  # six participants
    sheet = tmp_path / "blanketter-arbetsblad.pdf"  # the A3 worksheet beside them
    assert "Ettårigt utbildningsprogram" in (PdfReader(sheet).pages[0].extract_text() or "")
    assert str(sheet) in dialog.status.text()
    dialog.personal.setChecked(False)
    dialog.worksheet.setChecked(False)
    assert not dialog.save_button.isEnabled()


def test_the_dialog_says_which_actions_lack_an_owner_or_a_date(qtbot: QtBot, services: Services) -> None:
    from lardesk.method.snapshot import ImprovementInfo

    session_id = services.exchange.load_demo()
    dialog = MinutesDialog(services, session_id)
    qtbot.addWidget(dialog)
    assert not dialog.missing.isVisibleTo(dialog), "every action of the demo has an owner and a date"
    dialog.snapshot = replace(
        dialog.snapshot, improvements=(*dialog.snapshot.improvements, ImprovementInfo(99, "Utan allt", None))
    )
    text = missing_owner_or_date(dialog.snapshot)
    assert "utan ansvarig: 1" in text and "utan datum: 1" in text and "”Ansvarig saknas”" in text
