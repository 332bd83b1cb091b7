"""The minutes' section *Indikatorer* (PDF/UA and DOCX from the same blocks): every figure of the v2 example in
the text, the count of indicators that moved towards their target on the summary page, a chart per indicator
whose alt text states the figures."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from lardesk.method.guide import load_guide
from lardesk.method.indicators import format_number, indicator_words
from lardesk.method.snapshot import SessionSnapshot
from lardesk.method.words import word
from lardesk.reports.minutes import build_minutes, draw_figures, minutes_document, render_minutes
from lardesk.reports.minutes_docx import render_minutes_docx
from lardesk.services import Services
from tests.docx_a11y import docx_accessibility_problems
from tests.pdfua import check_pdf_ua
from tests.reports.test_minutes import flat, pdf_text
from tests.test_cli_indicators import EXAMPLE, every_figure

SV = load_guide("sv")


@pytest.fixture
def snapshot(services: Services) -> SessionSnapshot:
    new_id = services.exchange.import_file(EXAMPLE).new_id
    assert new_id is not None
    return services.sessions.snapshot(new_id)


def normal(text: str) -> str:
    """Text with no-break spaces as spaces and runs of white space made one (as extracted from a PDF)."""
    return flat(text.replace("\u00a0", " ").replace("\u202f", " "))


def test_every_figure_is_in_the_pdf_and_it_stays_pdf_ua(snapshot: SessionSnapshot, tmp_path: Path) -> None:
    path = tmp_path / "minnesanteckningar.pdf"
    render_minutes(snapshot, SV, path)
    text = normal(pdf_text(path))
    original = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    figures = every_figure(original)
    assert len(figures) == 29
    for item, indicator, row, period, value in figures:
        assert normal(format_number(value)) in text, (item, indicator, row, period, value)
    assert "Indikatorer" in text
    assert "2 av 3 indikatorer med mål har rört sig mot målet sedan utgångsvärdet." in text
    assert "2010 (utgångsvärde) 36 64 – −28" in text
    assert "2015 (mål) 40 60 – −20" in text
    assert "Kvinnor: +2 procentenheter sedan utgångsvärdet, 2 procentenheter kvar till målet." in text
    assert "2013: Andelen flickor har i genomsnitt ökat från 36 % 2010 till 38 % 2013" in text
    report = check_pdf_ua(path)
    charts = [alt for alt in report.figures if alt.startswith("Diagram:")]
    assert len(charts) == 3
    girls = next(alt for alt in charts if "flickors aktiviteter" in alt)
    for number in ("36", "36,5", "37,2", "38", "40", "64", "63,5", "62,8", "62", "60", "−28", "−24"):
        assert f"{number} " in normal(girls) or f"{number}\u00a0" in girls, number
    headings = [text for _level, text in report.headings]
    assert "Indikatorer" in headings
    assert "Effekt e1: Föreningsbidraget fördelas jämställt mellan flickor och pojkar" in headings


def test_the_pages_are_numbered_in_order(
    snapshot: SessionSnapshot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """This session's summary ends near the foot of page 1, where a break that read its own page never settled."""
    path = tmp_path / "minnesanteckningar.pdf"
    with caplog.at_level(logging.WARNING, logger="lardesk.reports.typst_pdf"):
        render_minutes(snapshot, SV, path)
    assert [record.getMessage() for record in caplog.records] == []  # Typst settled its layout
    reader = PdfReader(path)
    total = len(reader.pages)
    assert total > 2
    for index, page in enumerate(reader.pages, start=1):
        assert f"Sida {index} ({total})" in (page.extract_text() or ""), index


def test_the_summary_page_counts_the_indicators_that_moved(snapshot: SessionSnapshot) -> None:
    minutes = build_minutes(snapshot, SV)
    document = minutes_document(minutes, draw_figures(snapshot, SV))
    headings = [text for _level, text in document.headings]
    summary_end = headings.index("Deltagare")
    assert "Indikatorer" in headings[:summary_end]
    assert headings.count("Indikatorer") == 2  # on the summary page, and the section
    assert (0, "Indikatorer") in minutes.outline
    assert (1, "Resultat res1: Fler flickor deltar i föreningarnas aktiviteter") in minutes.outline


def test_the_docx_has_the_same_tables_and_charts_with_alt_text(snapshot: SessionSnapshot, tmp_path: Path) -> None:
    path = tmp_path / "minnesanteckningar.docx"
    render_minutes_docx(snapshot, SV, path)
    document = docx.Document(str(path))
    tables = [t for t in document.tables if t.rows[0].cells[0].text.startswith("Period")]
    assert [t.rows[0].cells[0].text for t in tables] == ["Period (antal)", "Period (% inom gruppen)", "Period (%)"]
    girls = tables[2]
    assert [c.text for c in girls.rows[3].cells] == ["2012", "37,2", "62,8", "–", "−25,6"]
    assert [c.text for c in tables[0].rows[1].cells][:4] == [
        "2010 (utgångsvärde)",
        "41\u00a0200",
        "68\u00a0900",
        "110\u00a0100",
    ]
    assert docx_accessibility_problems(path, language="sv-SE") == []


def test_a_session_without_indicators_has_no_such_section(services: Services, example_id: int) -> None:
    snapshot = services.sessions.snapshot(example_id)
    minutes = build_minutes(snapshot, SV)
    assert minutes.indicators == ()
    headings = [text for _level, text in minutes_document(minutes).headings]
    assert "Indikatorer" not in headings


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_indicator_part_speaks_the_catalogue_words_of_its_language(
    snapshot: SessionSnapshot, tmp_path: Path, language: str
) -> None:
    """What the figures say and the charts' alt texts, in the minutes' language, from the catalogue."""
    path = tmp_path / "minutes.pdf"
    render_minutes(snapshot, load_guide(language), path)
    text = normal(pdf_text(path))
    said = indicator_words(language)
    per = said.percentage_points
    women = word("indicators.group.women", language)
    since = said.since_baseline.format(amount=f"+2 {per}")
    assert f"{women}: {since}, {said.left_to_target.format(amount=f'2 {per}')}." in text
    moved = said.moved.format(direction=word("indicators.direction.towards", language))
    narrowed = word("indicators.gap_trend_start.narrowed", language)
    assert f"{narrowed}; {moved}." in text
    chart = word("indicators.chart.head", language, text="{text}").split("{text}")[0]
    alts = [alt for alt in check_pdf_ua(path).figures if alt.startswith(chart)]
    assert len(alts) == 3
    girls = next(alt for alt in alts if "flickors aktiviteter" in alt)
    assert word("indicators.chart.gaps", language, gaps="{gaps}", trend="").split("{gaps}")[0] in girls
    assert girls.endswith(
        word("indicators.chart.moved", language, direction=word("indicators.direction.towards", language))
    )
    if language == "en":
        assert "Women: +2 percentage points since the baseline, 2 percentage points to go to the target." in text
