"""The printable forms: the personal assessment form (Bilaga 2) and the A3 program-logic worksheet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from lardesk.method.guide import load_guide
from lardesk.method.snapshot import Anonymity, SessionSnapshot
from lardesk.reports.forms import FormsOptions, form_names, render_forms
from lardesk.services import Services
from tests.reports.test_minutes import big_snapshot

GUIDE = load_guide("sv")
A4 = (595, 842)
A3_LANDSCAPE = (1191, 842)


def sizes(path: Path) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(path).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_blank_forms_are_one_personal_page_and_one_a3_worksheet(tmp_path: Path) -> None:
    path = tmp_path / "forms.pdf"
    render_forms(GUIDE, path)
    assert sizes(path) == [A4, A3_LANDSCAPE]
    reader = PdfReader(path)
    personal = flat(reader.pages[0].extract_text() or "")
    assert "Personlig bedömning" in personal
    assert "Namn" in personal
    for scale in GUIDE.scales:
        assert f"{scale.number}. {scale.label}" in personal
        assert flat(scale.question) in personal
    assert personal.count(GUIDE.scale_low) == 9 and personal.count(GUIDE.scale_high) == 9
    assert personal.count("Avstår") >= 9
    worksheet = flat(reader.pages[1].extract_text() or "")
    for header in (
        "Resurser",
        "Planerade aktiviteter",
        "Förväntat resultat (kortsiktigt)",
        "Förmedlande instanser",
        "Förväntade effekter (långsiktiga)",
    ):
        assert header in worksheet
    assert worksheet.count("Bedömning:") == 5


def test_copies_give_that_many_personal_pages(tmp_path: Path) -> None:
    path = tmp_path / "forms.pdf"
    render_forms(GUIDE, path, options=FormsOptions(copies=7, worksheet=False))
    assert sizes(path) == [A4] * 7


def test_one_page_per_participant_names_only_in_open_mode(tmp_path: Path) -> None:
    open_session = big_snapshot(participants=4, items=10, anonymity=Anonymity.OPEN)
    path = tmp_path / "open.pdf"
    render_forms(GUIDE, path, snapshot=open_session, options=FormsOptions(worksheet=False))
    reader = PdfReader(path)
    assert len(reader.pages) == 4
    for index, page in enumerate(reader.pages, start=1):
        assert f"Deltagare Nummer{index}" in (page.extract_text() or "")
    roles_session = big_snapshot(participants=4, items=10, anonymity=Anonymity.ROLES)
    assert form_names(roles_session, None) == ["", "", "", ""]
    path = tmp_path / "roles.pdf"
    render_forms(GUIDE, path, snapshot=roles_session, options=FormsOptions(worksheet=False))
    text = "".join(p.extract_text() or "" for p in PdfReader(path).pages)
    assert "Deltagare Nummer" not in text
    assert "(frivilligt)" in text


def test_worksheet_prefilled_from_a_session(services: Services, example_id: int, tmp_path: Path) -> None:
    snapshot: SessionSnapshot = services.sessions.snapshot(example_id)
    path = tmp_path / "worksheet.pdf"
    render_forms(GUIDE, path, snapshot=snapshot, options=FormsOptions(personal=False))
    assert sizes(path)[0] == A3_LANDSCAPE
    text = flat("".join(p.extract_text() or "" for p in PdfReader(path).pages))
    for item in snapshot.items:
        assert flat(item.text) in text, item.key
    assert "Exempelkommunen" in text
    blank = tmp_path / "blank.pdf"
    render_forms(GUIDE, blank, snapshot=snapshot, options=FormsOptions(personal=False, prefill=False))
    assert "Ettårigt utbildningsprogram" not in flat(PdfReader(blank).pages[0].extract_text() or "")


def test_a_large_worksheet_runs_over_several_a3_pages(tmp_path: Path) -> None:
    path = tmp_path / "large.pdf"
    render_forms(GUIDE, path, snapshot=big_snapshot(participants=2, items=200), options=FormsOptions(personal=False))
    pages = sizes(path)
    assert len(pages) > 1 and set(pages) == {A3_LANDSCAPE}
    text = flat("".join(p.extract_text() or "" for p in PdfReader(path).pages))
    assert "Punkt 199 i programlogiken" in text


def test_nothing_to_print_is_refused_and_the_old_file_stays(tmp_path: Path) -> None:
    path = tmp_path / "forms.pdf"
    render_forms(GUIDE, path)
    before = path.read_bytes()
    with pytest.raises(ValueError, match="nothing to print"):
        render_forms(GUIDE, path, options=FormsOptions(personal=False, worksheet=False))
    with pytest.raises(ValueError, match="copies"):
        render_forms(GUIDE, path, options=FormsOptions(copies=-1))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["forms.pdf"]
