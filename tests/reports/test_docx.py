"""The editable DOCX minutes: the same content as the PDF, in Word's own styles."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.image.exceptions import UnrecognizedImageError

from lardesk.method.guide import load_guide
from lardesk.method.snapshot import NoteInfo, SessionSnapshot
from lardesk.method.stats import number
from lardesk.reports.minutes import FigureImage, MinutesFigures, MinutesOptions
from lardesk.reports.minutes_docx import render_minutes_docx
from lardesk.services import Services
from tests.reports.test_minutes import big_snapshot

GUIDE = load_guide("sv")


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_example_docx_holds_the_minutes(services: Services, example_id: int, tmp_path: Path) -> None:
    snapshot = services.sessions.snapshot(example_id)
    path = tmp_path / "minutes.docx"
    render_minutes_docx(snapshot, GUIDE, path, options=MinutesOptions(case_number="KS 2011/7"))
    text = docx_text(path)
    assert "Exempelkommunen" in text
    assert "6 deltagare, varav 4 kvinnor och 2 män" in text
    for finding in snapshot.findings:
        assert GUIDE.findings[finding.code] in text
        assert finding.text in text
    for stats in snapshot.stats(1):
        assert str(number(stats.median)).replace(".", ",") in text
    joint = snapshot.joint_for(9)
    assert joint is not None and joint.comment in text
    document = docx.Document(str(path))
    assert document.core_properties.language == "sv-SE"
    assert document.core_properties.title.startswith("Minnesanteckningar")
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert "Programlogik" in headings and "Förbättringsåtgärder" in headings
    header_xml = document.sections[0].header._element.xml
    assert "NUMPAGES" in header_xml and "PAGE" in header_xml and "KS 2011/7" in header_xml


def test_docx_keeps_special_characters_and_drops_control_characters(tmp_path: Path) -> None:
    base = big_snapshot(participants=3, items=6)
    snapshot = SessionSnapshot(
        session=base.session,
        participants=base.participants,
        items=base.items,
        links=base.links,
        notes=(NoteInfo(1, 0, "R&D <b> 5 < 7 \x0b åäö"),),
        ratings=base.ratings,
    )
    path = tmp_path / "m.docx"
    render_minutes_docx(snapshot, GUIDE, path, options=MinutesOptions(include_board=False, include_spread=False))
    assert "R&D <b> 5 < 7  åäö" in docx_text(path)


def test_failed_docx_export_leaves_the_earlier_file(services: Services, example_id: int, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = out / "minutes.docx"
    snapshot = services.sessions.snapshot(example_id)
    render_minutes_docx(snapshot, GUIDE, path, options=MinutesOptions(include_board=False))
    before = path.read_bytes()
    broken = MinutesFigures(spread=FigureImage(png=b"not a png", width_in=6.0, height_in=4.0))
    with pytest.raises(UnrecognizedImageError):  # python-docx fails on the figure, halfway through
        render_minutes_docx(snapshot, GUIDE, path, options=MinutesOptions(include_board=False), figures=broken)
    assert path.read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["minutes.docx"]


def test_docx_passes_words_accessibility_rules(tmp_path: Path) -> None:
    from tests.docx_a11y import docx_accessibility_problems
    from tests.reports.test_minutes_pdfua import findings_snapshot

    for language, guide in (("sv", GUIDE), ("en", load_guide("en"))):
        snapshot = findings_snapshot(language)
        path = tmp_path / f"m-{language}.docx"
        render_minutes_docx(snapshot, guide, path)
        tag = "en-GB" if language == "en" else "sv-SE"
        assert docx_accessibility_problems(path, language=tag) == []
        document = docx.Document(str(path))
        pictures = document.inline_shapes
        assert len(pictures) >= 3  # two rounds' spreads and the board
        for shape in pictures:
            height_cm = shape.height / 360000
            assert height_cm < 21.0, "no picture taller than a page"
        styles = [p.style.name for p in document.paragraphs if p.style is not None]
        assert "Heading 1" in styles and "Heading 2" in styles and "Title" in styles
        assert "List Bullet" in styles
        text = docx_text(path)
        assert ("Ansvarig saknas" if language == "sv" else "No owner") in text
        header = document.sections[0].header.paragraphs[0]
        stops = [round(stop.position.cm, 1) for stop in header.paragraph_format.tab_stops]
        assert stops == [16.6], "the header's right tab stop is at the A4 text width"


def test_the_accessibility_rules_can_fail(tmp_path: Path) -> None:
    """python-docx's own defaults break the rules (English language, a picture without alt text, a table
    without a header row): the check finds each."""
    from tests.docx_a11y import docx_accessibility_problems

    document = docx.Document()
    document.add_heading("Rubrik", level=1)
    document.add_table(rows=2, cols=2).cell(1, 0).text = "x"
    document.add_paragraph("• handskriven punkt")
    path = tmp_path / "bad.docx"
    document.save(str(path))
    problems = " ".join(docx_accessibility_problems(path, language="sv-SE"))
    assert "header row" in problems
    assert "default language" in problems
    assert "typed by hand" in problems
    assert "title" in problems
