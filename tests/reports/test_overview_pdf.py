"""The overview's PDF and the half-year checkpoint: tagged PDF/UA-1 (the minutes' own check), every figure in the
text, no names, user text as typed, and the command line that writes them."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from lardesk.cli import main
from lardesk.method.actions import ActionStatus
from lardesk.method.guide import load_guide
from lardesk.method.overview import Overview
from lardesk.method.words import WORD_LANGUAGES, section, word
from lardesk.reports import document as doc
from lardesk.reports.overview_pdf import (
    SHARED,
    WORDS,
    Words,
    catalogue_words,
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


# -- the words: the catalogue's, in both languages -------------------------------------------------------------


def test_the_words_are_the_catalogues_overview_section_and_the_shared_words() -> None:
    """A word missing from section "overview", or one there that no field takes, fails here."""
    fields = {field.name for field in dataclasses.fields(Words)}
    from_top = {*SHARED, "in_progress", "statuses"}
    for language in WORD_LANGUAGES:
        own = set(section("overview", language))
        assert own.isdisjoint(from_top)  # a shared word is used from the top level, not copied
        assert fields == own | from_top
        words = catalogue_words(language)
        assert words == WORDS[language]
        assert (
            words.in_progress == words.statuses[ActionStatus.IN_PROGRESS] == word("action_status.in_progress", language)
        )
        assert (words.page, words.no_actions) == (word("page", language), word("no_actions", language))
    assert WORDS["sv"].overview_title == "Översikt över lärande uppföljningar"
    assert WORDS["en"].overview_title == "Overview of learning follow-ups"


def squeezed(text: str) -> str:
    """Without white space: a long text wraps where the page ends."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_both_pdfs_print_the_catalogues_words_in_each_language(
    services: Services, tmp_path: Path, language: str
) -> None:
    import_all(services)
    guide = load_guide(language)
    overview = services.overview.overview(today=TODAY)
    actions = services.overview.checkpoint_actions()
    overview_path, checkpoint_path = tmp_path / "overview.pdf", tmp_path / "checkpoint.pdf"
    render_overview_pdf(overview, guide, overview_path)
    render_checkpoint_pdf(actions, guide, checkpoint_path, TODAY)
    own = section("overview", language)
    printed = own["printed"].format(date=TODAY.isoformat())

    text = squeezed(text_of(overview_path))
    names = "; ".join(f"{n} {guide.scale(n).label}" for n in range(1, 10))
    assert squeezed(own["scales_legend"].format(scales=names)) in text
    for key in ("overview_title", "explanation", "scales_heading", "findings_heading", "unit"):
        assert squeezed(own[key]) in text, key
    for key in ("latest", "previous", "open", "overdue", "done"):
        assert squeezed(own[key]) in text, key
    assert squeezed(f"{word('units', language, n=3)} · {printed}") in text
    assert squeezed(own["median_value"].format(median=7)) in text  # Beta's scale 9: median of three
    assert squeezed(word("action_status.in_progress", language)) in text
    assert squeezed(word("page", language, page=1, pages=3)) in text
    metadata = PdfReader(overview_path).metadata
    assert metadata is not None
    keywords = str(metadata["/Keywords"])
    assert own["keyword_method"] in keywords and own["keyword_mainstreaming"] in keywords

    text = squeezed(text_of(checkpoint_path))
    for key in ("checkpoint_title", "checkpoint_intro", "owner", "new_status", "new_comment"):
        assert squeezed(own[key]) in text, key
    for name in ("action", "due", "status", "comment"):
        assert squeezed(word(name, language)) in text, name
    assert squeezed(own["from_session"].format(date="2025-11-12")) in text
    assert squeezed(own["scale_action"].format(number=3, action="")) in text
    assert squeezed(f"⚠ {own['overdue_mark']}") in text
    assert all(squeezed(f"☐ {word(f'action_status.{s.value}', language)}") in text for s in ActionStatus)
    assert squeezed(printed) in text

    other = section("overview", "en" if language == "sv" else "sv")
    assert squeezed(other["checkpoint_title"]) not in text


@pytest.mark.parametrize("language", WORD_LANGUAGES)
def test_nothing_to_show_is_said_in_the_catalogues_words(language: str) -> None:
    guide = load_guide(language)
    empty = overview_document(Overview((), TODAY), guide)
    assert doc.Paragraph(section("overview", language)["no_units"]) in empty.blocks
    assert empty.subtitle.startswith(word("units", language, n=0))
    assert doc.Paragraph(word("no_actions", language)) in checkpoint_document([], guide, TODAY).blocks
