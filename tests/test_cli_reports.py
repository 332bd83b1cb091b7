"""``lardesk minutes`` and ``lardesk forms`` from the command line."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from lardesk.cli import EXIT_BAD_INPUT, EXIT_OK, main


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def demo(tmp_path: Path) -> tuple[str, str]:
    """A data folder with the guide's example (and the year before it); returns (folder, session id)."""
    data = str(tmp_path / "data")
    code, out, _ = run("--data-dir", data, "demo")
    assert code == EXIT_OK
    return data, out.strip()


def test_minutes_pdf_and_docx(demo: tuple[str, str], tmp_path: Path) -> None:
    data, session = demo
    target = tmp_path / "protokoll.pdf"
    code, out, _ = run("--data-dir", data, "minutes", session, str(target), "--docx", "--dnr", "KS 2011/5")
    assert code == EXIT_OK
    assert out.split() == [str(target), str(target.with_suffix(".docx"))]
    text = re.sub(r"\s+", " ", "".join(p.extract_text() or "" for p in PdfReader(target).pages))
    assert "6 deltagare, varav 4 kvinnor och 2 män" in text
    assert "Dnr KS 2011/5" in text
    assert "Förra året (2010)" in text  # the demo has last year's session
    assert "Exempelkommunen" in docx.Document(str(target.with_suffix(".docx"))).core_properties.subject


def test_minutes_docx_by_file_name(demo: tuple[str, str], tmp_path: Path) -> None:
    data, session = demo
    target = tmp_path / "protokoll.docx"
    code, _, _ = run("--data-dir", data, "minutes", session, str(target), "--no-board", "--no-spread")
    assert code == EXIT_OK
    assert docx.Document(str(target)).core_properties.language == "sv-SE"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("minutes", "999", "{dir}/m.pdf"), "no session"),
        (("minutes", "{session}", "{dir}/m.txt"), "must end in .pdf or .docx"),
        (("minutes", "{session}", "{dir}/missing/m.pdf"), "does not exist"),
        (("forms", "{dir}/f.docx"), "must end in .pdf"),
        (("forms", "{dir}/f.pdf", "--session", "999"), "no session"),
    ],
)
def test_bad_input_is_exit_2(demo: tuple[str, str], tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    data, session = demo
    filled = [a.format(dir=tmp_path, session=session) for a in args]
    code, out, err = run("--data-dir", data, *filled)
    assert code == EXIT_BAD_INPUT
    assert message in err
    assert out == ""
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.txt"))


def test_forms_blank_and_for_a_session(demo: tuple[str, str], tmp_path: Path) -> None:
    data, session = demo
    blank = tmp_path / "blank.pdf"
    code, out, _ = run("--data-dir", data, "forms", str(blank), "--copies", "3")
    assert code == EXIT_OK
    assert len(PdfReader(blank).pages) == 3  # three personal forms (A4)
    sheet = tmp_path / "blank-arbetsblad.pdf"
    assert len(PdfReader(sheet).pages) == 1  # and the worksheet (A3), in a file of its own
    assert out.split() == [str(blank), str(sheet)]
    mine = tmp_path / "session.pdf"
    assert run("--data-dir", data, "forms", str(mine), "--session", session, "--only", "personal")[0] == EXIT_OK
    assert len(PdfReader(mine).pages) == 6  # one a participant present
    code, _, err = run("--data-dir", data, "forms", str(mine), "--copies", "0")
    assert code == EXIT_BAD_INPUT and "copies" in err
