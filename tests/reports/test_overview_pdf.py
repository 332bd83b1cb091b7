"""The overview's PDF and the half-year checkpoint: tagged PDF/UA-1 (the minutes' own check), every figure in the
text, no names, user text as typed, and the command line that writes them."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader

from lardesk.cli import main
from lardesk.method.guide import load_guide
from lardesk.reports.overview_pdf import (
    WORDS,
    checkpoint_document,
    overview_document,
    render_checkpoint_pdf,
    render_overview_pdf,
)
from lardesk.services import Services
from tests.pdfua import check_pdf_ua
from tests.services.overview_data import TODAY, import_all

SV = load_guide("sv")
TRICKY = "Åtgärd #rubrik *fet* <b>x</b> & $pengar$ @etikett ] [länk](x) \\ _under_"


def text_of(path: Path) -> str:
    reader = PdfReader(path)
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() or "" for page in reader.pages))


def test_overview_pdf_is_pdf_ua_and_says_everything(services: Services, tmp_path: Path) -> None:
    import_all(services)
    overview = services.overview.overview(today=TODAY)
    path = tmp_path / "översikt.pdf"
    render_overview_pdf(overview, SV, path)
    report = check_pdf_ua(path)
    words = WORDS["sv"]
    assert report.headings == [(1, words.scales_heading), (1, words.findings_heading)]
    assert report.headings == overview_document(overview, SV).headings
    assert report.tables == 2
    text = text_of(path)
    for unit in overview.units:
        assert unit.unit in text and unit.latest.date.isoformat() in text
    # Alfa – Socialförvaltningen, scale 9: 6 up 2 from 4, median 6; Beta: 3 down 2, median 7; no median of two.
    assert "6 ↑ +2" in text and "3 ↓ −2" in text and "md 7" in text
    assert "Person" not in text and "Chef A" not in text
    one_scale = tmp_path / "skala9.pdf"
    render_overview_pdf(overview, SV, one_scale, scales=(9,))
    assert check_pdf_ua(one_scale).tables == 2
    assert "9 Samlad bedömning" in text_of(one_scale) and "1 Utgångspunkt" not in text_of(one_scale)


def test_checkpoint_pdf_is_pdf_ua_with_room_to_write(services: Services, tmp_path: Path) -> None:
    import_all(services)
    a2 = services.overview.overview(today=TODAY).units[0].latest.id
    services.sessions.add_improvement(a2, TRICKY, owner="Chef C", due="2026-01-15")
    actions = services.overview.checkpoint_actions()
    path = tmp_path / "halvår.pdf"
    render_checkpoint_pdf(actions, SV, path, TODAY)
    report = check_pdf_ua(path)
    # The latest follow-up of each unit: Alfa's 2025 session, Tekniska's only one; Beta has no actions.
    assert report.headings == [(1, "Alfa kommun – Socialförvaltningen"), (1, "Alfa kommun – Tekniska förvaltningen")]
    assert report.headings == checkpoint_document(actions, SV, TODAY).headings
    text = text_of(path)
    assert TRICKY in text or TRICKY.replace(" ", "") in text.replace(" ", "")
    for action in actions:
        assert action.text in text or action.text.replace(" ", "") in text.replace(" ", "")
    assert "Mål i verksamhetsplanen" not in text  # the 2024 session's action: not this checkpoint's
    assert text.count("⚠ försenad") == 3  # 2026-03-01, 2026-01-15 and Tekniska's 2023-12-31
    assert text.count("☐ Delvis genomförd") == len(actions) == 6
    assert "Ny status" in text and "Anteckningar" in text and "Chef B" in text


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_line_writes_both(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lardesk.sqlite'}"
    services = Services.open(url)
    try:
        import_all(services)
    finally:
        services.close()
    target = tmp_path / "halvår.pdf"
    code, out, err = run("--database", url, "actions-checkpoint", str(target), "--unit", "Tekniska förvaltningen")
    assert (code, err) == (0, "") and out.strip() == str(target)
    assert check_pdf_ua(target).headings == [(1, "Alfa kommun – Tekniska förvaltningen")]
    code, _, err = run("--database", url, "actions-checkpoint", str(target), "--unit", "Gamma")
    assert code == 2 and "Gamma" in err
    code, _, err = run("--database", url, "actions-checkpoint", str(tmp_path / "x.docx"))
    assert code == 2 and ".pdf" in err
    overview_pdf = tmp_path / "översikt.pdf"
    code, _, err = run("--database", url, "overview", "--output", str(overview_pdf), "--json")
    assert (code, err) == (0, "")
    assert check_pdf_ua(overview_pdf).tables == 2
